#include "analysis/mentions.h"

#include "common/stable_hash.h"
#include "store/store_state.h"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/error.h"
#include "text/segmenter.h"

namespace dipmine::analysis {
namespace {

using Counts = std::map<std::string, std::pair<int64_t, int64_t>>;  // concept -> docs, mentions

Counts counts_by_concept(store::Database& db) {
  Counts out;
  store::Statement q(db,
                     "SELECT concept_id, count(DISTINCT doc_id), count(*) FROM mentions "
                     "GROUP BY concept_id");
  while (q.step()) out[q.column_text(0)] = {q.column_int(1), q.column_int(2)};
  return out;
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

std::string where_clause(const MentionFilter& f) {
  std::string w = "1";
  if (f.doc_id) w += " AND m.doc_id = ?1";
  if (f.concept_id) w += " AND m.concept_id = ?2";
  return w;
}

void bind_filter(store::Statement& q, const MentionFilter& f) {
  if (f.doc_id) q.bind(1, *f.doc_id);
  if (f.concept_id) q.bind(2, *f.concept_id);
}

}  // namespace

std::vector<store::MentionRecord> paragraph_mentions(const lexicon::Matcher& matcher,
                                                     std::string_view text, text::Lang lang) {
  return paragraph_mentions(matcher, text, lang,
                            text::normalizer_for(lang).fold_for_prefix(text));
}

std::vector<store::MentionRecord> paragraph_mentions(const lexicon::Matcher& matcher,
                                                     std::string_view text, text::Lang lang,
                                                     const text::MappedText& folded) {
  std::vector<store::MentionRecord> out;
  const std::vector<lexicon::Mention> found = matcher.find(text, lang, folded);
  if (found.empty()) return out;
  const std::vector<text::Span> sentences = text::sentences(text, lang);
  const lexicon::Lexicon& lex = matcher.lexicon();
  size_t s = 0;
  for (const lexicon::Mention& m : found) {  // sorted by start
    while (s + 1 < sentences.size() && sentences[s + 1].begin <= m.start) ++s;
    store::MentionRecord r;
    r.concept_id = lex.concepts[m.concept_index].id;
    r.sentence = static_cast<int>(s);
    r.start = m.start;
    r.end = m.end;
    r.form = lex.forms[m.form].form;
    out.push_back(std::move(r));
  }
  return out;
}

std::string lexicon_fingerprint(const lexicon::Lexicon& lexicon) {
  // Every field that shapes the concepts table or a mention.
  StableHash h;
  for (const lexicon::Concept& c : lexicon.concepts) {
    h.add(c.id).add(lexicon::kind_name(c.kind)).add(c.dimension).add(c.label_en).add(c.label_fa);
    h.add(c.label_ja).add(c.meta_json());
  }
  for (const lexicon::Form& f : lexicon.forms) {
    h.add(lexicon.concepts[f.concept_index].id).add(text::lang_name(f.lang)).add(f.form);
    h.add(f.pattern).add(f.regex ? "r" : "l").add(f.case_sensitive ? "c" : "i");
    if (f.near) h.add(fmt::format("{} {} {}", f.near->b_pattern, f.near->any_network, f.near->words));
  }
  return h.hex();
}

void sync_concepts(store::Corpus& corpus, const lexicon::Lexicon& lexicon) {
  store::Database& db = corpus.db();
  store::set_state(db, "lexicon", lexicon_fingerprint(lexicon));
  db.exec("DELETE FROM concepts");
  store::Statement ins(db,
                       "INSERT INTO concepts(id, kind, dimension, label_en, label_fa, label_ja, "
                       "meta) VALUES(?,?,?,?,?,?,?)");
  for (const lexicon::Concept& c : lexicon.concepts) {
    ins.bind(1, c.id).bind(2, lexicon::kind_name(c.kind)).bind(3, c.dimension);
    ins.bind(4, c.label_en).bind(5, c.label_fa).bind(6, c.label_ja).bind(7, c.meta_json());
    ins.run();
  }
}

ExtractReport re_extract(store::Corpus& corpus, const lexicon::Matcher& matcher) {
  store::Database& db = corpus.db();
  struct Para {
    int64_t id = 0, doc = 0;
    std::string text;
    text::Lang lang = text::Lang::none;
    std::vector<store::MentionRecord> mentions;
  };
  std::vector<Para> paras;
  {
    store::Statement q(db, "SELECT id, doc_id, text, lang FROM paragraphs ORDER BY id");
    while (q.step()) {
      paras.push_back({q.column_int(0), q.column_int(1), q.column_text(2),
                       text::parse_lang(q.column_text(3)).value_or(text::Lang::none), {}});
    }
  }
  tbb::parallel_for(size_t{0}, paras.size(), [&](size_t i) {
    paras[i].mentions = paragraph_mentions(matcher, paras[i].text, paras[i].lang);
  });

  ExtractReport r;
  r.paragraphs = static_cast<int64_t>(paras.size());
  store::Transaction tx(db);
  const Counts before = counts_by_concept(db);
  db.exec("DELETE FROM mentions");
  store::Statement ins(db,
                       "INSERT INTO mentions(doc_id, paragraph_id, sentence, concept_id, start, "
                       "end, form) VALUES(?,?,?,?,?,?,?)");
  for (const Para& p : paras) {
    for (const store::MentionRecord& m : p.mentions) {
      ins.bind(1, p.doc).bind(2, p.id).bind(3, m.sentence).bind(4, m.concept_id);
      ins.bind(5, static_cast<int64_t>(m.start)).bind(6, static_cast<int64_t>(m.end));
      ins.bind(7, m.form);
      ins.run();
    }
  }
  sync_concepts(corpus, matcher.lexicon());
  const Counts after = counts_by_concept(db);
  tx.commit();

  std::set<std::string> ids;
  for (const auto& [k, v] : before) ids.insert(k), r.mentions_before += v.second;
  for (const auto& [k, v] : after) ids.insert(k), r.mentions_after += v.second;
  for (const std::string& id : ids) {
    ConceptChange c{id, 0, 0, 0, 0};
    if (auto it = before.find(id); it != before.end()) {
      c.docs_before = it->second.first, c.mentions_before = it->second.second;
    }
    if (auto it = after.find(id); it != after.end()) {
      c.docs_after = it->second.first, c.mentions_after = it->second.second;
    }
    if (c.docs_before == c.docs_after && c.mentions_before == c.mentions_after) continue;
    if (c.mentions_before == 0) r.gained.push_back(id);
    if (c.mentions_after == 0) r.lost.push_back(id);
    r.changes.push_back(c);
  }
  return r;
}

std::vector<MentionCount> mention_counts(store::Corpus& corpus, const MentionFilter& filter) {
  std::vector<MentionCount> out;
  store::Statement q(corpus.db(),
                     fmt::format("SELECT m.doc_id, d.name, m.concept_id, "
                                 "coalesce(c.kind, ''), count(*), count(DISTINCT m.paragraph_id) "
                                 "FROM mentions m JOIN documents d ON d.id = m.doc_id "
                                 "LEFT JOIN concepts c ON c.id = m.concept_id WHERE {} "
                                 "GROUP BY m.doc_id, m.concept_id ORDER BY m.doc_id, m.concept_id",
                                 where_clause(filter)));
  bind_filter(q, filter);
  while (q.step()) {
    out.push_back({q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3),
                   q.column_int(4), q.column_int(5)});
  }
  return out;
}

std::vector<MentionDetail> mention_details(store::Corpus& corpus, const MentionFilter& filter) {
  std::vector<MentionDetail> out;
  store::Statement q(corpus.db(),
                     fmt::format("SELECT m.doc_id, d.name, p.ordinal, p.lang, m.sentence, "
                                 "m.concept_id, m.form, m.start, m.end, p.text "
                                 "FROM mentions m JOIN documents d ON d.id = m.doc_id "
                                 "JOIN paragraphs p ON p.id = m.paragraph_id WHERE {} "
                                 "ORDER BY m.doc_id, p.ordinal, m.start, m.concept_id",
                                 where_clause(filter)));
  bind_filter(q, filter);
  while (q.step()) {
    MentionDetail d;
    d.doc_id = q.column_int(0);
    d.doc_name = q.column_text(1);
    d.paragraph = q.column_int(2);
    d.lang = q.column_text(3);
    d.sentence = static_cast<int>(q.column_int(4));
    d.concept_id = q.column_text(5);
    d.form = q.column_text(6);
    d.start = static_cast<uint32_t>(q.column_int(7));
    d.end = static_cast<uint32_t>(q.column_int(8));
    const std::string text = q.column_text(9);
    if (d.end <= text.size() && d.start <= d.end) {
      d.matched = one_line(text.substr(d.start, d.end - d.start));
      const auto lang = text::parse_lang(d.lang).value_or(text::Lang::none);
      for (const text::Span& s : text::sentences(text, lang)) {
        if (s.begin <= d.start && d.start < s.end) {
          d.sentence_text = one_line(text.substr(s.begin, s.end - s.begin));
          break;
        }
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace dipmine::analysis

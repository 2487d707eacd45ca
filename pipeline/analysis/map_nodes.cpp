#include "analysis/map_nodes.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "analysis/terms.h"
#include "analysis/thesaurus.h"
#include "common/error.h"
#include "store/sqlite.h"

namespace dipmine::analysis {
namespace {

using store::Statement;

// Collects (unit, node, count) triples and hands back sorted nodes and units.
class InputBuilder {
 public:
  int32_t node(const std::string& key, const MapNode& info) {
    auto [it, added] = node_index_.try_emplace(key, static_cast<int32_t>(nodes_.size()));
    if (added) nodes_.push_back(info);
    return it->second;
  }
  MapNode& node_at(int32_t i) { return nodes_[static_cast<size_t>(i)]; }

  void add(int64_t doc, int64_t paragraph, int sentence, std::optional<int> year,
           const std::string& lang, int32_t node) {
    const auto key = std::make_tuple(doc, paragraph, sentence);
    auto [it, added] = unit_index_.try_emplace(key, units_.size());
    if (added) {
      MapUnit u;
      u.doc_id = doc;
      u.paragraph_id = paragraph;
      u.sentence = sentence;
      u.year = year;
      u.lang = lang;
      units_.push_back(std::move(u));
    }
    units_[it->second].counts.emplace_back(node, 1);
  }

  MapInput finish() {
    // Nodes by key; remap indices.
    std::vector<int32_t> order(nodes_.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
      return nodes_[static_cast<size_t>(a)].key < nodes_[static_cast<size_t>(b)].key;
    });
    std::vector<int32_t> new_index(nodes_.size());
    MapInput out;
    for (size_t i = 0; i < order.size(); ++i) {
      new_index[static_cast<size_t>(order[i])] = static_cast<int32_t>(i);
      out.nodes.push_back(std::move(nodes_[static_cast<size_t>(order[i])]));
    }
    for (auto& u : units_) {
      for (auto& c : u.counts) c.first = new_index[static_cast<size_t>(c.first)];
      std::sort(u.counts.begin(), u.counts.end());
      // Merge repeated nodes into one (node, count) pair.
      std::vector<std::pair<int32_t, int32_t>> merged;
      for (const auto& c : u.counts) {
        if (!merged.empty() && merged.back().first == c.first) merged.back().second += c.second;
        else merged.push_back(c);
      }
      u.counts = std::move(merged);
    }
    std::sort(units_.begin(), units_.end(), [](const MapUnit& a, const MapUnit& b) {
      return std::tie(a.doc_id, a.paragraph_id, a.sentence) <
             std::tie(b.doc_id, b.paragraph_id, b.sentence);
    });
    out.units = std::move(units_);
    return out;
  }

 private:
  struct TupleHash {
    size_t operator()(const std::tuple<int64_t, int64_t, int>& t) const {
      uint64_t h = static_cast<uint64_t>(std::get<0>(t)) * 0x9E3779B97F4A7C15ull;
      h ^= static_cast<uint64_t>(std::get<1>(t)) + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
      h ^= static_cast<uint64_t>(std::get<2>(t) + 1) * 0xC2B2AE3D27D4EB4Full;
      return static_cast<size_t>(h);
    }
  };
  std::unordered_map<std::string, int32_t> node_index_;
  std::vector<MapNode> nodes_;
  std::unordered_map<std::tuple<int64_t, int64_t, int>, size_t, TupleHash> unit_index_;
  std::vector<MapUnit> units_;
};

bool year_ok(const NodeQuery& q, std::optional<int> year) {
  if (!q.year_from && !q.year_to) return true;
  if (!year) return false;
  return (!q.year_from || *year >= *q.year_from) && (!q.year_to || *year <= *q.year_to);
}

std::optional<int> year_of(const Statement& s, int col) {
  if (s.column_is_null(col)) return std::nullopt;
  return static_cast<int>(s.column_int(col));
}

std::string pick_label(const NodeQuery& q, const std::string& en, const std::string& fa,
                       const std::string& ja, const std::string& id) {
  const std::string* order[3] = {&en, &fa, &ja};
  if (q.label_lang == "fa") order[0] = &fa, order[1] = &en;
  if (q.label_lang == "ja") order[0] = &ja, order[1] = &en, order[2] = &fa;
  for (const std::string* s : order) {
    if (!s->empty()) return *s;
  }
  return id;
}

void load_concepts(store::Corpus& corpus, const NodeQuery& q, InputBuilder& b) {
  std::unordered_map<std::string, MapNode> concepts;
  Statement c(corpus.db(),
              "SELECT id, kind, dimension, label_en, label_fa, label_ja FROM concepts");
  while (c.step()) {
    MapNode n{c.column_text(0), "", c.column_text(1), c.column_text(2)};
    n.label = pick_label(q, c.column_text(3), c.column_text(4), c.column_text(5), n.key);
    concepts.emplace(n.key, std::move(n));
  }
  Statement m(corpus.db(),
              "SELECT m.doc_id, m.paragraph_id, m.sentence, m.concept_id, d.year, d.lang, p.lang "
              "FROM mentions m JOIN documents d ON d.id = m.doc_id "
              "JOIN paragraphs p ON p.id = m.paragraph_id");
  // The last concept looked up, since mentions of one concept often come in runs.
  std::string last_id;
  int32_t last_node = -1;
  bool last_kept = false;
  while (m.step()) {
    const auto year = year_of(m, 4);
    if (!year_ok(q, year)) continue;
    const std::string para_lang = m.column_text(6);
    if (!q.lang.empty() && para_lang != q.lang) continue;
    std::string id = m.column_text(3);
    if (id != last_id) {
      auto it = concepts.find(id);
      MapNode info = it != concepts.end() ? it->second : MapNode{id, id, "", ""};
      last_kept = q.kinds.empty() ||
                  std::find(q.kinds.begin(), q.kinds.end(), info.kind) != q.kinds.end();
      if (last_kept) last_node = b.node(id, info);
      last_id = std::move(id);
    }
    if (!last_kept) continue;
    const int64_t doc = m.column_int(0);
    switch (q.unit) {
      case Unit::document: b.add(doc, 0, -1, year, m.column_text(5), last_node); break;
      case Unit::paragraph: b.add(doc, m.column_int(1), -1, year, para_lang, last_node); break;
      case Unit::sentence:
        b.add(doc, m.column_int(1), static_cast<int>(m.column_int(2)), year, para_lang, last_node);
        break;
    }
  }
}

void load_keywords(store::Corpus& corpus, const NodeQuery& q, InputBuilder& b) {
  if (q.unit != Unit::document) {
    throw UsageError("--unit: keywords belong to whole records; use --unit document");
  }
  const Thesaurus thesaurus = q.thesaurus.empty() ? Thesaurus() : Thesaurus::load(q.thesaurus);
  // Per node key: how often each spelling occurs, to label by the most frequent.
  std::map<std::string, std::map<std::string, int64_t>> spellings;
  Statement k(corpus.db(),
              "SELECT k.doc_id, k.kind, k.keyword, k.key, "
              "CASE WHEN k.lang <> '' THEN k.lang ELSE d.lang END, d.year "
              "FROM keywords k JOIN documents d ON d.id = k.doc_id");
  KeywordKeys keys;
  while (k.step()) {
    const std::string kind = k.column_text(1);
    if (q.keyword_kind != "all" && kind != q.keyword_kind) continue;
    const auto year = year_of(k, 5);
    if (!year_ok(q, year)) continue;
    const std::string lang = k.column_text(4);
    if (!q.lang.empty() && lang != q.lang) continue;
    const auto key = thesaurus.apply(keys.of(k.column_text(2)));
    if (!key || key->empty()) continue;
    const int32_t node = b.node(*key, MapNode{*key, "", "keyword", ""});
    spellings[*key][k.column_text(2)]++;
    b.add(k.column_int(0), 0, -1, year, lang, node);
  }
  for (const auto& [key, forms] : spellings) {
    const int32_t node = b.node(key, {});
    std::string label = thesaurus.label(key);
    if (label.empty()) {
      int64_t best = -1;
      for (const auto& [form, n] : forms) {  // ties: the first in byte order
        if (n > best) best = n, label = form;
      }
    }
    b.node_at(node).label = label;
  }
}

void load_terms(store::Corpus& corpus, const NodeQuery& q, InputBuilder& b) {
  if (q.unit != Unit::document) {
    throw UsageError("--unit: terms are counted per document; use --unit document");
  }
  TermOptions opt;
  if (!q.lang.empty()) opt.lang = text::parse_lang(q.lang);
  opt.min_docs = 1;
  std::vector<int64_t> docs;
  std::unordered_map<int64_t, std::pair<std::optional<int>, std::string>> doc_info;
  for (const auto& d : corpus.documents()) {
    if (!year_ok(q, d.year)) continue;
    docs.push_back(d.id);
    doc_info[d.id] = {d.year, d.lang};
  }
  opt.doc_ids = docs;
  const auto terms = candidate_terms(corpus, nullptr, load_stop_words(q.stopwords_dir), opt);
  for (const auto& t : terms) {
    const int32_t node = b.node("term:" + t.key, MapNode{"term:" + t.key, t.term, "term", ""});
    for (int64_t doc : t.doc_ids) {
      const auto& [year, lang] = doc_info[doc];
      b.add(doc, 0, -1, year, lang, node);
    }
  }
}

}  // namespace

NodeSource parse_node_source(const std::string& name) {
  if (name == "concepts") return NodeSource::concepts;
  if (name == "terms") return NodeSource::terms;
  if (name == "both") return NodeSource::both;
  if (name == "keywords") return NodeSource::keywords;
  throw UsageError(fmt::format("--nodes: '{}' is not concepts, terms, both or keywords", name));
}

Unit parse_unit(const std::string& name) {
  if (name == "document") return Unit::document;
  if (name == "paragraph") return Unit::paragraph;
  if (name == "sentence") return Unit::sentence;
  throw UsageError(fmt::format("--unit: '{}' is not document, paragraph or sentence", name));
}

MapInput load_map_input(store::Corpus& corpus, const NodeQuery& q) {
  if (!q.lang.empty() && q.lang != "fa" && q.lang != "en" && q.lang != "ja") {
    throw UsageError(fmt::format("--lang: '{}' is not fa, en or ja", q.lang));
  }
  if (q.keyword_kind != "all" && q.keyword_kind != "author" && q.keyword_kind != "index") {
    throw UsageError(fmt::format("--keywords: '{}' is not author, index or all", q.keyword_kind));
  }
  if (q.year_from && q.year_to && *q.year_from > *q.year_to) {
    throw UsageError(fmt::format("--year: the range {}..{} is empty (FROM is after TO)", *q.year_from, *q.year_to));
  }
  if (!q.thesaurus.empty() && q.source != NodeSource::keywords) {
    throw UsageError("--thesaurus: applies to --nodes keywords only");
  }
  InputBuilder b;
  switch (q.source) {
    case NodeSource::concepts: load_concepts(corpus, q, b); break;
    case NodeSource::keywords: load_keywords(corpus, q, b); break;
    case NodeSource::terms: load_terms(corpus, q, b); break;
    case NodeSource::both:
      if (q.unit != Unit::document) {
        throw UsageError("--unit: terms are counted per document; use --unit document");
      }
      load_concepts(corpus, q, b);
      load_terms(corpus, q, b);
      break;
  }
  return b.finish();
}

std::vector<DocumentRef> document_refs(store::Corpus& corpus, const std::vector<int64_t>& ids) {
  std::vector<DocumentRef> out;
  out.reserve(ids.size());
  Statement s(corpus.db(),
              "SELECT id, CASE WHEN title <> '' THEN title ELSE name END, year FROM documents "
              "WHERE id = ?");
  for (int64_t id : ids) {
    s.bind(1, id);
    if (s.step()) out.push_back({s.column_int(0), s.column_text(1), year_of(s, 2)});
    s.reset();
  }
  return out;
}

}  // namespace dipmine::analysis

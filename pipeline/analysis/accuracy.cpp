#include "analysis/accuracy.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <set>

#include "common/error.h"

namespace dipmine::analysis {

GoldSet load_gold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read the gold file", path));
  GoldSet g;
  g.path = path;
  std::string line;
  int n = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      c.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (!header) {
      if (c.size() < 4 || c[0] != "file" || c[1] != "anchor" || c[2] != "concept" || c[3] != "count") {
        throw Error(fmt::format("{}:{}: header must be \"file anchor concept count note\"", path, n));
      }
      header = true;
      continue;
    }
    if (c.size() < 4) throw Error(fmt::format("{}:{}: expected at least 4 columns", path, n));
    GoldRow r{c[0], c[1], c[2], 0, n};
    try {
      r.count = std::stoi(c[3]);
    } catch (...) {
      r.count = -1;
    }
    if (r.count < 0 || (r.concept_id == "-" && r.count != 0) || (r.concept_id != "-" && r.count == 0)) {
      throw Error(fmt::format("{}:{}: bad count \"{}\"", path, n, c[3]));
    }
    if (r.anchor.empty()) throw Error(fmt::format("{}:{}: empty anchor", path, n));
    g.rows.push_back(std::move(r));
  }
  return g;
}

std::vector<AccuracyRow> evaluate_gold(store::Corpus& corpus, const lexicon::Matcher& matcher,
                                       const GoldSet& gold) {
  const lexicon::Lexicon& lex = matcher.lexicon();
  struct Para {
    std::string lang;
    std::map<std::string, int> gold;  // concept -> count
    std::string text;
  };
  std::map<std::pair<std::string, int64_t>, Para> paras;  // (file, ordinal)
  for (const GoldRow& r : gold.rows) {
    store::Statement q(corpus.db(),
                       "SELECT p.ordinal, p.lang, p.text FROM paragraphs p JOIN documents d "
                       "ON d.id = p.doc_id WHERE d.name = ?1 AND instr(p.text, ?2) > 0");
    q.bind(1, r.file).bind(2, r.anchor);
    if (!q.step()) {
      throw Error(fmt::format("{}:{}: no paragraph of {} contains \"{}\"", gold.path, r.line,
                              r.file, r.anchor));
    }
    const int64_t ordinal = q.column_int(0);
    Para p{q.column_text(1), {}, q.column_text(2)};
    if (q.step()) {
      throw Error(fmt::format("{}:{}: \"{}\" is in several paragraphs of {}", gold.path, r.line,
                              r.anchor, r.file));
    }
    if (r.concept_id != "-" && !lex.find(r.concept_id)) {
      throw Error(fmt::format("{}:{}: unknown concept \"{}\"", gold.path, r.line, r.concept_id));
    }
    auto [it, fresh] = paras.emplace(std::make_pair(r.file, ordinal), std::move(p));
    if (r.concept_id != "-") it->second.gold[r.concept_id] += r.count;
  }
  std::map<std::pair<std::string, std::string>, AccuracyRow> acc;  // (kind, lang)
  for (auto& [key, p] : paras) {
    std::map<std::string, int> found;
    for (const auto& m : matcher.find(p.text, text::parse_lang(p.lang).value_or(text::Lang::none))) {
      found[lex.concepts[m.concept_index].id]++;
    }
    std::set<std::string> ids;
    for (const auto& [c, k] : p.gold) ids.insert(c);
    for (const auto& [c, k] : found) ids.insert(c);
    std::set<std::string> kinds_seen;
    for (const std::string& c : ids) {
      const std::string kind(lexicon::kind_name(lex.concepts[*lex.find(c)].kind));
      for (const std::string& lang : {p.lang, std::string("all")}) {
        for (const std::string& k : {kind, std::string("all")}) {
          AccuracyRow& a = acc[{k, lang}];
          const int g = p.gold.count(c) ? p.gold.at(c) : 0, f = found.count(c) ? found.at(c) : 0;
          a.gold += g;
          a.found += f;
          a.true_positives += std::min(g, f);
        }
      }
    }
    for (const std::string& lang : {p.lang, std::string("all")}) {
      for (const std::string& k : {std::string("indicator"), std::string("network"), std::string("all")}) {
        acc[{k, lang}].paragraphs++;
      }
    }
  }
  std::vector<AccuracyRow> out;
  for (const std::string k : {"indicator", "network", "all"}) {
    for (const std::string l : {"fa", "en", "ja", "all"}) {
      auto it = acc.find({k, l});
      if (it == acc.end()) continue;
      AccuracyRow r = it->second;
      r.kind = k;
      r.lang = l;
      r.precision = r.found ? static_cast<double>(r.true_positives) / r.found : 1.0;
      r.recall = r.gold ? static_cast<double>(r.true_positives) / r.gold : 1.0;
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace dipmine::analysis

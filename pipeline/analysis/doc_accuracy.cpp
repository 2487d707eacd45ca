// Document-level gold (labels-<lang>.tsv in a folder) and its scoring; the
// contract is in accuracy.h.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "analysis/accuracy.h"
#include "common/error.h"
#include "common/lines.h"

namespace dipmine::analysis {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDocGoldHeader[] = {"file",  "split",      "source",   "licence", "title",
                                          "year",  "indicators", "networks", "note"};

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read the labels file", p.string()));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A path with a "fetched" folder in it: a document brought by scripts/fetch-gold.
bool is_fetched_path(const std::string& file) {
  for (const auto& part : fs::path(file)) {
    if (part == "fetched") return true;
  }
  return false;
}

// "new:" followed by a snake_case id: a network no concept exists for yet.
bool is_new_network_id(std::string_view id) {
  if (id.substr(0, 4) != "new:" || id.size() == 4) return false;
  return std::all_of(id.begin() + 4, id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// The ids of one labels cell, each checked against the lexicon for `kind`.
std::set<std::string> parse_ids(const std::string& cell, lexicon::ConceptKind kind,
                                 const lexicon::Lexicon& lex, const std::string& where) {
  std::set<std::string> ids;
  std::istringstream in(cell);
  const std::string_view want = lexicon::kind_name(kind);
  const char* column = kind == lexicon::ConceptKind::indicator ? "indicators" : "networks";
  for (std::string id; in >> id;) {
    if (id == "-") continue;
    if (kind == lexicon::ConceptKind::network && id.rfind("new:", 0) == 0) {
      if (!is_new_network_id(id)) {
        throw Error(fmt::format("{}: bad new network id \"{}\" (new:snake_case)", where, id));
      }
      ids.insert(id);
      continue;
    }
    const auto index = lex.find(id);
    if (!index) throw Error(fmt::format("{}: unknown concept \"{}\" in {}", where, id, column));
    const std::string_view is = lexicon::kind_name(lex.concepts[*index].kind);
    if (is != want) {
      throw Error(fmt::format("{}: \"{}\" is a {}, not a {} ({} column)", where, id, is, want,
                              column));
    }
    ids.insert(id);
  }
  if (ids.empty() && cell != "-") {
    throw Error(fmt::format("{}: empty {} (write - for none)", where, column));
  }
  return ids;
}

void load_labels(const fs::path& labels, const std::string& lang, const fs::path& dir,
                 const lexicon::Lexicon& lex, DocGold& g, std::set<std::string>& seen) {
  const std::string path = labels.string(), text = read_all(labels);
  LineReader lines(text);
  bool header = false;
  for (std::string_view line; lines.next(line);) {
    const std::string where = fmt::format("{}:{}", path, lines.number());
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c = split_tabs(line);
    if (!header) {
      bool ok = c.size() >= 8;
      for (size_t i = 0; ok && i < 8; ++i) ok = c[i] == kDocGoldHeader[i];
      if (!ok) {
        throw Error(fmt::format("{}: header must be \"file split source licence title year "
                                "indicators networks note\"",
                                where));
      }
      header = true;
      continue;
    }
    if (c.size() < 8 || c.size() > 9) {
      throw Error(fmt::format("{}: expected 9 tab-separated columns, found {}", where, c.size()));
    }
    DocGoldRow r;
    r.file = c[0];
    r.lang = lang;
    r.split = c[1];
    r.labels_path = path;
    r.line = static_cast<int>(lines.number());
    if (r.split != "dev" && r.split != "test") {
      throw Error(fmt::format("{}: split must be dev or test, not \"{}\"", where, r.split));
    }
    const std::string& year = c[5];
    if (!year.empty() && (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit))) {
      throw Error(fmt::format("{}: year must be 4 digits or empty, not \"{}\"", where, year));
    }
    if (r.file.empty() || fs::path(r.file).is_absolute() || r.file.find("..") != std::string::npos) {
      throw Error(fmt::format("{}: file must be a path inside {}, not \"{}\"", where,
                              dir.string(), r.file));
    }
    const fs::path doc = dir / r.file;
    if (!seen.insert(r.file).second) {
      throw Error(fmt::format("{}: {} is labelled twice", where, r.file));
    }
    r.path = doc.string();
    r.indicators = parse_ids(c[6], lexicon::ConceptKind::indicator, lex, where);
    r.networks = parse_ids(c[7], lexicon::ConceptKind::network, lex, where);
    if (std::error_code ec; !fs::is_regular_file(doc, ec)) {
      // A text whose licence does not let the project store it lives in a
      // git-ignored fetched/ folder that scripts/fetch-gold fills: absent there
      // means not fetched (counted and said), anywhere else a broken gold.
      if (!is_fetched_path(r.file)) {
        throw Error(fmt::format("{}: no such document {}", where, doc.string()));
      }
      g.absent.push_back(r.file);
      continue;
    }
    for (const std::string& n : r.networks) g.new_networks += is_new_network_id(n);
    g.docs.push_back(std::move(r));
  }
  if (!header) throw Error(fmt::format("{}: no header line", path));
}

struct Tally {
  int64_t docs = 0, gold = 0, found = 0, tp = 0;
};

}  // namespace

DocGold load_doc_gold(const std::string& dir, const lexicon::Lexicon& lexicon) {
  if (std::error_code ec; !fs::is_directory(dir, ec)) throw Error(fmt::format("{}: no such gold folder", dir));
  std::vector<fs::path> labels;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.rfind("labels-", 0) == 0 && e.path().extension() == ".tsv") {
      labels.push_back(e.path());
    }
  }
  if (labels.empty()) throw Error(fmt::format("{}: no labels-<lang>.tsv file", dir));
  std::sort(labels.begin(), labels.end());
  DocGold g;
  g.dir = dir;
  std::set<std::string> seen;
  for (const fs::path& p : labels) {
    const std::string stem = p.stem().string(), lang = stem.substr(7);
    if (lang != "fa" && lang != "en" && lang != "ja") {
      throw Error(fmt::format("{}: the language in labels-<lang>.tsv must be fa, en or ja",
                              p.string()));
    }
    load_labels(p, lang, dir, lexicon, g, seen);
  }
  return g;
}

std::vector<DocAccuracyRow> evaluate_doc_gold(const DocGold& gold,
                                              const std::vector<std::set<std::string>>& found,
                                              const lexicon::Lexicon& lexicon, DocGrouping by,
                                              const std::string& split) {
  if (found.size() != gold.docs.size()) {
    throw Error(fmt::format("{}: {} documents but {} match results", gold.dir, gold.docs.size(),
                            found.size()));
  }
  // Key: (split, kind, lang, concept); "all" where a dimension is summed over.
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, Tally> acc;
  auto kind_of = [&](const std::string& id) -> std::string {
    if (is_new_network_id(id)) return "network";
    const auto i = lexicon.find(id);
    return i ? std::string(lexicon::kind_name(lexicon.concepts[*i].kind)) : std::string();
  };
  for (size_t d = 0; d < gold.docs.size(); ++d) {
    const DocGoldRow& doc = gold.docs[d];
    std::set<std::string> g = doc.indicators, f;
    g.insert(doc.networks.begin(), doc.networks.end());
    for (const std::string& id : found[d]) {
      if (const std::string k = kind_of(id); k == "indicator" || k == "network") f.insert(id);
    }
    std::set<std::string> ids = g;
    ids.insert(f.begin(), f.end());
    for (const std::string& sp : {doc.split, std::string("all")}) {
      const bool per_concept = by == DocGrouping::concepts;
      // A document counts in every kind x language group of its split (per-concept
      // rows take the split's document count instead).
      if (!per_concept) {
        for (const std::string& k : {std::string("indicator"), std::string("network"), std::string("all")}) {
          for (const std::string& l : {doc.lang, std::string("all")}) acc[{sp, k, l, ""}].docs++;
        }
      }
      for (const std::string& id : ids) {
        const bool in_gold = g.count(id) > 0, in_found = f.count(id) > 0;
        auto add = [&](Tally& t) {
          t.gold += in_gold;
          t.found += in_found;
          t.tp += in_gold && in_found;
        };
        const std::string k = kind_of(id);
        if (per_concept) {
          add(acc[{sp, k, "all", id}]);
          continue;
        }
        for (const std::string& kk : {k, std::string("all")}) {
          for (const std::string& l : {doc.lang, std::string("all")}) add(acc[{sp, kk, l, ""}]);
        }
      }
    }
  }
  // Documents per (split) for per-concept rows: every document of the split.
  std::map<std::string, int64_t> docs_in_split;
  for (const DocGoldRow& doc : gold.docs) {
    docs_in_split[doc.split]++;
    docs_in_split["all"]++;
  }
  std::vector<DocAccuracyRow> out;
  auto emit = [&](const Key& key, const Tally& t) {
    DocAccuracyRow r;
    std::tie(r.split, r.kind, r.lang, r.concept_id) = key;
    r.docs = by == DocGrouping::concepts ? docs_in_split[r.split] : t.docs;
    r.gold = t.gold;
    r.found = t.found;
    r.true_positives = t.tp;
    r.precision = t.found ? static_cast<double>(t.tp) / t.found : 1.0;
    r.recall = t.gold ? static_cast<double>(t.tp) / t.gold : 1.0;
    r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
    out.push_back(r);
  };
  for (const std::string sp : {"dev", "test", "all"}) {
    if (!split.empty() && sp != split) continue;
    if (by == DocGrouping::concepts) {
      for (const std::string k : {"indicator", "network"}) {
        for (const auto& [key, t] : acc) {
          if (std::get<0>(key) == sp && std::get<1>(key) == k) emit(key, t);
        }
      }
      continue;
    }
    for (const std::string k : {"indicator", "network", "all"}) {
      if (by == DocGrouping::lang && k != std::string("all")) continue;
      for (const std::string l : {"fa", "en", "ja", "all"}) {
        if (by == DocGrouping::kind && l != std::string("all")) continue;
        if (auto it = acc.find({sp, k, l, ""}); it != acc.end()) emit(it->first, it->second);
      }
    }
  }
  return out;
}

}  // namespace dipmine::analysis

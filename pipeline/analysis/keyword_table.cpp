#include "analysis/keyword_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace dipmine::analysis {
namespace {

struct Acc {
  std::set<int64_t> docs;
  int64_t occurrences = 0;
  std::optional<int> first, last;
  std::map<std::string, int64_t> spellings, langs;
};

std::string most_common(const std::map<std::string, int64_t>& counts) {
  std::string best;
  int64_t n = -1;
  for (const auto& [s, c] : counts) {
    if (c > n) best = s, n = c;  // map order: ties go to the first in byte order
  }
  return best;
}

}  // namespace

std::vector<KeywordCount> keyword_table(store::Database& db, const KeywordTableOptions& options) {
  std::string sql =
      "SELECT k.key, k.keyword, k.lang, k.doc_id, d.year FROM keywords k "
      "JOIN documents d ON d.id = k.doc_id WHERE 1";
  if (options.kind != "all") sql += " AND k.kind = ?1";
  if (!options.lang.empty()) sql += " AND k.lang = ?2";
  store::Statement q(db, sql);
  if (options.kind != "all") q.bind(1, options.kind);
  if (!options.lang.empty()) q.bind(2, options.lang);
  std::unordered_map<std::string, Acc> by_node;
  KeywordKeys keys;
  while (q.step()) {
    std::string node = keys.of(q.column_text(1));
    if (options.thesaurus != nullptr) {
      std::optional<std::string> mapped = options.thesaurus->apply(node);
      if (!mapped) continue;
      node = std::move(*mapped);
    }
    Acc& a = by_node[node];
    a.docs.insert(q.column_int(3));
    ++a.occurrences;
    ++a.spellings[q.column_text(1)];
    ++a.langs[q.column_text(2)];
    if (!q.column_is_null(4)) {
      const int y = static_cast<int>(q.column_int(4));
      if (!a.first || y < *a.first) a.first = y;
      if (!a.last || y > *a.last) a.last = y;
    }
  }
  std::vector<KeywordCount> out;
  out.reserve(by_node.size());
  for (auto& [node, a] : by_node) {
    KeywordCount k;
    k.key = node;
    if (options.thesaurus != nullptr) k.label = options.thesaurus->label(node);
    if (k.label.empty()) k.label = most_common(a.spellings);
    k.lang = most_common(a.langs);
    k.records = static_cast<int64_t>(a.docs.size());
    k.occurrences = a.occurrences;
    k.first_year = a.first;
    k.last_year = a.last;
    out.push_back(std::move(k));
  }
  std::sort(out.begin(), out.end(), [](const KeywordCount& x, const KeywordCount& y) {
    if (x.records != y.records) return x.records > y.records;
    if (x.occurrences != y.occurrences) return x.occurrences > y.occurrences;
    if (x.label != y.label) return x.label < y.label;
    return x.key < y.key;
  });
  if (options.top > 0 && out.size() > options.top) out.resize(options.top);
  return out;
}

}  // namespace dipmine::analysis

// The keyword frequency table of the store: how many records carry each
// keyword, first and last year; the raw material of a thesaurus.
//
//   KeywordTableOptions o;  o.kind = "author";  o.top = 50;
//   for (const KeywordCount& k : keyword_table(corpus.db(), o)) ...
//
// Keywords are grouped by their folded key (keywords.key), after the
// thesaurus if one is given (merged keys add up; dropped keys disappear).
// label: the thesaurus's label for the node, else the spelling written most
// often (ties: the first in byte order). records: documents carrying it;
// occurrences: keyword rows (a record listing it as author and as index
// keyword counts twice). Sorted by records, then occurrences (both
// descending), then label. Reads only; throws dipmine::Error for SQL errors.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/thesaurus.h"
#include "store/sqlite.h"

namespace dipmine::analysis {

struct KeywordTableOptions {
  std::string kind = "all";          // "author", "index" or "all"
  std::string lang;                  // "" = every language; else fa, en, ja
  size_t top = 0;                    // 0 = all rows
  const Thesaurus* thesaurus = nullptr;
};

struct KeywordCount {
  std::string key, label, lang;
  int64_t records = 0, occurrences = 0;
  std::optional<int> first_year, last_year;
};

std::vector<KeywordCount> keyword_table(store::Database& db, const KeywordTableOptions& options);

}  // namespace dipmine::analysis

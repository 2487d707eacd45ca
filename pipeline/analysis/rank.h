// Frequency rankings of lexicon concepts, the paper's measure: how many texts
// mention each indicator (or network), with mentions, share of documents and
// documents per language; and the same summed by dimension.
//
//   RankOptions o;  o.kind = "indicator";  o.year_from = 2015;
//   for (const RankRow& r : rank_concepts(corpus, o)) print(r.rank, r.concept_id, r.documents);
//   for (const DimensionRow& d : rank_dimensions(corpus, o)) ...
//
// Every concept of the concepts table is listed, also with zero mentions.
// Order: the `by` measure descending (documents by default), then the other
// measure, then id. Ties in the `by` measure share a rank (1, 2, 2, 4).
// Filters: kind, dimension, paragraph language, document year range (documents
// without a year are left out when a range is given). The share is documents
// mentioning the concept / documents in scope (documents with a paragraph in
// the language, in the year range). Errors: a bad filter value throws
// dipmine::UsageError naming the option; store errors throw dipmine::Error.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/corpus.h"

namespace dipmine::analysis {

struct RankOptions {
  std::string kind;       // "indicator", "network" or "" (both)
  std::string by = "docs";  // "docs" or "mentions"
  std::string lang;       // "fa", "en", "ja" or "" (all)
  std::string dimension;  // "" for all
  std::optional<int> year_from, year_to;
};

// Parses a year or a range (common/years.h parse_year_range) into `options`;
// UsageError "--year: ..." otherwise.
void parse_year_range(const std::string& text, RankOptions& options);

struct RankRow {
  int rank = 0;
  std::string concept_id, kind, dimension, label;
  int64_t documents = 0, mentions = 0;
  double share = 0;  // 0..1
  std::map<std::string, int64_t> docs_by_lang;  // "fa", "en", "ja" (always present)
};

struct DimensionRow {
  int rank = 0;
  std::string dimension;
  int64_t indicators = 0;          // indicators in the dimension
  int64_t indicators_found = 0;    // of which mentioned at least once
  int64_t documents = 0;           // documents mentioning any of them
  int64_t mentions = 0;
  double share = 0;
};

// Documents in scope (the share's denominator).
int64_t documents_in_scope(store::Corpus& corpus, const RankOptions& options);

std::vector<RankRow> rank_concepts(store::Corpus& corpus, const RankOptions& options);
// Indicators only (networks have no dimension).
std::vector<DimensionRow> rank_dimensions(store::Corpus& corpus, const RankOptions& options);

}  // namespace dipmine::analysis

// The ranking step of search (store/search.h): the rowids and scores of a
// query's best matches, best first (score descending, then rowid ascending).
//
// With a fresh top-k index (store/topk_index.h) it scores block by block, the
// blocks with the highest bound first, and stops as soon as no block left can
// hold a row that beats the k-th best; otherwise it scores every match. Both
// ways give the same rows and scores (dipmine_rank, store/ranking.h); a unit
// test compares them on random queries.
// Errors: dipmine::Error naming the database. Not thread-safe.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/corpus.h"
#include "store/query.h"

namespace dipmine::store {

struct RankedRow {
  int64_t rowid = 0;
  double score = 0;
};

struct RankingStats {
  bool used_topk = false;   // ranked by blocks (else every match was scored)
  size_t blocks = 0;        // blocks in the top-k index
  size_t candidate_blocks = 0;  // that could hold a match (words and filters)
  size_t visited_blocks = 0;    // of those, scored (the others could not beat the k-th row)
  size_t statements = 0;        // FTS5 queries that scored them
  // The MATCH expression that found the rows: the query's, with prefixes
  // spelled out as the terms they cover when the top-k index knows them
  // (FTS5 expands a prefix over the whole index at every query: snippets
  // should use this one).
  std::string expression;
};

// How ranking by blocks proceeds: the blocks scored one query each, best
// bound first, before the rest are scored in rowid order, neighbours up to
// max_gap blocks apart by one query (when bounds are loose, one query over
// many blocks costs far less than one a block).
struct RankingPlan {
  size_t blocks_one_by_one = 32;
  size_t max_gap = 16;
};

// Rows offset .. offset+limit-1 of the ranking.
std::vector<RankedRow> best_rows(Corpus& corpus, const Query& query, size_t offset, size_t limit,
                                 RankingStats* stats = nullptr, const RankingPlan& plan = {});

// The lang:/year:/doc: filters as SQL joined to paragraphs_fts.
struct SqlFilters {
  std::string joins, where;
  std::vector<std::function<void(Statement&, int&)>> binds;
};
SqlFilters sql_filters(const Query& query, bool always_join_paragraphs = false);

}  // namespace dipmine::store

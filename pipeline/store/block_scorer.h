// The scoring half of ranking by blocks (store/ranked_rows.h): the FTS5
// statements that score the rows of rowid ranges with dipmine_rank, and the
// heap of the best k rows they feed.
//
//   RankCall call = expand_prefixes(query, topk, idfs, 256, &prefix_left);
//   BlockScorer scorer(corpus, topk, query, call, k, match_share);
//   if (!scorer.cannot_beat(bound, block)) scorer.score_blocks(block, block, 1);
//   std::vector<RankedRow> best = scorer.finish(offset, &stats);
//
// Internal to the store module. Errors: dipmine::Error naming the database.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/corpus.h"
#include "store/query.h"
#include "store/ranked_rows.h"
#include "store/topk_index.h"

namespace dipmine::store {

// Better first: higher score, then lower rowid (the order search promises).
inline bool better(const RankedRow& a, const RankedRow& b) {
  return a.score != b.score ? a.score > b.score : a.rowid < b.rowid;
}

// One ranking statement's MATCH expression and dipmine_rank arguments.
struct RankCall {
  std::string match;
  std::string groups;        // a byte a phrase: its group; empty: a group each
  std::vector<double> idfs;  // a group each
};

// SELECT rowid, dipmine_rank(...) FROM paragraphs_fts <filters> WHERE MATCH
// ... `extra`; bind_ranking binds the arguments, the expression and the
// filters and returns the next parameter index.
std::string rank_sql(const RankCall& call, const SqlFilters& filters, std::string_view extra);
int bind_ranking(Statement& s, const RankCall& call, const SqlFilters& filters);

// FTS5 expands a prefix by merging the doclists of every term it covers, over
// the whole index, in every statement. With the top-k index the terms are
// known: a prefix phrase becomes (t1 OR t2 ...), scored as one group. Not
// inside NEAR (which takes phrases only) or an exclusion, nor past
// `max_terms`; `prefix_left` says whether a prefix stayed.
RankCall expand_prefixes(const Query& q, TopkIndex& topk, const std::vector<double>& idfs,
                         size_t max_terms, bool* prefix_left);

class BlockScorer {
 public:
  // `match_share`: at most this share of the rows can match (from the
  // words' frequencies); ranges where few rows match are scored with
  // lookups per row instead of loading what the index keeps on every row.
  BlockScorer(Corpus& corpus, TopkIndex& topk, const Query& q, RankCall call, size_t k,
              double match_share);

  // True when no row of `block` (bounded by `bound`) can enter the best k:
  // ties go to the lower rowid.
  bool cannot_beat(double bound, size_t block) const;
  bool scored(size_t block) const { return block < scored_.size() && scored_[block]; }
  // Scores blocks first..last (each row once), `candidates` of which could match.
  void score_blocks(size_t first, size_t last, size_t candidates);
  // The best k from `offset` on, best first; fills stats' scoring figures.
  std::vector<RankedRow> finish(size_t offset, RankingStats* stats);

 private:
  void offer(const RankedRow& row);

  Corpus& corpus_;
  TopkIndex& topk_;
  const Query& q_;
  RankCall call_;
  size_t k_;
  double match_share_;
  TopkIndex::RowFilter row_filter_;  // lang:, year:
  SqlFilters doc_filter_;     // doc: stays a join (a few paragraphs)
  SqlFilters all_filters_;    // where rows are looked up one by one
  Statement dense_;           // row facts from the index
  std::unique_ptr<Statement> sparse_;  // lookups per row, every filter joined
  std::vector<RankedRow> heap_;  // the best k so far; front: the worst of them
  std::vector<bool> scored_;     // per block
  size_t visited_ = 0, statements_ = 0;
};

}  // namespace dipmine::store

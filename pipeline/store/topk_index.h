// The top-k index: what lets search find the best k paragraphs of a query
// without scoring every paragraph that matches it (block-max ranking).
//
// For every term of the full-text index it keeps the term's document
// frequency and, for each block of `block_rows` consecutive rowids, the best
// Bm25::tf_part that any row of the block gives the term. A phrase can score
// no more in a block than idf x the least of its words' block maxima, so
// search visits blocks best bound first and stops when no block left can
// beat the k-th hit (store/ranked_rows.h). Per block it also keeps the
// languages and the range of years of its rows, so that filters skip blocks,
// and each row's length, language and year, so that scoring and filtering
// rows needs no lookup per row.
//
//   { Transaction tx(db); TopkIndex::build(corpus); tx.commit(); }   // optimize
//   if (auto topk = TopkIndex::open_if_fresh(corpus)) ... topk->merge_term(key, &best)
//
// Freshness: the index describes the store as it was when built. Deleting or
// changing a paragraph (or a document's year) drops its state row by trigger;
// a new paragraph raises max(id); open_if_fresh checks both and FTS5's row and
// token totals, and returns nullptr when anything moved (search then ranks
// every match exactly, as without the index). Errors: dipmine::Error naming
// the database. Not thread-safe (one per Corpus).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/corpus.h"
#include "store/query.h"
#include "store/ranking.h"
#include "store/topk_pairs.h"

namespace dipmine::store {

class TopkIndex {
 public:
  static constexpr int kDefaultBlockRows = 512;
  // Shorter runs bound a pair left out of topk_together closer to its rows
  // (fewer blocks scored), at more entries (docs/search.md).
  static constexpr int64_t kDefaultCoarseBlocks = 8;

  struct BuildOptions {
    int block_rows = kDefaultBlockRows;
    // Word pairs (store/topk_pairs.h): of words in at least this many rows
    // (below, FTS5 checks their few rows fast enough anyway), each kind's
    // maxima at most pair_budget times the terms' (boosted: half that); a
    // row of more such words than pair_max_terms_a_row has its words listed
    // instead of its pairs within it.
    int64_t pair_min_word_df = 4096;
    double pair_budget = 1.0;
    size_t pair_max_terms_a_row = 128;
    // Pairs together that the budget leaves out: per run of this many
    // blocks (0: none), within half the budget.
    int64_t pair_coarse_blocks = kDefaultCoarseBlocks;
  };
  struct BuildStats {
    int64_t terms = 0;   // distinct terms
    int64_t entries = 0; // (term, block) maxima stored
    int64_t blocks = 0;
    PairBuildStats pairs;
  };
  // Rebuilds the index from the full-text index (call inside a transaction).
  static BuildStats build(Corpus& corpus, const BuildOptions& options);
  static BuildStats build(Corpus& corpus) { return build(corpus, BuildOptions{}); }
  // Marks the index stale (after FTS5 'rebuild' changes every token).
  static void invalidate(Database& db);
  // True when a fresh index is there.
  static bool is_fresh(Corpus& corpus) { return open_if_fresh(corpus) != nullptr; }
  // What word pairs this build makes (store/topk_pairs.h): 1 side by side,
  // together and boosted; 2 also coarse pairs together. An index of an
  // older version, or with longer runs of blocks, is fresh (it ranks
  // exactly, from more blocks), and optimize builds it again (is_current is
  // false).
  static constexpr int kPairsVersion = 2;
  static bool is_current(Corpus& corpus) {
    const auto index = open_if_fresh(corpus);
    return index && index->pairs_.version >= kPairsVersion && index->pairs_.coarse_blocks <= kDefaultCoarseBlocks;
  }
  static std::unique_ptr<TopkIndex> open_if_fresh(Corpus& corpus);

  int64_t rows() const { return totals_.rows; }
  double avgdl() const { return totals_.avgdl(); }
  int64_t block_rows() const { return block_rows_; }
  size_t blocks() const { return filters_.size(); }

  // The document frequency of `key` (0 when absent); with `best` (size
  // blocks()), also raises best[b] to the key's maximum in block b.
  int64_t merge_term(std::string_view key, std::vector<double>* best);
  // Whether the pair index knows where `first` is followed by `second`; if
  // so, raises best[b] to the pair's maximum in block b (none: the pair is
  // not in the block).
  bool merge_pair(std::string_view first, std::string_view second, std::vector<double>* best);
  // A query of two words `a` and `b` (AND or NEAR), each maybe with its
  // whole-word key's phrase after it (store/query.cpp): their idfs and the
  // bounds to set (word parts null where the query has no such phrase).
  struct PairQuery {
    std::string_view a, b;
    double idf_a = 0, idf_b = 0, idf_a_word = 0, idf_b_word = 0;
    std::vector<double>* a_part = nullptr;
    std::vector<double>* b_part = nullptr;
    std::vector<double>* a_word_part = nullptr;
    std::vector<double>* b_word_part = nullptr;
    size_t* run_blocks = nullptr;  // set to the blocks an entry stands for (1, or a run's)
  };
  // Whether the index knows in which blocks `a` and `b` share a paragraph;
  // if so, sets the parts of each block to the Bm25::tf_parts of the block's
  // paragraph whose weighted parts sum highest, added as dipmine_rank adds
  // them (so the query scores exactly that there), and to 0 where no
  // paragraph has both. For a pair kept per run of blocks: its run's best
  // paragraph, in blocks where that sums lower than the parts passed in
  // (the words' own maxima), which stay elsewhere; 0 in runs without it.
  bool together(const PairQuery& query);
  // The terms that start with `prefix`, with their document frequencies, in
  // order; nullopt when there are more than `limit`.
  std::optional<std::vector<std::pair<std::string, int64_t>>> prefix_terms(std::string_view prefix,
                                                                          size_t limit);
  // A query's lang: and year: filters in the index's terms, made once a query
  // (rows and blocks are checked by the thousand).
  class RowFilter {
   public:
    explicit RowFilter(const Query& query);
    bool any() const { return langs_ != kAnyLang || years_; }
    // Whether rows with these languages (bits) and years lo..hi (lo < 0 or
    // lo > hi: none has a year) can pass.
    bool admits(uint8_t langs, int lo, int hi) const;

   private:
    static constexpr uint8_t kAnyLang = 0xFF;
    uint8_t langs_ = kAnyLang;
    bool years_ = false;
    int year_min_ = 0, year_max_ = 0;
  };
  // What the index knows of the rows of blocks first..last, from rowid
  // first * block_rows() on: lengths in tokens (one byte a row; kLongRow for
  // 255 tokens or more, and for rows not in the index), languages, years.
  static constexpr unsigned char kLongRow = 255;
  struct Rows {
    int64_t first_rowid = 0;
    std::string lengths;
    std::vector<uint8_t> langs;  // empty unless asked for
    std::vector<int16_t> years;
    // Whether row `rowid` passes `filter` (needs langs and years when it
    // filters anything).
    bool passes(int64_t rowid, const RowFilter& filter) const;
  };
  Rows rows_of_blocks(size_t first_block, size_t last_block, bool with_filters);
  // False when no row of block `b` can pass `filter`.
  bool block_may_pass(size_t b, const RowFilter& filter) const;

 private:
  struct BlockFilter {
    uint8_t langs = 0;        // bit 0 fa, 1 en, 2 ja, 3 other
    int16_t year_min = 0, year_max = -1;  // empty range: no row has a year
  };
  struct PairState {
    int64_t min_word_df = 0;
    bool side_by_side_complete = false;  // every pair of such words is in topk_pairs
    bool together_complete = false;      // ... in topk_together
    int version = 0;                     // kPairsVersion of the build
    int64_t coarse_blocks = 0;           // blocks a coarse pair's entry stands for (0: none)
  };
  TopkIndex(Corpus& corpus, IndexTotals totals, int64_t block_rows, std::vector<BlockFilter> filters,
            PairState pairs);
  void merge_blob(std::string_view blob, std::vector<double>* best) const;
  using PrefixTerms = std::optional<std::vector<std::pair<std::string, int64_t>>>;
  PrefixTerms read_prefix_terms(std::string_view prefix, size_t limit);

  Corpus& corpus_;
  IndexTotals totals_;
  int64_t block_rows_;
  std::vector<BlockFilter> filters_;
  PairState pairs_;
  std::unique_ptr<Statement> pair_, together_, boosted_, coarse_, wide_term_, term_, prefix_, rows_, row_filters_;
  std::map<std::pair<std::string, size_t>, PrefixTerms> prefix_terms_;  // by (prefix, limit)
};

}  // namespace dipmine::store

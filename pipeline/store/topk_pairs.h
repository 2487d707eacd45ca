// Word pairs for the top-k index (store/topk_index.h): bounds for phrases of
// frequent words.
//
// A phrase of two frequent words ("دیپلماسی شهری", "city diplomacy") occurs
// in almost every block, and the least of its words' block maxima comes from
// rows where the words stand apart, so ranking by blocks would score most of
// the index. For each pair of adjacent terms whose words are both frequent,
// the pair table keeps what the term table keeps for a term: the rows it
// occurs in and, per block, the (pair count, length) of the block's best row.
// A phrase occurs in a row no more often than any pair of its neighbouring
// words, so its bound in a block is at most each indexed pair's maximum (for
// a two-word phrase, exactly its best row's score), and a block without the
// pair cannot match. Lucene's common grams do this at indexing time; here it
// is built at optimize from the stored text, tokenised again by the FTS5
// tokenizer's own function (store/fts_tokenizer.h), so ingest pays nothing.
//
// Which pairs: both words in at least `min_word_df` rows; then pairs by the
// number of rows they occur in, most first, while the (pair, block) maxima
// stay within `max_entries`. While building, once the pairs held pass that
// by a quarter, those seen in the fewest rows so far are dropped (memory
// stays bounded). `complete` says no such pair was left out, so that a missing pair
// of frequent words occurs nowhere.
// Errors: dipmine::Error naming the database. Call inside a transaction.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace dipmine::store {

struct PairPolicy {
  int64_t min_word_df = 0;
  int64_t max_entries = 0;
};

struct PairBuildStats {
  int64_t candidates = 0;  // pairs of frequent words held to the end
  int64_t pairs = 0;       // of those, stored
  int64_t entries = 0;     // (pair, block) maxima stored
  bool complete = false;
  std::string skipped;     // why no pair was stored, when the text disagrees with the index
};

// Fills topk_pairs from the paragraphs' text. `lengths[id]` is each row's
// token count as FTS5 stored it; a row whose text now gives another count
// (a tokenizer changed without `optimize --rebuild`) stops the pairs.
PairBuildStats build_topk_pairs(Database& db, const std::vector<uint32_t>& lengths, double avgdl,
                                int64_t block_rows, const PairPolicy& policy);

// The blob format of topk_terms and topk_pairs: per block that has the term
// (in block order), varints of (block - previous block, tf, length) of its
// best row.
void append_block_max(std::string& blob, uint64_t block_delta, uint64_t tf, uint64_t length);
uint64_t read_varint(const char*& p, const char* end);

}  // namespace dipmine::store

// Word pairs for the top-k index (store/topk_index.h): bounds for phrases,
// AND and NEAR of frequent words.
//
// Two words found in almost every block ("دیپلماسی شهری", "sister cities")
// make loose bounds: each word's block maximum comes from another row, and
// ranking by blocks would score most of the index. So, per pair of frequent
// words, the index keeps what it keeps for a term: the rows the pair occurs
// in and, per block, what its best row scores. Two kinds:
//   side by side (topk_pairs): the first word directly followed by the
//     second; per block the (pair count, length) of the best row. A phrase
//     occurs in a row no more often than any two of its neighbouring words,
//     so its bound is at most each indexed pair's maximum (for a two-word
//     phrase, exactly its best row's score);
//   together (topk_together): both words in one paragraph; per block the
//     (count of the first, count of the second, length) of the row whose two
//     words' bm25 parts, weighted by their idfs, sum highest: exactly the
//     best score of the AND of the two words, and a bound for their NEAR.
//   boosted (topk_together_boosted): also, for pairs one of whose words is
//     a Japanese dictionary word, whose query adds its whole-word key (not
//     in NEAR; store/query.cpp): the row whose parts of the words and of
//     their whole-word keys, weighted, sum highest, in the order first word,
//     its whole-word key, second word, its whole-word key; (four counts,
//     length). Its budget is half the others'.
//   coarse (topk_together_coarse): pairs together that the budget leaves
//     out of topk_together, per run of `coarse_blocks` blocks: the best row
//     of the run (as together), a bound for each of its blocks. A frequent
//     pair takes a block maximum in nearly every block, so the budget held
//     a few thousand pairs (at 1 GB, those in at least 23,622 paragraphs;
//     `sister cities`, in 6,732, was left to its words' bounds, which come
//     from other rows); per 64 blocks, half that budget holds some 100,000.
// A block without the pair cannot match. Lucene's common grams do the first
// at indexing time; here both are built at optimize from the stored text,
// tokenised again by the FTS5 tokenizer's own function
// (store/fts_tokenizer.h), so ingest pays nothing.
//
// Which pairs: both words in at least `min_word_df` rows (together: and in
// at most half, where FTS5's idf is at its floor and adds nothing to a
// bound); then pairs by the rows they occur in, most first, while their
// (pair, block) maxima stay within `max_entries` for each kind. While
// building, once the pairs held pass that by a quarter, those seen in the
// fewest rows so far are dropped for good (memory stays bounded). `complete`
// says no pair of such words was left out, so that a missing one occurs
// nowhere. A row with more than `max_terms_a_row` such words would make too
// many pairs together (their number grows as the square): such wide rows
// are listed per word instead (topk_wide_terms: row, count, length), and a
// pair's bound in a block is the higher of its best row's score and the best
// score of the wide rows that have both words.
// Errors: dipmine::Error naming the database. Call inside a transaction.
#pragma once
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "store/ranking.h"
#include "store/sqlite.h"

namespace dipmine::store {

// Whether a term in `df` of `rows` rows is paired within paragraphs: in at
// least min_word_df rows, and in at most half (beyond, FTS5's idf is at its
// floor). Build and search both ask this.
inline bool pairs_within_paragraphs(int64_t df, int64_t min_word_df, int64_t rows) {
  return df >= min_word_df && df * 2 <= rows;
}

struct PairPolicy {
  int64_t min_word_df = 0;
  int64_t max_entries = 0;    // for each kind (boosted: half; coarse: see below)
  size_t max_terms_a_row = 0;
  // Pairs together that do not fit max_entries: per run of this many blocks
  // (0: none), within max_coarse_entries.
  int64_t coarse_blocks = 0;
  int64_t max_coarse_entries = 0;
};

struct PairKindStats {
  int64_t candidates = 0;  // pairs held to the end
  int64_t pairs = 0;       // of those, stored
  int64_t entries = 0;     // (pair, block) maxima stored
  bool complete = false;
};

struct PairBuildStats {
  PairKindStats side_by_side, together, boosted;
  PairKindStats together_coarse;  // pairs together not in topk_together, per run of blocks
  int64_t wide_terms = 0;  // terms listed for rows too wide for pairs together
  std::string skipped;     // why no pair was stored, when the text disagrees with the index
};

// Fills topk_pairs, topk_together(_boosted, _coarse) and topk_wide_terms from the paragraphs' text. `lengths[id]`
// is each row's token count as FTS5 stored it; a row whose text now gives
// another count (a tokenizer changed without `optimize --rebuild`) stops the
// pairs.
PairBuildStats build_topk_pairs(Database& db, const std::vector<uint32_t>& lengths, const IndexTotals& totals,
                                int64_t block_rows, const PairPolicy& policy);

// The blobs of topk_terms, topk_pairs and topk_together: per block that has
// the term or pair (in block order), varints of (block - previous block, then
// the counts and the length of its best row).
void append_varints(std::string& blob, std::initializer_list<uint64_t> values);
uint64_t read_long_varint(const char*& p, const char* end);
// Most values (block distances, counts) fit one byte: that case inline, as a
// search decodes tens of thousands of them.
inline uint64_t read_varint(const char*& p, const char* end) {
  if (p < end && (static_cast<unsigned char>(*p) & 0x80) == 0) return static_cast<unsigned char>(*p++);
  return read_long_varint(p, end);
}
// Calls f(position, values) for each entry of such a blob: `Values` varints
// an entry, the first the distance from the previous entry's position.
template <size_t Values, typename F>
void for_each_entry(std::string_view blob, F f) {
  const char* p = blob.data();
  const char* end = p + blob.size();
  uint64_t at = 0;
  std::array<uint64_t, Values - 1> values;
  while (p < end) {
    at += read_varint(p, end);
    for (uint64_t& v : values) v = read_varint(p, end);
    f(at, values);
  }
}

}  // namespace dipmine::store

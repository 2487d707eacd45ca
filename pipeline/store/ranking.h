// How search ranks paragraphs: Okapi BM25 with FTS5's constants and
// arithmetic, as one auxiliary function `dipmine_rank` that both the exact
// ranking and the top-k index (store/topk_index.h) use, so their scores agree
// to the last bit.
//
//   SELECT rowid, dipmine_rank(paragraphs_fts, ?1, ?2) FROM paragraphs_fts
//   WHERE paragraphs_fts MATCH ?3 ...   -- ?1, ?2: the idf of FTS5's phrases 0, 1
//
// The difference from FTS5's bm25(): the caller passes each phrase's idf.
// FTS5 counts the rows that contain a phrase with a pass over the whole
// index at every query (linear in its matches); dipmine takes a one-word
// phrase's idf from the word's document frequency, which makes the scores of
// word queries equal to bm25()'s, and a longer phrase's from its rarest word
// (a prefix word: from all the words it stands for together, at most every
// row). Higher scores are better: dipmine_rank = -bm25.
// Thread safety: pure functions; registration is per connection.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include <memory>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace dipmine::store {

struct Bm25 {
  static constexpr double k1 = 1.2, b = 0.75;
  // log((N - n + 0.5) / (n + 0.5)), at least 1e-6, as FTS5 computes it: the
  // weight of a phrase found in `n_hit` of `n_rows` rows.
  static double idf(int64_t n_rows, int64_t n_hit);
  // A phrase found `freq` times in a row of `len` tokens, `avgdl` on average.
  static double tf_part(double freq, double len, double avgdl);
  // sum + idf * part. Scores and the top-k index's bounds both add up with
  // these two functions (one compiled copy each, never inlined), so that a
  // bound equals the score it bounds to the last bit whatever the compiler
  // does with floating point elsewhere.
  static double add_weighted(double sum, double idf, double part);
};

// Row lengths dipmine_rank may take instead of asking FTS5 (a lookup per
// row): while a KnownLengths is alive on this thread, a row with rowid in
// first_rowid .. first_rowid + codes.size() - 1 whose code is below 255 has
// that many tokens. `codes` must outlive the object; scopes nest.
class KnownLengths {
 public:
  KnownLengths(int64_t first_rowid, std::string_view codes);
  ~KnownLengths();
  KnownLengths(const KnownLengths&) = delete;
  KnownLengths& operator=(const KnownLengths&) = delete;
  // The length of `rowid` if known.
  static std::optional<int> of(int64_t rowid);

 private:
  const KnownLengths* previous_;
  int64_t first_rowid_;
  std::string_view codes_;
};

// Registers dipmine_rank(paragraphs_fts, idfs [, groups]) on `db`: the sum
// over the query's phrases of idf_i * tf_part(hits of phrase i, row length,
// average), in phrase order. `idfs` is a BLOB of doubles (pack_idfs; SQLite
// takes at most 127 arguments, a query may have more phrases); a phrase
// without an idf weighs 0. With `groups`, a BLOB naming each phrase's group
// (one byte a phrase), the idfs are one a group and a group's hits are its
// phrases' hits at distinct positions (the phrases a prefix was expanded
// into score as the prefix did).
std::string pack_idfs(const std::vector<double>& idfs);
void register_rank_function(Database& db);

// The row count and total token count FTS5 keeps for `table` (its averages
// record); {0, 0} for an empty index.
struct IndexTotals {
  int64_t rows = 0, tokens = 0;
  double avgdl() const { return rows == 0 ? 0.0 : static_cast<double>(tokens) / static_cast<double>(rows); }
};
IndexTotals index_totals(Database& db);

// SQLite's varint (as FTS5 writes its records); advances `p`, never past `end`.
uint64_t read_fts_varint(const unsigned char*& p, const unsigned char* end);

// Document frequencies straight from FTS5 (fts5vocab), for an index without a
// fresh top-k index: exact, but linear in the term's matches.
class VocabFrequencies {
 public:
  explicit VocabFrequencies(Database& db);
  int64_t term(std::string_view key);
  int64_t prefix(std::string_view prefix);  // sum over the terms it covers

 private:
  std::unique_ptr<Statement> term_, prefix_;
};

// A string greater than every string that starts with `prefix` and less than
// every other string greater than `prefix` (for `term >= prefix AND term < it`).
std::string prefix_successor(std::string_view prefix);

}  // namespace dipmine::store

#include "store/topk_pairs.h"

#include <fmt/format.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "common/error.h"
#include "store/fts_tokenizer.h"
#include "text/segmenter.h"

namespace dipmine::store {
namespace {

// The terms in at least min_word_df rows, numbered in term order.
struct FrequentTerms {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> names;
  std::vector<double> idfs;
  std::vector<char> together;  // in at most half the rows: paired within paragraphs
  std::vector<int64_t> twin;   // the id of its whole-word key (text::kWholeWordMark + it), or -1
};

FrequentTerms frequent_terms(Database& db, int64_t min_df, int64_t rows) {
  FrequentTerms f;
  Statement q(db, "SELECT term, df FROM topk_terms WHERE df >= ? ORDER BY term");
  q.bind(1, min_df);
  while (q.step()) {
    f.ids.emplace(q.column_text(0), static_cast<uint32_t>(f.names.size()));
    f.names.push_back(q.column_text(0));
    f.idfs.push_back(Bm25::idf(rows, q.column_int(1)));
    f.together.push_back(pairs_within_paragraphs(q.column_int(1), min_df, rows) ? 1 : 0);
  }
  f.twin.assign(f.names.size(), -1);
  for (size_t id = 0; id < f.names.size(); ++id) {
    const auto it = f.ids.find(text::whole_word_key(f.names[id]));
    if (it != f.ids.end() && f.together[it->second]) f.twin[id] = it->second;
  }
  return f;
}

uint64_t pair_key(uint32_t first, uint32_t second) { return (static_cast<uint64_t>(first) << 32) | second; }

// One block's best row for one pair, and how many of its rows have it.
struct PairMax {
  uint64_t pair = 0;
  uint32_t rows = 0, tf = 0, tf2 = 0, len = 0;  // tf2: the second word's (together)
  double score = -1;                            // what "best" maximises
  uint32_t twin_tf = 0, twin_tf2 = 0;           // their whole-word keys' (boosted)
};

// A word of a row too wide for pairs within it.
struct WidePosting {
  uint32_t term = 0, row_in_block = 0, tf = 0, len = 0;
};

struct Block {
  int64_t index = 0;
  std::vector<std::pair<int64_t, std::string>> rows;  // (id, text)
  std::vector<PairMax> side_by_side, together, boosted;  // each pair once
  std::vector<WidePosting> wide_postings;               // by term, then row
  int64_t mismatched_row = -1;                          // a row FTS5 counted otherwise
};

// Calls f(value, count) for each run of equal values of `sorted`.
template <typename T, typename F>
void for_each_run(const std::vector<T>& sorted, F f) {
  for (size_t i = 0, j; i < sorted.size(); i = j) {
    for (j = i; j < sorted.size() && sorted[j] == sorted[i];) ++j;
    f(sorted[i], static_cast<uint32_t>(j - i));
  }
}

// A block's pairs as its rows are read: each pair's best row and row count,
// in a table of open addressing (a block holds ~10^5 pairs; sorting them
// took a quarter of the build).
class PairTable {
 public:
  void add(const PairMax& m) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    size_t i = slot_of(m.pair);
    while (slots_[i].pair != kEmpty && slots_[i].pair != m.pair) i = (i + 1) & (slots_.size() - 1);
    PairMax& best = slots_[i];
    if (best.pair == kEmpty) {
      best = m;
      ++used_;
      return;
    }
    best.rows += m.rows;
    if (m.score > best.score) {
      const uint32_t rows = best.rows;
      best = m;
      best.rows = rows;
    }
  }
  // Moves the pairs out (in no particular order) and empties the table.
  void take(std::vector<PairMax>& out) {
    out.reserve(used_);
    for (const PairMax& m : slots_) {
      if (m.pair != kEmpty) out.push_back(m);
    }
    std::fill(slots_.begin(), slots_.end(), PairMax{kEmpty});
    used_ = 0;
  }

 private:
  static constexpr uint64_t kEmpty = UINT64_MAX;  // no pair: term ids stay below 2^32 - 1
  size_t slot_of(uint64_t pair) const {
    return static_cast<size_t>((pair * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void grow() {
    std::vector<PairMax> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, PairMax{kEmpty});
    shift_ = 64 - static_cast<int>(__builtin_ctzll(slots_.size()));
    used_ = 0;
    for (const PairMax& m : old) {
      if (m.pair == kEmpty) continue;
      size_t i = slot_of(m.pair);
      while (slots_[i].pair != kEmpty) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = m;
      ++used_;
    }
  }

  std::vector<PairMax> slots_;
  size_t used_ = 0;
  int shift_ = 64;
};

// Fills the block's pair maxima: every row tokenised as FTS5 saw it
// (positions advance on each token not colocated with the previous one).
void find_pairs(Block& block, const FrequentTerms& frequent, const std::vector<uint32_t>& lengths,
                double avgdl, int64_t block_rows, size_t max_terms_a_row) {
  std::vector<std::pair<uint32_t, uint32_t>> tokens;  // (position, term id) of frequent terms
  std::vector<uint32_t> ids;
  std::vector<uint64_t> pairs;
  std::vector<std::pair<uint32_t, uint32_t>> counts;  // (term id, tf) of the row
  std::vector<double> parts;
  thread_local PairTable adjacent, shared, boosted;  // kept at their size from block to block
  for (const auto& [id, text] : block.rows) {
    tokens.clear();
    uint32_t positions = 0;
    for (const text::Term& t : paragraph_terms(text)) {
      if (t.key.empty()) continue;  // the tokenizer does not hand these to FTS5
      if (!t.colocated || positions == 0) ++positions;
      const auto it = frequent.ids.find(t.key);
      if (it != frequent.ids.end()) tokens.emplace_back(positions - 1, it->second);
    }
    const uint32_t len = static_cast<size_t>(id) < lengths.size() ? lengths[static_cast<size_t>(id)] : 0;
    if (len != positions && block.mismatched_row < 0) block.mismatched_row = id;
    // Side by side: a token at position p and one at p + 1.
    pairs.clear();
    for (size_t i = 0; i < tokens.size(); ++i) {
      for (size_t j = i + 1; j < tokens.size() && tokens[j].first <= tokens[i].first + 1; ++j) {
        if (tokens[j].first == tokens[i].first + 1) pairs.push_back(pair_key(tokens[i].second, tokens[j].second));
      }
    }
    std::sort(pairs.begin(), pairs.end());
    for_each_run(pairs, [&](uint64_t pair, uint32_t tf) {
      adjacent.add({pair, 1, tf, 0, len, Bm25::tf_part(tf, len, avgdl)});
    });
    // Together: every two distinct words of the row, scored as their AND.
    ids.clear();
    for (const auto& t : tokens) {
      if (frequent.together[t.second]) ids.push_back(t.second);
    }
    std::sort(ids.begin(), ids.end());
    counts.clear();
    for_each_run(ids, [&](uint32_t term, uint32_t tf) { counts.emplace_back(term, tf); });
    parts.clear();
    for (const auto& c : counts) parts.push_back(Bm25::tf_part(c.second, len, avgdl));
    if (counts.size() > max_terms_a_row) {  // too many pairs: its words are listed instead
      for (const auto& c : counts) {
        block.wide_postings.push_back({c.first, static_cast<uint32_t>(id - block.index * block_rows), c.second, len});
      }
      continue;
    }
    // A word's whole-word key in this row: (its tf, the sum so far plus its
    // weighted part); tf 0 adds nothing, as a phrase without hits.
    auto add_twin = [&](uint32_t word, double sum, uint32_t* tf) {
      const int64_t twin = frequent.twin[word];
      if (twin < 0) return sum;
      const auto at = std::lower_bound(counts.begin(), counts.end(), std::pair{static_cast<uint32_t>(twin), 0u});
      if (at == counts.end() || at->first != static_cast<uint32_t>(twin)) return Bm25::add_weighted(sum, frequent.idfs[twin], 0.0);
      *tf = at->second;
      return Bm25::add_weighted(sum, frequent.idfs[twin], parts[static_cast<size_t>(at - counts.begin())]);
    };
    for (size_t i = 0; i < counts.size(); ++i) {
      const uint32_t a = counts[i].first;
      const double first = Bm25::add_weighted(0.0, frequent.idfs[a], parts[i]);
      for (size_t j = i + 1; j < counts.size(); ++j) {
        const uint32_t b = counts[j].first;
        shared.add({pair_key(a, b), 1, counts[i].second, counts[j].second, len,
                    Bm25::add_weighted(first, frequent.idfs[b], parts[j])});
        if (frequent.twin[a] < 0 && frequent.twin[b] < 0) continue;
        // As a query of the two words scores when one is a Japanese
        // dictionary word: with its whole-word key after it (store/query.cpp;
        // NEAR adds none, and uses the plain entry).
        PairMax m{pair_key(a, b), 1, counts[i].second, counts[j].second, len, 0};
        m.score = add_twin(b, Bm25::add_weighted(add_twin(a, first, &m.twin_tf), frequent.idfs[b], parts[j]), &m.twin_tf2);
        boosted.add(m);
      }
    }
  }
  adjacent.take(block.side_by_side);
  shared.take(block.together);
  boosted.take(block.boosted);
  std::stable_sort(block.wide_postings.begin(), block.wide_postings.end(),
                   [](const WidePosting& a, const WidePosting& b) { return a.term < b.term; });
  block.rows.clear();
}

struct PairBlobs {
  int64_t df = 0, entries = 0, last_block = 0;
  std::string blob;
};

// One kind's blobs as they grow, block by block. Memory stays near the
// budget: past a quarter over it, the pairs seen least so far are dropped
// for good (a dropped pair must not come back with its earlier blocks
// missing) until the rest fit in it.
class PairAccumulator {
 public:
  enum class Values { side_by_side, together, boosted };
  // `max_held`: the entries held while building (default: the budget).
  PairAccumulator(int64_t max_entries, Values values, int64_t max_held = -1)
      : budget_(max_entries), hold_(max_held < 0 ? max_entries : max_held), limit_(hold_ + hold_ / 4), values_(values) {}
  void add(int64_t block, const std::vector<PairMax>& maxima) {
    for (const PairMax& m : maxima) {
      if (!dropped_.empty() && dropped_.count(m.pair) != 0) continue;
      PairBlobs& p = blobs_[m.pair];
      p.df += m.rows;
      ++p.entries;
      const auto delta = static_cast<uint64_t>(block - p.last_block);
      switch (values_) {
        case Values::side_by_side: append_varints(p.blob, {delta, m.tf, m.len}); break;
        case Values::together: append_varints(p.blob, {delta, m.tf, m.tf2, m.len}); break;
        case Values::boosted: append_varints(p.blob, {delta, m.tf, m.tf2, m.twin_tf, m.twin_tf2, m.len}); break;
      }
      p.last_block = block;
      ++held_;
    }
    if (held_ > limit_) drop_least_seen();
  }
  // Stores the most frequent pairs within the budget in `table`, but those
  // in `stored` (which it adds them to).
  PairKindStats write(Database& db, const char* table, const FrequentTerms& frequent,
                      std::unordered_set<uint64_t>* stored = nullptr) {
    PairKindStats stats;
    stats.candidates = static_cast<int64_t>(blobs_.size());
    stats.complete = dropped_.empty();
    Statement put(db, fmt::format("INSERT INTO {}(first, second, df, blocks) VALUES (?, ?, ?, ?)", table));
    for (const auto& [df, pair] : by_rows_seen(true)) {
      const PairBlobs& p = blobs_[pair];
      if (stored && stored->count(pair) != 0) continue;
      if (stats.entries + p.entries > budget_) {
        stats.complete = false;
        continue;
      }
      if (stored) stored->insert(pair);
      put.bind(1, frequent.names[pair >> 32]).bind(2, frequent.names[pair & 0xFFFFFFFFu]);
      put.bind(3, df).bind_blob(4, p.blob);
      put.run();
      ++stats.pairs;
      stats.entries += p.entries;
    }
    return stats;
  }

 private:
  // (rows seen, pair) of every pair held, fewest rows first or most first
  // (ties by pair, so that the build is deterministic).
  std::vector<std::pair<int64_t, uint64_t>> by_rows_seen(bool most_first) const {
    std::vector<std::pair<int64_t, uint64_t>> seen;
    seen.reserve(blobs_.size());
    for (const auto& [pair, p] : blobs_) seen.emplace_back(most_first ? -p.df : p.df, pair);
    std::sort(seen.begin(), seen.end());
    if (most_first) {
      for (auto& s : seen) s.first = -s.first;
    }
    return seen;
  }
  void drop_least_seen() {
    for (const auto& [df, pair] : by_rows_seen(false)) {
      if (held_ <= hold_) break;
      held_ -= blobs_[pair].entries;
      blobs_.erase(pair);
      dropped_.insert(pair);
    }
  }

  int64_t budget_, hold_, limit_, held_ = 0;
  Values values_;
  std::unordered_map<uint64_t, PairBlobs> blobs_;
  std::unordered_set<uint64_t> dropped_;
};

// Pairs together per run of blocks, as the blocks come in order: each
// pair's best row of the run (and its rows), handed on when a run ends.
// Which pairs topk_together keeps is known only at the end, and they come
// first by their rows too: while building, room is kept for them as well
// (a pair takes no more runs than blocks, so at most `fine_entries`).
class CoarseRuns {
 public:
  CoarseRuns(int64_t run_blocks, int64_t max_entries, int64_t fine_entries)
      : run_blocks_(run_blocks), acc_(max_entries, PairAccumulator::Values::together, max_entries + fine_entries) {}
  void add(int64_t block, const std::vector<PairMax>& maxima) {
    if (run_blocks_ <= 0) return;
    const int64_t run = block / run_blocks_;
    if (run != run_) flush();
    run_ = run;
    for (const PairMax& m : maxima) table_.add(m);
  }
  PairKindStats write(Database& db, const FrequentTerms& frequent, std::unordered_set<uint64_t>& stored) {
    flush();
    return acc_.write(db, "topk_together_coarse", frequent, &stored);
  }

 private:
  void flush() {
    if (run_ < 0) return;
    maxima_.clear();
    table_.take(maxima_);
    acc_.add(run_, maxima_);
    run_ = -1;
  }
  int64_t run_blocks_, run_ = -1;
  PairTable table_;
  std::vector<PairMax> maxima_;
  PairAccumulator acc_;
};

// Per term, the rows too wide for pairs that have it: varints of (row -
// previous row, tf, length), in row order. Rows are few (long paragraphs
// with many frequent words), and each is listed whole.
class WidePostings {
 public:
  void add(int64_t first_row, const std::vector<WidePosting>& postings) {
    for (const WidePosting& w : postings) {
      PairBlobs& p = blobs_[w.term];
      const int64_t row = first_row + w.row_in_block;
      append_varints(p.blob, {static_cast<uint64_t>(row - p.last_block), w.tf, w.len});
      p.last_block = row;
    }
  }
  int64_t write(Database& db, const FrequentTerms& frequent) {
    Statement put(db, "INSERT INTO topk_wide_terms(term, rows) VALUES (?, ?)");
    for (const auto& [term, p] : blobs_) {
      put.bind(1, frequent.names[term]).bind_blob(2, p.blob);
      put.run();
    }
    return static_cast<int64_t>(blobs_.size());
  }

 private:
  std::unordered_map<uint64_t, PairBlobs> blobs_;  // by term id; last_block: the last row
};

}  // namespace

void append_varints(std::string& blob, std::initializer_list<uint64_t> values) {
  for (uint64_t v : values) {
    while (v >= 0x80) {
      blob += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    blob += static_cast<char>(v);
  }
}

uint64_t read_long_varint(const char*& p, const char* end) {
  uint64_t v = 0;
  for (int shift = 0; p < end && shift < 64; shift += 7) {
    const auto c = static_cast<unsigned char>(*p++);
    v |= static_cast<uint64_t>(c & 0x7f) << shift;
    if ((c & 0x80) == 0) break;
  }
  return v;
}

PairBuildStats build_topk_pairs(Database& db, const std::vector<uint32_t>& lengths, const IndexTotals& totals,
                                int64_t block_rows, const PairPolicy& policy) {
  db.exec("DELETE FROM topk_pairs; DELETE FROM topk_together; DELETE FROM topk_together_boosted; "
          "DELETE FROM topk_together_coarse; DELETE FROM topk_wide_terms");
  PairBuildStats stats;
  const FrequentTerms frequent = frequent_terms(db, std::max<int64_t>(policy.min_word_df, 1), totals.rows);
  if (frequent.names.empty() || policy.max_entries <= 0) return stats;

  using Values = PairAccumulator::Values;
  PairAccumulator side_by_side(policy.max_entries, Values::side_by_side);
  PairAccumulator together(policy.max_entries, Values::together);
  PairAccumulator boosted(policy.max_entries / 2, Values::boosted);  // Japanese words' pairs only
  CoarseRuns coarse(policy.coarse_blocks, policy.max_coarse_entries, policy.max_entries);
  WidePostings wide_postings;
  int64_t mismatched_row = -1;
  Statement rows(db, "SELECT id, text FROM paragraphs ORDER BY id");
  bool have_row = rows.step();
  tbb::parallel_pipeline(
      8,
      tbb::make_filter<void, Block*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> Block* {
            if (!have_row) {
              fc.stop();
              return nullptr;
            }
            auto block = std::make_unique<Block>();
            block->index = rows.column_int(0) / block_rows;
            while (have_row && rows.column_int(0) / block_rows == block->index) {
              block->rows.emplace_back(rows.column_int(0), std::string(rows.column_blob(1)));
              have_row = rows.step();
            }
            return block.release();
          }) &
          tbb::make_filter<Block*, Block*>(tbb::filter_mode::parallel,
                                           [&](Block* block) {
                                             find_pairs(*block, frequent, lengths, totals.avgdl(), block_rows,
                                                        policy.max_terms_a_row);
                                             return block;
                                           }) &
          tbb::make_filter<Block*, void>(tbb::filter_mode::serial_in_order, [&](Block* raw) {
            const std::unique_ptr<Block> block(raw);
            if (block->mismatched_row >= 0 && mismatched_row < 0) mismatched_row = block->mismatched_row;
            side_by_side.add(block->index, block->side_by_side);
            together.add(block->index, block->together);
            coarse.add(block->index, block->together);
            boosted.add(block->index, block->boosted);
            wide_postings.add(block->index * block_rows, block->wide_postings);
          }));
  if (mismatched_row >= 0) {
    stats.skipped = fmt::format("paragraph {} no longer tokenizes as the full-text index has it "
                                "(run `dipmine optimize --rebuild`)", mismatched_row);
    return stats;
  }
  stats.side_by_side = side_by_side.write(db, "topk_pairs", frequent);
  std::unordered_set<uint64_t> together_stored;
  stats.together = together.write(db, "topk_together", frequent, &together_stored);
  stats.together_coarse = coarse.write(db, frequent, together_stored);
  stats.boosted = boosted.write(db, "topk_together_boosted", frequent);
  stats.wide_terms = wide_postings.write(db, frequent);
  return stats;
}

}  // namespace dipmine::store

#include "store/topk_pairs.h"

#include <fmt/format.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "common/error.h"
#include "store/fts_tokenizer.h"
#include "store/ranking.h"

namespace dipmine::store {
namespace {

// The terms in at least min_word_df rows, numbered.
struct FrequentTerms {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> names;
};

FrequentTerms frequent_terms(Database& db, int64_t min_df) {
  FrequentTerms f;
  Statement q(db, "SELECT term FROM topk_terms WHERE df >= ? ORDER BY term");
  q.bind(1, min_df);
  while (q.step()) {
    f.ids.emplace(q.column_text(0), static_cast<uint32_t>(f.names.size()));
    f.names.push_back(q.column_text(0));
  }
  return f;
}

uint64_t pair_key(uint32_t first, uint32_t second) { return (static_cast<uint64_t>(first) << 32) | second; }

// One block's best row for one pair, and how many of its rows have it.
struct PairMax {
  uint64_t pair = 0;
  uint32_t rows = 0, tf = 0, len = 0;
  double part = -1;
};

struct Block {
  int64_t index = 0;
  std::vector<std::pair<int64_t, std::string>> rows;  // (id, text)
  std::vector<PairMax> maxima;                          // by pair
  int64_t mismatched_row = -1;                          // a row FTS5 counted otherwise
};

// Adds the block's pair maxima to `block`: every row tokenised as FTS5 saw
// it (positions advance on each token not colocated with the previous one).
void find_pairs(Block& block, const FrequentTerms& frequent, const std::vector<uint32_t>& lengths,
                double avgdl) {
  std::vector<std::pair<uint32_t, uint32_t>> tokens;  // (position, term id) of frequent terms
  std::vector<uint64_t> pairs;
  std::vector<PairMax> found;
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
    pairs.clear();
    for (size_t i = 0; i < tokens.size(); ++i) {
      for (size_t j = i + 1; j < tokens.size() && tokens[j].first <= tokens[i].first + 1; ++j) {
        if (tokens[j].first == tokens[i].first + 1) pairs.push_back(pair_key(tokens[i].second, tokens[j].second));
      }
    }
    std::sort(pairs.begin(), pairs.end());
    for (size_t i = 0, j; i < pairs.size(); i = j) {
      for (j = i; j < pairs.size() && pairs[j] == pairs[i];) ++j;
      const auto tf = static_cast<uint32_t>(j - i);
      found.push_back({pairs[i], 1, tf, len, Bm25::tf_part(tf, len, avgdl)});
    }
  }
  std::sort(found.begin(), found.end(), [](const PairMax& a, const PairMax& b) { return a.pair < b.pair; });
  for (const PairMax& m : found) {
    if (block.maxima.empty() || block.maxima.back().pair != m.pair) {
      block.maxima.push_back(m);
      continue;
    }
    PairMax& best = block.maxima.back();
    ++best.rows;
    if (m.part > best.part) {
      best.part = m.part;
      best.tf = m.tf;
      best.len = m.len;
    }
  }
  block.rows.clear();
}

struct PairBlobs {
  int64_t df = 0, entries = 0, last_block = 0;
  std::string blob;
};

// The pairs' blobs as they grow, block by block. Memory stays near the
// budget: past a quarter over it, the pairs seen least so far are dropped
// for good (a dropped pair must not come back with its earlier blocks
// missing) until the rest fit in it.
class PairAccumulator {
 public:
  explicit PairAccumulator(int64_t max_entries) : budget_(max_entries), limit_(max_entries + max_entries / 4) {}
  void add(int64_t block, const std::vector<PairMax>& maxima) {
    for (const PairMax& m : maxima) {
      if (!dropped_.empty() && dropped_.count(m.pair) != 0) continue;
      PairBlobs& p = blobs_[m.pair];
      p.df += m.rows;
      ++p.entries;
      append_block_max(p.blob, static_cast<uint64_t>(block - p.last_block), m.tf, m.len);
      p.last_block = block;
      ++held_;
    }
    if (held_ > limit_) drop_least_seen();
  }
  std::unordered_map<uint64_t, PairBlobs>& blobs() { return blobs_; }
  bool dropped_any() const { return !dropped_.empty(); }

 private:
  void drop_least_seen() {
    std::vector<std::pair<int64_t, uint64_t>> seen;  // (df so far, pair)
    seen.reserve(blobs_.size());
    for (const auto& [pair, p] : blobs_) seen.emplace_back(p.df, pair);
    std::sort(seen.begin(), seen.end());
    for (const auto& [df, pair] : seen) {
      if (held_ <= budget_) break;
      held_ -= blobs_[pair].entries;
      blobs_.erase(pair);
      dropped_.insert(pair);
    }
  }

  int64_t budget_, limit_, held_ = 0;
  std::unordered_map<uint64_t, PairBlobs> blobs_;
  std::unordered_set<uint64_t> dropped_;
};

}  // namespace

void append_block_max(std::string& blob, uint64_t block_delta, uint64_t tf, uint64_t length) {
  for (uint64_t v : {block_delta, tf, length}) {
    while (v >= 0x80) {
      blob += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    blob += static_cast<char>(v);
  }
}

uint64_t read_varint(const char*& p, const char* end) {
  uint64_t v = 0;
  for (int shift = 0; p < end && shift < 64; shift += 7) {
    const auto c = static_cast<unsigned char>(*p++);
    v |= static_cast<uint64_t>(c & 0x7f) << shift;
    if ((c & 0x80) == 0) break;
  }
  return v;
}

PairBuildStats build_topk_pairs(Database& db, const std::vector<uint32_t>& lengths, double avgdl,
                                int64_t block_rows, const PairPolicy& policy) {
  db.exec("DELETE FROM topk_pairs");
  PairBuildStats stats;
  const FrequentTerms frequent = frequent_terms(db, std::max<int64_t>(policy.min_word_df, 1));
  if (frequent.names.size() < 1 || policy.max_entries <= 0) return stats;

  PairAccumulator accumulator(policy.max_entries);
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
                                             find_pairs(*block, frequent, lengths, avgdl);
                                             return block;
                                           }) &
          tbb::make_filter<Block*, void>(tbb::filter_mode::serial_in_order, [&](Block* raw) {
            const std::unique_ptr<Block> block(raw);
            if (block->mismatched_row >= 0 && mismatched_row < 0) mismatched_row = block->mismatched_row;
            accumulator.add(block->index, block->maxima);
          }));
  auto& blobs = accumulator.blobs();
  stats.candidates = static_cast<int64_t>(blobs.size());
  if (mismatched_row >= 0) {
    stats.skipped = fmt::format("paragraph {} no longer tokenizes as the full-text index has it "
                                "(run `dipmine optimize --rebuild`)", mismatched_row);
    return stats;
  }
  // The most frequent pairs first, while the budget lasts.
  std::vector<std::pair<int64_t, uint64_t>> order;  // (df, pair)
  order.reserve(blobs.size());
  for (const auto& [pair, p] : blobs) order.emplace_back(p.df, pair);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  stats.complete = !accumulator.dropped_any();
  Statement put(db, "INSERT INTO topk_pairs(first, second, df, blocks) VALUES (?, ?, ?, ?)");
  for (const auto& [df, pair] : order) {
    const PairBlobs& p = blobs[pair];
    if (stats.entries + p.entries > policy.max_entries) {
      stats.complete = false;
      continue;
    }
    put.bind(1, frequent.names[pair >> 32]).bind(2, frequent.names[pair & 0xFFFFFFFFu]);
    put.bind(3, df).bind_blob(4, p.blob);
    put.run();
    ++stats.pairs;
    stats.entries += p.entries;
  }
  return stats;
}

}  // namespace dipmine::store

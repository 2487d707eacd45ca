#include "store/topk_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include "common/error.h"
#include "store/topk_pairs.h"

namespace dipmine::store {
namespace {

// The index's state row: what the store looked like when it was built.
struct State {
  int64_t rows = 0, tokens = 0, max_id = 0, block_rows = 0;
};

int64_t max_paragraph_id(Database& db) {
  Statement q(db, "SELECT coalesce(max(id), 0) FROM paragraphs");
  q.step();
  return q.column_int(0);
}

uint8_t lang_bit(std::string_view lang) {
  if (lang == "fa") return 1;
  if (lang == "en") return 2;
  if (lang == "ja") return 4;
  return 8;
}

// Gathers one term's rows (in rowid order) into its frequency and blob of
// varint triples (block delta, tf, length) of each block's best row: a third
// of the bytes of the tf_part itself, which search recomputes bit for bit
// (the index is fresh only while the average length is the one used here).
class TermAccumulator {
 public:
  TermAccumulator(const std::vector<uint32_t>& lengths, double avgdl, int64_t block_rows)
      : lengths_(lengths), avgdl_(avgdl), block_rows_(block_rows) {}

  void add_instance(int64_t row) {
    if (row != row_) {
      flush_row();
      row_ = row;
    }
    ++tf_;
  }
  struct Term {
    int64_t df = 0, entries = 0;
    std::string blob;
  };
  // Finishes the term and starts the next.
  Term finish() {
    flush_row();
    flush_block();
    Term out{df_, entries_, std::move(blob_)};
    row_ = block_ = -1;
    tf_ = df_ = last_written_ = entries_ = 0;
    best_ = -1;
    blob_.clear();
    return out;
  }

 private:
  void flush_row() {
    if (tf_ == 0) return;
    ++df_;
    const uint32_t len = row_ >= 0 && static_cast<size_t>(row_) < lengths_.size()
                             ? lengths_[static_cast<size_t>(row_)] : 0;
    const double part = Bm25::tf_part(static_cast<double>(tf_), static_cast<double>(len), avgdl_);
    const int64_t block = row_ / block_rows_;
    if (block != block_) {
      flush_block();
      block_ = block;
    }
    if (part > best_) {
      best_ = part;
      best_tf_ = tf_;
      best_len_ = len;
    }
    tf_ = 0;
  }
  void flush_block() {
    if (block_ < 0) return;
    append_varints(blob_, {static_cast<uint64_t>(block_ - last_written_), static_cast<uint64_t>(best_tf_), best_len_});
    last_written_ = block_;
    best_ = -1;
    block_ = -1;
    ++entries_;
  }

  const std::vector<uint32_t>& lengths_;
  double avgdl_;
  int64_t block_rows_;
  int64_t row_ = -1, tf_ = 0, df_ = 0, block_ = -1, last_written_ = 0, entries_ = 0;
  double best_ = -1;  // the block's best tf_part so far, from best_tf_ in best_len_
  int64_t best_tf_ = 0;
  uint32_t best_len_ = 0;
  std::string blob_;
};

// What the index keeps about every row, indexed by rowid.
struct RowFacts {
  std::vector<uint32_t> lengths;  // tokens, as FTS5 counts them (its docsize)
  std::vector<uint8_t> langs;     // lang_bit
  std::vector<int16_t> years;     // -1: none
};

RowFacts read_row_facts(Database& db, int64_t max_id) {
  const size_t n = static_cast<size_t>(max_id) + 1;
  RowFacts f{std::vector<uint32_t>(n, 0), std::vector<uint8_t>(n, 0), std::vector<int16_t>(n, -1)};
  Statement sizes(db, "SELECT id, sz FROM paragraphs_fts_docsize");
  while (sizes.step()) {
    const int64_t id = sizes.column_int(0);
    const std::string_view sz = sizes.column_blob(1);  // one varint: the text column
    const auto* p = reinterpret_cast<const unsigned char*>(sz.data());
    if (id >= 0 && id <= max_id) f.lengths[static_cast<size_t>(id)] = static_cast<uint32_t>(read_fts_varint(p, p + sz.size()));
  }
  Statement rows(db, "SELECT p.id, p.lang, d.year FROM paragraphs p JOIN documents d ON d.id = p.doc_id");
  while (rows.step()) {
    const auto id = static_cast<size_t>(rows.column_int(0));
    if (id >= n) continue;
    f.langs[id] = lang_bit(rows.column_blob(1));
    if (!rows.column_is_null(2)) f.years[id] = static_cast<int16_t>(std::clamp<int64_t>(rows.column_int(2), 0, 9999));
  }
  return f;
}

// Writes every block's rows (length codes, langs, years) to topk_rows;
// returns the per-block filter summaries, 5 bytes a block.
std::string write_block_rows(Database& db, const RowFacts& facts, int64_t block_rows, int64_t blocks) {
  db.exec("DELETE FROM topk_rows; DELETE FROM topk_row_filters");
  Statement put(db, "INSERT INTO topk_rows(block, lengths) VALUES (?, ?)");
  Statement put_filters(db, "INSERT INTO topk_row_filters(block, langs, years) VALUES (?, ?, ?)");
  std::string summaries, lengths, langs, years;
  const auto n = static_cast<int64_t>(facts.lengths.size());
  for (int64_t b = 0; b < blocks; ++b) {
    lengths.clear();
    langs.clear();
    years.clear();
    uint8_t lang_bits = 0;
    int16_t year_min = INT16_MAX, year_max = -1;
    for (int64_t id = b * block_rows; id < (b + 1) * block_rows && id < n; ++id) {
      const auto k = static_cast<size_t>(id);
      lengths += static_cast<char>(std::min<uint32_t>(facts.lengths[k], TopkIndex::kLongRow));
      langs += static_cast<char>(facts.langs[k]);
      years.append(reinterpret_cast<const char*>(&facts.years[k]), 2);
      lang_bits |= facts.langs[k];
      if (facts.years[k] >= 0) {
        year_min = std::min(year_min, facts.years[k]);
        year_max = std::max(year_max, facts.years[k]);
      }
    }
    put.bind(1, b).bind_blob(2, lengths);
    put.run();
    put_filters.bind(1, b).bind_blob(2, langs).bind_blob(3, years);
    put_filters.run();
    summaries += static_cast<char>(lang_bits);
    summaries.append(reinterpret_cast<const char*>(&year_min), 2);
    summaries.append(reinterpret_cast<const char*>(&year_max), 2);
  }
  return summaries;
}

}  // namespace

TopkIndex::BuildStats TopkIndex::build(Corpus& corpus, const BuildOptions& options) {
  Database& db = corpus.db();
  const int64_t block_rows = options.block_rows;
  if (block_rows < 1) throw Error(fmt::format("{}: top-k block size must be positive", db.path()));
  invalidate(db);
  db.exec("DELETE FROM topk_terms");
  const IndexTotals totals = index_totals(db);
  const int64_t max_id = max_paragraph_id(db);
  BuildStats stats;
  stats.blocks = max_id / block_rows + 1;

  const RowFacts facts = read_row_facts(db, max_id);
  const std::string filters = write_block_rows(db, facts, block_rows, stats.blocks);
  const std::vector<uint32_t>& lengths = facts.lengths;
  // Every instance of every term, in term then rowid order.
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.topk_vocab USING fts5vocab(main, paragraphs_fts, instance)");
  {
    Statement scan(db, "SELECT term, doc FROM temp.topk_vocab");
    Statement put(db, "INSERT INTO topk_terms(term, df, blocks) VALUES (?, ?, ?)");
    TermAccumulator acc(lengths, totals.avgdl(), block_rows);
    std::string term;
    auto finish_term = [&] {
      if (term.empty()) return;
      const TermAccumulator::Term done = acc.finish();
      put.bind(1, term).bind(2, done.df).bind_blob(3, done.blob);
      put.run();
      ++stats.terms;
      stats.entries += done.entries;
    };
    while (scan.step()) {
      const std::string_view t = scan.column_blob(0);
      if (t != term) {
        finish_term();
        term.assign(t);
      }
      acc.add_instance(scan.column_int(1));
    }
    finish_term();
  }
  db.exec("DROP TABLE temp.topk_vocab");
  const auto budget = static_cast<int64_t>(options.pair_budget * static_cast<double>(stats.entries));
  stats.pairs = build_topk_pairs(db, lengths, totals, block_rows,
                                 {options.pair_min_word_df, budget, options.pair_max_terms_a_row,
                                  options.pair_coarse_blocks, budget / 2});
  Statement put(db, "INSERT OR REPLACE INTO topk_meta(key, value) VALUES (?, ?)");
  put.bind(1, "pairs").bind(2, fmt::format("{} {} {} {} {}", options.pair_min_word_df,
                                            stats.pairs.side_by_side.complete ? 1 : 0,
                                            stats.pairs.together.complete ? 1 : 0, kPairsVersion,
                                            std::max<int64_t>(options.pair_coarse_blocks, 0)));
  put.run();
  put.bind(1, "filters").bind_blob(2, filters);
  put.run();
  put.bind(1, "state").bind(2, fmt::format("{} {} {} {}", totals.rows, totals.tokens, max_id, block_rows));
  put.run();
  return stats;
}

void TopkIndex::invalidate(Database& db) { db.exec("DELETE FROM topk_meta WHERE key = 'state'"); }

std::unique_ptr<TopkIndex> TopkIndex::open_if_fresh(Corpus& corpus) {
  Database& db = corpus.db();
  Statement q(db, "SELECT key, value FROM topk_meta");
  State built;
  bool have_state = false;
  std::string filters;
  PairState pairs;
  while (q.step()) {
    if (q.column_text(0) == "state") {
      have_state = std::sscanf(q.column_text(1).c_str(), "%ld %ld %ld %ld", &built.rows, &built.tokens,
                               &built.max_id, &built.block_rows) == 4;
    } else if (q.column_text(0) == "pairs") {
      int side = 0, together = 0, version = 1;  // no fourth value: version 1
      int64_t coarse = 0;
      if (std::sscanf(q.column_text(1).c_str(), "%ld %d %d %d %ld", &pairs.min_word_df, &side, &together, &version,
                      &coarse) < 3) {
        pairs = {};
      }
      pairs.side_by_side_complete = side == 1;
      pairs.together_complete = together == 1;
      pairs.version = version;
      pairs.coarse_blocks = version >= 2 ? coarse : 0;
    } else if (q.column_text(0) == "filters") {
      filters = std::string(q.column_blob(1));
    }
  }
  if (!have_state || built.block_rows < 1) return nullptr;
  const IndexTotals now = index_totals(db);
  if (now.rows != built.rows || now.tokens != built.tokens || max_paragraph_id(db) != built.max_id) {
    return nullptr;
  }
  const size_t blocks = static_cast<size_t>(built.max_id / built.block_rows + 1);
  if (filters.size() != blocks * 5) return nullptr;
  std::vector<BlockFilter> f(blocks);
  for (size_t k = 0; k < blocks; ++k) {
    f[k].langs = static_cast<uint8_t>(filters[k * 5]);
    std::memcpy(&f[k].year_min, &filters[k * 5 + 1], 2);
    std::memcpy(&f[k].year_max, &filters[k * 5 + 3], 2);
  }
  return std::unique_ptr<TopkIndex>(new TopkIndex(corpus, now, built.block_rows, std::move(f), std::move(pairs)));
}

TopkIndex::TopkIndex(Corpus& corpus, IndexTotals totals, int64_t block_rows,
                     std::vector<BlockFilter> filters, PairState pairs)
    : corpus_(corpus), totals_(totals), block_rows_(block_rows), filters_(std::move(filters)), pairs_(std::move(pairs)) {}

void TopkIndex::merge_blob(std::string_view blob, std::vector<double>* best) const {
  const double avgdl = totals_.avgdl();
  for_each_entry<3>(blob, [&](uint64_t block, const auto& v) {  // tf, length
    if (block < best->size()) {
      (*best)[block] = std::max((*best)[block], Bm25::tf_part(static_cast<double>(v[0]), static_cast<double>(v[1]), avgdl));
    }
  });
}

int64_t TopkIndex::merge_term(std::string_view key, std::vector<double>* best) {
  if (!term_) term_ = std::make_unique<Statement>(corpus_.db(), "SELECT df, blocks FROM topk_terms WHERE term = ?");
  term_->bind(1, key);
  int64_t df = 0;
  if (term_->step()) {
    df = term_->column_int(0);
    if (best != nullptr) merge_blob(term_->column_blob(1), best);
  }
  term_->reset();
  return df;
}

std::optional<std::vector<std::pair<std::string, int64_t>>> TopkIndex::prefix_terms(
    std::string_view prefix, size_t limit) {
  // A query asks for a prefix's terms for its idf, its bounds and its
  // expansion: read them once.
  auto [cached, fresh] = prefix_terms_.try_emplace({std::string(prefix), limit});
  if (fresh) cached->second = read_prefix_terms(prefix, limit);
  return cached->second;
}

std::optional<std::vector<std::pair<std::string, int64_t>>> TopkIndex::read_prefix_terms(
    std::string_view prefix, size_t limit) {
  if (!prefix_) {
    prefix_ = std::make_unique<Statement>(corpus_.db(),
                                          "SELECT term, df FROM topk_terms WHERE term >= ?1 AND term < ?2");
  }
  prefix_->bind(1, prefix).bind(2, prefix_successor(prefix));
  std::vector<std::pair<std::string, int64_t>> terms;
  while (prefix_->step()) {
    if (terms.size() == limit) {
      prefix_->reset();
      return std::nullopt;
    }
    terms.emplace_back(prefix_->column_text(0), prefix_->column_int(1));
  }
  prefix_->reset();
  return terms;
}

TopkIndex::Rows TopkIndex::rows_of_blocks(size_t first_block, size_t last_block, bool with_filters) {
  if (!rows_) {
    rows_ = std::make_unique<Statement>(
        corpus_.db(), "SELECT block, lengths FROM topk_rows WHERE block BETWEEN ? AND ? ORDER BY block");
    row_filters_ = std::make_unique<Statement>(
        corpus_.db(), "SELECT block, langs, years FROM topk_row_filters WHERE block BETWEEN ? AND ? ORDER BY block");
  }
  const size_t per_block = static_cast<size_t>(block_rows_);
  const size_t n = (last_block - first_block + 1) * per_block;
  Rows r;
  r.first_rowid = static_cast<int64_t>(first_block) * block_rows_;
  r.lengths.assign(n, static_cast<char>(kLongRow));
  // Each block's blob at its place in `out` (elem bytes a row).
  auto gather = [&](Statement& q, int column, char* out, size_t elem) {
    q.bind(1, static_cast<int64_t>(first_block)).bind(2, static_cast<int64_t>(last_block));
    while (q.step()) {
      const size_t at = (static_cast<size_t>(q.column_int(0)) - first_block) * per_block;
      const std::string_view blob = q.column_blob(column);
      if (at < n) std::memcpy(out + at * elem, blob.data(), std::min(blob.size(), per_block * elem));
    }
    q.reset();
  };
  gather(*rows_, 1, r.lengths.data(), 1);
  if (with_filters) {
    r.langs.assign(n, 0);
    r.years.assign(n, -1);
    gather(*row_filters_, 1, reinterpret_cast<char*>(r.langs.data()), 1);
    gather(*row_filters_, 2, reinterpret_cast<char*>(r.years.data()), 2);
  }
  return r;
}

TopkIndex::RowFilter::RowFilter(const Query& query) : years_(query.year_min || query.year_max) {
  if (!query.langs.empty()) {
    langs_ = 0;
    for (const std::string& l : query.langs) langs_ |= lang_bit(l);
  }
  year_min_ = query.year_min.value_or(INT_MIN);
  year_max_ = query.year_max.value_or(INT_MAX);
}

bool TopkIndex::RowFilter::admits(uint8_t langs, int lo, int hi) const {
  if ((langs & langs_) == 0) return false;
  if (!years_) return true;
  return lo >= 0 && lo <= hi && hi >= year_min_ && lo <= year_max_;
}

bool TopkIndex::Rows::passes(int64_t rowid, const RowFilter& filter) const {
  if (!filter.any()) return true;
  const auto at = static_cast<size_t>(rowid - first_rowid);
  if (rowid < first_rowid || at >= langs.size()) return false;
  return filter.admits(langs[at], years[at], years[at]);
}

bool TopkIndex::block_may_pass(size_t b, const RowFilter& filter) const {
  if (b >= filters_.size()) return false;
  return filter.admits(filters_[b].langs, filters_[b].year_min, filters_[b].year_max);
}

}  // namespace dipmine::store

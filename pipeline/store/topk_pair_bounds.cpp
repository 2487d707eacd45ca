// TopkIndex's word-pair bounds (store/topk_pairs.h has how they are built):
// the query side of topk_pairs, topk_together and topk_wide_terms.
#include <algorithm>

#include "store/topk_index.h"
#include "store/topk_pairs.h"

namespace dipmine::store {

bool TopkIndex::merge_pair(std::string_view first, std::string_view second, std::vector<double>* best) {
  if (pairs_.min_word_df <= 0) return false;
  if (!pair_) {
    pair_ = std::make_unique<Statement>(corpus_.db(), "SELECT blocks FROM topk_pairs WHERE first = ? AND second = ?");
  }
  pair_->bind(1, first).bind(2, second);
  const bool found = pair_->step();
  if (found) merge_blob(pair_->column_blob(0), best);
  pair_->reset();
  // Not there: it occurs nowhere when every pair of such words was kept.
  return found || (pairs_.side_by_side_complete && merge_term(first, nullptr) >= pairs_.min_word_df &&
                   merge_term(second, nullptr) >= pairs_.min_word_df);
}

bool TopkIndex::together(std::string_view a, std::string_view b, double idf_a, double idf_b,
                         std::vector<double>* a_part, std::vector<double>* b_part) {
  if (pairs_.min_word_df <= 0 || a == b) return false;
  if (b < a) return together(b, a, idf_b, idf_a, b_part, a_part);
  if (!together_) {
    together_ = std::make_unique<Statement>(corpus_.db(),
                                            "SELECT blocks FROM topk_together WHERE first = ? AND second = ?");
    wide_term_ = std::make_unique<Statement>(corpus_.db(), "SELECT rows FROM topk_wide_terms WHERE term = ?");
  }
  together_->bind(1, a).bind(2, b);
  const bool found = together_->step();
  std::string blob;
  if (found) blob = std::string(together_->column_blob(0));
  together_->reset();
  auto pairable = [&](std::string_view w) {
    const int64_t df = merge_term(w, nullptr);
    return df >= pairs_.min_word_df && df * 2 <= totals_.rows;
  };
  if (!found && !(pairs_.together_complete && pairable(a) && pairable(b))) return false;
  // The pair's best row in each block (0: no row has both) ...
  std::fill(a_part->begin(), a_part->end(), 0.0);
  std::fill(b_part->begin(), b_part->end(), 0.0);
  const double avgdl = totals_.avgdl();
  for_each_entry<4>(blob, [&](uint64_t block, const auto& v) {  // tf of a, tf of b, length
    if (block >= a_part->size() || block >= b_part->size()) return;
    (*a_part)[block] = Bm25::tf_part(static_cast<double>(v[0]), static_cast<double>(v[2]), avgdl);
    (*b_part)[block] = Bm25::tf_part(static_cast<double>(v[1]), static_cast<double>(v[2]), avgdl);
  });
  // ... or the best of the rows too wide for pairs that have both words.
  struct Posting {
    int64_t row;
    double tf, len;
  };
  std::vector<Posting> wide[2];
  for (int w = 0; w < 2; ++w) {
    wide_term_->bind(1, w == 0 ? a : b);
    if (wide_term_->step()) {
      for_each_entry<3>(wide_term_->column_blob(0), [&](uint64_t row, const auto& v) {  // tf, length
        wide[w].push_back({static_cast<int64_t>(row), static_cast<double>(v[0]), static_cast<double>(v[1])});
      });
    }
    wide_term_->reset();
  }
  for (size_t i = 0, j = 0; i < wide[0].size() && j < wide[1].size();) {
    if (wide[0][i].row != wide[1][j].row) {
      ++(wide[0][i].row < wide[1][j].row ? i : j);
      continue;
    }
    const auto k = static_cast<size_t>(wide[0][i].row / block_rows_);
    const double part_a = Bm25::tf_part(wide[0][i].tf, wide[0][i].len, avgdl);
    const double part_b = Bm25::tf_part(wide[1][j].tf, wide[1][j].len, avgdl);
    ++i, ++j;
    if (k >= a_part->size() || k >= b_part->size()) continue;
    const double pair = Bm25::add_weighted(Bm25::add_weighted(0.0, idf_a, (*a_part)[k]), idf_b, (*b_part)[k]);
    const double row = Bm25::add_weighted(Bm25::add_weighted(0.0, idf_a, part_a), idf_b, part_b);
    if (row > pair) {
      (*a_part)[k] = part_a;
      (*b_part)[k] = part_b;
    }
  }
  return true;
}

}  // namespace dipmine::store

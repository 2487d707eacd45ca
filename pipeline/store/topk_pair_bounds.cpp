// TopkIndex's word-pair bounds (store/topk_pairs.h has how they are built):
// the query side of topk_pairs, topk_together(_boosted) and topk_wide_terms.
#include <algorithm>

#include "store/topk_index.h"
#include "store/topk_pairs.h"
#include "text/segmenter.h"

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

namespace {

// One word of a pair query: its key, idf and bound, and its whole-word key's.
struct Word {
  std::string key;
  double idf = 0, word_idf = 0;
  std::vector<double>* part = nullptr;
  std::vector<double>* word_part = nullptr;  // none: the query has no whole-word key for it
};

// Sums as dipmine_rank does: the first word, its whole-word key, the second,
// its whole-word key (a missing key adds nothing).
double pair_score(const Word& a, const Word& b, double pa, double pwa, double pb, double pwb) {
  double sum = Bm25::add_weighted(0.0, a.idf, pa);
  if (a.word_part) sum = Bm25::add_weighted(sum, a.word_idf, pwa);
  sum = Bm25::add_weighted(sum, b.idf, pb);
  if (b.word_part) sum = Bm25::add_weighted(sum, b.word_idf, pwb);
  return sum;
}

}  // namespace

bool TopkIndex::together(const PairQuery& query) {
  Word a{std::string(query.a), query.idf_a, query.idf_a_word, query.a_part, query.a_word_part};
  Word b{std::string(query.b), query.idf_b, query.idf_b_word, query.b_part, query.b_word_part};
  const bool boosted = a.word_part || b.word_part;
  if (pairs_.min_word_df <= 0 || a.key == b.key) return false;
  if (b.key < a.key) {
    // The index adds the pair's parts in term order; with whole-word keys
    // between them, another order could round differently.
    if (boosted) return false;
    std::swap(a, b);
  }
  if (!together_) {
    together_ = std::make_unique<Statement>(corpus_.db(),
                                            "SELECT blocks FROM topk_together WHERE first = ? AND second = ?");
    boosted_ = std::make_unique<Statement>(corpus_.db(),
                                           "SELECT blocks FROM topk_together_boosted WHERE first = ? AND second = ?");
    wide_term_ = std::make_unique<Statement>(corpus_.db(), "SELECT rows FROM topk_wide_terms WHERE term = ?");
  }
  auto blob_of = [&](Statement& s, bool* found) {
    s.bind(1, a.key).bind(2, b.key);
    *found = s.step();
    std::string blob = *found ? std::string(s.column_blob(0)) : std::string();
    s.reset();
    return blob;
  };
  auto pairable = [&](std::string_view w) {
    return pairs_within_paragraphs(merge_term(w, nullptr), pairs_.min_word_df, totals_.rows);
  };
  // The index weighted a word's whole-word key wherever it has one.
  if (boosted && (pairable(text::whole_word_key(a.key)) != (a.word_part != nullptr) ||
                  pairable(text::whole_word_key(b.key)) != (b.word_part != nullptr))) {
    return false;
  }
  bool found = false;
  std::string blob = blob_of(boosted ? *boosted_ : *together_, &found);
  uint64_t run = 1;  // blocks an entry of the blob stands for
  if (!found && !boosted && pairs_.coarse_blocks > 0) {
    // Left out by the budget: maybe there per run of blocks.
    if (!coarse_) {
      coarse_ = std::make_unique<Statement>(corpus_.db(),
                                            "SELECT blocks FROM topk_together_coarse WHERE first = ? AND second = ?");
    }
    blob = blob_of(*coarse_, &found);
    if (found) run = static_cast<uint64_t>(pairs_.coarse_blocks);
  }
  if (query.run_blocks) *query.run_blocks = static_cast<size_t>(run);
  if (!found) {
    // Not there: the words share no paragraph if their plain pair is not
    // there either and every such pair was kept.
    bool plain = false;
    if (boosted) blob_of(*together_, &plain);
    if (plain || !pairs_.together_complete || !pairable(a.key) || !pairable(b.key)) return false;
  }
  // A coarse entry's row may lie in another block of its run and beat what
  // a block's own word maxima allow: there the words' parts stay.
  const std::vector<double> words_a = run > 1 ? *a.part : std::vector<double>{};
  const std::vector<double> words_b = run > 1 ? *b.part : std::vector<double>{};
  for (std::vector<double>* v : {a.part, a.word_part, b.part, b.word_part}) {
    if (v) std::fill(v->begin(), v->end(), 0.0);
  }
  // The pair's best row in each block (0: no row has both) ...
  const double avgdl = totals_.avgdl();
  const size_t n = std::min(a.part->size(), b.part->size());
  auto set = [&](std::vector<double>* v, size_t k, double part) {
    if (v) (*v)[k] = part;
  };
  auto tf_part = [&](uint64_t tf, uint64_t len) {
    return Bm25::tf_part(static_cast<double>(tf), static_cast<double>(len), avgdl);
  };
  if (!boosted) {
    for_each_entry<4>(blob, [&](uint64_t e, const auto& v) {  // tf of a, tf of b, length
      // A coarse entry's best row bounds every block of its run: each
      // block takes the lower sum of that row's parts or its words' maxima.
      const double pa = tf_part(v[0], v[2]), pb = tf_part(v[1], v[2]);
      for (uint64_t k = e * run; k < std::min<uint64_t>(n, (e + 1) * run); ++k) {
        const bool words = run > 1 && pair_score(a, b, words_a[k], 0, words_b[k], 0) < pair_score(a, b, pa, 0, pb, 0);
        set(a.part, k, words ? words_a[k] : pa), set(b.part, k, words ? words_b[k] : pb);
      }
    });
  } else {
    for_each_entry<6>(blob, [&](uint64_t k, const auto& v) {  // tfs of a, b, their whole words; length
      if (k >= n) return;
      set(a.part, k, tf_part(v[0], v[4]));
      set(b.part, k, tf_part(v[1], v[4]));
      set(a.word_part, k, tf_part(v[2], v[4]));
      set(b.word_part, k, tf_part(v[3], v[4]));
    });
  }
  // ... or the best of the rows too wide for pairs that have both words.
  struct Posting {
    int64_t row;
    uint64_t tf, len;
  };
  auto postings = [&](const std::string& term) {
    std::vector<Posting> out;
    wide_term_->bind(1, term);
    if (wide_term_->step()) {
      for_each_entry<3>(wide_term_->column_blob(0), [&](uint64_t row, const auto& v) {  // tf, length
        out.push_back({static_cast<int64_t>(row), v[0], v[1]});
      });
    }
    wide_term_->reset();
    return out;
  };
  const std::vector<Posting> wa = postings(a.key), wb = postings(b.key);
  const std::vector<Posting> wwa = a.word_part ? postings(text::whole_word_key(a.key)) : std::vector<Posting>{};
  const std::vector<Posting> wwb = b.word_part ? postings(text::whole_word_key(b.key)) : std::vector<Posting>{};
  size_t at_wa = 0, at_wb = 0;  // walk the whole-word lists along with the rows
  auto tf_in = [](const std::vector<Posting>& list, size_t& at, int64_t row) -> uint64_t {
    while (at < list.size() && list[at].row < row) ++at;
    return at < list.size() && list[at].row == row ? list[at].tf : 0;
  };
  for (size_t i = 0, j = 0; i < wa.size() && j < wb.size();) {
    if (wa[i].row != wb[j].row) {
      ++(wa[i].row < wb[j].row ? i : j);
      continue;
    }
    const int64_t row = wa[i].row;
    const auto k = static_cast<size_t>(row / block_rows_);
    const uint64_t len = wa[i].len;
    const double pa = tf_part(wa[i].tf, len), pb = tf_part(wb[j].tf, len);
    const double pwa = tf_part(tf_in(wwa, at_wa, row), len), pwb = tf_part(tf_in(wwb, at_wb, row), len);
    ++i, ++j;
    if (k >= n) continue;
    auto at = [&](std::vector<double>* v) { return v ? (*v)[k] : 0.0; };
    if (pair_score(a, b, pa, pwa, pb, pwb) >
        pair_score(a, b, at(a.part), at(a.word_part), at(b.part), at(b.word_part))) {
      set(a.part, k, pa), set(a.word_part, k, pwa), set(b.part, k, pb), set(b.word_part, k, pwb);
    }
  }
  return true;
}

}  // namespace dipmine::store

#include "store/block_scorer.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "store/fts_tokenizer.h"
#include "store/ranking.h"

namespace dipmine::store {
namespace {

// Below this share of matching rows, a range is scored with a lookup per
// matching row: loading a byte per row of the range would cost more.
constexpr double kSparseShare = 1.0 / 1000;

Query docs_only(const Query& q) {
  Query d;
  d.docs = q.docs;
  return d;
}

}  // namespace

std::string rank_sql(const RankCall& call, const SqlFilters& f, std::string_view extra) {
  return fmt::format("SELECT paragraphs_fts.rowid, dipmine_rank(paragraphs_fts, ?{}) FROM paragraphs_fts{} "
                     "WHERE paragraphs_fts MATCH ?{}{}",
                     call.groups.empty() ? "" : ", ?", f.joins, f.where, extra);
}

int bind_ranking(Statement& s, const RankCall& call, const SqlFilters& f) {
  int i = 1;
  s.bind_blob(i++, pack_idfs(call.idfs));
  if (!call.groups.empty()) s.bind_blob(i++, call.groups);
  s.bind(i++, call.match);
  for (const auto& b : f.binds) b(s, i);
  return i;
}

RankCall expand_prefixes(const Query& q, TopkIndex& topk, const std::vector<double>& idfs,
                         size_t max_terms, bool* prefix_left) {
  RankCall plain{q.match, "", idfs};
  *prefix_left = std::any_of(q.phrases.begin(), q.phrases.end(), [](const QueryPhrase& p) { return p.prefix; });
  if (!*prefix_left || q.phrases.size() > 255) return plain;
  RankCall call{"", "", idfs};
  bool left = false;
  size_t cursor = 0;
  for (size_t i = 0; i < q.phrases.size(); ++i) {
    const QueryPhrase& p = q.phrases[i];
    const std::string text = query_key_string(p.keys) + (p.prefix ? "*" : "");
    const size_t at = q.match.find(text, cursor);
    if (at == std::string::npos) return plain;
    const bool in_near = std::count_if(q.phrases.begin(), q.phrases.end(), [&](const QueryPhrase& o) {
                           return o.clause == p.clause && o.alternative == p.alternative;
                         }) > 1;
    std::optional<std::vector<std::pair<std::string, int64_t>>> terms;
    if (p.prefix && p.clause >= 0 && !in_near) terms = topk.prefix_terms(p.keys.back(), max_terms);
    call.match += q.match.substr(cursor, at - cursor);
    cursor = at + text.size();
    if (!terms || terms->empty()) {
      left = left || p.prefix;
      call.match += text;
      call.groups += static_cast<char>(i);
      continue;
    }
    std::vector<std::string> keys = p.keys;
    call.match += "(";
    for (size_t t = 0; t < terms->size(); ++t) {
      keys.back() = (*terms)[t].first;
      call.match += (t ? " OR " : "") + query_key_string(keys);
      call.groups += static_cast<char>(i);
    }
    call.match += ")";
  }
  call.match += q.match.substr(cursor);
  *prefix_left = left;
  return call;
}

BlockScorer::BlockScorer(Corpus& corpus, TopkIndex& topk, const Query& q, RankCall call, size_t k,
                         double match_share)
    : corpus_(corpus), topk_(topk), q_(q), call_(std::move(call)), k_(k), match_share_(match_share),
      row_filter_(q), doc_filter_(sql_filters(docs_only(q))), all_filters_(sql_filters(q)),
      dense_(corpus.db(), rank_sql(call_, doc_filter_, " AND paragraphs_fts.rowid BETWEEN ? AND ?")),
      scored_(topk.blocks(), false) {}

bool BlockScorer::cannot_beat(double bound, size_t block) const {
  if (heap_.size() < k_) return k_ == 0;
  const RankedRow& worst = heap_.front();
  const int64_t first_row = static_cast<int64_t>(block) * topk_.block_rows();
  return bound < worst.score || (bound == worst.score && first_row > worst.rowid);
}

void BlockScorer::offer(const RankedRow& row) {
  if (heap_.size() < k_) {
    heap_.push_back(row);
    std::push_heap(heap_.begin(), heap_.end(), better);
  } else if (better(row, heap_.front())) {
    std::pop_heap(heap_.begin(), heap_.end(), better);
    heap_.back() = row;
    std::push_heap(heap_.begin(), heap_.end(), better);
  }
}

void BlockScorer::score_blocks(size_t first, size_t last, size_t candidates) {
  const int64_t rows = topk_.block_rows();
  const int64_t lo = static_cast<int64_t>(first) * rows, hi = static_cast<int64_t>(last + 1) * rows - 1;
  auto run = [&](Statement& s, const SqlFilters& filters, const TopkIndex::Rows* facts) {
    const int i = bind_ranking(s, call_, filters);
    s.bind(i, lo);
    s.bind(i + 1, hi);
    while (s.step()) {
      const RankedRow row{s.column_int(0), s.column_double(1)};
      if (scored_[static_cast<size_t>(row.rowid / rows)]) continue;  // scored before
      if (facts != nullptr && !facts->passes(row.rowid, row_filter_)) continue;
      offer(row);
    }
    s.reset();
  };
  if (match_share_ < kSparseShare) {
    if (!sparse_) {
      sparse_ = std::make_unique<Statement>(corpus_.db(),
                                            rank_sql(call_, all_filters_, " AND paragraphs_fts.rowid BETWEEN ? AND ?"));
    }
    run(*sparse_, all_filters_, nullptr);
  } else {
    const TopkIndex::Rows facts = topk_.rows_of_blocks(first, last, row_filter_.any());
    KnownLengths known(lo, facts.lengths);
    run(dense_, doc_filter_, &facts);
  }
  for (size_t b = first; b <= last; ++b) scored_[b] = true;
  ++statements_;
  visited_ += candidates;
}

std::vector<RankedRow> BlockScorer::finish(size_t offset, RankingStats* stats) {
  if (stats) {
    stats->expression = call_.match;
    stats->visited_blocks = visited_;
    stats->statements = statements_;
  }
  std::sort(heap_.begin(), heap_.end(), better);
  heap_.erase(heap_.begin(), heap_.begin() + static_cast<std::ptrdiff_t>(std::min(offset, heap_.size())));
  return std::move(heap_);
}

}  // namespace dipmine::store

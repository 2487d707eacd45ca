#include "store/ranked_rows.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "store/block_scorer.h"
#include "store/ranking.h"
#include "store/topk_index.h"
#include "text/segmenter.h"

namespace dipmine::store {
namespace {

// A prefix that stands for more terms than this is ranked without the top-k
// index (merging their block maxima would cost more than it saves).
constexpr size_t kMaxPrefixTerms = 256;

// How often a phrase's keys occur: its idf takes the rarest (a prefix: all
// the terms it covers together).
template <typename TermDf, typename PrefixDf>
std::vector<double> phrase_idfs(const Query& q, int64_t rows, TermDf term_df, PrefixDf prefix_df,
                                std::vector<int64_t>* phrase_hits = nullptr) {
  std::vector<double> idfs;
  for (const QueryPhrase& p : q.phrases) {
    int64_t hits = rows;
    for (size_t k = 0; k < p.keys.size(); ++k) {
      const bool prefix = p.prefix && k + 1 == p.keys.size();
      hits = std::min(hits, prefix ? prefix_df(p.keys[k]) : term_df(p.keys[k]));
    }
    idfs.push_back(Bm25::idf(rows, hits));
    if (phrase_hits) phrase_hits->push_back(hits);
  }
  return idfs;
}

std::vector<RankedRow> rank_every_match(Corpus& corpus, const Query& q, size_t offset, size_t limit) {
  VocabFrequencies vocab(corpus.db());
  const std::vector<double> idfs = phrase_idfs(
      q, index_totals(corpus.db()).rows, [&](const std::string& k) { return vocab.term(k); },
      [&](const std::string& k) { return vocab.prefix(k); });
  const SqlFilters f = sql_filters(q);
  const RankCall call{q.match, "", idfs};
  Statement s(corpus.db(), rank_sql(call, f, " ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?"));
  int i = bind_ranking(s, call, f);
  s.bind(i, static_cast<int64_t>(limit));
  s.bind(i + 1, static_cast<int64_t>(offset));
  std::vector<RankedRow> rows;
  while (s.step()) rows.push_back({s.column_int(0), s.column_double(1)});
  return rows;
}

// Per block, the most one phrase can add to a row's score before the idf:
// the least of its keys' and its indexed word pairs' block maxima. For a
// prefix key the row's hits are the sum over the terms it covers; with m_e
// each term's maximum, tf_part of that sum is at most c*S/(S+1), S = sum of
// m_e/(c-m_e), c = k1+1 (the row length cancels out), rounded up a little.
std::optional<std::vector<double>> phrase_bounds(TopkIndex& topk, const QueryPhrase& p) {
  const size_t n = topk.blocks();
  std::vector<double> bound(n, std::numeric_limits<double>::infinity()), key(n);
  for (size_t k = 0; k < p.keys.size(); ++k) {
    std::fill(key.begin(), key.end(), 0.0);
    if (p.prefix && k + 1 == p.keys.size()) {
      const auto terms = topk.prefix_terms(p.keys[k], kMaxPrefixTerms);
      if (!terms) return std::nullopt;
      const double c = Bm25::k1 + 1.0;
      std::vector<double> sum(n, 0.0), single(n);
      std::vector<int> found(n, 0);
      for (const auto& term : *terms) {
        std::fill(single.begin(), single.end(), 0.0);
        topk.merge_term(term.first, &single);
        for (size_t b = 0; b < n; ++b) {
          if (single[b] <= 0) continue;
          sum[b] += single[b] / (c - single[b]);
          key[b] = found[b]++ == 0 ? single[b] : (c * sum[b] / (sum[b] + 1.0)) * (1.0 + 1e-9);
        }
      }
    } else {
      topk.merge_term(p.keys[k], &key);
    }
    for (size_t b = 0; b < n; ++b) bound[b] = std::min(bound[b], key[b]);
  }
  // A phrase occurs no more often than each pair of neighbouring words: the
  // pairs the index knows bound it tighter (store/topk_pairs.h).
  const size_t words = p.prefix ? p.keys.size() - 1 : p.keys.size();
  for (size_t k = 0; k + 1 < words; ++k) {
    std::fill(key.begin(), key.end(), 0.0);
    if (!topk.merge_pair(p.keys[k], p.keys[k + 1], &key)) continue;
    for (size_t b = 0; b < n; ++b) bound[b] = std::min(bound[b], key[b]);
  }
  return bound;
}

// Whether phrase y is the whole-word boost of the one-word phrase x: the
// alternative a query adds to a Japanese dictionary word, which occurs only
// where x does (store/query.cpp).
bool is_boost_of(const QueryPhrase& x, const QueryPhrase& y) {
  return y.clause == x.clause && y.alternative != x.alternative && x.keys.size() == 1 && y.keys.size() == 1 &&
         !y.prefix && y.keys[0] == text::whole_word_key(x.keys[0]);
}

// Whether every row that matches phrase p's clause contains p: the clause's
// other alternatives (besides p's NEAR partner) are only p's boost.
bool clause_needs(const Query& q, size_t p, size_t partner) {
  for (size_t o = 0; o < q.phrases.size(); ++o) {
    if (o == p || o == partner || q.phrases[o].clause != q.phrases[p].clause) continue;
    if (!is_boost_of(q.phrases[p], q.phrases[o])) return false;
  }
  return true;
}

// Two words that must both occur (AND, or one NEAR of the two) score at
// most what their best shared paragraph scores, where the index knows it
// (store/topk_pairs.h): exactly for AND (NEAR counts fewer hits; a pair
// kept per run of blocks bounds it by its run's best paragraph). The words'
// bounds (and their whole-word keys', a Japanese word's boost) become that
// paragraph's parts. They must be the query's first scored phrases, in the
// order dipmine_rank adds them, so that the bound starts as the very sum of
// that paragraph; phrases after them (a third word) add their own bounds,
// and floating-point addition is monotone, so the total stays a bound.
// Returns the blocks one bound of the pair stands for (1; a run's when the
// pair is kept per run of blocks).
size_t use_pairs_together(TopkIndex& topk, const Query& q, const std::vector<double>& idfs,
                          std::vector<std::vector<double>>& bounds) {
  std::vector<size_t> scored;
  for (size_t p = 0; p < q.phrases.size(); ++p) {
    if (q.phrases[p].clause >= 0) scored.push_back(p);
  }
  // a [a's whole word] b [b's whole word]
  size_t k = 0;
  constexpr size_t kNone = SIZE_MAX;
  auto next = [&] { return k < scored.size() ? scored[k++] : kNone; };
  auto boost_after = [&](size_t p) {
    return k < scored.size() && is_boost_of(q.phrases[p], q.phrases[scored[k]]) ? scored[k++] : kNone;
  };
  const size_t pa = next(), pwa = pa == kNone ? kNone : boost_after(pa);
  const size_t pb = next(), pwb = pb == kNone ? kNone : boost_after(pb);
  if (pb == kNone) return 1;
  const QueryPhrase& a = q.phrases[pa];
  const QueryPhrase& b = q.phrases[pb];
  if (a.keys.size() != 1 || b.keys.size() != 1 || a.prefix || b.prefix) return 1;
  // Separate clauses (AND) or one alternative of one clause (NEAR), not OR.
  if (a.clause == b.clause && a.alternative != b.alternative) return 1;
  if (!clause_needs(q, pa, pb) || !clause_needs(q, pb, pa)) return 1;
  size_t run = 1;
  TopkIndex::PairQuery pair{a.keys[0], b.keys[0], idfs[pa], idfs[pb],
                            pwa == kNone ? 0.0 : idfs[pwa], pwb == kNone ? 0.0 : idfs[pwb],
                            &bounds[pa], &bounds[pb],
                            pwa == kNone ? nullptr : &bounds[pwa], pwb == kNone ? nullptr : &bounds[pwb], &run};
  return topk.together(pair) ? run : 1;
}

// At most this share of the rows can match: a row matches an alternative of
// every clause, and an alternative only where each of its phrases occurs.
double match_share(const Query& q, const std::vector<int64_t>& hits, int64_t rows) {
  double share = 1.0;
  for (int c = 0; c < q.clauses; ++c) {
    std::map<int, int64_t> alternatives;  // alternative -> its rarest phrase's rows
    for (size_t p = 0; p < q.phrases.size(); ++p) {
      if (q.phrases[p].clause != c) continue;
      auto [it, fresh] = alternatives.try_emplace(q.phrases[p].alternative, hits[p]);
      if (!fresh) it->second = std::min(it->second, hits[p]);
    }
    int64_t clause_rows = 0;
    for (const auto& a : alternatives) clause_rows += a.second;
    share = std::min(share, static_cast<double>(clause_rows) / static_cast<double>(std::max<int64_t>(rows, 1)));
  }
  return share;
}

// Rowid ranges of the documents a doc: filter names (their paragraphs are
// inserted together, so one range each).
std::vector<std::pair<int64_t, int64_t>> doc_ranges(Corpus& corpus, const Query& q) {
  std::vector<std::pair<int64_t, int64_t>> ranges;
  Statement s(corpus.db(), "SELECT min(id), max(id) FROM paragraphs WHERE doc_id = ?");
  for (int64_t d : q.docs) {
    s.bind(1, d);
    if (s.step() && !s.column_is_null(0)) ranges.emplace_back(s.column_int(0), s.column_int(1));
    s.reset();
  }
  return ranges;
}

std::optional<std::vector<RankedRow>> rank_by_blocks(Corpus& corpus, TopkIndex& topk, const Query& q,
                                                     size_t offset, size_t limit, RankingStats* stats,
                                                     const RankingPlan& plan) {
  const size_t n = topk.blocks();
  const int64_t rows_per_block = topk.block_rows();
  bool too_many_terms = false;
  std::vector<int64_t> hits;
  const std::vector<double> idfs = phrase_idfs(
      q, topk.rows(), [&](const std::string& k) { return topk.merge_term(k, nullptr); },
      [&](const std::string& k) {
        const auto terms = topk.prefix_terms(k, kMaxPrefixTerms);
        too_many_terms = too_many_terms || !terms;
        int64_t df = 0;
        for (const auto& term : terms.value_or(std::vector<std::pair<std::string, int64_t>>{})) df += term.second;
        return std::min(df, topk.rows());
      },
      &hits);
  if (too_many_terms) return std::nullopt;
  std::vector<std::vector<double>> bounds(q.phrases.size());
  for (size_t p = 0; p < q.phrases.size(); ++p) {
    if (q.phrases[p].clause < 0) continue;  // an exclusion adds nothing to a matching row
    auto b = phrase_bounds(topk, q.phrases[p]);
    if (!b) return std::nullopt;
    bounds[p] = std::move(*b);
  }
  const size_t run_blocks = use_pairs_together(topk, q, idfs, bounds);
  const auto docs = doc_ranges(corpus, q);
  // A block can match when every clause has an alternative all of whose
  // phrases occur in it; its bound sums idf x phrase bound in phrase order,
  // as dipmine_rank sums the scores.
  struct Candidate {
    double bound;
    size_t block;
  };
  // Per positive clause, per alternative, its phrases.
  std::vector<std::map<int, std::vector<size_t>>> by_alternative(static_cast<size_t>(q.clauses));
  for (size_t p = 0; p < q.phrases.size(); ++p) {
    if (q.phrases[p].clause >= 0) by_alternative[static_cast<size_t>(q.phrases[p].clause)][q.phrases[p].alternative].push_back(p);
  }
  std::vector<std::vector<std::vector<size_t>>> clauses;
  for (auto& alternatives : by_alternative) {
    clauses.emplace_back();
    for (auto& a : alternatives) clauses.back().push_back(std::move(a.second));
  }
  const TopkIndex::RowFilter row_filter(q);
  // Most queries have one alternative a clause: then a block can match when
  // every positive phrase occurs in it.
  std::vector<size_t> positive;
  for (size_t p = 0; p < q.phrases.size(); ++p) {
    if (q.phrases[p].clause >= 0) positive.push_back(p);
  }
  const bool one_alternative_each =
      std::all_of(clauses.begin(), clauses.end(), [](const auto& alternatives) { return alternatives.size() == 1; });
  std::vector<Candidate> candidates;
  candidates.reserve(n);
  for (size_t b = 0; b < n; ++b) {
    if (!topk.block_may_pass(b, row_filter)) continue;
    const int64_t lo = static_cast<int64_t>(b) * rows_per_block, hi = lo + rows_per_block - 1;
    if (!q.docs.empty() && std::none_of(docs.begin(), docs.end(), [&](const auto& r) {
          return r.first <= hi && r.second >= lo;
        })) {
      continue;
    }
    const auto occurs = [&](size_t p) { return bounds[p][b] > 0; };
    const bool possible =
        one_alternative_each
            ? std::all_of(positive.begin(), positive.end(), occurs)
            : std::all_of(clauses.begin(), clauses.end(), [&](const auto& alternatives) {
                return std::any_of(alternatives.begin(), alternatives.end(), [&](const auto& phrases) {
                  return std::all_of(phrases.begin(), phrases.end(), occurs);
                });
              });
    if (!possible) continue;
    double bound = 0.0;
    for (size_t p : positive) bound = Bm25::add_weighted(bound, idfs[p], bounds[p][b]);
    candidates.push_back({bound, b});
  }
  if (stats) stats->candidate_blocks = candidates.size();  // in block order

  bool has_prefix = false;
  BlockScorer scorer(corpus, topk, q, expand_prefixes(q, topk, idfs, kMaxPrefixTerms, &has_prefix),
                     offset + limit, match_share(q, hits, topk.rows()));
  // Phase 1: blocks best bound first, one statement each, until the bound
  // stops the search or the budget is spent. A prefix left unexpanded costs
  // a pass over its terms' whole doclists at every statement, so such
  // queries go straight to phase 2.
  const size_t budget = std::min(has_prefix ? 0 : plan.blocks_one_by_one, candidates.size());
  std::vector<Candidate> best = candidates;
  // Only as many as the budget's statements can take are put in order (a
  // statement takes up to a run of blocks); past them phase 2 goes on.
  const size_t sorted = std::min(budget * std::max<size_t>(run_blocks, 1) + 1, best.size());
  std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(sorted), best.end(),
                    [](const Candidate& a, const Candidate& b) {
                      return a.bound != b.bound ? a.bound > b.bound : a.block < b.block;
                    });
  size_t next = 0;
  for (size_t statements = 0; statements < budget && next < sorted; ++statements, ++next) {
    if (scorer.cannot_beat(best[next].bound, best[next].block)) return scorer.finish(offset, stats);
    // A pair kept per run of blocks bounds the blocks of a run alike: the
    // run's blocks of that bound are scored by one statement (one at a
    // time, the budget would be spent in the first run).
    size_t last = best[next].block, n = 1;
    while (run_blocks > 1 && next + 1 < sorted && best[next + 1].bound == best[next].bound &&
           best[next + 1].block == last + 1 && (last + 1) / run_blocks == best[next].block / run_blocks) {
      ++next, ++last, ++n;
    }
    scorer.score_blocks(last + 1 - n, last, n);
  }
  if (next < sorted && scorer.cannot_beat(best[next].bound, best[next].block)) {
    return scorer.finish(offset, stats);
  }
  // Phase 2: the blocks left that can still beat the k-th row, in rowid
  // order, neighbours (up to plan.max_gap blocks apart) scored by one statement.
  const std::vector<Candidate>& rest = candidates;
  auto skip = [&](const Candidate& c) { return scorer.scored(c.block) || scorer.cannot_beat(c.bound, c.block); };
  const size_t max_gap = has_prefix ? SIZE_MAX : plan.max_gap;
  for (size_t i = 0; i < rest.size();) {
    if (skip(rest[i])) {
      ++i;
      continue;
    }
    size_t last = rest[i].block, j = i + 1, n = 1;
    for (; j < rest.size() && rest[j].block - last <= max_gap; ++j) {
      if (!skip(rest[j])) {
        last = rest[j].block;
        ++n;
      }
    }
    scorer.score_blocks(rest[i].block, last, n);
    i = j;
  }
  return scorer.finish(offset, stats);
}

}  // namespace

SqlFilters sql_filters(const Query& q, bool always_join_paragraphs) {
  SqlFilters f;
  const bool any = !q.langs.empty() || !q.docs.empty() || q.year_min || q.year_max;
  if (!any && !always_join_paragraphs) return f;
  f.joins = " JOIN paragraphs p ON p.id = paragraphs_fts.rowid";
  auto in_list = [](size_t n) {
    std::string s = "(";
    for (size_t k = 0; k < n; ++k) s += k ? ",?" : "?";
    return s + ")";
  };
  if (!q.langs.empty()) {
    f.where += " AND p.lang IN " + in_list(q.langs.size());
    for (const auto& l : q.langs) f.binds.push_back([l](Statement& s, int& i) { s.bind(i++, l); });
  }
  if (!q.docs.empty()) {
    f.where += " AND p.doc_id IN " + in_list(q.docs.size());
    for (int64_t d : q.docs) f.binds.push_back([d](Statement& s, int& i) { s.bind(i++, d); });
  }
  if (q.year_min || q.year_max) {
    f.joins += " JOIN documents d ON d.id = p.doc_id";
    if (q.year_min) {
      f.where += " AND d.year >= ?";
      f.binds.push_back([y = *q.year_min](Statement& s, int& i) { s.bind(i++, y); });
    }
    if (q.year_max) {
      f.where += " AND d.year <= ?";
      f.binds.push_back([y = *q.year_max](Statement& s, int& i) { s.bind(i++, y); });
    }
  }
  return f;
}

std::vector<RankedRow> best_rows(Corpus& corpus, const Query& query, size_t offset, size_t limit,
                                 RankingStats* stats, const RankingPlan& plan) {
  if (stats) *stats = RankingStats{};
  if (auto topk = TopkIndex::open_if_fresh(corpus)) {
    if (stats) stats->blocks = topk->blocks();
    if (auto rows = rank_by_blocks(corpus, *topk, query, offset, limit, stats, plan)) {
      if (stats) stats->used_topk = true;
      return std::move(*rows);
    }
  }
  if (stats) stats->expression = query.match;
  return rank_every_match(corpus, query, offset, limit);
}

}  // namespace dipmine::store

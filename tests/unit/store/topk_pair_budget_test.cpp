// Word pairs under a budget (store/topk_pairs.h): a pair together that the
// budget leaves out of topk_together is kept per run of blocks
// (topk_together_coarse), or, left out of both, bounded by its words alone;
// each way `sister cities` (a rare word and a frequent one whose best rows
// lie apart, as in the 1 GB bench) ranks exactly as scoring every match.
#include <catch2/catch.hpp>
#include <algorithm>
#include <map>
#include <random>

#include "store/ranked_rows.h"
#include "store/topk_pairs.h"
#include "topk_test_util.h"

using namespace topk_test;

namespace {

// The shipped corpus reshuffled `copies` times into documents of 25
// paragraphs, as scripts/bench/make-corpus makes the bench corpus: every
// block holds copies of the same paragraphs, so a frequent word's best rows
// are everywhere and rarely the rows a rarer word is in.
std::unique_ptr<Corpus> reshuffled_corpus(const TempDir& t, int copies) {
  auto c = Corpus::open(t.path("budget.db"), OpenMode::create);
  auto paragraphs = store_test::corpus_paragraphs();
  std::mt19937 rng(1);
  Transaction tx(c->db());
  for (int copy = 0; copy < copies; ++copy) {
    std::shuffle(paragraphs.begin(), paragraphs.end(), rng);
    for (size_t start = 0; start < paragraphs.size(); start += 25) {
      const auto end = std::min(start + 25, paragraphs.size());
      const std::vector<std::string> part(paragraphs.begin() + static_cast<std::ptrdiff_t>(start),
                                          paragraphs.begin() + static_cast<std::ptrdiff_t>(end));
      c->insert(store_test::document("r" + std::to_string(copy) + "-" + std::to_string(start), part, true));
    }
  }
  tx.commit();
  return c;
}

// The pairs of a table of pairs together: (rows it is in, entries).
struct StoredPair {
  int64_t df = 0, entries = 0;
};
std::map<std::pair<std::string, std::string>, StoredPair> pairs_in(Corpus& c, const std::string& table) {
  std::map<std::pair<std::string, std::string>, StoredPair> out;
  Statement q(c.db(), "SELECT first, second, df, blocks FROM " + table);
  while (q.step()) {
    StoredPair& p = out[{q.column_text(0), q.column_text(1)}];
    p.df = q.column_int(2);
    for_each_entry<4>(q.column_blob(3), [&](uint64_t, const auto&) { ++p.entries; });
  }
  return out;
}

}  // namespace

TEST_CASE("a pair together left out of the budget is kept per run of blocks or bounded by its words", "[topk]") {
  TempDir t;
  auto c = reshuffled_corpus(t, 24);
  const Query q = parse_query("sister cities");
  REQUIRE(q.phrases.size() == 2);
  const auto [a, b] = std::minmax(q.phrases[0].keys.at(0), q.phrases[1].keys.at(0));
  const std::pair<std::string, std::string> key{a, b};  // stored in term order
  constexpr size_t kLimit = 10;
  struct Ranked {
    std::vector<RankedRow> rows;
    RankingStats stats;
  };
  auto build_with = [&](double budget, int64_t coarse_blocks) {
    Transaction tx(c->db());
    const auto stats = TopkIndex::build(*c, {16, 64, budget, 1000, coarse_blocks});
    tx.commit();
    return stats;
  };
  auto rank = [&] {
    Ranked r;
    r.rows = best_rows(*c, q, 0, kLimit, &r.stats);
    REQUIRE(r.stats.used_topk);
    return r;
  };
  // Every pair: what the query's pair, and the pairs in more paragraphs
  // than it, take of a budget.
  const auto all = build_with(100.0, 64);
  REQUIRE(all.pairs.together.complete);
  CHECK(all.pairs.together_coarse.pairs == 0);  // all fit topk_together
  const auto every_pair = pairs_in(*c, "topk_together");
  REQUIRE(every_pair.count(key) == 1);
  const StoredPair query_pair = every_pair.at(key);
  int64_t more_frequent = 0;  // entries of the pairs in more paragraphs
  for (const auto& [pair, p] : every_pair) more_frequent += p.df > query_pair.df ? p.entries : 0;
  INFO("sister cities: " << query_pair.df << " paragraphs in " << query_pair.entries << " blocks; pairs in more: "
                         << more_frequent << " entries; the terms' entries " << all.entries);
  REQUIRE(more_frequent > 4 * query_pair.entries);
  const Ranked with_all = rank();

  // A budget of half what the more frequent pairs take: the query's pair is
  // left out of topk_together, and kept per run of 64 blocks.
  const double half = static_cast<double>(more_frequent) / 2 / static_cast<double>(all.entries);
  const auto some = build_with(half, 64);
  CHECK_FALSE(some.pairs.together.complete);
  CHECK(some.pairs.together.entries <= more_frequent / 2);
  CHECK(some.pairs.together_coarse.pairs > 0);
  CHECK(some.pairs.together_coarse.entries <= more_frequent / 4);
  const auto fine = pairs_in(*c, "topk_together");
  CHECK(fine.count(key) == 0);
  const auto coarse = pairs_in(*c, "topk_together_coarse");
  REQUIRE(coarse.count(key) == 1);
  CHECK(coarse.at(key).df == query_pair.df);
  CHECK(coarse.at(key).entries < query_pair.entries);
  CHECK(std::none_of(coarse.begin(), coarse.end(), [&](const auto& p) { return fine.count(p.first) != 0; }));
  const Ranked by_runs = rank();
  // Runs longer than this build makes: fresh (it ranks exactly), but
  // optimize builds it again.
  CHECK(TopkIndex::is_fresh(*c));
  CHECK_FALSE(TopkIndex::is_current(*c));

  // This build's runs: current, and exact as the others (below). (On this
  // small corpus the shorter runs' entries overflow half the budget, and
  // pairs go; at 1 GB all fit: docs/search.md.)
  build_with(half, TopkIndex::kDefaultCoarseBlocks);
  CHECK(TopkIndex::is_current(*c));
  const Ranked by_short_runs = rank();

  // The same budget without runs: its words' own bounds.
  const auto words_only = build_with(half, 0);
  CHECK(words_only.pairs.together_coarse.pairs == 0);
  const Ranked by_words = rank();

  // A budget too small for the query's pair either way.
  const double tiny = static_cast<double>(query_pair.entries) / 4 / static_cast<double>(all.entries);
  build_with(tiny, 64);
  CHECK(pairs_in(*c, "topk_together").count(key) == 0);
  CHECK(pairs_in(*c, "topk_together_coarse").count(key) == 0);
  const Ranked left_out = rank();

  INFO("blocks scored: all pairs " << with_all.stats.visited_blocks << ", by runs " << by_runs.stats.visited_blocks
                                   << ", by short runs " << by_short_runs.stats.visited_blocks
                                   << ", by words " << by_words.stats.visited_blocks << " of "
                                   << by_words.stats.candidate_blocks << ", left out " << left_out.stats.visited_blocks);
  CHECK(by_runs.stats.visited_blocks * 2 < by_words.stats.visited_blocks);
  CHECK(left_out.stats.visited_blocks == by_words.stats.visited_blocks);

  // Each way, exactly the rows and scores of scoring every match.
  TopkIndex::invalidate(c->db());
  RankingStats stats;
  const auto every = best_rows(*c, q, 0, kLimit, &stats);
  REQUIRE_FALSE(stats.used_topk);
  REQUIRE(every.size() == kLimit);
  for (const Ranked* r : {&with_all, &by_runs, &by_short_runs, &by_words, &left_out}) {
    REQUIRE(r->rows.size() == every.size());
    for (size_t k = 0; k < every.size(); ++k) {
      CHECK(r->rows[k].rowid == every[k].rowid);
      CHECK(r->rows[k].score == every[k].score);
    }
  }
}

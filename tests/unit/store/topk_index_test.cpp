// The top-k index and ranking: dipmine_rank equals FTS5's bm25() on word
// queries; ranking by blocks gives exactly the rows and scores of scoring
// every match; the index goes stale on every kind of write.
#include "store/topk_index.h"

#include <catch2/catch.hpp>
#include <random>

#include "common/error.h"
#include "store/ranked_rows.h"
#include "store/ranking.h"
#include "store/fts_tokenizer.h"
#include "store/search.h"
#include "topk_test_util.h"

using namespace topk_test;

namespace {

// The first half of `word`'s characters, at least three.
std::string prefix_of(const std::string& word) {
  std::vector<size_t> starts;
  for (size_t k = 0; k < word.size(); ++k) {
    if ((static_cast<unsigned char>(word[k]) & 0xC0) != 0x80) starts.push_back(k);
  }
  const size_t chars = std::max<size_t>(3, starts.size() / 2);
  return chars >= starts.size() ? word : word.substr(0, starts[chars]);
}

std::vector<std::string> random_queries(const std::vector<std::string>& words,
                                        const std::vector<std::string>& neighbours, int n) {
  std::mt19937 rng(7);
  auto word = [&] { return words[std::uniform_int_distribution<size_t>(0, words.size() - 1)(rng)]; };
  auto side_by_side = [&] {
    return neighbours[std::uniform_int_distribution<size_t>(0, neighbours.size() - 1)(rng)];
  };
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    const std::string a = word(), b = word();
    switch (i % 9) {
      case 0: out.push_back(a); break;
      case 1: out.push_back(i % 2 ? side_by_side() : a + " " + b); break;
      case 2: out.push_back("\"" + (i % 2 ? side_by_side() : a + " " + b) + "\""); break;
      case 3: out.push_back(prefix_of(a) + "*"); break;
      case 4: out.push_back(a + " OR " + b); break;
      case 5: out.push_back(a + " -" + b); break;
      case 6: out.push_back("NEAR(" + (i % 2 ? side_by_side() : a + " " + b) + ", 8)"); break;
      case 7: out.push_back(a + (i % 2 ? " year:2012..2016" : " year:..2013")); break;
      default: out.push_back(a + (i % 2 ? " lang:fa" : " lang:en") + " doc:" + std::to_string(i % 40 + 1)); break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("dipmine_rank gives bm25()'s scores on word queries, bit for bit", "[topk]") {
  TempDir t;
  auto c = seed_corpus(t);
  VocabFrequencies vocab(c->db());
  const int64_t rows = index_totals(c->db()).rows;
  REQUIRE(rows > 500);
  int compared = 0;
  // Queries whose phrases are single words (so their idf is FTS5's), NEAR
  // counting only the hits within reach, as bm25() does.
  for (const char* text : {"diplomacy", "cities", "network", "دیپلماسی", "شهری", "بینالمللی", "Metropolis",
                           "city diplomacy", "city OR network -UCLG", "NEAR(city network, 3)",
                           "NEAR(دیپلماسی شهری, 1)", "NEAR(city diplomacy networks, 12) OR Metropolis"}) {
    INFO(text);
    const Query q = parse_query(text);
    std::vector<double> idfs;
    for (const QueryPhrase& p : q.phrases) {
      REQUIRE(p.keys.size() == 1);
      idfs.push_back(Bm25::idf(rows, vocab.term(p.keys[0])));
    }
    Statement s(c->db(), "SELECT bm25(paragraphs_fts), dipmine_rank(paragraphs_fts, ?) FROM paragraphs_fts "
                         "WHERE paragraphs_fts MATCH ?");
    s.bind_blob(1, pack_idfs(idfs)).bind(2, q.match);
    while (s.step()) {
      REQUIRE(-s.column_double(0) == s.column_double(1));
      ++compared;
    }
  }
  CHECK(compared > 600);
}

TEST_CASE("ranking by blocks gives exactly the rows and scores of scoring every match", "[topk]") {
  TempDir t;
  auto c = seed_corpus(t);
  std::vector<std::string> neighbours;
  const auto words = query_words(store_test::corpus_paragraphs(), &neighbours);
  REQUIRE(words.size() > 1000);
  REQUIRE(neighbours.size() > 500);
  const auto queries = random_queries(words, neighbours, 450);
  // Small blocks, few scored one by one: many queries reach phase 2.
  const RankingPlan plans[] = {{2, 3}, {}};
  for (const int block_rows : {4, 64}) {
    const RankingPlan& plan = plans[block_rows == 4 ? 0 : 1];
    // With blocks of 64, rows of more than 12 frequent words are too wide
    // for pairs together: their listed words bound those pairs instead.
    const auto built = build(*c, block_rows, 2, 50.0, block_rows == 4 ? 1000 : 12);
    CHECK(built.pairs.together.pairs > 1000);
    CHECK((built.pairs.wide_terms > 100) == (block_rows == 64));
    REQUIRE(TopkIndex::is_fresh(*c));
    std::vector<std::vector<RankedRow>> by_blocks;
    size_t pruned = 0, with_hits = 0, merged = 0;
    for (size_t i = 0; i < queries.size(); ++i) {
      RankingStats stats;
      const size_t offset = i % 5 == 0 ? 3 : 0, limit = i % 3 == 0 ? 1 : 10;
      by_blocks.push_back(best_rows(*c, parse_query(queries[i]), offset, limit, &stats, plan));
      INFO(queries[i]);
      CHECK(stats.used_topk);
      if (!by_blocks.back().empty()) ++with_hits;
      if (stats.visited_blocks < stats.candidate_blocks) ++pruned;
      if (stats.statements < stats.visited_blocks) ++merged;
    }
    CHECK(with_hits > 250);
    CHECK(pruned > 100);  // the bound does stop searches early
    if (block_rows == 4) CHECK(merged > 20);  // and neighbouring blocks share a query
    TopkIndex::invalidate(c->db());
    for (size_t i = 0; i < queries.size(); ++i) {
      INFO(queries[i] << " blocks of " << block_rows);
      RankingStats stats;
      const size_t offset = i % 5 == 0 ? 3 : 0, limit = i % 3 == 0 ? 1 : 10;
      const auto every = best_rows(*c, parse_query(queries[i]), offset, limit, &stats);
      CHECK_FALSE(stats.used_topk);
      REQUIRE(every.size() == by_blocks[i].size());
      for (size_t k = 0; k < every.size(); ++k) {
        CHECK(every[k].rowid == by_blocks[i][k].rowid);
        CHECK(every[k].score == by_blocks[i][k].score);
      }
    }
  }
}

TEST_CASE("the top-k index is stale after every write and fresh after optimize", "[topk]") {
  TempDir t;
  auto c = Corpus::open(t.path("stale.db"), OpenMode::create);
  auto add = [&](const std::string& name, const std::vector<std::string>& paragraphs) {
    Transaction tx(c->db());
    DocumentRecord d = store_test::document(name, paragraphs, true);
    d.year = 2015;
    const int64_t id = c->insert(d);
    tx.commit();
    return id;
  };
  const int64_t first = add("a", {"City diplomacy and city networks", "دیپلماسی شهری در تهران"});
  CHECK_FALSE(TopkIndex::is_fresh(*c));  // never built
  optimize_index(*c, false);
  CHECK(TopkIndex::is_fresh(*c));
  // A new paragraph: stale, and search still finds it (every match scored).
  add("b", {"Sister cities of Kyoto"});
  CHECK_FALSE(TopkIndex::is_fresh(*c));
  RankingStats stats;
  CHECK(best_rows(*c, parse_query("Kyoto"), 0, 10, &stats).size() == 1);
  CHECK_FALSE(stats.used_topk);
  optimize_index(*c, false);
  CHECK(TopkIndex::is_fresh(*c));
  CHECK(best_rows(*c, parse_query("Kyoto"), 0, 10, &stats).size() == 1);
  CHECK(stats.used_topk);
  // A removed document, a changed year, a changed paragraph.
  CHECK(c->remove(first));
  CHECK_FALSE(TopkIndex::is_fresh(*c));
  optimize_index(*c, false);
  REQUIRE(TopkIndex::is_fresh(*c));
  c->db().exec("UPDATE documents SET year = 2001");
  CHECK_FALSE(TopkIndex::is_fresh(*c));
  optimize_index(*c, false);
  REQUIRE(TopkIndex::is_fresh(*c));
  c->db().exec("UPDATE paragraphs SET text = 'Sister cities of Osaka'");
  CHECK_FALSE(TopkIndex::is_fresh(*c));
  CHECK(best_rows(*c, parse_query("Osaka"), 0, 10, &stats).size() == 1);
  // A rebuild of the full-text index re-tokenises everything.
  optimize_index(*c, true);
  CHECK(TopkIndex::is_fresh(*c));
  CHECK(best_rows(*c, parse_query("Osaka year:2001"), 0, 10, &stats).size() == 1);
  CHECK(stats.used_topk);
  CHECK(best_rows(*c, parse_query("Osaka year:2015"), 0, 10, &stats).empty());
}

TEST_CASE("prefix_successor bounds exactly the strings with the prefix", "[topk]") {
  CHECK(prefix_successor("abc") == "abd");
  CHECK(prefix_successor("ab\xFF") == "ac");
  const std::string s = prefix_successor("\xFF");
  CHECK(s > std::string("\xFF"));
  CHECK(s.substr(0, 1) == "\xFF");
}

TEST_CASE("a query of hundreds of phrases ranks the same both ways", "[topk]") {
  TempDir t;
  auto c = seed_corpus(t);
  const auto words = query_words(store_test::corpus_paragraphs());
  // More phrases than SQLite takes function arguments (127), and than a
  // group byte can name (255), with a prefix among them.
  std::string text = "diplom*";
  for (size_t i = 0; i < 300; ++i) text += " OR " + words[i * 7 % words.size()];
  const Query q = parse_query(text);
  REQUIRE(q.phrases.size() > 255);
  build(*c, 16);
  RankingStats stats;
  const auto by_blocks = best_rows(*c, q, 0, 10, &stats);
  CHECK(stats.used_topk);
  REQUIRE(by_blocks.size() == 10);
  TopkIndex::invalidate(c->db());
  const auto every = best_rows(*c, q, 0, 10, &stats);
  CHECK_FALSE(stats.used_topk);
  REQUIRE(every.size() == by_blocks.size());
  for (size_t k = 0; k < every.size(); ++k) {
    CHECK(every[k].rowid == by_blocks[k].rowid);
    CHECK(every[k].score == by_blocks[k].score);
  }
}


// The top-k index's word pairs (store/topk_pairs.h): side by side, within a
// paragraph, with a Japanese word's whole-word key, and rows too wide for
// pairs all rank exactly as scoring every match, from fewer blocks; each
// stored pair's count is FTS5's; text that disagrees with the index stops them.
#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <random>

#include "store/fts_tokenizer.h"
#include "store/ranked_rows.h"
#include "store/search.h"
#include "topk_test_util.h"

using namespace topk_test;

namespace {

// `ranked` has the rows (and the scores) of `every`, in its order.
void check_same_rows(const std::vector<RankedRow>& every, const std::vector<RankedRow>& ranked) {
  REQUIRE(every.size() == ranked.size());
  for (size_t k = 0; k < every.size(); ++k) {
    CHECK(every[k].rowid == ranked[k].rowid);
    CHECK(every[k].score == ranked[k].score);
  }
}

// Each stored pair's row count is the number of rows FTS5 finds the two
// words in: side by side (a phrase) or anywhere in one paragraph (AND).
void check_pair_counts(Corpus& c, const std::string& table, bool side_by_side) {
  Statement pairs(c.db(), "SELECT first, second, df FROM " + table);
  Statement count(c.db(), "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?");
  int checked = 0;
  while (pairs.step()) {
    const std::string a = pairs.column_text(0), b = pairs.column_text(1);
    count.bind(1, side_by_side ? query_key_string({a, b}) : query_key_string({a}) + " " + query_key_string({b}));
    REQUIRE(count.step());
    INFO(table << ": " << a << " " << b);
    CHECK(count.column_int(0) == pairs.column_int(2));
    count.reset();
    ++checked;
  }
  CHECK(checked > 20);
}

}  // namespace

TEST_CASE("word pairs bound phrases, AND and NEAR of frequent words: the same hits from fewer blocks", "[topk]") {
  TempDir t;
  auto c = seed_corpus(t);
  std::vector<std::string> neighbours;
  query_words(store_test::corpus_paragraphs(), &neighbours);
  // Of words side by side: the phrase, the phrase the other way round
  // (mostly never adjacent: a complete pair index knows they occur nowhere),
  // both words anywhere, within three words, and with the next pair's first
  // word as a third.
  enum Kind { kPhrase, kReversed, kAnd, kNear, kAndThree, kKinds };
  std::vector<std::pair<Kind, Query>> queries;
  for (size_t i = 0; i + 1 < neighbours.size() && queries.size() < 1000; i += 3) {
    const size_t space = neighbours[i].find(' ');
    const std::string a = neighbours[i].substr(0, space), b = neighbours[i].substr(space + 1);
    const std::string c = neighbours[i + 1].substr(0, neighbours[i + 1].find(' '));
    queries.emplace_back(kPhrase, parse_query("\"" + a + " " + b + "\""));
    queries.emplace_back(kReversed, parse_query("\"" + b + " " + a + "\""));
    queries.emplace_back(kAnd, parse_query(a + " " + b));
    queries.emplace_back(kNear, parse_query("NEAR(" + a + " " + b + ", 3)"));
    queries.emplace_back(kAndThree, parse_query(a + " " + b + " " + c));
  }
  struct Tally {
    size_t visited[kKinds] = {};
    size_t nowhere = 0;
  };
  auto rank_all = [&](Tally* tally) {
    std::vector<std::vector<RankedRow>> out;
    for (const auto& [kind, q] : queries) {
      RankingStats stats;
      out.push_back(best_rows(*c, q, 0, 5, &stats));
      REQUIRE(stats.used_topk);
      tally->visited[kind] += stats.visited_blocks;
      if (stats.candidate_blocks == 0) ++tally->nowhere;
    }
    return out;
  };
  // Pairs within paragraphs outnumber the terms' maxima many times.
  const auto built = build(*c, 8, 2, 50.0);
  CHECK(built.pairs.side_by_side.pairs > 1000);
  CHECK(built.pairs.side_by_side.complete);
  CHECK(built.pairs.together.pairs > 1000);
  CHECK(built.pairs.together.complete);
  CHECK(built.pairs.wide_terms == 0);
  CHECK(built.pairs.skipped.empty());
  check_pair_counts(*c, "topk_pairs", true);
  check_pair_counts(*c, "topk_together", false);
  Tally with, some, without;
  const auto with_pairs = rank_all(&with);
  // A budget too small for all of them: pairs dropped while building too.
  const auto few = build(*c, 8, 2, 0.05);
  for (const PairKindStats* k : {&few.pairs.side_by_side, &few.pairs.together}) {
    CHECK_FALSE(k->complete);
    CHECK(k->pairs > 20);
    CHECK(k->entries <= built.entries / 20);  // the terms' maxima
  }
  CHECK(few.pairs.side_by_side.candidates < built.pairs.side_by_side.candidates);  // dropped on the way
  CHECK(few.pairs.together.candidates < built.pairs.together.candidates);
  check_pair_counts(*c, "topk_pairs", true);
  check_pair_counts(*c, "topk_together", false);
  const auto some_pairs = rank_all(&some);
  CHECK(some.nowhere == 0);  // a pair not kept may occur anywhere
  // Without pairs (no budget for them): bounds from the words alone.
  const auto none = build(*c, 8, 2, 0.0);
  CHECK(none.pairs.side_by_side.pairs + none.pairs.together.pairs == 0);
  const auto words_only = rank_all(&without);
  for (int k = 0; k < kKinds; ++k) {
    INFO("query kind " << k << ": blocks scored with pairs " << with.visited[k] << ", some "
                       << some.visited[k] << ", without " << without.visited[k]);
    // Phrases gain most (their words' maxima are far apart); AND and NEAR
    // here less (blocks of 8 rows hold few rows with both words), and a
    // third word's own bound less again.
    const double share = k <= kReversed ? 0.5 : k == kAndThree ? 0.8 : 0.75;
    CHECK(static_cast<double>(with.visited[k]) < share * static_cast<double>(without.visited[k]));
    CHECK(some.visited[k] <= without.visited[k]);
  }
  CHECK(with.nowhere > 20);
  CHECK(without.nowhere == 0);
  TopkIndex::invalidate(c->db());
  for (size_t i = 0; i < queries.size(); ++i) {
    RankingStats stats;
    const auto every = best_rows(*c, queries[i].second, 0, 5, &stats);
    REQUIRE_FALSE(stats.used_topk);
    INFO(queries[i].second.match);
    check_same_rows(every, with_pairs[i]);
    check_same_rows(every, words_only[i]);
    check_same_rows(every, some_pairs[i]);
  }
}

TEST_CASE("Japanese words with their whole-word keys rank the same by boosted pairs", "[topk]") {
  TempDir t;
  // The Japanese seed, a paragraph a line, in documents of five, thirty
  // times over in shuffled orders: as in the bench corpus, every block holds
  // copies of the best paragraphs, and words' maxima come from other rows.
  auto c = Corpus::open(t.path("ja.db"), OpenMode::create);
  std::vector<std::string> lines;
  {
    std::ifstream in(std::string(DIPMINE_SOURCE_DIR) + "/corpus/004_635347e6668643bb.txt");
    for (std::string line; std::getline(in, line);) {
      if (line.size() > 6) lines.push_back(line);
    }
  }
  REQUIRE(lines.size() > 30);
  std::mt19937 rng(3);
  {
    Transaction tx(c->db());
    for (int copy = 0; copy < 30; ++copy) {
      std::shuffle(lines.begin(), lines.end(), rng);
      for (size_t start = 0; start < lines.size(); start += 5) {
        const std::vector<std::string> part(lines.begin() + static_cast<std::ptrdiff_t>(start),
                                            lines.begin() + static_cast<std::ptrdiff_t>(std::min(start + 5, lines.size())));
        c->insert(store_test::document("ja" + std::to_string(copy) + "-" + std::to_string(start), part, true));
      }
    }
    tx.commit();
  }
  // A query word that is one Japanese dictionary word brings its whole-word
  // key as a phrase of its own; pairs together must bound that sum too.
  // (都市 is in more than half the paragraphs here: no pairs together.)
  const std::vector<std::string> texts = {
      "SCO 協力", "天津 協力", "協力 天津", "グローバル 協力", "市長 天津", "SCO 天津", "上海 協力",
      "SCO 協力 lang:ja", "NEAR(SCO 協力, 5)", "SCO -上海 協力", "協力 SCO", "外交 協力", "SCO 都市"};
  size_t with_boosts = 0;
  for (const auto& text : texts) with_boosts += parse_query(text).phrases.size() > 2 ? 1 : 0;
  CHECK(with_boosts >= 8);
  auto rank_all = [&](size_t* visited) {
    std::vector<std::vector<RankedRow>> out;
    for (const auto& text : texts) {
      RankingStats stats;
      out.push_back(best_rows(*c, parse_query(text), 0, 5, &stats));
      REQUIRE(stats.used_topk);
      *visited += stats.visited_blocks;
    }
    return out;
  };
  const auto built = build(*c, 8, 2, 50.0);
  CHECK(built.pairs.boosted.pairs > 100);
  size_t visited_pairs = 0, visited_words = 0;
  const auto with_pairs = rank_all(&visited_pairs);
  build(*c, 8, 2, 0.0);
  const auto words_only = rank_all(&visited_words);
  INFO("blocks scored with pairs " << visited_pairs << ", without " << visited_words);
  CHECK(visited_pairs * 2 < visited_words);
  TopkIndex::invalidate(c->db());
  for (size_t i = 0; i < texts.size(); ++i) {
    INFO(texts[i]);
    const auto every = best_rows(*c, parse_query(texts[i]), 0, 5);
    CHECK_FALSE(every.empty());
    check_same_rows(every, with_pairs[i]);
    check_same_rows(every, words_only[i]);
  }
}

TEST_CASE("a boosted pair keeps the row that scores best with the whole-word key", "[topk]") {
  TempDir t;
  auto c = Corpus::open(t.path("boost.db"), OpenMode::create);
  // Row 1 (block 0) and row 5 (block 1): 京都 four times, never as a word
  // (東京都 is 東京|都); row 6 (block 1): 京都 once, as a word. With its
  // whole-word key the query scores row 6 best; a block bound from the row
  // best without that key (row 5) would let the tie rule skip block 1.
  const std::string x = "SCO 東京都東京都東京都東京都", filler = "東京の会議について";
  const std::vector<std::vector<std::string>> docs = {
      {x, filler, filler, filler}, {x, "SCO 京都の大学について詳しく述べる", filler, filler}, {"京都の寺", filler, filler, filler},
      {filler, filler, filler, filler}, {filler, filler, filler, filler}};
  {
    Transaction tx(c->db());
    for (size_t d = 0; d < docs.size(); ++d) c->insert(store_test::document("b" + std::to_string(d), docs[d], true));
    tx.commit();
  }
  const Query q = parse_query("SCO 京都");
  REQUIRE(q.phrases.size() == 3);  // sco, 京都, and 京都's whole-word key
  const auto built = build(*c, 4, 2, 50.0);
  CHECK(built.pairs.boosted.pairs > 0);
  RankingStats stats;
  const auto by_blocks = best_rows(*c, q, 0, 1, &stats);
  CHECK(stats.used_topk);
  TopkIndex::invalidate(c->db());
  const auto every = best_rows(*c, q, 0, 1);
  REQUIRE(every.size() == 1);
  REQUIRE(by_blocks.size() == 1);
  CHECK(every[0].rowid == 6);
  CHECK(by_blocks[0].rowid == every[0].rowid);
  CHECK(by_blocks[0].score == every[0].score);
}

TEST_CASE("word pairs are left out, with the reason, when the text disagrees with the index", "[topk]") {
  TempDir t;
  auto c = seed_corpus(t);
  // The text changes behind FTS5's back (as after a tokenizer change without
  // `optimize --rebuild`): pairs from it could not be trusted.
  c->db().exec("DROP TRIGGER paragraphs_fts_update");
  c->db().exec("UPDATE paragraphs SET text = text || ' city diplomacy' WHERE id = 40");
  const auto built = build(*c, 8, 2);
  CHECK(built.pairs.side_by_side.pairs + built.pairs.together.pairs == 0);
  CHECK(built.pairs.skipped.find("paragraph 40 ") == 0);
  CHECK(built.pairs.skipped.find("optimize --rebuild") != std::string::npos);
  auto topk = TopkIndex::open_if_fresh(*c);
  REQUIRE(topk);
  const Query q = parse_query("\"city diplomacy\"");
  REQUIRE(q.phrases.at(0).keys.size() == 2);
  std::vector<double> best(topk->blocks(), 0.0);
  CHECK_FALSE(topk->merge_pair(q.phrases[0].keys[0], q.phrases[0].keys[1], &best));
  std::vector<double> other(topk->blocks(), 0.0);
  CHECK_FALSE(topk->together({q.phrases[0].keys[0], q.phrases[0].keys[1], 1.0, 1.0, 0.0, 0.0, &best, &other}));
  CHECK(std::all_of(best.begin(), best.end(), [](double b) { return b == 0.0; }));
  // With the full-text index rebuilt from the text, they are back.
  optimize_index(*c, true);
  const auto rebuilt = build(*c, 8, 2);
  CHECK(rebuilt.pairs.side_by_side.pairs > 1000);
  CHECK(rebuilt.pairs.together.pairs > 1000);
  CHECK(rebuilt.pairs.skipped.empty());
  topk = TopkIndex::open_if_fresh(*c);
  REQUIRE(topk);
  CHECK(topk->merge_pair(q.phrases[0].keys[0], q.phrases[0].keys[1], &best));
  CHECK(std::any_of(best.begin(), best.end(), [](double b) { return b > 0.0; }));
}


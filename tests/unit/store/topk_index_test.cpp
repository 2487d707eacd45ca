// The top-k index and ranking: dipmine_rank equals FTS5's bm25() on word
// queries; ranking by blocks gives exactly the rows and scores of scoring
// every match; the index goes stale on every kind of write.
#include "store/topk_index.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "common/error.h"
#include "store/ranked_rows.h"
#include "store/ranking.h"
#include "store/fts_tokenizer.h"
#include "store/search.h"
#include "store_test_util.h"

using namespace dipmine::store;
using store_test::TempDir;

namespace {

// The shipped corpus as documents of 25 paragraphs, years 2010..2022 (every
// seventh document without one).
std::unique_ptr<Corpus> seed_corpus(const TempDir& t) {
  auto c = Corpus::open(t.path("topk.db"), OpenMode::create);
  const auto paragraphs = store_test::corpus_paragraphs();
  Transaction tx(c->db());
  for (size_t start = 0, n = 0; start < paragraphs.size(); start += 25, ++n) {
    const std::vector<std::string> part(paragraphs.begin() + static_cast<std::ptrdiff_t>(start),
                                        paragraphs.begin() + static_cast<std::ptrdiff_t>(std::min(start + 25, paragraphs.size())));
    DocumentRecord d = store_test::document("doc" + std::to_string(n), part, true);
    if (n % 7 != 6) d.year = 2010 + static_cast<int>(n % 13);
    c->insert(d);
  }
  tx.commit();
  return c;
}

// Word pairs of words in at least two rows by default (the shipped default
// of 4096 would leave this corpus without any).
TopkIndex::BuildStats build(Corpus& c, int block_rows, int64_t pair_min_word_df = 2, double pair_budget = 1.0,
                            size_t pair_max_terms_a_row = 1000) {
  Transaction tx(c.db());
  const auto stats = TopkIndex::build(c, {block_rows, pair_min_word_df, pair_budget, pair_max_terms_a_row});
  tx.commit();
  return stats;
}

// Whitespace-separated words of the corpus that are valid queries; with
// `neighbours`, also "a b" for each two of them that stand side by side.
std::vector<std::string> query_words(const std::vector<std::string>& paragraphs,
                                     std::vector<std::string>* neighbours = nullptr) {
  std::vector<std::string> words;
  for (size_t i = 0; i < paragraphs.size(); i += 3) {
    const std::string& p = paragraphs[i];
    bool after_word = false;
    for (size_t a = 0, b; a < p.size(); a = b + 1) {
      b = p.find_first_of(" \n", a);
      if (b == std::string::npos) b = p.size();
      std::string w = p.substr(a, b - a);
      const bool was_after_word = after_word;
      after_word = false;
      if (w.size() < 4 || w.find_first_of("\"*():-,") != std::string::npos) continue;
      try {
        parse_query(w);
        if (neighbours && was_after_word) neighbours->push_back(words.back() + " " + w);
        words.push_back(w);
        after_word = true;
      } catch (const dipmine::UsageError&) {
      }
    }
  }
  return words;
}

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

TEST_CASE("word pairs bound phrases, AND and NEAR of frequent words: the same hits from fewer blocks", "[topk]") {
  TempDir t;
  auto c = seed_corpus(t);
  std::vector<std::string> neighbours;
  query_words(store_test::corpus_paragraphs(), &neighbours);
  // Of words side by side: the phrase, the phrase the other way round
  // (mostly never adjacent: a complete pair index knows they occur nowhere),
  // both words anywhere, and within three words.
  enum Kind { kPhrase, kReversed, kAnd, kNear, kKinds };
  std::vector<std::pair<Kind, Query>> queries;
  for (size_t i = 0; i < neighbours.size() && queries.size() < 800; i += 3) {
    const size_t space = neighbours[i].find(' ');
    const std::string a = neighbours[i].substr(0, space), b = neighbours[i].substr(space + 1);
    queries.emplace_back(kPhrase, parse_query("\"" + a + " " + b + "\""));
    queries.emplace_back(kReversed, parse_query("\"" + b + " " + a + "\""));
    queries.emplace_back(kAnd, parse_query(a + " " + b));
    queries.emplace_back(kNear, parse_query("NEAR(" + a + " " + b + ", 3)"));
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
    // here less (blocks of 8 rows hold few rows with both words).
    CHECK(static_cast<double>(with.visited[k]) < (k <= kReversed ? 0.5 : 0.75) * static_cast<double>(without.visited[k]));
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
    REQUIRE(every.size() == with_pairs[i].size());
    REQUIRE(every.size() == words_only[i].size());
    REQUIRE(every.size() == some_pairs[i].size());
    for (size_t k = 0; k < every.size(); ++k) {
      CHECK(every[k].rowid == with_pairs[i][k].rowid);
      CHECK(every[k].score == with_pairs[i][k].score);
      CHECK(every[k].rowid == words_only[i][k].rowid);
      CHECK(every[k].rowid == some_pairs[i][k].rowid);
    }
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
    REQUIRE(every.size() == with_pairs[i].size());
    REQUIRE(every.size() == words_only[i].size());
    CHECK_FALSE(every.empty());
    for (size_t k = 0; k < every.size(); ++k) {
      CHECK(every[k].rowid == with_pairs[i][k].rowid);
      CHECK(every[k].score == with_pairs[i][k].score);
      CHECK(every[k].rowid == words_only[i][k].rowid);
    }
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

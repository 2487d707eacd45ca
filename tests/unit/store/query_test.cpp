// The query language: errors point at the offending column; anything accepted
// is an expression FTS5 runs without error.
#include "store/query.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "common/error.h"
#include "store/corpus.h"
#include "store/fts_tokenizer.h"
#include "store/search.h"
#include "store_test_util.h"

using namespace dipmine::store;
namespace fs = std::filesystem;

namespace {

std::string error_of(const std::string& q) {
  try {
    parse_query(q);
  } catch (const dipmine::UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("malformed queries are usage errors that point at the position", "[query]") {
  CHECK(error_of("") == "query column 1: empty query; give a word, a \"phrase\" or a prefix*");
  CHECK(error_of("   ") == "query column 1: empty query; give a word, a \"phrase\" or a prefix*");
  CHECK(error_of("city \"urban dip") == "query column 6: unclosed quote; end the phrase with another \"");
  CHECK(error_of("city \"\"") == "query column 6: empty phrase \"\"");
  CHECK(error_of("city - tourism") ==
        "query column 6: '-' must be followed by the word to exclude, as in -word");
  CHECK(error_of("city *") == "query column 6: '*' must follow a word, as in prefix*");
  CHECK(error_of("ci*ty") == "query column 3: '*' may only end a word, as in prefix*");
  CHECK(error_of("شهر !!! ؟") == "query column 5: '!!!' has no letters or digits to search for");
  CHECK(error_of("، ؛") == "query column 1: '،' has no letters or digits to search for");
  CHECK(error_of("OR city") == "query column 1: 'OR' needs a word before it");
  CHECK(error_of("city OR") == "query column 6: 'OR' needs a word after it");
  CHECK(error_of("city OR OR town") == "query column 9: 'OR' needs a word before it");
  CHECK(error_of("-city OR town") == "query column 7: 'OR' cannot follow an excluded -word");
  CHECK(error_of("city OR -town") == "query column 9: an excluded -word cannot follow 'OR'");
  CHECK(error_of("city OR lang:fa") == "query column 9: 'OR' cannot join a filter; use it between words");
  CHECK(error_of("-city") == "query column 1: an excluded -word needs a word to search for as well");
  // Found by fuzzing (tests/fuzz/regressions/query): a NUL ended the FTS5
  // expression inside a quoted key, a raw SQLite error.
  CHECK(error_of(std::string("city\0x", 6)) == "query column 5: a NUL byte is not allowed in a query");
  CHECK(error_of("lang:fa year:2015") ==
        "query column 18: nothing to search for besides the filters; add a word");
  CHECK(error_of("city lang:de") == "query column 11: lang: must be fa, en or ja (got 'de')");
  CHECK(error_of("city year:20x5") ==
        "query column 11: year: must be YEAR or FROM..TO, like 2015..2020 (got '20x5')");
  CHECK(error_of("city year:2015..20x") ==
        "query column 11: year: must be YEAR or FROM..TO, like 2015..2020 (got '2015..20x')");
  // Persian digits are digits, and a Solar Hijri year in them is its Gregorian one.
  CHECK(error_of("city year:۲۰۲۰..۲۰۱۵") ==
        "query column 11: year: the range ۲۰۲۰..۲۰۱۵ is empty (FROM is after TO)");
  CHECK(error_of("city year:..") == "query column 11: year: '..' needs a year on at least one side");
  CHECK(error_of("city year:") == "query column 11: year: must be YEAR or FROM..TO, like 2015..2020 (got '')");
  CHECK(error_of("city year:2020..2015") ==
        "query column 11: year: the range 2020..2015 is empty (FROM is after TO)");
  CHECK(error_of("city doc:abc") ==
        "query column 10: doc: must be a document id as `dipmine docs` lists it (got 'abc')");
  CHECK(error_of("NEAR(city town") == "query column 1: NEAR( has no closing ')'");
  CHECK(error_of("NEAR(city)") == "query column 1: NEAR( needs at least two words, as in NEAR(a b, 5)");
  CHECK(error_of("NEAR(city town, x)") ==
        "query column 15: NEAR(..., N): N must be a number of words from 0 to 1000");
  CHECK(error_of("NEAR(city town, 5 x)") == "query column 19: NEAR(a b, N) must end with ')' after N");
  CHECK(error_of("NEAR(city *)") == "query column 11: '*' must follow a word, as in prefix*");
  // Columns count characters, not bytes.
  CHECK(error_of("دیپلماسی \"شهری") == "query column 10: unclosed quote; end the phrase with another \"");
}

TEST_CASE("filters are parsed into SQL parameters", "[query]") {
  const Query q = parse_query("city lang:fa lang:en year:2015..2020 doc:7 doc:9");
  CHECK(q.langs == std::vector<std::string>{"fa", "en"});
  CHECK(q.year_min == 2015);
  CHECK(q.year_max == 2020);
  CHECK(q.docs == std::vector<int64_t>{7, 9});
  const Query open_end = parse_query("city year:2018..");
  CHECK(open_end.year_min == 2018);
  CHECK_FALSE(open_end.year_max);
  const Query single = parse_query("city year:2019");
  CHECK(single.year_min == 2019);
  CHECK(single.year_max == 2019);
  const Query persian = parse_query("شهر year:۱۳۹۸..۱۴۰۰");  // Solar Hijri in Persian digits
  CHECK(persian.year_min == 2019);
  CHECK(persian.year_max == 2021);
  const Query dash = parse_query("city year:2015-2020");  // map's older form
  CHECK(dash.year_min == 2015);
  CHECK(dash.year_max == 2020);
  CHECK(parse_query("a:b").langs.empty());  // not a filter: an ordinary word
}

TEST_CASE("user text reaches MATCH only quoted", "[query]") {
  const Query q = parse_query("x\"); DROP TABLE paragraphs; -- \"");
  // The quote opens a phrase that is closed; everything is inside quotes.
  CHECK(q.match.find("DROP") == std::string::npos);  // folded: lower case, inside quotes
  CHECK(parse_query("AND").match.find(" AND ") == std::string::npos);
  CHECK(parse_query("NOT city").match.find(" NOT ") == std::string::npos);
}

TEST_CASE("Persian words typed with a space are one term", "[query]") {
  CHECK(parse_query("بین المللی").match == parse_query("بینالمللی").match);
  CHECK(parse_query("می شود").match == parse_query("می‌شود").match);
  CHECK(parse_query("کتاب ها").match == parse_query("کتابها").match);
  // Two ordinary words stay two terms (AND).
  CHECK(parse_query("شهر تهران").match.find(" AND ") != std::string::npos);
}

TEST_CASE("a word written with hyphens: its parts in a row, or the compound written solid", "[query]") {
  Query q = parse_query("non-parallel");
  CHECK(q.match == "((" + query_key_string({"non", "parallel"}) + " OR " + query_key_string({"nonparallel"}) + "))");
  REQUIRE(q.phrases.size() == 2);
  CHECK(q.phrases[0].keys == std::vector<std::string>{"non", "parallel"});
  CHECK(q.phrases[1].keys == std::vector<std::string>{"nonparallel"});
  CHECK(q.phrases[0].clause == q.phrases[1].clause);
  CHECK(q.phrases[0].alternative != q.phrases[1].alternative);
  // Inside a phrase or a NEAR group FTS5 has no alternatives: the parts alone.
  CHECK(parse_query("\"non-parallel corpus\"").match.find(" OR ") == std::string::npos);
  CHECK(parse_query("NEAR(non-parallel corpus, 3)").match.find(" OR ") == std::string::npos);
  CHECK(parse_query("non-para*").match.find(" OR ") == std::string::npos);
  // Excluded: neither spelling.
  q = parse_query("corpus -non-parallel");
  CHECK(q.match.find(" NOT (" + query_key_string({"non", "parallel"}) + " OR " + query_key_string({"nonparallel"}) +
                     ")") != std::string::npos);
  REQUIRE(q.phrases.size() == 3);
  CHECK(q.phrases[1].clause == -1);
  CHECK(q.phrases[2].clause == -1);
  // A range of years is not a compound.
  CHECK(parse_query("2015-2020").match.find(" OR ") == std::string::npos);
}

TEST_CASE("a Persian compound's other spellings are alternatives", "[query]") {
  // Two plain words: each, or the two joined (A OR AB) AND (B OR AB).
  Query q = parse_query("اصلاح طلبان");
  REQUIRE(q.phrases.size() == 4);
  CHECK(q.clauses == 2);
  CHECK(q.phrases[1].keys == std::vector<std::string>{"اصلاحطلبان"});
  CHECK(q.phrases[3].keys == std::vector<std::string>{"اصلاحطلبان"});
  CHECK(q.phrases[0].clause == 0);
  CHECK(q.phrases[3].clause == 1);
  // A word with a ZWNJ: also its parts in a row; a quoted phrase: also joined.
  q = parse_query("اصلاح‌طلبان");
  REQUIRE(q.phrases.size() == 2);
  CHECK(q.phrases[1].keys == std::vector<std::string>{"اصلاح", "طلبان"});
  q = parse_query("\"اصلاح طلبان\"");
  REQUIRE(q.phrases.size() == 2);
  CHECK(q.phrases[1].keys == std::vector<std::string>{"اصلاحطلبان"});
  // Solid, and two dictionary words in one way only: also those in a row.
  q = parse_query("سرمایهگذاری");
  REQUIRE(q.phrases.size() == 2);
  CHECK(q.phrases[1].keys == std::vector<std::string>{"سرمایه", "گذاری"});
  // Not: what the tokenizer joins anyway, Latin words, prefixes, NEAR parts.
  CHECK(parse_query("بین المللی").match == parse_query("بینالمللی").match);
  CHECK(parse_query("city diplomacy").phrases.size() == 2);
  CHECK(parse_query("اصلاح‌طلب*").phrases.size() == 1);
  CHECK(parse_query("NEAR(اصلاح‌طلبان انتخابات, 5)").match.find(" OR ") == std::string::npos);
}

TEST_CASE("any typed query is a usage error or runs without an SQL error", "[query]") {
  std::string path = (fs::temp_directory_path() / "dipmine-query-XXXXXX").string();
  const fs::path dir = mkdtemp(path.data());
  {
    auto c = Corpus::open((dir / "q.db").string(), OpenMode::create);
    {
      Transaction tx(c->db());
      c->insert(store_test::document("q", {"city diplomacy شهر 都市 OR AND NOT 5"}, true));
      tx.commit();
    }
    optimize_index(*c, false);  // rank with the top-k index
    const char* pieces[] = {"city", "شهر", "都市", "\"", "-", "*", "OR", "AND", "NOT", "NEAR(",
                            ")", "(", ",", "5", ":", "lang:fa", "year:", "..", "doc:1", "^",
                            "\\", "'", "{", "}", "+", "،", "\u200c", " ", " ", " "};
    std::mt19937 rng(42);
    std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1), len(1, 8);
    int accepted = 0, refused = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string q;
      for (size_t n = len(rng); n > 0; --n) q += pieces[pick(rng)];
      INFO(q);
      try {
        const Query parsed = parse_query(q);
        REQUIRE_NOTHROW(count_matches(*c, parsed));
        REQUIRE_NOTHROW(search(*c, parsed, {}));
        ++accepted;
      } catch (const dipmine::UsageError&) {
        ++refused;
      }
    }
    CHECK(accepted > 300);
    CHECK(refused > 300);
  }
  fs::remove_all(dir);
}

namespace {

// An FTS5 function that describes the phrases FTS5 parsed: "n:size,size,...".
void describe_phrases(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
                      sqlite3_value**) {
  const int n = api->xPhraseCount(fts);
  std::string s = std::to_string(n) + ":";
  for (int i = 0; i < n; ++i) s += std::to_string(api->xPhraseSize(fts, i)) + ",";
  sqlite3_result_text(ctx, s.c_str(), -1, SQLITE_TRANSIENT);
}

}  // namespace

TEST_CASE("a query's phrases are FTS5's phrases, in FTS5's order", "[query]") {
  store_test::TempDir t;
  auto c = Corpus::open(t.path("p.db"), OpenMode::create);
  {
    Transaction tx(c->db());
    c->insert(store_test::document("p", {"city diplomacy and sister cities of the UCLG network, "
                                         "دیپلماسی شهری در تهران بین المللی، 東京都の都市外交"}, true));
    tx.commit();
  }
  fts5_api* api = fts5_api_for(c->db());
  REQUIRE(api->xCreateFunction(api, "describe_phrases", nullptr, describe_phrases, nullptr) == SQLITE_OK);
  Statement probe(c->db(), "SELECT describe_phrases(paragraphs_fts) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?");
  for (const char* text : {"city", "\"city diplomacy\" network", "city OR town -war -\"sister towns\" UCLG",
                           "NEAR(city network, 5) OR دیپلماسی", "بین المللی -کتاب تهران*", "都市外交",
                           "東京 OR \"sister cit\"*", "-war city NEAR(sister network uclg) diplomacy OR tehran"}) {
    INFO(text);
    const Query q = parse_query(text);
    std::string expected = std::to_string(q.phrases.size()) + ":";
    for (const QueryPhrase& p : q.phrases) expected += std::to_string(p.keys.size()) + ",";
    probe.bind(1, q.match);
    REQUIRE(probe.step());
    CHECK(probe.column_text(0) == expected);
    probe.reset();
  }
  // Clauses and alternatives: NEAR's phrases share one alternative.
  const Query q = parse_query("-war city NEAR(sister network) OR diplomacy");
  REQUIRE(q.phrases.size() == 5);
  CHECK(q.clauses == 2);
  CHECK(q.phrases[0].clause == 0);
  CHECK((q.phrases[1].clause == 1 && q.phrases[2].clause == 1 && q.phrases[3].clause == 1));
  CHECK(q.phrases[1].alternative == q.phrases[2].alternative);
  CHECK(q.phrases[3].alternative != q.phrases[1].alternative);
  CHECK(q.phrases[4].clause == -1);  // -war comes last in the expression
  CHECK(parse_query("sister cit*").phrases.back().prefix);
}

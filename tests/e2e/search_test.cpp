// dipmine search / optimize, end to end on tests/data/search (a Persian file of
// spelling variants, a Japanese file for substrings, an English file for
// phrases and NEAR; years 2015, 2019, 2021 from its manifest).
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

const std::string kData = (e2e::data_dir() / "search").string();

// A sandbox with the search corpus ingested.
struct Ingested : Sandbox {
  Ingested() {
    const auto r = run({"ingest", kData});
    INFO(r.err);
    REQUIRE(r.code == 0);
  }
  // "N paragraphs in M documents" -> N.
  int count(const std::string& query) const {
    std::string err;
    const int n = search_count(query, &err);
    INFO(query << ": " << err);
    REQUIRE(n >= 0);
    return n;
  }
  nlohmann::json json(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"search", "--format", "json"};
    all.insert(all.end(), args.begin(), args.end());
    const auto r = run(all);
    INFO(r.err);
    REQUIRE(r.code == 0);
    return nlohmann::json::parse(r.out);
  }
};

}  // namespace

TEST_CASE("every Persian spelling variant finds all three spellings", "[search]") {
  Ingested s;
  const std::string zwnj = "\u200c";
  for (const std::string& q : {"بین" + zwnj + "المللی", std::string("بینالمللی"), std::string("بین المللی"),
                               "می" + zwnj + "شود", std::string("میشود"), std::string("می شود"),
                               "کتاب" + zwnj + "ها", std::string("کتابها"), std::string("کتاب ها")}) {
    INFO(q);
    CHECK(s.count(q) == 3);
  }
  // Quoted the same way.
  CHECK(s.count("\"روابط بین المللی شهرها\"") == 3);
  CHECK(s.count("\"روابط بینالمللی شهرها\"") == 3);
}

TEST_CASE("Japanese: any two-character substring is found, whole words rank first", "[search]") {
  Ingested s;
  CHECK(s.count("京都") == 2);        // 東京都 (segmented 東京|都) and 京都
  CHECK(s.count("都市") == 2);
  CHECK(s.count("市長対話") == 2);
  CHECK(s.count("長対") == 2);        // inside a word
  CHECK(s.count("都市外交の研究") == 1);
  CHECK(s.count("京都府") == 0);
  CHECK(s.count("都") == 3);          // one character: every paragraph holding it
  const auto hits = s.json({"京都"});
  REQUIRE(hits.size() == 2);
  CHECK(hits[0]["snippet"].get<std::string>().find("[京都]の大学") != std::string::npos);
}

TEST_CASE("phrases, NEAR, OR, exclusion and prefixes", "[search]") {
  Ingested s;
  CHECK(s.count("diplomacy") == 2);
  CHECK(s.count("\"city diplomacy\"") == 1);
  CHECK(s.count("\"diplomacy city\"") == 0);
  CHECK(s.count("city diplomacy") == 2);                 // both words, anywhere
  CHECK(s.count("NEAR(diplomacy mayors, 3)") == 1);      // 3 words apart in the first
  CHECK(s.count("NEAR(diplomacy mayors, 20)") == 2);     // 15 apart in the second
  CHECK(s.count("NEAR(diplomacy mayors)") == 1);         // default 10
  CHECK(s.count("tourism OR resilience") == 2);
  CHECK(s.count("cities -tourism") == 3);  // English folds city/cities together
  CHECK(s.count("cit*") == 4);
  CHECK(s.count("\"sister cit\"*") == 1);
}

TEST_CASE("filters by language, year and document", "[search]") {
  Ingested s;
  CHECK(s.count("شهرها lang:fa") == 3);
  CHECK(s.count("شهرها lang:en") == 0);
  CHECK(s.count("都市 year:2019") == 2);
  CHECK(s.count("都市 year:2020..") == 0);
  CHECK(s.count("cities year:..2021") == 4);
  CHECK(s.count("cities year:2015..2019") == 0);
  const auto hits = s.json({"cities"});
  REQUIRE_FALSE(hits.empty());
  const std::string doc = std::to_string(hits[0]["doc"].get<int>());
  CHECK(s.count("cities doc:" + doc) == 4);
  CHECK(s.count("cities doc:999") == 0);
}

TEST_CASE("output: ranked hits with the match marked in the original text", "[search]") {
  Ingested s;
  // Piped: [brackets] around the original characters (ZWNJ kept).
  auto r = s.run({"search", "بینالمللی", "--limit", "3"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("[بین\u200cالمللی]") != std::string::npos);
  CHECK(r.out.find("[بین المللی]") != std::string::npos);
  CHECK(r.out.find("[بینالمللی]") != std::string::npos);
  CHECK(r.out.find("Persian spellings (2015, fa)") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);  // no escapes when piped

  auto all = s.json({"cities", "--limit", "10"});
  REQUIRE(all.size() == 4);
  for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1]["score"] >= all[i]["score"]);
  auto page = s.json({"cities", "--limit", "1", "--offset", "1"});
  REQUIRE(page.size() == 1);
  CHECK(page[0]["paragraph"] == all[1]["paragraph"]);
  CHECK(page[0]["rank"] == 2);

  r = s.run({"search", "--format", "tsv", "mayors"});
  REQUIRE(r.code == 0);
  CHECK(e2e::count_lines(r.out) == 3);  // header + 2 hits
  CHECK(r.out.rfind("rank\tdoc\tparagraph\ttitle\tyear\tlang\tscore\tsnippet\n", 0) == 0);

  r = s.run({"search", "--count", "cities"});
  CHECK(r.out == "4 paragraphs in 1 document\n");
  r = s.run({"search", "--count", "--format", "json", "شهرها OR cities"});
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json{{"paragraphs", 7}, {"documents", 2}});
}

TEST_CASE("an exclusion may be given as a separate argument", "[search]") {
  Ingested s;
  const auto r = s.run({"search", "--count", "cities", "-tourism"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out == "3 paragraphs in 1 document\n");
  const auto separated = s.run({"search", "--count", "--", "cities", "-tourism"});
  CHECK(separated.out == "3 paragraphs in 1 document\n");
}

TEST_CASE("malformed queries exit 2 with the position, never an SQL error", "[search]") {
  Ingested s;
  struct Case {
    std::string query, message;
  };
  for (const Case& c : std::vector<Case>{
           {"\"city diplomacy", "query column 1: unclosed quote"},
           {"city -", "query column 6: '-' must be followed by the word to exclude"},
           {"*", "query column 1: '*' must follow a word"},
           {"!!! ؟", "query column 1: '!!!' has no letters or digits"},
           {"NEAR(city", "query column 1: NEAR( has no closing ')'"},
           {"city lang:xx", "query column 11: lang: must be fa, en or ja"}}) {
    const auto r = s.run({"search", "--", c.query});
    INFO(c.query);
    CHECK(r.code == 2);
    CHECK(r.err.find("dipmine: " + c.message) == 0);
    CHECK(r.err.find("fts5") == std::string::npos);
    CHECK(r.err.find("SQL") == std::string::npos);
  }
}

TEST_CASE("search on a missing or empty database says so", "[search]") {
  Sandbox s;
  auto r = s.run({"search", "city"});
  CHECK(r.code == 1);
  CHECK(r.err.find("no database here") != std::string::npos);
  // A store whose only document was removed again.
  REQUIRE(s.run({"ingest", (e2e::data_dir() / "search" / "en_2021.txt").string()}).code == 0);
  REQUIRE(s.run({"remove", "1"}).code == 0);
  r = s.run({"search", "city"});
  CHECK(r.code == 1);
  CHECK(r.err.find("the store has no documents yet") != std::string::npos);
}

TEST_CASE("remove takes documents out of the index, optimize merges it", "[search]") {
  Ingested s;
  const auto hits = s.json({"mayors"});
  REQUIRE(hits.size() == 2);
  REQUIRE(s.run({"remove", std::to_string(hits[0]["doc"].get<int>())}).code == 0);
  CHECK(s.count("mayors") == 0);
  CHECK(s.count("京都") == 2);
  const std::vector<std::string> queries = {"京都", "city", "\"city diplomacy\"", "بین المللی",
                                            "cit* year:2015..2022", "NEAR(city network, 9)", "都市 OR city"};
  std::vector<std::string> before;
  for (const auto& q : queries) before.push_back(s.run({"search", "--format", "tsv", "--limit", "3", q}).out);
  auto r = s.run({"optimize"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("1 after") != std::string::npos);
  CHECK(r.out.find("top-k index: built") != std::string::npos);
  // Ranking uses the top-k index from now on, and gives the same hits.
  auto timed = s.run({"search", "--timing", "--format", "tsv", "京都"});
  CHECK(timed.err.find("ranked with the top-k index") != std::string::npos);
  for (size_t i = 0; i < queries.size(); ++i) {
    INFO(queries[i]);
    CHECK(s.run({"search", "--format", "tsv", "--limit", "3", queries[i]}).out == before[i]);
  }
  r = s.run({"optimize"});
  CHECK(r.out.find("top-k index: up to date") != std::string::npos);
  // An index an older dipmine built (no coarse pairs together: three values)
  // still ranks, and the next optimize builds it again.
  e2e::sql_column(s.db(), "UPDATE topk_meta SET value = substr(value, 1, instr(value, ' ') + 3) WHERE key = 'pairs'",
                  SQLITE_OPEN_READWRITE);
  CHECK(e2e::sql_column(s.db(), "SELECT value FROM topk_meta WHERE key = 'pairs'").size() < 10);
  timed = s.run({"search", "--timing", "--format", "tsv", "--limit", "3", "\"city diplomacy\""});
  CHECK(timed.err.find("ranked with the top-k index") != std::string::npos);
  CHECK(timed.out == before[2]);
  r = s.run({"optimize"});
  CHECK(r.out.find("top-k index: built") != std::string::npos);
  r = s.run({"optimize"});
  CHECK(r.out.find("top-k index: up to date") != std::string::npos);
  // An ingest after optimize says the top-k index is out of date; search
  // then scores every match and still finds the new paragraph.
  const std::string extra = (s.dir() / "extra.txt").string();
  { std::ofstream(extra) << "Kyoto and Tehran signed a sister-city agreement.\n"; }
  auto added = s.run({"ingest", extra});
  REQUIRE(added.code == 0);
  CHECK(added.err.find("the top-k index predates this ingest") != std::string::npos);
  timed = s.run({"search", "--timing", "--format", "tsv", "Kyoto Tehran"});
  CHECK(timed.err.find("ranked every match") != std::string::npos);
  CHECK(timed.out.find("sister-city") != std::string::npos);
  r = s.run({"optimize"});
  CHECK(r.out.find("top-k index: built") != std::string::npos);
  r = s.run({"optimize", "--rebuild"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("(rebuilt)") != std::string::npos);
  CHECK(r.out.find("top-k index: built") != std::string::npos);
  CHECK(s.count("京都") == 2);
  CHECK(s.count("بین المللی") == 3);
}

TEST_CASE("Japanese: ユーザー and ユーザ, サーバー and サーバ find each other", "[search][ja]") {
  Sandbox s;
  {
    std::ofstream f(s.dir() / "ja.txt");
    f << "ユーザー登録の手順。\n\nユーザ管理とサーバーの設定。\n\nサーバとコンピュータ。\n\n"
         "コンピューターの講習。\n";
  }
  REQUIRE(s.run({"ingest", (s.dir() / "ja.txt").string()}).code == 0);
  for (const std::string q : {"ユーザー", "ユーザ", "サーバー", "サーバ", "コンピューター", "コンピュータ"}) {
    INFO(q);
    CHECK(s.search_count(q) == 2);
  }
  // The mark is inside the marked hit.
  const auto r = s.run({"search", "ユーザ", "--limit", "5"});
  CHECK(r.out.find("[ユーザー]登録") != std::string::npos);
}

TEST_CASE("hits give the paragraph's number within its document, not the store's row id", "[search]") {
  Ingested s;
  const auto hits = s.json({"京都"});
  REQUIRE(hits.size() == 2);
  // The Japanese file is the third document: its paragraphs' row ids are not
  // their numbers within it.
  CHECK(hits[0]["paragraph"] == 1);
  CHECK(hits[0]["paragraph_id"] != hits[0]["paragraph"]);
  const auto r = s.run({"search", "京都"});
  CHECK(r.out.find("doc " + hits[0]["doc"].dump() + " paragraph 1 score") != std::string::npos);
  const auto tsv = s.run({"search", "--format", "tsv", "京都"});
  CHECK(tsv.out.find("\n1\t" + hits[0]["doc"].dump() + "\t1\t") != std::string::npos);
}

TEST_CASE("a word after a full stop that lost its space is found", "[search]") {
  // corpus/002 writes "استفاده کنند.موضوعی که محمود میرلوحی ...": موضوعی was
  // part of one token with کنند and could not be found.
  e2e::Sandbox s;
  REQUIRE(s.run({"ingest", (e2e::source_dir() / "corpus").string()}).code == 0);
  const auto r = s.run({"search", "--format", "tsv", "--limit", "100", "\"موضوعی که محمود\""});
  CHECK(r.code == 0);
  CHECK(r.out.find("موضوعی") != std::string::npos);
  CHECK(s.run({"search", "--count", "\"کنند موضوعی\""}).out.rfind("1 paragraph", 0) == 0);
}

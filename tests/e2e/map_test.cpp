// dipmine map end to end: a store made by ingest plus concepts and mentions
// written with SQL (so the test does not depend on the shipped lexicons).
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;
namespace fs = std::filesystem;

namespace {

void sql(const Sandbox& s, const std::string& statements) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(s.db().c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &err);
  INFO((err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// Twelve small documents; the mentions are written by hand below.
void make_store(const Sandbox& s) {
  for (int i = 1; i <= 12; ++i) {
    e2e::write_file(s.dir() / "texts" / ("t" + std::to_string(i) + ".txt"),
                    "Paper " + std::to_string(i) + " on city diplomacy.\n\nA second paragraph.\n");
  }
  const auto r = s.run({"ingest", (s.dir() / "texts").string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  sql(s, R"sql(
DELETE FROM mentions;
UPDATE documents SET year = 2010 + id, lang = CASE WHEN id % 3 = 0 THEN 'fa' ELSE 'en' END;
UPDATE paragraphs SET lang = (SELECT lang FROM documents d WHERE d.id = doc_id);
INSERT OR REPLACE INTO concepts(id, kind, dimension, label_en, label_fa) VALUES
  ('k0', 'indicator', 'economy', '<script>alert(1)</script>', ''),
  ('k1', 'indicator', 'economy', '"&''', ''),
  ('k2', 'indicator', 'culture', 'urban diplomacy', 'دیپلماسی شهری'),
  ('k3', 'network', 'cooperation', 'UCLG', ''),
  ('k4', 'network', 'cooperation', 'Metropolis', '');
INSERT INTO mentions(doc_id, paragraph_id, sentence, concept_id, start, end, form)
SELECT p.doc_id, p.id, 0, 'k' || ((p.doc_id + k.k) % 5), 0, 1, 'x'
FROM paragraphs p, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 3) k;
)sql");
}

std::vector<std::string> output_files(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("map writes every output, byte for byte the same for the same seed", "[map]") {
  Sandbox s;
  make_store(s);
  auto r = s.run({"map", "--out", "one", "--seed", "7", "--overlay", "year"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("map: 5 nodes") == 0);
  CHECK(r.out.find("time: load ") != std::string::npos);
  r = s.run({"map", "--out", "two", "--seed", "7", "--overlay", "year"});
  REQUIRE(r.code == 0);
  const auto names = output_files(s.dir() / "one");
  CHECK(names == std::vector<std::string>{"edges.csv", "map.gexf", "map.graphml", "map.html", "map.svg",
                                          "nodes.csv", "vosviewer.json", "vosviewer_map.txt",
                                          "vosviewer_network.txt"});
  for (const auto& n : names) {
    INFO(n);
    CHECK(e2e::read_file(s.dir() / "one" / n) == e2e::read_file(s.dir() / "two" / n));
  }
  const std::string vos = e2e::read_file(s.dir() / "one" / "vosviewer_map.txt");
  CHECK(e2e::count_lines(vos) == 6);
  const std::string svg = e2e::read_file(s.dir() / "one" / "map.svg");
  CHECK(svg.find("<script>alert") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("Average publication year") != std::string::npos);
}

TEST_CASE("map options: units, labels, splits, layouts", "[map]") {
  Sandbox s;
  make_store(s);
  auto r = s.run({"map", "--out", "fa", "--label-lang", "fa", "--unit", "sentence", "--counting", "full",
                  "--normalization", "fractional", "--layout", "fr", "--top", "3"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("map: 3 nodes") == 0);
  // --labels picks the concept label's language (the other labels when it is empty).
  for (const char* lang : {"fa", "en"}) {
    r = s.run({"map", "--out", std::string("labels_") + lang, "--labels", lang});
    REQUIRE(r.code == 0);
    const std::string vos = e2e::read_file(s.dir() / (std::string("labels_") + lang) / "vosviewer_map.txt");
    CHECK((vos.find("\tدیپلماسی شهری\t") != std::string::npos) ==
          (std::string(lang) == "fa"));
    CHECK((vos.find("\turban diplomacy\t") != std::string::npos) == (std::string(lang) == "en"));
    CHECK(vos.find("\tUCLG\t") != std::string::npos);
    const std::string html = e2e::read_file(s.dir() / (std::string("labels_") + lang) / "map.html");
    CHECK((html.find("\"l\":\"urban diplomacy\"") != std::string::npos) == (std::string(lang) == "en"));
  }
  r = s.run({"map", "--out", "split", "--split", "lang", "--kind", "network", "--kind", "indicator"});
  REQUIRE(r.code == 0);
  CHECK(fs::exists(s.dir() / "split" / "map_fa.svg"));
  CHECK(fs::exists(s.dir() / "split" / "map_en.svg"));
  CHECK(e2e::read_file(s.dir() / "split" / "nodes.csv").find(",occurrences_fa,occurrences_en\n") !=
        std::string::npos);
  r = s.run({"map", "--out", "net", "--kind", "network", "--years", "2015-", "--lang", "en"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("map: 2 nodes") == 0);
  r = s.run({"map", "--out", "per", "--split", "period:2015,2020", "--unit", "document"});
  REQUIRE(r.code == 0);
  CHECK(fs::exists(s.dir() / "per" / "map_before-2015.svg"));
  CHECK(fs::exists(s.dir() / "per" / "map_2015-2019.svg"));
  CHECK(fs::exists(s.dir() / "per" / "map_2020-.svg"));
}

TEST_CASE("map errors name the option at fault", "[map]") {
  Sandbox s;
  auto r = s.run({"map"});
  CHECK(r.code == 1);
  CHECK(r.err.find("no database") != std::string::npos);
  make_store(s);
  const std::vector<std::pair<std::vector<std::string>, std::string>> usage = {
      {{"map", "--unit", "page"}, "--unit: 'page'"},
      {{"map", "--split", "period:x"}, "--split: 'x'"},
      {{"map", "--overlay", "rainbow"}, "--overlay: 'rainbow'"},
      {{"map", "--years", "20x0"}, "--year: must be YEAR or FROM..TO, like 2015..2020 (got '20x0')"},
      {{"map", "--years", "-"}, "--year: '-' needs a year on at least one side"},
      {{"map", "--year", ".."}, "--year: '..' needs a year on at least one side"},
      {{"map", "--label-lang", "de"}, "--labels: 'de'"},
      {{"map", "--labels", "de"}, "--labels: 'de'"},
      {{"map", "--nodes", "keywords", "--unit", "paragraph"}, "--unit: keywords belong to whole records"},
      {{"map", "--min-occurrences", "0.5"}, "--min-occurrences: must be >= 1"},
      {{"map", "--max-lines", "-1"}, "--max-lines: must be >= 0"},
      {{"map", "--resolution", "0"}, "--resolution: must be > 0"},
      {{"map", "--layout", "circle"}, "--layout: 'circle'"},
  };
  for (const auto& [args, message] : usage) {
    r = s.run(args);
    INFO(args[1] << " " << args[2] << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find(message) != std::string::npos);
  }
  r = s.run({"map", "--min-docs", "100"});
  CHECK(r.code == 1);
  CHECK(r.err.find("map: no nodes") != std::string::npos);
  e2e::write_file(s.dir() / "blocker", "x");
  r = s.run({"map", "--out", (s.dir() / "blocker" / "out").string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("cannot create the directory") != std::string::npos);
}

TEST_CASE("map of keywords with a thesaurus file", "[map]") {
  Sandbox s;
  make_store(s);
  sql(s, R"sql(
INSERT INTO keywords(doc_id, kind, keyword, key, lang)
SELECT id, 'author', 'city diplomacy', 'citi diplomaci', 'en' FROM documents;
INSERT INTO keywords(doc_id, kind, keyword, key, lang)
SELECT id, 'author', 'twin towns', 'twin town', 'en' FROM documents WHERE id % 2 = 0;
INSERT INTO keywords(doc_id, kind, keyword, key, lang)
SELECT id, 'index', 'sister cities', 'sister citi', 'en' FROM documents WHERE id % 3 = 0;
)sql");
  e2e::write_file(s.dir() / "thesaurus.txt", "label\treplace by\ntwin towns\tsister cities\n");
  // Keywords need no --unit: the record is their unit.
  auto r = s.run({"map", "--nodes", "keywords", "--thesaurus", "thesaurus.txt", "--out", "kw"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("map: 2 nodes") == 0);
  CHECK(r.out.find("nodes: 2 of 2 keywords meet the threshold of 5 occurrences") != std::string::npos);
  // 'sister cities' as an index keyword is in 4 records: under VOSviewer's default of 5.
  r = s.run({"map", "--nodes", "keywords", "--keywords", "index", "--out", "kw2"});
  CHECK(r.code == 1);
  CHECK(r.err.find("--min-occurrences 5") != std::string::npos);
  r = s.run({"map", "--nodes", "keywords", "--unit", "document", "--keywords", "index", "--min-occurrences", "4",
             "--out", "kw2"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("map: 1 nodes") == 0);
  CHECK(r.out.find("nodes: 1 of 1 keywords meet the threshold of 4 occurrences") != std::string::npos);
}

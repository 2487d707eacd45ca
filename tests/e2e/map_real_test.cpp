// dipmine map of keywords on a real Web of Science export (241 records from
// bibliometrix's example data, tests/data/map/SOURCES.md): the map finishes
// without --unit, says truthfully how many keywords met the threshold and
// how many it shows, and writes files of a sensible size.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <regex>

#include "harness.h"

using e2e::Sandbox;
namespace fs = std::filesystem;

namespace {

int64_t scalar(const Sandbox& s, const std::string& query) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(s.db().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, query.c_str(), -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const int64_t v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

}  // namespace

TEST_CASE("keyword map of a real Web of Science export", "[map][real]") {
  Sandbox s;
  auto r = s.run({"ingest", (e2e::data_dir() / "map" / "wos_management.txt").string()});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  REQUIRE(scalar(s, "SELECT count(*) FROM documents") == 241);

  r = s.run({"map", "--nodes", "keywords", "--out", "kw"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  // What the store says, counted here with SQL: distinct keywords, and those
  // in at least 5 records (binary counting, the record as unit).
  const int64_t all = scalar(s, "SELECT count(DISTINCT key) FROM keywords WHERE key <> ''");
  const int64_t frequent = scalar(s,
      "SELECT count(*) FROM (SELECT key FROM keywords WHERE key <> '' GROUP BY key "
      "HAVING count(DISTINCT doc_id) >= 5)");
  REQUIRE(all > 1000);  // a real export: well over a thousand distinct keywords
  REQUIRE(frequent > 20);
  REQUIRE(frequent < all / 5);
  CHECK(r.out.find("map: " + std::to_string(frequent) + " nodes") == 0);
  CHECK(r.out.find("nodes: " + std::to_string(frequent) + " of " + std::to_string(all) +
                   " keywords meet the threshold of 5 occurrences (--min-occurrences); the map shows the top " +
                   std::to_string(frequent) + " (--top 1000)") != std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex("map: \\d+ nodes, (\\d+) links")));
  const size_t links = std::stoul(m[1]);
  CHECK(r.out.find("lines: map.svg and map.html draw the " + std::to_string(std::min<size_t>(links, 1000)) +
                   " strongest of " + std::to_string(links) + " links (--max-lines 1000)") != std::string::npos);

  // Files: every one there, none oversized, the VOSviewer files complete.
  uintmax_t total = 0;
  for (const char* f : {"map.svg", "map.html", "vosviewer_map.txt", "vosviewer_network.txt", "vosviewer.json",
                        "map.gexf", "map.graphml", "nodes.csv", "edges.csv"}) {
    const fs::path p = s.dir() / "kw" / f;
    REQUIRE(fs::exists(p));
    INFO(f << ": " << fs::file_size(p) << " bytes");
    CHECK(fs::file_size(p) > 500);
    CHECK(fs::file_size(p) < 2'000'000);
    total += fs::file_size(p);
  }
  CHECK(total < 5'000'000);
  const std::string map_txt = e2e::read_file(s.dir() / "kw" / "vosviewer_map.txt");
  CHECK(e2e::count_lines(map_txt) == frequent + 1);
  CHECK(static_cast<size_t>(e2e::count_lines(e2e::read_file(s.dir() / "kw" / "vosviewer_network.txt"))) == links);
  const std::string svg = e2e::read_file(s.dir() / "kw" / "map.svg");
  CHECK(svg.find("</svg>") != std::string::npos);

  // Every keyword, threshold 1: the map shows the first 1,000 and says so.
  r = s.run({"map", "--nodes", "keywords", "--min-occurrences", "1", "--out", "all"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("map: 1000 nodes") == 0);
  CHECK(r.out.find("nodes: " + std::to_string(all) + " of " + std::to_string(all) +
                   " keywords meet the threshold of 1 occurrence (--min-occurrences); the map shows the top 1000") !=
        std::string::npos);
  CHECK(fs::file_size(s.dir() / "all" / "map.html") < 3'000'000);
}

TEST_CASE("keywords of a real Web of Science export: plurals merged, different words apart", "[map][real][keywords]") {
  // The search fold's Snowball stem made `publication` and `publicness`,
  // `success` and `succession`, `Japan` and `Japanese` one keyword each.
  Sandbox s;
  const auto r = s.run({"ingest", (e2e::data_dir() / "map" / "wos_management.txt").string()});
  REQUIRE(r.code == 0);
  const auto kw = s.run({"keywords", "--top", "5000", "--format", "tsv"});
  REQUIRE(kw.code == 0);
  auto has_key = [&](const std::string& key) { return e2e::contains(kw.out, "\t" + key + "\t"); };
  for (const char* key : {"publication", "publicness", "success", "succession", "japan", "japanese",
                          "competition", "competitiveness"}) {
    INFO(key);
    CHECK(has_key(key));
  }
  CHECK(!has_key("public"));
  CHECK(!has_key("econom"));
  // A store written by an older build keeps that build's keys in
  // keywords.key: `keywords` and the map use this build's.
  REQUIRE(scalar(s, "SELECT count(*) FROM keywords WHERE keyword = 'publicness'") >= 1);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(s.db().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE keywords SET key = 'public' WHERE keyword IN ('publicness', 'publication')",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const auto again = s.run({"keywords", "--top", "5000", "--format", "tsv"});
  CHECK(again.out == kw.out);
  const auto map = s.run({"map", "--nodes", "keywords", "--min-occurrences", "1", "--out", (s.dir() / "m").string()});
  INFO(map.err);
  REQUIRE(map.code == 0);
  const std::string nodes = e2e::read_file(s.dir() / "m" / "nodes.csv");
  CHECK(e2e::contains(nodes, "publicness"));
  CHECK(!e2e::contains(nodes, ",public,"));
}

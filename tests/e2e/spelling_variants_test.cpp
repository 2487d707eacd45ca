// Trial finding 9 end to end: British and American spellings of one English
// word are found by a search for either (co-operation / cooperation,
// decentralised / decentralized, organisation / organization, programme /
// program, centre / center, behaviour / behavior, globalisation /
// globalization). tests/data/map/wos_management.txt is a real Web of Science
// export that uses both spellings of each (tests/data/map/SOURCES.md). The
// Persian hamza-seat variants (finding 10) are covered by
// tests/unit/text/spelling_variants_test.cpp, through index_terms as search
// sees them.
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

TEST_CASE("search: both spellings of an English word find the same paragraphs", "[search][spelling]") {
  Sandbox sb;
  const auto ing = sb.run({"ingest", (e2e::data_dir() / "map" / "wos_management.txt").string()});
  INFO(ing.err);
  REQUIRE(ing.code == 0);
  const std::vector<std::vector<std::string>> groups = {
      {"cooperation", "co-operation", "cooper*"},
      {"decentralised", "decentralized"},
      {"organisation", "organization", "organisations", "organizations"},
      {"programme", "program"},
      {"centre", "center"},
      {"behaviour", "behavior"},
      {"globalisation", "globalization"},
  };
  for (const auto& g : groups) {
    const int n = sb.search_count(g.front());
    INFO(g.front());
    // Each spelling on its own found fewer before (co-operation 2, cooperation
    // 7 paragraphs; decentralized 0).
    CHECK(n > 0);
    for (const std::string& q : g) {
      INFO(q);
      CHECK(sb.search_count(q) == n);
    }
  }
  CHECK(sb.search_count("cooperation") == 9);
  CHECK(sb.search_count("decentralized") == 2);
}

// Issue 16 item 4 end to end: a Persian compound typed with spaces
// (زمین لرزه ای) and with ZWNJ (زمین‌لرزه‌ای) is found by a search for either
// spelling, for the compound without its suffix, for each part alone and in a
// phrase (tests/data/fa_compound: hazm's test sentence in both spellings and a
// control with neither part).
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

TEST_CASE("search: a compound written apart or with ZWNJ finds both, and each part", "[search][compound]") {
  Sandbox sb;
  const auto dir = e2e::data_dir() / "fa_compound";
  const auto ing = sb.run({"ingest", (dir / "apart.txt").string(), (dir / "zwnj.txt").string(),
                           (dir / "other.txt").string()});
  INFO(ing.err);
  REQUIRE(ing.code == 0);
  // -1 when search fails (a count no check expects).
  auto count = [&](const std::string& q) { return sb.search_count(q); };
  for (const char* q : {"زمین\u200cلرزه\u200cای", "زمین لرزه ای", "زمینلرزهای", "زمین\u200cلرزه", "زمین لرزه",
                        "لرزه", "زمین", "لرزه\u200cای", "\"زمین لرزه ای به بزرگی\"",
                        "\"زمین\u200cلرزه\u200cای به بزرگی\"", "\"زمین لرزه به\"", "\"کرد زمین\"",
                        "NEAR(زمین ریشتر, 5)"}) {
    INFO(q);
    CHECK(count(q) == 2);
  }
  CHECK(count("کیلومتر") == 1);  // the control is indexed
  CHECK(count("\"بزرگی زمین\"") == 0);
  CHECK(count("\"لرزه زمین\"") == 0);
}

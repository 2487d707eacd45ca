// How far a regex form's match can reach around its atom: the bound the
// matcher's RE2 windows rest on, and the syntax that turns windows off.
#include <catch2/catch.hpp>

#include <string>

#include "lexicon/regex_reach.h"

using dipmine::lexicon::regex_reach;

TEST_CASE("regex reach: counted characters, white space repeats left out", "[regex_reach]") {
  const auto r = regex_reach("(?i:(building|promoting|world)\\s+peace)");
  REQUIRE(r);
  CHECK(r->max_counted == 9 + 5);  // "promoting" + "peace"; \s+ is free
  CHECK(r->free[' ']);
  CHECK(r->free['\n']);
  CHECK(!r->free['p']);
  // Persian: characters, not bytes.
  const auto fa = regex_reach("(?i:صلح\\s*(پایدار|جهانی)(ها)?)");
  REQUIRE(fa);
  CHECK(fa->max_counted == 3 + 6 + 2);  // صلح, پایدار, ها
  // Optional groups and classes count their longest branch, one per class.
  const auto en = regex_reach("(?i:organi[sz]ations?( and (assemblies|bodies))?)");
  REQUIRE(en);
  CHECK(en->max_counted == 13 + 1 + 3 + 1 + 10);
  // A repeated class of ASCII punctuation is free too.
  const auto sister = regex_reach("(?i:sister[- ]+(cit(y|ies)))");
  REQUIRE(sister);
  CHECK(sister->max_counted == 6 + 6);  // sister, cities
  CHECK(sister->free['-']);
}

TEST_CASE("regex reach: syntax it does not model gives no bound", "[regex_reach]") {
  for (const char* p : {"^peace", "peace$", "\\bpeace", "a{2,3}", "(?i:peace)+", "\\w+ city",
                        "(?s:.*)", "[^a]+b", "(?P<x>a)", "\\pL", "[[:alpha:]]b",
                        "[\\s\\x{200c}]*x", "ک\\s*ی*"}) {
    INFO(p);
    CHECK(!regex_reach(p));
  }
  // Letters repeated without bound are not free: under (?i) k also matches U+212A.
  CHECK(!regex_reach("(?i:k+m)"));
  CHECK(regex_reach("(?i:x\\s*y)"));
}

TEST_CASE("regex reach: windows count characters outside the free set", "[regex_reach]") {
  const auto r = regex_reach("(?i:ab\\s*c)");  // at most 3 counted characters
  REQUIRE(r);
  const std::string t = "xyzab   cdef";
  //                    0123456789..
  CHECK(r->earliest_start(t, 5) == 2);  // "zab": 3 counted before position 5
  CHECK(r->latest_end(t, 3) == 9);      // "ab   c": the 4th counted is 'd' at 9
  CHECK(r->earliest_start(t, 0) == 0);
  CHECK(r->latest_end(t, 10) == t.size());
  // Multi-byte characters count once and windows end on character boundaries.
  const std::string fa = "الف صلح پایدار";
  const auto p = regex_reach("(?i:صلح\\s*پایدار)");
  REQUIRE(p);
  CHECK(p->max_counted == 9);
  CHECK(p->latest_end(fa, 0) == fa.size() - 6);       // الف صلح پای: 9 counted, not دار
  CHECK(p->earliest_start(fa, fa.size()) == 6);       // " صلح پایدار": the free space too
}

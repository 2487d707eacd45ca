// KeyFilter: every inserted key is "maybe present", and keys never inserted
// are "certainly absent" (a collision of 64-bit fingerprints aside), across
// the growth of its table.
#include <catch2/catch.hpp>

#include <string>

#include "store/key_filter.h"

using dipmine::store::KeyFilter;

TEST_CASE("key filter: inserted keys are found and others are not, through growth", "[key_filter]") {
  KeyFilter f;
  CHECK_FALSE(f.may_contain("anything"));
  CHECK_FALSE(f.may_contain(""));
  const size_t n = 100000;  // many doublings of the 1,024-slot start
  for (size_t i = 0; i < n; ++i) f.insert("sha-" + std::to_string(i));
  CHECK(f.size() == n);
  size_t found = 0, false_hits = 0;
  for (size_t i = 0; i < n; ++i) found += f.may_contain("sha-" + std::to_string(i)) ? 1 : 0;
  for (size_t i = n; i < 2 * n; ++i) false_hits += f.may_contain("sha-" + std::to_string(i)) ? 1 : 0;
  CHECK(found == n);
  CHECK(false_hits == 0);
}

TEST_CASE("key filter: a key inserted twice counts once, the empty key is a key", "[key_filter]") {
  KeyFilter f;
  f.insert("10.1016/j.cities.2020.102");
  f.insert("10.1016/j.cities.2020.102");
  f.insert("");
  CHECK(f.size() == 2);
  CHECK(f.may_contain(""));
  CHECK(f.may_contain("10.1016/j.cities.2020.102"));
  CHECK_FALSE(f.may_contain("10.1016/j.cities.2020.103"));
}

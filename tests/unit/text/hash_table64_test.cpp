// HashTable64 (common/hash_table64.h): what was inserted is found, through
// growth; what was not is not; entries of one hash are all visited, so keys
// that share a hash are told apart by the caller.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <vector>

#include "common/hash_table64.h"

using dipmine::HashTable64;

namespace {
uint64_t mix(uint64_t x) {  // splitmix64: spread test keys over all bits
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
}  // namespace

TEST_CASE("hash table: inserted hashes are found, others not, through growth", "[hash_table64]") {
  HashTable64 t;  // starts with 16 slots: grows many times
  for (uint64_t i = 0; i < 20000; ++i) CHECK(t.insert(mix(i) & ~uint64_t{1}));
  CHECK(t.size() == 20000);
  for (uint64_t i = 0; i < 20000; ++i) REQUIRE(t.contains(mix(i)));
  int absent_found = 0;
  for (uint64_t i = 20000; i < 40000; ++i) absent_found += t.contains(mix(i));
  CHECK(absent_found == 0);
}

TEST_CASE("hash table: a hash inserted twice counts once, zero is a hash", "[hash_table64]") {
  HashTable64 t(4);
  CHECK(t.insert(0));
  CHECK_FALSE(t.insert(1));  // stored with bit 0 set: 0 and 1 are one hash
  CHECK(t.contains(0));
  CHECK(t.size() == 1);
  CHECK_FALSE(t.contains(2));
}

TEST_CASE("hash table: entries sharing a hash are all visited, values kept through growth",
          "[hash_table64]") {
  HashTable64 t(2);
  for (uint32_t v = 0; v < 100; ++v) t.insert_entry(42, v);          // one hash, 100 keys
  for (uint32_t v = 0; v < 1000; ++v) t.insert_entry(mix(v), 1000 + v);
  std::set<uint32_t> seen;
  CHECK_FALSE(t.find_each(42, [&](uint32_t v) {
    seen.insert(v);
    return false;
  }));
  CHECK(seen.size() == 100);
  CHECK(*seen.rbegin() == 99);
  for (uint32_t v = 0; v < 1000; ++v) {
    REQUIRE(t.find_each(mix(v), [&](uint32_t got) { return got == 1000 + v; }));
  }
  CHECK_FALSE(t.find_each(7, [](uint32_t) { return true; }));
}

// A set of 64-bit fingerprints of strings that answers "certainly absent" or
// "maybe present". Internal to the store: Corpus remembers the keys ingest
// inserts (SHA-256, path, DOI) in three of these, so that a new document's
// lookups need no query (a std::unordered_set<std::string> of 100,000 keys
// took a few percent of an export's ingest).
//
//   KeyFilter seen;
//   seen.insert(sha);
//   if (!seen.may_contain(other)) ...  // never inserted, for certain
//
// A "maybe" for a key never inserted happens when two fingerprints collide
// (about n / 2^64): the caller then asks the database, so answers stay exact.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>

#include "common/hash_table64.h"

namespace dipmine::store {

class KeyFilter {
 public:
  void insert(std::string_view key) { set_.insert(fingerprint(key)); }
  bool may_contain(std::string_view key) const { return set_.contains(fingerprint(key)); }
  size_t size() const { return set_.size(); }

 private:
  static uint64_t fingerprint(std::string_view key) { return std::hash<std::string_view>{}(key); }

  HashTable64 set_{512};
};

}  // namespace dipmine::store

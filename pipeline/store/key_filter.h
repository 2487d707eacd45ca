// A set of 64-bit fingerprints of strings that answers "certainly absent" or
// "maybe present". Internal to the store: Corpus remembers the keys ingest
// inserts (SHA-256, path, DOI) in three of these, so that a new document's
// lookups need no query. One flat array probed linearly: a lookup is one cache
// miss, where a std::unordered_set<std::string> of 100,000 keys took several
// and a few percent of an export's ingest.
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
#include <vector>

namespace dipmine::store {

class KeyFilter {
 public:
  void insert(std::string_view key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    if (place(fingerprint(key))) ++size_;
  }

  bool may_contain(std::string_view key) const {
    if (slots_.empty()) return false;
    const uint64_t fp = fingerprint(key);
    const size_t mask = slots_.size() - 1;
    for (size_t i = fp & mask;; i = (i + 1) & mask) {
      if (slots_[i] == fp) return true;
      if (slots_[i] == 0) return false;
    }
  }

  size_t size() const { return size_; }

 private:
  static uint64_t fingerprint(std::string_view key) {
    const uint64_t h = std::hash<std::string_view>{}(key);
    return h == 0 ? 1 : h;  // 0 marks an empty slot
  }

  // Adds a fingerprint; false when it was there already.
  bool place(uint64_t fp) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = fp & mask;; i = (i + 1) & mask) {
      if (slots_[i] == fp) return false;
      if (slots_[i] == 0) {
        slots_[i] = fp;
        return true;
      }
    }
  }

  void grow() {
    std::vector<uint64_t> old(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    old.swap(slots_);
    for (const uint64_t fp : old) {
      if (fp != 0) place(fp);
    }
  }

  std::vector<uint64_t> slots_;  // a power of two in size, 0 = empty
  size_t size_ = 0;
};

}  // namespace dipmine::store

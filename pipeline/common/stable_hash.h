// A 64-bit hash of a sequence of text fields that is the same on every
// machine and build (std::hash is not): FNV-1a over the bytes, a separator
// after each field (so "ab","c" and "a","bc" differ), a SplitMix64 finish.
// For fingerprints stored in files and stores and compared across processes
// (plan digests, lexicon and store fingerprints); not for security.
//
//   StableHash h;  h.add("shard");  h.add(path);
//   std::string fp = h.hex();   // 16 hex digits
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace dipmine {

class StableHash {
 public:
  explicit StableHash(uint64_t seed = 0) : h_(14695981039346656037ull ^ seed) {}
  StableHash& add(std::string_view field) {
    for (const char c : field) step(static_cast<unsigned char>(c));
    step(0x1f);  // field separator
    return *this;
  }
  uint64_t value() const {
    uint64_t x = h_ + 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value()));
    return buf;
  }

 private:
  void step(unsigned char c) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
  uint64_t h_;
};

}  // namespace dipmine

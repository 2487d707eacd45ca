// Internal to the text module: a bounded memo of a pure function of one
// word's bytes, for the steps that look every word up in data (English stems,
// the Persian visual-order repair). Text repeats its words (a few thousand
// forms make most of any paper), so most words are answered here for the
// price of a hash, and the answer is the same with or without the memo.
//
//   thread_local WordCache<Stem, 4, 4096> cache;   // words up to 32 bytes
//   if (WordCache<Stem, 4, 4096>::fits(word)) {
//     const Stem& s = cache.get(word, [](std::string_view w) { return stem_of(w); });
//   }
//
// Not thread-safe: keep one per thread. A word is kept zero-padded to
// kKeyWords * 8 bytes, so hashing and comparing it are kKeyWords 8-byte steps.
// Two slots per hash (the older one gives way): with one, two frequent words
// that share a slot would evict each other on every use.
#pragma once
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace dipmine::text {

template <typename Value, size_t kKeyWords, size_t kSets>
class WordCache {
  static_assert(kSets > 0 && (kSets & (kSets - 1)) == 0, "kSets must be a power of two");
  static_assert(kKeyWords * 8 < 255, "word lengths are kept in a byte");

 public:
  static constexpr size_t kMaxBytes = kKeyWords * 8;
  static bool fits(std::string_view word) { return word.size() <= kMaxBytes; }

  // compute(word) for a word that fits, from the memo when it holds the word.
  // The reference is valid until the next call.
  template <typename Compute>
  const Value& get(std::string_view word, Compute compute) {
    uint64_t key[kKeyWords] = {};
    std::memcpy(key, word.data(), word.size());
    // A multiply carries bits upwards only, so the set index is taken from
    // the top bits, which every byte of the word reaches.
    uint64_t h = word.size();
    for (uint64_t k : key) h = (h ^ k) * 0x9E3779B97F4A7C15ull;
    size_t set = 0;
    if constexpr (kSets > 1) set = static_cast<size_t>(h >> (64 - std::countr_zero(kSets))) * 2;
    for (size_t w = 0; w < 2; ++w) {
      const Slot& slot = slots_[set + w];
      if (slot.len == word.size() && same_key(slot.key, key)) {
        older_[set / 2] = static_cast<uint8_t>(1 - w);
        return slot.value;
      }
    }
    const size_t w = older_[set / 2];
    older_[set / 2] = static_cast<uint8_t>(1 - w);
    Slot& slot = slots_[set + w];
    slot.value = compute(word);
    std::memcpy(slot.key, key, sizeof key);
    slot.len = static_cast<uint8_t>(word.size());
    return slot.value;
  }

 private:
  static constexpr uint8_t kEmpty = 255;
  struct Slot {
    uint64_t key[kKeyWords] = {};
    uint8_t len = kEmpty;
    Value value{};
  };
  static bool same_key(const uint64_t* a, const uint64_t* b) {
    uint64_t diff = 0;
    for (size_t k = 0; k < kKeyWords; ++k) diff |= a[k] ^ b[k];
    return diff == 0;
  }
  std::vector<Slot> slots_ = std::vector<Slot>(kSets * 2);
  std::vector<uint8_t> older_ = std::vector<uint8_t>(kSets);  // the slot a miss replaces
};

}  // namespace dipmine::text

// Internal to the text module: a bounded memo of a pure function of one
// word's bytes, for the steps that look every word up in data (English stems,
// the Persian visual-order repair). Text repeats its words (a few thousand
// forms make most of any paper), so most words are answered here for the
// price of a hash, and the answer is the same with or without the memo.
//
//   thread_local WordCache<Stem, 4, 2048> cache;   // words up to 32 bytes, 2048 sets of 4
//   if (WordCache<Stem, 4, 2048>::fits(word)) {
//     const Stem& s = cache.get(word, [](std::string_view w) { return stem_of(w); });
//   }
//
// Not thread-safe: keep one per thread. A word is kept zero-padded to
// kKeyWords * 8 bytes, so hashing and comparing it are kKeyWords 8-byte steps.
// kWays slots per hash, the least recently used giving way: with fewer, the
// few words that share a set evict each other on every use, and each miss of
// the stem memo costs a Snowball call (a microsecond, as much as a hundred hits).
// The lengths, hash tags and uses of a set's words are kept apart from the
// keys and values, so a lookup reads one small record and then only the slot
// that matches: the memos are larger than a core's cache.
#pragma once
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <sys/mman.h>

#include <cstring>
#include <new>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dipmine::text {

template <typename Value, size_t kKeyWords, size_t kSets, size_t kWays = 4>
class WordCache {
  static_assert(kSets > 0 && (kSets & (kSets - 1)) == 0, "kSets must be a power of two");
  static_assert(kKeyWords * 8 < 255, "word lengths are kept in a byte");

 public:
  static constexpr size_t kMaxBytes = kKeyWords * 8;
  static bool fits(std::string_view word) { return word.size() <= kMaxBytes; }

  // compute(word) for a word that fits, from the memo when it holds the word.
  // The reference is valid until the next call. `readable_after`: how many
  // bytes after the word may be read (it is part of a longer text); when the
  // word and those bytes make kMaxBytes, the key is read in whole loads and
  // masked, without the branches of a copy of variable length.
  template <typename Compute>
  const Value& get(std::string_view word, Compute compute, size_t readable_after = 0) {
    uint64_t key[kKeyWords];  // every word of it written below
    if (std::endian::native == std::endian::little && word.size() + readable_after >= kMaxBytes) {
      load_masked(word, key);
    } else {
      std::fill(key, key + kKeyWords, 0);
      std::memcpy(key, word.data(), word.size());
    }
    // A multiply carries bits upwards only, so the set index is taken from
    // the top bits, which every byte of the word reaches.
    uint64_t h = word.size();
    for (uint64_t k : key) h = (h ^ k) * 0x9E3779B97F4A7C15ull;
    size_t set = 0;
    if constexpr (kSets > 1) set = static_cast<size_t>(h >> (64 - std::countr_zero(kSets)));
    const auto tag = static_cast<uint8_t>(h >> 32);  // bits below the set index's
    SetTags& tags = tags_[set];
    Slot* const ways = &slots_[set * kWays];
    const uint32_t now = ++clock_;
    for (size_t w = 0; w < kWays; ++w) {
      if (tags.len1[w] == word.size() + 1 && tags.tag[w] == tag && same_key(ways[w].key, key)) {
        tags.used[w] = now;
        return ways[w].value;
      }
    }
    size_t victim = 0;
    for (size_t w = 1; w < kWays; ++w) {
      if (tags.used[w] < tags.used[victim]) victim = w;
    }
    Slot& slot = ways[victim];
    slot.value = compute(word);
    std::memcpy(slot.key, key, sizeof key);
    tags.len1[victim] = static_cast<uint8_t>(word.size() + 1);
    tags.tag[victim] = tag;
    tags.used[victim] = now;
    return slot.value;
  }

 private:
  // For each word length, the masks that keep a key's bytes inside the word
  // (on a little-endian machine, byte b of a key word is bits 8b..8b+7).
  static constexpr auto kKeptBytes = [] {
    std::array<std::array<uint64_t, kKeyWords>, kMaxBytes + 1> masks{};
    for (size_t len = 0; len <= kMaxBytes; ++len) {
      for (size_t b = 0; b < len; ++b) masks[len][b / 8] |= uint64_t{0xFF} << (8 * (b % 8));
    }
    return masks;
  }();
  // What a lookup reads of its set before any key: the words' lengths, eight
  // bits of their hashes and their last uses, in one small record (the slots
  // of a set span several cache lines; the records of all sets fit a cache).
  // All zero is the empty record, so zeroed memory holds empty sets.
  struct SetTags {
    uint8_t len1[kWays];  // the word's length + 1; 0: a free slot
    uint8_t tag[kWays];
    uint32_t used[kWays];  // clock_ at the last use (0: never)
  };
  // Read only once its set's record says it was written.
  struct Slot {
    uint64_t key[kKeyWords];
    Value value;
  };
  // (A trivial copy constructor and destructor make an implicit-lifetime
  // type: its objects come to exist in the zeroed pages below.)
  static_assert(std::is_trivially_copy_constructible_v<Value> && std::is_trivially_destructible_v<Value>,
                "the memo lives in zeroed pages");
  // The records and slots (several hundred KB) are fresh anonymous pages,
  // which the kernel gives zeroed and maps only when first written: a search
  // that folds three words touches a few pages instead of all (constructing
  // every slot was a third of a query's page faults).
  struct Pages {
    void* base = nullptr;
    size_t bytes = 0;
    Pages() : bytes(kSlotsAt + sizeof(Slot) * kSets * kWays) {
      base = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (base == MAP_FAILED) throw std::bad_alloc();
    }
    ~Pages() { munmap(base, bytes); }
    Pages(const Pages&) = delete;
    Pages& operator=(const Pages&) = delete;
  };
  // The key of `word` (whose kMaxBytes bytes may be read): whole loads, the
  // bytes past the word masked off (sixteen bytes at a time with SSE2).
  static void load_masked(std::string_view word, uint64_t (&key)[kKeyWords]) {
    const std::array<uint64_t, kKeyWords>& keep = kKeptBytes[word.size()];
#if defined(__SSE2__)
    if constexpr (kKeyWords % 2 == 0) {
      for (size_t k = 0; k < kKeyWords; k += 2) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(word.data() + 8 * k));
        const __m128i mask = _mm_loadu_si128(reinterpret_cast<const __m128i*>(keep.data() + k));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(key + k), _mm_and_si128(bytes, mask));
      }
      return;
    }
#endif
    std::memcpy(key, word.data(), kMaxBytes);
    for (size_t k = 0; k < kKeyWords; ++k) key[k] &= keep[k];
  }
  static bool same_key(const uint64_t* a, const uint64_t* b) {
#if defined(__SSE2__)
    if constexpr (kKeyWords % 2 == 0) {
      __m128i same = _mm_set1_epi8(-1);
      for (size_t k = 0; k < kKeyWords; k += 2) {
        same = _mm_and_si128(same, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + k)),
                                                  _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + k))));
      }
      return _mm_movemask_epi8(same) == 0xFFFF;
    }
#endif
    uint64_t diff = 0;
    for (size_t k = 0; k < kKeyWords; ++k) diff |= a[k] ^ b[k];
    return diff == 0;
  }
  // The slots start on a cache line after the records (a record is not a
  // multiple of a slot's alignment for every kWays).
  static constexpr size_t kSlotsAt = (sizeof(SetTags) * kSets + 63) / 64 * 64;
  static_assert(alignof(Slot) <= 64);
  Pages pages_;
  SetTags* tags_ = static_cast<SetTags*>(pages_.base);
  Slot* slots_ = reinterpret_cast<Slot*>(static_cast<char*>(pages_.base) + kSlotsAt);
  uint32_t clock_ = 0;  // counts lookups (wrapping only makes the eviction order approximate)
};

}  // namespace dipmine::text

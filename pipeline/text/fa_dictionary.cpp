// fa_is_word and the compound questions: the shipped vocabulary, then the
// compiled-in dictionary (sorted keys and compound splits, one a line;
// fa_dictionary_data.cpp), searched by halves in the compiled-in text (no
// table built at start-up) until a process has asked enough words for a hash
// table of the keys to pay for itself (ingest, not a search); the compounds'
// tables are made at the first question about compounds. Asked only of word
// forms the memo has not seen and of the few words a rule would make.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/lines.h"
#include "text/fa_vocabulary.h"
#include "text/utf8.h"

namespace dipmine::text {
namespace detail {
extern const char kFaDictionaryKeys[];       // fa_dictionary_data.cpp (generated)
extern const char kFaDictionaryCompounds[];  // "first|second", one a line
}

namespace {

std::vector<std::string_view> lines_of(std::string_view all) {
  std::vector<std::string_view> out;
  LineReader reader(all);
  for (std::string_view line; reader.next(line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Whether `key` is a line of `lines` ("a\nb\n...": lines sorted by bytes,
// distinct), by halves over the text itself: the 34,000 keys need no table
// built at start-up (building one took about 20 million instructions, more
// than a whole search).
bool sorted_lines_contain(std::string_view lines, std::string_view key) {
  size_t lo = 0, hi = lines.size();  // both at a line start (or the end)
  while (lo < hi) {
    size_t start = lo + (hi - lo) / 2;
    while (start > lo && lines[start - 1] != '\n') --start;
    size_t end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    const int cmp = lines.substr(start, end - start).compare(key);
    if (cmp == 0) return true;
    if (cmp < 0) {
      lo = end + 1;
    } else {
      hi = start;
    }
  }
  return false;
}

// The keys by fa_key_hash in an open-addressing table of key indexes + 1
// (0 = empty): one hash and a compare or two, where a search by halves
// compares fifteen keys. Built only once many words were asked (below).
struct KeyTable {
  std::vector<std::string_view> keys = lines_of(detail::kFaDictionaryKeys);
  std::vector<uint32_t> slots;
  uint64_t mask = 0;
  static uint64_t slot_of(uint64_t h) { return h ^ (h >> 29); }
  KeyTable() {
    size_t cap = 16;
    while (cap < keys.size() * 2) cap <<= 1;
    slots.assign(cap, 0);
    mask = cap - 1;
    for (size_t i = 0; i < keys.size(); ++i) {
      uint64_t k = slot_of(fa_key_hash(keys[i])) & mask;
      while (slots[k] != 0) k = (k + 1) & mask;
      slots[k] = static_cast<uint32_t>(i + 1);
    }
  }
  bool contains(std::string_view key) const {
    for (uint64_t k = slot_of(fa_key_hash(key)) & mask; slots[k] != 0; k = (k + 1) & mask) {
      if (keys[slots[k] - 1] == key) return true;
    }
    return false;
  }
};

// A search asks a handful of words: by halves, no table. Ingest asks
// thousands (each new word form once, the memo keeps the rest): after
// kAskedBeforeTable questions the table is built and used.
constexpr uint32_t kAskedBeforeTable = 8192;

bool is_dictionary_key(std::string_view key) {
  static std::atomic<uint32_t> asked{0};
  if (asked.load(std::memory_order_relaxed) < kAskedBeforeTable) {
    asked.fetch_add(1, std::memory_order_relaxed);
    return sorted_lines_contain(detail::kFaDictionaryKeys, key);
  }
  static const KeyTable table;
  return table.contains(key);
}

// fa_key_hash of each compound head and each tail (| 1; 0 = empty), made at
// the first question about them: asked once per new word form, one probe
// where a search by halves compared fourteen keys.
struct CompoundParts {
  std::vector<uint64_t> heads, tails;
  static uint64_t slot_of(uint64_t h) { return h ^ (h >> 29); }
  static std::vector<uint64_t> hash_set(const std::vector<std::string_view>& parts) {
    size_t cap = 16;
    while (cap < parts.size() * 3) cap <<= 1;
    std::vector<uint64_t> set(cap, 0);
    for (std::string_view p : parts) {
      const uint64_t h = fa_key_hash(p) | 1;
      uint64_t k = slot_of(h) & (cap - 1);
      while (set[k] != 0 && set[k] != h) k = (k + 1) & (cap - 1);
      set[k] = h;
    }
    return set;
  }
  static bool in_set(const std::vector<uint64_t>& set, std::string_view key) {
    const uint64_t h = fa_key_hash(key) | 1;
    for (uint64_t k = slot_of(h) & (set.size() - 1); set[k] != 0; k = (k + 1) & (set.size() - 1)) {
      if (set[k] == h) return true;
    }
    return false;
  }
  CompoundParts() {
    std::vector<std::string_view> h, t;
    for (std::string_view c : lines_of(detail::kFaDictionaryCompounds)) {
      const size_t bar = c.find('|');
      h.push_back(c.substr(0, bar));
      t.push_back(c.substr(bar + 1));
    }
    heads = hash_set(h);
    tails = hash_set(t);
  }
};

const CompoundParts& compound_parts() {
  static const CompoundParts parts;
  return parts;
}

// fa_compound_hash of each compound, in an open-addressing set (0 = empty):
// asked for many pairs of words, so one probe or two, not a search. Made at
// the first pair asked about.
struct CompoundHashes {
  std::vector<uint64_t> pair_hashes;
  uint64_t pair_mask = 0;
  // One bit per compound hash (2^17 bits, 16 KB: stays in the first-level
  // cache), asked first: most pairs of words stop here.
  std::vector<uint64_t> pair_bits = std::vector<uint64_t>(2048, 0);
  static uint64_t bit_of(uint64_t h) { return (h >> 40) & 0x1FFFF; }
  static uint64_t slot_of(uint64_t h) { return h ^ (h >> 29); }
  CompoundHashes() {
    const std::vector<std::string_view> compounds = lines_of(detail::kFaDictionaryCompounds);
    size_t cap = 16;
    while (cap < compounds.size() * 3) cap <<= 1;
    pair_hashes.assign(cap, 0);
    pair_mask = cap - 1;
    for (std::string_view c : compounds) {
      const size_t bar = c.find('|');
      const uint64_t h = fa_compound_hash(fa_key_hash(c.substr(0, bar)), fa_key_hash(c.substr(bar + 1))) | 1;
      uint64_t k = slot_of(h) & pair_mask;
      while (pair_hashes[k] != 0 && pair_hashes[k] != h) k = (k + 1) & pair_mask;
      pair_hashes[k] = h;
      pair_bits[bit_of(h) >> 6] |= uint64_t{1} << (bit_of(h) & 63);
    }
  }
};

const CompoundHashes& compound_hashes() {
  static const CompoundHashes d;
  return d;
}

}  // namespace

bool fa_is_word(std::string_view key) {
  if (key.empty()) return false;
  return fa_word_count(key) > 0 || is_dictionary_key(key);
}

bool fa_compound_head(std::string_view key) {
  return !key.empty() && CompoundParts::in_set(compound_parts().heads, key);
}
bool fa_compound_tail(std::string_view key) {
  return !key.empty() && CompoundParts::in_set(compound_parts().tails, key);
}

bool fa_may_be_compound(uint64_t pair_hash) {
  const CompoundHashes& d = compound_hashes();
  pair_hash |= 1;
  if (!((d.pair_bits[CompoundHashes::bit_of(pair_hash) >> 6] >> (CompoundHashes::bit_of(pair_hash) & 63)) & 1)) {
    return false;
  }
  for (uint64_t k = CompoundHashes::slot_of(pair_hash) & d.pair_mask; d.pair_hashes[k] != 0; k = (k + 1) & d.pair_mask) {
    if (d.pair_hashes[k] == pair_hash) return true;
  }
  return false;
}

bool fa_is_compound(std::string_view first, std::string_view second) {
  return fa_may_be_compound(fa_compound_hash(fa_key_hash(first), fa_key_hash(second)));
}

size_t fa_compound_split(std::string_view key) {
  // The head's hash grows a letter at a time; the tail's is taken whole.
  uint64_t head = kFaKeyHashStart;
  size_t letters = 0;
  for (size_t i = 0; i < key.size();) {
    size_t len;
    decode_utf8(key, i, len);
    for (const size_t end = i + len; i < end; ++i) head = fa_key_hash_step(head, static_cast<unsigned char>(key[i]));
    if (++letters < 2) continue;
    const std::string_view tail = key.substr(i);
    if (tail.size() < 4) break;  // a tail of two Persian letters is four bytes
    if (fa_may_be_compound(fa_compound_hash(head, fa_key_hash(tail)))) return i;
  }
  return 0;
}

}  // namespace dipmine::text

// fa_is_word and the compound questions: the compiled-in dictionary (sorted
// keys and compound splits, one a line; fa_dictionary_data.cpp), its keys
// found by hash, compound parts searched by halves, then the shipped
// vocabulary. Asked only of word forms the memo has not seen and of the few
// words a rule would make.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  for (size_t pos = 0; pos < all.size();) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    if (nl > pos) out.push_back(all.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

struct Dictionary {
  std::vector<std::string_view> keys;       // sorted by bytes (as generated)
  std::vector<std::string_view> compounds;  // "first|second", sorted
  std::vector<std::string_view> heads, tails;  // their parts, sorted, distinct
  // fa_compound_hash of each, in an open-addressing set (0 = empty): asked
  // for many pairs of words, so one probe or two, not a search.
  std::vector<uint64_t> pair_hashes;
  uint64_t pair_mask = 0;
  // One bit per compound hash (2^17 bits, 16 KB: stays in the first-level
  // cache), asked first: most pairs of words stop here.
  std::vector<uint64_t> pair_bits = std::vector<uint64_t>(2048, 0);
  // The keys by fa_key_hash in an open-addressing table of key indexes + 1
  // (0 = empty): a word's question is one hash and a compare or two, where a
  // search by halves compared fifteen keys.
  std::vector<uint32_t> key_slots;
  uint64_t key_mask = 0;
  // fa_key_hash of each head and each tail (| 1; 0 = empty), asked once per
  // new word form: one probe where a search by halves compared fourteen keys.
  std::vector<uint64_t> head_hashes, tail_hashes;
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
  static uint64_t bit_of(uint64_t h) { return (h >> 40) & 0x1FFFF; }
  static uint64_t slot_of(uint64_t h) { return h ^ (h >> 29); }
  Dictionary() : keys(lines_of(detail::kFaDictionaryKeys)), compounds(lines_of(detail::kFaDictionaryCompounds)) {
    for (std::string_view c : compounds) {
      const size_t bar = c.find('|');
      heads.push_back(c.substr(0, bar));
      tails.push_back(c.substr(bar + 1));
    }
    size_t cap = 16;
    while (cap < compounds.size() * 3) cap <<= 1;
    pair_hashes.assign(cap, 0);
    pair_mask = cap - 1;
    for (size_t i = 0; i < compounds.size(); ++i) {
      const uint64_t h = fa_compound_hash(fa_key_hash(heads[i]), fa_key_hash(tails[i])) | 1;
      uint64_t k = slot_of(h) & pair_mask;
      while (pair_hashes[k] != 0 && pair_hashes[k] != h) k = (k + 1) & pair_mask;
      pair_hashes[k] = h;
      pair_bits[bit_of(h) >> 6] |= uint64_t{1} << (bit_of(h) & 63);
    }
    size_t key_cap = 16;
    while (key_cap < keys.size() * 2) key_cap <<= 1;
    key_slots.assign(key_cap, 0);
    key_mask = key_cap - 1;
    for (size_t i = 0; i < keys.size(); ++i) {
      uint64_t k = slot_of(fa_key_hash(keys[i])) & key_mask;
      while (key_slots[k] != 0) k = (k + 1) & key_mask;
      key_slots[k] = static_cast<uint32_t>(i + 1);
    }
    for (auto* v : {&heads, &tails}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    head_hashes = hash_set(heads);
    tail_hashes = hash_set(tails);
  }
};

const Dictionary& dictionary() {
  static const Dictionary d;
  return d;
}

bool is_dictionary_key(std::string_view key) {
  const Dictionary& d = dictionary();
  for (uint64_t k = Dictionary::slot_of(fa_key_hash(key)) & d.key_mask; d.key_slots[k] != 0; k = (k + 1) & d.key_mask) {
    if (d.keys[d.key_slots[k] - 1] == key) return true;
  }
  return false;
}

}  // namespace

bool fa_is_word(std::string_view key) {
  if (key.empty()) return false;
  return is_dictionary_key(key) || fa_word_count(key) > 0;
}

bool fa_compound_head(std::string_view key) { return !key.empty() && Dictionary::in_set(dictionary().head_hashes, key); }
bool fa_compound_tail(std::string_view key) { return !key.empty() && Dictionary::in_set(dictionary().tail_hashes, key); }

bool fa_may_be_compound(uint64_t pair_hash) {
  const Dictionary& d = dictionary();
  pair_hash |= 1;
  if (!((d.pair_bits[Dictionary::bit_of(pair_hash) >> 6] >> (Dictionary::bit_of(pair_hash) & 63)) & 1)) return false;
  for (uint64_t k = Dictionary::slot_of(pair_hash) & d.pair_mask; d.pair_hashes[k] != 0; k = (k + 1) & d.pair_mask) {
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

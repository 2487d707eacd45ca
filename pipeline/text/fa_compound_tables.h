// Internal to the text module: the hash tables of the Persian dictionary's
// compounds (fa_dictionary.cpp asks them: fa_compound_head/tail,
// fa_may_be_compound). Built at build time by gen/fa_compounds_gen.cpp from
// detail::kFaDictionaryCompounds ("first|second", a line each) and read from
// the arrays it writes, so no process hashes the 11,465 compounds at start
// (4 M instructions, a fifth of a Persian search).
//
//   HashTable64::contains(detail::kFaCompoundHeads, fa_key_hash(key))
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "common/hash_table64.h"
#include "common/lines.h"
#include "text/fa_vocabulary.h"

namespace dipmine::text::detail {

// fa_key_hash of each head and each tail, fa_compound_hash of each compound,
// and one bit per compound hash in 2^17 bits (16 KB: stays in the first-level
// cache; asked first, most pairs of words stop there).
extern const std::span<const uint64_t> kFaCompoundHeads, kFaCompoundTails, kFaCompoundPairs;
extern const std::span<const uint64_t> kFaCompoundPairBits;
inline uint64_t compound_pair_bit(uint64_t pair) { return ((pair | 1) >> 40) & 0x1FFFF; }

// The tables as the generator builds them from the compounds' lines.
struct CompoundTables {
  HashTable64 heads, tails, pairs;
  std::vector<uint64_t> pair_bits = std::vector<uint64_t>(2048, 0);

  explicit CompoundTables(std::string_view lines) {
    LineReader reader(lines);
    for (std::string_view c; reader.next(c);) {
      if (c.empty()) continue;
      const size_t bar = c.find('|');
      const uint64_t head = fa_key_hash(c.substr(0, bar)), tail = fa_key_hash(c.substr(bar + 1));
      heads.insert(head);
      tails.insert(tail);
      const uint64_t pair = fa_compound_hash(head, tail) | 1;
      pairs.insert(pair);
      pair_bits[compound_pair_bit(pair) >> 6] |= uint64_t{1} << (compound_pair_bit(pair) & 63);
    }
  }
};

}  // namespace dipmine::text::detail

// Unicode properties the normalisation steps ask for every code point, looked
// up in a table: built into the program for the Basic Multilingual Plane,
// filled from ICU on first use, 256 code points at a time, for the others.
// Internal to the text module: a table lookup instead of several ICU property
// calls per character is most of what makes the steps fast on plain text.
//
//   if (char_flags(cp) & kIgnorable) ...      // default-ignorable: fold drops it
//
// Thread-safe: a block is filled under a lock and published with release/acquire.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace dipmine::text {

enum CharFlag : uint8_t {
  kIgnorable = 1,        // Default_Ignorable_Code_Point
  kNfkcKeeps = 2,        // NFKC_Quick_Check == Yes: NFKC leaves it alone on its own
  kNfkcCfKeeps = 4,      // not Changes_When_NFKC_Casefolded
  kNfkcBoundary = 8,     // NFKC has a normalisation boundary before it
  kNfkcCfBoundary = 16,  // NFKC_Casefold has a normalisation boundary before it
  kAlnum = 32,           // u_isalnum: a letter or digit
};

namespace detail {
// Flags of U+0000..U+FFFF, computed at build time (gen/char_flags_gen.cpp).
extern const uint8_t kCharFlagsBmp[0x10000];
// Flags of the other planes, filled 256 code points at a time on first use
// (building all of them would cost ICU ~50M instructions at every start).
inline constexpr size_t kCharBlocks = 0x110000 >> 8;
extern uint8_t g_char_flags[0x110000];
extern std::atomic<bool> g_char_block_ready[kCharBlocks];
void build_char_block(size_t block);
}  // namespace detail

inline uint8_t char_flags(char32_t c) {
  if (c < 0x10000) return detail::kCharFlagsBmp[c];
  if (c > 0x10FFFF) return detail::kCharFlagsBmp[0xFFFD];
  if (!detail::g_char_block_ready[c >> 8].load(std::memory_order_acquire)) {
    detail::build_char_block(c >> 8);
  }
  return detail::g_char_flags[c];
}

// The NFKC (casefold: NFKC_Casefold) form of code point `c` on its own, as
// UTF-8; cached per block of 256 code points, so an ICU call happens once per
// code point and process. The reference stays valid for the process lifetime.
const std::string& normalized_alone(char32_t c, bool casefold);

}  // namespace dipmine::text

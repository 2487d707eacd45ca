// Internal to the chunk pass (nfkc_pass.h): what normalisation and a fused
// per-code-point step do to each two-byte character, tabled once per pass
// kind, and the sixteen-byte skip over blocks of characters they leave alone.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "text/char_table.h"

namespace dipmine::text::detail {

// For the two-byte code points U+0080..U+07FF (Arabic script, Latin accents):
// bit 1: normalisation and `post` leave it alone as a chunk of its own;
// bit 2: it has a normalisation boundary before it (starts a chunk).
// Indexed by ((lead & 3F) << 6) | (continuation & 3F) for any lead byte: the
// code point for a two-byte character, 0x800 and above (all 0) for a longer
// one, so the scan needs no test of which kind of lead it has.
// common_from/common_span: the ranges of U+0600..U+06FF (offsets from U+0600,
// each byte of a row the same) with both bits that hold the most letters of
// the Persian alphabet, for a sixteen-byte test (unused rows repeat the first).
struct TwoByteTable {
  static constexpr size_t kCommonRanges = 6;
  bool casefold = false;
  std::array<uint8_t, 0x1000> bits{};
  bool has_common = false;
  alignas(16) uint8_t common_from[kCommonRanges][16] = {};
  alignas(16) uint8_t common_span[kCommonRanges][16] = {};
  void find_common_ranges();  // from bits
};
inline constexpr uint8_t kUnchanged = 1, kStartsChunk = 2;

template <typename Post>
TwoByteTable make_two_byte_table(bool casefold, Post post) {
  TwoByteTable t;
  t.casefold = casefold;
  const uint8_t keeps = casefold ? kNfkcCfKeeps : kNfkcKeeps;
  const uint8_t boundary = casefold ? kNfkcCfBoundary : kNfkcBoundary;
  for (char32_t c = 0x80; c < 0x800; ++c) {
    const uint8_t f = char_flags(c);
    if (f & boundary) t.bits[c] |= kStartsChunk;
    if ((f & keeps) && (f & boundary) && post(c) == c) t.bits[c] |= kUnchanged;
  }
  t.find_common_ranges();
  return t;
}

// From i (a character boundary of valid UTF-8) on, skips sixteen-byte blocks
// made only of ASCII and characters of the common ranges, each followed by a
// character that starts a chunk: the chunk pass leaves all of them as they
// are, but for the ASCII letters, lower-cased in place when t.casefold.
// Returns where it stopped (i itself when the first block does not qualify).
// Without SSE2 it skips nothing.
size_t skip_common_blocks(std::string& text, size_t i, const TwoByteTable& t);

}  // namespace dipmine::text::detail

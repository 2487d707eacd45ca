// Small UTF-8 helpers shared by the text module: decode one code point with
// explicit handling of invalid bytes, append one, and skip or lower-case runs
// of ASCII sixteen bytes at a time (eight without SSE2).
#pragma once
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::text {

// Decodes the code point at s[i]; sets `len` to the bytes consumed (>= 1).
// An invalid or truncated sequence yields U+FFFD with len == 1.
// Inline: every normalisation step calls it once per code point.
inline char32_t decode_utf8(std::string_view s, size_t i, size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  len = 1;
  if (b0 < 0x80) return b0;
  // Two-byte characters (Arabic script, Latin accents) decode without the
  // general checks: a lead C2..DF and one continuation byte is always valid.
  if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
    len = 2;
    return (static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
  }
  int need;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) { need = 1; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { need = 2; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { need = 3; cp = b0 & 0x07; min = 0x10000; }
  else return 0xFFFD;
  if (i + static_cast<size_t>(need) >= s.size()) return 0xFFFD;  // truncated
  for (int k = 1; k <= need; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  len = need + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp);

inline bool is_ascii_letter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool is_ascii_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// The first position at or after i holding a non-ASCII byte (or s.size()).
size_t ascii_run_end(std::string_view s, size_t i);

// Sets bit i % 64 of bits[i / 64] for every ASCII letter s[i], all others
// clear (bits is resized to whole 64-bit words): words are then found a word
// of bits at a time (see en::stem_words). With `glue`, the same for the bytes
// that glue a word to its neighbour: ASCII digits and bytes of non-ASCII
// characters.
void ascii_letter_bits(std::string_view s, std::vector<uint64_t>& bits,
                       std::vector<uint64_t>* glue = nullptr);

// The first position at or after i (up to n) whose bit in `bits` (bit i % 64
// of bits[i / 64], as ascii_letter_bits sets them) is `set`; n if there is none.
inline size_t next_bit(const std::vector<uint64_t>& bits, size_t i, size_t n, bool set) {
  if (i >= n) return n;
  size_t w = i / 64;
  uint64_t word = (set ? bits[w] : ~bits[w]) & (~uint64_t{0} << (i % 64));
  while (word == 0) {
    if (++w == bits.size()) return n;
    word = set ? bits[w] : ~bits[w];
  }
  const size_t at = w * 64 + static_cast<size_t>(std::countr_zero(word));
  return at < n ? at : n;
}

// A-Z → a-z in bytes [0, n) of p, which must all be ASCII.
void ascii_lower_in_place(char* p, size_t n);

// For a scan for a few two-byte code points: from i (a character boundary)
// on, skips sixteen-byte blocks made only of well-formed ASCII and two-byte
// characters none of which is in `wanted` (at most four code points in
// U+0080..U+07FF). Returns a character boundary: i itself when the first
// block does not qualify (it has a longer character, a wanted one or an
// invalid byte), for the caller to look at character by character. The bytes
// skipped are valid UTF-8, so a scan from 0 also bounds a valid prefix.
size_t skip_blocks_without(std::string_view s, size_t i, const std::u32string& wanted);

// The first position in [i, end) whose byte is one of `bytes` (at most four),
// or end: a memchr for several bytes, sixteen at a time.
size_t find_first_byte_of(std::string_view s, size_t i, size_t end, std::string_view bytes);

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace dipmine::text

// arabic_word_bits (arabic_chars.h): which bytes start and make up the words
// of Persian text, sixteen bytes at a time.
#include <cstring>

#include "text/arabic_chars.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dipmine::text::fa {
namespace {

// Bit k: p[k] leads an in_word U+06xx character, for k < 16 (p[0..16] are
// read: the continuation byte after the last lead too). The U+06xx code
// points that are not in_word, as continuation bytes (minus 0x80) after each
// lead: D8 00-0F 1B-1F (U+0600-060F, ؛ ... ؟), D9 20-2D (digits, ٪٫٬٭),
// DB 14 1D-1E 25-26 29 30-39 3D-3E (۔, ۝۞, ۥۦ, ۩, Persian digits, ۽۾); DA
// has none. The unit test compares the result with kInWordArabic for every
// pair of bytes.
#if defined(__SSE2__)
unsigned arabic_starts16(const char* p) {
  const __m128i lead = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i cont = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1)), _mm_set1_epi8(char(0x80)));
  auto is = [&](unsigned char b) { return _mm_cmpeq_epi8(lead, _mm_set1_epi8(static_cast<char>(b))); };
  // cont in [lo, hi], as unsigned bytes: cont - lo <= hi - lo.
  auto within = [&](char lo, char hi) {
    const __m128i d = _mm_sub_epi8(cont, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
  };
  const __m128i d8 = is(0xD8), d9 = is(0xD9), da = is(0xDA), db = is(0xDB);
  const __m128i not_d8 = _mm_or_si128(within(0x00, 0x0F), within(0x1B, 0x1F));
  const __m128i not_d9 = within(0x20, 0x2D);
  const __m128i not_db = _mm_or_si128(
      _mm_or_si128(_mm_or_si128(within(0x14, 0x14), within(0x1D, 0x1E)), _mm_or_si128(within(0x25, 0x26), within(0x29, 0x29))),
      _mm_or_si128(within(0x30, 0x39), within(0x3D, 0x3E)));
  const __m128i in_word = _mm_or_si128(
      _mm_or_si128(_mm_andnot_si128(not_d8, d8), _mm_andnot_si128(not_d9, d9)),
      _mm_or_si128(da, _mm_andnot_si128(not_db, db)));
  return static_cast<unsigned>(_mm_movemask_epi8(in_word));
}
#endif

void set_bit(std::vector<uint64_t>& bits, size_t i) { bits[i / 64] |= uint64_t{1} << (i % 64); }

}  // namespace

void arabic_word_bits(std::string_view s, std::vector<uint64_t>& starts, std::vector<uint64_t>& inside) {
  const size_t n = s.size();
  const size_t words = (n + 63) / 64;
  starts.assign(words, 0);
  inside.assign(words, 0);
  size_t i = 0;
#if defined(__SSE2__)
  // i is a multiple of 16, so the sixteen bits of a block sit in one word.
  for (; i + 17 <= n; i += 16) starts[i / 64] |= static_cast<uint64_t>(arabic_starts16(s.data() + i)) << (i % 64);
  if (i + 1 < n && n >= 17) {  // the rest: the last seventeen bytes, some seen already
    const size_t p = n - 17;
    const uint64_t m = arabic_starts16(s.data() + p);
    starts[p / 64] |= m << (p % 64);
    if (p % 64 > 48) starts[p / 64 + 1] |= m >> (64 - p % 64);
    i = n;
  }
#endif
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (; i + 1 < n; ++i) {  // a lead is never the last byte of valid UTF-8
    if (p[i] - 0xD8u <= 3 && kInWordArabic[((p[i] - 0xD8u) << 6) | (p[i + 1] & 0x3Fu)]) set_bit(starts, i);
  }
  // A character's two bytes: its lead and the byte after it.
  uint64_t carry = 0;
  for (size_t w = 0; w < words; ++w) {
    inside[w] = starts[w] | (starts[w] << 1) | carry;
    carry = starts[w] >> 63;
  }
  for (size_t z = s.find("\xE2\x80\x8C"); z != std::string_view::npos; z = s.find("\xE2\x80\x8C", z + 3)) {
    for (size_t k = z; k < z + 3; ++k) set_bit(inside, k);
  }
}

}  // namespace dipmine::text::fa

#include "text/two_byte_table.h"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dipmine::text::detail {

namespace {

// The letters of the Persian alphabet, and the comma: what a common range
// should hold (offsets from U+0600).
constexpr uint8_t kPersianLetters[] = {0x27, 0x28, 0x7E, 0x2A, 0x2B, 0x2C, 0x86, 0x2D, 0x2E,
                                       0x2F, 0x30, 0x31, 0x32, 0x98, 0x33, 0x34, 0x35, 0x36,
                                       0x37, 0x38, 0x39, 0x3A, 0x41, 0x42, 0xA9, 0xAF, 0x44,
                                       0x45, 0x46, 0x48, 0x47, 0xCC, 0x22, 0x0C};

}  // namespace

void TwoByteTable::find_common_ranges() {
  // Every maximal run of U+06xx code points with both bits, by the letters
  // they hold (most first).
  struct Run {
    unsigned from, to, letters;
  };
  std::array<Run, 128> runs{};
  size_t count = 0;
  auto stays = [&](unsigned c) { return bits[0x600 + c] == (kUnchanged | kStartsChunk); };
  for (unsigned c = 0; c < 0x100;) {
    if (!stays(c)) {
      ++c;
      continue;
    }
    unsigned e = c;
    while (e + 1 < 0x100 && stays(e + 1)) ++e;
    unsigned letters = 0;
    for (uint8_t l : kPersianLetters) letters += l >= c && l <= e;
    runs[count++] = {c, e, letters};
    c = e + 1;
  }
  std::stable_sort(runs.begin(), runs.begin() + count,
                   [](const Run& a, const Run& b) { return a.letters > b.letters; });
  has_common = count > 0 && runs[0].letters > 0;
  for (size_t k = 0; k < kCommonRanges && has_common; ++k) {
    const Run& r = k < count && runs[k].letters > 0 ? runs[k] : runs[0];
    for (size_t b = 0; b < 16; ++b) {
      common_from[k][b] = static_cast<uint8_t>(r.from);
      common_span[k][b] = static_cast<uint8_t>(r.to - r.from);
    }
  }
}

#if defined(__SSE2__)
namespace {

// All ones in the lanes whose unsigned byte is in [from, from + span].
__m128i in_range(__m128i v, __m128i from, __m128i span) {
  const __m128i d = _mm_sub_epi8(v, from);
  return _mm_cmpeq_epi8(_mm_min_epu8(d, span), d);
}

__m128i row(const uint8_t (&r)[16]) { return _mm_load_si128(reinterpret_cast<const __m128i*>(r)); }

// Bit k: byte k of block v (at p) is the lead of a character in the common
// ranges (p[16] is read for a lead last).
unsigned common_leads(__m128i v, const char* p, const TwoByteTable& t) {
  const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  // Lane k, for a lead D8..DB: the code point minus U+0600, (lead & 3) << 6 |
  // (continuation & 3F) (the 16-bit shift moves no bit across a byte).
  const __m128i offset = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(v, _mm_set1_epi8(3)), 6),
                                      _mm_and_si128(next, _mm_set1_epi8(0x3F)));
  __m128i common = in_range(offset, row(t.common_from[0]), row(t.common_span[0]));
  for (size_t k = 1; k < TwoByteTable::kCommonRanges; ++k) {
    common = _mm_or_si128(common, in_range(offset, row(t.common_from[k]), row(t.common_span[k])));
  }
  const __m128i lead = in_range(v, _mm_set1_epi8(static_cast<char>(0xD8)), _mm_set1_epi8(3));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(lead, common)));
}

// A-Z → a-z in block v, stored back at p.
void lower_ascii_block(__m128i v, char* p) {
  const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                      _mm_cmpgt_epi8(_mm_set1_epi8('Z' + 1), v));
  if (_mm_movemask_epi8(upper) == 0) return;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(p), _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
}

}  // namespace
#endif

size_t skip_common_blocks(std::string& text, size_t i, const TwoByteTable& t) {
#if defined(__SSE2__)
  const size_t n = text.size();
  char* d = text.data();  // d[n] == 0
  while (i + 17 <= n && t.has_common) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    const auto non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
    const unsigned leads = non_ascii == 0 ? 0 : common_leads(v, d + i, t);
    if ((non_ascii & ~(leads | (leads << 1)) & 0xFFFF) != 0) break;  // another character
    const size_t end = i + 16 + (leads >> 15);  // a lead last takes byte 16 with it
    // The last character is a chunk of its own only if the next one starts one.
    const auto b = static_cast<unsigned char>(d[end]);
    if (b >= 0x80 && !(t.bits[((b & 0x3F) << 6) | (static_cast<unsigned char>(d[end + 1]) & 0x3F)] & kStartsChunk)) {
      break;
    }
    if (t.casefold) lower_ascii_block(v, d + i);
    i = end;
  }
#endif
  return i;
}

}  // namespace dipmine::text::detail

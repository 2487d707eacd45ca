#include "text/utf8.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dipmine::text {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ull;
constexpr uint64_t kOnes = 0x0101010101010101ull;

}  // namespace

size_t ascii_run_end(std::string_view s, size_t i) {
  const size_t n = s.size();
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & kHighBits) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

size_t ascii_letter_run_end(std::string_view s, size_t i) {
  const size_t n = s.size();
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    // On the low seven bits of each byte (no carry between bytes), with the
    // case bit set: a letter is at least 'a' and not above 'z', and ASCII.
    const uint64_t low7 = (word | 0x20 * kOnes) & 0x7F * kOnes;
    const uint64_t at_least_a = low7 + (0x80 - 'a') * kOnes;
    const uint64_t above_z = low7 + (0x80 - 'z' - 1) * kOnes;
    const uint64_t not_letter = (~at_least_a | above_z | word) & kHighBits;
    if (not_letter != 0) {
      if constexpr (std::endian::native == std::endian::little) return i + std::countr_zero(not_letter) / 8;
      break;
    }
    i += 8;
  }
  while (i < n && static_cast<unsigned char>((s[i] | 0x20) - 'a') < 26) ++i;
  return i;
}

void ascii_lower_in_place(char* p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    // Every byte is below 0x80, so adding up to 0x3F never carries into the
    // next byte: the high bit of a byte then says "at least 'A'" and "above 'Z'".
    const uint64_t at_least_a = word + (0x80 - 'A') * kOnes;
    const uint64_t above_z = word + (0x80 - 'Z' - 1) * kOnes;
    const uint64_t upper = at_least_a & ~above_z & kHighBits;
    if (upper == 0) continue;
    word |= upper >> 2;  // 0x80 >> 2 == 0x20, the case bit
    std::memcpy(p + i, &word, 8);
  }
  for (; i < n; ++i) {
    if (static_cast<unsigned char>(p[i] - 'A') < 26) p[i] = static_cast<char>(p[i] + 32);
  }
}

namespace {

// How far from i (a character boundary) the bytes are ASCII and well-formed
// two-byte characters, checked sixteen bytes at a time: the returned position
// is a character boundary, i itself when the first block holds anything else
// (a longer character or an error, for the byte-by-byte path to judge).
size_t skip_ascii_and_two_byte(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i lead_base = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i lead_span = _mm_set1_epi8(0xDF - 0xC2);
  const __m128i top_two = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i cont_bits = _mm_set1_epi8(static_cast<char>(0x80));
  while (i + 16 <= s.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (high == 0) {  // all ASCII
      i += 16;
      continue;
    }
    const unsigned ascii = ~high & 0xFFFF;
    const __m128i from_base = _mm_sub_epi8(v, lead_base);  // C2..DF → 0..1D
    const unsigned lead = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(from_base, lead_span), from_base)));
    const unsigned cont = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, top_two), cont_bits)));
    // Every byte one of the three kinds, and a continuation exactly after each lead.
    if ((ascii | lead | cont) != 0xFFFF || cont != ((lead << 1) & 0xFFFF)) break;
    i += (lead & 0x8000) ? 15 : 16;  // a lead last: its character starts the next block
  }
#endif
  return i;
}

}  // namespace

size_t skip_blocks_without(std::string_view s, size_t i, const std::u32string& wanted) {
#if defined(__SSE2__)
  if (wanted.size() > 4) return i;
  __m128i lead[4], cont[4];
  for (size_t k = 0; k < wanted.size(); ++k) {
    lead[k] = _mm_set1_epi8(static_cast<char>(0xC0 | (wanted[k] >> 6)));
    cont[k] = _mm_set1_epi8(static_cast<char>(0x80 | (wanted[k] & 0x3F)));
  }
  const __m128i three_byte_lead = _mm_set1_epi8(static_cast<char>(0xE0));
  while (i + 16 <= s.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Bytes E0..FF (leads of longer characters): E0 <= b exactly when max(b, E0) == b.
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, three_byte_lead), v)) != 0) break;
    unsigned found = 0;
    for (size_t k = 0; k < wanted.size(); ++k) {
      const auto l = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lead[k])));
      const auto c = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, cont[k])));
      found |= l & (c >> 1);  // the lead, then its continuation byte
    }
    if (found != 0) break;
    // A lead byte last: its character is looked at with the next block.
    const bool lead_last = (static_cast<unsigned char>(s[i + 15]) & 0xC0) == 0xC0;
    i += lead_last ? 15 : 16;
  }
#endif
  return i;
}

size_t find_first_byte_of(std::string_view s, size_t i, size_t end, std::string_view bytes) {
  end = std::min(end, s.size());
#if defined(__SSE2__)
  if (bytes.size() <= 4) {
    __m128i wanted[4];
    for (size_t k = 0; k < bytes.size(); ++k) wanted[k] = _mm_set1_epi8(bytes[k]);
    for (; i + 16 <= end; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      __m128i hit = _mm_setzero_si128();
      for (size_t k = 0; k < bytes.size(); ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, wanted[k]));
      if (_mm_movemask_epi8(hit) != 0) break;  // found in this block: located below
    }
  }
#endif
  for (; i < end; ++i) {
    if (bytes.find(s[i]) != std::string_view::npos) return i;
  }
  return end;
}

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  size_t next_block = 0;  // where to try the sixteen-byte path again
  while (i < n) {
    if (i >= next_block) {
      const size_t k = skip_ascii_and_two_byte(s, i);
      if (k != i) {
        i = k;
        continue;
      }
      next_block = i + 16;  // this block goes byte by byte
    }
    // Fast paths: ASCII and two-byte characters, the bulk of en and fa text.
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      while (i + 8 <= n) {  // eight ASCII bytes at a time
        uint64_t word;
        std::memcpy(&word, s.data() + i, 8);
        if (word & kHighBits) break;
        i += 8;
      }
      continue;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    size_t len;
    const char32_t cp = decode_utf8(s, i, len);
    if (cp == 0xFFFD && len == 1) {
      // A literal U+FFFD is three bytes; a one-byte result is an error.
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace dipmine::text

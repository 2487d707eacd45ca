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

#if defined(__SSE2__)
namespace {

// The sixteen bytes at p, as a vector.
__m128i load16(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

// The high bits of the bytes [i, n) of s for n - 16 <= i < n, in bits 0..:
// the last sixteen bytes read at once (s holds at least sixteen).
unsigned tail_high_bits(std::string_view s, size_t i) {
  const size_t n = s.size();
  return static_cast<unsigned>(_mm_movemask_epi8(load16(s.data() + n - 16))) >> (i - (n - 16));
}

}  // namespace
#endif

size_t ascii_run_end(std::string_view s, size_t i) {
  const size_t n = s.size();
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const auto high = static_cast<unsigned>(_mm_movemask_epi8(load16(s.data() + i)));
    if (high != 0) return i + std::countr_zero(high);
  }
  if (i < n && n >= 16) {
    const unsigned high = tail_high_bits(s, i);
    return high != 0 ? i + std::countr_zero(high) : n;
  }
#endif
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & kHighBits) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

void ascii_letter_bits(std::string_view s, std::vector<uint64_t>& bits, std::vector<uint64_t>* glue) {
  bits.assign((s.size() + 63) / 64, 0);
  if (glue != nullptr) glue->assign(bits.size(), 0);
  auto set_bits = [](std::vector<uint64_t>& v, size_t p, uint64_t m) {  // bits m of bytes p..p+15
    v[p / 64] |= m << (p % 64);
    if (p % 64 > 48) v[p / 64 + 1] |= m >> (64 - p % 64);
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Signed bytes: with the case bit set, a letter is 'a'..'z', and a byte of
  // 0x80 and above is negative, below 'a'.
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i before_a = _mm_set1_epi8('a' - 1), after_z = _mm_set1_epi8('z' + 1);
  const __m128i before_0 = _mm_set1_epi8('0' - 1), after_9 = _mm_set1_epi8('9' + 1);
  auto block = [&](size_t p) {  // the bits of bytes p..p+15
    const __m128i raw = load16(s.data() + p);
    const __m128i v = _mm_or_si128(raw, case_bit);
    const auto letters = static_cast<uint64_t>(static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmpgt_epi8(after_z, v)))));
    set_bits(bits, p, letters);
    if (glue != nullptr) {
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(raw, before_0), _mm_cmpgt_epi8(after_9, raw));
      set_bits(*glue, p, static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(digit, raw))));
    }
  };
  for (; i + 16 <= s.size(); i += 16) block(i);
  if (i < s.size() && s.size() >= 16) {  // the last sixteen bytes (some seen already)
    block(s.size() - 16);
    i = s.size();
  }
#endif
  for (; i < s.size(); ++i) {
    if (is_ascii_letter(s[i])) bits[i / 64] |= uint64_t{1} << (i % 64);
    if (glue != nullptr && (is_ascii_digit(s[i]) || static_cast<unsigned char>(s[i]) >= 0x80)) {
      (*glue)[i / 64] |= uint64_t{1} << (i % 64);
    }
  }
}

void ascii_lower_in_place(char* p, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  // Every byte is ASCII (non-negative as a signed byte): 'A'..'Z' by two compares.
  const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  auto lower16 = [&](size_t at) {
    const __m128i v = load16(p + at);
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmpgt_epi8(after_z, v));
    if (_mm_movemask_epi8(upper) == 0) return;
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p + at), _mm_or_si128(v, _mm_and_si128(upper, case_bit)));
  };
  for (; i + 16 <= n; i += 16) lower16(i);
  if (i < n && n >= 16) {  // the last sixteen bytes: lowering some twice changes nothing
    lower16(n - 16);
    i = n;
  }
#endif
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

#if defined(__SSE2__)
// How many bytes of the block v (sixteen bytes from a character boundary) are
// whole ASCII and well-formed two-byte characters: 16, or 15 when the last
// byte is a lead (its character is looked at with the next block); 0 when the
// block holds anything else (a longer character or an invalid byte).
size_t two_byte_block_length(__m128i v) {
  const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
  if (high == 0) return 16;  // all ASCII
  const __m128i from_base = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2)));  // C2..DF → 0..1D
  const unsigned lead = static_cast<unsigned>(_mm_movemask_epi8(
      _mm_cmpeq_epi8(_mm_min_epu8(from_base, _mm_set1_epi8(0xDF - 0xC2)), from_base)));
  const unsigned cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(
      _mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)))));
  // Every byte one of the three kinds, and a continuation exactly after each lead.
  if (((~high & 0xFFFF) | lead | cont) != 0xFFFF || cont != ((lead << 1) & 0xFFFF)) return 0;
  return (lead & 0x8000) ? 15 : 16;
}
#endif

// How far from i (a character boundary) the bytes are ASCII and well-formed
// two-byte characters, checked sixteen bytes at a time: the returned position
// is a character boundary, i itself when the first block holds anything else
// (a longer character or an error, for the byte-by-byte path to judge).
size_t skip_ascii_and_two_byte(std::string_view s, size_t i) {
#if defined(__SSE2__)
  while (i + 16 <= s.size()) {
    const size_t length = two_byte_block_length(load16(s.data() + i));
    if (length == 0) break;
    i += length;
  }
#endif
  return i;
}

}  // namespace

size_t skip_blocks_without(std::string_view s, size_t i, const std::u32string& wanted) {
#if defined(__SSE2__)
  if (wanted.size() > 4) return i;
  // Always four pairs to test (unrolled); unused ones are FF, never in UTF-8.
  __m128i lead[4], cont[4];
  for (size_t k = 0; k < 4; ++k) {
    lead[k] = _mm_set1_epi8(static_cast<char>(k < wanted.size() ? 0xC0 | (wanted[k] >> 6) : 0xFF));
    cont[k] = _mm_set1_epi8(static_cast<char>(k < wanted.size() ? 0x80 | (wanted[k] & 0x3F) : 0xFF));
  }
  while (i + 16 <= s.size()) {
    const __m128i v = load16(s.data() + i);
    const size_t length = two_byte_block_length(v);  // well-formed ASCII and two-byte characters
    if (length == 0) break;
    // Lane k: byte k is a wanted lead and byte k + 1 its continuation (lane 15
    // sees 0 after it: a lead there is looked at with the next block).
    const __m128i next = _mm_srli_si128(v, 1);
    __m128i found = _mm_setzero_si128();
    for (size_t k = 0; k < 4; ++k) {
      found = _mm_or_si128(found, _mm_and_si128(_mm_cmpeq_epi8(v, lead[k]), _mm_cmpeq_epi8(next, cont[k])));
    }
    if (_mm_movemask_epi8(found) != 0) break;
    i += length;
  }
#endif
  return i;
}

size_t find_first_byte_of(std::string_view s, size_t i, size_t end, std::string_view bytes) {
  end = std::min(end, s.size());
  if (bytes.empty()) return end;
#if defined(__SSE2__)
  if (bytes.size() <= 4 && i < end) {
    __m128i wanted[4];  // always four (unrolled); unused ones repeat the first
    for (size_t k = 0; k < 4; ++k) wanted[k] = _mm_set1_epi8(bytes[k < bytes.size() ? k : 0]);
    auto hits = [&](size_t p) {  // bit k: s[p + k] is wanted
      const __m128i v = load16(s.data() + p);
      __m128i hit = _mm_cmpeq_epi8(v, wanted[0]);
      for (size_t k = 1; k < 4; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, wanted[k]));
      return static_cast<unsigned>(_mm_movemask_epi8(hit));
    };
    const size_t start = i;
    for (; i + 16 <= end; i += 16) {
      if (const unsigned h = hits(i)) return i + std::countr_zero(h);
    }
    if (i < end && end - start >= 16) {  // the last sixteen bytes, some seen already
      const unsigned h = hits(end - 16) >> (i - (end - 16));
      return h != 0 ? i + std::countr_zero(h) : end;
    }
  }
#endif
  for (; i < end; ++i) {
    for (char b : bytes) {
      if (s[i] == b) return i;
    }
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

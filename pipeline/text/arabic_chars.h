// Character classes of the Arabic script as the Persian steps need them.
// Internal to the text module; pure inline functions.
#pragma once
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace dipmine::text::fa {

constexpr char32_t kZwnj = 0x200C;
constexpr char32_t kTatweel = 0x0640;

// Letters (not marks, digits or punctuation) of the Arabic block used in fa text.
constexpr bool is_letter(char32_t c) {
  return (c >= 0x0620 && c <= 0x064A) || c == 0x066E || c == 0x066F ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || c == 0x06EE || c == 0x06EF ||
         (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF;
}

// Combining marks: harakat, shadda, sukun, superscript alef, Quranic marks.
constexpr bool is_mark(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 ||
         c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED);
}

// in_word of U+0600..U+06FF as a table: the word scanners ask it for every
// character, and a lookup is several times cheaper than the range tests.
inline constexpr auto kInWordArabic = [] {
  std::array<bool, 256> t{};
  for (char32_t c = 0x0600; c < 0x0700; ++c) t[c - 0x0600] = is_letter(c) || is_mark(c) || c == kTatweel;
  return t;
}();

// Part of a Persian word: a letter, a mark, ZWNJ or tatweel.
constexpr bool in_word(char32_t c) {
  return c - 0x0600 < 0x100 ? kInWordArabic[c - 0x0600] : c == kZwnj;
}

// The letter a variant stands for in Persian (ي → ی, ك → ک, ة → ه, ...).
constexpr char32_t persian_letter(char32_t c) {
  switch (c) {
    case 0x064A: case 0x0649: case 0x06D2: case 0x06D0: return 0x06CC;  // ی
    case 0x0643: return 0x06A9;                                          // ک
    case 0x0629: case 0x06C0: case 0x06C1: case 0x06D5: case 0x06BE: return 0x0647;  // ه
    default: return c;
  }
}

// Fold: harakat, superscript alef and hamza above removed (0); أ إ آ ٱ → ا,
// ؤ → و, ئ → ی, standalone ء removed (0). Other code points returned as they are.
constexpr char32_t fold_mark_or_hamza(char32_t c) {
  if (c < 0x0610 || c > 0x06FF) return c;
  if (is_mark(c) || c == 0x0621) return 0;
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
    case 0x0624: return 0x0648;
    case 0x0626: return 0x06CC;
    default: return c;
  }
}

// Fold: Persian and Arabic-Indic digits → ASCII, ٫ → '.', ٬ → ','.
constexpr char32_t fold_digit(char32_t c) {
  if (c < 0x0660 || c > 0x06F9) return c;
  if (c >= 0x06F0) return '0' + (c - 0x06F0);
  if (c <= 0x0669) return '0' + (c - 0x0660);
  if (c == 0x066B) return '.';
  if (c == 0x066C) return ',';
  return c;
}

// Tables over U+0600..U+06FF of the functions above, for the hot loops: a
// lookup costs a few instructions where the range tests and switches cost
// dozens. Each entry is what the function returns for that code point.
inline constexpr auto kPersianLetterTable = [] {
  std::array<char16_t, 256> t{};
  for (char32_t c = 0x0600; c < 0x0700; ++c) t[c - 0x0600] = static_cast<char16_t>(persian_letter(c));
  return t;
}();
// fold_digit(fold_mark_or_hamza(c)), 0 when deleted.
inline constexpr auto kFoldArabicTable = [] {
  std::array<char16_t, 256> t{};
  for (char32_t c = 0x0600; c < 0x0700; ++c) {
    const char32_t r = fold_mark_or_hamza(c);
    t[c - 0x0600] = static_cast<char16_t>(r == 0 ? 0 : fold_digit(r));
  }
  return t;
}();
// The key letter of c (fa_key: persian_letter, then alef/waw/yeh hamza forms
// folded) for letters other than ء, else 0.
inline constexpr auto kKeyLetterTable = [] {
  std::array<char16_t, 256> t{};
  for (char32_t c = 0x0600; c < 0x0700; ++c) {
    if (!is_letter(c) || c == 0x0621) continue;
    char32_t k = persian_letter(c);
    switch (k) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: k = 0x0627; break;
      case 0x0624: k = 0x0648; break;
      case 0x0626: k = 0x06CC; break;
      default: break;
    }
    t[c - 0x0600] = static_cast<char16_t>(k);
  }
  return t;
}();

inline char32_t persian_letter_fast(char32_t c) {
  return c - 0x0600 < 0x100 ? kPersianLetterTable[c - 0x0600] : c;
}
inline char32_t fold_arabic_fast(char32_t c) {
  return c - 0x0600 < 0x100 ? kFoldArabicTable[c - 0x0600] : c;
}
// The key letter of c, or 0 if c is not a key letter (see kKeyLetterTable).
inline char32_t key_letter_or_0(char32_t c) {
  return c - 0x0600 < 0x100 ? kKeyLetterTable[c - 0x0600] : 0;
}

// The byte length of the in_word character at s[i] (valid UTF-8), 0 if the
// character there is not in_word: a byte-level test for the word scanners
// (U+06xx is two bytes with lead D8..DB; ZWNJ is E2 80 8C).
inline size_t in_word_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 >= 0xD8 && b0 <= 0xDB) {
    const char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    return kInWordArabic[c - 0x0600] ? 2 : 0;
  }
  return b0 == 0xE2 && s.size() - i >= 3 && s[i + 1] == '\x80' && s[i + 2] == '\x8c' ? 3 : 0;
}

// The bits for_each_word reads, bit i % 64 of word i / 64 for byte i of s
// (each vector resized to whole 64-bit words): `starts`, byte i is the lead
// byte of an in_word U+06xx character; `inside`, byte i belongs to an in_word
// character (U+06xx or ZWNJ). Sixteen bytes at a time, without a branch per
// character: word ends are unpredictable, and a scan that branches on each
// one pays a misprediction a word.
void arabic_word_bits(std::string_view s, std::vector<uint64_t>& starts, std::vector<uint64_t>& inside);

// for_each_word a character at a time (for a scan nested in another's fn,
// which would overwrite the bits that one is reading).
template <typename Fn>
void for_each_word_bytewise(std::string_view s, Fn fn) {
  const size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  // A lead D8..DB and its continuation byte: index ((lead - D8) << 6) | (cont & 3F)
  // is the code point minus U+0600.
  auto arabic_in_word = [p](size_t i) { return kInWordArabic[((p[i] - 0xD8u) << 6) | (p[i + 1] & 0x3Fu)]; };
  for (size_t i = 0; i < n;) {
    const unsigned b0 = p[i];
    if (b0 - 0xD8u > 3 || !arabic_in_word(i)) {  // no word starts here
      i += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
      continue;
    }
    size_t j = i + 2;
    while (j < n) {
      const unsigned c0 = p[j];
      if (c0 - 0xD8u <= 3) {
        if (!arabic_in_word(j)) break;
        j += 2;
      } else if (c0 == 0xE2 && n - j >= 3 && p[j + 1] == 0x80 && p[j + 2] == 0x8C) {  // ZWNJ
        j += 3;
      } else {
        break;
      }
    }
    fn(i, j);
    i = j;
  }
}

// Calls fn(b, e) for each Persian word of `s` in order: a run of in_word
// characters that starts at a letter or mark (not at ZWNJ). Every fa step
// scans the words: they are read off arabic_word_bits, a word at a time.
template <typename Fn>
void for_each_word(std::string_view s, Fn fn) {
  thread_local std::vector<uint64_t> starts, inside;
  thread_local bool busy = false;
  if (busy) {
    for_each_word_bytewise(s, fn);
    return;
  }
  busy = true;
  struct Release {
    bool& flag;
    ~Release() { flag = false; }
  } release{busy};
  arabic_word_bits(s, starts, inside);
  const size_t n = s.size();
  for (size_t b = next_bit(starts, 0, n, true); b < n;) {
    const size_t e = next_bit(inside, b, n, false);
    fn(b, e);
    b = next_bit(starts, e, n, true);
  }
}

// Letters that do not join the letter after them: after these no ZWNJ is needed.
constexpr bool joins_left(char32_t c) {
  switch (c) {
    case 0x0627: case 0x0622: case 0x0623: case 0x0625: case 0x0671:  // alefs
    case 0x062F: case 0x0630: case 0x0631: case 0x0632: case 0x0698:  // د ذ ر ز ژ
    case 0x0648: case 0x0624: case 0x0621: case 0x0629: case 0x06C0:  // و ؤ ء ة ۀ
      return false;
    default:
      return is_letter(c);
  }
}

}  // namespace dipmine::text::fa

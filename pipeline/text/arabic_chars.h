// Character classes of the Arabic script as the Persian steps need them.
// Internal to the text module; pure inline functions.
#pragma once

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

// Part of a Persian word: a letter, a mark, ZWNJ or tatweel.
constexpr bool in_word(char32_t c) {
  return is_letter(c) || is_mark(c) || c == kZwnj || c == kTatweel;
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

// Character classes shared by the PDF reader's layout (pdf_layout.cpp) and
// its bidi and copyable-text part (pdf_bidi.cpp). Internal to ingest.
#pragma once
#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>

namespace dipmine::ingest::pdf_chars {

inline bool is_rtl_letter(char32_t c) {
  const auto d = u_charDirection(static_cast<UChar32>(c));
  return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}
// Private-use characters are a symbol font's glyphs (Word's Wingdings check
// boxes and bullets, U+F0xx), not letters of any direction, though ICU's
// bidi class for them is L: one before `(14` on a Persian line made it a
// left-to-right run, and the bracket stood on the wrong side of the number.
inline bool is_private_use(char32_t c) { return (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000; }
inline bool is_ltr_letter(char32_t c) {
  return !is_private_use(c) && u_charDirection(static_cast<UChar32>(c)) == U_LEFT_TO_RIGHT;
}
inline bool is_kana(char32_t c) { return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF); }
// Han, kana, CJK punctuation and their fullwidth and vertical forms.
inline bool is_cjk(char32_t c) {
  return is_kana(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE4F);
}
inline bool has_rtl_letter(std::u32string_view w) { return std::any_of(w.begin(), w.end(), is_rtl_letter); }

}  // namespace dipmine::ingest::pdf_chars

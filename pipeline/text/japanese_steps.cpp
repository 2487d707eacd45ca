// Japanese steps; the order they run in is in japanese_normalizer.cpp.
#include <unicode/uchar.h>

#include "text/arabic_chars.h"
#include "text/char_table.h"
#include "text/nfkc_pass.h"
#include "text/steps.h"

namespace dipmine::text::ja {
namespace {

bool is_katakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC; }

bool is_dash_variant(char32_t c) {
  switch (c) {
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFF0D: case 0xFF70: case 0x30FC:
      return true;
    default:
      return false;
  }
}

}  // namespace

MappedText prolonged_sound_marks(MappedText&& in) {
  char32_t prev = 0;
  return rewrite_each(std::move(in), [&prev](char32_t c) -> char32_t {
    const char32_t r = (is_dash_variant(c) && is_katakana(prev)) ? char32_t{0x30FC} : c;
    // Ignorables (ZWNJ, soft hyphen, ...) vanish in fold: look through them, so
    // that clean decides the same with or without them.
    if (c < 0x80 || !(char_flags(c) & kIgnorable)) {
      prev = r;
    }
    return r;
  });
}

MappedText fold_chars(MappedText&& in) {
  return apply_nfkc_casefold_then(std::move(in), [](char32_t c) { return fa::fold_digit(c); });
}

}  // namespace dipmine::text::ja

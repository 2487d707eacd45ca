// Persian (Arabic-script) steps; the order they run in is in persian_normalizer.cpp.
#include <algorithm>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "text/arabic_chars.h"
#include "text/fa_edit.h"
#include "text/steps.h"

namespace dipmine::text::fa {
namespace {

}  // namespace

MappedText letter_variants(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  return rewrite_each(std::move(in), [](char32_t c) { return persian_letter(c); });
}

MappedText remove_tatweel_and_controls(MappedText&& in) {
  return rewrite_each(std::move(in), [](char32_t c) -> char32_t {
    if (c < 0x80) return c;
    switch (c) {
      case kTatweel: case 0x200E: case 0x200F: case 0x061C: case 0x200D: case 0xFEFF:
        return 0;
      case kZwnj:
        return c;
      default:
        // Every other default-ignorable (ZWSP, soft hyphen, ...) would vanish in
        // fold and glue two words together there: remove it here already.
        return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ? 0 : c;
    }
  });
}

namespace {

// Do the marks in bytes [b, e) nest when `open` opens and `close` closes?
// Marks are ASCII ( ) or the two-byte « » (C2 AB, C2 BB): compared as bytes.
bool balanced(std::string_view s, size_t b, size_t e, std::string_view open, std::string_view close) {
  int depth = 0;
  for (size_t i = b; i < e; ++i) {
    if (s.compare(i, open.size(), open) == 0) ++depth;
    else if (s.compare(i, close.size(), close) == 0 && --depth < 0) return false;
  }
  return depth == 0;
}

}  // namespace

MappedText fix_reversed_punctuation(MappedText&& in) {
  const std::string_view s = in.text;
  if (s.find(')') == std::string_view::npos && s.find("\xc2\xbb") == std::string_view::npos) {
    return std::move(in);
  }
  Editor ed(in);
  // Decided per line and per kind of mark, on the whole line: the marks are
  // swapped only if they nest when read backwards and do not nest as written,
  // so a second pass leaves the result alone.
  for (size_t b = 0; b < s.size();) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    if (has_arabic_script(s.substr(b, e - b))) {
      const bool parens = !balanced(s, b, e, "(", ")") && balanced(s, b, e, ")", "(");
      const bool quotes = !balanced(s, b, e, "\xc2\xab", "\xc2\xbb") &&
                          balanced(s, b, e, "\xc2\xbb", "\xc2\xab");
      for (size_t i = b; (parens || quotes) && i < e; ++i) {
        if (parens && (s[i] == '(' || s[i] == ')')) ed.replace(i, i + 1, s[i] == '(' ? ')' : '(');
        if (quotes && s[i] == '\xc2' && i + 1 < e && (s[i + 1] == '\xab' || s[i + 1] == '\xbb')) {
          ed.replace(i, i + 2, s[i + 1] == '\xab' ? U'»' : U'«');
        }
      }
    }
    b = e + 1;
  }
  return ed.finish(std::move(in));
}

MappedText fold_marks_and_hamza(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  return rewrite_each(std::move(in), [](char32_t c) -> char32_t {
    if (c < 0x0610 || c > 0x06FF) return c;
    if (is_mark(c) || c == 0x0621) return 0;
    switch (c) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
      case 0x0624: return 0x0648;
      case 0x0626: return 0x06CC;
      default: return c;
    }
  });
}

MappedText fold_digits(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  return rewrite_each(std::move(in), [](char32_t c) -> char32_t {
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
    if (c == 0x066B) return '.';
    if (c == 0x066C) return ',';
    return c;
  });
}

}  // namespace dipmine::text::fa

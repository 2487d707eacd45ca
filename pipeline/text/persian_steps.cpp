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

// Do the marks of one line nest when `open` opens and `close` closes?
bool balanced(const std::vector<Cp>& cps, size_t b, size_t e, char32_t open, char32_t close) {
  int depth = 0;
  for (size_t i = b; i < e; ++i) {
    if (cps[i].c == open) ++depth;
    if (cps[i].c == close && --depth < 0) return false;
  }
  return depth == 0;
}

}  // namespace

MappedText fix_reversed_punctuation(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  const std::vector<Cp> cps = code_points(in.text);
  Editor ed(in);
  // Decided per line and per kind of mark, on the whole line: the marks are
  // swapped only if they nest when read backwards and do not nest as written,
  // so a second pass leaves the result alone.
  for (size_t b = 0; b < cps.size();) {
    size_t e = b;
    bool arabic = false;
    for (; e < cps.size() && cps[e].c != '\n'; ++e) {
      if (is_letter(cps[e].c)) arabic = true;
    }
    const bool parens = arabic && !balanced(cps, b, e, '(', ')') && balanced(cps, b, e, ')', '(');
    const bool quotes = arabic && !balanced(cps, b, e, U'«', U'»') && balanced(cps, b, e, U'»', U'«');
    for (size_t i = b; parens || quotes ? i < e : false; ++i) {
      const char32_t c = cps[i].c;
      if (parens && (c == '(' || c == ')')) ed.replace(cps[i].b, cps[i].e, c == '(' ? ')' : '(');
      if (quotes && (c == U'«' || c == U'»')) ed.replace(cps[i].b, cps[i].e, c == U'«' ? U'»' : U'«');
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

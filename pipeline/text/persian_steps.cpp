// Persian (Arabic-script) steps; the order they run in is in persian_normalizer.cpp.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "text/arabic_chars.h"
#include "text/char_table.h"
#include "text/fa_edit.h"
#include "text/nfkc_pass.h"
#include "text/steps.h"

namespace dipmine::text::fa {

MappedText letter_variants(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  return rewrite_each(std::move(in), [](char32_t c) { return persian_letter_fast(c); });
}

namespace {

// What remove_tatweel_and_controls removes: tatweel, and every
// default-ignorable but ZWNJ (LRM, RLM, ALM, ZWJ, BOM, ZWSP, soft hyphen, ...),
// which fold would drop and so glue two words together there.
bool removes(char32_t c) { return c == kTatweel || (c != kZwnj && (char_flags(c) & kIgnorable)); }

// removes() of every two-byte code point (U+0080..U+07FF), as a table, and
// the list of those removed; built on first use (they ask ICU, which a
// static initializer should not).
const std::array<bool, 0x800>& two_byte_removes() {
  static const std::array<bool, 0x800> table = [] {
    std::array<bool, 0x800> t{};
    for (char32_t c = 0x80; c < 0x800; ++c) t[c] = removes(c);
    return t;
  }();
  return table;
}
const std::u32string& two_byte_removed() {
  static const std::u32string cps = [] {
    std::u32string out;
    for (char32_t c = 0x80; c < 0x800; ++c) {
      if (two_byte_removes()[c]) out.push_back(c);
    }
    return out;
  }();
  return cps;
}

// The first character at or after i (a character boundary) that is removed,
// its length in `len`; s.size() if there is none. Most text has nothing to
// remove: it is skipped sixteen bytes at a time, looking for the few two-byte
// characters removed (tatweel, ALM, soft hyphen, CGJ), and other two-byte
// characters (all of Arabic script) are answered from a table.
size_t next_removed(std::string_view s, size_t i, size_t& len) {
  const std::array<bool, 0x800>& kTwoByte = two_byte_removes();
  const std::u32string& kTwoByteRemoved = two_byte_removed();
  size_t next_block = i;  // where to try the block skip again
  while (i < s.size()) {
    if (i >= next_block) {
      const size_t k = skip_blocks_without(s, i, kTwoByteRemoved);
      if (k != i) {
        i = k;
        continue;
      }
      next_block = i + 16;
    }
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {  // valid UTF-8: a continuation byte follows
      len = 2;
      if (kTwoByte[((b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F)]) return i;
      i += 2;
      continue;
    }
    const char32_t c = decode_utf8(s, i, len);
    if (removes(c)) return i;
    i += len;
  }
  return s.size();
}

// remove_tatweel_and_controls knowing that bytes [0, from) hold nothing it removes.
MappedText remove_controls_from(MappedText&& in, size_t from) {
  const std::string_view s = in.text;
  size_t len = 0;
  size_t i = next_removed(s, from, len);
  if (i == s.size()) return std::move(in);
  Editor ed(in);
  for (; i < s.size(); i = next_removed(s, i + len, len)) ed.replace(i, i + len, 0);
  return ed.finish(std::move(in));
}

}  // namespace

MappedText remove_tatweel_and_controls(MappedText&& in) { return remove_controls_from(std::move(in), 0); }

MappedText sanitize_and_remove_controls(std::string_view original) {
  // The blocks skipped here are valid UTF-8 with nothing to remove in them:
  // neither step looks at them again.
  const size_t common = skip_blocks_without(original, 0, two_byte_removed());
  return remove_controls_from(sanitize_utf8(original, common), common);
}


MappedText unpack_compat_forms(MappedText&& in) {
  const std::string_view s = in.text;
  if (s.find('\xEF') == std::string_view::npos && s.find("\xE2\x81\xBD") == std::string_view::npos &&
      s.find("\xE2\x81\xBE") == std::string_view::npos && s.find("\xE2\x82\x8D") == std::string_view::npos &&
      s.find("\xE2\x82\x8E") == std::string_view::npos) {
    return std::move(in);  // nothing in U+FB00..U+FFFF nor ⁽ ⁾ ₍ ₎
  }
  Editor ed(in);
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const char32_t c = decode_utf8(s, i, len);
    if (c == 0xFE71) {
      ed.replace(i, i + len, 0x064B);  // fathatan
    } else if (c >= 0xFE77 && c <= 0xFE7F && (c & 1)) {
      ed.replace(i, i + len, 0x064E + (c - 0xFE77) / 2);  // fatha, damma, kasra, shadda, sukun
    } else if (c >= 0xFCF2 && c <= 0xFCF4) {
      ed.replace_with(i, i + len, c == 0xFCF2 ? "\u064E\u0651" : c == 0xFCF3 ? "\u064F\u0651"
                                                                   : "\u0650\u0651");
    } else if (c == 0xFF08 || c == 0xFE59 || c == 0xFE35 || c == 0x207D || c == 0x208D) {
      ed.replace(i, i + len, '(');
    } else if (c == 0xFF09 || c == 0xFE5A || c == 0xFE36 || c == 0x207E || c == 0x208E) {
      ed.replace(i, i + len, ')');
    }
  }
  return ed.finish(std::move(in));
}

namespace {

// How the marks of one kind read on a line: the running depth (opening mark
// +1, closing mark -1) as written. They nest as written when the depth never
// goes below 0 and ends at 0; read backwards (the closing mark opens) when it
// never goes above 0 and ends at 0.
struct Nesting {
  int depth = 0, low = 0, high = 0;
  void step(int d) {
    depth += d;
    low = std::min(low, depth);
    high = std::max(high, depth);
  }
  bool as_written() const { return depth == 0 && low >= 0; }
  bool backwards() const { return depth == 0 && high <= 0; }
};

// Arabic script on a line, as NFKC would leave it: U+06xx, or a presentation
// form (U+FB50-FDFF, U+FE70-FEFF; NFKC makes them U+06xx letters) other than
// the ornate parentheses and the noncharacters, which NFKC keeps. The step
// runs before NFKC: in fold, NFKC comes with case and digit folding, after
// which a line of Persian digits alone would no longer read as Arabic.
bool has_arabic_letters_or_forms(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    const auto c0 = static_cast<unsigned char>(line[i]);
    if (c0 >= 0xD8 && c0 <= 0xDB) return true;
    if (c0 != 0xEF || line.size() - i < 3) continue;
    const char32_t cp = 0xF000 | ((static_cast<unsigned char>(line[i + 1]) & 0x3F) << 6) |
                        (static_cast<unsigned char>(line[i + 2]) & 0x3F);
    const bool form = (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
    if (form && cp != 0xFD3E && cp != 0xFD3F && !(cp >= 0xFDD0 && cp <= 0xFDEF)) return true;
  }
  return false;
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
  // so a second pass leaves the result alone. One search finds both kinds of
  // mark and the line's end.
  constexpr std::string_view kMarksOrEnd = "()\xc2\n";
  for (size_t b = 0; b < s.size();) {
    Nesting parens_n, quotes_n;
    size_t e = find_first_byte_of(s, b, s.size(), kMarksOrEnd);
    for (; e < s.size() && s[e] != '\n'; e = find_first_byte_of(s, e + 1, s.size(), kMarksOrEnd)) {
      if (s[e] == '(') parens_n.step(1);
      else if (s[e] == ')') parens_n.step(-1);
      else if (e + 1 < s.size() && s[e + 1] == '\xab') quotes_n.step(1);
      else if (e + 1 < s.size() && s[e + 1] == '\xbb') quotes_n.step(-1);
    }
    // Only lines of Arabic script: asked last, as most lines' marks nest as written.
    auto arabic = [&] { return has_arabic_letters_or_forms(s.substr(b, e - b)); };
    const bool parens = !parens_n.as_written() && parens_n.backwards() && arabic();
    const bool quotes = !quotes_n.as_written() && quotes_n.backwards() && arabic();
    for (size_t i = b; (parens || quotes) && i < e; ++i) {
      if (parens && (s[i] == '(' || s[i] == ')')) ed.replace(i, i + 1, s[i] == '(' ? ')' : '(');
      if (quotes && s[i] == '\xc2' && i + 1 < e && (s[i + 1] == '\xab' || s[i + 1] == '\xbb')) {
        ed.replace(i, i + 2, s[i + 1] == '\xab' ? U'»' : U'«');
      }
    }
    b = e + 1;
  }
  return ed.finish(std::move(in));
}

MappedText fold_marks_and_hamza(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  return rewrite_each(std::move(in), [](char32_t c) { return fold_mark_or_hamza(c); });
}

MappedText fold_digits(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  return rewrite_each(std::move(in), [](char32_t c) { return fold_digit(c); });
}

MappedText nfkc_and_letter_variants(MappedText&& in) {
  return apply_nfkc_then(std::move(in), [](char32_t c) { return persian_letter_fast(c); });
}

MappedText fold_chars(MappedText&& in) {
  return apply_nfkc_casefold_then(std::move(in), [](char32_t c) { return fold_arabic_fast(persian_letter_fast(c)); });
}

}  // namespace dipmine::text::fa

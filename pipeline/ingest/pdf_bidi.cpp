// Right-to-left lines from visual to logical order, and copyable text (see
// pdf_layout.h).
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "ingest/pdf_chars.h"
#include "ingest/pdf_layout.h"
#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

using namespace pdf_chars;

bool is_number(char32_t c) {
  const auto d = u_charDirection(static_cast<UChar32>(c));
  return d == U_EUROPEAN_NUMBER || d == U_ARABIC_NUMBER;
}
// Inside a right-to-left word, the characters that keep left-to-right order.
bool is_ltr_run_char(char32_t c) { return is_ltr_letter(c) || is_number(c); }
bool is_separator_in_number(char32_t c) {
  const auto d = u_charDirection(static_cast<UChar32>(c));
  return d == U_COMMON_NUMBER_SEPARATOR || d == U_EUROPEAN_NUMBER_SEPARATOR ||
         d == U_EUROPEAN_NUMBER_TERMINATOR;
}
bool is_mark(char32_t c) { return u_charDirection(static_cast<UChar32>(c)) == U_DIR_NON_SPACING_MARK; }
bool is_dual_joining(char32_t c) {
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_JOINING_TYPE) == U_JT_DUAL_JOINING;
}
// A letter that joins the one before it (dual- or right-joining): only
// before one does a ZWNJ change anything (not before `؟`).
bool joins_before(char32_t c) {
  const auto t = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_JOINING_TYPE);
  return t == U_JT_DUAL_JOINING || t == U_JT_RIGHT_JOINING || t == U_JT_JOIN_CAUSING;
}
bool is_direction_control(char32_t c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// The shape a presentation-form glyph was drawn in (its decomposition
// type); `unknown` for a plain letter, whose shape the font chose.
enum class Shape { unknown, isolated, initial, medial, final };
Shape shape_of(char32_t c) {
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_DECOMPOSITION_TYPE)) {
    case U_DT_ISOLATED: return Shape::isolated;
    case U_DT_INITIAL: return Shape::initial;
    case U_DT_MEDIAL: return Shape::medial;
    case U_DT_FINAL: return Shape::final;
    default: return Shape::unknown;
  }
}
// The shape of a logical word's last (or first) letter, marks aside.
Shape shape_at(std::u32string_view w, bool last) {
  for (size_t k = 0; k < w.size(); ++k) {
    const char32_t c = last ? w[w.size() - 1 - k] : w[k];
    if (!is_mark(c) && !is_direction_control(c)) return shape_of(c);
  }
  return Shape::unknown;
}
// Two pieces drawn touching whose glyphs say they join: the first ends in
// an initial or medial form (it joins what follows), or the second starts
// in a medial or final one (it joins what precedes). A producer that
// spells Arabic with presentation forms (a Kurdish book of
// language-ml/course-nlp-ir-1-text-exploring) draws `ﺗ` and `ﲑ` of one
// word as pieces apart; a ZWNJ there contradicted the glyphs. An isolated
// or final form before a letter does not join: the ZWNJ keeps that look.
bool drawn_joined(Shape end, Shape start) {
  if (end == Shape::initial || end == Shape::medial) return true;
  if (end == Shape::isolated || end == Shape::final) return false;
  return start == Shape::medial || start == Shape::final;
}

bool has_ltr_letter(std::u32string_view w) { return std::any_of(w.begin(), w.end(), is_ltr_letter); }

// Glyph variants a PDF's text layer names where a reader copies letters:
// Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFE: a XeTeX or Word
// PDF spells every Arabic letter with them), vertical forms of CJK
// punctuation (U+FE10..U+FE19, U+FE30..U+FE4F: a vertical page's "︒" is "。"),
// CJK compatibility ideographs (U+F900..U+FAFF) and Kangxi radicals
// (U+2F00..U+2FD5), which Japanese fonts map some kanji to.
bool is_presentation_form(char32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) || (c >= 0xFE10 && c <= 0xFE19) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F00 && c <= 0x2FD5);
}

// Their NFKC, made once for the whole range.
const std::u32string& presentation_form_letters(char32_t c) {
  static const std::vector<std::u32string> table = [] {
    std::vector<std::u32string> t(0x10000 - 0xF900 + 0x100);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    auto fill = [&](char32_t from, char32_t to, size_t base) {
      for (char32_t cp = from; cp <= to; ++cp) {
        if (!is_presentation_form(cp) || U_FAILURE(status)) continue;
        UErrorCode s = U_ZERO_ERROR;
        const icu::UnicodeString out = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), s);
        if (U_FAILURE(s)) continue;
        for (int32_t i = 0; i < out.length(); i = out.moveIndex32(i, 1)) {
          t[cp - from + base] += static_cast<char32_t>(out.char32At(i));
        }
      }
    };
    fill(0xF900, 0xFFFF, 0);
    fill(0x2F00, 0x2FFF, 0x10000 - 0xF900);
    return t;
  }();
  return c >= 0xF900 ? table[c - 0xF900] : table[c - 0x2F00 + 0x10000 - 0xF900];
}

// One right-to-left word from visual to logical order: reversed, with runs of
// Latin letters and digits (and separators inside numbers) put back in their
// own order, and marks put back after their letter when reversal moved them
// before it. A change between Latin and Arabic script inside the word becomes
// a space (poppler glues an embedded Latin word to its neighbour).
std::u32string rtl_word_to_logical(std::u32string w) {
  std::reverse(w.begin(), w.end());
  for (char32_t& c : w) {
    // A bracket drawn in a right-to-left run is its mirror image's glyph.
    if (!is_ltr_run_char(c) && u_isMirrored(static_cast<UChar32>(c))) {
      c = static_cast<char32_t>(u_charMirror(static_cast<UChar32>(c)));
    }
  }
  for (size_t i = 0; i < w.size();) {
    if (!is_ltr_run_char(w[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < w.size() && (is_ltr_run_char(w[j]) ||
                            (is_separator_in_number(w[j]) && j + 1 < w.size() && is_number(w[j + 1])))) {
      ++j;
    }
    std::reverse(w.begin() + static_cast<long>(i), w.begin() + static_cast<long>(j));
    i = j;
  }
  if (!w.empty() && is_mark(w[0])) {
    for (size_t i = 0; i < w.size();) {
      size_t j = i;
      while (j < w.size() && is_mark(w[j])) ++j;
      if (j > i && j < w.size()) {
        std::rotate(w.begin() + static_cast<long>(i), w.begin() + static_cast<long>(j),
                    w.begin() + static_cast<long>(j) + 1);
        i = j + 1;
      } else {
        i = j + 1;
      }
    }
  }
  std::u32string out;
  out.reserve(w.size() + 2);
  for (size_t i = 0; i < w.size(); ++i) {
    if (i > 0 && ((is_ltr_letter(w[i]) && is_rtl_letter(w[i - 1])) ||
                  (is_rtl_letter(w[i]) && is_ltr_letter(w[i - 1])))) {
      out += U' ';
    }
    out += w[i];
  }
  return out;
}

std::u32string letters_of(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (is_direction_control(c)) continue;
    if (is_presentation_form(c)) {
      out += presentation_form_letters(c);
    } else {
      out += c;
    }
  }
  return out;
}

void append_copyable(std::string& out, std::u32string_view s) {
  for (char32_t c : s) {
    if (is_direction_control(c)) continue;
    if (is_presentation_form(c)) {
      for (char32_t l : presentation_form_letters(c)) text::append_utf8(out, l);
    } else {
      text::append_utf8(out, c);
    }
  }
}

}  // namespace

// Brackets of a line with right-to-left words, put right where every pair
// reads closed-then-open: the glyph drawn at the right of `(دانشجو)` is `)`,
// and producers differ in which code they give it. XeTeX's is the glyph's
// (`)`, which rtl_word_to_logical mirrors to `(`); Word's is the letter's own
// (`(`, which that mirroring turns wrong: `)دانشجو(`). A kind of bracket
// whose sequence in the line is unbalanced as it stands and balanced with
// every bracket of the kind swapped is swapped; any other is left as read
// (a bracket opened on the line before stays).
void unmirror_brackets(std::u32string& line) {
  static constexpr std::pair<char32_t, char32_t> kPairs[] = {{U'(', U')'}, {U'[', U']'}, {U'{', U'}'}, {U'«', U'»'}};
  for (const auto& pair : kPairs) {
    // Plain variables: clang before 16 cannot capture structured bindings.
    const char32_t open = pair.first, close = pair.second;
    auto balanced = [&](bool swapped) {
      int depth = 0;
      bool any = false;
      for (char32_t c : line) {
        if (c != open && c != close) continue;
        any = true;
        depth += (c == open) != swapped ? 1 : -1;
        if (depth < 0) return false;
      }
      return any && depth == 0;
    };
    if (balanced(false) || !balanced(true)) continue;
    for (char32_t& c : line) {
      if (c == open) c = close;
      else if (c == close) c = open;
    }
  }
}

std::string copyable_text(std::u32string_view s) {
  std::string out;
  append_copyable(out, s);
  return out;
}

std::string logical_line(const std::vector<std::u32string>& visual_words,
                         const std::vector<bool>& space_before, bool rtl_page) {
  const size_t n = visual_words.size();
  size_t rtl = 0, ltr = 0;
  std::vector<char> kind(n);  // 'R' right-to-left letters, 'L' Latin letters, 'N' neither
  std::vector<bool> digits(n);
  for (size_t i = 0; i < n; ++i) {
    const std::u32string& w = visual_words[i];
    kind[i] = has_rtl_letter(w) ? 'R' : has_ltr_letter(w) ? 'L' : 'N';
    digits[i] = std::any_of(w.begin(), w.end(), is_number);
    for (char32_t c : w) rtl += is_rtl_letter(c), ltr += is_ltr_letter(c);
  }
  // On a left-to-right page, a line that opens (at its left) with a Latin
  // word is read from that word, whatever follows: `Arabic: مرحبا`,
  // `Table 1: ...`, `Source: ...`. Laid out right to left, its label would
  // come after the Arabic words.
  const bool rtl_line = rtl > 0 && (rtl_page || (rtl > ltr && kind[0] != 'L'));
  // Units laid out in one direction, as the bidi algorithm resolves them at
  // word level: in a right-to-left line, a Latin word with the words up to the
  // last Latin word or number before the next right-to-left word (numbers
  // after Latin are Latin, W7); in a left-to-right line, right-to-left words
  // with what lies between them. Every other word is a unit of its own, laid
  // out in the line's direction.
  struct Unit {
    size_t begin, end;
    bool rtl;
  };
  std::vector<Unit> units;
  const char run_kind = rtl_line ? 'L' : 'R';
  // A number drawn in pieces with no gap (`18` `/` `99`: Word draws the
  // separator apart) is one left-to-right run, as the bidi algorithm makes
  // a separator between two digits (W4): `18/99`, not `99/18`.
  auto numeric = [&](size_t k) {
    const std::u32string& w = visual_words[k];
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char32_t c) { return is_number(c) || is_separator_in_number(c); }) &&
           std::any_of(w.begin(), w.end(), is_number);
  };
  auto glued = [&](size_t k) { return k < n && (k >= space_before.size() || !space_before[k]); };
  auto number_end = [&](size_t i) {
    size_t last = i;
    while (glued(last + 1) && glued(last + 2) && visual_words[last + 1].size() == 1 &&
           is_separator_in_number(visual_words[last + 1][0]) && numeric(last + 2)) {
      last += 2;
    }
    return last;
  };
  for (size_t i = 0; i < n;) {
    if (rtl_line && numeric(i)) {
      if (const size_t last = number_end(i); last > i) {
        units.push_back({i, last + 1, false});
        i = last + 1;
        continue;
      }
    }
    if (kind[i] != run_kind) {
      units.push_back({i, i + 1, rtl_line});
      ++i;
      continue;
    }
    size_t last = i;
    for (size_t k = i + 1; k < n && kind[k] != (rtl_line ? 'R' : 'L'); ++k) {
      if (kind[k] == run_kind || (rtl_line && digits[k])) last = k;
    }
    units.push_back({i, last + 1, !rtl_line});
    i = last + 1;
  }
  if (rtl_line) std::reverse(units.begin(), units.end());
  std::vector<size_t> order;
  std::vector<std::u32string> words(n);
  std::vector<Shape> ends(n, Shape::unknown), starts(n, Shape::unknown);
  for (const Unit& u : units) {
    for (size_t k = 0; k < u.end - u.begin; ++k) {
      const size_t i = u.rtl ? u.end - 1 - k : u.begin + k;
      order.push_back(i);
      const std::u32string logical = u.rtl ? rtl_word_to_logical(visual_words[i]) : visual_words[i];
      ends[i] = shape_at(logical, true);
      starts[i] = shape_at(logical, false);
      words[i] = letters_of(logical);
    }
  }
  // Plain letters, and one of the two pieces a single letter: Word draws
  // the ی of کلیک, ملی, پیشنهاده as a piece of its own (the glyphs join on
  // the page). A writer's ZWNJ comes after a word or a prefix, not after one
  // letter, and before a lone ی only after ه (خانه‌ی).
  auto lone_letter_piece = [&](size_t a, size_t b) {
    if (ends[a] != Shape::unknown || starts[b] != Shape::unknown) return false;
    if (words[a].size() == 1) return true;
    return words[b].size() == 1 && words[a].back() != U'ه' && words[a].back() != U'ة';
  };
  std::u32string line;
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t i = order[k];
    if (k > 0) {
      const size_t prev = order[k - 1];
      const size_t right = std::max(i, prev);
      const bool adjacent = right - std::min(i, prev) == 1;
      if (!adjacent || (right < space_before.size() && space_before[right])) {
        line += U' ';
      } else if (kind[prev] == 'R' && kind[i] == 'R' && !words[prev].empty() &&
                 is_dual_joining(words[prev].back()) && !words[i].empty() && joins_before(words[i].front()) &&
                 !drawn_joined(ends[prev], starts[i]) && !lone_letter_piece(prev, i)) {
        line += U'\u200C';  // glyphs drawn apart that would join: a ZWNJ
      }
    }
    line += words[i];
  }
  if (rtl > 0) unmirror_brackets(line);
  return copyable_text(line);
}

}  // namespace dipmine::ingest

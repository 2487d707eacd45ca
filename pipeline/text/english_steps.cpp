// English steps; the order they run in is in english_normalizer.cpp.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <string>
#include <vector>

#include <cstring>

#include "text/arabic_chars.h"
#include "text/fa_edit.h"
#include "text/nfkc_pass.h"
#include "text/steps.h"

namespace dipmine::text::en {
namespace {

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Hyphenated prefixes that keep their hyphen when a line break follows them.
bool keeps_hyphen(std::string_view prefix) {
  static const std::string_view kPrefixes[] = {"non", "self", "ex", "cross", "well", "all",
                                               "quasi", "city", "state", "sub-national"};
  std::string lower(prefix);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  for (auto p : kPrefixes) {
    if (lower == p) return true;
  }
  return false;
}

// What follows `ex-` at a line break when it is the rest of one word
// (Ex-\nisting, ex-\nample, ex-\nperiment; pdfminer.six's naacl06 paper has
// 110 such breaks), not the head of an ex- compound (ex-\npresident,
// ex-\nmayor, ex-\nmember, ex-\nofficio, ex-\nwife).
bool continues_ex_word(std::string_view after) {
  static const std::string_view kStems[] = {
      "act", "aggerat", "ample", "amin", "ceed", "cel", "cept", "cerpt", "cess", "chang", "cit", "claim",
      "clud", "clus", "cur", "cus", "ecut", "empl", "empt", "ercis", "ert", "haust", "hibit", "ist",
      "pan", "pect", "pedit", "pend", "pens", "peri", "pert", "plain", "plan", "plic", "plod", "ploit",
      "plor", "plos", "pon", "port", "pos", "press", "tend", "tens", "tent", "tern", "tinct", "tra",
      "trem", "trins"};
  std::string lower(after);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  for (auto stem : kStems) {
    if (lower.starts_with(stem)) return true;
  }
  return false;
}

// A past participle before a hyphen at a line break is a compound modifier
// (mixed-\nmode, shared-\nmemory, closed-\nform): the hyphen
// stays unless what follows is an ending that makes one word of the two
// (proceed-\nings, succeed-\ning, exceed-\ningly, sacred-\nness).
bool participle_modifier(std::string_view before, std::string_view after) {
  if (before.size() < 5 || !before.ends_with("ed") || after.size() < 3) return false;
  for (char c : before) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  static const std::string_view kEndings[] = {"ing", "ed", "er", "est", "ly", "ness", "ment", "ily", "om"};
  for (auto e : kEndings) {
    if (after.starts_with(e)) return false;
  }
  return true;
}

}  // namespace

MappedText remove_soft_hyphens(MappedText&& in) {
  if (in.text.find("\xc2\xad") == std::string::npos) return std::move(in);
  return rewrite_each(std::move(in), [](char32_t c) -> char32_t { return c == 0xAD ? 0 : c; });
}

namespace {

// The byte length of the superscript digit (¹ ² ³ ⁰ ⁴..⁹) at s[i], or 0.
size_t superscript_digit_at(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (b(0) == 0xC2 && (b(1) == 0xB9 || b(1) == 0xB2 || b(1) == 0xB3)) return 2;
  if (b(0) == 0xE2 && b(1) == 0x81 && (b(2) == 0xB0 || (b(2) >= 0xB4 && b(2) <= 0xB9))) return 3;
  return 0;
}

}  // namespace

MappedText space_before_superscripts(MappedText&& in) {
  const std::string_view s = in.text;
  // Superscripts are rare: two byte searches find that most texts have none.
  if (std::memchr(s.data(), 0xC2, s.size()) == nullptr && s.find("\xe2\x81") == std::string_view::npos) {
    return std::move(in);
  }
  fa::Editor ed(in);
  for (size_t i = 3; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c != 0xC2 && c != 0xE2) || superscript_digit_at(s, i) == 0 || !is_ascii_letter(s[i - 1]) || !is_ascii_letter(s[i - 2]) ||
        !is_ascii_letter(s[i - 3])) {
      continue;
    }
    ed.insert_between(i, ' ');
  }
  return ed.finish(std::move(in));
}

namespace {

// Is there a hyphen right before a line break ("-\n", "- \n", "-\r\n")? One
// scan for the hyphens instead of one search per form.
bool has_hyphen_before_break(std::string_view s) {
  for (size_t h = s.find('-'); h != std::string_view::npos; h = s.find('-', h + 1)) {
    const std::string_view rest = s.substr(h + 1, 2);
    if (rest.starts_with('\n') || rest == " \n" || rest == "\r\n") return true;
  }
  return false;
}

}  // namespace

MappedText join_hyphenated_breaks(MappedText&& in) {
  const std::string_view s = in.text;
  if (!has_hyphen_before_break(s)) return std::move(in);
  MappedText out;
  size_t kept = 0;
  bool changed = false;
  for (size_t h = s.find('-'); h != std::string_view::npos; h = s.find('-', h + 1)) {
    if (h == 0 || !is_ascii_letter(s[h - 1])) continue;
    size_t j = h + 1;
    while (j < s.size() && is_blank(s[j])) ++j;
    if (j >= s.size() || s[j] != '\n') continue;
    ++j;
    while (j < s.size() && is_blank(s[j])) ++j;
    if (j >= s.size() || !(is_ascii_letter(s[j]) || is_ascii_digit(s[j]))) continue;
    size_t pb = h;  // the word before the hyphen
    while (pb > 0 && (is_ascii_letter(s[pb - 1]) || is_ascii_digit(s[pb - 1]))) --pb;
    size_t ne = j;  // the word after the break
    while (ne < s.size() && (is_ascii_letter(s[ne]) || is_ascii_digit(s[ne]))) ++ne;
    const std::string_view before = s.substr(pb, h - pb), after = s.substr(j, ne - j);
    const bool ex_word = (before == "ex" || before == "Ex") && continues_ex_word(after);
    bool keep = (keeps_hyphen(before) && !ex_word) || is_ascii_upper(s[j]) || is_ascii_digit(s[j]);
    // The last part of a hyphenated compound (state-of-the-\nart, up-to-\ndate).
    keep = keep || (pb > 0 && s[pb - 1] == '-');
    for (char c : before) keep = keep || is_ascii_digit(c) || (c != before[0] && is_ascii_upper(c));
    for (char c : after) keep = keep || is_ascii_digit(c);
    keep = keep || participle_modifier(before, after);
    if (!keep) {  // the hyphenated form used elsewhere in the text is evidence too
      const std::string joined = std::string(before) + "-" + std::string(after);
      keep = s.find(joined) != std::string_view::npos;
    }
    if (!changed) {
      changed = true;
      out = new_mapped_text(s.size(), in.runs.size() + 16);
    }
    copy_mapped(out, in, kept, keep ? h + 1 : h);
    kept = j;
  }
  if (!changed) return std::move(in);
  copy_mapped(out, in, kept, s.size());
  recycle_buffers(std::move(in));
  return out;
}

MappedText join_wrapped_lines(MappedText&& in) {
  const std::string_view s = in.text;
  if (s.find('\n') == std::string_view::npos) return std::move(in);
  // A line break adds at most two runs.
  MappedText out = new_mapped_text(s.size(), in.runs.size() + s.size() / 16);
  MapCursor cursor(in);
  size_t kept = 0;
  for (size_t nl = s.find('\n'); nl != std::string_view::npos;) {
    size_t b = nl, e = nl + 1;
    while (b > 0 && is_blank(s[b - 1])) --b;
    while (e < s.size() && is_blank(s[e])) ++e;
    if (e < s.size() && s[e] == '\n') {  // a blank line: a paragraph break stays
      while (e < s.size() && (s[e] == '\n' || is_blank(s[e]))) ++e;
      nl = s.find('\n', e);
      continue;
    }
    copy_mapped(out, cursor, kept, b);
    if (b > 0 && e < s.size()) {
      const auto [ob, oe] = cursor.range(nl, nl + 1);
      push_mapped(out, ' ', ob, oe);
    }
    kept = e;
    nl = s.find('\n', e);
  }
  copy_mapped(out, cursor, kept, s.size());
  recycle_buffers(std::move(in));
  return out;
}

namespace {

constexpr char32_t fold_quote_or_dash(char32_t c) {
  if (c < 0x2010) return c;
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: return '-';
    default: return c;
  }
}

}  // namespace

MappedText fold_quotes_and_dashes(MappedText&& in) {
  return rewrite_each(std::move(in), [](char32_t c) { return fold_quote_or_dash(c); });
}

char32_t latin_base(char32_t c) {
  // Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional:
  // the letters whose canonical decomposition is an ASCII letter and marks.
  static const auto table = [] {
    std::vector<char32_t> t(0x0250 - 0x00C0 + 0x1F00 - 0x1E00, 0);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    auto base_of = [&](char32_t x) -> char32_t {
      icu::UnicodeString d;
      if (nfd == nullptr || !nfd->getDecomposition(static_cast<UChar32>(x), d) || d.length() < 2) return x;
      const UChar32 b = d.char32At(0);
      if (b >= 0x80 || !std::isalpha(static_cast<unsigned char>(b))) return x;
      for (int32_t i = U16_LENGTH(b); i < d.length(); i += U16_LENGTH(d.char32At(i))) {
        if (u_getCombiningClass(d.char32At(i)) == 0) return x;  // not only marks after it
      }
      return static_cast<char32_t>(b);
    };
    for (char32_t x = 0x00C0; x < 0x0250; ++x) t[x - 0x00C0] = base_of(x);
    for (char32_t x = 0x1E00; x < 0x1F00; ++x) t[x - 0x1E00 + 0x0250 - 0x00C0] = base_of(x);
    return t;
  }();
  // A combining diacritical mark NFKC could not compose (ë and an acute:
  // `e` U+0344) goes too, or a second fold would compose it (fuzzing).
  if (c >= 0x0300 && c < 0x0370) return 0;
  if (c >= 0x00C0 && c < 0x0250) return table[c - 0x00C0];
  if (c >= 0x1E00 && c < 0x1F00) return table[c - 0x1E00 + 0x0250 - 0x00C0];
  return c;
}

MappedText fold_chars(MappedText&& in) {
  return apply_nfkc_casefold_then(std::move(in), [](char32_t c) {
    if (c - 0x0600 < 0x100) return fa::fold_arabic_fast(fa::persian_letter_fast(c));
    if (c >= 0x00C0) return latin_base(fold_quote_or_dash(c));
    return fold_quote_or_dash(c);
  });
}

}  // namespace dipmine::text::en

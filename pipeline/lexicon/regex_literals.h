// Most lexicon forms match a finite set of strings once white space is
// squeezed: alternations of words, optional suffixes, `\s*`/`\s+` between
// words. This module lists that set for a form's pattern (regex_syntax.h's
// tree), so that one multi-literal pass finds every form (matcher.cpp).
//
//   std::optional<RegexLiterals> l = regex_literals("(?i:sister\\s+cit(y|ies))");
//   // l->strings == {"sister city", "sister cities"}
//
// The strings are meant for SQUEEZED folded text (squeeze_white_space): each
// maximal run of RE2's \s characters [\t\n\f\r ] is one space ' ', and a
// string's ' ' stands for one such run. The listing is exact, i.e. at every
// position of a folded text the pattern's RE2 matches end exactly where the
// strings' occurrences in the squeezed text end (mapped back), provided the
// text holds no ASCII capital, no U+212A/U+017F and no ZWNJ (folded text
// holds none; squeeze_white_space reports them), and, for a `glue` form, no
// hyphen (then the text squeezed with hyphens counts: glue_text below).
// Returns nullopt (the caller runs RE2) when the pattern has syntax
// parse_regex does not model, an unbounded repeat of anything but white
// space, `.`/\w/negated classes, a single white-space character or a class
// holding only some of \s, white space at a match's start or twice in a row,
// non-ASCII letters with case under (?i), or more than `limit` strings.
// Thread safety: pure functions.
#pragma once
#include <cstdint>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::lexicon {

struct RegexLiterals {
  std::vector<std::string> strings;  // sorted, distinct, none empty
  // The pattern has the English literal glue [\s\-‐‑]+ (lexicon.h): its ' '
  // stands for a run of white space AND hyphens (U+002D, U+2010, U+2011).
  bool glue = false;
  // false: a loose listing, wider than the matches: every match's squeezed
  // text begins with one of the strings (of 3+ bytes), and a single \s or a
  // class with some of \s counts as a run; each place one occurs is to be
  // confirmed by the pattern's RE2, anchored there. For patterns with too
  // many strings, or with an unbounded repeat after a listable beginning.
  bool exact = true;
};

std::optional<RegexLiterals> regex_literals(std::string_view pattern, size_t limit = 256);

// What a scan of folded text needs to use the listed strings.
struct SqueezedText {
  std::string text;  // white-space runs as one ' '
  // Where offsets shift: (offset in text, what to add from there on), one
  // per run of 2+ bytes (after its ' ').
  std::vector<std::pair<uint32_t, uint32_t>> shifts;
  bool odd = false;      // holds a capital A-Z, U+212A, U+017F or ZWNJ: the listing may not hold
  bool hyphens = false;  // holds - U+2010 or U+2011: glue forms need the glue squeeze
  // The folded text's offset of text offset k (0..text.size()): a run's ' '
  // maps to the run's start, the offset after it to the run's end.
  uint32_t to_folded(uint32_t k) const;
};
// `glue`: hyphens (U+002D, U+2010, U+2011) count as white space too.
void squeeze_white_space(std::string_view folded, bool glue, SqueezedText& out);

}  // namespace dipmine::lexicon

// The RE2 syntax the lexicon's regex forms use, read into a tree: characters
// and classes, sequences, alternations, ? * + {n} {n,} {n,m} (m at most 8:
// read as n copies and m - n optional ones, the same strings) and groups
// ((...), (?:...), (?i:...)). regex_literals.h lists from it the strings a
// form matches.
//
//   std::optional<RegexNode> t = parse_regex("(?i:sister[- ]+cit(y|ies))");
//
// parse_regex returns nullopt for anything else (assertions ^ $ \b \B \A \z,
// counts above 8 or a brace RE2 reads as a literal, other flags, named
// groups, \p, [[:alpha:]], \C, \Q...\E, a second repetition operator as in
// a**, which RE2 rejects, and malformed UTF-8); callers then use RE2 alone. A character node lists what it
// matches exactly where it can: ASCII characters (both cases under (?i), and
// then U+212A for k and U+017F for s, as RE2 folds them), non-ASCII characters
// written out; `.`, \w, \S, \D, \W and negated classes set any_other.
// Thread safety: plain values.
#pragma once
#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::lexicon {

struct RegexNode {
  enum class Kind { chars, sequence, alternation, repeat };
  Kind kind = Kind::sequence;
  // chars: one character of this set
  std::bitset<128> ascii;
  std::vector<std::string> others;  // non-ASCII characters, UTF-8
  bool any_other = false;           // also matches non-ASCII characters not listed
  bool case_letter = false;         // an ASCII letter under (?i) (matches non-ASCII K, ſ)
  // sequence, alternation: kids; repeat: kids[0], at least `min` (0 or 1) times,
  // at most once unless `unbounded`.
  std::vector<RegexNode> kids;
  int min = 0;
  bool unbounded = false;
};

std::optional<RegexNode> parse_regex(std::string_view pattern);

}  // namespace dipmine::lexicon

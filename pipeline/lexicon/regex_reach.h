// How far a regex form's match can reach: the Matcher runs a regex form's RE2
// only in a window around an occurrence of one of its atoms (which every match
// contains) instead of over the whole paragraph.
//
//   std::optional<RegexReach> r = regex_reach("(?i:(ایجاد|ترویج)\\s*صلح)");
//   // r->max_counted == 5: a match holds at most 5 characters that are not
//   // in r->free (here: the white space that \s* may repeat without bound)
//   size_t from = r->earliest_start(text, atom_begin);
//   size_t to = r->latest_end(text, atom_begin);
//   // every match [b, e) with b <= atom_begin <= e has from <= b and e <= to
//
// A match is a run of characters; the parts of the pattern that are not
// repeated without bound (`*`, `+`) match at most max_counted characters in
// all, and the unbounded repeats only match ASCII characters of `free`. So a
// match holds at most max_counted characters outside `free`, and the windows
// are found by counting those characters away from the atom.
// regex_reach returns nullopt, and the caller searches the whole text, for any
// syntax it does not model exactly: assertions (^ $ \b \B \A \z), counted
// repetition {n,m}, flags other than (?i:, unbounded repeats of non-ASCII or
// (under (?i)) letters (`k` also matches U+212A), classes like [[:alpha:]] or
// \p{...}, \C. Lazy quantifiers are fine: they change which match, not how long
// one can be.
// Thread safety: a RegexReach is immutable; share it freely.
#pragma once
#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string_view>

#include "lexicon/regex_syntax.h"

namespace dipmine::lexicon {

struct RegexReach {
  uint32_t max_counted = 0;  // characters of a match outside `free`, at most
  std::bitset<128> free;     // ASCII characters not counted (regex_reach sets both)

  // The smallest b >= floor such that text[b, at) holds at most max_counted
  // counted characters (b is a character boundary if `at` and floor are).
  size_t earliest_start(std::string_view text, size_t at, size_t floor = 0) const;
  // The largest e such that text[at, e) holds at most max_counted counted
  // characters (the start of the next counted character, or the text's end).
  size_t latest_end(std::string_view text, size_t at) const;

 private:
  friend std::optional<RegexReach> regex_reach(const RegexNode& tree);
  // Per byte, from `free`: a continuation byte, a free character, or the
  // first byte of a counted one (one load per byte in the scans above,
  // which run over every window's two sides).
  enum class ByteKind : uint8_t { continuation, free, counted };
  std::array<ByteKind, 256> kind_{};
};

std::optional<RegexReach> regex_reach(std::string_view pattern);
std::optional<RegexReach> regex_reach(const RegexNode& tree);

}  // namespace dipmine::lexicon

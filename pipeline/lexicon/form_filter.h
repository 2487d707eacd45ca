// Internals of the Matcher (lexicon/matcher.h), in a header of their own so
// that each can be read and tested alone.
//
//   FormFilter ff(form);        // ff.atoms, ff.clauses: what must occur for `form`
//   LiteralPlan p{literal_pieces(form.form, form.lang), form.lang};
//   size_t end = p.match_at(folded, begin);   // npos: no match at `begin`
//
// Errors: FormFilter throws dipmine::Error "forms.tsv:LINE: RE2 cannot compile
// ..." for a pattern RE2 rejects. Both are immutable after construction and
// safe to share between threads.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"

namespace dipmine::lexicon {

// Shortest atom (required substring, in bytes) the prefilter keeps: two
// Persian letters, one kana/kanji plus a byte, three ASCII letters. Shorter
// atoms would fire on nearly every paragraph.
constexpr int kMinAtomBytes = 3;

// One form's prefilter as clauses: sets of atoms of which the text must hold
// at least one. RE2's FilteredRE2 computes the form's atoms (substrings of 3+
// bytes) and a monotone boolean filter over them; a set C of atoms is a clause
// when the filter fails with every atom but those of C present. Each atom the
// filter cannot pass without is a clause of its own; for the others (words of
// an alternation) a clause is shrunk from all of them to a minimal one. Every
// clause is necessary, so the filter never drops a form that can match, and
// at search time it costs a few counter increments instead of a tree walk.
// No atoms (or no clause): the form runs on every paragraph.
struct FormFilter {
  std::vector<std::string> atoms;
  std::vector<std::vector<uint16_t>> clauses;  // indices into atoms

  explicit FormFilter(const Form& f);
};

// A literal form checked without RE2: its folded pieces joined by the
// language's separators, exactly what literal_pattern compiles (fa: any run of
// white space or ZWNJ, possibly empty; en: a nonempty run of white space or
// hyphens; ja: any run of white space).
struct LiteralPlan {
  std::vector<std::string> pieces;
  text::Lang lang = text::Lang::none;

  // Length of the separator run at s[i] (0 if none).
  size_t glue_at(std::string_view s, size_t i) const;
  // End of the match starting at `b` (where pieces[0] occurs), or npos.
  size_t match_at(std::string_view s, size_t b) const;
};

}  // namespace dipmine::lexicon

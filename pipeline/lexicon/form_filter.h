// Internals of the Matcher (lexicon/matcher.h), in a header of their own so
// that each can be read and tested alone.
//
//   FormFilter ff(form);        // ff.atoms, ff.clauses: what must occur for `form`
//
// The Matcher uses it for the forms regex_literals.h cannot list.
// Errors: FormFilter throws dipmine::Error "forms.tsv:LINE: RE2 cannot compile
// ..." for a pattern RE2 rejects. Immutable after construction and safe to
// share between threads.
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

}  // namespace dipmine::lexicon

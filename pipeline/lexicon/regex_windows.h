// The Matcher's search for one regex form in one paragraph, with RE2 run only
// in small windows: every match contains an occurrence of an atom of each of
// the form's clauses (form_filter.h), and reaches at most so far around it
// (regex_reach.h). The atom pass has already found every occurrence.
//
//   RegexWindows w;
//   w.start(reach, program);                     // per form and paragraph
//   w.add(clause, occurrences_of_atom, atom_size);  // every atom of every clause
//   for (size_t pos = 0, b, e; w.next(re, text, pos, b, e); pos = ...) use(b, e);
//
// next() gives exactly what re.Match(text, pos, text.size(), UNANCHORED)
// gives (leftmost, then longest with longest_match set), provided `re` has no
// assertions (regex_reach checks that). How: take the clause whose atoms occur
// least; `at` = its first occurrence starting at or after pos. Any match
// starting at or after pos starts after earliest_start(at), and any match
// starting in [pos, at] ends before latest_end(at); so RE2 over that window
// finds it. A match found there that starts after `at` may not be the longest
// one, so it is not trusted; when there is none starting in [pos, at], on past
// `at`. A window lacking an occurrence of some other clause's atoms holds no
// match: nothing is run at all. With a RegexProgram (regex_program.h) the
// window is searched by it instead of RE2: same answers, no per-call setup.
// Not thread-safe: one object per thread (the Matcher keeps a thread_local).
#pragma once
#include <re2/re2.h>

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/regex_program.h"
#include "lexicon/regex_reach.h"

namespace dipmine::lexicon {

// An atom occurrence from the atom pass: (atom, end offset); one atom's are
// contiguous and ascending.
using Occurrence = std::pair<int, uint32_t>;

class RegexWindows {
 public:
  // `lang`: the form's; the program tries only starts where a match may
  // stand (opens_word), which changes no hit the Matcher keeps.
  void start(const RegexReach& reach, const RegexProgram* program, text::Lang lang);
  // The occurrences [first, last) of one atom of clause `clause` (clauses are
  // numbered 0, 1, ... in the order they are first added).
  void add(uint32_t clause, const Occurrence* first, const Occurrence* last, uint32_t atom_size);
  // The leftmost-longest match of `re` in text starting at or after pos.
  bool next(const RE2& re, std::string_view text, size_t pos, size_t& b, size_t& e);

 private:
  struct Cursor {
    const Occurrence* at;    // first occurrence not yet passed
    const Occurrence* last;
    uint32_t size;           // of the atom
    uint32_t clause;
    size_t begin() const { return at->second - size; }
  };
  // The first occurrence of `clause` starting at or after `pos` (SIZE_MAX: none).
  size_t first_from(uint32_t clause, size_t pos);
  // Does `clause` have an occurrence inside [from, to)?
  bool inside(uint32_t clause, size_t from, size_t to);

  const RegexReach* reach_ = nullptr;
  const RegexProgram* program_ = nullptr;  // null: RE2
  text::Lang lang_ = text::Lang::none;
  std::vector<Cursor> cursors_;
  std::vector<size_t> counts_;  // occurrences per clause
  int lead_ = -1;               // the clause whose occurrences make the windows
};

}  // namespace dipmine::lexicon

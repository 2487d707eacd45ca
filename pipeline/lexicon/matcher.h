// A Matcher is a Lexicon compiled for finding its forms in text. Matching
// runs on the FOLDED text (normalizer_for(lang).fold_for_prefix: the fold
// without the English stem, so that regex forms see whole words and spell
// their inflections out), with each white-space run squeezed to one space.
// Most forms match a finite set of strings there (regex_literals.h lists
// them: alternations, optional parts, \s* and \s+ between words); one
// Hyperscan pass over the squeezed text finds the 8-byte beginnings of all
// of them, extended in place to the strings, and per form RE2's
// leftmost-longest rule is applied to the occurrences. A form listed
// loosely (too many strings, or an unbounded repeat after a listable
// beginning) is confirmed by its RE2 anchored where a string occurs; a form
// not listed at all runs its RE2 over the paragraph where the atoms of its
// FilteredRE2 clauses occur (the same pass finds them). Text that is not
// folded (capitals, ZWNJ, U+212A, U+017F) runs every form's RE2. A literal
// written once meets its ZWNJ/space, yeh/kaf, width and case variants;
// offsets go back to the original text through the fold's byte map.
//
//   Matcher m(load_lexicon("lexicons"));
//   for (const Mention& x : m.find(paragraph, text::Lang::fa))
//     use(m.lexicon().concepts[x.concept_index].id, x.start, x.end);
//
// Rules:
// - Word boundaries: a match in fa or en text must not touch a letter, mark or
//   digit on either side (checked on the folded text; RE2's \b is ASCII-only).
//   Japanese has no word boundaries, except that a match starting or ending
//   with a Latin letter or digit must not continue a Latin word ("SCO" is not
//   found inside "DISCO").
// - Every form applies to every paragraph; the form's language only chooses how
//   it is folded and which boundary rule applies.
// - Case-sensitive forms are found on folded text and then confirmed on the
//   original: a literal's upper/lower-case letters must agree one by one; a
//   regex must match the cleaned original span in full, case-sensitively.
// - Overlaps resolve to the leftmost, then longest match, separately for
//   indicators and networks (a network's name may also be an indicator's
//   evidence); equal spans go to the form listed first.
// - Near forms ("A ~N B", lexicon.h): each match of side A (by the rules
//   above) pairs with the closest match of B, or of any network mention kept
//   by the overlap rule for B = @network, that does not overlap it, lies in
//   the same sentence (text::sentences of the original paragraph: the fold
//   lowercases, which hides sentence starts; scan() has only the folded
//   text) and has at
//   most N words (text::words) between the two; the mention spans both. Near
//   mentions resolve their overlaps among themselves, so they never hide a
//   plain form's mention nor are hidden by one.
// Errors: the constructor throws dipmine::Error ("forms.tsv:LINE: RE2 cannot
// compile ...") for a pattern RE2 rejects (load_lexicon has checked them).
// Thread safety: const methods may be called from any number of threads; each
// thread has its own Hyperscan scratch space and compiles its own RE2s on
// first use (a shared RE2 takes a lock on every DFA search); the Hyperscan
// databases and the listings are shared.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"
#include "text/lang.h"
#include "text/normalizer.h"

namespace dipmine::lexicon {

// A match in folded text: form index, byte range in the folded text.
struct Hit {
  uint32_t form = 0;
  uint32_t begin = 0, end = 0;
};

// A match in original text: concept and form index, original byte range.
struct Mention {
  uint32_t concept_index = 0;
  uint32_t form = 0;
  uint32_t start = 0, end = 0;
};

class Matcher {
 public:
  explicit Matcher(Lexicon lexicon);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  const Lexicon& lexicon() const { return lexicon_; }

  // Mentions in `original` (a paragraph of language `lang`), sorted by start.
  std::vector<Mention> find(std::string_view original, text::Lang lang) const;
  // The same, given `folded` == normalizer_for(lang).fold_for_prefix(original)
  // (ingest folds each paragraph once for matching and for the index).
  std::vector<Mention> find(std::string_view original, text::Lang lang,
                            const text::MappedText& folded) const;

  // Hits in already folded text: boundaries and overlaps applied, case not
  // confirmed (there is no original to confirm against); `lang` segments the
  // text into sentences and words for near forms. For benchmarks/tests.
  std::vector<Hit> scan(std::string_view folded, text::Lang lang = text::Lang::none) const;

  // Forms neither listed nor with a usable atom: their RE2 runs on every
  // paragraph (slow if many).
  size_t unfiltered_forms() const;

 private:
  struct Shared;
  struct Compiled;
  // candidates(): the hits of plain forms, and of near forms' sides.
  struct Split {
    std::vector<Hit> plain;
    std::vector<Hit> near_a;  // form = the near form
    std::vector<Hit> near_b;  // form = the near form
    // The stop forms that may match the paragraph (indices into lexicon_.stops,
    // ascending): a string of their listing or all atoms of a clause occur.
    // The others have no match in it, so stop spans need only these.
    std::vector<uint32_t> stops;
  };
  // What near forms read: sentences of the original, words of the folded text.
  struct Paragraph {
    std::string_view original, folded;
    const text::MappedText* map;  // folded -> original; null when they are one text
    text::Lang lang;
  };
  const Compiled& compiled() const;  // this thread's copy
  // `hits`: form indices into matched_; `stops` as Split::stops.
  void raw_hits(std::string_view folded, std::vector<Hit>& hits, std::vector<uint32_t>& stops) const;
  // Every hit of form `form` (of matched_) by its own RE2 over the whole text.
  void search_whole(uint32_t form, std::string_view folded, std::vector<Hit>& hits) const;
  // lexicon_'s forms, then a form for each near form's own side B, then one
  // for each stop form (listed and filtered like the others, never searched).
  static Lexicon with_near_sides(const Lexicon& lex, std::vector<uint32_t>& b_owner);
  Split candidates(std::string_view folded) const;
  std::vector<Hit> near_hits(const Split& s, const std::vector<Hit>& kept,
                             const Paragraph& para) const;
  std::vector<Hit> resolve(std::vector<Hit> hits) const;
  std::vector<Hit> finish(Split s, const Paragraph& para) const;

  Lexicon lexicon_;
  // lexicon_'s forms, then each near form's side B as a form of its own
  // (b_owner_[k]: the near form of matched_.forms[lexicon_.forms.size() + k]),
  // then the stop forms (matched_.forms[first_stop_ + k]: lexicon_.stops[k]).
  std::vector<uint32_t> b_owner_;
  Lexicon matched_;
  uint32_t first_stop_;
  uint64_t id_;  // key of this matcher's per-thread programs
  std::unique_ptr<const Shared> shared_;
  std::shared_ptr<const Compiled> first_;  // compiled in the constructor (checks errors)
  mutable std::atomic<bool> first_claimed_{false};
};

}  // namespace dipmine::lexicon

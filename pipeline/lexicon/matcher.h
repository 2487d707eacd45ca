// A Matcher is a Lexicon compiled for finding its forms in text. Every form's
// RE2 pattern (and each near form's two sides) goes into one Hyperscan
// database (block mode, UTF-8, leftmost start of match reported), scanned once
// per paragraph. Hyperscan reports every end of every match, but not RE2's
// leftmost-longest choice among overlapping ones; so for each form it reports,
// the form's own RE2 then runs only over the stretch Hyperscan found (from the
// leftmost reported start to the last reported end), which yields exactly the
// matches RE2 over the whole paragraph would. A pattern Hyperscan cannot
// compile (rare: RE2 syntax it lacks) is searched by its RE2 on every
// paragraph; re2_fallback_forms() says how many. Matching runs on the FOLDED
// text (normalizer_for(lang).fold_for_prefix: the fold without the English
// stem, so that regex forms see whole words and spell their inflections out),
// so a literal written once meets its ZWNJ/space, yeh/kaf, width and case
// variants; offsets go back to the original text through the fold's byte map.
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
//   found inside "DISCO"). Per form, matches are taken leftmost-longest and
//   then on from the match's end (one character on when a boundary fails).
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
// compile ...") for a pattern neither Hyperscan nor RE2 compiles (load_lexicon
// has checked them), or "Hyperscan: ..." if the database cannot be built.
// Thread safety: const methods may be called from any number of threads. The
// database is shared; each thread has its own Hyperscan scratch and compiles
// its own RE2 for a form when it first needs it (a shared RE2 takes a lock on
// every DFA search).
#pragma once
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

  // Patterns Hyperscan could not compile, searched by RE2 on every paragraph.
  size_t re2_fallback_patterns() const;
  // Milliseconds the constructor spent building the Hyperscan database.
  double compile_ms() const { return compile_ms_; }

 private:
  struct Shared;
  struct Compiled;
  struct Split;
  // What near forms read: sentences of the original, words of the folded text.
  struct Paragraph {
    std::string_view original, folded;
    const text::MappedText* map;  // folded -> original; null when they are one text
    text::Lang lang;
  };
  const Compiled& compiled() const;  // this thread's copy
  Split candidates(std::string_view folded) const;
  std::vector<Hit> near_hits(const Split& s, const std::vector<Hit>& kept,
                             const Paragraph& para) const;
  std::vector<Hit> resolve(std::vector<Hit> hits) const;
  std::vector<Hit> finish(Split s, const Paragraph& para) const;

  Lexicon lexicon_;
  uint64_t id_;  // key of this matcher's per-thread programs
  std::unique_ptr<const Shared> shared_;
  double compile_ms_ = 0;
};

}  // namespace dipmine::lexicon

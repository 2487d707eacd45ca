// A Normalizer turns original text into the two forms every later stage uses,
// each with a map back to the original bytes.
//
//   const Normalizer& n = normalizer_for(Lang::fa);
//   MappedText c = n.clean("میشود");     // c.text == "می\u200cشود"
//   MappedText f = n.fold("می شود");     // f.text == "میشود", as fold("میشود")
//   auto [b, e] = f.original_span(0, f.text.size());   // bytes of the original
//
// clean: a faithful, readable text (what a careful editor would fix); used for
//        display, KWIC lines and term extraction.
// fold:  the matching key, built on clean and more aggressive (case, digits,
//        diacritics, ZWNJ ignored, English stems, ...); used by search and
//        lexicon matching. fold(fold(x)) == fold(x) and fold(clean(x)) == fold(x).
// fold_for_prefix: fold without the steps that cut word endings (the English
//        stem): a search prefix query `govern*` must be folded this way, since
//        the stem of a prefix is not a prefix of the stems it should find.
//        For fa and ja it equals fold.
//
// The steps of each language are listed in persian_normalizer.cpp,
// english_normalizer.cpp and japanese_normalizer.cpp (steps.h documents each);
// docs/normalization.md has the rules with examples.
//
// Every byte of the output knows the original byte range it came from, so a hit
// found in folded text is shown and highlighted in the original. Ranges are
// always valid (begin < end <= original size, on character boundaries, except
// an inserted ZWNJ, and the space the Persian letter repair puts at a change
// of script (مسافت۹ -> مسافت ۹), which map to the empty range where they
// were inserted) and
// MONOTONE (begin and end never decrease along the output) with one exception:
// the Persian visual-order repair moves pieces of words (and words of a
// backwards run) into reading order, so inside a repaired stretch of a line the
// map jumps back and forth; and a word the letter repairs rewrite (reversed
// lam-alef, repeated letters) maps as a whole, so a ZWNJ inserted inside it
// later maps to its start. Outside repaired stretches, and for en, ja and any
// fa text the repair leaves alone, the map is monotone; original_span takes the
// minimum and maximum over the range, so spans are right either way.
//
// Input need not be valid UTF-8: an invalid byte becomes U+FFFD in the output,
// mapped to that byte. No method throws for any input. Results depend only on
// the input text and compiled-in data (never on the corpus or the directory).
// Normalizers are immutable after construction and safe to share between threads
// (implementations keep non-thread-safe ICU/Snowball objects per thread).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/lang.h"

namespace dipmine::text {

struct MappedText;

// A read-only column of the map: begin[i] or end[i] for output byte i, computed
// from the map's runs (so reading one entry costs a binary search; to read a
// range, use original_span). size() equals the text's size.
class OffsetColumn {
 public:
  uint32_t operator[](size_t i) const;
  size_t size() const;
  bool empty() const { return size() == 0; }
  uint32_t front() const { return (*this)[0]; }
  uint32_t back() const { return (*this)[size() - 1]; }

 private:
  friend struct MappedText;
  OffsetColumn(const MappedText* owner, bool is_end) : owner_(owner), is_end_(is_end) {}
  const MappedText* owner_;
  bool is_end_;
};

// Text plus, for each of its bytes, the original byte range it was made from.
struct MappedText {
  std::string text;
  // begin[i], end[i]: the original bytes that produced output byte i. Sizes equal
  // text.size(). For unchanged text begin[i] == i and end[i] == i + 1 (as a
  // whole character: every byte of a character carries the character's range).
  // Read-only views of `runs` (below).
  OffsetColumn begin{this, false};
  OffsetColumn end{this, true};

  // The original byte range [first, last) covering output bytes [b, e); for an
  // empty range, the position where output byte b came from. b <= e <= size.
  // Costs O(log runs + runs in the range).
  std::pair<uint32_t, uint32_t> original_span(size_t b, size_t e) const;

  // An identity map over `s` (clean output of a text that needs no change).
  static MappedText identity(std::string_view s);

  // The map, stored as runs so that a step copying text copies a few runs, not
  // eight bytes per byte. Run k covers output bytes [runs[k].out, runs[k+1].out)
  // (the last one up to text.size()); runs[0].out == 0 when text is not empty.
  // A run with oe == kVerbatim is a verbatim copy of the original from byte ob
  // on: output byte out + k belongs to the character at original byte ob + k,
  // and maps to that character's range. Any other run maps all its bytes to
  // [ob, oe). Build maps with the helpers of steps.h, which keep these rules.
  static constexpr uint32_t kVerbatim = UINT32_MAX;
  struct Run {
    uint32_t out = 0;
    uint32_t ob = 0;
    uint32_t oe = 0;
  };
  std::vector<Run> runs;

  // The range of output byte i (i < text.size()).
  std::pair<uint32_t, uint32_t> byte_range(size_t i) const;

  MappedText() = default;
  MappedText(const MappedText& o) : text(o.text), runs(o.runs) {}
  MappedText(MappedText&& o) noexcept : text(std::move(o.text)), runs(std::move(o.runs)) {}
  MappedText& operator=(const MappedText& o) {
    text = o.text;
    runs = o.runs;
    return *this;
  }
  MappedText& operator=(MappedText&& o) noexcept {
    text = std::move(o.text);
    runs = std::move(o.runs);
    return *this;
  }
};

inline uint32_t OffsetColumn::operator[](size_t i) const {
  const auto r = owner_->byte_range(i);
  return is_end_ ? r.second : r.first;
}
inline size_t OffsetColumn::size() const { return owner_->text.size(); }

class Normalizer {
 public:
  virtual ~Normalizer() = default;
  virtual Lang lang() const = 0;
  // The clean text of `original`.
  virtual MappedText clean(std::string_view original) const = 0;
  // The folded matching key of `original` (clean, then fold steps).
  virtual MappedText fold(std::string_view original) const = 0;
  // fold without stemming, for prefix queries (see above). Default: fold.
  virtual MappedText fold_for_prefix(std::string_view original) const { return fold(original); }
  // fold(x) from fold_for_prefix(x), without normalising x again: ingest folds
  // a paragraph once for lexicon matching and once more would be waste.
  // finish_fold(fold_for_prefix(x)) == fold(x). Default: the identity.
  virtual MappedText finish_fold(MappedText&& prefix_folded) const {
    return std::move(prefix_folded);
  }
};

// The normaliser for `lang`; Lang::none gets a language-neutral one (NFKC,
// case folding). The returned object lives as long as the program.
const Normalizer& normalizer_for(Lang lang);

}  // namespace dipmine::text

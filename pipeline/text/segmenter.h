// Segmentation of text into sentences and word tokens with ICU's BreakIterator
// (dictionary-based for Japanese), plus the indexing terms that search and the
// FTS5 tokenizer use.
//
//   for (Span s : sentences(text, Lang::en)) ...
//   for (Span w : words(text, Lang::ja)) ...         // 東京|都|に|住む
//   for (Term t : index_terms(original, Lang::fa)) ... // folded term + original bytes
//
// Offsets are UTF-8 byte offsets into the text given. Words are spans that contain
// at least one letter or digit (punctuation and spaces are not words). Thread-safe:
// BreakIterators are kept per thread. Invalid UTF-8 never crashes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/lang.h"

namespace dipmine::text {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

std::vector<Span> sentences(std::string_view text, Lang lang);
std::vector<Span> words(std::string_view text, Lang lang);

// A search/indexing term: the folded key and the original bytes it covers.
struct Term {
  std::string key;     // folded form, what the index stores
  uint32_t begin = 0;  // byte range in the ORIGINAL text
  uint32_t end = 0;
  bool colocated = false;  // an alternative key at the same position as the previous term
};

// Terms of `original` for indexing and querying: fold, segment, map back.
// Japanese kanji/katakana/hiragana runs also yield character bigrams so that any
// substring query of two or more characters is found.
std::vector<Term> index_terms(std::string_view original, Lang lang);

}  // namespace dipmine::text

// UAX #29 word and sentence boundaries without ICU, for the common case.
// Internal to the text module (segmenter.cpp dispatches to it).
//
// ICU's BreakIterator costs ~130 instructions a byte, most of ingest's
// segmenting. Folded English and Persian text uses few code points, so for
// text made only of code points below U+0700 and of General Punctuation
// (U+2000..U+206F), the UAX #29 rules are applied here to ICU's own
// Word_Break and Sentence_Break classes (with ICU's tailorings), and
// anything else (kana, Hebrew, emoji, ...) is left to ICU. Tests compare both
// span for span on the corpus and on random text.
//
//   std::vector<Span> out;
//   if (!fast_words(text, out)) out = icu_words(text, lang);
#pragma once
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace dipmine::text {

// The segments ICU's word (sentence) BreakIterator gives, keeping only those
// with a letter or digit, appended to `out`; false (and `out` unusable) when
// the text has a code point left to ICU.
bool fast_words(std::string_view text, std::vector<Span>& out);
bool fast_sentences(std::string_view text, std::vector<Span>& out);

// Whether `s` holds a letter or a digit (u_isalnum): the filter both apply.
bool has_letter_or_digit(std::string_view s);

}  // namespace dipmine::text

// Whether a match found in folded text stands as a word of its own: the
// Matcher's boundary rule (matcher.h), apart so that it can be read and
// tested alone.
//
//   if (at_word_boundaries(folded, b, e, text::Lang::fa)) keep(b, e);
//
// fa and en: the match must not touch a letter, mark or digit on either side
// (Unicode, not RE2's ASCII-only \b), unless the script changes there
// (text::script_changes: UCLGشهر holds UCLG and شهر). ja has no word
// boundaries, except that a match starting or ending with a Latin letter or
// digit must not continue a Latin word ("SCO" is not found inside "DISCO").
// `b` and `e` are byte offsets of character boundaries in valid UTF-8.
// Thread safety: a pure function.
#pragma once
#include <cstddef>
#include <string_view>

#include "text/lang.h"

namespace dipmine::lexicon {

bool at_word_boundaries(std::string_view s, size_t b, size_t e, text::Lang lang);
// The left half of that rule: whether a match starting at `b` may stand there
// (a match starting where this is false never passes at_word_boundaries).
bool opens_word(std::string_view s, size_t b, text::Lang lang);
// Whether matches in languages `a` and `b` keep the same rule (all but ja do).
inline bool same_boundary_rule(text::Lang a, text::Lang b) {
  return (a == text::Lang::ja) == (b == text::Lang::ja);
}

}  // namespace dipmine::lexicon

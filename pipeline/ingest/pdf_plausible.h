// Whether a PDF page's text decodes to letters, or is what a font without a
// usable Unicode map gives: glyph codes read as the wrong characters.
//
//   TextPlausibility p = judge_text(page_text);
//   if (!p.decodes_to_letters()) ...  // warn: stored as read, but unreadable
//
// A font whose ToUnicode map is missing or wrong makes poppler (and every
// other extractor) read its glyph codes as some code page: private-use or
// unassigned code points, control characters, or Latin letters shifted to
// others (pdfminer.six's issue-791 sample: `3HQČåQtSURVWĜHGN\QD~þWHFK`, its
// spaces read as U+0003). A page is judged not to decode when, of its
// non-space characters (at least 16), 30% or more are suspect:
//  * odd code points: private use, unassigned, controls, U+FFFD;
//  * Latin letters in runs of letters and digits that no language spells:
//    digits among the letters, upper and lower case switching more than
//    once, or five letters and more without a vowel;
//  * other letters in a space-free token that mixes scripts as no language
//    does: three scripts or more, or two where neither is Latin (a font
//    mapping an Arabic word's glyphs to Greek, Cyrillic, Armenian, Kannada:
//    pdf.js's ThuluthFeatures.pdf).
// On the real set (tests/data/pdf) real pages score at most 0.11 (a Persian
// page with Latin code); undecoded pages 0.5 and more.
// Pure; safe from any thread.
#pragma once
#include <cstddef>
#include <string_view>

namespace dipmine::ingest {

struct TextPlausibility {
  size_t chars = 0;         // non-space characters
  size_t odd = 0;           // private use, unassigned, controls, U+FFFD
  size_t latin = 0;         // Latin letters
  size_t latin_odd = 0;     // Latin letters in runs no language spells
  size_t mixed = 0;         // other letters in tokens mixing scripts no language mixes
  bool decodes_to_letters() const { return chars < 16 || (odd + latin_odd + mixed) * 10 < chars * 3; }
};

TextPlausibility judge_text(std::string_view utf8);

}  // namespace dipmine::ingest

#include "lexicon/word_boundaries.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/segmenter.h"
#include "text/utf8.h"

namespace dipmine::lexicon {
namespace {

bool is_word_char(char32_t cp) {
  if (u_isalnum(static_cast<UChar32>(cp))) return true;
  const int8_t t = u_charType(static_cast<UChar32>(cp));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

bool is_latin_alnum(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return u_isalpha(static_cast<UChar32>(cp)) &&
         uscript_getScript(static_cast<UChar32>(cp), nullptr) == USCRIPT_LATIN;
}

char32_t code_point_at(std::string_view s, size_t i) {
  size_t len = 0;
  return text::decode_utf8(s, i, len);
}

// The code point ending just before byte `i` (0 if none).
char32_t code_point_before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return code_point_at(s, j);
}

}  // namespace

bool opens_word(std::string_view s, size_t b, text::Lang lang) {
  const char32_t before = code_point_before(s, b);
  if (!before) return true;
  const char32_t first = code_point_at(s, b);
  if (lang == text::Lang::ja) return !(is_latin_alnum(first) && is_latin_alnum(before));
  // A change of script is a boundary too (UCLGشهر, C40در): PDF extraction
  // glues a Latin name or a number to the Persian word next to it.
  return !is_word_char(before) || text::script_changes(before, first);
}

bool at_word_boundaries(std::string_view s, size_t b, size_t e, text::Lang lang) {
  if (!opens_word(s, b, lang)) return false;
  const char32_t after = e < s.size() ? code_point_at(s, e) : 0;
  if (!after) return true;
  const char32_t last = code_point_before(s, e);
  if (lang == text::Lang::ja) return !(is_latin_alnum(last) && is_latin_alnum(after));
  return !is_word_char(after) || text::script_changes(last, after);
}

}  // namespace dipmine::lexicon

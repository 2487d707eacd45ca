#include "ingest/pdf_plausible.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string>

#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

bool is_odd(char32_t c) {
  if (c == 0xFFFD) return true;
  const auto t = u_charType(static_cast<UChar32>(c));
  return t == U_PRIVATE_USE_CHAR || t == U_UNASSIGNED || (t == U_CONTROL_CHAR && !u_isspace(static_cast<UChar32>(c)));
}

// A character of a script other than Latin, or CJK punctuation and
// full-width forms (a Japanese sentence's 「」、。（）).
bool is_other_script(char32_t c) {
  if (c >= 0x3000 && c <= 0x303F) return true;
  if (c >= 0xFF00 && c <= 0xFFEF) return true;
  UErrorCode e = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &e);
  return s != USCRIPT_LATIN && s != USCRIPT_COMMON && s != USCRIPT_INHERITED && s != USCRIPT_UNKNOWN;
}

bool is_latin_letter(char32_t c) {
  UErrorCode e = U_ZERO_ERROR;
  return u_isalpha(static_cast<UChar32>(c)) && uscript_getScript(static_cast<UChar32>(c), &e) == USCRIPT_LATIN;
}

// A vowel, accents aside (é, ö, å are vowels; the base letter decides).
bool is_vowel(char32_t c) {
  UChar32 base = static_cast<UChar32>(c);
  if (c >= 0xC0 && c <= 0x24F) {
    // Latin-1 and Extended-A/B: the first letter of the character's name.
    char name[64];
    UErrorCode e = U_ZERO_ERROR;
    const int32_t n = u_charName(base, U_UNICODE_CHAR_NAME, name, sizeof name, &e);
    // "LATIN SMALL LETTER E WITH ACUTE": the letter after "LETTER ".
    if (U_SUCCESS(e) && n > 0) {
      const std::string_view s(name, static_cast<size_t>(n));
      const size_t at = s.find("LETTER ");
      if (at != std::string_view::npos && at + 7 < s.size() &&
          (at + 8 == s.size() || s[at + 8] == ' ')) {
        base = static_cast<unsigned char>(s[at + 7]);
      }
    }
  }
  switch (u_tolower(base)) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}

// Whether a run of letters and digits is spelt as a word of some language:
// no digit among its letters (`3HQČåQt`; `W3C` and `C40` count against a
// page too, but are few), case switching at most once (JavaScript, McDonald;
// not `cjPeF`), a vowel when five letters or more (not `SURVWĜHGN`).
bool spelt_like_a_word(const std::u32string& t) {
  int switches = 0, letters = 0, digits = 0;
  bool vowel = false, prev_upper = false;
  for (const char32_t c : t) {
    if (!u_isalpha(static_cast<UChar32>(c))) {
      ++digits;
      continue;
    }
    const bool upper = u_isupper(static_cast<UChar32>(c));
    if (letters > 0 && upper && !prev_upper) ++switches;
    prev_upper = upper;
    ++letters;
    vowel = vowel || is_vowel(c);
  }
  return (digits == 0 || letters == 0) && switches <= 1 && (letters < 5 || vowel);
}

// The script a letter counts under for mixing: kana and kanji are one
// (Japanese); Common and Inherited (digits, marks) are none (-1).
int script_group(char32_t c) {
  UErrorCode e = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &e);
  if (s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN) return -1;
  if (s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HAN) return USCRIPT_HAN;
  return s;
}

// Letters of one space-free token, to tell scripts mixed as no language
// mixes them: three scripts or more in one token, or two where neither is
// Latin (a font mapping glyphs to Greek, Cyrillic, Armenian and Kannada in
// one Arabic word: pdf.js's ThuluthFeatures.pdf). Latin glued to Persian or
// Japanese (`UCLGشهر`, `pdfパッケージ`) is real text.
struct ScriptMix {
  int first = -1, second = -1;
  bool three = false;
  size_t non_latin_letters = 0;
  void add(char32_t c) {
    if (!u_isalpha(static_cast<UChar32>(c))) return;
    const int g = script_group(c);
    if (g < 0) return;
    if (g != USCRIPT_LATIN) ++non_latin_letters;
    if (first < 0 || first == g) {
      first = g;
    } else if (second < 0 || second == g) {
      second = g;
    } else {
      three = true;
    }
  }
  size_t odd_letters() const {
    const bool two_non_latin = second >= 0 && first != USCRIPT_LATIN && second != USCRIPT_LATIN;
    return three || two_non_latin ? non_latin_letters : 0;
  }
};

}  // namespace

TextPlausibility judge_text(std::string_view utf8) {
  TextPlausibility p;
  std::u32string token;
  auto end_token = [&] {
    size_t latin = 0;
    for (char32_t c : token) latin += is_latin_letter(c);
    p.latin += latin;
    if (latin > 0 && !spelt_like_a_word(token)) p.latin_odd += latin;
    token.clear();
  };
  ScriptMix mix;
  for (size_t i = 0; i < utf8.size();) {
    size_t len;
    const char32_t c = text::decode_utf8(utf8, i, len);
    i += len;
    if (u_isspace(static_cast<UChar32>(c)) || c == 0x200C) {
      end_token();
      p.mixed += mix.odd_letters();
      mix = ScriptMix();
      continue;
    }
    mix.add(c);
    ++p.chars;
    p.odd += is_odd(c);
    // Runs of letters and digits: code (`\ruby{...}`) and URLs are judged by
    // their words; Japanese has no spaces, so a Latin word ends where
    // another script starts.
    if (!u_isalnum(static_cast<UChar32>(c)) || is_other_script(c)) {
      end_token();
      continue;
    }
    token += c;
  }
  end_token();
  p.mixed += mix.odd_letters();
  return p;
}

}  // namespace dipmine::ingest

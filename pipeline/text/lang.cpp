#include "text/lang.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>

#include "text/utf8.h"

namespace dipmine::text {

std::string_view lang_name(Lang lang) {
  switch (lang) {
    case Lang::fa: return "fa";
    case Lang::en: return "en";
    case Lang::ja: return "ja";
    case Lang::none: break;
  }
  return "";
}

std::optional<Lang> parse_lang(std::string_view name) {
  if (name == "fa") return Lang::fa;
  if (name == "en") return Lang::en;
  if (name == "ja") return Lang::ja;
  return std::nullopt;
}

namespace {

// Whether each code point of U+0600..U+06FF (nearly all of Persian text) is
// an alphabetic character of the Arabic script: the same two ICU questions
// the loop below asks, answered once.
const std::array<bool, 256>& arabic_block_letters() {
  static const std::array<bool, 256> table = [] {
    std::array<bool, 256> t{};
    for (UChar32 c = 0x0600; c <= 0x06FF; ++c) {
      UErrorCode status = U_ZERO_ERROR;
      t[static_cast<size_t>(c - 0x0600)] =
          u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_ARABIC;
    }
    return t;
  }();
  return table;
}

}  // namespace

Lang detect_lang(std::string_view text) {
  // Letters per script, and for Arabic and Latin also words (runs of their
  // letters): Arabic and Persian leave short vowels unwritten, so the same
  // number of words has fewer letters than in English, and a paragraph of
  // Persian with Latin place names (or half and half) went to en by letters.
  size_t arabic = 0, latin = 0, kana = 0, han = 0;
  size_t arabic_words = 0, latin_words = 0;
  enum class Run { none, arabic, latin } run = Run::none;
  auto letter = [&](Run r) {
    if (run != r) (r == Run::arabic ? arabic_words : latin_words) += 1;
    run = r;
  };
  const std::array<bool, 256>& arabic_letter = arabic_block_letters();
  for (size_t i = 0; i < text.size();) {
    // ASCII bytes without a decode call: most of an English paragraph, and
    // the spaces and digits of every other.
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (static_cast<unsigned char>((b | 0x20) - 'a') < 26) {
        ++latin;
        letter(Run::latin);
      } else if (b != '\'' && b != '-') {  // don't, e-mail: one word
        run = Run::none;
      }
      ++i;
      continue;
    }
    // U+0600..U+06FF (leads 0xD8..0xDB and a continuation byte) likewise:
    // nearly all of a Persian paragraph.
    if (b >= 0xD8 && b <= 0xDB && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      const unsigned cp = 0x0600u + (((b & 0x03u) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu));
      if (arabic_letter[cp - 0x0600]) {
        ++arabic;
        letter(Run::arabic);
      } else if (!(cp >= 0x064B && cp <= 0x065F) && cp != 0x0670) {  // harakat stay in the word
        run = Run::none;
      }
      i += 2;
      continue;
    }
    size_t len;
    const char32_t cp = decode_utf8(text, i, len);
    i += len;
    if (cp >= 0x0600 && cp <= 0x06FF) {
      if (arabic_letter[cp - 0x0600]) {
        ++arabic;
        letter(Run::arabic);
      }
      continue;
    }
    if (cp == 0x200C || cp == 0x200D) continue;  // ZWNJ, ZWJ: inside a Persian word
    if (!u_isalpha(static_cast<UChar32>(cp))) {
      if (u_charType(static_cast<UChar32>(cp)) != U_NON_SPACING_MARK) run = Run::none;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(static_cast<UChar32>(cp), &status)) {
      case USCRIPT_ARABIC: ++arabic; letter(Run::arabic); break;
      case USCRIPT_LATIN: ++latin; letter(Run::latin); break;
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA: ++kana; run = Run::none; break;
      case USCRIPT_HAN: ++han; run = Run::none; break;
      default: run = Run::none; break;
    }
  }
  // Japanese text mixes Latin acronyms and names (SCO, Akebia quinata) into
  // kana and kanji; Persian text quotes Latin names. The majority decides, by
  // words: between Arabic and Latin script runs of letters (a tie goes to the
  // Arabic script); Japanese writes no spaces, and a word of it is about two
  // kana or kanji, so those count half against Latin words. (By letters, a
  // kanji weighed as much as one letter of a Latin word: 繁雑な日本の
  // étiquette も was en.) Kana and kanji are counted together.
  const size_t ja = kana + han;
  if (arabic == 0 && latin == 0 && ja == 0) return Lang::none;
  if (arabic > 0 && arabic_words >= latin_words && arabic >= ja) return Lang::fa;
  if (ja > 0 && ja >= std::min(latin, 2 * latin_words)) return Lang::ja;
  return Lang::en;
}

namespace {

// Common words of one language that the other does not write so, as they
// are spelled in Unicode text (Persian with ی ک, Arabic with ي ك).
bool is_common_arabic(std::string_view w) {
  // (من ما لا are Persian words too.)
  static constexpr std::string_view kWords[] = {"في",  "على", "إلى", "الى", "التي", "الذي", "هذا",
                                                "هذه", "عن",  "مع",  "كان", "أن",   "وفي",  "ذلك"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}
bool is_common_persian(std::string_view w) {
  // (به and هم are Arabic words too.)
  static constexpr std::string_view kWords[] = {"است", "در", "از", "که", "این", "را", "برای", "با",
                                                "های", "می", "شود", "آن", "ها", "کرد", "اين", "كه"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

}  // namespace

bool reads_as_arabic(std::string_view text) {
  size_t arabic = 0, persian = 0;
  size_t word_start = 0;
  auto end_word = [&](size_t e) {
    if (e > word_start) {
      const std::string_view w = text.substr(word_start, e - word_start);
      arabic += 2 * is_common_arabic(w);
      persian += 2 * is_common_persian(w);
    }
  };
  for (size_t i = 0; i < text.size();) {
    size_t len;
    const char32_t c = decode_utf8(text, i, len);
    switch (c) {
      case 0x064A: case 0x0643: case 0x0629: case 0x0649: ++arabic; break;  // ي ك ة ى
      // پ چ ژ گ are never Arabic: they weigh more than ی ک, which Arabic
      // typed on a Persian keyboard has too.
      case 0x067E: case 0x0686: case 0x0698: case 0x06AF: persian += 3; break;
      case 0x06A9: case 0x06CC: ++persian; break;
      default: break;
    }
    const bool letter = c >= 0x0600 && c <= 0x06FF;
    if (!letter) {
      end_word(i);
      word_start = i + len;
    }
    i += len;
  }
  end_word(text.size());
  return arabic >= 2 && arabic > 2 * persian;
}

bool reads_as_chinese(std::string_view text, size_t* han, size_t* kana) {
  size_t h = 0, k = 0;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = decode_utf8(text, i, len);
    i += len;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(static_cast<UChar32>(cp), &status)) {
      case USCRIPT_HAN: h += u_isalpha(static_cast<UChar32>(cp)) ? 1 : 0; break;
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA: k += u_isalpha(static_cast<UChar32>(cp)) ? 1 : 0; break;
      default: break;
    }
  }
  if (han != nullptr) *han = h;
  if (kana != nullptr) *kana = k;
  return h >= 50 && k * 50 < h;
}

}  // namespace dipmine::text

// Internal to the Persian steps: the words of a text (for_each_word), each with
// what the word steps ask of it, worked out once per word form and memoised per
// thread (word_cache.h). The visual-order repair and zwnj_join_words read the
// same list, so fa::repair_tidy_and_join scans the words and looks each up once.
//
//   const std::vector<TextWord> words = text_words(t.text);
//   t = repair_visual_order(std::move(t), words);   // words of t.text, in order
#pragma once
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "text/normalizer.h"
#include "text/utf8.h"

namespace dipmine::text::fa {

// What a word can be in zwnj_join_words, from its key (fa_key) alone: the
// bits of join_role. Most words are none of these, and the join step looks
// no further at them.
enum JoinRole : uint8_t {
  kVerbPrefix = 1,      // می نمی
  kSuffix = 2,          // ها های هایی تر ترین
  kSuffixAfterHeh = 4,  // ام ات اش ای اند ایم اید (after a final ه)
  kLoneLetter = 8,      // one letter alone (ر of ر وش), not و
  kCompoundHead = 16,   // the first part of a compound the dictionary writes with ZWNJ (زمین)
  kCompoundTail = 32,   // its second part (لرزه)
  kLetterRepair = 64,   // repair_letters rewrites it (األمل, خیلییییی, اهلل)
  kSeatVariant = 128,   // fold_hamza_seats rewrites it (مسؤول, مساله, هیات)
};
// The first three roles (a key of up to four letters).
uint8_t join_role(std::u32string_view key);
// Whether repair_letters rewrites the letters of `word` (one word).
bool needs_letter_repair(std::string_view word);

// Facts about one word that depend on its bytes only (16 bytes: the memo
// holds thousands, and every word of a text is copied with its facts).
struct WordFacts {
  static constexpr size_t kMaxRanges = 4;      // ranges kept here; more are worked out again
  static constexpr uint8_t kLongRepair = 255;  // repaired, ranges too many or too far for a byte
  uint8_t join_role = 0;                       // JoinRole bits
  // How the visual-order repair rewrites the word: 0, it does not; else the
  // number of byte ranges (relative to the word) in reading order, or
  // kLongRepair for a word whose ranges are worked out again when needed.
  uint8_t repair_ranges = 0;
  // The low half of fa_key_hash of its key (for kCompoundHead/Tail words:
  // the pair's compound hash is looked up without building either key).
  uint32_t key_hash = 0;
  std::pair<uint8_t, uint8_t> repair[kMaxRanges] = {};
};
static_assert(sizeof(WordFacts) == 16);

struct TextWord {
  size_t b = 0, e = 0;  // the word's bytes
  WordFacts facts;
};

// A Latin letter or a digit (ASCII, Persian, Arabic-Indic) whose bytes start
// (end) at s[i] (before s[i]), from its bytes alone: asked at both ends of
// every word. Latin letters are U+00C0..U+02AF but × and ÷, ʼ (U+02BC)
// and U+2C60..U+2C7F.
inline bool two_byte_latin_or_digit(unsigned char lead, unsigned char cont) {
  if (lead == 0xDB) return cont >= 0xB0 && cont <= 0xB9;  // ۰..۹
  if (lead == 0xD9) return cont >= 0xA0 && cont <= 0xA9;  // ٠..٩
  if (lead == 0xC3) return cont != 0x97 && cont != 0xB7;
  // U+0250..U+02AF and ʼ (U+02BC): what case folding and NFKC make of some
  // capitals of U+0100..U+024F (Ʉ -> ʉ, Ʃ -> ʃ, ŉ -> ʼn), so that fold spaces
  // them as clean spaces the capitals.
  if (lead == 0xCA) return cont <= 0xAF || cont == 0xBC;
  return lead >= 0xC4 && lead <= 0xC9;
}
// U+2C60..U+2C7F (Latin Extended-C: Ⱥ and Ⱦ case-fold to ⱥ and ⱦ there).
inline bool latin_extended_c(unsigned char b0, unsigned char b1, unsigned char b2) {
  return b0 == 0xE2 && b1 == 0xB1 && b2 >= 0xA0 && b2 <= 0xBF;
}
inline bool latin_or_digit_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_ascii_letter(s[i]) || is_ascii_digit(s[i]);
  if (i + 2 < s.size() && latin_extended_c(c, static_cast<unsigned char>(s[i + 1]),
                                           static_cast<unsigned char>(s[i + 2]))) {
    return true;
  }
  return i + 1 < s.size() && two_byte_latin_or_digit(c, static_cast<unsigned char>(s[i + 1]));
}
// ZWNJs between the two are looked through: clean keeps them until zwnj_tidy
// (after this step) drops them, fold has dropped them already. So are
// combining marks U+0300..U+036F: fold's case folding makes İ an i and a dot
// above, which clean keeps as one Latin letter. And so is ι (U+03B9), which
// case folding makes of the mark U+0345 (found by fuzzing: ۱ͅل).
inline bool latin_or_digit_before(std::string_view s, size_t i) {
  for (;;) {
    if (i >= 3 && s[i - 1] == '\x8c' && s[i - 2] == '\x80' && s[i - 3] == '\xe2') {
      i -= 3;
    } else if (i >= 2 && ((s[i - 2] == '\xcc' && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) ||
                          (s[i - 2] == '\xcd' && static_cast<unsigned char>(s[i - 1]) <= 0xAF) ||
                          (s[i - 2] == '\xce' && s[i - 1] == '\xb9'))) {
      i -= 2;
    } else {
      break;
    }
  }
  if (i == 0) return false;
  const auto c = static_cast<unsigned char>(s[i - 1]);
  if (c < 0x80) return is_ascii_letter(s[i - 1]) || is_ascii_digit(s[i - 1]);
  if (i >= 3 && latin_extended_c(static_cast<unsigned char>(s[i - 3]),
                                 static_cast<unsigned char>(s[i - 2]), c)) {
    return true;
  }
  return i >= 2 && (c & 0xC0) == 0x80 && two_byte_latin_or_digit(static_cast<unsigned char>(s[i - 2]), c);
}

// The words of `s` in order, with their facts; the second form refills
// `words` (a buffer kept by the caller: no allocation per text) and says
// whether the visual-order repair rewrites any of them; `letter_work`, if
// given, is set to whether repair_letters has anything to do (a word it
// rewrites, or one glued to a Latin letter or digit); `roles`, if given, gets
// the JoinRole bits of all the words or-ed together.
std::vector<TextWord> text_words(std::string_view s);
bool text_words(std::string_view s, std::vector<TextWord>& words, bool* letter_work = nullptr,
                unsigned* roles = nullptr);

// The steps of steps.h on a text whose words are already known (`words` must
// be text_words(in.text)).
MappedText repair_visual_order(MappedText&& in, const std::vector<TextWord>& words);
// The facts of one word (memoised per thread).
WordFacts facts_of(std::string_view word);
// repair_letters (steps.h) on a text whose words are known; `changed` says
// whether it changed the text, and `words` is made the output's list.
MappedText repair_letters(MappedText&& in, std::vector<TextWord>& words, bool& changed);
// zwnj_join_words writes `joiner` in place of the space (0: deletes it).
MappedText zwnj_join_words(MappedText&& in, const std::vector<TextWord>& words, char32_t joiner);

}  // namespace dipmine::text::fa

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

namespace dipmine::text::fa {

// What a word can be in zwnj_join_words, from its key (fa_key) alone: the
// bits of join_role. Most words are none of these, and the join step looks
// no further at them.
enum JoinRole : uint8_t {
  kVerbPrefix = 1,      // می نمی
  kSuffix = 2,          // ها های هایی تر ترین
  kSuffixAfterHeh = 4,  // ام ات اش ای (after a final ه)
  kLoneLetter = 8,      // one letter alone (ر of ر وش), not و
  kCompoundHead = 16,   // the first part of a compound the dictionary writes with ZWNJ (زمین)
  kCompoundTail = 32,   // its second part (لرزه)
  kLetterRepair = 64,   // repair_letters rewrites it (األمل, خیلییییی, اهلل)
};
// The first three roles (a key of up to four letters).
uint8_t join_role(std::u32string_view key);
// Whether repair_letters rewrites the letters of `word` (one word).
bool needs_letter_repair(std::string_view word);

// Facts about one word that depend on its bytes only (16 bytes: the memo
// holds thousands, and every word of a text is copied with its facts).
struct WordFacts {
  static constexpr size_t kMaxRanges = 7;     // up to 6 runs and the marks before them
  static constexpr uint8_t kLongRepair = 255;  // repaired, ranges too far for a byte
  uint8_t join_role = 0;                       // JoinRole bits
  // How the visual-order repair rewrites the word: 0, it does not; else the
  // number of byte ranges (relative to the word) in reading order, or
  // kLongRepair for a word whose ranges are worked out again when needed.
  uint8_t repair_ranges = 0;
  std::pair<uint8_t, uint8_t> repair[kMaxRanges] = {};
};

struct TextWord {
  size_t b = 0, e = 0;  // the word's bytes
  WordFacts facts;
};

// The words of `s` in order, with their facts; the second form refills
// `words` (a buffer kept by the caller: no allocation per text) and says
// whether the visual-order repair rewrites any of them.
std::vector<TextWord> text_words(std::string_view s);
bool text_words(std::string_view s, std::vector<TextWord>& words);

// The steps of steps.h on a text whose words are already known (`words` must
// be text_words(in.text)).
MappedText repair_visual_order(MappedText&& in, const std::vector<TextWord>& words);
// repair_letters (steps.h) on a text whose words are known; `changed` says
// whether it changed the text.
MappedText repair_letters(MappedText&& in, const std::vector<TextWord>& words, bool& changed);
// zwnj_join_words writes `joiner` in place of the space (0: deletes it).
MappedText zwnj_join_words(MappedText&& in, const std::vector<TextWord>& words, char32_t joiner);

}  // namespace dipmine::text::fa

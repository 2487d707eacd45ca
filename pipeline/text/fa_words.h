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

// Facts about one word that depend on its bytes only.
struct WordFacts {
  static constexpr size_t kMaxRanges = 7;     // up to 6 runs and the marks before them
  static constexpr uint8_t kLongRepair = 255;  // repaired, ranges too far for a byte
  uint8_t letters = 0;                         // key letters (fa_key), counted up to 5
  char32_t key[4] = {};                        // the first four key letters
  // How the visual-order repair rewrites the word: 0, it does not; else the
  // number of byte ranges (relative to the word) in reading order, or
  // kLongRepair for a word whose ranges are worked out again when needed.
  uint8_t repair_ranges = 0;
  std::pair<uint8_t, uint8_t> repair[kMaxRanges] = {};
  std::u32string_view short_key() const { return {key, letters}; }  // when letters <= 4
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
MappedText zwnj_join_words(MappedText&& in, const std::vector<TextWord>& words);

}  // namespace dipmine::text::fa

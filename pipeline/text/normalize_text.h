// Whole-text normalisation as `dipmine normalize` offers it: a text of one or
// more paragraphs (separated by blank lines), each normalised with its own
// language, and its tokens with byte offsets into the input.
//
//   MappedText t = normalize_text(input, std::nullopt, /*fold=*/false);  // auto
//   for (const TextToken& tok : text_tokens(input, Lang::ja, true)) ...
//
// With `lang` empty each paragraph's language is detect_lang(paragraph); a
// paragraph with no letters is copied unchanged. Separators between paragraphs
// are copied as they are. Pure functions, thread-safe, never throw; invalid
// UTF-8 becomes U+FFFD (see normalizer.h).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/lang.h"
#include "text/normalizer.h"

namespace dipmine::text {

MappedText normalize_text(std::string_view input, std::optional<Lang> lang, bool fold);

struct TextToken {
  std::string text;        // the clean or folded token
  uint32_t begin = 0;      // byte range in the INPUT
  uint32_t end = 0;
  Lang lang = Lang::none;  // the paragraph's language
  bool bigram = false;     // a Japanese character bigram (search recall), not a word
};

// The words (segmenter.h) of each paragraph's clean or folded text, in order;
// for Japanese paragraphs each word is followed by the character bigrams that
// start inside it.
std::vector<TextToken> text_tokens(std::string_view input, std::optional<Lang> lang, bool fold);

}  // namespace dipmine::text

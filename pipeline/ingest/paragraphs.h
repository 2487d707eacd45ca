// Splitting a document's text into paragraphs, each with a language.
//
//   for (const Paragraph& p : split_paragraphs(text)) use(p.text, p.lang);
//
// A paragraph ends at a blank line, or at a line break after a line that ends a
// sentence (. ! ? ؟ 。 ！ ？ :), or before a line indented with a full-width
// space U+3000 (how a Japanese paragraph starts). Blocks cut by blank lines in the middle of a
// sentence (PDF extraction puts a blank line after every line) are joined back
// when the next block continues the sentence (starts with a lower-case letter).
// The paragraph text is the original text between its first and last
// non-space characters, newlines kept, except that a line break between two
// CJK characters is removed (a Japanese line wraps anywhere, even inside a
// word: "マ\nクロ経済" is "マクロ経済"). Each paragraph's language comes from its
// script (text::detect_lang) unless `forced` is given.
// With `marked` (the text of a format that marks its paragraphs: a web page,
// a Word or OpenDocument file), blocks are never joined back: a blank line
// there is the writer's paragraph end, not an extraction artefact; and a line
// break inside a paragraph is the writer's (<br>), kept between CJK too.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/lang.h"

namespace dipmine::ingest {

struct Paragraph {
  std::string text;
  text::Lang lang = text::Lang::none;      // `forced`, else `detected`
  text::Lang detected = text::Lang::none;  // text::detect_lang(text)
};

std::vector<Paragraph> split_paragraphs(std::string_view text,
                                        std::optional<text::Lang> forced = std::nullopt,
                                        bool marked = false);

// Where a long text may be cut into slices that split_paragraphs treats as
// the whole: the end of the first line at or after `from` that ends a
// sentence (a paragraph ends there and none runs on across it). Failing
// that, after the first blank line, then after the first newline (a
// paragraph may then be cut in two). npos when there is no newline after
// `from`.
size_t paragraph_cut(std::string_view text, size_t from);

}  // namespace dipmine::ingest

// Aozora Bunko plain text (青空文庫形式): the markup taken out of the words.
//
//   if (looks_like_aozora(text)) {
//     AozoraText a = strip_aozora(text);   // 漢字《かんじ》 -> 漢字, ［＃...］ -> nothing
//     use(a.text);                         // one paragraph per line of the file
//   }
//
// The Aozora Bunko writes a reading after its word (`漢字《かんじ》`), marks
// where a reading's base starts with `｜` when that is not clear
// (`福沢諭吉｜記《しるす》`), and writes the editors' notes (layout, headings,
// emphasis, characters outside JIS) as `［＃...］`. Left in, a reading is
// indexed as words the author did not write (`相対《あいたい》` is found by
// あいたい and breaks the phrase 相対した) and a note's words are found too.
//
// looks_like_aozora: the file shows the format: the header block that lists
// the symbols (【テキスト中に現れる記号について】), or at least five readings
// (《 + kana only + 》) and editors' notes or `｜` marks beside them. Plain
// Japanese text that quotes a title in 《》 now and then is not taken for it.
//
// strip_aozora: readings, `｜` and notes are dropped; a gaiji note that names
// the character's code point (※［＃「...」、U+5F45、...］) becomes that
// character; the header block between the two rulers (the list of symbols,
// with its examples) is dropped. In the format a line is a paragraph (the
// Aozora Bunko does not wrap lines; a paragraph's first line is indented
// with U+3000, a line of dialogue starts with 「), so each line comes out as
// a paragraph of its own (a blank line after it). Pure function.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace dipmine::ingest {

bool looks_like_aozora(std::string_view text);

struct AozoraText {
  std::string text;
  size_t readings = 0;      // 《...》 dropped
  size_t notes = 0;         // ［＃...］ dropped (or turned into their character)
  size_t header_lines = 0;  // lines of the symbol list dropped
};

// `first_part`: the text starts the file (only then is a header block looked
// for); a streamed file's later slices pass false.
AozoraText strip_aozora(std::string_view text, bool first_part = true);

// "<path>: Aozora Bunko text: left out N readings (ruby), M editor's notes,
// K lines of the symbol list"
std::string aozora_note(const std::string& path, size_t readings, size_t notes, size_t header_lines);

}  // namespace dipmine::ingest

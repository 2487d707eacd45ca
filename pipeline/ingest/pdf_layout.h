// From the words poppler finds on a PDF page to the text a person reads.
//
//   std::vector<PdfWord> words = ...;              // poppler's reading order
//   PdfPage page = lay_out_page(words, page_height);
//   std::vector<PdfPage> pages = ...;
//   PdfDropped d = drop_running_lines(pages);        // headers, footers, numbers
//   std::string text = join_pages(pages);
//
// poppler (pdftotext's reading-order mode) orders words column by column; we
// rebuild lines from the word boxes so that:
//  * a right-to-left line comes out in logical order (poppler gives the words
//    in visual order, left to right, and the letters of each right-to-left
//    word reversed); an embedded left-to-right run (Latin words, numbers) keeps
//    its own order and gets its spaces outside it;
//  * vertical writing (poppler's rotation 1: glyphs down the page, columns
//    right to left) is read column by column, and ruby (furigana: small kana
//    beside the column) is left out, as it would split words; so is vertical
//    text set with a horizontal font one glyph per line (each glyph drawn
//    under the one before it in the content: `content_pos`), which poppler
//    gives as one-character horizontal words;
//  * superscript footnote markers beside a word, or glued to it in its box
//    (smaller than its letters: "Gal∗+", "cities¹²"), are left out;
//  * the text is what a reader would copy: Arabic presentation forms become
//    letters (NFKC of those code points only) and direction controls go.
// Lines far apart across the writing direction are separated by a blank line
// (a new block); other lines by one newline, as in a .txt file, so that later
// stages join hyphenated breaks and split paragraphs as they do for text.
// Pure functions: safe from any thread.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::ingest {

struct PdfWord {
  std::u32string chars;           // in page order (left to right, top to bottom)
  std::vector<float> char_size;   // each char's font height (optional)
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // box, top-left origin, y down
  int rotation = 0;         // 0 horizontal, 1 vertical (top to bottom), 2, 3
  bool space_after = false;  // poppler saw a space after it (in its order)
  int content_pos = -1;      // where its first glyph is drawn in the page's content (-1: unknown)
  float vertical_font_size = 0;  // its font's size if the font is vertical (WMode 1), else 0
};

// A space glyph at its place on the page (device space, as the words'
// boxes): poppler ends a word there and keeps no character. A space glyph
// between two words is a word gap however narrow: a Nastaliq font's space
// is 0.04 em, narrower than gaps inside its words.
struct PdfSpaceGlyph {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // from the glyph's origin to its advance
};

struct PdfLine {
  std::string text;          // logical order, copyable (see above)
  double top = 0, bottom = 0;  // page y range (for running headers/footers)
  bool starts_block = false;   // a blank line goes before it
};

struct PdfPage {
  std::vector<PdfLine> lines;
  size_t footnote_markers = 0;  // superscript markers left out
  size_t ruby = 0;              // ruby (furigana) boxes left out
  size_t restacked = 0;         // one-glyph words read as vertical text (see lay_out_page)
  bool order_undecided = false;  // many lines hold one CJK character: columns not found
  double height = 0;
};

PdfPage lay_out_page(const std::vector<PdfWord>& words, double page_height,
                     const std::vector<PdfSpaceGlyph>& spaces = {});

// The logical order of one line's words, given left to right (visual order)
// with each word's letters in visual order. The line is right-to-left when
// it has right-to-left letters and `rtl_page` (most of the page is), or more
// of them than Latin letters and no Latin word at its left (`Arabic: مرحبا`
// on an English page is read from its label). Exposed for tests.
std::string logical_line(const std::vector<std::u32string>& visual_words,
                         const std::vector<bool>& space_before, bool rtl_page = false);

// Arabic presentation forms to letters, direction controls dropped.
std::string copyable_text(std::u32string_view s);

struct PdfDropped {
  size_t running = 0;       // lines repeated at the same place on most pages
  size_t page_numbers = 0;  // lines that are only a page number
};

// Removes running headers and footers (the same text, digits aside, near the
// same top or bottom position on at least 3 pages and 40% of them) and page
// number lines in the top or bottom 12% of a page.
PdfDropped drop_running_lines(std::vector<PdfPage>& pages);

// The pages' lines as text: lines joined by newlines, a blank line before a
// block and between pages.
std::string join_pages(const std::vector<PdfPage>& pages);

}  // namespace dipmine::ingest

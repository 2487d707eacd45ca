// Vertical text that poppler does not give as vertical (internal to the
// PDF layout, pdf_layout.cpp).
#pragma once
#include <cstddef>
#include <vector>

#include "ingest/pdf_layout.h"

namespace dipmine::ingest {

// Vertical text set with a horizontal font: a Japanese typesetter (the
// 2008 government gazette of pdfminer.six's samples/nonfree/kampo.pdf,
// Acrobat Distiller 5) draws each character of a column as a horizontal
// glyph one line under the one before it. poppler makes each glyph a
// one-character word of rotation 0 and reads the page row by row across
// the columns (`歩行者は二一号に普歩お通...`). Such glyphs are recognised by
// the content order: the glyph drawn next lies right under this one. When
// most one-character CJK words of the page are so stacked, they (and the
// lone ones drawn next to them, a column's last character) become
// rotation 1, vertical text, and are read column by column; the boxes of
// vertical-font glyphs among them (its commas) are put in their slots.
// Returns how many words changed.
size_t restack_vertical_glyphs(std::vector<PdfWord>& words);

}  // namespace dipmine::ingest

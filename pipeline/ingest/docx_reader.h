// Reading a Word document (.docx, Office Open XML) into text; office_reader.h
// decides that a package is one and calls this.
//
//   DecodedFile f = read_docx("interview.docx", package);
//
// The main part is the one _rels/.rels names (word/document.xml as a rule).
// Each w:p is a paragraph (also in table cells and text boxes); w:t is text,
// w:tab a tab, w:br and w:cr line breaks, w:noBreakHyphen a hyphen. Left out,
// as a reader does not see them: deleted and moved-away text of tracked
// changes (w:del, w:moveFrom), field codes (w:instrText), hidden runs
// (w:vanish), ruby annotations (w:rt), footnote reference marks, the
// fallback copy of a drawing's text (mc:Fallback; mc:Choice is read), and
// headers, footers and comments. Footnotes and endnotes (word/footnotes.xml,
// word/endnotes.xml) follow the body as paragraphs. Right-to-left (Persian,
// Arabic) runs are stored in logical order, as the XML has them. Title:
// docProps/core.xml dc:title, else the first paragraph (title_from).
#pragma once
#include <string>

#include "ingest/office_zip.h"
#include "ingest/reader.h"

namespace dipmine::ingest {

DecodedFile read_docx(const std::string& path, const OfficePackage& package);

// The package holds a Word document (a main part named in _rels/.rels or word/document.xml).
bool is_docx(const OfficePackage& package);

}  // namespace dipmine::ingest

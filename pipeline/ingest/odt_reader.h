// Reading an OpenDocument text (.odt, as LibreOffice writes it) into text;
// office_reader.h decides that a package is one and calls this.
//
//   DecodedFile f = read_odt("interview.odt", package);
//
// content.xml's office:text: each text:p and text:h is a paragraph (also in
// lists, table cells and frames); white space in text collapses to one space
// as ODF says, text:s is that many spaces, text:tab a tab, text:line-break a
// line break. Left out: tracked changes' deleted text (text:tracked-changes),
// comments (office:annotation), ruby annotations (text:ruby-text), note
// citations, images' titles and descriptions. Footnotes and endnotes
// (text:note-body) follow the body as paragraphs. Title: meta.xml dc:title,
// else the first paragraph. A package whose manifest lists encryption data is
// refused as encrypted; a spreadsheet or presentation as not a text document.
#pragma once
#include <string>

#include "ingest/office_zip.h"
#include "ingest/reader.h"

namespace dipmine::ingest {

DecodedFile read_odt(const std::string& path, const OfficePackage& package);

// The package is an OpenDocument file (a content.xml, or a mimetype of ODF).
bool is_odf(const OfficePackage& package);

}  // namespace dipmine::ingest

// Reading an office document (a ZIP package of XML parts) into text: Word
// (.docx, docx_reader.h) or OpenDocument text (.odt, odt_reader.h), told apart
// by the parts inside, not by the file name.
//
//   DecodedFile f = read_office("interview.docx", bytes);
//   // f.text: paragraphs separated by blank lines, notes after the body
//   // f.title: the document's title property, else its first paragraph
//   // f.error: "<path>: encrypted ...", "<path>: broken ...", ...
//
// The archive is read in memory with libzip; each part with libxml2 (no
// network, no external entities). Refused with one line each: an archive
// libzip cannot open or whose part fails its checksum, an encrypted archive or
// document, a part that unpacks to more than 256 MB, XML that does not parse
// (with its part and line), an archive that is neither Word nor OpenDocument
// text. Safe from any thread. Built into the module dipmine-markup.so.
#pragma once
#include <string>

#include "ingest/reader.h"

namespace dipmine::ingest {

DecodedFile read_office(const std::string& path, const std::string& bytes);

}  // namespace dipmine::ingest

// Reading a PDF into text in reading order (see pdf_layout.h for how a page's
// words become lines).
//
//   DecodedFile f = read_pdf("paper.pdf", bytes);
//   // f.error: broken, encrypted or without any text;
//   // f.notes: what was left out (running headers and footers, page numbers,
//   //          footnote markers, ruby) and pages without a text layer.
//
// Safe from any thread (each call has its own poppler document and text
// device; poppler's global parameters are made once).
#pragma once
#include <string>

#include "ingest/reader.h"

namespace dipmine::ingest {

DecodedFile read_pdf(const std::string& path, const std::string& bytes);

}  // namespace dipmine::ingest

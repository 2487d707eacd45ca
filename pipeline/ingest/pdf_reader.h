// Reading a PDF into text in reading order (see pdf_layout.h for how a page's
// words become lines).
//
//   DecodedFile f = read_pdf("paper.pdf", bytes, /*ocr=*/true);
//   // f.error: broken, encrypted or without any text (OCR found none);
//   // f.notes: what was left out (running headers and footers, page numbers,
//   //          footnote markers, ruby), the pages read by OCR, and pages
//   //          still without a usable text layer.
//
// With `ocr`, pages whose text layer is (almost) empty or does not decode to
// letters are rendered and read by OCR (pdf_ocr.h) when Tesseract's language
// data is installed; their text then replaces the layer's, and the document's
// charset is "pdf+ocr". Without, such pages are warned about as before.
//
// Safe from any thread (each call has its own poppler document and text
// device; poppler's global parameters are made once).
#pragma once
#include <string>

#include "ingest/reader.h"

namespace dipmine::ingest {

DecodedFile read_pdf(const std::string& path, const std::string& bytes, bool ocr);

}  // namespace dipmine::ingest

// Reading PDF pages by OCR, in the PDF module: each page is rendered with
// poppler's Splash device (300 dpi, 8-bit grey) and read with Tesseract (ocr.h).
//
//   PdfOcr r = ocr_pdf_pages(doc, {2, 3, 4}, text_of_usable_pages);
//   for (auto& [number, page] : r.pages) pages[number - 1] = std::move(page);
//   // r.nothing: pages OCR found no text on; r.unavailable: why none was read
//
// The pages and languages are chosen as pdf_ocr_plan.h says: the first page
// is read with every language set of the script and the most confident set
// (Tesseract's mean word confidence) reads the rest. Rendering uses the same
// PDFDoc the text was read from (the fonts and images are parsed once), not
// poppler-cpp's page_renderer, which would open the document a second time.
// A page larger than 40 megapixels at 300 dpi (a poster) is rendered at a
// lower resolution. Safe from any thread, one document per call.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/pdf_layout.h"

class PDFDoc;

namespace dipmine::ingest {

struct PdfOcr {
  std::map<int, PdfPage> pages;  // page number -> its lines, for pages with text
  std::map<int, int> page_confidence;  // page number -> Tesseract's mean word confidence, 0-100
  std::vector<int> nothing;      // pages read, without text found
  std::string languages;         // the set that read them ("fas+eng")
  std::string unavailable;       // non-empty: why no page was read ("OCR needs ...: install tesseract-ocr-eng")
  // The mean of page_confidence, rounded (0 with no page): what the note says.
  int mean_confidence() const {
    long sum = 0;
    for (const auto& [number, c] : page_confidence) sum += c;
    return page_confidence.empty() ? 0 : static_cast<int>((sum * 2 + static_cast<long>(page_confidence.size())) /
                                                          (2 * static_cast<long>(page_confidence.size())));
  }
};

PdfOcr ocr_pdf_pages(PDFDoc& doc, const std::vector<int>& pages, std::string_view usable_text);

}  // namespace dipmine::ingest

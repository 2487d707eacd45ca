// Optical character recognition of a rendered page, with Tesseract.
//
//   std::vector<std::string> have = ocr_installed_languages();  // {"eng", "fas", ...}
//   OcrImage image{pixels, width, height, bytes_per_line, 300};  // 8-bit grey
//   std::string script = ocr_script(image);          // "Arabic", "Latin", ... or ""
//   OcrText t = ocr_image(image, "fas+eng");         // lines with their place
//   ocr_release();                                   // this thread's engines
//
// The code that calls Tesseract is the module dipmine-ocr.so (ocr_tesseract.cpp),
// opened by the PDF module at the first page that needs OCR (ocr_loader.cpp
// gives these functions to the PDF module), so that libtesseract, Leptonica
// and their ~20 libraries are loaded by neither `dipmine search` nor the
// ingest of a PDF whose pages all have a usable text layer.
//
// Language data: the `*.traineddata` files of TESSDATA_PREFIX when it is set
// (the folder that holds them), else Debian's /usr/share/tesseract-ocr/5/tessdata
// (packages tesseract-ocr-eng, -fas, -ara, -jpn, -jpn-vert; -osd for the
// script detection). A missing module or language gives empty results (no
// languages, an empty script, OcrText::error), never an exception.
// Safe from any thread: each thread keeps its own Tesseract engines (one per
// language set, 10-100 MB each) until it calls ocr_release.
#pragma once
#include <string>
#include <vector>

namespace dipmine::ingest {

struct OcrImage {
  const unsigned char* pixels = nullptr;  // 8-bit grey, top row first
  int width = 0, height = 0, bytes_per_line = 0;
  int dpi = 300;
};

struct OcrLine {
  std::string text;             // UTF-8, logical order, no newline
  double top = 0, bottom = 0;   // in pixels from the top of the image
  bool starts_block = false;    // first line of a paragraph Tesseract found
};

struct OcrText {
  std::vector<OcrLine> lines;
  int confidence = 0;     // Tesseract's mean word confidence, 0-100
  std::string languages;  // as asked: "fas+eng"
  std::string error;      // non-empty: why there is no text (engine would not start)
};

// The languages whose data is installed ("eng", "fas", "osd", ...), sorted.
std::vector<std::string> ocr_installed_languages();

// The script Tesseract's orientation and script detection finds on the page
// ("Latin", "Arabic", "Japanese", "Han", "Katakana", ...), or "" when the
// `osd` data is missing or the page has too little text to tell.
std::string ocr_script(const OcrImage& image);

// The page's text in the languages given ("eng", "fas+eng", "jpn_vert"),
// with automatic page segmentation (columns and blocks found on the page).
OcrText ocr_image(const OcrImage& image, const std::string& languages);

// Frees the engines this thread started (after a document: nothing is held
// between documents, and nothing is left to free at exit).
void ocr_release();

}  // namespace dipmine::ingest

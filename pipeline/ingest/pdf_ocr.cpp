#include "ingest/pdf_ocr.h"

#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "ingest/ocr.h"
#include "ingest/pdf_ocr_plan.h"
#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

constexpr double kDpi = 300;                // Tesseract reads 10-12 pt text best at 300 dpi
constexpr double kMaxPixels = 40e6;         // a poster is rendered smaller
constexpr size_t kMinText = 16;             // as for a text layer: fewer bytes is no text

// Renders pages of one document, 8-bit grey on white.
class PageRenderer {
 public:
  explicit PageRenderer(PDFDoc& doc) : doc_(doc) {
    SplashColor white;
    white[0] = 255;
    out_ = std::make_unique<SplashOutputDev>(splashModeMono8, 4, false, white);
    out_->startDoc(&doc_);
  }
  // The page as an image; valid until the next call.
  OcrImage render(int page) {
    const double w = doc_.getPageCropWidth(page), h = doc_.getPageCropHeight(page);
    double dpi = kDpi;
    const double pixels = w * h / (72.0 * 72.0) * dpi * dpi;
    if (pixels > kMaxPixels) dpi = std::max(72.0, std::floor(dpi * std::sqrt(kMaxPixels / pixels)));
    doc_.displayPage(out_.get(), page, dpi, dpi, 0, false, true, false);
    SplashBitmap* bitmap = out_->getBitmap();
    OcrImage image;
    image.pixels = bitmap->getDataPtr();
    image.width = bitmap->getWidth();
    image.height = bitmap->getHeight();
    image.bytes_per_line = bitmap->getRowSize();
    image.dpi = static_cast<int>(dpi);
    return image;
  }

 private:
  PDFDoc& doc_;
  std::unique_ptr<SplashOutputDev> out_;
};

size_t text_bytes(const OcrText& t) {
  size_t n = 0;
  for (const OcrLine& l : t.lines) n += l.text.size();
  return n;
}

// What a reader would copy, as for a text layer (pdf_layout.h): Tesseract
// marks the direction of runs in a right-to-left line with LRM and RLM.
std::string copyable(std::string_view utf8) {
  std::u32string chars;
  for (size_t i = 0, len = 0; i < utf8.size(); i += len) chars += text::decode_utf8(utf8, i, len);
  return copyable_text(chars);
}

PdfPage as_page(const OcrText& t, const OcrImage& image) {
  PdfPage page;
  page.height = image.height;  // lines are placed in pixels: running lines compare top / height
  for (const OcrLine& l : t.lines) {
    PdfLine line;
    line.text = copyable(l.text);
    if (line.text.empty()) continue;
    line.top = l.top;
    line.bottom = l.bottom;
    line.starts_block = l.starts_block && !page.lines.empty();
    page.lines.push_back(std::move(line));
  }
  return page;
}

}  // namespace

PdfOcr ocr_pdf_pages(PDFDoc& doc, const std::vector<int>& pages, std::string_view usable_text) {
  PdfOcr r;
  if (pages.empty()) return r;
  struct Release {
    ~Release() { ocr_release(); }
  } release_engines_at_end;
  const std::vector<std::string> installed = ocr_installed_languages();
  const bool osd = std::find(installed.begin(), installed.end(), "osd") != installed.end();
  OcrScript script = script_of_text(usable_text);
  PageRenderer renderer(doc);
  std::vector<std::string> sets;  // to try, until one reads text; then the chosen one only
  bool chosen = false;
  for (const int number : pages) {
    const OcrImage image = renderer.render(number);
    if (!chosen && sets.empty()) {
      if (script == OcrScript::unknown && osd) script = script_of_osd_name(ocr_script(image));
      sets = ocr_language_sets(script, installed);
      if (sets.empty()) {
        r.unavailable = "OCR needs Tesseract's language data: install " + ocr_packages(script);
        return r;
      }
    }
    OcrText best;
    bool have = false;
    for (const std::string& set : sets) {
      OcrText t = ocr_image(image, set);
      if (!t.error.empty()) {
        r.unavailable = "OCR is not available: " + t.error;
        return r;
      }
      if (!have || (text_bytes(t) >= kMinText && (text_bytes(best) < kMinText || t.confidence > best.confidence))) {
        best = std::move(t);
        have = true;
      }
    }
    if (text_bytes(best) < kMinText) {
      r.nothing.push_back(number);
      continue;
    }
    if (!chosen) {
      sets = {best.languages};
      chosen = true;
      r.languages = best.languages;
    }
    r.page_confidence[number] = best.confidence;
    r.pages.emplace(number, as_page(best, image));
  }
  return r;
}

}  // namespace dipmine::ingest

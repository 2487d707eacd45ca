// ocr.h in the PDF module: the functions are in dipmine-ocr.so (with
// Tesseract), opened at the first call. A module that cannot be loaded
// (Tesseract missing at run time) reads as no language installed, and
// ocr_image gives the reason in OcrText::error.
#include "common/modules.h"
#include "ingest/ocr.h"

namespace dipmine::ingest {
namespace {

using Languages = std::vector<std::string>();
using Script = std::string(const OcrImage&);
using Image = OcrText(const OcrImage&, const std::string&);
using Release = void();

struct OcrModule {
  Languages* languages = nullptr;
  Script* script = nullptr;
  Image* image = nullptr;
  Release* release = nullptr;
  std::string error;
};

const OcrModule& ocr_module() {
  static const OcrModule m = [] {
    OcrModule m;
    try {
      m.languages = module_function<Languages>("dipmine-ocr.so", "dipmine_ocr_installed_languages");
      m.script = module_function<Script>("dipmine-ocr.so", "dipmine_ocr_script");
      m.image = module_function<Image>("dipmine-ocr.so", "dipmine_ocr_image");
      m.release = module_function<Release>("dipmine-ocr.so", "dipmine_ocr_release");
    } catch (const Error& e) {
      m = OcrModule{};
      m.error = e.what();
    }
    return m;
  }();
  return m;
}

}  // namespace

std::vector<std::string> ocr_installed_languages() {
  const OcrModule& m = ocr_module();
  return m.languages != nullptr ? m.languages() : std::vector<std::string>{};
}

std::string ocr_script(const OcrImage& image) {
  const OcrModule& m = ocr_module();
  return m.script != nullptr ? m.script(image) : std::string{};
}

OcrText ocr_image(const OcrImage& image, const std::string& languages) {
  const OcrModule& m = ocr_module();
  if (m.image != nullptr) return m.image(image, languages);
  OcrText t;
  t.languages = languages;
  t.error = m.error;
  return t;
}

void ocr_release() {
  const OcrModule& m = ocr_module();
  if (m.release != nullptr) m.release();
}

}  // namespace dipmine::ingest

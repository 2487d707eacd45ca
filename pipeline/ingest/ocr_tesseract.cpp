// The module dipmine-ocr.so: ocr.h with Tesseract's C++ API. Only the
// extern "C" entry points at the end are visible; ocr_loader.cpp calls them.
#include <dirent.h>
#include <tesseract/baseapi.h>
#include <tesseract/osdetect.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>

#include "ingest/ocr.h"

namespace dipmine::ingest {
namespace {

// Where the *.traineddata files are (see ocr.h).
std::string tessdata_folder() {
  const char* env = std::getenv("TESSDATA_PREFIX");
  std::string dir = env != nullptr && *env != '\0' ? env : "/usr/share/tesseract-ocr/5/tessdata";
  if (dir.back() != '/') dir += '/';
  return dir;
}

// One engine per language set and thread, until ocr_release: starting one
// reads its model (0.1-0.3 s), which a document of many scanned pages would
// otherwise pay for every page.
thread_local std::map<std::string, std::unique_ptr<tesseract::TessBaseAPI>> engines;

tesseract::TessBaseAPI* engine(const std::string& languages, tesseract::OcrEngineMode mode, std::string& error) {
  auto it = engines.find(languages);
  if (it != engines.end()) return it->second.get();
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(tessdata_folder().c_str(), languages.c_str(), mode) != 0) {
    error = "Tesseract cannot start with " + languages + " (language data in " + tessdata_folder() + ")";
    return nullptr;
  }
  // Tesseract writes its complaints ("Detected 12 diacritics", "Empty page")
  // to stderr; what ingest says names the file instead.
  api->SetVariable("debug_file", "/dev/null");
  return engines.emplace(languages, std::move(api)).first->second.get();
}

void set_image(tesseract::TessBaseAPI& api, const OcrImage& image) {
  api.SetImage(image.pixels, image.width, image.height, 1, image.bytes_per_line);
  api.SetSourceResolution(image.dpi);
}

std::string trimmed(const char* s) {
  std::string t = s != nullptr ? s : "";
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  return t;
}

}  // namespace

std::vector<std::string> ocr_installed_languages() {
  std::vector<std::string> found;
  const std::string dir = tessdata_folder();
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return found;
  const std::string ext = ".traineddata";
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
      found.push_back(name.substr(0, name.size() - ext.size()));
    }
  }
  closedir(d);
  std::sort(found.begin(), found.end());
  return found;
}

std::string ocr_script(const OcrImage& image) {
  std::string error;
  // The osd model is a legacy (non-LSTM) one.
  tesseract::TessBaseAPI* api = engine("osd", tesseract::OEM_TESSERACT_ONLY, error);
  if (api == nullptr) return {};
  api->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  set_image(*api, image);
  int degrees = 0;
  float orientation_confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool ok = api->DetectOrientationScript(&degrees, &orientation_confidence, &script, &script_confidence);
  api->Clear();
  // Below 1 the detection is a guess (a page of a few words).
  if (!ok || script == nullptr || script_confidence < 1.0f) return {};
  return script;
}

OcrText ocr_image(const OcrImage& image, const std::string& languages) {
  OcrText out;
  out.languages = languages;
  tesseract::TessBaseAPI* api = engine(languages, tesseract::OEM_LSTM_ONLY, out.error);
  if (api == nullptr) return out;
  // Automatic segmentation without orientation detection (PSM_AUTO): a
  // paper's columns, headings and captions are found as blocks; a scan is
  // upright (rotated scans are left for a later change).
  api->SetPageSegMode(tesseract::PSM_AUTO);
  set_image(*api, image);
  if (api->Recognize(nullptr) != 0) {
    out.error = "Tesseract could not read the page";
    api->Clear();
    return out;
  }
  out.confidence = std::max(0, api->MeanTextConf());
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (it != nullptr && !it->Empty(tesseract::RIL_TEXTLINE)) {
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
      OcrLine line;
      line.text = trimmed(text.get());
      if (line.text.empty()) continue;
      int left = 0, top = 0, right = 0, bottom = 0;
      it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom);
      line.top = top;
      line.bottom = bottom;
      line.starts_block = it->IsAtBeginningOf(tesseract::RIL_PARA);
      out.lines.push_back(std::move(line));
    } while (it->Next(tesseract::RIL_TEXTLINE));
  }
  api->Clear();
  return out;
}

void ocr_release() { engines.clear(); }

}  // namespace dipmine::ingest

// The module's entry points (common/modules.h).
#define DIPMINE_EXPORT extern "C" __attribute__((visibility("default")))

DIPMINE_EXPORT std::vector<std::string> dipmine_ocr_installed_languages() {
  return dipmine::ingest::ocr_installed_languages();
}

DIPMINE_EXPORT void dipmine_ocr_release() { dipmine::ingest::ocr_release(); }

DIPMINE_EXPORT std::string dipmine_ocr_script(const dipmine::ingest::OcrImage& image) {
  return dipmine::ingest::ocr_script(image);
}

DIPMINE_EXPORT dipmine::ingest::OcrText dipmine_ocr_image(const dipmine::ingest::OcrImage& image,
                                                          const std::string& languages) {
  return dipmine::ingest::ocr_image(image, languages);
}

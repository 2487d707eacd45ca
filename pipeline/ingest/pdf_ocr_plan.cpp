#include "ingest/pdf_ocr_plan.h"

#include <algorithm>

#include "text/utf8.h"

namespace dipmine::ingest {

std::vector<int> pages_to_ocr(const std::vector<PageLayer>& layers) {
  std::vector<int> pages;
  for (size_t i = 0; i < layers.size(); ++i) {
    if (layers[i] != PageLayer::usable) pages.push_back(static_cast<int>(i) + 1);
  }
  return pages;
}

OcrScript script_of_text(std::string_view utf8) {
  size_t latin = 0, arabic = 0, japanese = 0;
  for (size_t i = 0, len = 0; i < utf8.size(); i += len) {
    const char32_t c = text::decode_utf8(utf8, i, len);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)) {
      ++latin;
    } else if ((c >= 0x620 && c <= 0x64A) || (c >= 0x66E && c <= 0x6D3) || (c >= 0x750 && c <= 0x77F) ||
               (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) {
      ++arabic;
    } else if ((c >= 0x3041 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)) {
      ++japanese;
    }
  }
  const size_t letters = latin + arabic + japanese;
  if (letters < 20) return OcrScript::unknown;
  if (arabic * 4 >= letters && arabic >= japanese) return OcrScript::arabic;
  if (japanese * 4 >= letters) return OcrScript::japanese;
  return latin >= 20 ? OcrScript::latin : OcrScript::unknown;
}

OcrScript script_of_osd_name(std::string_view name) {
  if (name == "Latin") return OcrScript::latin;
  if (name == "Arabic") return OcrScript::arabic;
  if (name == "Japanese" || name == "Han" || name == "Hiragana" || name == "Katakana") return OcrScript::japanese;
  return OcrScript::unknown;
}

std::vector<std::string> ocr_language_sets(OcrScript script, const std::vector<std::string>& installed) {
  auto have = [&](const char* lang) { return std::find(installed.begin(), installed.end(), lang) != installed.end(); };
  std::vector<std::string> sets;
  auto add = [&](const char* lang, bool with_english) {
    if (have(lang)) sets.push_back(with_english && have("eng") ? std::string(lang) + "+eng" : lang);
  };
  if (script == OcrScript::latin || script == OcrScript::unknown) add("eng", false);
  if (script == OcrScript::arabic || script == OcrScript::unknown) {
    add("fas", true);
    add("ara", true);
  }
  if (script == OcrScript::japanese || script == OcrScript::unknown) {
    add("jpn", false);
    add("jpn_vert", false);
  }
  return sets;
}

std::string ocr_packages(OcrScript script) {
  switch (script) {
    case OcrScript::latin: return "tesseract-ocr-eng";
    case OcrScript::arabic: return "tesseract-ocr-fas and tesseract-ocr-ara";
    case OcrScript::japanese: return "tesseract-ocr-jpn and tesseract-ocr-jpn-vert";
    case OcrScript::unknown: break;
  }
  return "tesseract-ocr-eng, -fas, -ara, -jpn, -jpn-vert and -osd";
}

std::string page_ranges(const std::vector<int>& pages) {
  std::string s;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!s.empty()) s += ", ";
    s += std::to_string(pages[i]);
    if (j > i) s += "-" + std::to_string(pages[j]);
    i = j + 1;
  }
  return s;
}

}  // namespace dipmine::ingest

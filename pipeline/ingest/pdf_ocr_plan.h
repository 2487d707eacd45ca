// Which pages of a PDF are read by OCR, in which languages, and how ingest
// names them.
//
//   std::vector<int> todo = pages_to_ocr(layers);           // {2, 3, ..., 23}
//   OcrScript s = script_of_text(text_of_usable_pages);     // a hint, if any
//   if (s == OcrScript::unknown) s = script_of_osd_name(ocr_script(image));
//   std::vector<std::string> sets = ocr_language_sets(s, ocr_installed_languages());
//   // the first page is read with every set, the most confident set reads the rest
//   fmt::format("pages {} read by OCR", page_ranges(done));  // "2-23"
//
// A page is read by OCR when its text layer has (almost) no text (fewer than
// 16 bytes: a scan, or a title drawn as outlines on an empty page) or does
// not decode to letters (pdf_plausible.h: a font without a usable Unicode
// map). A page with a usable layer is never OCR'd, so text PDFs cost nothing
// more; a figure's words on a text page stay unread.
//
// The script decides the languages, cheaply: first the document's own usable
// pages (a Persian paper whose pages 3-5 are scans), then Tesseract's script
// detection of the page (osd data), and when neither tells, every installed
// set is tried on the first page. Latin pages are read with `eng` (the only
// Latin data installed: Czech or French letters with accents come out
// without some of them), Arabic-script pages with `fas+eng` and `ara+eng`,
// Japanese with `jpn` and `jpn_vert` (vertical columns).
// Pure functions: safe from any thread.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::ingest {

enum class PageLayer { usable, empty, undecoded };

// The pages (1-based) whose layer is empty or undecoded, in order.
std::vector<int> pages_to_ocr(const std::vector<PageLayer>& layers);

enum class OcrScript { unknown, latin, arabic, japanese };

// The script of a document's text: Arabic or Japanese when a quarter of its
// letters (at least 20) are (a Persian paper cites English titles), Latin
// when 20 letters or more are Latin, else unknown.
OcrScript script_of_text(std::string_view utf8);

// The script of Tesseract's detection ("Latin", "Arabic", "Japanese", "Han",
// "Hiragana", "Katakana"); unknown for any other name or "".
OcrScript script_of_osd_name(std::string_view name);

// The language sets to try for `script`, among the installed languages (a set
// whose data is missing is left out; `+eng` only when eng is there). Unknown:
// every set of the three scripts.
std::vector<std::string> ocr_language_sets(OcrScript script, const std::vector<std::string>& installed);

// The Debian packages of the language data `script` needs, for a message.
std::string ocr_packages(OcrScript script);

// Pages as ranges: {2, 3, 4, 7} -> "2-4, 7".
std::string page_ranges(const std::vector<int>& pages);

}  // namespace dipmine::ingest

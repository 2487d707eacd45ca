// Which PDF pages are read by OCR and in which languages (pdf_ocr_plan.h).
#include "ingest/pdf_ocr_plan.h"

#include <catch2/catch.hpp>

using namespace dipmine::ingest;

TEST_CASE("only pages without a usable text layer are read by OCR", "[pdf][ocr]") {
  using L = PageLayer;
  CHECK(pages_to_ocr({}).empty());
  CHECK(pages_to_ocr({L::usable, L::usable}).empty());
  CHECK(pages_to_ocr({L::usable, L::empty, L::undecoded, L::usable, L::empty}) == std::vector<int>{2, 3, 5});
  CHECK(pages_to_ocr({L::empty}) == std::vector<int>{1});
}

TEST_CASE("the script of a document's usable pages chooses the OCR languages", "[pdf][ocr]") {
  CHECK(script_of_text("The Technology Acceptance Model: a historical overview") == OcrScript::latin);
  CHECK(script_of_text("دیپلماسی شهری و شبکه‌های شهرهای جهانی در ایران") == OcrScript::arabic);
  CHECK(script_of_text("都市外交と姉妹都市の交流について、東京都の事例を考える") == OcrScript::japanese);
  // A Persian paper's page cites English titles: a quarter of Arabic-script
  // letters is enough (here 14 of 44); fewer is an English page quoting a word.
  CHECK(script_of_text("دیپلماسی شهری در ایران (City diplomacy of global cities)") == OcrScript::arabic);
  CHECK(script_of_text("The term شهر (city) in Persian city diplomacy literature and networks") ==
        OcrScript::latin);
  // Too few letters to tell: a page number, a figure label.
  CHECK(script_of_text("12 - 3 Fig. 4") == OcrScript::unknown);
  CHECK(script_of_text("") == OcrScript::unknown);
}

TEST_CASE("Tesseract's script names map to the three scripts", "[pdf][ocr]") {
  CHECK(script_of_osd_name("Latin") == OcrScript::latin);
  CHECK(script_of_osd_name("Arabic") == OcrScript::arabic);
  CHECK(script_of_osd_name("Han") == OcrScript::japanese);
  CHECK(script_of_osd_name("Katakana") == OcrScript::japanese);
  CHECK(script_of_osd_name("Cyrillic") == OcrScript::unknown);
  CHECK(script_of_osd_name("") == OcrScript::unknown);
}

TEST_CASE("OCR language sets are those whose data is installed", "[pdf][ocr]") {
  const std::vector<std::string> all = {"ara", "eng", "fas", "jpn", "jpn_vert", "osd"};
  CHECK(ocr_language_sets(OcrScript::latin, all) == std::vector<std::string>{"eng"});
  CHECK(ocr_language_sets(OcrScript::arabic, all) == std::vector<std::string>{"fas+eng", "ara+eng"});
  CHECK(ocr_language_sets(OcrScript::japanese, all) == std::vector<std::string>{"jpn", "jpn_vert"});
  CHECK(ocr_language_sets(OcrScript::unknown, all) ==
        std::vector<std::string>{"eng", "fas+eng", "ara+eng", "jpn", "jpn_vert"});
  // Persian data without English: Persian alone; no Persian data: no set,
  // and the message names the package.
  CHECK(ocr_language_sets(OcrScript::arabic, {"fas"}) == std::vector<std::string>{"fas"});
  CHECK(ocr_language_sets(OcrScript::arabic, {"eng", "osd"}).empty());
  CHECK(ocr_language_sets(OcrScript::latin, {}).empty());
  CHECK(ocr_packages(OcrScript::arabic).find("tesseract-ocr-fas") != std::string::npos);
  CHECK(ocr_packages(OcrScript::latin) == "tesseract-ocr-eng");
}

TEST_CASE("page numbers are said as ranges", "[pdf][ocr]") {
  CHECK(page_ranges({}).empty());
  CHECK(page_ranges({1}) == "1");
  CHECK(page_ranges({2, 3, 4, 5}) == "2-5");
  CHECK(page_ranges({1, 3, 4, 7, 8, 9, 12}) == "1, 3-4, 7-9, 12");
}

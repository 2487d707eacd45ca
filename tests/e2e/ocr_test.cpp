// End-to-end tests of OCR in PDF ingest (docs/pdf.md, "Pages without a
// usable text layer"), on real scans the project did not make: a scanned
// page is read by OCR and its words are found; the note names the pages and
// the confidence, `docs` shows the charset pdf+ocr; `--ocr never` keeps the
// old refusal word for word; without the language data the warning names the
// package to install; a page whose font has no usable Unicode map is read by
// OCR instead of stored as read; Arabic calligraphy with such fonts is read
// with the Arabic-script data. Each OCR'd page takes 1-4 s.
//
// Tesseract's language data is installed by scripts/setup; where it is not,
// the tests that need it say so (a Catch2 warning) and pass.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "harness.h"

using e2e::Sandbox;

namespace {

std::string pdf_data(const std::string& name) { return (e2e::data_dir() / "pdf" / name).string(); }

using e2e::contains;

// Whether the language data `lang` is where the OCR module looks (ocr.h).
bool have_language(const std::string& lang) {
  const char* env = std::getenv("TESSDATA_PREFIX");
  const e2e::fs::path dir = env != nullptr && *env != '\0' ? env : "/usr/share/tesseract-ocr/5/tessdata";
  return e2e::fs::exists(dir / (lang + ".traineddata"));
}

#define REQUIRE_LANGUAGES(...)                                                                     \
  for (const char* lang : {__VA_ARGS__}) {                                                         \
    if (!have_language(lang)) {                                                                    \
      WARN("skipped: Tesseract's " << lang << " data is not installed (scripts/setup installs it)"); \
      return;                                                                                      \
    }                                                                                              \
  }

// `dipmine ingest ARGS` with the language data moved away.
e2e::Result ingest_without_data(const Sandbox& s, const std::vector<std::string>& files) {
  std::string cmd = "TESSDATA_PREFIX=" + e2e::shell_quote((s.dir() / "no-tessdata").string()) + " " +
                    e2e::shell_quote(DIPMINE_BIN) + " --db " + e2e::shell_quote(s.db().string()) + " ingest";
  for (const auto& f : files) cmd += " " + e2e::shell_quote(f);
  return s.run_shell(cmd);
}

}  // namespace

TEST_CASE("a scanned page is read by OCR and its words are found", "[pdf][ocr]") {
  REQUIRE_LANGUAGES("eng", "osd");
  Sandbox s;
  const auto r = s.run({"ingest", pdf_data("ocrmypdf-c02-22.pdf")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "1 added"));
  // No text to tell the script: Tesseract's detection finds Latin, read with eng.
  CHECK(contains(r.err, "ocrmypdf-c02-22.pdf: note: page 1 read by OCR with eng (no usable text layer; "
                        "mean confidence "));
  CHECK_FALSE(contains(r.err, "warning"));
  CHECK(s.search_count("\"stretched his neck out\"") == 1);
  // A word hyphenated at a line end is joined, as in any PDF text.
  CHECK(s.search_count("\"likely it was minutes and minutes\"") == 1);
  const auto docs = s.run({"docs", "--format", "tsv"});
  CHECK(contains(docs.out, "\tpdf+ocr\t"));
}

TEST_CASE("with --ocr never a scanned PDF is refused as before", "[pdf][ocr]") {
  Sandbox s;
  const auto r = s.run({"ingest", "--ocr", "never", pdf_data("ocrmypdf-c02-22.pdf")});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "ocrmypdf-c02-22.pdf: PDF has no extractable text (scanned images?)\n"));
  CHECK_FALSE(contains(r.err, "OCR"));
  CHECK(s.run({"ingest", "--ocr", "sometimes", pdf_data("ocrmypdf-c02-22.pdf")}).code == 2);
}

TEST_CASE("without Tesseract's language data the warning names the package", "[pdf][ocr]") {
  Sandbox s;
  // A scan alone: refused, with what to install.
  const auto scan = ingest_without_data(s, {pdf_data("ocrmypdf-c02-22.pdf")});
  INFO(scan.err);
  CHECK(scan.code == 1);
  CHECK(contains(scan.err, "ocrmypdf-c02-22.pdf: PDF has no extractable text (scanned images?); OCR needs "
                           "Tesseract's language data: install tesseract-ocr-eng, -fas, -ara, -jpn"));
  // A Japanese page (pdf.js's issue15759) and a scanned one: the Japanese
  // page tells the script, and so the package.
  const auto mixed = ingest_without_data(s, {(e2e::data_dir() / "ingest" / "scanned_page.pdf").string()});
  INFO(mixed.err);
  CHECK(mixed.code == 0);
  CHECK(contains(mixed.err, "scanned_page.pdf: warning: 1 of 2 pages have (almost) no text layer, scanned or "
                            "blank; their text is missing: page 2; OCR needs Tesseract's language data: "
                            "install tesseract-ocr-jpn and tesseract-ocr-jpn-vert\n"));
}

TEST_CASE("a page OCR finds no text on keeps its warning", "[pdf][ocr]") {
  REQUIRE_LANGUAGES("jpn", "jpn_vert");
  // Page 2 of scanned_page.pdf is a scan with one word (`pdf.js`): too little
  // (read with the Japanese data its page 1 calls for).
  Sandbox s;
  const auto r = s.run({"ingest", (e2e::data_dir() / "ingest" / "scanned_page.pdf").string()});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.err, "scanned_page.pdf: warning: 1 of 2 pages have (almost) no text layer, scanned or blank; "
                        "their text is missing: page 2 (OCR read nothing more on them)\n"));
  CHECK_FALSE(contains(r.err, "read by OCR"));
}

TEST_CASE("a page whose font has no usable Unicode map is read by OCR", "[pdf][ocr]") {
  REQUIRE_LANGUAGES("eng", "osd");
  // pdfminer.six's issue-791 (Czech): the layer reads 3HQČåQt... for Peněžní.
  // There is no Czech data in scripts/setup: eng reads the words without
  // their háčeks (prostředky as prostredky).
  Sandbox s;
  const auto r = s.run({"ingest", pdf_data("pdfminer-issue-791-non-unicode-cmap.pdf")});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.err, "pdfminer-issue-791-non-unicode-cmap.pdf: note: page 1 read by OCR with eng"));
  CHECK_FALSE(contains(r.err, "does not decode"));
  CHECK(s.search_count("prostredky") == 1);
  CHECK(s.search_count("HQČåQt") == 0);
}

TEST_CASE("Arabic calligraphy whose fonts have no Unicode map is read with Arabic-script data", "[pdf][ocr]") {
  REQUIRE_LANGUAGES("eng", "fas", "ara", "osd");
  // pdf.js's ThuluthFeatures.pdf: the layer reads Greek, Cyrillic, Kannada.
  Sandbox s;
  const auto r = s.run({"ingest", pdf_data("pdfjs-ThuluthFeatures.pdf")});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.err, "pdfjs-ThuluthFeatures.pdf: note: page 1 read by OCR with "));
  CHECK((contains(r.err, "with ara+eng") || contains(r.err, "with fas+eng")));
  CHECK(s.search_count("\"ذوق المستخدم\"") == 1);
  // Tesseract marks right-to-left runs with LRM and RLM; stored text has none.
  CHECK(e2e::sql_column(s.db(), "SELECT count(*) FROM paragraphs WHERE text LIKE '%\u200E%' OR text LIKE "
                                "'%\u200F%'") == "0");
}

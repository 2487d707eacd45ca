// End-to-end tests of reading real PDFs (tests/data/pdf, see SOURCES.md):
// every phrase read off a rendered first page is found by `dipmine search`,
// in English, Persian, Arabic and Japanese, two-column and vertical pages
// included; running headers are left out and said so; a page without a text
// layer gets a warning, and so do pages whose text does not decode to
// letters (without OCR; with it, ocr_test.cpp); stored text is copyable; right-to-left ligatures read in order;
// the left-out line names only what was left out.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <sstream>

#include "harness.h"

using e2e::Sandbox;

namespace {

std::string pdf_data(const std::string& name) { return (e2e::data_dir() / "pdf" / name).string(); }

std::string query(const e2e::fs::path& db, const std::string& sql) { return e2e::sql_column(db, sql); }

using e2e::contains;

struct Phrase {
  std::string file, lang, layout, set, text, note;
};

std::vector<Phrase> read_phrases() {
  std::vector<Phrase> out;
  std::istringstream in(e2e::read_file(e2e::data_dir() / "pdf" / "phrases.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string cell; std::getline(ls, cell, '\t');) f.push_back(cell);
    if (f.size() < 5) continue;
    out.push_back({f[0], f[1], f[2], f[3], f[4], f.size() > 5 ? f[5] : ""});
  }
  return out;
}

}  // namespace

TEST_CASE("real PDFs: every phrase read off the page is found in its document", "[pdf][real]") {
  Sandbox s;
  // TAMReview's pages 2-22 need OCR, 40 s of CPU (minutes under the
  // sanitizers): it is read without OCR here, and its page-2 phrases are
  // noted in phrases.tsv (the OCR tests read other scans).
  const std::string slow = "pdfjs-TAMReview.pdf";
  std::vector<std::string> args = {"ingest"};
  for (const auto& f : e2e::fs::directory_iterator(e2e::data_dir() / "pdf")) {
    if (f.path().extension() == ".pdf" && f.path().filename() != slow) args.push_back(f.path().string());
  }
  REQUIRE(args.size() >= 35);
  auto r = s.run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  r = s.run({"ingest", "--ocr", "never", (e2e::data_dir() / "pdf" / slow).string()});
  REQUIRE(r.code == 0);
  std::map<std::string, std::string> id_of;
  std::istringstream ids(query(s.db(), "SELECT name || char(9) || id FROM documents"));
  for (std::string row; std::getline(ids, row);) id_of[row.substr(0, row.find('\t'))] = row.substr(row.find('\t') + 1);

  const std::vector<Phrase> phrases = read_phrases();
  REQUIRE(phrases.size() >= 113);
  std::map<std::string, std::pair<int, int>> by;  // "held", "tune", "fa", "vertical"... -> found, all
  for (const Phrase& p : phrases) {
    REQUIRE(id_of.count(p.file) == 1);
    const auto hit = s.run({"search", "--format", "tsv", "--limit", "1000", "\"" + p.text + "\""});
    bool found = false;
    std::istringstream rows(hit.out);
    for (std::string row; std::getline(rows, row);) {
      std::vector<std::string> f;
      std::stringstream ls(row);
      for (std::string cell; std::getline(ls, cell, '\t');) f.push_back(cell);
      if (f.size() > 1 && f[1] == id_of[p.file]) found = true;
    }
    for (const std::string& key : {p.set, p.lang, p.layout, std::string("all")}) {
      by[key].first += found;
      by[key].second += 1;
    }
    if (p.note.empty()) {
      INFO(p.file << ": \"" << p.text << "\" (" << p.lang << ", " << p.layout << ")");
      CHECK(found);
    }
  }
  for (const auto& [key, n] : by) std::printf("pdf phrases found, %-8s %d/%d\n", key.c_str(), n.first, n.second);
}

TEST_CASE("running headers and footers are left out, and the count is said", "[pdf]") {
  // Without OCR: its pages 2-22 (unusable text layer) would take 40 s to read.
  Sandbox s;
  const auto r = s.run({"ingest", "--ocr", "never", pdf_data("pdfjs-TAMReview.pdf")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.err, "pdfjs-TAMReview.pdf: left out "));
  CHECK(contains(r.err, " running header/footer lines"));
  // "Sprouts - http://sprouts.aisnet.org/9-37" ends each of its 23 pages.
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE text LIKE '%Sprouts - http://sprouts%'") == "0");
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE trim(text) GLOB '[0-9]*' AND "
                      "NOT trim(text) GLOB '*[^0-9]*'") == "0");
}

TEST_CASE("a page without a text layer gets a warning and the rest is stored", "[pdf]") {
  Sandbox s;
  // (With OCR, tests/e2e/ocr_test.cpp.)
  const auto r = s.run({"ingest", "--ocr", "never", (e2e::data_dir() / "ingest" / "scanned_page.pdf").string()});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.out, "1 added"));
  CHECK(contains(r.err, "scanned_page.pdf: warning: 1 of 2 pages have (almost) no text layer"));
  CHECK(contains(r.err, "page 2"));
}

TEST_CASE("glyphs whose font maps them to no letter are counted in a warning", "[pdf]") {
  // The template's font gives final ی and گ no Unicode (pdftotext drops them
  // without a word); a clean PDF gets no such line.
  Sandbox s;
  const auto r = s.run({"ingest", pdf_data("persian-assignment-template.pdf"), pdf_data("pdfjs-issue13201.pdf")});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.err, "persian-assignment-template.pdf: warning: 97 of 2852 glyphs have no Unicode letter"));
  CHECK(contains(r.err, "missing from the text: page 1, 2, 3"));
  CHECK_FALSE(contains(r.err, "pdfjs-issue13201.pdf: warning"));
}

TEST_CASE("stored PDF text has letters, not presentation forms or direction controls", "[pdf]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", pdf_data("xepersianshowcase-aut-assignment.pdf"),
                 pdf_data("pdfjs-ArabicCIDTrueType.pdf"), pdf_data("pdfminer-jo.pdf")})
              .code == 0);
  const std::string text = query(s.db(), "SELECT group_concat(text, ' ') FROM paragraphs");
  for (const char* bad : {"\uFEEB", "\uFB8F", "\u202B", "\u202C", "\u200F", "\uFE35", "\uFE12"}) {
    INFO(bad);
    CHECK_FALSE(contains(text, bad));
  }
  CHECK(contains(text, "دانشکده مهندسی کامپیوتر"));
  CHECK(contains(text, "(あらゆる透明な幽霊の複合体)"));
  const auto r = s.run({"search", "--format", "tsv", "دانشکده"});
  CHECK_FALSE(contains(r.out, "\uFEA9"));
}

TEST_CASE("pages whose text does not decode to letters are counted in a warning and stored as read", "[pdf]") {
  // issue-791: a font whose Unicode map reads every glyph 29 places off;
  // TAMReview: pages 2 to 23 come out as control characters (pdftotext's
  // too); ThuluthFeatures: Arabic glyphs read as Greek, Cyrillic, Kannada.
  // Without OCR, which reads such pages instead (tests/e2e/ocr_test.cpp).
  Sandbox s;
  const auto r = s.run({"ingest", "--ocr", "never", pdf_data("pdfminer-issue-791-non-unicode-cmap.pdf"), pdf_data("pdfjs-TAMReview.pdf"),
                        pdf_data("pdfjs-ThuluthFeatures.pdf"), pdf_data("pdfjs-issue13201.pdf")});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.out, "4 added"));
  CHECK(contains(r.err, "pdfminer-issue-791-non-unicode-cmap.pdf: warning: 1 of 1 pages have text that does not "
                        "decode to letters (font without a Unicode map); they are stored as read: page 1"));
  CHECK(contains(r.err, "pdfjs-TAMReview.pdf: warning: 21 of 23 pages have text that does not decode to letters"));
  CHECK(contains(r.err, "stored as read: page 2, 3, 4,"));
  CHECK(contains(r.err, "pdfjs-ThuluthFeatures.pdf: warning: 1 of 1 pages have text that does not decode"));
  CHECK_FALSE(contains(r.err, "pdfjs-issue13201.pdf: warning"));
  // Page 1 of TAMReview decodes, and is searchable.
  CHECK(contains(s.run({"search", "--format", "tsv", "\"Technology Acceptance Model\""}).out, "\t"));
}

TEST_CASE("Arabic drawn as one glyph per word comes out in logical order", "[pdf]") {
  // weasyprint maps the word's one glyph to حَبيبي in logical order; it was
  // reversed with the visual-order letters around it (pdftotext's too).
  Sandbox s;
  REQUIRE(s.run({"ingest", pdf_data("pypdf-samples-habibi.pdf"), pdf_data("xepersian-manual-p10-12.pdf")}).code == 0);
  const std::string text = query(s.db(), "SELECT group_concat(text, ' ') FROM paragraphs");
  CHECK(contains(text, "حَبيبي habibi"));
  // XePersian's ligatures (نی, پی, بی) are glyphs for two letters too.
  CHECK(contains(text, "\\شکستنی"));
  CHECK(contains(text, "\\کپی"));
  CHECK(contains(text, "\\عربی"));
}

TEST_CASE("the left-out line names only what was left out", "[pdf]") {
  Sandbox s;
  const auto r = s.run({"ingest", "--ocr", "never", pdf_data("pdfjs-TAMReview.pdf"), pdf_data("pdfjs-issue13201.pdf"),
                        pdf_data("pdfjs-issue15340.pdf")});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.err, "pdfjs-TAMReview.pdf: left out 85 running header/footer lines, "
                        "2 superscript markers (footnote marks, exponents)\n"));
  CHECK(contains(r.err, "pdfjs-issue13201.pdf: left out 1 page-number lines\n"));
  CHECK_FALSE(contains(r.err, "pdfjs-issue15340.pdf: left out"));
  CHECK_FALSE(contains(r.err, " 0 "));
}

TEST_CASE("words outside a page's crop box are left out with a note saying how many", "[pdf]") {
  // pdf.js's endchar.pdf: a viewer shows only the crop box around `É`; `LE`
  // and `HOLD-UP` lie outside it. They were dropped without a word before.
  Sandbox s;
  const auto r =
      s.run({"ingest", "--ocr", "never", (e2e::data_dir() / "ingest" / "cropped" / "pdfjs-endchar.pdf").string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.err, "pdfjs-endchar.pdf: left out 2 words outside the visible page (its crop box; a viewer does "
                        "not show them) on page 1\n"));
  CHECK(query(s.db(), "SELECT group_concat(text, '|') FROM paragraphs") == "PLANÉTAIRE");
  // An uncropped page says nothing of the kind.
  const auto plain = s.run({"ingest", "--ocr", "never", pdf_data("pdfjs-issue15340.pdf")});
  CHECK_FALSE(contains(plain.err, "crop box"));
}

TEST_CASE("a PDF's declared title is its title when its first page shows it", "[pdf][title]") {
  Sandbox s;
  // TAMReview declares its paper's title; issue15340 declares "issue15340",
  // which its page does not show (a file name, as many PDFs declare).
  auto r = s.run({"ingest", "--ocr", "never", pdf_data("pdfjs-TAMReview.pdf"), pdf_data("pdfjs-issue15340.pdf")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(e2e::sql_column(s.db(), "SELECT title FROM documents ORDER BY name") ==
        "Overview of the Technology Acceptance Model: Origins, Developments and Future Directions\n");
  CHECK(contains(s.run({"docs"}).out, "pdfjs-issue15340.pdf"));
}

TEST_CASE("a PDF attaches to the record of its paper by its wrapped title", "[pdf][title]") {
  Sandbox s;
  // The record as a reference manager exports it; the PDF's page sets the
  // title over two lines.
  e2e::write_file(s.dir() / "tam.ris",
                  "TY  - JOUR\nTI  - Overview of the Technology Acceptance Model: Origins, Developments and "
                  "Future Directions\nAU  - Chuttur, Mohammad\nPY  - 2009\nJO  - Working Papers on "
                  "Information Systems\nER  - \n");
  auto r = s.run({"ingest", "--ocr", "never", (s.dir() / "tam.ris").string(), pdf_data("pdfjs-TAMReview.pdf")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "1 added, 1 updated"));
  CHECK(contains(r.err, "pdfjs-TAMReview.pdf: attached to the record of the same paper"));
  CHECK(e2e::sql_column(s.db(), "SELECT count(*) || ':' || year || ':' || format FROM documents") == "1:2009:pdf");
}

TEST_CASE("a page whose whole text is a few words keeps its text layer", "[pdf][ocr]") {
  // hypernetix/hyperspot's one-page PDF says "test pdf file". Short, so OCR
  // was tried, and its Japanese vertical model replaced the words with five
  // garbage tokens stored as a Japanese document.
  Sandbox s;
  auto r = s.run({"ingest", pdf_data("hyperspot-one_page_en.pdf")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_FALSE(contains(r.err, "read by OCR"));
  CHECK(query(s.db(), "SELECT lang || ':' || text FROM paragraphs") == "en:test pdf file");
  CHECK(query(s.db(), "SELECT charset FROM documents") == "pdf");
  // Without OCR it is stored as well (it used to be refused as "no extractable
  // text"), with the warning that its page may have lost text.
  Sandbox t;
  r = t.run({"ingest", "--ocr", "never", pdf_data("hyperspot-one_page_en.pdf")});
  CHECK(r.code == 0);
  CHECK(contains(r.err, "hyperspot-one_page_en.pdf: warning: 1 of 1 pages have (almost) no text layer"));
  CHECK(query(t.db(), "SELECT text FROM paragraphs") == "test pdf file");
  // Two blank pages around one of ten words: the blank ones are named.
  r = t.run({"ingest", pdf_data("hyperspot-three_pages_two_empty_en.pdf")});
  CHECK(r.code == 0);
  CHECK(contains(r.err, "warning: 2 of 3 pages have (almost) no text layer, scanned or blank; their text is missing: page 1, 3"));
}

// End-to-end tests on real PDFs the project does not store (see
// tests/data/pdf/fetch.tsv; `scripts/fetch-pdf` puts them in
// tests/data/pdf/fetched/). A test whose file is not there says so and
// checks nothing else.
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

// The fetched file's path, or "" (with a warning) when it was not fetched.
std::string fetched(const std::string& name) {
  const auto path = e2e::data_dir() / "pdf" / "fetched" / name;
  if (!e2e::fs::exists(path)) {
    WARN(name << " not fetched (run scripts/fetch-pdf): skipped");
    return "";
  }
  return path.string();
}

std::string stored_text(const Sandbox& s) {
  return e2e::sql_column(s.db(), "SELECT group_concat(text, char(10)) FROM paragraphs ORDER BY id");
}

using e2e::contains;

}  // namespace

TEST_CASE("a gazette set vertically one horizontal glyph per line reads column by column", "[pdf][fetched]") {
  // pdfminer.six samples/nonfree/kampo.pdf: a page of the 2008 government
  // gazette. It read row by row across the columns, 155 lines of 「、。」 first.
  const std::string pdf = fetched("kampo.pdf");
  if (pdf.empty()) return;
  Sandbox s;
  const auto r = s.run({"ingest", pdf});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_FALSE(contains(r.err, "warning"));
  for (const char* word : {"政令", "道路交通法", "横断歩道", "普通自転車"}) {
    INFO(word);
    CHECK(contains(s.run({"search", "--count", word}).out, "in 1 document"));
  }
  // Read off the rendered page: the title column, and a comma in its slot.
  const std::string text = stored_text(s);
  CHECK(contains(text, "政令第百四十九号道路交通法施行令の一部を改正する政令"));
  CHECK(contains(text, "内閣は、道路交通法の一部を改正する法律(平成十九年法律第九十号)の一部の施行に伴い、"));
}

TEST_CASE("an ex- word broken at a line end is joined in the clean text", "[pdf][fetched]") {
  // pdfminer.six samples/nonfree/naacl06-shinyama.pdf: `Ex-` / `isting IE
  // systems` kept its hyphen (ex- as in ex-president), so `terms` listed
  // `isting`.
  const std::string pdf = fetched("naacl06-shinyama.pdf");
  if (pdf.empty()) return;
  Sandbox s;
  REQUIRE(s.run({"ingest", pdf}).code == 0);
  const auto terms = s.run({"terms", "--lang", "en", "--top", "0"});
  REQUIRE(terms.code == 0);
  CHECK(contains(terms.out, "\nExisting IE systems require"));
  CHECK_FALSE(contains(terms.out, "\nisting IE systems require"));
  // (One `isting` is left: the page's table is read between the line that
  // ends in `ex-` and the one that goes on, so the two never meet.)
  CHECK(contains(s.run({"search", "--count", "\"Existing IE systems\""}).out, "in 1 document"));
  CHECK(contains(s.run({"search", "--count", "\"extracting relations\""}).out, "in 1 document"));
}

TEST_CASE("presentation-form pieces drawn joined get no ZWNJ", "[pdf][fetched]") {
  // language-ml/course-nlp-ir-1-text-exploring, a Kurdish book (54 pages)
  // spelt with Arabic presentation forms: 6,799 ZWNJs were put after
  // initial forms (ﺗﲑﺛﮋ read ت‌يرث‌ژ).
  const std::string pdf = fetched("khayaam.pdf");
  if (pdf.empty()) return;
  Sandbox s;
  REQUIRE(s.run({"ingest", pdf}).code == 0);
  const std::string text = stored_text(s);
  CHECK_FALSE(contains(text, "\u200C"));
  CHECK(contains(text, "تيرثژ"));
  CHECK(contains(text, "دريا"));
}

TEST_CASE("Word-made Persian PDFs: words whole, brackets paired, cropped text counted", "[pdf][fetched]") {
  // Yazd University's thesis template (tests/data/pdf/fetch.tsv): flowcharts
  // saved as PDF by Word 2019 in B Nazanin. Word draws ی as a piece of its own
  // (کل‌ی‌ک, پ‌ی‌شنهاده were stored), its bracket codes are the letters'
  // (`)دانشجو(` was stored), and Irandoc.pdf's crop box hides its 21-word
  // heading (dropped without a word before).
  const std::string irandoc = fetched("yazd_Irandoc.pdf"), chart = fetched("yazd_Proposal-chart_Part1.pdf");
  if (irandoc.empty() || chart.empty()) return;
  Sandbox s;
  const auto r = s.run({"ingest", "--ocr", "never", irandoc, chart});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.err, "yazd_Irandoc.pdf: left out 21 words outside the visible page (its crop box"));
  const std::string text = stored_text(s);
  for (const char* word : {"کلیک روی", "سامانه ملی ثبت", "پیشنهاده", "گزينه", "تکمیل دقیق", "ذخیره", "(دانشجو)",
                           "(کارشناس همانندجویی)", "(پارسا)"}) {
    INFO(word);
    CHECK(contains(text, word));
  }
  for (const char* broken : {"کل\u200cی", "پ\u200cی", ")دانشجو(", ")پارسا("}) {
    INFO(broken);
    CHECK_FALSE(contains(text, broken));
  }
  // The writer's own ZWNJ stays: پایان‌نامه.
  CHECK(contains(text, "پایان\u200cنامه"));
  for (const char* q : {"کلیک", "پیشنهاده", "\"ثبت پایان نامه\""}) {
    INFO(q);
    CHECK(s.search_count(q) >= 1);
  }
}

TEST_CASE("Word-made Persian PDF: a number drawn in pieces keeps its order", "[pdf][fetched]") {
  // Yazd University's thesis defence minutes (tests/data/pdf/fetch.tsv): the
  // grade bands «نمره ۱۸ تا ۱۸/۹۹» were stored as `99/18`.
  const std::string pdf = fetched("yazd_Sooratjalasa-msc.pdf");
  if (pdf.empty()) return;
  Sandbox s;
  const auto r = s.run({"ingest", "--ocr", "never", pdf});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string text = stored_text(s);
  CHECK(contains(text, "نمره 18 تا 18/99"));
  CHECK(contains(text, "نمره 16 تا 17/99"));
  CHECK_FALSE(contains(text, "99/18"));
  CHECK(s.search_count("18/99") >= 1);
  // A Wingdings check box (U+F035) beside a band is no letter: `كمتر از (14` before.
  CHECK(contains(text, "كمتر از 14)"));
  CHECK(contains(text, "نمره 19 تا 20)"));
}

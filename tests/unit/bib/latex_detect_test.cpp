// LaTeX to Unicode in BibTeX fields, and which files are exports.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "bib/bib.h"

namespace bib = dipmine::bib;

TEST_CASE("BibTeX LaTeX accents, escapes and font commands become Unicode", "[bib][latex]") {
  std::ifstream in(std::string(DIPMINE_TEST_DATA) + "/bib/latex.bib", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const auto r = bib::read_export("latex.bib", ss.str(), bib::Format::bibtex);
  REQUIRE(r.records.size() == 1);
  const auto& rec = r.records[0];
  CHECK(rec.title == "Über Städte – Netzwerke & Diplomatie: Gdańsk, Łódź und Århus");
  CHECK(rec.authors == "Gödel, Kurt; Straße, Hans; World Health Organization; Škoda, Jiří");
  CHECK(rec.venue == "Proc. 50% Cities 2030");
  REQUIRE(rec.paragraphs.size() == 3);
  CHECK(rec.paragraphs[1].text == "First paragraph with “quotes” and São Paulo.");
  CHECK(rec.paragraphs[2].text == "Second paragraph: naïve façade — the end.");
  CHECK(rec.format == "bibtex");
  CHECK(rec.name == "latex1");
}

TEST_CASE("BibTeX: a command without an argument stands as its name, a switch leaves nothing", "[bib][latex]") {
  // The title of entry Khalighi87xepersian in MyReferences.bib of
  // mobinyousefi-cs/University-of-Yazd-Thesis-Template-XeLaTeX: \XePersian
  // (a logo macro) was dropped, leaving "زی‌پرشین ()" and XePersian unfindable.
  const std::string bib =
      "@article{Khalighi87xepersian, TITLE = {زی‌پرشین (\\lr{\\XePersian}): بسته فارسی برای حروف‌چینی در "
      "\\lr{\\LaTeX2e}}, YEAR = {2008}}\n"
      "@article{m, title = {A {\\bf bold} \\relax word\\quad \\emph{\\foo} end}, year = {2020}}\n";
  const auto r = bib::read_export("x.bib", bib, bib::Format::bibtex);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].title == "زی‌پرشین (XePersian): بسته فارسی برای حروف‌چینی در LaTeX2e");
  CHECK(r.records[1].title == "A bold word foo end");
}

TEST_CASE("BibTeX: math in a title becomes the characters a reader sees", "[bib][latex]") {
  // zotero-better-bibtex's test fixture for its issue 472 (tests/data/bib/SOURCES.md),
  // whose expected import reads `100 𝜇J, 200 𝜇J Energy, and ±0.1% Accuracy,
  // 0.2 mm² Size`: here `200,muJ`, `pm0.1`, `0.2,mm^2` before.
  std::ifstream in(std::string(DIPMINE_TEST_DATA) + "/bib/bbt-math-markup-472.bib", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const auto r = bib::read_export("m.bib", ss.str(), bib::Format::bibtex);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].title ==
        "Test Title With 100 μJ, 200 μJ Energy, and ±0.1% Accuracy, 0.2 mm² Size, and -50 dB Attenuation");
  CHECK(r.records[1].title == "Test Title with space quad, space semi-colon, space colon, space comma, space nbsp");
  const auto chem = bib::read_export("c.bib", "@article{c, title = {Cu$_2$O films at $10^{-3}$ and $x_{12}$}, year = {2020}}\n",
                                     bib::Format::bibtex);
  REQUIRE(chem.records.size() == 1);
  CHECK(chem.records[0].title == "Cu₂O films at 10-3 and x₁₂");
}

TEST_CASE("exports are recognised by content as well as extension", "[bib][detect]") {
  using F = bib::Format;
  CHECK(bib::detect_format("a.ris", "anything") == F::ris);
  CHECK(bib::detect_format("a.txt", "\xEF\xBB\xBFTY  - JOUR\nTI  - x\nER  - \n") == F::ris);
  CHECK(bib::detect_format("download", "FN Clarivate\nVR 1.0\nPT J\n") == F::wos);
  CHECK(bib::detect_format("a.txt", "PT J\nTI x\nER\n") == F::wos);
  CHECK(bib::detect_format("a.txt", "% exported\n@article{k,\n title={x}}\n") == F::bibtex);
  CHECK(bib::detect_format("a.bib", "") == F::bibtex);
  CHECK(bib::detect_format("a.json", "[{\"id\":1}]") == F::csl_json);
  CHECK(bib::detect_format("items", "[{\"type\":\"book\",\"title\":\"x\"}]") == F::csl_json);
  CHECK(bib::detect_format("scopus.csv", "\xEF\xBB\xBF" "Authors,Title,Year\n") == F::scopus_csv);
  CHECK(bib::detect_format("export", "Authors,Title,Year,Source title\n") == F::scopus_csv);
  // Ordinary texts stay texts.
  CHECK_FALSE(bib::detect_format("data.csv", "a,b,c\n1,2,3\n"));
  CHECK_FALSE(bib::detect_format("paper.txt", "City diplomacy is ...\nTY  - not first\n"));
  CHECK_FALSE(bib::detect_format("mail.txt", "Write to me @ home {soon}\n"));
  CHECK_FALSE(bib::detect_format("a.md", "# Title\n\nPT is physical therapy.\n"));
  CHECK_FALSE(bib::detect_format("a.txt", ""));
}

// ingest/exports.h pdf_title_candidates: the texts a PDF's title may be, which
// attach a PDF to the record of the same paper.
#include <catch2/catch.hpp>
#include <algorithm>
#include <string>

#include "bib/bib.h"
#include "ingest/exports.h"

using dipmine::ingest::pdf_title_candidates;

namespace {

bool has_key(const std::vector<std::string>& candidates, const std::string& title) {
  const std::string key = dipmine::bib::keyword_key(title);
  return std::any_of(candidates.begin(), candidates.end(),
                     [&](const std::string& c) { return dipmine::bib::keyword_key(c) == key; });
}

}  // namespace

TEST_CASE("a title wrapped over two lines of a long first paragraph is a candidate", "[pdf_title]") {
  // The cover page of a JSTOR download as dipmine stores it (ropensci/RefManageR,
  // inst/pdf/jstor.pdf): the title wraps, then the bibliographic lines follow
  // in the same paragraph, over 400 bytes in all.
  dipmine::store::DocumentRecord pdf;
  dipmine::store::ParagraphRecord p;
  p.text =
      "Bayesian Semiparametric Regression in the Presence of Conditionally Heteroscedastic\n"
      "Measurement and Regression Errors\n"
      "Author(s): Abhra Sarkar, Bani K. Mallick and Raymond J. Carroll\n"
      "Source: Biometrics , DECEMBER 2014, Vol. 70, No. 4 (DECEMBER 2014), pp. 823-834\n"
      "Published by: International Biometric Society\n"
      "Stable URL: https://www.jstor.org/stable/24538196\n"
      "REFERENCES\n"
      "Linked references are available on JSTOR for this article:\n"
      "You may need to log in to JSTOR to access the linked references.";
  REQUIRE(p.text.size() > 400);
  pdf.paragraphs.push_back(p);
  const auto candidates = pdf_title_candidates(pdf);
  CHECK(has_key(candidates, "Bayesian Semiparametric Regression in the Presence of Conditionally "
                            "Heteroscedastic Measurement and Regression Errors"));
  CHECK(has_key(candidates, "Bayesian Semiparametric Regression in the Presence of Conditionally "
                            "Heteroscedastic"));
  // Never more than three lines: the author line is not part of any candidate title.
  CHECK_FALSE(std::any_of(candidates.begin(), candidates.end(), [](const std::string& c) {
    return c.find("Source:") != std::string::npos;
  }));
  // The declared title comes first.
  pdf.title = "Declared";
  CHECK(pdf_title_candidates(pdf).front() == "Declared");
}

TEST_CASE("only the first five paragraphs give candidates", "[pdf_title]") {
  dipmine::store::DocumentRecord pdf;
  for (int i = 0; i < 7; ++i) {
    dipmine::store::ParagraphRecord p;
    p.text = "Paragraph " + std::to_string(i);
    pdf.paragraphs.push_back(p);
  }
  const auto candidates = pdf_title_candidates(pdf);
  CHECK(has_key(candidates, "Paragraph 4"));
  CHECK_FALSE(has_key(candidates, "Paragraph 5"));
}

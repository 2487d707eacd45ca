// The new-user trial's items at the reader level: when two titles are the
// same paper, how keys, Zotero JSON, EndNote and keyword lines are read, and
// what the detector says of each (files in tests/data/bib/real/trial).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "bib/bib.h"
#include "bib_test_data.h"

namespace bib = dipmine::bib;

namespace {

std::string trial(const std::string& name) { return bib_test_data("real/trial/" + name); }

}  // namespace

TEST_CASE("titles agree when equal, a subtitle longer or nearly the same words", "[bib][trial]") {
  // The pairs of Better BibTeX fixture 1296 that share a DOI.
  CHECK(bib::titles_agree("Make It Stand", "Make It Stand: Balancing Shapes for {3D} Fabrication"));
  CHECK(bib::titles_agree("Pulp-Based Computing: A Framework for Building Computers out of Paper",
                          "Pulp-Based Computing: {{A}} Framework for Building Computers out of Paper"));
  CHECK(bib::titles_agree("Pay or {{Delay}}: {{The Role}} of {{Technology When Managing}} a {{Low Income}}",
                          "Pay or Delay: The Role of Technology When Managing a Low Income"));
  CHECK_FALSE(bib::titles_agree(
      "A Preliminary Investigation of Human Adaptations for Various Virtual Eyes in Video See-through HMDS",
      "Electric Materialities and Interactive Technology"));
  CHECK_FALSE(bib::titles_agree("Sketching User Experiences: Getting the Design Right and the Right Design",
                                "Sketch It, Make It: Sketching Precise Drawings for Laser Cutting"));
  // A word changed is the same paper; one shared first word is not.
  CHECK(bib::titles_agree("City diplomacy and the urban health networks of Europe",
                          "City diplomacy and urban health networks of Europe"));
  CHECK_FALSE(bib::titles_agree("Cities", "Cities and climate"));
  CHECK(bib::titles_agree("", "Anything"));
  // Scripts without spaces compare by character pairs.
  CHECK(bib::titles_agree("数字化转型与企业创新效率——来自中国制造业上市公司的经验证据",
                          "数字化转型与企业创新效率:来自中国制造业上市公司的经验证据"));
  CHECK_FALSE(bib::titles_agree("数字化转型与企业创新效率", "参考文献管理工具研究"));
  CHECK(bib::titles_agree("دیپلماسی شهری و شبکه‌های جهانی شهرها", "دیپلماسی شهری و شبکه های جهانی شهرها"));
}

TEST_CASE("the trial's files are detected as what they are", "[bib][trial]") {
  CHECK(bib::detect_format("x.json", trial("bbt_2320_chinese.json")) == bib::Format::zotero_json);
  CHECK(bib::detect_format("x.enw", trial("jabref_Endnote.book.example.enw")) == bib::Format::endnote);
  CHECK(bib::detect_format("x.txt", trial("zotero_refer_bibix_tests.enw")) == bib::Format::endnote);
  CHECK(bib::detect_format("x.txt", trial("metaknowledge_OnePaper2_xx_line.txt")) == bib::Format::wos);
  CHECK(bib::detect_format("x.txt", trial("metaknowledge_OnePaper2_vr_first.txt")) == bib::Format::wos);
  CHECK(bib::detect_format("x.csv", trial("litstudy_scopus_5_columns.csv")) == bib::Format::csv_table);
  CHECK(!bib::detect_format("x.yml", trial("bbt_860.csl.yml")));
  CHECK(bib::unsupported_export("x.yml", trial("bbt_860.csl.yml")) == "CSL-YAML");
  // A Markdown paper with references in its front matter is a document.
  const std::string paper = "---\nreferences:\n- id: a\n  title: T\n  type: book\n---\n\nThe text of the paper.\n";
  CHECK(bib::unsupported_export("paper.md", paper).empty());
  // Prose and tables that only look a little like exports stay text.
  CHECK(!bib::detect_format("cities.csv", "title,population\nTehran,9000000\n"));
  CHECK(!bib::detect_format("notes.txt", "XX marks the spot.\nPT boats were small.\n"));
}

TEST_CASE("BibTeX keys take every character up to the comma", "[bib][trial]") {
  for (const char* name : {"bbt_2252_ampersand_key.biblatex", "bbt_2366_paren_key.biblatex",
                           "bbt_1933_semicolon_key.biblatex", "bbt_1733_ads_key.bib"}) {
    const bib::ExportRead r = bib::read_export(name, trial(name), bib::Format::bibtex);
    INFO(name);
    CHECK(r.records.size() == 1);
    CHECK(r.skipped == 0);
  }
  // EndNote's BibTeX without a key still reads its first field.
  const bib::ExportRead r = bib::read_export("x.bib", "@article{title = {No key here}, year = 2020}\n",
                                             bib::Format::bibtex);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].title == "No key here");
}

TEST_CASE("Zoological Record descriptors become one keyword each, not one of 600 characters", "[bib][trial]") {
  // litsearchr's Zoological Record export: DE is "taxa [Subject / Narrower /
  // Detail] [...]." without a ';' after the taxa.
  const bib::ExportRead r =
      bib::read_export("zr.txt", trial("litsearchr_zoorec_first3.txt"), bib::Format::wos);
  REQUIRE(r.records.size() == 3);
  size_t longest = 0;
  std::vector<std::string> first;
  for (const auto& rec : r.records) {
    for (const auto& k : rec.keywords) longest = std::max(longest, k.keyword.size());
  }
  for (const auto& k : r.records[0].keywords) first.push_back(k.keyword);
  CHECK(longest < 60);
  for (const char* want : {"Picoides arcticus", "Management implications", "habitat characteristics",
                           "Nest site selection", "Plumas & Lassen National Forests", "Terrestrial habitat"}) {
    INFO(want);
    CHECK(std::find(first.begin(), first.end(), want) != first.end());
  }
  // The second record names three taxa before its groups.
  std::vector<std::string> second;
  for (const auto& k : r.records[1].keywords) second.push_back(k.keyword);
  CHECK(std::find(second.begin(), second.end(), "Dryobates villosus") != second.end());
  CHECK(std::find(second.begin(), second.end(), "Arcgis software tool") != second.end());
  // Web of Science wraps a list inside a keyword: the ';' decide.
  const bib::ExportRead w =
      bib::read_export("wos.txt", trial("metaknowledge_OnePaper2_vr_first.txt"), bib::Format::wos);
  REQUIRE(w.records.size() == 1);
  std::vector<std::string> kws;
  for (const auto& k : w.records[0].keywords) {
    if (k.kind == "author") kws.push_back(k.keyword);
  }
  CHECK(kws == std::vector<std::string>{"reservoir geochemistry", "highly to over mature", "reservoir bitumen",
                                        "gas geochemistry", "China", "Sichuan Basin", "gas interval"});
}

TEST_CASE("EndNote XML: entities, CDATA, keywords and a broken file", "[bib][trial]") {
  const std::string xml =
      "<?xml version=\"1.0\"?><xml><records><record><rec-number>7</rec-number>"
      "<titles><title><style face=\"normal\">Cities &amp; </style><style face=\"italic\">climate</style>"
      "</title></titles><dates><year>2020</year></dates>"
      "<keywords><keyword>city diplomacy</keyword><keyword>C40&#xD;UCLG</keyword></keywords>"
      "<abstract><![CDATA[First <part>.]]>&#xD;Second part &#x2013; end.</abstract>"
      "<electronic-resource-num>DOI 10.1002/jcc.540080605</electronic-resource-num>"
      "</record></records></xml>";
  REQUIRE(bib::detect_format("x.xml", xml) == bib::Format::endnote_xml);
  bib::ExportRead r = bib::read_export("x.xml", xml, bib::Format::endnote_xml);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].title == "Cities & climate");
  CHECK(r.records[0].doi == "10.1002/jcc.540080605");
  CHECK(r.records[0].name == "7");
  REQUIRE(r.records[0].paragraphs.size() == 3);
  CHECK(r.records[0].paragraphs[1].text == "First <part>.");
  CHECK(r.records[0].paragraphs[2].text == "Second part – end.");
  CHECK(r.records[0].keywords.size() == 3);
  r = bib::read_export("bad.xml", "<xml><records><record><titles>A</record></records></xml>",
                       bib::Format::endnote_xml);
  CHECK(r.records.empty());
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] == "bad.xml:1: invalid XML (</record> does not close <titles>); no records read");
}

TEST_CASE("RIS: a record whose title is only its short title (ST) is kept", "[bib][trial]") {
  // MrTango/rispy's tests/data/example_utf_chars.ris: an EndNote-made record
  // of a Russian article with AU, PY, JO, AB and the title in ST only.
  const std::string ris = bib_test_data("real/trial/rispy_example_utf_chars.ris");
  REQUIRE(bib::detect_format("x.ris", ris) == bib::Format::ris);
  const bib::ExportRead r = bib::read_export("x.ris", ris, bib::Format::ris);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].title.rfind("Состояние рецепторного аппарата эндометрия", 0) == 0);
  CHECK(r.records[0].year == 2009);
  CHECK(r.records[0].authors.rfind("Dobrokhotova, Yu E.", 0) == 0);
  CHECK(r.messages.empty());
}

TEST_CASE("BibTeX: an empty slot between two fields is skipped, the entry kept", "[bib][trial]") {
  // retorquere/zotero-better-bibtex issue 2377's entry: `title = {...},  , number = ...`.
  const std::string bib_text = bib_test_data("real/trial/bbt_2377_empty_field_slot.bib");
  const bib::ExportRead r = bib::read_export("x.bib", bib_text, bib::Format::bibtex);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].title == "Report number 2PTE3 - 3D transport model under operative regime");
  CHECK(r.records[0].source == "https://website.org/?uid=2PTE3");
  CHECK(r.skipped == 0);
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] == "x.bib:1: 1 empty field slot (`, ,`; the first here) skipped, the entries kept");
}

// Issue 17, items 1-8: what real exports do that the first readers did not
// expect. Each case reads a real file (tests/data/bib/real/tune) or, where no
// public file was found, a layout written here (tests/data/bib/formats).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "bib/bib.h"
#include "bib/entry.h"

namespace bib = dipmine::bib;
using V = std::vector<std::string>;

namespace {

std::string slurp(const std::string& rel) {
  std::ifstream in(std::string(DIPMINE_TEST_DATA) + "/bib/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bib::ExportRead read(const std::string& rel) {
  const std::string text = slurp(rel);
  const auto format = bib::detect_format(rel, text);
  REQUIRE(format.has_value());
  return bib::read_export(rel, text, *format);
}

bool has_message(const bib::ExportRead& r, const std::string& part) {
  return std::any_of(r.messages.begin(), r.messages.end(),
                     [&](const std::string& m) { return m.find(part) != std::string::npos; });
}

std::vector<std::string> keywords(const dipmine::store::DocumentRecord& rec) {
  std::vector<std::string> k;
  for (const auto& kw : rec.keywords) k.push_back(kw.keyword);
  return k;
}

}  // namespace

TEST_CASE("1: Scopus rows with the unnamed second Funding Text field are read", "[bib][real]") {
  const auto r = read("real/tune/litstudy_scopus.csv");
  CHECK(r.entries == 58);
  CHECK(r.records.size() == 58);
  CHECK(r.skipped == 0);
  // Row 3 has 46 fields: its EID sits one column right of the header's.
  const auto& rec = r.records[2];
  CHECK(rec.name == "2-s2.0-85123480963");
  CHECK(rec.title.rfind("Petri nets and ODEs as complementary methods", 0) == 0);
  CHECK(rec.year == 2022);
  CHECK(has_message(r, "56 rows have more fields than the header (the unnamed column after "
                       "`funding text 1`)"));
}

TEST_CASE("1: a CSV row with fewer fields is skipped and counted by reason", "[bib][real]") {
  const std::string csv =
      "Authors,Title,Year,Source title,EID\n"
      "\"A B.\",\"One\",2020,J,e1\n"
      "\"A B.\",\"Two\",2020\n"
      "\"A B.\",\"Three\",2020,J\n";
  const auto r = bib::read_export("x.csv", csv, bib::Format::scopus_csv);
  CHECK(r.records.size() == 1);
  CHECK(r.skipped == 2);
  CHECK(r.messages.back() == "x.csv: 2 of 3 records skipped: 2 × row has fewer fields than the header");
}

TEST_CASE("2: EndNote RIS writes one keyword per untagged line after KW", "[bib][real]") {
  const auto r = read("real/tune/asreview_pubmed_endnote.txt");
  REQUIRE(r.records.size() == 6);
  const V k = keywords(r.records[0]);
  CHECK(k.size() == 10);
  CHECK(k[0] == "Animals");
  CHECK(k[1] == "Anti-Inflammatory Agents/adverse effects/pharmacokinetics/*pharmacology");
  // A continuation line of another field (the abstract) still continues it.
  CHECK(r.records[0].paragraphs.size() == 2);
}

TEST_CASE("3: a lone CR ends a line (IEEE Xplore RIS)", "[bib][real]") {
  const auto r = read("real/tune/litstudy_ieee_xplore.ris");
  CHECK(r.records.size() == 25);
  CHECK(r.messages.empty());
  CHECK(r.records[1].title == "Reference Exascale Architecture");
  V lines;
  bib::detail::ExportLines el("a\rb\r\nc\n\rd");
  for (std::string_view l; el.next(l);) lines.emplace_back(l);
  CHECK(lines == V{"a", "b", "c", "", "d"});
}

TEST_CASE("4: undefined @string macros keep the entry, one warning per macro", "[bib]") {
  const auto r = read("formats/names_macros.bib");
  CHECK(r.records.size() == 5);
  CHECK(r.skipped == 0);
  CHECK(r.records[0].venue == "IEEE_J_IP");
  CHECK(r.records[2].venue == "IEEE_J_IP (online)");
  CHECK(r.records[1].venue == "ICSE");
  CHECK(std::count_if(r.messages.begin(), r.messages.end(), [](const std::string& m) {
          return m.find("undefined @string macro `IEEE_J_IP`") != std::string::npos;
        }) == 1);
  CHECK(has_message(r, "formats/names_macros.bib:14: undefined @string macro `ICSE`: its name "
                       "stands as the text (warned once)"));
}

TEST_CASE("4: EndNote's BibTeX entries without a citation key are read", "[bib]") {
  const auto r = read("formats/endnote_nokey.bib");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].title == "City diplomacy and urban health networks");
  CHECK(r.records[0].doi == "10.1016/j.cities.2020.103055");
  CHECK(r.records[1].authors == "Melissen, Jan");
}

TEST_CASE("5: content beats the extension", "[bib][detect]") {
  const std::string wos = slurp("real/tune/rispy_example_wos.ris");
  CHECK(bib::detect_format("example_wos.ris", wos) == bib::Format::wos);
  const auto r = read("real/tune/rispy_example_wos.ris");
  CHECK(r.records.size() == 2);
  CHECK(bib::detect_format("x.ris", "@article{k, title={T}}\n") == bib::Format::bibtex);
  CHECK(bib::detect_format("x.bib", "TY  - JOUR\nTI  - T\nER  - \n") == bib::Format::ris);
  CHECK(bib::detect_format("x.ris", "") == bib::Format::ris);  // its reader says it is empty
}

TEST_CASE("6: WoS tab-delimited, MEDLINE, PubMed, OpenAlex and Lens exports are read", "[bib]") {
  CHECK(bib::detect_format("savedrecs.txt", slurp("real/tune/scientopy_wos_tab.txt")) ==
        bib::Format::wos_tab);
  const auto tab = read("real/tune/scientopy_wos_tab.txt");
  CHECK(tab.records.size() == 71);
  CHECK(tab.records[0].authors.rfind("Sheeja Prakash, Karthika; Andersen, Erik", 0) == 0);
  CHECK(tab.records[0].doi == "10.1002/adsr.202300058");

  const auto nbib = read("real/tune/jabref_NbibImporterTest.nbib");
  REQUIRE(nbib.records.size() == 1);
  CHECK(nbib.records[0].format == "medline");
  CHECK(nbib.records[0].doi == "10.4103/2277-9175.180636");
  CHECK(nbib.records[0].year == 2016);

  const auto pubmed = read("formats/pubmed.csv");
  REQUIRE(pubmed.records.size() == 3);
  CHECK(pubmed.records[0].format == "pubmed-csv");  // not Scopus: year and venue kept
  CHECK(pubmed.records[0].year == 2021);
  CHECK(pubmed.records[0].venue == "Cities");
  CHECK(pubmed.records[1].authors == "van der Pluijm, R; Melissen, J; Nguyen, TT");

  const auto oa = read("formats/openalex.csv");
  REQUIRE(oa.records.size() == 3);
  CHECK(oa.records[0].authors == "Acuto, Michele; Leffel, Benjamin");
  CHECK(oa.records[0].doi == "10.1016/j.cities.2020.103055");
  CHECK(oa.records[1].authors == "van der Pluijm, Rogier; Melissen, Jan");
  CHECK(keywords(oa.records[0]) == V{"City diplomacy", "Urban health"});

  const auto oaj = read("formats/openalex.json");
  REQUIRE(oaj.records.size() == 2);
  CHECK(oaj.records[0].format == "openalex-json");
  CHECK(oaj.records[0].paragraphs.at(1).text == "Cities act abroad through networks.");
  CHECK(oaj.records[0].venue == "Cities");

  const auto lens = read("formats/lens.csv");
  REQUIRE(lens.records.size() == 2);
  CHECK(lens.records[0].authors == "Acuto, Michele; Leffel, Benjamin");
  CHECK(keywords(lens.records[1]) == V{"Sister cities", "Humans", "COVID-19"});
}

TEST_CASE("6: other exports are named, not read as text", "[bib][detect]") {
  for (const auto& [file, what] : std::vector<std::pair<std::string, std::string>>{
           {"real/tune/litstudy_ieee.csv", "IEEE Xplore CSV"},
           {"real/tune/asreview_embase.csv", "Embase CSV"},
           {"real/held_out/litstudy_springer.csv", "SpringerLink CSV"}}) {
    INFO(file);
    const std::string text = slurp(file);
    CHECK_FALSE(bib::detect_format(file, text).has_value());
    CHECK(bib::unsupported_export(file, text) == what);
  }
  // EndNote tagged text is read now (tests/unit/bib/trial_test.cpp).
  CHECK(bib::detect_format("x.enw", "%0 Journal Article\n%T A title\n") == bib::Format::endnote);
  CHECK(bib::unsupported_export("x.xml", "<?xml version=\"1.0\"?>\n<modsCollection>\n") == "MODS XML");
  CHECK(bib::unsupported_export("notes.txt", "Dear colleagues,\nthe minutes follow.\n").empty());
  CHECK(bib::unsupported_export("data.csv", "city,population\nTehran,9000000\n").empty());
}

TEST_CASE("7: an odd year keeps the record without a year, with one warning", "[bib]") {
  const auto r = read("formats/names_macros.bib");
  REQUIRE(r.records.size() == 5);
  CHECK_FALSE(r.records[1].year.has_value());  // year = {6}
  CHECK_FALSE(r.records[2].year.has_value());  // 0004-03
  CHECK(has_message(r, "formats/names_macros.bib:11: no plausible year in `6`; record kept "
                       "without a year"));
  const auto bc = read("real/tune/csl_test_suite_date_NegativeDateSort.json");
  CHECK(bc.records.size() == 4);
  CHECK(bc.skipped == 0);
  CHECK(has_message(bc, "no plausible year in `-100`"));
}

TEST_CASE("8: BibTeX names come out as Family, Given and crossref is followed", "[bib]") {
  const auto r = read("formats/names_macros.bib");
  REQUIRE(r.records.size() == 5);
  CHECK(r.records[0].authors ==
        "van der Aalst, Wil M. P.; Melissen, Jan; van der Pluijm, Rogier; World Health Organization");
  CHECK(r.records[1].authors == "Acuto, Michele; van Beethoven, Ludwig");
  CHECK(r.records[2].authors == "de la Fontaine, Jean");
  CHECK(r.records[3].venue == "Proceedings of the City Diplomacy Conference");
  CHECK(r.records[3].year == 2020);
  CHECK(bib::detail::family_given("G. Kalbe") == "Kalbe, G.");
  CHECK(bib::detail::family_given("山田 太郎") == "山田 太郎");
  const auto jabref = read("real/tune/jabref_crossref.bib");
  CHECK(jabref.records[0].authors.rfind("Zimmermann, Olaf; Wegmann, Lukas", 0) == 0);
}

TEST_CASE("8: DOIs in URL, label and short forms meet", "[bib]") {
  CHECK(bib::clean_doi("http://doi.acm.org/10.1145/1233341.1233448") == "10.1145/1233341.1233448");
  CHECK(bib::clean_doi("https://dx.doi.org/10.1/X") == "10.1/X");
  CHECK(bib::clean_doi("DOI: 10.1/x") == "10.1/x");
  CHECK(bib::clean_doi("doi:10.1/x") == "10.1/x");
  CHECK(bib::clean_doi("https://doi.org/10/gf4vhp") == "10/gf4vhp");
  CHECK(bib::clean_doi("10.1002/%28SICI%291097") == "10.1002/(SICI)1097");
  CHECK(bib::clean_doi("10.4103/2277-9175.180636 [doi]") == "10.4103/2277-9175.180636");
  CHECK(bib::clean_doi("https://www.example.org/paper") == "https://www.example.org/paper");
}

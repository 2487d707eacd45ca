// Issue 17 end to end: a file that mostly fails fails loudly, exports of
// formats without a reader fail with a line naming them (never a junk text
// document), and DOIs written in different forms meet across files.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace e2e;

namespace {
std::string bib(const std::string& name) { return (data_dir() / "bib" / name).string(); }
}  // namespace

TEST_CASE("an export whose records mostly fail counts as failed", "[bib][e2e]") {
  Sandbox sb;
  const fs::path csv = sb.dir() / "short_rows.csv";
  write_file(csv,
             "Authors,Title,Year,Source title,EID\n"
             "\"A B.\",\"Kept row\",2020,J,e1\n"
             "\"A B.\",\"Short row\",2020\n"
             "\"A B.\",\"Another short row\",2021\n");
  const Result r = sb.run({"ingest", csv.string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("short_rows.csv: 2 of 3 records could not be read (see the lines above); the "
                   "file counts as failed") != std::string::npos);
  CHECK(r.err.find("short_rows.csv: 2 of 3 records skipped: 2 × row has fewer fields than the "
                   "header") != std::string::npos);
  // The record that could be read is stored all the same.
  CHECK(r.out.find("1 added, 0 updated, 0 unchanged, 1 failed") == 0);
}

TEST_CASE("exports of formats without a reader fail with a clear line", "[bib][e2e]") {
  Sandbox sb;
  Result r = sb.run({"ingest", bib("real/tune/litstudy_ieee.csv"), bib("real/tune/asreview_embase.csv")});
  CHECK(r.code == 1);
  CHECK(r.err.find("litstudy_ieee.csv: looks like an IEEE Xplore CSV export, which dipmine does "
                   "not read; not stored") != std::string::npos);
  CHECK(r.err.find("asreview_embase.csv: looks like an Embase CSV export") != std::string::npos);
  // "a" before a consonant: a SpringerLink CSV.
  const Result more = sb.run({"ingest", bib("real/held_out/litstudy_springer.csv")});
  CHECK(more.err.find("litstudy_springer.csv: looks like a SpringerLink CSV export") != std::string::npos);
  CHECK(r.out.find("0 added, 0 updated, 0 unchanged, 2 failed") == 0);
  // An ordinary CSV is still an ordinary document.
  write_file(sb.dir() / "cities.csv", "city,population\nTehran,9000000\n");
  r = sb.run({"ingest", (sb.dir() / "cities.csv").string()});
  CHECK(r.code == 0);
  CHECK(r.out.find("1 added") == 0);
}

TEST_CASE("a WoS file named .ris and a PubMed CSV are read as what they are", "[bib][e2e]") {
  Sandbox sb;
  Result r = sb.run({"ingest", bib("real/tune/rispy_example_wos.ris"), bib("formats/pubmed.csv")});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("5 added") == 0);
  r = sb.run({"docs", "--format", "tsv"});
  CHECK(r.out.find("City diplomacy and urban health networks.\t2021\t") != std::string::npos);
}

TEST_CASE("DOIs written as URLs, labels or in capitals meet across exports", "[bib][e2e]") {
  Sandbox sb;
  // names_macros.bib gives 10.1016/j.cities.2020.103055 as https://dx.doi.org/
  // in capitals and as doi:..., pubmed.csv and openalex.json plainly / as a URL.
  const Result r = sb.run({"ingest", bib("formats/pubmed.csv"), bib("formats/names_macros.bib"),
                           bib("formats/openalex.json")});
  REQUIRE(r.code == 0);
  // The two .bib records with that DOI carry other titles ("Mayors abroad",
  // "Networks again"): they meet the stored DOI, and are kept as the other
  // papers they are (a shared DOI alone merges no different titles).
  CHECK(r.out.find("10 records read: 9 added, 1 merged as duplicates, 0 skipped") != std::string::npos);
  CHECK(r.err.find("names_macros.bib#2: warning: DOI 10.1016/J.CITIES.2020.103055 is also on "
                   "document 1") != std::string::npos);
  CHECK(r.err.find("names_macros.bib#3: warning: DOI 10.1016/j.cities.2020.103055 is also on "
                   "document 1") != std::string::npos);
  CHECK(r.err.find("openalex.json#1: DOI 10.1016/j.cities.2020.103055 is already in the store") !=
        std::string::npos);
}

TEST_CASE("a brace left open in a BibTeX field is reported at its own line", "[bib][e2e]") {
  // A real JabRef entry (tests/data/bib/real/SOURCES.md) with one closing
  // brace taken out on line 6: `{IEEE/IFIP}` -> `{IEEE/IFIP`. The value then
  // runs on to the entry's end and the parse fails at the next entry (line
  // 17); the message names line 6.
  Sandbox sb;
  std::string text = e2e::read_file(bib("real/tune/jabref_crossref.bib"));
  const size_t at = text.find("{IEEE/IFIP}");
  REQUIRE(at != std::string::npos);
  text.erase(at + 10, 1);
  e2e::write_file(sb.dir() / "crossref.bib", text);
  const Result r = sb.run({"ingest", (sb.dir() / "crossref.bib").string()});
  INFO(r.err);
  CHECK(r.err.find("crossref.bib:3: BibTeX entry: unbalanced brace: the `{` at line 6 is not closed "
                   "before the next field (line 7); skipped") != std::string::npos);
  CHECK(r.err.find("line 17") == std::string::npos);
}

TEST_CASE("Scopus rows with the same fields but their own EIDs are separate records", "[bib][e2e]") {
  // NLeSC/litstudy's tests/resources/scopus.csv rows 37-40: the four volumes
  // (LNCS 6016-6019) of the ICCSA 2010 proceedings, same title and abstract,
  // no DOI; Scopus, VOSviewer and bibliometrix count 58 records.
  Sandbox sb;
  Result r = sb.run({"ingest", bib("real/tune/litstudy_scopus.csv")});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("58 records read: 58 added, 0 merged as duplicates") != std::string::npos);
  CHECK(r.err.find("same record as document") == std::string::npos);
  // The same file again: every row is the same record as before.
  r = sb.run({"ingest", bib("real/tune/litstudy_scopus.csv")});
  CHECK(r.out.find("0 added, 0 updated, 58 unchanged") == 0);
}

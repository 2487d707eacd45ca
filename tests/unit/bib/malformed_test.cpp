// Every malformed case: reported with file:line, skipped, the rest kept.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "bib/bib.h"

namespace bib = dipmine::bib;

namespace {

bib::ExportRead read(const std::string& name) {
  std::ifstream in(std::string(DIPMINE_TEST_DATA) + "/bib/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  auto format = bib::detect_format(name, text);
  REQUIRE(format.has_value());
  return bib::read_export(name, text, *format);
}

std::vector<std::string> titles(const bib::ExportRead& r) {
  std::vector<std::string> t;
  for (const auto& rec : r.records) t.push_back(rec.title);
  return t;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("RIS: no ER, no title are skipped with their line, a bad year is dropped", "[bib][malformed]") {
  const auto r = read("malformed.ris");
  CHECK(titles(r) == V{"Good record one", "Record with a bad year", "Good record one, exported again",
                       "Good record two"});
  CHECK(r.entries == 7);
  CHECK(r.skipped == 3);
  CHECK(r.messages == V{
      "malformed.ris:1: text outside a RIS record (before TY); ignored",
      "malformed.ris:8: RIS record has no ER line before the next TY; skipped",
      "malformed.ris:12: no plausible year in `19xx`; record kept without a year",
      "malformed.ris:17: record has no title; skipped",
      "malformed.ris:33: RIS record has no ER line (file ends inside it); skipped",
      "malformed.ris: 3 of 7 records skipped: 1 × RIS record has no ER line (file ends inside "
      "it); 1 × RIS record has no ER line before the next TY; 1 × record has no title"});
  CHECK_FALSE(r.records[1].year.has_value());
  CHECK_FALSE(r.records[3].year.has_value());  // "in press" is no year, not a bad one
  CHECK(r.records[2].path == "malformed.ris#5");  // ordinals count skipped entries too
}

TEST_CASE("BibTeX: unterminated brace skipped, bad year and undefined macro kept", "[bib][malformed]") {
  const auto r = read("malformed.bib");
  CHECK(titles(r) == V{"Good entry été", "Second good entry", "Entry with an invalid year",
                       "Uses an undefined macro", "Third good entry"});
  CHECK(r.records[0].venue == "Journal of Urban Diplomacy (online)");  // @string and #
  CHECK(r.skipped == 1);
  CHECK(r.messages == V{
      "malformed.bib:26: undefined @string macro `nosuchmacro`: its name stands as the text "
      "(warned once)",
      "malformed.bib:9: BibTeX entry: unterminated brace at line 10; skipped",
      "malformed.bib:19: no plausible year in `twenty`; record kept without a year",
      "malformed.bib: 1 of 6 records skipped: 1 × BibTeX entry: unterminated brace"});
}

TEST_CASE("Scopus CSV: short row and unterminated quote skipped, bad year kept", "[bib][malformed]") {
  const auto r = read("malformed.csv");  // starts with a BOM
  CHECK(titles(r) == V{"Good row one", "Row with an invalid year", "Good row two"});
  CHECK(r.records[0].paragraphs.size() == 2);
  CHECK(r.records[0].paragraphs[1].text == "Line one line two, with a comma and \"quotes\"");
  CHECK(r.records[2].paragraphs.size() == 1);  // "[No abstract available]" is no abstract
  CHECK(r.messages == V{"malformed.csv:4: CSV row has 7 fields, the header has 8; skipped",
                        "malformed.csv:5: no plausible year in `20201`; record kept without a year",
                        "malformed.csv:7: CSV row has a quote that is never closed (rest of the "
                        "file); skipped",
                        "malformed.csv: 2 of 5 records skipped: 1 × CSV row has a quote that is "
                        "never closed (rest of the file); 1 × row has fewer fields than the header"});
}

TEST_CASE("WoS: records without ER are skipped", "[bib][malformed]") {
  const auto r = read("malformed_wos.txt");
  CHECK(titles(r) == V{"Good WoS record", "Second good WoS record"});
  CHECK(r.messages == V{"malformed_wos.txt:8: WoS record has no ER line before the next PT; skipped",
                        "malformed_wos.txt:18: WoS record has no ER line (EF ends the file inside "
                        "it); skipped",
                        "malformed_wos.txt: 2 of 4 records skipped: 1 × WoS record has no ER line "
                        "(EF ends the file inside it); 1 × WoS record has no ER line before the "
                        "next PT"});
}

TEST_CASE("CSL-JSON: a non-object item is skipped, a bad year dropped", "[bib][malformed]") {
  const auto r = read("malformed.json");
  CHECK(titles(r) == V{"Good CSL item", "Item with a bad year", "Second good CSL item"});
  CHECK(r.records[2].keywords.size() == 2);
  CHECK(r.messages == V{"malformed.json:3: CSL-JSON item is not an object; skipped",
                        "malformed.json:4: no plausible year in `soon`; record kept without a year",
                        "malformed.json: 1 of 4 records skipped: 1 × CSL-JSON item is not an object"});
}

TEST_CASE("invalid JSON is one message with its line and no records", "[bib][malformed]") {
  const auto r = read("invalid.json");
  CHECK(r.records.empty());
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].rfind("invalid.json:3: invalid JSON (", 0) == 0);
}

TEST_CASE("files with no records and CSVs without a Title say so", "[bib][malformed]") {
  auto r = bib::read_export("x.ris", "\n\n", bib::Format::ris);
  CHECK(r.messages == V{"x.ris: no ris records found"});
  r = bib::read_export("x.csv", "Authors,Year\nA,2020\n", bib::Format::scopus_csv);
  CHECK(r.messages ==
        V{"x.csv:1: the header has no title column (not a Scopus CSV export); no records read"});
  r = bib::read_export("x.csv", "", bib::Format::scopus_csv);
  CHECK(r.messages == V{"x.csv:1: no header row; no records read"});
  r = bib::read_export("x.json", "{\"a\": 1}", bib::Format::csl_json);
  CHECK(r.skipped == 1);
  r = bib::read_export("x.json", "42", bib::Format::csl_json);
  CHECK(r.messages == V{"x.json:1: CSL-JSON must be an array of items; no records read"});
  // Every skipped record is counted by reason at the end.
  r = bib::read_export("x.json", "[1, 2, {\"title\": \"t\"}]", bib::Format::csl_json);
  CHECK(r.messages.back() == "x.json: 2 of 3 records skipped: 2 × CSL-JSON item is not an object");
  r = bib::read_export("x.ris", "AU  - Someone\n", bib::Format::ris);
  CHECK(r.messages.front() == "x.ris:1: RIS field AU outside a record (no TY); ignored");
  r = bib::read_export("x.txt", "FN x\nAU Someone\n", bib::Format::wos);
  CHECK(r.messages.front() == "x.txt:2: WoS field AU outside a record (no PT); ignored");
  r = bib::read_export("x.txt", "FN x\n   stray text\nPT J\nTI T\nER\n", bib::Format::wos);
  CHECK(r.messages.front() == "x.txt:2: text outside a WoS record (no PT); ignored");
  CHECK(r.records.size() == 1);
}

TEST_CASE("BibTeX syntax errors name the entry line", "[bib][malformed]") {
  auto r = bib::read_export("x.bib", "@article{k,\n title {x}}\n@article{ok, title={Fine}}\n",
                            bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: expected `=` after field `title` at line 2; skipped");
  CHECK(titles(r) == V{"Fine"});
  r = bib::read_export("x.bib", "@article{k, title = {x} year = 1}\n", bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: expected `,` between fields; skipped");
  r = bib::read_export("x.bib", "@article{k, title = \"x}\n", bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: unterminated quote; skipped");
  r = bib::read_export("x.bib", "@article{k, title = {x},\n", bib::Format::bibtex);
  CHECK(r.messages.front() ==
        "x.bib:1: BibTeX entry: file ends inside the entry (missing closing brace) at line 2; skipped");
  r = bib::read_export("x.bib", "@article{k, title = {x},\n@book{j, title={y}}", bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: entry not closed before the next entry at line 2; skipped");
  CHECK(titles(r) == V{"y"});
  r = bib::read_export("x.bib", "@article{k, title = ,}", bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: expected a field value; skipped");
  r = bib::read_export("x.bib", "@article{k, = {x}}", bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: expected a field name; skipped");
  r = bib::read_export("x.bib", "@article{k x, title={t}}", bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: expected `,` after the citation key; skipped");
  r = bib::read_export("x.bib", "@article{k, title = ", bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: file ends inside a field value; skipped");
  r = bib::read_export("x.bib", "@article{k, title ", bib::Format::bibtex);
  CHECK(r.messages.front() == "x.bib:1: BibTeX entry: file ends, expected `=` after field `title`; skipped");
}

TEST_CASE("BibTeX: a field after an entry closed early by a brace too many is said, not lost silently",
          "[bib][malformed]") {
  // A JabRef-style entry whose title has one `}` too many: BibTeX closes the
  // entry there and takes the fields after it for a comment.
  const std::string text =
      "@article{Acuto2013,\n"
      "  title = {City Leadership in Global Governance}},\n"
      "  journal = {Global Governance},\n"
      "  year = {2013}\n"
      "}\n"
      "@article{Kern2009,\n"
      "  title = {Cities, Europeanization and Multi-level Governance},\n"
      "  year = {2009}\n"
      "}\n";
  const auto r = bib::read_export("early.bib", text, bib::Format::bibtex);
  CHECK(titles(r) == V{"City Leadership in Global Governance",
                       "Cities, Europeanization and Multi-level Governance"});
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] ==
        "early.bib:1: BibTeX entry: closed before the field `journal` at line 3 (a `}` too many in a "
        "value?); that field and those after it are not read");
  // A comment between entries that only mentions an `=` is no field.
  const auto clean = bib::read_export("clean.bib", "@misc{a, title = {A}}\nSee x = y.\n", bib::Format::bibtex);
  CHECK(clean.messages.empty());
}

TEST_CASE("BibTeX: a brace too many in a real JabRef entry names the first field lost", "[bib][malformed]") {
  // tests/data/bib/real/tune/jabref_jabref-authors.bib (JabRef's test data),
  // with one `}` added at the end of the first entry's biburl (line 11).
  std::ifstream in(std::string(DIPMINE_TEST_DATA) + "/bib/real/tune/jabref_jabref-authors.bib",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const auto whole = bib::read_export("authors.bib", text, bib::Format::bibtex);
  const std::string value = "rec/bib/journals/tcas/GarridoKKG16}";
  const size_t at = text.find(value);
  REQUIRE(at != std::string::npos);
  text.insert(at + value.size(), "}");
  const auto broken = bib::read_export("authors.bib", text, bib::Format::bibtex);
  CHECK(broken.records.size() == whole.records.size());  // the entry is kept, with what came before
  bool said = false;
  for (const std::string& m : broken.messages) {
    said = said || m.find("closed before the field `journal` at line 12") != std::string::npos;
  }
  CHECK(said);
  for (const std::string& m : whole.messages) CHECK(m.find("closed before") == std::string::npos);
}

TEST_CASE("BibTeX: a field or an entry commented out with a percent sign is left out and said", "[bib][malformed]") {
  // As in ropensci/RefManageR's inst/Bib/test.bib, whose 20 entries with a
  // line ` % bookpagination = {section},` were all skipped ("expected a field
  // name"), and whose `%@inbook{test1,` entries a user meant to take out.
  const std::string text =
      "%@inbook{test1,\n"
      "%  title = {A Test of Set},\n"
      "%}\n"
      "@inbook{Kihlgren2020,\n"
      "  title = {City Diplomacy},\n"
      " % bookpagination = {section},\n"
      "  %location = {South Korea},\n"
      "  year = {2020},\n"
      "  note = {50% of cities}\n"
      "}\n"
      "  % @article{old, title = {Old}}\n"
      "@misc{b, title = {Sister cities}}\n";
  const auto r = bib::read_export("pct.bib", text, bib::Format::bibtex);
  CHECK(titles(r) == V{"City Diplomacy", "Sister cities"});
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].year == 2020);
  CHECK(r.messages == std::vector<std::string>{
                          "pct.bib:1: 2 entries commented out with `%` (the first here) not read",
                          "pct.bib:6: 2 field lines commented out with `%` inside entries (the first here) not read"});
  // Nothing commented: nothing said.
  const auto plain = bib::read_export("plain.bib", "@misc{a, title = {50% of cities}}\n", bib::Format::bibtex);
  CHECK(plain.messages.empty());
  CHECK(titles(plain) == V{"50% of cities"});
}

TEST_CASE("BibTeX: a Persian record's year in 1300..1499 is Solar Hijri, said once a file", "[bib][years]") {
  const std::string text =
      "@article{a, title = {دیپلماسی شهری و شهرهای خواهرخوانده}, year = {۱۳۹۹}}\n"
      "@article{b, title = {نقش شهرداری در دیپلماسی شهری}, year = {1387}}\n"
      "@article{c, title = {Sister cities in medieval Europe}, year = {1399}}\n"  // not Persian: as written
      "@article{d, title = {شهرهای خلاق}, year = {1445}}\n";                       // would be 2066: kept
  const auto r = bib::read_export("fa.bib", text, bib::Format::bibtex);
  REQUIRE(r.records.size() == 4);
  CHECK(r.records[0].year == 2020);
  CHECK(r.records[1].year == 2008);
  CHECK(r.records[2].year == 1399);
  CHECK(r.records[3].year == 1445);
  CHECK(r.messages == std::vector<std::string>{
                          "fa.bib:1: year 1399 read as Solar Hijri (the Iranian calendar): stored as 2020",
                          "fa.bib:4: year 1445 of a Persian record is neither a Gregorian nor a past Solar "
                          "Hijri year (a lunar Hijri one?); kept as written",
                          "fa.bib: 2 records in all have a year read as Solar Hijri (the first above)"});
}

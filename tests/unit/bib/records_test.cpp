// Readers that lost text silently in the new-user trial: ProQuest plain text
// (metaknowledge's test file, tests/data/bib/real/trial), its structure
// when cut or changed, and JSON items that are no CSL.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "bib/bib.h"
#include "bib_test_data.h"

namespace bib = dipmine::bib;

namespace {

std::string trial(const std::string& name) { return bib_test_data("real/trial/" + name); }

bool has(const std::vector<std::string>& messages, const std::string& part) {
  for (const std::string& m : messages) {
    if (m.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("ProQuest plain text: every record, with the titles and years its Title lines give", "[bib][trial]") {
  const std::string text = trial("metaknowledge_ProQuest_TestFile.testtxt");
  REQUIRE(bib::detect_format("export.testtxt", text) == bib::Format::proquest);
  const bib::ExportRead r = bib::read_export("pq.txt", text, bib::Format::proquest);
  CHECK(r.messages.empty());
  REQUIRE(r.records.size() == 100);
  // Each record's `Publication year` and `Title` (read by a separate script).
  std::istringstream expected(trial("metaknowledge_ProQuest_TestFile.expected.tsv"));
  size_t n = 0;
  for (std::string line; std::getline(expected, line); ++n) {
    REQUIRE(n < r.records.size());
    const size_t tab = line.find('\t');
    CHECK(r.records[n].year == std::stoi(line.substr(0, tab)));
    CHECK(r.records[n].title == line.substr(tab + 1));
  }
  CHECK(n == 100);
  const auto& first = r.records[0];
  CHECK(first.authors == "Dorst, Chris");
  CHECK(first.name == "1548716365");
  CHECK(first.venue == "The University of North Carolina at Chapel Hill");
  CHECK(first.source == "http://search.proquest.com.proxy.lib.uwaterloo.ca/docview/1548716365?accountid=14906");
  CHECK(first.lang == "en");
  REQUIRE(first.paragraphs.size() == 2);
  CHECK(first.paragraphs[1].text.rfind("Surprisingly little attention has been paid", 0) == 0);
  // Identifier / keyword (author) and Subject (index).
  size_t author = 0, index = 0;
  for (const auto& k : first.keywords) (k.kind == "author" ? author : index) += 1;
  CHECK(author == 7);
  CHECK(index == 2);
  // A title with a colon is the title, not a field.
  CHECK(r.records[15].title.rfind("Toward an Analytic Sociology: Reconciling", 0) == 0);
}

TEST_CASE("ProQuest plain text: a label or section not understood is said, a short file counted", "[bib][trial]") {
  std::string text = trial("metaknowledge_ProQuest_TestFile.testtxt");
  // Cut after the second record; give the first an unknown label.
  const size_t third = text.find("Document 3 of 100");
  REQUIRE(third != std::string::npos);
  text.resize(third);
  // (Labels follow Links in alphabetical order; within an abstract only
  // known labels end it, since abstracts hold colons.)
  text.insert(text.find("Advisor: "), "Credit: Someone\r\n\r\n");
  text += "Something else\r\nwith lines\r\n";
  const bib::ExportRead r = bib::read_export("pq.txt", text, bib::Format::proquest);
  CHECK(r.records.size() == 2);
  CHECK(has(r.messages, "pq.txt: note: fields not read: Credit (1 record)"));
  CHECK(has(r.messages, "a section of the ProQuest report that is no record"));
  CHECK(has(r.messages, "the table of contents lists 100 documents, 2 records were found"));
}

TEST_CASE("JSON items that are no CSL: body arrays, plain authors and tags", "[bib][trial]") {
  const std::string json = R"([{"title": "A", "text": "one\ntwo", "authors": ["Lee, Ann"],
    "tags": [{"tag": "city"}], "year": 2019, "views": 12, "empty": ""}])";
  const bib::ExportRead r = bib::read_export("x.json", json, bib::Format::csl_json);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].paragraphs.size() == 3);
  CHECK(r.records[0].authors == "Lee, Ann");
  CHECK(r.records[0].year == 2019);
  CHECK(r.records[0].keywords.size() == 1);
  CHECK(r.messages == std::vector<std::string>{"x.json: note: fields not read: views (1 record)"});
}

TEST_CASE("biblatex hyphens and German babel quotes become characters, not leftovers", "[bib][trial]") {
  // biblatex's own examples (as shipped by ropensci/RefManageR).
  const bib::ExportRead r =
      bib::read_export("b.bib", trial("refmanager_biblatexExamples.bib"), bib::Format::bibtex);
  auto title_of = [&](const std::string& key) {
    for (const auto& rec : r.records) {
      if (rec.name == key) return rec.title;
    }
    return std::string("(no record ") + key + ")";
  };
  CHECK(title_of("kastenholz").rfind("Computation of methodology-independent ionic solvation", 0) == 0);
  CHECK(title_of("angenendt") == "In Honore Salvatoris – «Vom Sinn und Unsinn der Patrozinienkunde»");
  // A quote before a digit or a space is kept as written; hints inside words vanish.
  const std::string bib = "@article{k, title = {A \"-1\" and \"so\" Schiff\"-fahrt \"`Wort\"' Ost\"=West}}";
  const bib::ExportRead q = bib::read_export("q.bib", bib, bib::Format::bibtex);
  REQUIRE(q.records.size() == 1);
  CHECK(q.records[0].title == "A \"-1\" and \"so\" Schifffahrt „Wort“ Ost-West");
}

TEST_CASE("JSON Lines of news items are read as records, a bad line skipped with its number", "[bib][trial]") {
  std::string text = trial("nlpir_fars_news_first5.jsonl");
  REQUIRE(bib::detect_format("news.jsonl", text) == bib::Format::csl_json);
  bib::ExportRead r = bib::read_export("news.jsonl", text, bib::Format::csl_json);
  REQUIRE(r.records.size() == 5);
  CHECK(r.records[0].paragraphs.size() == 15);
  CHECK(r.records[0].path == "news.jsonl#1");
  CHECK(r.messages == std::vector<std::string>{"news.jsonl: note: fields not read: cat (4 records), subcat (1 record)"});
  text.insert(text.find('\n') + 1, "{\"title\": \"cut\n");
  r = bib::read_export("news.jsonl", text, bib::Format::csl_json);
  CHECK(r.records.size() == 5);
  CHECK(has(r.messages, "news.jsonl:2: JSON Lines: the line is no JSON object; skipped"));
}

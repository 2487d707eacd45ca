// Bibliographic exports end to end: five formats of the same three papers,
// duplicates by DOI, malformed records, PDFs attaching to their records, and
// the keyword table and map drawn from them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "harness.h"

using namespace e2e;

namespace {

const std::vector<std::string> kFiles = {"three_papers.ris", "three_papers.bib",
                                         "three_papers.json", "three_papers.csv",
                                         "three_papers_wos.txt"};

std::string bib(const std::string& name) { return (data_dir() / "bib" / name).string(); }

// Keeps the named TSV/CSV columns of every line (sorted when asked).
std::string columns(const std::string& text, std::vector<size_t> keep, char sep, bool sort) {
  std::vector<std::string> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, sep)) cells.push_back(cell);
    std::string row;
    for (size_t k : keep) row += (k < cells.size() ? cells[k] : "?") + "|";
    rows.push_back(row);
  }
  if (sort && rows.size() > 1) std::sort(rows.begin() + 1, rows.end());
  std::string out;
  for (const auto& r : rows) out += r + "\n";
  return out;
}

}  // namespace

TEST_CASE("all five export formats give the same documents, keywords and keyword map",
          "[bib][e2e]") {
  std::string docs0, keywords0, nodes0, edges0;
  for (const std::string& file : kFiles) {
    INFO(file);
    Sandbox sb;
    Result r = sb.run({"ingest", bib(file)});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("3 added, 0 updated, 0 unchanged, 0 failed") == 0);
    CHECK(r.out.find("; 3 records read: 3 added, 0 merged as duplicates, 0 skipped") !=
          std::string::npos);
    r = sb.run({"docs", "--format", "tsv"});
    REQUIRE(r.code == 0);
    // title, year, lang, paragraphs, bytes (not id, charset, file).
    const std::string docs = columns(r.out, {1, 2, 3, 4, 5}, '\t', false);
    r = sb.run({"keywords", "--keywords", "author", "--format", "tsv"});
    REQUIRE(r.code == 0);
    // key, lang, records, occurrences, first and last year (labels keep each
    // export's own spelling).
    const std::string keywords = columns(r.out, {2, 3, 4, 5, 6, 7}, '\t', true);
    // Every keyword of three papers (the default keeps those in >= 5 records).
    r = sb.run({"map", "--nodes", "keywords", "--keywords", "author", "--min-occurrences", "1",
                "--out", (sb.dir() / "map").string()});
    REQUIRE(r.code == 0);
    const std::string nodes = columns(read_file(sb.dir() / "map" / "nodes.csv"), {1, 8, 9, 10}, ',', true);
    const std::string edges = columns(read_file(sb.dir() / "map" / "edges.csv"), {2, 3, 6, 7}, ',', true);
    if (docs0.empty()) {
      docs0 = docs, keywords0 = keywords, nodes0 = nodes, edges0 = edges;
      CHECK(docs.find("City diplomacy & sustainable development") != std::string::npos);
      CHECK(docs.find("نقش دیپلماسی شهری در توسعه پایدار|2021|fa|2|") != std::string::npos);
      CHECK(docs.find("都市外交と姉妹都市の役割|2022|ja|2|") != std::string::npos);
      // City diplomacy is on the English and the Japanese paper.
      CHECK(keywords.find("|en|2|2|2020|2022|") != std::string::npos);
      CHECK(std::count(nodes.begin(), nodes.end(), '\n') == 8);  // header + 7 keywords
      continue;
    }
    CHECK(docs == docs0);
    CHECK(keywords == keywords0);
    CHECK(nodes == nodes0);
    CHECK(edges == edges0);
  }
}

TEST_CASE("the same papers from five exports are stored once", "[bib][e2e]") {
  Sandbox sb;
  std::vector<std::string> args = {"ingest"};
  for (const auto& f : kFiles) args.push_back(bib(f));
  Result r = sb.run(args);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("3 added, 0 updated, 0 unchanged, 0 failed") == 0);
  CHECK(r.out.find("15 records read: 3 added, 12 merged as duplicates, 0 skipped") !=
        std::string::npos);
  size_t merged = 0;
  for (size_t p = r.err.find("merged as duplicate"); p != std::string::npos;
       p = r.err.find("merged as duplicate", p + 1)) {
    ++merged;
  }
  CHECK(merged == 12);
  // (Scopus rows carry their EID, part of a record's identity: they meet the
  // RIS records by DOI.)
  CHECK(r.err.find("three_papers.csv#2: DOI 10.22059/jgs.2021.301234 is already in the store (document 2") !=
        std::string::npos);
  // Scopus's index keywords joined the RIS record they merged into.
  r = sb.run({"keywords", "--keywords", "index", "--format", "tsv"});
  CHECK(r.out.find("Urban planning") != std::string::npos);
  // Again: nothing new.
  r = sb.run({"ingest", bib("three_papers.ris")});
  CHECK(r.out.find("0 added, 0 updated, 3 unchanged, 0 failed") == 0);
  r = sb.run({"docs", "--format", "tsv"});
  CHECK(count_lines(r.out) == 4);
}

TEST_CASE("malformed records are reported with file:line and the rest kept", "[bib][e2e]") {
  Sandbox sb;
  Result r = sb.run({"ingest", bib("malformed.ris"), bib("malformed.bib"), bib("malformed.csv"),
                     bib("malformed_wos.txt"), bib("malformed.json")});
  CHECK(r.code == 0);  // skipped records are reported, the files were read
  // ris 4 read (one a DOI duplicate) of 7, bib 5 of 6, csv 3 of 5, wos 2 of 4, json 3 of 4:
  // a record with an odd year is kept without it.
  CHECK(r.out.find("16 added, 0 updated, 0 unchanged, 0 failed") == 0);
  CHECK(r.out.find("26 records read: 16 added, 1 merged as duplicates, 9 skipped") != std::string::npos);
  for (const char* m : {"malformed.ris:8: RIS record has no ER line before the next TY; skipped",
                        "malformed.bib:9: BibTeX entry: unterminated brace at line 10; skipped",
                        "malformed.csv:4: CSV row has 7 fields, the header has 8; skipped",
                        "malformed.csv:5: no plausible year in `20201`; record kept without a year",
                        "malformed_wos.txt:8: WoS record has no ER line before the next PT; skipped",
                        "malformed.json:4: no plausible year in `soon`; record kept without a year",
                        "malformed.csv: 2 of 5 records skipped: ",
                        "malformed.ris#5: DOI 10.9999/GOOD.1 is already in the store"}) {
    INFO(m);
    CHECK(r.err.find(m) != std::string::npos);
  }
  r = sb.run({"ingest", bib("invalid.json")});
  CHECK(r.code == 1);
  CHECK(r.err.find("invalid.json:3: invalid JSON (") != std::string::npos);
  CHECK(r.err.find("invalid.json: no record could be read") != std::string::npos);
  CHECK(r.out.find("0 added, 0 updated, 0 unchanged, 1 failed") == 0);
}

TEST_CASE("a PDF attaches to the record with its DOI or title", "[bib][e2e]") {
  Sandbox sb;
  REQUIRE(sb.run({"ingest", bib("three_papers.ris"), bib("malformed.bib")}).code == 0);
  Result r = sb.run({"ingest", bib("fulltext_by_doi.pdf"), bib("fulltext_by_title.pdf")});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("0 added, 2 updated, 0 unchanged, 0 failed") == 0);
  CHECK(r.err.find("fulltext_by_doi.pdf: attached to the record of the same paper") != std::string::npos);
  CHECK(r.err.find("fulltext_by_title.pdf: attached to the record of the same paper") != std::string::npos);
  r = sb.run({"docs", "--format", "tsv"});
  // Still one document per paper; the PDF's text with the record's title and year.
  CHECK(count_lines(r.out) == 1 + 8);
  // (2 paragraphs: the PDF's first line, which ends without a full stop, runs
  // into the next one, as lines of one block do.)
  CHECK(r.out.find("City diplomacy & sustainable development: the role of Barcelona's networks\t2020\ten\t2\t") !=
        std::string::npos);
  // The record's keywords stay with the document.
  r = sb.run({"keywords", "--format", "tsv", "--lang", "en", "--keywords", "author"});
  CHECK(r.out.find("Public diplomacy") != std::string::npos);
  // Ingesting the PDF again: unchanged.
  r = sb.run({"ingest", bib("fulltext_by_doi.pdf")});
  CHECK(r.out.find("0 added, 0 updated, 1 unchanged, 0 failed") == 0);
}

TEST_CASE("keywords: top, language, thesaurus and its errors", "[bib][e2e]") {
  Sandbox sb;
  REQUIRE(sb.run({"ingest", bib("three_papers.ris"), bib("three_papers.csv")}).code == 0);
  Result r = sb.run({"keywords", "--top", "1", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(count_lines(r.out) == 2);
  CHECK(r.out.find("City diplomacy") != std::string::npos);
  r = sb.run({"keywords", "--lang", "ja", "--format", "tsv"});
  CHECK(count_lines(r.out) == 3);
  r = sb.run({"keywords", "--thesaurus", bib("thesaurus.txt"), "--format", "tsv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("urban diplomacy") != std::string::npos);
  CHECK(r.out.find("sister cities") != std::string::npos);
  r = sb.run({"keywords", "--thesaurus", "lexicons", "--lexicons",
              (source_dir() / "lexicons").string(), "--format", "tsv"});
  CHECK(r.code == 0);
  write_file(sb.dir() / "bad.txt", "a\tb\tc\n");
  r = sb.run({"keywords", "--thesaurus", (sb.dir() / "bad.txt").string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("bad.txt:1: more than two tab-separated fields") != std::string::npos);
  r = sb.run({"keywords", "--keywords", "other"});
  CHECK(r.code == 2);
}

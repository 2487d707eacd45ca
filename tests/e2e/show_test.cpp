// `dipmine show ID [PARAGRAPH]` on real files: a web page from mozilla
// readability's tests and a PDF from pdf.js's (tests/data/markup/SOURCES.md,
// tests/data/pdf/SOURCES.md). What it prints is what the store holds, read
// back with SQL beside it; every wrong argument is one line naming it.
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::contains;
using e2e::Sandbox;

namespace {

void ingest(const Sandbox& s) {
  const auto r = s.run({"ingest", (e2e::data_dir() / "markup" / "readability-hukumusume.html").string(),
                        (e2e::data_dir() / "pdf" / "pdfjs-tracemonkey_a11y.pdf").string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  REQUIRE(contains(r.out, "2 added"));
}

std::string stored(const Sandbox& s, const std::string& where) {
  return e2e::sql_column(s.db(), "SELECT text FROM paragraphs p JOIN documents d ON d.id = p.doc_id WHERE " + where);
}

}  // namespace

TEST_CASE("show prints a document's stored paragraphs, each with its number and language", "[show]") {
  Sandbox s;
  ingest(s);
  const auto page = s.run({"show", "1"});
  INFO(page.err);
  REQUIRE(page.code == 0);
  CHECK(contains(page.out, "doc 1: 欲張りなイヌ"));
  CHECK(contains(page.out, "readability-hukumusume.html (html, UTF-8, ja,"));
  const std::string second = stored(s, "d.id = 1 AND p.ordinal = 1");
  REQUIRE(!second.empty());
  CHECK(contains(page.out, "[paragraph 1, ja]\n" + second + "\n"));
  // One header a paragraph: as many as the store has.
  const int paragraphs = std::stoi(e2e::sql_column(s.db(), "SELECT count(*) FROM paragraphs WHERE doc_id = 1"));
  size_t headers = 0;
  for (size_t at = page.out.find("\n[paragraph "); at != std::string::npos; at = page.out.find("\n[paragraph ", at + 1)) {
    ++headers;
  }
  CHECK(headers == static_cast<size_t>(paragraphs));

  // A search hit's "doc D paragraph P" is what `show D P` takes.
  const auto pdf = s.run({"show", "2", "0"});
  REQUIRE(pdf.code == 0);
  CHECK(contains(pdf.out, "[paragraph 0, en]\nTrace-based Just-in-Time Type Specialization for Dynamic"));
  CHECK(!contains(pdf.out, "[paragraph 1,"));
  const auto around = s.run({"show", "2", "3", "--context", "1"});
  REQUIRE(around.code == 0);
  CHECK(contains(around.out, "[paragraph 2, "));
  CHECK(contains(around.out, "[paragraph 4, "));
  CHECK(!contains(around.out, "[paragraph 1, "));
  CHECK(!contains(around.out, "[paragraph 5, "));
}

TEST_CASE("show --plain is the text alone and --format gives one row a paragraph", "[show]") {
  Sandbox s;
  ingest(s);
  const auto plain = s.run({"show", "2", "--plain"});
  REQUIRE(plain.code == 0);
  CHECK(!contains(plain.out, "[paragraph"));
  CHECK(plain.out.rfind(stored(s, "d.id = 2 AND p.ordinal = 0") + "\n\n" + stored(s, "d.id = 2 AND p.ordinal = 1"), 0) == 0);
  const auto tsv = s.run({"show", "1", "--format", "tsv"});
  REQUIRE(tsv.code == 0);
  CHECK(tsv.out.rfind("doc\tparagraph\tlang\ttext\n1\t0\tja\t", 0) == 0);
  const int paragraphs = std::stoi(e2e::sql_column(s.db(), "SELECT count(*) FROM paragraphs WHERE doc_id = 1"));
  CHECK(e2e::count_lines(tsv.out) == paragraphs + 1);
  const auto json = s.run({"show", "1", "2", "--format", "json"});
  REQUIRE(json.code == 0);
  CHECK(contains(json.out, "\"paragraph\": 2"));
}

TEST_CASE("show: a wrong id, paragraph or option is one line naming it", "[show]") {
  Sandbox s;
  ingest(s);
  const auto none = s.run({"show", "9"});
  CHECK(none.code == 1);
  CHECK(none.err == "dipmine: show: no document with id 9 (see dipmine docs)\n");
  const int paragraphs = std::stoi(e2e::sql_column(s.db(), "SELECT count(*) FROM paragraphs WHERE doc_id = 2"));
  const auto past = s.run({"show", "2", std::to_string(paragraphs)});
  CHECK(past.code == 1);
  CHECK(contains(past.err, "document 2 has " + std::to_string(paragraphs) + " paragraphs (0 to " +
                               std::to_string(paragraphs - 1) + "); there is no paragraph " +
                               std::to_string(paragraphs)));
  CHECK(past.out.empty());
  const auto context = s.run({"show", "2", "--context", "2"});
  CHECK(context.code == 2);
  CHECK(contains(context.err, "--context"));
  const auto word = s.run({"show", "two"});
  CHECK(word.code == 2);
  CHECK(contains(word.err, "ID: must be a whole number"));
  const auto plain_json = s.run({"show", "2", "--plain", "--format", "json"});
  CHECK(plain_json.code == 2);
  for (const auto* r : {&none, &past, &context, &word, &plain_json}) CHECK(e2e::count_lines(r->err) == 1);
  // No store: the store's own message, nothing created.
  const auto missing = s.run({"--db", (s.dir() / "none.db").string(), "show", "1"}, "", false);
  CHECK(missing.code == 1);
  CHECK(!e2e::fs::exists(s.dir() / "none.db"));
}

TEST_CASE("what ingest said about a document is kept with it: show and docs --notes", "[show]") {
  // pdf.js's TAMReview.pdf read without OCR: 85 running header/footer lines
  // left out and 21 pages whose fonts have no Unicode map, said on stderr and
  // lost with the terminal's scroll before.
  Sandbox s;
  const auto tam = (e2e::data_dir() / "pdf" / "pdfjs-TAMReview.pdf").string();
  auto r = s.run({"ingest", "--ocr", "never", tam,
                  (e2e::data_dir() / "markup" / "readability-hukumusume.html").string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string left_out = tam + ": left out 85 running header/footer lines";
  REQUIRE(contains(r.err, left_out));
  r = s.run({"show", "1", "0"});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "ingest said: " + left_out));
  CHECK(contains(r.out, "ingest said: " + tam + ": warning: 21 of 23 pages have text that does not decode"));
  r = s.run({"docs", "--notes", "--format", "tsv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("id\tnote\n", 0) == 0);
  CHECK(contains(r.out, "1\t" + left_out));
  CHECK(e2e::count_lines(r.out) == 3);  // the header and the PDF's two lines; the page said nothing
  // --plain and the tables are the text alone.
  CHECK_FALSE(contains(s.run({"show", "1", "--plain"}).out, "ingest said"));
  // Removing the document removes what was said about it.
  REQUIRE(s.run({"remove", "1"}).code == 0);
  CHECK(s.run({"docs", "--notes", "--format", "tsv"}).out == "id\tnote\n");
}

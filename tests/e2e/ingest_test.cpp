// End-to-end tests of `dipmine ingest`, `docs`, `remove` and `stats` on the
// shipped corpus and on the good and bad files in tests/data/ingest/.
#include <algorithm>
#include <sstream>
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

std::string corpus_dir() { return (e2e::source_dir() / "corpus").string(); }
std::string ingest_data(const std::string& name) {
  return (e2e::data_dir() / "ingest" / name).string();
}

std::string query(const e2e::fs::path& db, const std::string& sql) { return e2e::sql_column(db, sql); }

using e2e::contains;

}  // namespace

TEST_CASE("ingest of the shipped corpus adds 5, then 5 unchanged", "[ingest]") {
  Sandbox s;
  auto r = s.run({"ingest", corpus_dir()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "5 added, 0 updated, 0 unchanged, 0 failed"));
  r = s.run({"ingest", corpus_dir()});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "0 added, 0 updated, 5 unchanged, 0 failed"));
  CHECK(r.err.empty());
  // The manifest beside the files was read: titles and years are stored.
  CHECK(query(s.db(), "SELECT year FROM documents ORDER BY name") == "2020\nNULL\n2019\n2022\n2025");
  CHECK(contains(query(s.db(), "SELECT title FROM documents WHERE name LIKE '003%'"),
                 "global model of city diplomacy"));
  CHECK(query(s.db(), "PRAGMA journal_mode") == "wal");
}

TEST_CASE("paragraph languages: English abstracts inside Persian papers are en", "[ingest]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", corpus_dir()}).code == 0);
  const std::string langs = query(s.db(),
      "SELECT d.name || ':' || p.lang || ':' || count(*) FROM paragraphs p JOIN documents d "
      "ON d.id = p.doc_id WHERE p.lang <> '' GROUP BY d.name, p.lang ORDER BY d.name, p.lang");
  CHECK(contains(langs, "000_e4dc5931b483c3b1.txt:en:"));
  CHECK(contains(langs, "000_e4dc5931b483c3b1.txt:fa:"));
  CHECK(contains(langs, "003_3964fd2fec2828ab.txt:en:"));
  CHECK(contains(langs, "003_3964fd2fec2828ab.txt:fa:"));
  CHECK(contains(langs, "004_635347e6668643bb.txt:ja:"));
  CHECK_FALSE(contains(langs, "004_635347e6668643bb.txt:fa"));
  CHECK(query(s.db(), "SELECT lang FROM documents WHERE name LIKE '003%'") == "fa");
  // The abstract's first sentence is one paragraph, not one per PDF line.
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE text LIKE 'With the emergence of "
                      "contemporary globalization%transnational%'") == "1");
}

TEST_CASE("legacy charsets are detected and recorded", "[ingest][charset]") {
  Sandbox s;
  for (const char* f : {"fa_windows1256.txt", "ja_shiftjis.txt", "en_utf8_bom.txt"}) {
    auto r = s.run({"ingest", ingest_data(f)});
    INFO(f << ": " << r.err);
    REQUIRE(r.code == 0);
  }
  Sandbox s2;
  REQUIRE(s2.run({"ingest", ingest_data("ja_eucjp.txt")}).code == 0);
  CHECK(query(s.db(), "SELECT name || '=' || charset || '=' || lang FROM documents ORDER BY name") ==
        "en_utf8_bom.txt=UTF-8=en\nfa_windows1256.txt=windows-1256=fa\nja_shiftjis.txt=Shift_JIS=ja");
  CHECK(query(s2.db(), "SELECT charset FROM documents") == "EUC-JP");
  // Letters that ISO-8859-6 lacks (پ چ ژ گ) came through.
  const std::string fa = query(s.db(), "SELECT text FROM paragraphs p JOIN documents d ON "
                                       "d.id = p.doc_id WHERE d.name = 'fa_windows1256.txt'");
  CHECK(contains(fa, "پژوهش چگونگی گردشگری") == false);  // Arabic yeh kept as written
  CHECK(contains(fa, "پژوهش چگونگي گردشگري"));
  const std::string ja = query(s2.db(), "SELECT group_concat(text, '|') FROM paragraphs");
  CHECK(contains(ja, "上海協力機構（SCO）"));
  // The BOM is not part of the text.
  CHECK(query(s.db(), "SELECT substr(text, 1, 4) FROM paragraphs p JOIN documents d ON "
                      "d.id = p.doc_id WHERE d.name = 'en_utf8_bom.txt'") == "City");
  // Same Japanese text in two charsets is one document, and ingest says so.
  auto r = s2.run({"ingest", ingest_data("ja_shiftjis.txt")});
  CHECK(r.code == 0);
  CHECK(contains(r.out, "0 added, 0 updated, 1 unchanged"));
  CHECK(contains(r.err, "ja_shiftjis.txt: same text as document 1"));
}

TEST_CASE("the same text with CRLF or CR line ends is the same document", "[ingest][charset]") {
  // A Windows copy of a paper (CRLF, a BOM) used to be a second document, so
  // every mention counted twice in the rankings.
  Sandbox s;
  const std::string lines[] = {"City diplomacy links Tehran and Mashhad.", "", "Sister cities trade."};
  std::string lf, crlf, cr;
  for (const std::string& l : lines) lf += l + "\n", crlf += l + "\r\n", cr += l + "\r";
  e2e::write_file(s.dir() / "a.txt", lf);
  e2e::write_file(s.dir() / "a-windows.txt", "\xEF\xBB\xBF" + crlf);
  e2e::write_file(s.dir() / "a-mac.txt", cr);
  auto r = s.run({"ingest", "-j", "1", "a.txt", "a-windows.txt", "a-mac.txt"});
  CHECK(r.code == 0);
  CHECK(contains(r.out, "1 added, 0 updated, 2 unchanged"));
  CHECK(contains(r.err, "a-windows.txt: same text as document 1"));
  CHECK(contains(r.err, "a-mac.txt: same text as document 1"));
  // A CRLF split across the reader's chunks: a long file, its CR and LF
  // apart somewhere (over 4 MB: the large-file path, which reads slices).
  std::string big;
  for (int i = 0; i < 130000; ++i) big += "Paragraph " + std::to_string(i) + " on city networks.\r\n";
  std::string big_lf = big;
  big_lf.erase(std::remove(big_lf.begin(), big_lf.end(), '\r'), big_lf.end());
  e2e::write_file(s.dir() / "big.txt", big_lf);
  e2e::write_file(s.dir() / "big-windows.txt", big);
  r = s.run({"ingest", "-j", "1", "big.txt", "big-windows.txt"});
  CHECK(contains(r.out, "1 added, 0 updated, 1 unchanged"));
}

TEST_CASE("ingest --encoding overrides detection, a wrong one is an error", "[ingest][charset]") {
  Sandbox s;
  auto r = s.run({"ingest", "--encoding", "Shift_JIS", ingest_data("ja_shiftjis.txt")});
  CHECK(r.code == 0);
  r = s.run({"ingest", "--encoding", "UTF-8", ingest_data("fa_windows1256.txt")});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "fa_windows1256.txt: not valid UTF-8 text"));
}

TEST_CASE("bad input: one clear line per file, the rest goes on", "[ingest][bad]") {
  Sandbox s;
  const std::string huge = (s.dir() / "huge_line.txt").string();
  {
    std::ofstream out(huge, std::ios::binary);
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) out << chunk;
    out << "\n";
  }
  const std::string dangling = (s.dir() / "dangling.txt").string();
  e2e::fs::create_symlink(s.dir() / "nowhere.txt", dangling);

  auto r = s.run({"ingest", ingest_data("binary.txt"), ingest_data("empty.txt"),
                  ingest_data("blank.txt"), ingest_data("broken_utf8.txt"),
                  ingest_data("broken.pdf"), ingest_data("encrypted.pdf"), huge, dangling,
                  (s.dir() / "missing.txt").string(), ingest_data("city_networks.pdf"),
                  ingest_data("en_utf8_bom.txt")});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(contains(r.out, "2 added, 0 updated, 0 unchanged, 9 failed"));
  CHECK(contains(r.err, "binary.txt: binary file, not text"));
  CHECK(contains(r.err, "empty.txt: empty file"));
  CHECK(contains(r.err, "blank.txt: empty file"));
  CHECK(contains(r.err, "broken_utf8.txt: line 2: invalid UTF-8 (byte offset 97)"));
  CHECK(contains(r.err, "broken.pdf: broken PDF"));
  CHECK(contains(r.err, "encrypted.pdf: PDF is encrypted"));
  CHECK(contains(r.err, "huge_line.txt: line 1 is 100.0 MB long"));
  CHECK(contains(r.err, "dangling.txt: "));
  CHECK(contains(r.err, "missing.txt: no such file or folder"));
  CHECK(e2e::count_lines(r.err) == 9);
  CHECK_FALSE(contains(r.err, "poppler/error"));
  // Exactly the good documents are stored.
  CHECK(query(s.db(), "SELECT name FROM documents ORDER BY name") ==
        "city_networks.pdf\nen_utf8_bom.txt");
  CHECK(contains(query(s.db(), "SELECT text FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
                               "WHERE d.format = 'pdf'"),
                 "Eurocities and C40"));
}

TEST_CASE("ingest --force replaces, a changed file is updated", "[ingest]") {
  Sandbox s;
  const auto file = s.dir() / "note.txt";
  e2e::write_file(file, "City diplomacy is old.\n");
  REQUIRE(s.run({"ingest", file.string()}).code == 0);
  auto r = s.run({"ingest", "--force", file.string()});
  CHECK(contains(r.out, "0 added, 1 updated, 0 unchanged"));
  e2e::write_file(file, "City diplomacy is new.\n");
  r = s.run({"ingest", file.string()});
  CHECK(contains(r.out, "0 added, 1 updated, 0 unchanged"));
  CHECK(query(s.db(), "SELECT count(*) FROM documents") == "1");
  CHECK(query(s.db(), "SELECT text FROM paragraphs") == "City diplomacy is new.");
  // Replaced or updated, a document keeps its id: a note that says "doc 2"
  // still means it (a trial's --force renumbered 1-21 as 22-42).
  const auto other = s.dir() / "other.txt";
  e2e::write_file(other, "Sister cities trade.\n");
  REQUIRE(s.run({"ingest", other.string()}).code == 0);
  const std::string ids = query(s.db(), "SELECT group_concat(id || ':' || name, ' ') FROM documents");
  CHECK(ids == "1:note.txt 2:other.txt");
  REQUIRE(s.run({"ingest", "--force", file.string(), other.string()}).code == 0);
  CHECK(query(s.db(), "SELECT group_concat(id || ':' || name, ' ') FROM documents") == ids);
  e2e::write_file(other, "Sister cities trade more.\n");
  REQUIRE(s.run({"ingest", other.string()}).code == 0);
  CHECK(query(s.db(), "SELECT group_concat(id || ':' || name, ' ') FROM documents") == ids);
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
                      "WHERE d.id = 2 AND p.text = 'Sister cities trade more.'") == "1");
  CHECK(contains(s.run({"search", "more"}).out, "doc 2"));
}

TEST_CASE("a renamed or moved file keeps its document and takes the new path, a copy does not", "[ingest]") {
  Sandbox s;
  const auto dir = s.dir() / "papers";
  e2e::write_file(dir / "fars_001.txt", "City diplomacy links mayors.\n");
  REQUIRE(s.run({"ingest", dir.string()}).code == 0);
  e2e::fs::rename(dir / "fars_001.txt", dir / "renamed_001.txt");
  auto r = s.run({"ingest", dir.string()});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.out, "0 added, 0 updated, 1 unchanged"));
  CHECK(contains(r.err, "renamed_001.txt: same text as document 1, whose file "));
  CHECK(contains(r.err, "fars_001.txt is gone: moved or renamed"));
  CHECK(query(s.db(), "SELECT id || ':' || name FROM documents") == "1:renamed_001.txt");
  CHECK(contains(query(s.db(), "SELECT path FROM documents"), "papers/renamed_001.txt"));
  // Moved into another folder: likewise.
  e2e::fs::create_directories(s.dir() / "moved");
  e2e::fs::rename(dir / "renamed_001.txt", s.dir() / "moved" / "renamed_001.txt");
  r = s.run({"ingest", (s.dir() / "moved").string()});
  CHECK(contains(r.err, "is gone: moved or renamed"));
  CHECK(contains(query(s.db(), "SELECT path FROM documents"), "moved/renamed_001.txt"));
  // A copy beside a file that is still there is the same text, not a move.
  e2e::fs::copy_file(s.dir() / "moved" / "renamed_001.txt", s.dir() / "moved" / "copy.txt");
  r = s.run({"ingest", (s.dir() / "moved").string()});
  CHECK(contains(r.err, "copy.txt: same text as document 1 ("));
  CHECK(contains(r.err, "not added again"));
  CHECK(contains(query(s.db(), "SELECT path FROM documents"), "moved/renamed_001.txt"));
  CHECK(query(s.db(), "SELECT count(*) FROM documents") == "1");
}

TEST_CASE("ingest --title, --year and --lang set metadata", "[ingest]") {
  Sandbox s;
  auto r = s.run({"ingest", "--title", "A test", "--year", "2021", "--lang", "en",
                  ingest_data("fa_windows1256.txt")});
  REQUIRE(r.code == 0);
  CHECK(query(s.db(), "SELECT title || '|' || year FROM documents") == "A test|2021");
  CHECK(query(s.db(), "SELECT DISTINCT lang FROM paragraphs") == "en");
  r = s.run({"ingest", "--title", "x", corpus_dir()});
  CHECK(r.code == 2);
  CHECK(contains(r.err, "--title"));
  r = s.run({"ingest", "--lang", "de", corpus_dir()});
  CHECK(r.code == 2);
  CHECK(contains(r.err, "--lang"));
  r = s.run({"ingest"});
  CHECK(r.code == 2);
  CHECK(contains(r.err, "PATH"));
}

TEST_CASE("manifest errors name file and line, the files of good rows are ingested", "[ingest][manifest]") {
  Sandbox s;
  const auto dir = s.dir() / "c";
  e2e::write_file(dir / "a.txt", "City diplomacy.\n");
  e2e::write_file(dir / "m1.tsv", "file\ttitle\tyear\na.txt\tA\t2020\nb.txt\tB\t2021\n");
  auto r = s.run({"ingest", "--manifest", (dir / "m1.tsv").string(), (dir / "a.txt").string()});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "m1.tsv:3: names 'b.txt', which does not exist"));
  e2e::write_file(dir / "m2.tsv", "file\ttitle\tyear\na.txt\tA\tnineteen\n");
  r = s.run({"ingest", "--manifest", (dir / "m2.tsv").string(), (dir / "a.txt").string()});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "m2.tsv:2: year 'nineteen' is not a number"));
  e2e::write_file(dir / "m3.tsv", "title\tyear\nA\t2020\n");
  r = s.run({"ingest", "--manifest", (dir / "m3.tsv").string(), (dir / "a.txt").string()});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "m3.tsv:1: header has no 'file' column"));
  e2e::write_file(dir / "m4.tsv", "file\tlang\na.txt\tde\n");
  r = s.run({"ingest", "--manifest", (dir / "m4.tsv").string(), (dir / "a.txt").string()});
  CHECK(contains(r.err, "m4.tsv:2: lang 'de' is not fa, en or ja"));
  // Only m1's good row let its file in (m2 and m4 refused a.txt, m3 was unusable).
  CHECK(e2e::sql_column(s.db(), "SELECT title || ':' || year FROM documents") == "A:2020");
  // A name longer than the filesystem allows is a bad row, not an internal
  // error (the manifest fuzz target found it); the other rows are read.
  e2e::write_file(dir / "m5.tsv", "file\ttitle\n" + std::string(300, 'M') + "\tLong\na.txt\tA5\n");
  r = s.run({"ingest", "--force", "--manifest", (dir / "m5.tsv").string(), (dir / "a.txt").string()});
  CHECK(r.code == 1);  // as for any bad row
  CHECK(contains(r.err, "m5.tsv:2: names 'MMMM"));
  CHECK(contains(r.err, "which cannot be looked up: File name too long"));
  CHECK_FALSE(contains(r.err, "internal error"));
  CHECK(e2e::sql_column(s.db(), "SELECT title FROM documents") == "A5");
}

TEST_CASE("docs, stats and remove", "[store]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", corpus_dir()}).code == 0);
  auto r = s.run({"docs"});
  REQUIRE(r.code == 0);
  CHECK(e2e::count_lines(r.out) == 6);
  CHECK(contains(r.out, "The global model of city diplomacy of urban networks "));
  r = s.run({"docs", "--format", "json"});
  CHECK(contains(r.out, "\"year\": 2025"));
  r = s.run({"stats", "--format", "tsv"});
  CHECK(contains(r.out, "lang\tdocuments\twith_paragraphs\tparagraphs\tbytes\n"));
  // One Japanese document; its English title paragraphs count it under en too,
  // but the documents column sums to the store's five.
  CHECK(contains(r.out, "\nja\t1\t1\t"));
  CHECK(contains(r.out, "\nall\t5\t5\t"));
  CHECK(contains(r.out, "\n2022\t1\t"));
  // Both tables end on the same totals: paragraphs and their bytes.
  {
    std::vector<std::string> alls;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("all\t", 0) == 0) alls.push_back(line.substr(line.find('\t', line.find('\t') + 1)));
    }
    REQUIRE(alls.size() == 2);
    CHECK(alls[0].substr(alls[0].find('\t', 1)) == alls[1]);  // lang's all row skips with_paragraphs
    CHECK(contains(alls[1], "\t" + query(s.db(), "SELECT sum(length(CAST(text AS BLOB))) FROM paragraphs")));
  }
  const std::string paragraphs_before = query(s.db(), "SELECT count(*) FROM paragraphs");
  r = s.run({"remove", "5"});
  CHECK(r.code == 0);
  CHECK(query(s.db(), "SELECT count(*) FROM documents") == "4");
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE doc_id = 5") == "0");
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs") != paragraphs_before);
  r = s.run({"remove", "99"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "no document with id 99"));
  r = s.run({"remove", "abc"});
  CHECK(r.code == 2);
  // Removing then re-ingesting brings the document back.
  r = s.run({"ingest", corpus_dir()});
  CHECK(contains(r.out, "1 added, 0 updated, 4 unchanged"));
}

TEST_CASE("database path: --db, DIPMINE_DB, missing and foreign files", "[store]") {
  Sandbox s;
  auto r = s.run({"docs"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "no database here"));
  r = s.run_shell("DIPMINE_DB=env.db " + e2e::shell_quote(DIPMINE_BIN) + " ingest " +
                  e2e::shell_quote(ingest_data("en_utf8_bom.txt")));
  CHECK(r.code == 0);
  CHECK(e2e::fs::exists(s.dir() / "env.db"));
  r = s.run_shell(e2e::shell_quote(DIPMINE_BIN) + " ingest " +
                  e2e::shell_quote(ingest_data("en_utf8_bom.txt")));
  CHECK(r.code == 0);
  CHECK(e2e::fs::exists(s.dir() / "dipmine.db"));
  e2e::write_file(s.dir() / "not.db", "this is not a database, just text\n");
  r = s.run({"--db", (s.dir() / "not.db").string(), "docs"}, "", false);
  CHECK(r.code == 1);
  CHECK(contains(r.err, "not.db: not a dipmine database"));
}

// tests/data/ingest/aozora/SOURCES.md: the Aozora Bunko's notation sample.
TEST_CASE("an Aozora Bunko text is stored and found without its ruby and notes", "[ingest][ja]") {
  Sandbox s;
  auto r = s.run({"ingest", ingest_data("aozora/chukiichiran_kinyurei.txt")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.err, "chukiichiran_kinyurei.txt: Aozora Bunko text: left out "));
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE text LIKE '%《%' OR text LIKE '%［＃%' "
                      "OR text LIKE '%｜%'") == "0");
  // A reading is no longer a word of the text; the word it was written
  // beside reads as one again.
  CHECK(s.run({"search", "--count", "すこぶ"}).out == "0 paragraphs in 0 documents\n");
  CHECK(s.run({"search", "--count", "相対したる"}).out == "1 paragraph in 1 document\n");
  // One paragraph per line: two lines of dialogue are not run together.
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE text LIKE '%」「%'") == "0");
  // A Japanese sentence with one French word or a Latin plant name is ja.
  CHECK(query(s.db(), "SELECT DISTINCT lang FROM paragraphs WHERE text LIKE '%tiquette%'") == "ja");
  CHECK(query(s.db(), "SELECT DISTINCT lang FROM paragraphs WHERE text LIKE '%Akebia%'") == "ja");
  CHECK_FALSE(contains(r.err, "Chinese"));
}

TEST_CASE("a Chinese text is stored as ja with a warning that says so", "[ingest][ja]") {
  Sandbox s;
  auto r = s.run({"ingest", ingest_data("zh/pdfplumber_issue71_excerpt.txt")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "1 added"));
  CHECK(contains(r.err, "pdfplumber_issue71_excerpt.txt: warning: the text reads as Chinese ("));
  CHECK(contains(r.err, " Han characters, 0 kana)"));
  CHECK(e2e::count_lines(r.err) == 1);
  CHECK(query(s.db(), "SELECT lang FROM documents") == "ja");
  // Said by the user: no warning.
  Sandbox t;
  r = t.run({"ingest", "--lang", "ja", ingest_data("zh/pdfplumber_issue71_excerpt.txt")});
  REQUIRE(r.code == 0);
  CHECK_FALSE(contains(r.err, "Chinese"));
}

TEST_CASE("a document in none of the corpus languages is 'unknown' in stats and docs", "[store]") {
  Sandbox s;
  // Article 1 of the Universal Declaration of Human Rights in Russian, the
  // UN's text (https://www.un.org/ru/documents/decl_conv/declarations/declhr.shtml).
  e2e::write_file(s.dir() / "ru.txt",
                  "Все люди рождаются свободными и равными в своем достоинстве и правах. Они "
                  "наделены разумом и совестью и должны поступать в отношении друг друга в духе "
                  "братства.\n");
  REQUIRE(s.run({"ingest", (s.dir() / "ru.txt").string()}).code == 0);
  auto r = s.run({"stats", "--format", "tsv"});
  CHECK(contains(r.out, "lang\tdocuments\twith_paragraphs\tparagraphs\tbytes\nunknown\t1\t1\t1\t"));
  r = s.run({"docs", "--format", "tsv"});
  CHECK(contains(r.out, "\tunknown\t1\t"));
}

TEST_CASE("kwic with no occurrence says so on stderr and exits 0", "[store]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", corpus_dir()}).code == 0);
  const auto r = s.run({"kwic", "nosuchwordanywhere"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "dipmine: note: kwic: no occurrence of \"nosuchwordanywhere\"\n");
}

TEST_CASE("a large Aozora Bunko text is streamed without its ruby and notes", "[ingest][ja]") {
  // Over 4 MB, so ingest streams it in slices (text_stream.h): the header is
  // in the first slice, readings and notes are in every one. The lines are
  // the notation sample's (tests/data/ingest/aozora/SOURCES.md), repeated.
  Sandbox s;
  std::string text = "「注記一覧」記載例文\n青空文庫\n\n"
                     "-------------------------------------------------------\n"
                     "【テキスト中に現れる記号について】\n\n《》：ルビ\n（例）頗《すこぶ》る\n"
                     "-------------------------------------------------------\n\n";
  const std::string line = "　軽重、長短、善悪、是非等の字は、相対《あいたい》したる考えより生じたるものなり。"
                           "［＃「相対」に傍点］\n";
  const size_t lines = (4u << 20) / line.size() + 1000;
  for (size_t i = 0; i < lines; ++i) text += line;
  e2e::write_file(s.dir() / "big.txt", text);
  const auto r = s.run({"ingest", (s.dir() / "big.txt").string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.err, "big.txt: Aozora Bunko text: left out " + std::to_string(lines) +
                            " readings (ruby), " + std::to_string(lines) + " editor's notes"));
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE text LIKE '%《%' OR text LIKE '%［＃%' "
                      "OR text LIKE '%テキスト中に現れる記号%'") == "0");
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs") == std::to_string(lines + 2));
}

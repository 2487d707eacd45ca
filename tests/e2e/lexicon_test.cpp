// End-to-end: lexicon check, ingest with mentions, extract, rank, mentions,
// kwic, terms and report on the shipped corpus and on small files.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

std::string corpus_dir() { return (e2e::source_dir() / "corpus").string(); }

// A small lexicon folder in the sandbox (a copy of two shipped-style concepts).
void write_lexicon(const Sandbox& s, const std::string& extra_forms = "") {
  e2e::write_file(s.dir() / "lex" / "concepts.tsv",
                  "id\tkind\tdimension\tlabel_en\tlabel_fa\tlabel_ja\tfounded\tseat\tscale\n"
                  "sister_city\tindicator\tcooperation\tsister cities\tخواهرخواندگی\t姉妹都市\t\t\t\n"
                  "tourism\tindicator\teconomy\ttourism\tگردشگری\t観光\t\t\t\n");
  e2e::write_file(s.dir() / "lex" / "forms.tsv",
                  "concept\tlang\tform\ttype\tcase\tnote\n"
                  "sister_city\ten\tsister city\tliteral\t\t\n"
                  "sister_city\tfa\tخواهرخواندگی\tliteral\t\t\n"
                  "sister_city\tja\t姉妹都市\tliteral\t\t\n"
                  "tourism\ten\ttourism\tliteral\t\t\n"
                  "tourism\tfa\tگردشگری\tliteral\t\t\n"
                  "tourism\tja\t観光\tliteral\t\t\n" + extra_forms);
}

}  // namespace

TEST_CASE("lexicon check: shipped ok, broken reported with file:line", "[lexicon]") {
  Sandbox s;
  auto r = s.run({"lexicon", "check", (e2e::source_dir() / "lexicons").string()});
  CHECK(r.code == 0);
  CHECK(r.out.find(": ok, 32 indicators, 60 networks") != std::string::npos);
  write_lexicon(s, "tourism\tde\ttourismus\tliteral\t\t\n");
  r = s.run({"lexicon", "check", (s.dir() / "lex").string()});
  CHECK(r.code == 1);
  CHECK(r.out.find("forms.tsv:8: bad language \"de\" (fa, en or ja)") != std::string::npos);
  CHECK(r.out.find("1 error, 0 warnings") != std::string::npos);
  // --lexicons names the folder as for every other command.
  r = s.run({"lexicon", "check", "--lexicons", (s.dir() / "lex").string()});
  CHECK(r.code == 1);
  CHECK(r.out.find("forms.tsv:8: bad language \"de\"") != std::string::npos);
  // A number option given a word says what it wants.
  r = s.run({"search", "--limit", "abc", "city"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--limit: must be a whole number from 1 to 100000 (got 'abc')") != std::string::npos);
  // A word that names no command is said as such, with the commands.
  r = s.run({"frobnicate"});
  CHECK(r.code == 2);
  CHECK(r.err.rfind("dipmine: unknown command 'frobnicate' (the commands: docs, ", 0) == 0);
}

TEST_CASE("ingest refuses a broken lexicon and stores no document", "[lexicon]") {
  Sandbox s;
  write_lexicon(s, "nosuch\ten\tx\tliteral\t\t\n");
  e2e::write_file(s.dir() / "a.txt", "Sister city links help tourism.\n");
  auto r = s.run_shell("DIPMINE_LEXICONS=" + e2e::shell_quote((s.dir() / "lex").string()) + " " +
                       e2e::shell_quote(DIPMINE_BIN) + " --db " + e2e::shell_quote(s.db().string()) +
                       " ingest a.txt");
  CHECK(r.code == 1);
  CHECK(r.err.find("forms.tsv:8: unknown concept \"nosuch\"") != std::string::npos);
  CHECK(r.err.find("nothing ingested") != std::string::npos);
  r = s.run({"docs", "--format", "tsv"});
  CHECK(e2e::count_lines(r.out) <= 1);
}

TEST_CASE("ingest stores mentions, extract reports gained and lost concepts", "[lexicon]") {
  Sandbox s;
  write_lexicon(s);
  e2e::write_file(s.dir() / "a.txt", "Sister city links help tourism.\n\nA second paragraph on tourism.\n");
  const std::string env = "DIPMINE_LEXICONS=" + e2e::shell_quote((s.dir() / "lex").string()) + " " +
                          e2e::shell_quote(DIPMINE_BIN) + " --db " + e2e::shell_quote(s.db().string());
  auto r = s.run_shell(env + " ingest a.txt");
  REQUIRE(r.code == 0);
  r = s.run({"mentions"});
  CHECK(r.out == "doc\tfile\tconcept\tkind\tmentions\tparagraphs\n"
                 "1\ta.txt\tsister_city\tindicator\t1\t1\n"
                 "1\ta.txt\ttourism\tindicator\t2\t2\n");
  r = s.run({"mentions", "--detail", "--concept", "sister_city"});
  CHECK(r.out.find("1\ta.txt\t0\ten\t0\tsister_city\t0\t11\tsister city\tSister city\t") != std::string::npos);
  r = s.run({"mentions", "--concept", "nope"});
  CHECK(r.code == 2);
  CHECK(r.err == "dipmine: --concept: unknown concept \"nope\"\n");

  // Edit the lexicon: drop tourism, add a form; extract says what changed.
  e2e::write_file(s.dir() / "lex" / "forms.tsv",
                  "concept\tlang\tform\ttype\tcase\tnote\n"
                  "sister_city\ten\tsister city\tliteral\t\t\n"
                  "sister_city\ten\tsecond paragraph\tliteral\t\t\n");
  r = s.run({"extract", "--lexicons", (s.dir() / "lex").string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("mentions 3 -> 2; gained: none; lost: tourism") != std::string::npos);
  r = s.run({"rank", "--format", "tsv"});
  CHECK(r.out.find("1\tsister_city\tsister cities\tcooperation\t1\t2\t1.000") != std::string::npos);
  CHECK(r.out.find("2\ttourism\ttourism\teconomy\t0\t0\t0.000") != std::string::npos);
}

TEST_CASE("shipped corpus: rank, filters, kwic, terms, report twice identical", "[lexicon]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", corpus_dir()}).code == 0);
  auto r = s.run({"rank", "--kind", "network", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("sco,Shanghai Cooperation Organisation") != std::string::npos);
  r = s.run({"rank", "--kind", "indicator", "--lang", "ja", "--format", "tsv"});
  CHECK(r.out.find("\tsister_city\t") != std::string::npos);
  // The seed papers mention concepts in Persian text and English abstracts:
  // the language columns do not add up to documents, and a note says why.
  r = s.run({"rank", "--format", "tsv"});
  CHECK(r.err.find("note: docs_fa, docs_en and docs_ja count the documents that mention a concept in a "
                   "paragraph of that language") != std::string::npos);
  CHECK(e2e::count_lines(r.err) == 1);
  // With one language there is nothing to explain.
  CHECK(s.run({"rank", "--lang", "ja", "--format", "tsv"}).err.empty());
  r = s.run({"rank", "--dimensions", "--format", "tsv"});
  CHECK(e2e::count_lines(r.out) == 8);
  r = s.run({"rank", "--year", "2025..2025", "--kind", "network", "--format", "tsv"});
  CHECK(r.out.find("1\tsco\t") != std::string::npos);
  CHECK(s.run({"rank", "--by", "words"}).code == 2);
  CHECK(s.run({"rank", "--year", "20x5"}).err ==
        "dipmine: --year: must be YEAR or FROM..TO, like 2015..2020 (got '20x5')\n");
  CHECK(s.run({"rank", "--year", "2025..2015"}).err ==
        "dipmine: --year: the range 2025..2015 is empty (FROM is after TO)\n");

  r = s.run({"kwic", "sco", "--width", "10"});
  CHECK(r.code == 0);
  CHECK(r.out.find("[SCO]") != std::string::npos);
  r = s.run({"kwic", "دیپلماسی", "--lang", "fa"});
  CHECK(r.out.find("[دیپلماسی]") != std::string::npos);
  CHECK(r.out.find("\u2067") == std::string::npos);  // piped: no bidi isolates (kwic_render_test: a terminal's)
  CHECK(s.run({"kwic", "x", "--width", "0"}).code == 2);

  r = s.run({"terms", "--lang", "ja", "--top", "5", "--format", "tsv"});
  REQUIRE(r.code == 0);
  CHECK(e2e::count_lines(r.out) == 6);
  CHECK(r.out.find("\t観光\t") == std::string::npos);  // covered by the tourism forms
  // No segmentation debris among the candidates: lone kana, two hiragana
  // (てい of ている), particles (として), a bound suffix (化).
  r = s.run({"terms", "--lang", "ja", "--top", "40", "--format", "tsv"});
  REQUIRE(r.code == 0);
  for (const char* debris : {"\nてい\t", "\nン\t", "\nとして\t", "\n化\t", "\nれ\t", "\nさ\t"}) {
    INFO(debris);
    CHECK(r.out.find(debris) == std::string::npos);
  }
  CHECK(r.out.find("\n都市協力\t") != std::string::npos);

  r = s.run({"report", "--out", "r1"});
  REQUIRE(r.code == 0);
  REQUIRE(s.run({"report", "--out", "r2"}).code == 0);
  for (const char* f : {"rankings.md", "rankings.csv", "rankings.json"}) {
    const std::string a = e2e::read_file(s.dir() / "r1" / f), b = e2e::read_file(s.dir() / "r2" / f);
    CHECK(!a.empty());
    CHECK(a == b);
  }
  const std::string md = e2e::read_file(s.dir() / "r1" / "rankings.md");
  CHECK(md.find("## Indicators") != std::string::npos);
  CHECK(md.find("## Dimensions") != std::string::npos);
}

TEST_CASE("accuracy on the gold paragraphs stays above 0.85 per kind and language", "[lexicon][accuracy]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", corpus_dir()}).code == 0);
  auto r = s.run({"lexicon", "eval", (e2e::data_dir() / "gold" / "mentions.tsv").string(), "--lexicons",
                  (e2e::source_dir() / "lexicons").string(), "--format", "json"});
  INFO(r.err << r.out);
  REQUIRE(r.code == 0);
  const auto rows = nlohmann::json::parse(r.out);
  REQUIRE(rows.size() >= 9);
  int64_t paragraphs = 0;
  for (const auto& row : rows) {
    INFO(row.dump());
    CHECK(row["precision"].get<double>() > 0.85);
    CHECK(row["recall"].get<double>() > 0.85);
    if (row["kind"] == "all" && row["lang"] == "all") paragraphs = row["paragraphs"].get<int64_t>();
  }
  CHECK(paragraphs >= 60);
}

TEST_CASE("ingest --lexicons DIR matches with that folder's lexicon", "[lexicon]") {
  Sandbox s;
  write_lexicon(s);
  e2e::write_file(s.dir() / "a.txt", "Sister city links help tourism.\n");
  auto r = s.run_shell("env -u DIPMINE_LEXICONS " + e2e::shell_quote(DIPMINE_BIN) + " --db " +
                       e2e::shell_quote(s.db().string()) + " ingest --lexicons lex a.txt");
  INFO(r.err);
  REQUIRE(r.code == 0);
  // The small lexicon's two concepts, not the shipped 92.
  CHECK(e2e::sql_column(s.db(), "SELECT count(*) FROM concepts") == "2");
  r = s.run({"mentions", "--format", "tsv"});
  CHECK(r.out.find("sister_city") != std::string::npos);
  r = s.run_shell(e2e::shell_quote(DIPMINE_BIN) + " --db " + e2e::shell_quote(s.db().string()) +
                  " ingest --force --lexicons no-such-folder a.txt");
  CHECK(r.code == 1);
  CHECK(r.err.find("no-such-folder: no lexicon folder here") != std::string::npos);
}

TEST_CASE("an installed program finds the lexicons in its ../share/dipmine/lexicons", "[lexicon]") {
  Sandbox s;
  write_lexicon(s);
  const e2e::fs::path prefix = s.dir() / "prefix";
  e2e::fs::create_directories(prefix / "bin");
  e2e::fs::create_directories(prefix / "share" / "dipmine");
  e2e::fs::copy_file(DIPMINE_BIN, prefix / "bin" / "dipmine");
  e2e::fs::copy(s.dir() / "lex", prefix / "share" / "dipmine" / "lexicons");
  // Run from the sandbox: no ./lexicons there, no DIPMINE_LEXICONS.
  auto r = s.run_shell("env -u DIPMINE_LEXICONS prefix/bin/dipmine lexicon check");
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("prefix/share/dipmine/lexicons: ok, 2 indicators, 0 networks") != std::string::npos);
  // ./lexicons still comes first.
  e2e::fs::copy(e2e::source_dir() / "lexicons", s.dir() / "lexicons");
  r = s.run_shell("env -u DIPMINE_LEXICONS prefix/bin/dipmine lexicon check");
  CHECK(r.out.rfind("lexicons: ok, 32 indicators", 0) == 0);
}

TEST_CASE("kwic: a paragraph ending inside the right window keeps its last letter whole", "[lexicon][kwic]") {
  // As a Fars news text: the paragraph ends in «است», a two-byte letter last;
  // the window used to keep only the first byte of «ت» (invalid UTF-8).
  Sandbox s;
  e2e::write_file(s.dir() / "fa.txt",
                  "خبرگزاری فارس: او ادعاهای کشورهای صنعتی درباره حقوق بشر را رياكاري سياسي است\n");
  REQUIRE(s.run({"ingest", (s.dir() / "fa.txt").string()}).code == 0);
  for (int width = 10; width <= 60; width += 5) {
    const auto r = s.run({"kwic", "بشر", "--width", std::to_string(width)});
    INFO("width " << width << ": " << r.out);
    REQUIRE(r.code == 0);
    CHECK(e2e::valid_utf8(r.out));
  }
  CHECK(s.run({"kwic", "بشر", "--width", "60"}).out.find("سياسي است") != std::string::npos);
  // The keyword is marked [ ] as on English lines: piped to a file or grep,
  // the isolates around it show nothing.
  CHECK(s.run({"kwic", "بشر", "--width", "60"}).out.find("[بشر]") != std::string::npos);
}

TEST_CASE("terms of real news and ordinances: content words, not function words", "[lexicon][terms]") {
  // Five Fars News items (nlpir's corpus, tests/data/bib/real/trial) and the
  // Japanese real gold (Wikipedia, ordinances): reporting words (نقل, اشاره,
  // ادامه), auxiliaries (شدند, می‌شوند) and the function words of laws
  // (に関する, 及び, とともに) were among the first candidates.
  Sandbox s;
  REQUIRE(s.run({"ingest", (e2e::data_dir() / "bib" / "real" / "trial" / "nlpir_fars_news_first5.json").string(),
                 (e2e::data_dir() / "gold" / "real" / "ja").string()})
              .code == 0);
  auto r = s.run({"terms", "--lang", "fa", "--top", "40", "--format", "tsv"});
  REQUIRE(r.code == 0);
  for (const char* w : {"\nنقل\t", "\nاشاره\t", "\nادامه\t", "\nشدند\t", "\nمی‌شوند\t", "\nبیش\t", "\nیافت\t"}) {
    INFO(w);
    CHECK(r.out.find(w) == std::string::npos);
  }
  CHECK(r.out.find("\nسازمان\t") != std::string::npos);
  r = s.run({"terms", "--lang", "ja", "--top", "60", "--format", "tsv"});
  REQUIRE(r.code == 0);
  for (const char* w : {"\nに関する\t", "\n及び\t", "\nとともに\t", "\nすべて\t", "\n第\t", "\n以下\t"}) {
    INFO(w);
    CHECK(r.out.find(w) == std::string::npos);
  }
  CHECK(r.out.find("\n市民\t") != std::string::npos);
}

TEST_CASE("kwic: a hit inside a word stays joined to it, and keywords stay in one column", "[lexicon][kwic]") {
  // A new-user trial: `kwic المللی` printed «بین‌ [المللی]», a space inside
  // بین‌المللی, and `kwic diplomacy` «[diplomacy] ,» before its comma.
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt",
                  "همکاری‌های بین‌المللی شهرها در زمینه‌ی دیپلماسی شهری گسترش یافت.\n\n"
                  "Paradiplomacy differs from national diplomacy, its definition.\n\n"
                  "City diplomacy grows.\n");
  REQUIRE(s.run({"ingest", (s.dir() / "a.txt").string()}).code == 0);
  auto r = s.run({"kwic", "المللی", "--width", "20"});
  REQUIRE(r.code == 0);
  CHECK(e2e::contains(r.out, "بین‌[المللی]"));
  // Piped, a Persian line carries no bidi isolates (a terminal gets them).
  CHECK_FALSE(e2e::contains(r.out, "\u2067"));
  CHECK_FALSE(e2e::contains(r.out, "\u2068"));
  r = s.run({"kwic", "diplomacy", "--width", "20"});
  REQUIRE(r.code == 0);
  CHECK(e2e::contains(r.out, "[diplomacy],"));
  CHECK(e2e::contains(r.out, "national  [diplomacy]"));  // a word apart stays apart
  // The keyword starts in the same column on every line (ASCII lines here).
  std::vector<size_t> columns;
  for (size_t at = 0, next; at < r.out.size(); at = next + 1) {
    next = r.out.find('\n', at);
    if (next == std::string::npos) next = r.out.size();
    const std::string line = r.out.substr(at, next - at);
    if (line.find("[diplomacy]") != std::string::npos) columns.push_back(line.find("[diplomacy]"));
  }
  REQUIRE(columns.size() == 2);
  CHECK(columns[0] == columns[1]);
}

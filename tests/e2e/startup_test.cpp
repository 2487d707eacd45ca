// What the program does before and around a subcommand (docs/search.md,
// start-up): only the named subcommand's options are built, poppler and igraph
// come in modules loaded by the first PDF or map (Tesseract by the first PDF
// page that needs OCR), and search needs nothing but
// the store. Which files the dynamic loader opened is read from its own log
// (LD_DEBUG=files), so a library linked back into the program fails here.
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

// The files the dynamic loader opened while `dipmine ARGS` ran, one log line
// each, and the command's result.
struct Traced {
  e2e::Result result;
  std::string loaded;
};

Traced traced(const Sandbox& s, const std::vector<std::string>& args, const std::string& env = "") {
  std::string cmd = env + "LD_DEBUG=files LD_DEBUG_OUTPUT=" + e2e::shell_quote((s.dir() / "ld").string()) + " " +
                    e2e::shell_quote(DIPMINE_BIN) + " --db " + e2e::shell_quote(s.db().string());
  for (const auto& a : args) cmd += " " + e2e::shell_quote(a);
  Traced t;
  t.result = s.run_shell(cmd);
  for (const auto& f : e2e::fs::directory_iterator(s.dir())) {
    if (f.path().filename().string().rfind("ld.", 0) == 0) {
      t.loaded += e2e::read_file(f.path());
      e2e::fs::remove(f.path());
    }
  }
  return t;
}

bool loaded(const Traced& t, const std::string& file) {
  return t.loaded.find(file) != std::string::npos;
}

const std::string kSearchData = (e2e::data_dir() / "search").string();

}  // namespace

TEST_CASE("dipmine --version and --help answer without building any subcommand", "[startup]") {
  Sandbox s;
  const auto v = s.run({"--version"});
  CHECK(v.code == 0);
  CHECK(v.out == "dipmine 0.1\n");
  CHECK(v.err.empty());

  const auto h = s.run({"--help"});
  CHECK(h.code == 0);
  CHECK(h.err.empty());
  // Every subcommand is listed with its description, though none was built.
  for (const char* line : {"search", "Full-text search: ranked paragraphs with the hit marked", "ingest",
                           "Read text, PDF, web pages and Word/OpenDocument files (or folders) into the store", "map", "optimize",
                           "rank", "report", "lexicon", "normalize", "kwic", "terms", "keywords"}) {
    CHECK(h.out.find(line) != std::string::npos);
  }
  CHECK(h.out.find("--limit") == std::string::npos);  // a subcommand's option: not at the top
}

TEST_CASE("the named subcommand gets its options, wherever --db puts it", "[startup]") {
  Sandbox s;
  // --db VALUE, --db=VALUE, and a value that is itself a subcommand's name.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"search", "--help"}, {"--db", "x.db", "search", "--help"},
        {"--db=x.db", "search", "--help"}, {"--db", "search", "search", "--help"}}) {
    const auto r = s.run(args, "", false);
    INFO(args.size() << " args: " << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("--limit") != std::string::npos);
    CHECK(r.out.find("--format") != std::string::npos);
  }
  // `--db search rank`: the database is called "search", the command is rank.
  const auto rank = s.run({"--db", "search", "rank", "--help"}, "", false);
  CHECK(rank.code == 0);
  CHECK(rank.out.find("--dimensions") != std::string::npos);
  CHECK(rank.out.find("--limit") == std::string::npos);
}

TEST_CASE("usage errors: exit 2 and one line naming what is wrong", "[startup]") {
  Sandbox s;
  struct Case {
    std::vector<std::string> args;
    std::string names;
  };
  for (const Case& c : {Case{{}, "A subcommand is required"}, Case{{"frobnicate"}, "unknown command 'frobnicate'"},
                        Case{{"search", "--limit", "0", "city"}, "--limit"},
                        Case{{"rank", "--bogus"}, "--bogus"}, Case{{"--bogus", "search", "x"}, "--bogus"},
                        Case{{"search"}, "QUERY"}}) {
    const auto r = s.run(c.args);
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(e2e::count_lines(r.err) == 1);
    CHECK(r.err.rfind("dipmine: ", 0) == 0);
    CHECK(r.err.find(c.names) != std::string::npos);
  }
}

TEST_CASE("dipmine --version and search load neither poppler, igraph nor libxml2", "[startup]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", kSearchData}).code == 0);
  const Traced version = traced(s, {"--version"});
  CHECK(version.result.code == 0);
  REQUIRE(loaded(version, "libc.so"));  // the log is there
  const Traced search = traced(s, {"search", "city"});
  CHECK(search.result.code == 0);
  for (const Traced* t : {&version, &search}) {
    for (const char* lib : {"libpoppler", "libigraph", "dipmine-pdf.so", "dipmine-graph.so", "libicuuc.so",
                            "libsqlite3.so", "libcrypto.so", "dipmine-markup.so", "libxml2", "libzip",
                            "dipmine-ocr.so", "libtesseract", "liblept"}) {
      INFO(lib);
      CHECK_FALSE(loaded(*t, lib));
    }
  }
}

TEST_CASE("a PDF loads the PDF module, text files do not", "[startup]") {
  Sandbox s;
  const Traced text = traced(s, {"ingest", kSearchData});
  CHECK(text.result.code == 0);
  CHECK_FALSE(loaded(text, "dipmine-pdf.so"));
  const Traced pdf = traced(s, {"ingest", "--ocr", "never", (e2e::data_dir() / "pdf" / "pdfjs-TAMReview.pdf").string()});
  INFO(pdf.result.err);
  CHECK(pdf.result.code == 0);
  CHECK(loaded(pdf, "dipmine-pdf.so"));
  CHECK(loaded(pdf, "libpoppler"));
  CHECK(s.run({"search", "--count", "review"}).code == 0);
}

TEST_CASE("a scanned page loads the OCR module, a PDF with a text layer does not", "[startup]") {
  Sandbox s;
  const Traced text_pdf = traced(s, {"ingest", (e2e::data_dir() / "pdf" / "pdfjs-issue13201.pdf").string()});
  INFO(text_pdf.result.err);
  CHECK(text_pdf.result.code == 0);
  CHECK(loaded(text_pdf, "dipmine-pdf.so"));
  CHECK_FALSE(loaded(text_pdf, "dipmine-ocr.so"));
  CHECK_FALSE(loaded(text_pdf, "libtesseract"));
  // The module is loaded (and Tesseract with it) even when the language data
  // is missing: it is what looks for the data. TESSDATA_PREFIX points nowhere
  // here, so that the test needs no data and runs no recognition.
  const std::string no_data = "TESSDATA_PREFIX=" + e2e::shell_quote((s.dir() / "none").string()) + " ";
  const Traced scan = traced(s, {"ingest", (e2e::data_dir() / "pdf" / "ocrmypdf-c02-22.pdf").string()}, no_data);
  CHECK(loaded(scan, "dipmine-ocr.so"));
  CHECK(loaded(scan, "libtesseract"));
}

TEST_CASE("a web page or a Word file loads the markup module, text files do not", "[startup]") {
  Sandbox s;
  const Traced text = traced(s, {"ingest", kSearchData});
  CHECK(text.result.code == 0);
  CHECK_FALSE(loaded(text, "dipmine-markup.so"));
  CHECK_FALSE(loaded(text, "libxml2"));
  for (const char* file : {"readability-hukumusume.html", "pandoc-tabs.docx"}) {
    const Traced t = traced(s, {"ingest", (e2e::data_dir() / "markup" / file).string()});
    INFO(file << ": " << t.result.err);
    CHECK(t.result.code == 0);
    CHECK(loaded(t, "dipmine-markup.so"));
    CHECK(loaded(t, "libxml2"));
    CHECK_FALSE(loaded(t, "dipmine-pdf.so"));
  }
}

TEST_CASE("search needs only the store: no lexicon folder, no module", "[startup]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", kSearchData}).code == 0);
  const auto before = s.run({"search", "--format", "tsv", "diplomacy"});
  REQUIRE(before.code == 0);
  // A lexicon folder that cannot be read: whatever needs a lexicon fails...
  const std::string broken = "DIPMINE_LEXICONS=" + e2e::shell_quote((s.dir() / "no-such-folder").string()) + " ";
  const std::string bin = e2e::shell_quote(DIPMINE_BIN) + " --db " + e2e::shell_quote(s.db().string());
  CHECK(s.run_shell(broken + bin + " extract").code != 0);
  // ...and search, from a fresh process, gives the same hits.
  const auto after = s.run_shell(broken + bin + " search --format tsv diplomacy");
  INFO(after.err);
  CHECK(after.code == 0);
  CHECK(after.out == before.out);
  CHECK(after.err.empty());
}

TEST_CASE("search reads this build's tokenizer fingerprint from the store", "[startup]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", kSearchData}).code == 0);
  const std::string recorded =
      e2e::sql_column(s.db(), "SELECT value FROM fts_state WHERE key = 'tokenizer_of_build'");
  const std::string fingerprint = e2e::sql_column(s.db(), "SELECT value FROM fts_state WHERE key = 'tokenizer'");
  // "BUILD-ID/icu-VERSION FINGERPRINT", the fingerprint the index was built with.
  REQUIRE(recorded.find("/icu-") != std::string::npos);
  CHECK(recorded.substr(recorded.find(' ') + 1) == fingerprint);
  const std::string build = recorded.substr(0, recorded.find(' '));
  CHECK(s.run({"search", "city"}).err.empty());

  // A record for this build with another fingerprint: search believes it (it
  // did not tokenise the probe texts) and says the index is stale.
  auto set = [&](const std::string& value) {
    e2e::sql_column(s.db(), "UPDATE fts_state SET value = '" + value + "' WHERE key = 'tokenizer_of_build'",
                    SQLITE_OPEN_READWRITE);
  };
  set(build + " 0123456789abcdef");
  CHECK(s.run({"search", "city"}).err.find("run `dipmine optimize` (it re-tokenises") != std::string::npos);
  // A record of another build is not this build's: search computes its own
  // fingerprint, which matches the index.
  set("0000/icu-0 0123456789abcdef");
  CHECK(s.run({"search", "city"}).err.empty());
  // A writing command records this build again.
  REQUIRE(s.run({"optimize"}).code == 0);
  CHECK(e2e::sql_column(s.db(), "SELECT value FROM fts_state WHERE key = 'tokenizer_of_build'") == recorded);
}

TEST_CASE("an error raised inside a module reaches the user as any other", "[startup]") {
  Sandbox s;
  REQUIRE(s.run({"ingest", kSearchData}).code == 0);
  // The resolution is checked by cluster_leiden, which is in dipmine-graph.so.
  const Traced map = traced(s, {"map", "--resolution", "-1", "--out", (s.dir() / "map").string()});
  CHECK(loaded(map, "dipmine-graph.so"));
  CHECK(map.result.code == 2);
  CHECK(e2e::count_lines(map.result.err) == 1);
  CHECK(map.result.err.find("--resolution: must be > 0") != std::string::npos);
}

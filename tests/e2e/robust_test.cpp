// End-to-end: input a hostile user would try. Nothing is lost silently, every
// failure is one line naming what is at fault, the store is never harmed.
#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

using e2e::contains;

// Runs SQL on a database (read-write); returns the first column of the rows.
std::string sql(const e2e::fs::path& db, const std::string& statement) {
  return e2e::sql_column(db, statement, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

// UTF-8 to UTF-16 or UTF-32 bytes (LE or BE), optionally with a BOM.
std::string encode(const std::string& utf8, int unit, bool little, bool bom) {
  std::u32string cps;
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    cps.push_back(cp);
    i += static_cast<size_t>(n);
  }
  if (bom) cps.insert(cps.begin(), 0xFEFF);
  std::string out;
  auto put = [&](uint32_t v, int bytes) {
    for (int k = 0; k < bytes; ++k) {
      const int shift = little ? 8 * k : 8 * (bytes - 1 - k);
      out += static_cast<char>((v >> shift) & 0xFF);
    }
  };
  for (char32_t cp : cps) {
    if (unit == 4) {
      put(cp, 4);
    } else if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10), 2);
      put(0xDC00 + ((cp - 0x10000) & 0x3FF), 2);
    } else {
      put(cp, 2);
    }
  }
  return out;
}

const std::string kText =
    "City diplomacy: شهرها و دیپلماسی شهری in C40 and UCLG.\n\n"
    "姉妹都市 links Tehran and Kyoto.\n";

}  // namespace

TEST_CASE("a NUL byte in text is an error naming its offset, never a truncated store",
          "[robust][nul]") {
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt", std::string("hello\0world city diplomacy\n", 27));
  auto r = s.run({"ingest", "a.txt"});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(contains(r.err, "a.txt: line 1: NUL byte at byte offset 5"));
  CHECK(e2e::count_lines(r.err) == 1);
  CHECK(contains(r.out, "0 added, 0 updated, 0 unchanged, 1 failed"));
  // UTF-16 without a BOM is known by its NUL bytes and decoded whole.
  e2e::write_file(s.dir() / "le.txt", encode(kText, 2, true, false));
  e2e::write_file(s.dir() / "be.txt", encode(kText, 2, false, false));
  r = s.run({"ingest", "le.txt", "be.txt"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.out, "1 added, 0 updated, 1 unchanged"));  // same text twice
  CHECK(sql(s.db(), "SELECT charset FROM documents") == "UTF-16LE");
  CHECK(sql(s.db(), "SELECT group_concat(text, '|') FROM paragraphs") ==
        "City diplomacy: شهرها و دیپلماسی شهری in C40 and UCLG.|姉妹都市 links Tehran and Kyoto.");
}

TEST_CASE("UTF-16 and UTF-32 with a BOM, LE and BE, are decoded", "[robust][bom]") {
  Sandbox s;
  const struct {
    const char* name;
    int unit;
    bool little;
  } files[] = {{"u16le.txt", 2, true}, {"u16be.txt", 2, false}, {"u32le.txt", 4, true},
               {"u32be.txt", 4, false}};
  for (const auto& f : files) {
    Sandbox one;
    e2e::write_file(one.dir() / f.name, encode(kText + "🌍 Earth.\n", f.unit, f.little, true));
    auto r = one.run({"ingest", f.name});
    INFO(f.name << ": " << r.err);
    CHECK(r.code == 0);
    CHECK(sql(one.db(), "SELECT group_concat(text, '|') FROM paragraphs") ==
          "City diplomacy: شهرها و دیپلماسی شهری in C40 and UCLG.|姉妹都市 links Tehran and "
          "Kyoto.|🌍 Earth.");
    CHECK(sql(one.db(), "SELECT charset FROM documents") ==
          std::string(f.unit == 2 ? "UTF-16" : "UTF-32") + (f.little ? "LE" : "BE"));
  }
  // A UTF-16 file whose surrogates are broken is an error, not U+FFFD.
  e2e::write_file(s.dir() / "bad16.txt", std::string("\xFF\xFE" "a\0" "\x00\xD8" "b\0", 8));
  auto r = s.run({"ingest", "bad16.txt"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "bad16.txt: not valid UTF-16LE text"));
}

TEST_CASE("schema versions: negative, newer, older and broken are one clear line",
          "[robust][schema]") {
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt", "City diplomacy in Tehran.\n");
  REQUIRE(s.run({"ingest", "a.txt"}).code == 0);
  const std::string current = sql(s.db(), "PRAGMA user_version");
  sql(s.db(), "PRAGMA user_version = -3");
  for (const std::vector<std::string>& cmd : {std::vector<std::string>{"docs"}, {"ingest", "a.txt"}}) {
    auto r = s.run(cmd);
    INFO(cmd[0] << ": " << r.err);
    CHECK(r.code == 1);
    CHECK(contains(r.err, "schema version -3 is negative"));
    CHECK(e2e::count_lines(r.err) == 1);
  }
  sql(s.db(), "PRAGMA user_version = 99");
  auto r = s.run({"search", "city"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "schema version 99 was made by a newer dipmine"));
  // An older version whose migrations no longer apply: named, store unchanged.
  sql(s.db(), "PRAGMA user_version = 3");
  r = s.run({"ingest", "a.txt"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "cannot upgrade the store from schema version 3 to " + current));
  CHECK(contains(r.err, "the store is unchanged"));
  CHECK(e2e::count_lines(r.err) == 1);
  CHECK(sql(s.db(), "PRAGMA user_version") == "3");
  r = s.run({"docs"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "schema version 3 is older than this dipmine's " + current));
}

TEST_CASE("symlink loops and unreadable entries: one line each, the batch goes on",
          "[robust][fs]") {
  Sandbox s;
  const auto dir = s.dir() / "c";
  e2e::write_file(dir / "good.txt", "City diplomacy in Tehran.\n");
  e2e::fs::create_symlink("b.txt", dir / "a.txt");
  e2e::fs::create_symlink("a.txt", dir / "b.txt");
  auto r = s.run({"ingest", "c"});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(contains(r.out, "1 added, 0 updated, 0 unchanged, 2 failed"));
  CHECK(contains(r.err, "c/a.txt: cannot read: Too many levels of symbolic links"));
  CHECK(contains(r.err, "c/b.txt: cannot read: Too many levels of symbolic links"));
  CHECK(e2e::count_lines(r.err) == 2);
  r = s.run({"ingest", "c/a.txt", "c/good.txt"});
  CHECK(r.code == 1);
  CHECK(contains(r.out, "0 added, 0 updated, 1 unchanged, 1 failed"));
  CHECK_FALSE(contains(r.err, "internal error"));
}

TEST_CASE("devices and FIFOs are refused unless asked, binary is judged from the first bytes",
          "[robust][special]") {
  Sandbox s;
  REQUIRE(mkfifo((s.dir() / "pipe.txt").c_str(), 0644) == 0);
  // `timeout`: before the fix, /dev/zero grew until the kernel killed it and a FIFO waited.
  auto r = s.run_shell("timeout 60 " + e2e::shell_quote(DIPMINE_BIN) + " --db test.db ingest " +
                       "/dev/zero pipe.txt");
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(contains(r.err, "/dev/zero: is a character device, not a regular file; skipped "
                        "(--allow-special reads it"));
  CHECK(contains(r.err, "pipe.txt: is a FIFO (named pipe), not a regular file"));
  CHECK(e2e::count_lines(r.err) == 2);
  // Asked for: read with a cap; /dev/zero is binary from its first bytes.
  r = s.run_shell("timeout 60 " + e2e::shell_quote(DIPMINE_BIN) +
                  " --db test.db ingest --allow-special /dev/zero");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "/dev/zero: binary file, not text; skipped"));
  r = s.run_shell("(printf 'City diplomacy through a pipe.\\n' > pipe.txt &) ; timeout 60 " +
                  e2e::shell_quote(DIPMINE_BIN) + " --db test.db ingest --allow-special pipe.txt");
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(sql(s.db(), "SELECT text FROM paragraphs") == "City diplomacy through a pipe.");
  // A 1 GB file of NULs (sparse) is rejected without reading it: small peak memory.
  {
    std::ofstream big(s.dir() / "nul.txt", std::ios::binary);
    big.seekp((1LL << 30) - 1);
    big.put('\0');
  }
  r = s.run_shell("/usr/bin/time -f 'maxrss=%M' " + e2e::shell_quote(DIPMINE_BIN) +
                  " --db test.db ingest nul.txt");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "nul.txt: binary file, not text; skipped"));
  const size_t at = r.err.find("maxrss=");
  REQUIRE(at != std::string::npos);
  // KB: far below the file's 1 GB (the release build peaks near 32 MB; the
  // sanitizer build's shadow memory alone costs about 240 MB).
  CHECK(std::stol(r.err.substr(at + 7)) < 400 * 1024);
}

TEST_CASE("stats --format json is one JSON document", "[robust][json]") {
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt", "City diplomacy in Tehran.\n");
  REQUIRE(s.run({"ingest", "--year", "2020", "a.txt"}).code == 0);
  auto r = s.run({"stats", "--format", "json"});
  REQUIRE(r.code == 0);
  const auto doc = nlohmann::json::parse(r.out);  // throws on two documents
  CHECK(doc["by_lang"][0]["lang"] == "en");
  CHECK(doc["by_lang"][1]["lang"] == "all");
  CHECK(doc["by_year"][0]["year"] == 2020);
}

TEST_CASE("ingest into another program's SQLite file is refused, the file unchanged",
          "[robust][foreign]") {
  Sandbox s;
  sql(s.db(), "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)");
  sql(s.db(), "INSERT INTO invoices(total) VALUES (12.5)");
  const std::string before = e2e::read_file(s.db());
  e2e::write_file(s.dir() / "a.txt", "City diplomacy in Tehran.\n");
  auto r = s.run({"ingest", "a.txt"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "not a dipmine database: a SQLite file with other tables (invoices)"));
  CHECK(e2e::count_lines(r.err) == 1);
  CHECK(e2e::read_file(s.db()) == before);
  CHECK(sql(s.db(), "SELECT group_concat(name) FROM sqlite_schema") == "invoices");
}

TEST_CASE("one line per problem: newline in a file name, -j out of range", "[robust][oneline]") {
  Sandbox s;
  e2e::write_file(s.dir() / "bad\nname.txt", std::string("\x01\x02\x03\x04\x05\x06", 6));
  auto r = s.run({"ingest", "bad\nname.txt"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "bad\\nname.txt: binary file"));
  CHECK(e2e::count_lines(r.err) == 1);
  for (const char* j : {"-1", "99999999999", "1025", "x"}) {
    r = s.run({"ingest", "-j", j, "bad\nname.txt"});
    INFO(j << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "must be 0 (all cores) or a thread count up to 1024"));
    CHECK(e2e::count_lines(r.err) == 1);
    CHECK(r.err.size() < 200);
  }
}

TEST_CASE("nothing skipped silently: folders, FIFOs, hidden files, blank text, queries",
          "[robust][skip]") {
  Sandbox s;
  const auto dir = s.dir() / "c";
  e2e::write_file(dir / "good.txt", "City diplomacy in Tehran.\n");
  e2e::write_file(dir / ".hidden.txt", "Hidden diplomacy.\n");
  e2e::write_file(dir / ".git" / "x.txt", "Hidden diplomacy.\n");
  e2e::write_file(dir / "blank.txt", "\xE3\x80\x80\xC2\xA0\n\xE2\x80\x8C\n");  // U+3000 NBSP ZWNJ
  REQUIRE(mkfifo((dir / "pipe.txt").c_str(), 0644) == 0);
  e2e::fs::create_directories(s.dir() / "x.txt");
  auto r = s.run({"ingest", "c", "x.txt"});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(contains(r.out, "1 added, 0 updated, 0 unchanged, 2 failed"));
  CHECK(contains(r.err, "note: c: skipped 2 hidden files or folders (name starts with '.')"));
  CHECK(contains(r.err, "note: c: skipped 1 FIFO, device or socket (not regular files"));
  CHECK(contains(r.err, "x.txt: folder has no file to ingest"));
  CHECK(contains(r.err, "blank.txt: empty file (only white space); skipped"));
  CHECK(e2e::count_lines(r.err) == 4);
  CHECK(sql(s.db(), "SELECT count(*) FROM paragraphs") == "1");
  // An unknown field filter is a usage error naming it and the known ones.
  r = s.run({"search", "title:city"});
  CHECK(r.code == 2);
  CHECK(contains(r.err, "title: is not a filter (the filters are lang:, year: and doc:)"));
  CHECK(s.run({"search", "\"title:city\""}).code != 2);
}

TEST_CASE("manifest rows: too few cells, paths outside, empty manifests", "[robust][manifest]") {
  Sandbox s;
  const auto dir = s.dir() / "c";
  e2e::write_file(dir / "a.txt", "City diplomacy.\n");
  // A manifest that cannot be used at all stops the ingest before any store.
  for (const auto& [text, error] : {std::pair{"", "m.tsv: empty manifest"},
                                    std::pair{"file\ttitle\n", "m.tsv: the manifest has a header but no rows"},
                                    std::pair{"name\ttitle\na.txt\tA\n", "m.tsv:1: header has no 'file' column"}}) {
    e2e::write_file(dir / "m.tsv", text);
    auto r = s.run({"ingest", "--manifest", (dir / "m.tsv").string(), (dir / "a.txt").string()});
    INFO(text << " -> " << r.err);
    CHECK(r.code == 1);
    CHECK(contains(r.err, error));
    CHECK(e2e::count_lines(r.err) == 1);
    CHECK_FALSE(e2e::fs::exists(s.db()));
  }
  // A bad row fails (one line), the file it names is not ingested, and a file
  // the manifest does not name is ingested as usual.
  const struct {
    const char* text;
    const char* error;
    const char* documents;
  } cases[] = {
      {"file\ttitle\tyear\na.txt\tA\n", "m.tsv:2: 2 cells but the header has 3 columns ('a.txt' not ingested)", "0"},
      {"file\ttitle\n../a.txt\tA\n", "m.tsv:2: names '../a.txt', outside the manifest's folder", "1"},
      {"file\ttitle\n/etc/passwd\tA\n", "m.tsv:2: names '/etc/passwd', outside", "1"},
  };
  for (const auto& c : cases) {
    e2e::fs::remove(s.db());
    e2e::write_file(dir / "m.tsv", c.text);
    auto r = s.run({"ingest", "--manifest", (dir / "m.tsv").string(), (dir / "a.txt").string()});
    INFO(c.text << " -> " << r.err);
    CHECK(r.code == 1);
    CHECK(contains(r.err, c.error));
    CHECK(e2e::count_lines(r.err) == 1);
    CHECK(sql(s.db(), "SELECT count(*) FROM documents") == c.documents);
  }
}

TEST_CASE("manifest: every bad row said in one run, the rest ingested, Persian digits and Solar Hijri years",
          "[robust][manifest]") {
  Sandbox s;
  const auto dir = s.dir() / "c";
  for (const char* f : {"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}) {
    e2e::write_file(dir / f, std::string("City diplomacy of ") + f + ".\n");
  }
  e2e::write_file(dir / "p.txt", "دیپلماسی شهری و شهرهای خواهرخوانده.\n");
  e2e::write_file(dir / "manifest.tsv",
                  "\xEF\xBB\xBF" "file\ttitle\tyear\tlang\r\n"
                  "a.txt\tA\t۲۰۰۸\ten\r\n"      // Persian digits: 2008
                  "b.txt\tB\t2008a\ten\r\n"     // bad year
                  "gone.txt\tG\t2008\ten\r\n"   // no such file
                  "c.txt\tC\t2010\tde\r\n"      // bad language
                  "d.txt\tD\r\n"                  // too few cells
                  "p.txt\tP\t۱۳۹۹\tfa\r\n"       // Solar Hijri: 2020
                  "e.txt\tE\t2012\ten\r\n");
  auto r = s.run({"ingest", dir.string()});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(contains(r.err, "manifest.tsv:3: year '2008a' is not a number ('b.txt' not ingested)"));
  CHECK(contains(r.err, "manifest.tsv:4: names 'gone.txt', which does not exist beside the manifest"));
  CHECK(contains(r.err, "manifest.tsv:5: lang 'de' is not fa, en or ja ('c.txt' not ingested)"));
  CHECK(contains(r.err, "manifest.tsv:6: 2 cells but the header has 4 columns ('d.txt' not ingested)"));
  CHECK(contains(r.err, "p.txt: note: year 1399 read as Solar Hijri (the Iranian calendar): stored as 2020"));
  CHECK(contains(r.out, "3 added, 0 updated, 0 unchanged, 4 failed"));
  CHECK(sql(s.db(), "SELECT group_concat(title || ':' || year, ' ') FROM (SELECT * FROM documents ORDER BY title)") ==
        "A:2008 E:2012 P:2020");
  // A query year in Persian digits is read the same way.
  CHECK(contains(s.run({"search", "year:۱۳۹۹ دیپلماسی"}).out, "(2020, fa)"));
  CHECK(contains(s.run({"search", "year:۲۰۰۸ diplomacy"}).out, "(2008, en)"));
}

TEST_CASE("lexicon: invalid UTF-8 in forms.tsv is FILE:LINE, a bad lexicon at ingest is one line",
          "[robust][lexicon]") {
  Sandbox s;
  const auto lex = s.dir() / "lex";
  e2e::fs::create_directories(lex);
  e2e::fs::copy(e2e::source_dir() / "lexicons", lex, e2e::fs::copy_options::recursive);
  std::string forms = e2e::read_file(lex / "forms.tsv");
  const int lines = e2e::count_lines(forms);
  forms += "tourism\ten\ttour\xE9sm\tliteral\t\t\n";  // Latin-1 é
  e2e::write_file(lex / "forms.tsv", forms);
  auto r = s.run({"lexicon", "check", lex.string()});
  CHECK(r.code == 1);
  CHECK(contains(r.out, "forms.tsv:" + std::to_string(lines + 1) + ": not valid UTF-8"));
  e2e::write_file(s.dir() / "a.txt", "City diplomacy.\n");
  r = s.run_shell("DIPMINE_LEXICONS=" + e2e::shell_quote(lex.string()) + " " +
                  e2e::shell_quote(DIPMINE_BIN) + " --db test.db ingest a.txt");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "not valid UTF-8"));
  CHECK(contains(r.err, "nothing ingested"));
  CHECK(e2e::count_lines(r.err) == 1);
}

TEST_CASE("remove --missing-ok makes a retried remove succeed", "[robust][remove]") {
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt", "City diplomacy.\n");
  e2e::write_file(s.dir() / "b.txt", "Paradiplomacy.\n");
  REQUIRE(s.run({"ingest", "a.txt", "b.txt"}).code == 0);
  REQUIRE(s.run({"remove", "1"}).code == 0);
  auto r = s.run({"remove", "1", "2"});
  CHECK(r.code == 1);  // a runtime fact, not a usage error; nothing removed
  CHECK(r.err == "dipmine: remove: no document with id 1 (already removed? --missing-ok makes that a note, "
                 "for scripts that retry); nothing removed\n");
  CHECK(sql(s.db(), "SELECT count(*) FROM documents") == "1");
  r = s.run({"remove", "--missing-ok", "1", "2"});
  CHECK(r.code == 0);
  CHECK(contains(r.err, "note: remove: no document with id 1"));
  CHECK(contains(r.out, "removed 1 document"));
  CHECK(sql(s.db(), "SELECT count(*) FROM documents") == "0");
}

TEST_CASE("a store in a read-only folder is read, write commands say it is read-only",
          "[robust][readonly]") {
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt", "Sister city links help tourism in Tehran.\n");
  REQUIRE(s.run({"ingest", "a.txt"}).code == 0);
  const auto ro = s.dir() / "ro";
  const auto out = s.dir() / "out";
  e2e::fs::create_directories(ro);
  e2e::fs::create_directories(out);
  e2e::fs::copy_file(s.db(), ro / "store.db");
  const std::string before = e2e::read_file(ro / "store.db");
  // Root ignores permissions: run as nobody then (a real test of a read-only
  // file and folder, without a read-only mount).
  const std::string as_user = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  // The lexicons the read commands need, where the other user can read them
  // (the checkout may sit in a folder only its owner can enter).
  const auto lex = s.dir() / "lex";
  e2e::fs::copy(e2e::fs::path(DIPMINE_SOURCE_DIR) / "lexicons", lex);
  for (const auto& e : e2e::fs::directory_iterator(lex)) chmod(e.path().c_str(), 0644);
  chmod(lex.c_str(), 0755);
  chmod((ro / "store.db").c_str(), 0444);
  chmod(ro.c_str(), 0555);
  chmod(out.c_str(), 0777);
  chmod(s.dir().c_str(), 0755);
  // The program and its modules too, for the same reason.
  const auto bin_dir = s.dir() / "bin";
  e2e::fs::create_directories(bin_dir);
  const e2e::fs::path built(DIPMINE_BIN);
  for (const char* name : {"dipmine", "dipmine-pdf.so", "dipmine-graph.so"}) {
    const auto from = built.parent_path() / name;
    if (e2e::fs::exists(from)) e2e::fs::copy_file(from, bin_dir / name);
    chmod((bin_dir / name).c_str(), 0755);
  }
  chmod(bin_dir.c_str(), 0755);
  const std::string bin = (bin_dir / "dipmine").string();
  auto run_with = [&](const std::string& lexicons, const std::string& args) {
    return s.run_shell(as_user + "env DIPMINE_LEXICONS=" + e2e::shell_quote(lexicons) + " " +
                       e2e::shell_quote(bin) + " --db " +
                       e2e::shell_quote((ro / "store.db").string()) + " " + args);
  };
  auto run = [&](const std::string& args) { return run_with(lex.string(), args); };
  for (const char* cmd : {"search city", "docs", "stats --format json", "rank", "kwic tourism",
                          "mentions", "terms", "report --out out/r"}) {
    const auto r = run(cmd);
    INFO(cmd << ": " << r.err);
    CHECK(r.code == 0);
  }
  CHECK(contains(run("search tourism").out, "Sister city links help"));
  for (const char* cmd : {"ingest a.txt", "remove 1", "optimize"}) {
    const auto r = run(cmd);
    INFO(cmd << ": " << r.err);
    CHECK(r.code == 1);
    CHECK(contains(r.err, "store.db: the store is read-only"));
    CHECK(e2e::count_lines(r.err) == 1);
  }
  CHECK(e2e::read_file(ro / "store.db") == before);
  CHECK_FALSE(e2e::fs::exists(ro / "store.db-wal"));
  // A lexicon folder behind a folder the user may not enter: one line naming it.
  const auto closed = s.dir() / "closed";
  e2e::fs::create_directories(closed / "lexicons");
  chmod(closed.c_str(), 0);  // closed to its owner too, when the test is not root
  const auto r = run_with((closed / "lexicons").string(), "terms");
  CHECK(r.code == 1);
  CHECK(e2e::count_lines(r.err) == 1);
  CHECK(contains(r.err, (closed / "lexicons").string() + ": cannot reach the lexicon folder (Permission denied)"));
  // A stop-word list that is there but unreadable is an error, not an empty list.
  chmod((lex / "stopwords-en.txt").c_str(), 0);
  const auto sw = run("terms");
  CHECK(sw.code == 1);
  CHECK(contains(sw.err, "stopwords-en.txt: cannot read the file (Permission denied)"));
  chmod((lex / "stopwords-en.txt").c_str(), 0644);
  chmod(closed.c_str(), 0755);
  chmod(ro.c_str(), 0755);
}

TEST_CASE("a large text file is streamed in slices and stored whole, once", "[robust][stream]") {
  Sandbox s;
  std::string text;
  for (int i = 0; text.size() < (6u << 20); ++i) {
    text += "Paragraph " + std::to_string(i) + " on city diplomacy between Tehran and Kyoto.\n\n";
    if (i % 3 == 0) text += "دیپلماسی شهری تهران و کیوتو " + std::to_string(i) + ".\n";
  }
  text += "The last paragraph names Zanzibar.\n";
  e2e::write_file(s.dir() / "big.txt", text);
  auto r = s.run({"ingest", "big.txt"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "1 added, 0 updated, 0 unchanged, 0 failed"));
  CHECK(sql(s.db(), "SELECT bytes FROM documents") == std::to_string(text.size()));
  const auto sum = s.run_shell("sha256sum big.txt");
  CHECK(sql(s.db(), "SELECT sha256 FROM documents") == sum.out.substr(0, 64));
  CHECK(sql(s.db(), "SELECT lang FROM documents") == "en");
  CHECK(sql(s.db(), "SELECT count(DISTINCT ordinal) = count(*) AND max(ordinal) + 1 = count(*) "
                    "FROM paragraphs") == "1");
  CHECK(sql(s.db(), "SELECT sum(length(CAST(text AS BLOB))) > " + std::to_string(text.size() * 9 / 10) +
                    " FROM paragraphs") == "1");
  CHECK(contains(s.run({"search", "Zanzibar"}).out, "The last paragraph names [Zanzibar]."));
  r = s.run({"ingest", "big.txt"});
  CHECK(contains(r.out, "0 added, 0 updated, 1 unchanged, 0 failed"));
  // Damage at the end is found before anything is written: the old text stays.
  e2e::write_file(s.dir() / "big.txt", text + "bad \xC3 byte\n");
  r = s.run({"ingest", "big.txt"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "big.txt: line "));
  CHECK(contains(r.err, "invalid UTF-8 (byte offset " + std::to_string(text.size() + 4) + ")"));
  CHECK(sql(s.db(), "SELECT count(*) FROM documents") == "1");
  e2e::write_file(s.dir() / "big.txt", text + "One more line.\n");
  r = s.run({"ingest", "big.txt"});
  CHECK(contains(r.out, "0 added, 1 updated, 0 unchanged, 0 failed"));
  CHECK(sql(s.db(), "SELECT count(*) FROM documents") == "1");
  CHECK(sql(s.db(), "PRAGMA integrity_check") == "ok");
}

TEST_CASE("an unknown charset or a year that is no number is one usage line", "[robust]") {
  // A new-user trial: `--encoding foo` failed each of 25 files with its own
  // line and exit 1; `--year 20x` said "Could not convert".
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt", "City diplomacy.\n");
  auto r = s.run({"ingest", (s.dir() / "a.txt").string(), "--encoding", "foo"});
  CHECK(r.code == 2);
  CHECK(r.err == "dipmine: --encoding: unknown charset 'foo' (e.g. windows-1256, Shift_JIS, EUC-JP, UTF-16LE) "
                 "(see dipmine --help)\n");
  r = s.run({"ingest", (s.dir() / "a.txt").string(), "--year", "20x"});
  CHECK(r.code == 2);
  CHECK(contains(r.err, "--year: must be a whole number from 1 to 9999 (got '20x')"));
  CHECK_FALSE(e2e::fs::exists(s.db()));
  r = s.run({"ingest", (s.dir() / "a.txt").string(), "--encoding", "windows-1256", "--year", "2020"});
  CHECK(r.code == 0);
}

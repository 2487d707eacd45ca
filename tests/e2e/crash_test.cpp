// Crash safety: kill -9 during ingest at several points, then check that the
// database passes integrity_check, holds only whole documents, and that a
// re-run completes the ingest.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>

#include "harness.h"

using e2e::Sandbox;

namespace {

// document name -> paragraph count, for every document in `db`.
std::map<std::string, long> paragraphs_per_document(const e2e::fs::path& db, std::string& integrity) {
  std::map<std::string, long> out;
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr);
  integrity.clear();
  while (sqlite3_step(st) == SQLITE_ROW) {
    integrity += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_prepare_v2(h,
                     "SELECT d.name, (SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id) "
                     "FROM documents d",
                     -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    out[reinterpret_cast<const char*>(sqlite3_column_text(st, 0))] = sqlite3_column_int64(st, 1);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

}  // namespace

TEST_CASE("kill -9 during ingest leaves only whole documents, a re-run completes", "[crash]") {
  Sandbox s;
  // A corpus of many documents made from the seed texts (each file different).
  const auto corpus = s.dir() / "many";
  const std::string seed =
      e2e::read_file(e2e::source_dir() / "corpus" / "004_635347e6668643bb.txt");
  const int files = 300;
  for (int i = 0; i < files; ++i) {
    e2e::write_file(corpus / ("doc" + std::to_string(1000 + i) + ".txt"),
                    "Document " + std::to_string(i) + ".\n\n" + seed);
  }
  // The reference: an uninterrupted ingest.
  Sandbox ref;
  REQUIRE(ref.run({"ingest", corpus.string()}).code == 0);
  std::string integrity;
  const auto expected = paragraphs_per_document(ref.db(), integrity);
  REQUIRE(expected.size() == static_cast<size_t>(files));

  // Kill when the store holds at least `after` documents (0: as soon as it exists).
  const std::string bin = e2e::shell_quote(DIPMINE_BIN);
  int interrupted = 0;
  for (int after : {0, 1, 64, 128}) {
    e2e::fs::remove(s.db());
    e2e::fs::remove(s.dir() / "test.db-wal");
    e2e::fs::remove(s.dir() / "test.db-shm");
    e2e::fs::remove(s.dir() / "test.db-journal");  // ingest writes with a rollback journal
    const std::string script =
        // Commits every 20 ms: the whole ingest takes about half a second
        // here, which one 0.5 s batch would cover.
        bin + " --db test.db ingest --commit-every 0.02 many >/dev/null 2>&1 & pid=$!; "
        "while kill -0 $pid 2>/dev/null; do "
        "  n=$(sqlite3 'file:test.db?mode=ro' 'SELECT count(*) FROM documents' 2>/dev/null || echo 0); "
        "  if [ \"${n:-0}\" -gt " + std::to_string(after) + " ] || { [ " + std::to_string(after) +
        " -eq 0 ] && [ -s test.db ]; }; then kill -9 $pid; break; fi; "
        "  sleep 0.02; "
        "done; wait $pid; echo \"exit=$?\"";
    const auto r = s.run_shell(script);
    const bool killed = r.out.find("exit=137") != std::string::npos;
    INFO("after " << after << ": exit " << r.out);
    const auto got = paragraphs_per_document(s.db(), integrity);
    CHECK(integrity == "ok");
    WARN("kill after " << after << " documents: " << r.out << " " << got.size() << " stored");
    if (killed && got.size() < expected.size()) ++interrupted;
    for (const auto& [name, count] : got) {
      INFO(name);
      REQUIRE(expected.count(name) == 1);
      CHECK(count == expected.at(name));  // whole documents only
    }
    const auto rerun = s.run({"ingest", corpus.string()});
    CHECK(rerun.code == 0);
    CHECK(paragraphs_per_document(s.db(), integrity) == expected);
    CHECK(integrity == "ok");
  }
  // At least two of the four kills landed in the middle of the ingest.
  CHECK(interrupted >= 2);
}

TEST_CASE("ingest --commit-every takes seconds above 0 and up to 3600, else a usage error naming it", "[crash]") {
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt", "Sister cities.\n");
  for (const char* bad : {"0", "-1", "4000", "x"}) {
    const auto r = s.run({"ingest", "--commit-every", bad, "a.txt"});
    INFO(bad << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(e2e::count_lines(r.err) == 1);
    CHECK(r.err.find("--commit-every") != std::string::npos);
  }
  CHECK(s.run({"ingest", "--commit-every", "0.1", "a.txt"}).code == 0);
}

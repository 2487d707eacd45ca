// dipmine merge: duplicates counted as ingest counts them, refusals that
// leave the output as it was, and kill -9 at any moment followed by a re-run
// giving the store an uninterrupted merge gives.
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;
namespace fs = e2e::fs;

namespace {

e2e::Result dipmine(const Sandbox& s, const std::string& args) {
  return s.run_shell(e2e::shell_quote(DIPMINE_BIN) + " " + args);
}

void ingest(const Sandbox& s, const std::string& db, const std::string& paths, const std::string& env = "") {
  const e2e::Result r = s.run_shell(env + e2e::shell_quote(DIPMINE_BIN) + " --db " + db + " ingest " + paths);
  INFO(r.err);
  REQUIRE(r.code == 0);
}

const char* kRis =
    "TY  - JOUR\nTI  - City diplomacy and the C40 network\nAU  - Doe, Jane\nPY  - 2021\n"
    "DO  - 10.1234/city.2021.7\nKW  - city diplomacy\nAB  - {}\nER  - \n";

std::string ris(const std::string& abstract) {
  std::string out = kRis;
  out.replace(out.find("{}"), 2, abstract);
  return out;
}

// Everything a store holds that a user could see, by id (resumed and
// uninterrupted merges must agree on ids too).
std::string dump(const fs::path& db) {
  std::string out;
  for (const char* q :
       {"SELECT group_concat(id || '|' || path || '|' || sha256 || '|' || title || '|' || "
        "ifnull(year, '') || '|' || lang || '|' || doi || '|' || bytes || '|' || added_at, char(10)) "
        "FROM (SELECT * FROM documents ORDER BY id)",
        "SELECT group_concat(id || '|' || doc_id || '|' || ordinal || '|' || lang || '|' || text, "
        "char(10)) FROM (SELECT * FROM paragraphs ORDER BY id)",
        "SELECT group_concat(doc_id || '|' || paragraph_id || '|' || sentence || '|' || concept_id "
        "|| '|' || start || '|' || end || '|' || form, char(10)) FROM (SELECT * FROM mentions ORDER BY id)",
        "SELECT group_concat(doc_id || '|' || kind || '|' || keyword || '|' || key, char(10)) FROM "
        "(SELECT * FROM keywords ORDER BY rowid)",
        "SELECT group_concat(id || '|' || label_en, char(10)) FROM (SELECT * FROM concepts ORDER BY id)",
        "SELECT group_concat(key || '|' || value, char(10)) FROM (SELECT * FROM store_state ORDER BY key)",
        "SELECT count(*) FROM topk_terms", "PRAGMA integrity_check"}) {
    out += e2e::sql_column(db, q) + "\n--\n";
  }
  return out;
}

}  // namespace

TEST_CASE("merge: duplicates by identity and DOI are dropped and counted as one ingest does", "[merge]") {
  Sandbox s;
  e2e::write_file(s.dir() / "a" / "a.txt", "City diplomacy in Tehran and Isfahan.\n");
  e2e::write_file(s.dir() / "a" / "b.txt", "Urban networks: C40 and UCLG.\n");
  e2e::write_file(s.dir() / "a" / "one.ris", ris("First abstract on mayors."));
  e2e::write_file(s.dir() / "b" / "b-copy.txt", "Urban networks: C40 and UCLG.\n");
  e2e::write_file(s.dir() / "b" / "c.txt", "Sister cities of Tokyo.\n");
  e2e::write_file(s.dir() / "b" / "two.ris", ris("Another abstract, same paper."));
  e2e::write_file(s.dir() / "o" / "a.txt", "");
  fs::copy_file(s.dir() / "a" / "a.txt", s.dir() / "o" / "a.txt", fs::copy_options::overwrite_existing);
  ingest(s, "A.db", "a");
  ingest(s, "B.db", "b");
  // The one-go reference, and an output that holds a document already.
  Sandbox whole;
  ingest(whole, "whole.db", e2e::shell_quote((s.dir() / "a").string()) + " " +
                                e2e::shell_quote((s.dir() / "b").string()));
  e2e::Result r = dipmine(s, "merge out.db A.db B.db");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("A.db: 3 documents: 3 added, 0 replaced a stored one with the same path, 0 dropped") !=
        std::string::npos);
  CHECK(r.out.find("B.db: 3 documents: 1 added, 0 replaced a stored one with the same path, 2 dropped "
                   "as duplicates (1 same text, 1 merged into a record with the same DOI") !=
        std::string::npos);
  CHECK(r.err.find("B.db: " + (s.dir() / "b" / "b-copy.txt").string() + ": same text as document") !=
        std::string::npos);
  CHECK(r.err.find("DOI 10.1234/city.2021.7 is already in the store") != std::string::npos);
  CHECK(r.out.find("6 documents read, 4 added, 2 dropped as duplicates") != std::string::npos);
  CHECK(e2e::sql_column(s.dir() / "out.db", "SELECT count(*) FROM documents") ==
        e2e::sql_column(whole.dir() / "whole.db", "SELECT count(*) FROM documents"));
  // The merged record gained the second file's keywords as ingest's would.
  CHECK(e2e::sql_column(s.dir() / "out.db", "SELECT count(*) FROM keywords") ==
        e2e::sql_column(whole.dir() / "whole.db", "SELECT count(*) FROM keywords"));

  // Into an output that holds documents: the same text is dropped there too.
  ingest(s, "O.db", "o");
  r = dipmine(s, "merge O.db A.db");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("A.db: 3 documents: 2 added") != std::string::npos);
  CHECK(r.out.find("1 same text") != std::string::npos);
  // A re-run finds every shard merged and changes nothing.
  const std::string before = dump(s.dir() / "O.db");
  r = dipmine(s, "merge O.db A.db");
  CHECK(r.code == 0);
  CHECK(r.out.find("(merged by an earlier run)") != std::string::npos);
  CHECK(dump(s.dir() / "O.db") == before);
}

TEST_CASE("merge: refusals name the file and leave the output as it was", "[merge]") {
  Sandbox s;
  e2e::write_file(s.dir() / "a" / "a.txt", "City diplomacy in Tehran.\n");
  e2e::write_file(s.dir() / "b" / "b.txt", "Urban networks: C40.\n");
  ingest(s, "A.db", "a");
  ingest(s, "B.db", "b");
  e2e::write_file(s.dir() / "text.db", "not a database\n");
  fs::copy_file(s.dir() / "A.db", s.dir() / "A-copy.db");
  fs::copy_file(s.dir() / "A.db", s.dir() / "old.db");
  e2e::sql_column(s.dir() / "old.db", "PRAGMA user_version = 7", SQLITE_OPEN_READWRITE);
  fs::copy_file(s.dir() / "B.db", s.dir() / "tok.db");
  e2e::sql_column(s.dir() / "tok.db", "UPDATE fts_state SET value = '0123' WHERE key = 'tokenizer'",
                  SQLITE_OPEN_READWRITE);
  // A store made with an edited lexicon (one form more).
  fs::copy(e2e::source_dir() / "lexicons", s.dir() / "lex", fs::copy_options::recursive);
  {
    const std::string forms = e2e::read_file(s.dir() / "lex" / "forms.tsv");
    const size_t header = forms.find("\nconcept\t");
    REQUIRE(header != std::string::npos);
    const std::string first = forms.substr(forms.find('\n', header + 1) + 1);
    const std::string concept_id = first.substr(0, first.find('\t'));
    e2e::write_file(s.dir() / "lex" / "forms.tsv", forms + concept_id + "\ten\tparadiplomatic twinning\tliteral\tno\t\n");
  }
  ingest(s, "L.db", "b", "DIPMINE_LEXICONS=lex ");

  struct Case {
    std::string args, message;
    int code;
  };
  const std::vector<Case> cases = {
      {"out.db A.db text.db", "text.db: not a dipmine database", 1},
      {"out.db A.db nothing.db", "nothing.db: no such store", 1},
      {"out.db A.db B.db A.db", "A.db: given twice (also as A.db)", 2},
      {"out.db A.db ./A.db", "./A.db: given twice", 2},
      {"out.db A.db A-copy.db", "A-copy.db: holds the same documents as A.db", 2},
      {"out.db A.db out.db", "out.db: is the output store itself", 2},
      {"out.db A.db old.db", "old.db: schema version 7, but this dipmine writes", 1},
      {"out.db A.db tok.db", "tok.db: its full-text index was made by other normalisers than A.db's", 1},
      {"out.db A.db L.db", "L.db: made with another lexicon than A.db", 1},
  };
  for (const Case& c : cases) {
    const e2e::Result r = dipmine(s, "merge " + c.args);
    INFO(c.args << ": " << r.err);
    CHECK(r.code == c.code);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(e2e::count_lines(r.err) == 1);
    CHECK(!fs::exists(s.dir() / "out.db"));
  }
  // Into an existing output, a shard with another lexicon than the output's.
  REQUIRE(dipmine(s, "merge out.db A.db").code == 0);
  const std::string before = dump(s.dir() / "out.db");
  const e2e::Result r = dipmine(s, "merge out.db L.db");
  CHECK(r.code == 1);
  CHECK(r.err.find("L.db: made with another lexicon than out.db") != std::string::npos);
  CHECK(dump(s.dir() / "out.db") == before);
}

TEST_CASE("merge: kill -9 at any moment, a re-run gives the uninterrupted merge", "[merge][crash]") {
  Sandbox s;
  const std::string seed = e2e::read_file(e2e::source_dir() / "corpus" / "004_635347e6668643bb.txt");
  for (int i = 0; i < 240; ++i) {
    e2e::write_file(s.dir() / "many" / ("doc" + std::to_string(1000 + i) + ".txt"),
                    "Document " + std::to_string(i) + ".\n\n" + seed);
  }
  const int shards = 6;
  std::string list;
  REQUIRE(dipmine(s, "plan --shards 6 --out plan.tsv many").code == 0);
  for (int i = 1; i <= shards; ++i) {
    const std::string db = "s" + std::to_string(i) + ".db";
    REQUIRE(dipmine(s, "--db " + db + " ingest --shard " + std::to_string(i) + "/6 --plan plan.tsv").code == 0);
    list += " " + db;
  }
  REQUIRE(dipmine(s, "merge ref.db" + list).code == 0);
  const std::string expected = dump(s.dir() / "ref.db");
  REQUIRE(expected.find("240|") != std::string::npos);

  const std::string bin = e2e::shell_quote(DIPMINE_BIN);
  int interrupted = 0;
  // Kill when the output records `after` merged shards (-1: as soon as the file exists).
  for (int after : {-1, 0, 1, 3, 5, 6}) {
    for (const char* f : {"out.db", "out.db-journal", "out.db-wal", "out.db-shm"}) fs::remove(s.dir() / f);
    const std::string script =
        bin + " merge out.db" + list + " >/dev/null 2>&1 & pid=$!; "
        "while kill -0 $pid 2>/dev/null; do "
        "  n=$(sqlite3 'file:out.db?mode=ro' \"SELECT count(*) FROM store_state WHERE key LIKE 'merged:%'\" "
        "      2>/dev/null || echo -1); "
        "  if [ \"${n:--1}\" -ge " + std::to_string(after) + " ] || { [ " + std::to_string(after) +
        " -lt 0 ] && [ -s out.db ]; }; then kill -9 $pid; break; fi; "
        "  sleep 0.005; "
        "done; wait $pid; echo \"exit=$?\"";
    const e2e::Result r = s.run_shell(script);
    INFO("after " << after << ": " << r.out);
    if (r.out.find("exit=137") != std::string::npos) ++interrupted;
    const e2e::Result again = dipmine(s, "merge out.db" + list);
    INFO(again.out << again.err);
    REQUIRE(again.code == 0);
    CHECK(again.out.find("merged 6 shards") != std::string::npos);
    CHECK(dump(s.dir() / "out.db") == expected);
  }
  CHECK(interrupted >= 3);
}

TEST_CASE("merge: what ingest said about a document comes with it", "[merge]") {
  // A shard's PDF left out running headers (pdf.js's TAMReview.pdf): the
  // merged store shows the same lines for it.
  Sandbox s;
  const std::string pdf = (e2e::data_dir() / "pdf" / "pdfjs-TAMReview.pdf").string();
  ingest(s, (s.dir() / "a.db").string(), "--ocr never " + e2e::shell_quote(pdf));
  const e2e::Result m = dipmine(s, "--db " + (s.dir() / "all.db").string() + " merge " +
                                       (s.dir() / "all.db").string() + " " + (s.dir() / "a.db").string());
  INFO(m.err);
  REQUIRE(m.code == 0);
  const std::string shard = e2e::sql_column(s.dir() / "a.db", "SELECT group_concat(message, '|') FROM document_notes");
  CHECK(e2e::contains(shard, "left out 85 running header/footer lines"));
  CHECK(e2e::sql_column(s.dir() / "all.db", "SELECT group_concat(message, '|') FROM document_notes") == shard);
}

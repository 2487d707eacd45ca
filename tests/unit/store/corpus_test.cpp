#include "store/corpus.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "store/schema.h"

using namespace dipmine::store;
namespace fs = std::filesystem;

namespace {

struct TempDb {
  fs::path path;
  TempDb() {
    std::string t = (fs::temp_directory_path() / "dipmine-store-XXXXXX").string();
    path = fs::path(mkdtemp(t.data())) / "c.db";
  }
  ~TempDb() { fs::remove_all(path.parent_path()); }
};

DocumentRecord sample(const std::string& sha) {
  DocumentRecord d;
  d.path = "/x/" + sha + ".txt";
  d.name = sha + ".txt";
  d.sha256 = sha;
  d.title = "T";
  d.year = 2020;
  d.lang = "en";
  d.format = "text";
  d.charset = "UTF-8";
  d.bytes = 10;
  ParagraphRecord p;
  p.text = "City diplomacy.";
  p.lang = dipmine::text::Lang::en;
  p.mentions.push_back({"dialogue", 0, 0, 4, "city"});
  d.paragraphs.push_back(p);
  d.paragraphs.push_back(p);
  d.keywords.push_back({"author", "City diplomacy", "city diplomacy", "en"});
  return d;
}

}  // namespace

TEST_CASE("a new store is at the current schema version") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  CHECK(c->schema_version() == current_schema_version());
  CHECK(c->documents().empty());
}

TEST_CASE("insert, find and remove cascade to derived rows") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  // Ingest writes with foreign-key checks off: remove must not need them.
  const bool foreign_keys = GENERATE(true, false);
  c->db().exec(foreign_keys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
  int64_t id;
  {
    Transaction tx(c->db());
    id = c->insert(sample("aa"));
    c->insert(sample("bb"));
    tx.commit();
  }
  CHECK(c->find_by_sha("aa") == id);
  CHECK_FALSE(c->find_by_sha("zz"));
  CHECK(c->find_by_path("/x/bb.txt")->name == "bb.txt");
  const auto d = c->document(id);
  REQUIRE(d);
  CHECK(d->paragraphs == 2);
  CHECK(d->year == 2020);
  CHECK(c->remove(id));
  CHECK_FALSE(c->remove(id));
  Statement q(c->db(), "SELECT (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM mentions), "
                       "(SELECT count(*) FROM keywords)");
  REQUIRE(q.step());
  CHECK(q.column_int(0) == 2);
  CHECK(q.column_int(1) == 2);
  CHECK(q.column_int(2) == 1);
  Statement fk(c->db(), "PRAGMA foreign_key_check");
  CHECK_FALSE(fk.step());  // no orphan rows
}

TEST_CASE("a document's many mentions and keywords are all stored, in order") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  DocumentRecord d = sample("cc");
  // 37 mentions a paragraph and 35 keywords: several multi-row statements each.
  for (auto& p : d.paragraphs) {
    for (uint32_t k = 1; k < 37; ++k) p.mentions.push_back({"dialogue", 0, k, k + 4, "city"});
  }
  for (int k = 1; k < 35; ++k) {
    d.keywords.push_back({"author", "k" + std::to_string(k), "k" + std::to_string(k), "en"});
  }
  Transaction tx(c->db());
  const int64_t id = c->insert(d);
  tx.commit();
  Statement m(c->db(), "SELECT count(*), min(start), max(start), count(DISTINCT paragraph_id) "
                       "FROM mentions WHERE doc_id = ?");
  m.bind(1, id);
  REQUIRE(m.step());
  CHECK(m.column_int(0) == 74);
  CHECK(m.column_int(1) == 0);
  CHECK(m.column_int(2) == 36);
  CHECK(m.column_int(3) == 2);
  Statement k(c->db(), "SELECT keyword FROM keywords WHERE doc_id = ? ORDER BY rowid");
  k.bind(1, id);
  std::vector<std::string> got;
  while (k.step()) got.push_back(k.column_text(0));
  REQUIRE(got.size() == 35);
  CHECK(got[0] == "City diplomacy");
  CHECK(got[1] == "k1");
  CHECK(got[34] == "k34");
}

TEST_CASE("a transaction that is not committed leaves nothing") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  {
    Transaction tx(c->db());
    c->insert(sample("aa"));
  }
  CHECK(c->documents().empty());
}

TEST_CASE("duplicate sha256 is refused by the schema") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  c->insert(sample("aa"));
  CHECK_THROWS_AS(c->insert(sample("aa")), dipmine::Error);
}

TEST_CASE("counts by language and year") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  c->insert(sample("aa"));
  auto b = sample("bb");
  b.year.reset();
  c->insert(b);
  const auto langs = c->counts_by_lang();
  REQUIRE(langs.size() == 1);
  CHECK(langs[0].documents == 2);
  CHECK(langs[0].paragraphs == 4);
  const auto years = c->counts_by_year();
  REQUIRE(years.size() == 2);
  CHECK(years[0].year == 2020);
  CHECK_FALSE(years[1].year);
}

TEST_CASE("open errors name the path") {
  TempDb t;
  CHECK_THROWS_WITH(Corpus::open(t.path.string(), OpenMode::existing),
                    Catch::Contains("no database here"));
  CHECK_THROWS_WITH(Corpus::open("/nonexistent/dir/x.db", OpenMode::create),
                    Catch::Contains("/nonexistent/dir/x.db: cannot open database"));
  {
    std::ofstream(t.path) << "plain text, not SQLite, long enough to be read as a header......"
                             "................................................................";
  }
  CHECK_THROWS_WITH(Corpus::open(t.path.string(), OpenMode::existing),
                    Catch::Contains("not a dipmine database"));
}

TEST_CASE("a database from a newer dipmine is refused") {
  TempDb t;
  { auto c = Corpus::open(t.path.string(), OpenMode::create); c->db().exec("PRAGMA user_version = 999"); }
  CHECK_THROWS_WITH(Corpus::open(t.path.string(), OpenMode::create),
                    Catch::Contains("made by a newer dipmine"));
}

TEST_CASE("resolve_db_path: flag, then DIPMINE_DB, then ./dipmine.db") {
  unsetenv("DIPMINE_DB");
  CHECK(resolve_db_path("") == "dipmine.db");
  setenv("DIPMINE_DB", "/tmp/env.db", 1);
  CHECK(resolve_db_path("") == "/tmp/env.db");
  CHECK(resolve_db_path("flag.db") == "flag.db");
  unsetenv("DIPMINE_DB");
}

TEST_CASE("remembered keys answer absent lookups, and stand down when another writer commits") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  c->start_remembering_keys();  // the store is empty: on
  DocumentRecord a = sample("aa");
  a.doi = "10.1000/ABC";
  {
    Transaction tx(c->db());
    c->check_remembered_keys();
    c->insert(a);
    tx.commit();
  }
  CHECK(c->find_by_sha("aa").has_value());
  CHECK(c->find_by_path("/x/aa.txt").has_value());
  CHECK_FALSE(c->find_by_sha("zz").has_value());
  CHECK(c->may_have_doi("10.1000/abc"));  // case-insensitive, as lower(doi) in SQL
  CHECK_FALSE(c->may_have_doi("10.1000/other"));

  // Another connection adds a document: the shortcut must not hide it.
  {
    auto other = Corpus::open(t.path.string(), OpenMode::existing);
    Transaction tx(other->db());
    DocumentRecord b = sample("bb");
    b.doi = "10.1000/b";
    other->insert(b);
    tx.commit();
  }
  Transaction tx(c->db());
  c->check_remembered_keys();
  CHECK(c->find_by_sha("bb").has_value());
  CHECK(c->find_by_path("/x/bb.txt").has_value());
  CHECK(c->may_have_doi("10.1000/b"));
}

TEST_CASE("remembered keys stay off on a store that already has documents") {
  TempDb t;
  {
    auto c = Corpus::open(t.path.string(), OpenMode::create);
    Transaction tx(c->db());
    c->insert(sample("aa"));
    tx.commit();
  }
  auto c = Corpus::open(t.path.string(), OpenMode::existing);
  c->start_remembering_keys();
  CHECK(c->find_by_sha("aa").has_value());
  CHECK(c->may_have_doi("10.1000/anything"));  // unknown: ask the database
}

namespace {

std::string journal_mode(Corpus& c) {
  Statement q(c.db(), "PRAGMA journal_mode");
  q.step();
  return q.column_text(0);
}

}  // namespace

TEST_CASE("a bulk write uses a rollback journal when it has the store to itself, then WAL again") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  CHECK(journal_mode(*c) == "wal");
  {
    BulkWrite bulk(*c);
    CHECK(journal_mode(*c) == "delete");
    Transaction tx(c->db());
    c->insert(sample("aa"));
    tx.commit();
    // A reader that comes while a batch is being written opens the store at
    // once (it cannot switch it back to WAL then, and does not wait to) and
    // reads what was committed.
    Transaction batch(c->db());
    c->insert(sample("bb"));
    const auto start = std::chrono::steady_clock::now();
    auto reader = Corpus::open(t.path.string(), OpenMode::existing);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    CHECK(journal_mode(*reader) == "delete");
    CHECK(reader->find_by_sha("aa").has_value());
    CHECK_FALSE(reader->find_by_sha("bb").has_value());
    reader.reset();
    batch.commit();
  }
  CHECK(journal_mode(*c) == "wal");
  CHECK_FALSE(fs::exists(t.path.string() + "-journal"));
  auto again = Corpus::open(t.path.string(), OpenMode::existing);
  CHECK(again->find_by_sha("bb").has_value());
}

TEST_CASE("a bulk write stays in WAL mode while another connection has the store open") {
  TempDb t;
  auto c = Corpus::open(t.path.string(), OpenMode::create);
  {
    Transaction tx(c->db());
    c->insert(sample("aa"));
    tx.commit();
  }
  auto reader = Corpus::open(t.path.string(), OpenMode::existing);
  CHECK(reader->find_by_sha("aa").has_value());
  {
    BulkWrite bulk(*c);
    CHECK(journal_mode(*c) == "wal");
    Transaction tx(c->db());
    c->insert(sample("bb"));
    tx.commit();
    CHECK(reader->find_by_sha("bb").has_value());  // WAL: the reader sees the commit
  }
  CHECK(journal_mode(*c) == "wal");
}

// A store that fills up during ingest (SQLITE_FULL): the open batch rolls
// back, the report says how many documents got in, the store stays whole.
// PRAGMA max_page_count makes the store "full" as a full disk would.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "ingest/ingest.h"
#include "store/corpus.h"

using namespace dipmine;

TEST_CASE("a full store: the last batch rolls back, the report counts what is stored",
          "[ingest][full]") {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "dipmine-full-XXXXXX").string();
  const fs::path dir = mkdtemp(tmpl.data());
  std::vector<std::string> files;
  for (int i = 0; i < 40; ++i) {
    const fs::path p = dir / fmt::format("doc{:02}.txt", i);
    std::ofstream out(p, std::ios::binary);
    for (int k = 0; k < 300; ++k) out << "Paragraph " << k << " of document " << i << " on city diplomacy.\n\n";
    files.push_back(p.string());
  }
  const std::string db = (dir / "store.db").string();
  {
    auto corpus = store::Corpus::open(db, store::OpenMode::create);
    store::Statement pages(corpus->db(), "PRAGMA page_count");
    pages.step();
    const int64_t now = pages.column_int(0);
    pages.reset();
    corpus->db().exec(fmt::format("PRAGMA max_page_count = {}", now + 150));
    ingest::IngestOptions opt;
    opt.threads = 1;
    opt.batch_bytes = 40 * 1024;  // a commit every few documents
    opt.batch_seconds = 1e9;
    const ingest::IngestReport r = ingest::ingest_files(files, opt, *corpus);
    CHECK(r.store_full);
    CHECK(r.added > 0);
    CHECK(r.added < 40);
    CHECK(r.not_ingested > 0);
    CHECK(r.added + r.not_ingested <= 40);
    store::Statement count(corpus->db(), "SELECT count(*) FROM documents");
    count.step();
    CHECK(count.column_int(0) == static_cast<int64_t>(r.added));
  }
  // Reopened without the limit: intact, and the same ingest completes.
  auto corpus = store::Corpus::open(db, store::OpenMode::create);
  store::Statement check(corpus->db(), "PRAGMA integrity_check");
  check.step();
  CHECK(check.column_text(0) == "ok");
  const ingest::IngestReport again = ingest::ingest_files(files, {}, *corpus);
  CHECK_FALSE(again.store_full);
  CHECK(again.added + again.unchanged == 40);
  fs::remove_all(dir);
}

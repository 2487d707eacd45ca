// Fuzz target: the search query parser (store/query.h). Input: the query text.
// Checks query.h's contract: parse_query either throws UsageError
// "query column N: ..." or gives an expression FTS5 accepts (run against an
// in-memory FTS5 table with dipmine's tokenizer, as search runs it), whose
// phrases name valid clauses and whose langs are fa, en or ja.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "common/error.h"
#include "fuzz_check.h"
#include "store/fts_tokenizer.h"
#include "store/query.h"
#include "store/sqlite.h"

namespace {

using namespace dipmine::store;

Database& fts_db() {
  static Database* db = [] {
    auto* d = new Database(":memory:", Database::Access::create);
    register_fts_tokenizer(*d);
    d->exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='dipmine');"
            "INSERT INTO t(text) VALUES ('city diplomacy and sister cities'),"
            "('دیپلماسی شهری و شهرهای خواهرخوانده'), ('都市外交と姉妹都市');");
    return d;
  }();
  return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Query q;
  try {
    q = parse_query(text);
  } catch (const dipmine::UsageError& e) {
    // (The CLI prints it with common/error.h's one_line: a newline the query
    // holds is shown as \n.)
    FUZZ_CHECK(std::string_view(e.what()).rfind("query column ", 0) == 0,
               "a query error that does not start with 'query column N'");
    return 0;
  }
  for (const QueryPhrase& p : q.phrases) {
    FUZZ_CHECK(p.clause >= -1 && p.clause < q.clauses, "a phrase names a clause that is not there");
    FUZZ_CHECK(!p.keys.empty(), "a phrase without keys");
  }
  for (const std::string& l : q.langs) {
    FUZZ_CHECK(l == "fa" || l == "en" || l == "ja", "a language filter other than fa, en, ja");
  }
  if (!q.match.empty()) {
    try {
      Statement s(fts_db(), "SELECT count(*) FROM t WHERE t MATCH ?");
      s.bind(1, q.match);
      while (s.step()) {
      }
    } catch (const dipmine::Error& e) {
      std::fprintf(stderr, "FTS5 rejects %s: %s\n", q.match.c_str(), e.what());
      FUZZ_CHECK(false, "parse_query produced an expression FTS5 rejects");
    }
  }
  return 0;
}

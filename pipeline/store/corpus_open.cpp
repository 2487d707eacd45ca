// Corpus::open (corpus.h): which stores it opens, how, and what it refuses
// before changing anything.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>

#include "common/error.h"
#include "store/corpus.h"
#include "store/fts_tokenizer.h"
#include "store/ranking.h"
#include "store/schema.h"

namespace dipmine::store {
namespace {

std::mutex hooks_mutex;
std::vector<std::function<void(Database&)>>& hooks() {
  static std::vector<std::function<void(Database&)>> list;
  return list;
}

}  // namespace

std::string resolve_db_path(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("DIPMINE_DB"); env != nullptr && *env != '\0') return env;
  return "dipmine.db";
}

void add_connection_hook(std::function<void(Database&)> hook) {
  std::lock_guard<std::mutex> lock(hooks_mutex);
  hooks().push_back(std::move(hook));
}

Corpus::Corpus(const std::string& path, Database::Access access) : db_(path, access) {}

namespace {

// Why `path` cannot be written, or "": SQLite also needs to create its
// journal beside the file, so the folder must be writable too.
std::string why_not_writable(Database& db, const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::absolute(path).parent_path();
  if (db.read_only() || access(path.c_str(), W_OK) != 0) {
    return "the file is read-only (no write permission, or a read-only file system)";
  }
  if (access(dir.c_str(), W_OK) != 0) {
    return fmt::format("its folder {} is not writable (SQLite writes a journal beside the file)",
                       dir.string());
  }
  return {};
}

// Names of the tables in a database that has no dipmine schema version.
std::vector<std::string> table_names(Database& db) {
  std::vector<std::string> names;
  Statement q(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 6");
  while (q.step()) names.push_back(q.column_text(0));
  return names;
}

}  // namespace

std::unique_ptr<Corpus> Corpus::open(const std::string& path, OpenMode mode) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (mode != OpenMode::create && !fs::exists(path, ec)) {
    throw Error(fmt::format("{}: no database here (run `dipmine ingest` first, or give --db)",
                            path));
  }
  using Access = Database::Access;
  const Access access = mode == OpenMode::create     ? Access::create
                        : mode == OpenMode::existing ? Access::read_write
                                                     : Access::read_only;
  std::unique_ptr<Corpus> c(new Corpus(path, access));
  // Check that this is a database at all before changing anything. A WAL
  // store in a read-only folder cannot be read without its -shm file: then
  // it is opened immutable (nobody can be writing it there).
  auto readable = [&] {
    try {
      c->db_.exec("SELECT count(*) FROM sqlite_schema");
      return true;
    } catch (const Error&) {
      return false;
    }
  };
  if (!readable() && mode == OpenMode::read_only) {
    c.reset(new Corpus(path, Access::read_only_immutable));
  }
  const bool is_readable = readable();
  Database& db = c->db_;
  if (mode != OpenMode::read_only && fs::exists(path, ec) && fs::file_size(path, ec) > 0) {
    if (const std::string why = why_not_writable(db, path); !why.empty()) {
      throw Error(fmt::format("{}: the store is read-only: {}; read commands (search, docs, "
                              "stats, rank, ...) work, this one needs to write",
                              path, why));
    }
  }
  if (!is_readable) {
    throw Error(fmt::format("{}: not a dipmine database (file is not SQLite)", path));
  }
  {
    std::lock_guard<std::mutex> lock(hooks_mutex);
    for (const auto& hook : hooks()) hook(db);
  }
  const int64_t version = c->schema_version();
  if (version < 0) {
    throw Error(fmt::format("{}: not a dipmine database (schema version {} is negative)", path,
                            version));
  }
  if (version == 0) {
    if (const std::vector<std::string> tables = table_names(db); !tables.empty()) {
      std::string list;
      for (const auto& t : tables) list += (list.empty() ? "" : ", ") + t;
      throw Error(fmt::format("{}: not a dipmine database: a SQLite file with other tables ({}{}); "
                              "left unchanged, give --db a new file",
                              path, list, tables.size() > 5 ? ", ..." : ""));
    }
    if (mode != OpenMode::create) {
      throw Error(fmt::format("{}: empty database (run `dipmine ingest` first)", path));
    }
  } else {
    Statement t(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'documents'");
    t.step();
    if (t.column_int(0) == 0) {
      throw Error(fmt::format("{}: not a dipmine database (schema version {} but no documents "
                              "table); left unchanged",
                              path, version));
    }
  }
  register_fts_tokenizer(db);  // before migrate: migration 2 builds the index with it
  register_rank_function(db);
  if (mode == OpenMode::read_only) {
    check_readable_schema(db);
    return c;
  }
  // WAL, so that searches read while an ingest writes. Not when another
  // connection holds the store in rollback mode (an ingest: see BulkWrite);
  // reads work in either mode, and a later open switches it back.
  db.try_journal_mode("wal");
  db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
  migrate(db);
  return c;
}

}  // namespace dipmine::store

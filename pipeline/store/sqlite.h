// A thin RAII layer over the SQLite C API: a connection and prepared
// statements whose errors become dipmine::Error with the database path in the
// message. Not thread-safe: one Database per thread (the ingest writer owns one).
//
//   Database db("corpus.db");
//   Statement q(db, "SELECT id, title FROM documents WHERE year >= ?");
//   q.bind(1, 2015);
//   while (q.step()) use(q.column_int(0), q.column_text(1));
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dipmine::store {

class Database {
 public:
  enum class Access {
    read_write,         // the file must exist
    create,             // created when missing
    read_only,          // never writes; works on a read-only file or folder
    read_only_immutable // also without the -shm/-wal files a WAL store needs
                        // (a read-only folder): SQLite assumes nobody writes
  };
  // Opens the database at `path`. Throws dipmine::Error naming the path when
  // it cannot be opened.
  Database(const std::string& path, Access access);
  Database(const std::string& path, bool create)
      : Database(path, create ? Access::create : Access::read_write) {}
  // True when this connection cannot write (opened read-only, or SQLite
  // found the file write-protected).
  bool read_only() const;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements that return no rows. Throws on error.
  void exec(std::string_view sql);
  // Sets the journal mode ("wal", "delete", ...) if that can be done at once:
  // leaving WAL mode, or entering it, needs the only connection to the file,
  // and this one does not wait for others to go. True if the mode is now
  // `mode`; false (the mode unchanged, nothing thrown) when another
  // connection is in the way.
  bool try_journal_mode(std::string_view mode);
  // Throws dipmine::Error "<path>: <what>: <sqlite message>".
  [[noreturn]] void fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds are 1-based like sqlite3_bind_*. Text is copied (SQLITE_TRANSIENT).
  Statement& bind(int i, int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind_null(int i);
  Statement& bind_blob(int i, std::string_view v);  // copied
  // Binds text WITHOUT copying it: `v` must stay valid until the statement is
  // reset (run() and reset() clear bindings). For hot insert paths.
  Statement& bind_ref(int i, std::string_view v);
  template <typename T>
  Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // True while a row is available; false when done. Throws on error.
  bool step();
  // Runs to completion (for INSERT/UPDATE/DELETE) and resets for reuse.
  void run();
  void reset();

  int64_t column_int(int i) const;
  double column_double(int i) const;
  std::string column_text(int i) const;  // "" for NULL
  // The bytes of a BLOB (or text) column, valid until the next step or reset.
  std::string_view column_blob(int i) const;
  bool column_is_null(int i) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// BEGIN (deferred) ... COMMIT: the statements in between read one snapshot
// of the database, whatever other connections commit meanwhile. Inside a
// transaction already, it does nothing (that transaction is the snapshot).
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Database& db_;
  bool began_;
};

}  // namespace dipmine::store

// A Corpus is the SQLite store of everything dipmine knows about a set of texts:
// documents with their metadata, paragraphs with their original text, and what
// later stages derive from them (mentions of lexicon concepts, keywords, the
// full-text index). Analysis and reports read the store; they never re-read files.
//
//   auto corpus = Corpus::open("dipmine.db", OpenMode::create);
//   if (!corpus->find_by_sha(sha)) corpus->insert(record);   // inside a Transaction
//   for (const DocumentInfo& d : corpus->documents()) ...
//
// The database runs in WAL mode; its schema version is PRAGMA user_version and
// every migration lives in schema.cpp. A document is written in one transaction
// with all its paragraphs and mentions, so a crash never leaves half a document.
// One Corpus per thread; only one process should write at a time.
// Errors throw dipmine::Error naming the database path.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/document.h"
#include "store/key_filter.h"
#include "store/sqlite.h"

namespace dipmine::store {

enum class OpenMode {
  create,     // create the file and schema when missing; migrate an old schema
  existing,   // the file must exist: Error "no database here" (commands that write)
  read_only,  // the file must exist; never written, so a store on a read-only
              // file system or without write permission can be read
};
// A store that cannot be written (read-only file, folder or file system) opens
// with `create` or `existing` as Error "PATH: the store is read-only ...".
// A SQLite file of another program (tables, no dipmine schema), a negative
// schema version, one newer than this build, or a migration that fails are
// one-line Errors naming the file; nothing in it is changed.

// The database path from --db, else $DIPMINE_DB, else ./dipmine.db.
std::string resolve_db_path(const std::string& flag_value);

// A hook that runs on every new connection (the FTS5 tokenizer registers here).
void add_connection_hook(std::function<void(Database&)> hook);

struct DocumentInfo {
  int64_t id = 0;
  std::string path, name, sha256, title, lang, authors, source, doi, venue, format, charset;
  std::optional<int> year;
  int64_t paragraphs = 0;
  int64_t bytes = 0;
  std::string added_at;
};

// One stored paragraph: its number within the document (from 0), its
// language ("fa", "en", "ja", or "" for none) and its text as stored.
struct StoredParagraph {
  int64_t ordinal = 0;
  std::string lang, text;
};

struct LangYearCount {
  std::string lang;  // "" for the per-year table
  std::optional<int> year;
  // By language: `documents` whose main language it is (they sum to the
  // store's documents), `with_paragraphs` that have a paragraph in it (an
  // English abstract in a Persian paper counts the paper under en too).
  int64_t documents = 0, with_paragraphs = 0, paragraphs = 0, bytes = 0;
};

class Corpus {
 public:
  static std::unique_ptr<Corpus> open(const std::string& path, OpenMode mode);

  Database& db() { return db_; }
  int schema_version();

  // Lookups for idempotent ingest; nullopt when absent.
  std::optional<int64_t> find_by_sha(const std::string& sha256);
  std::optional<DocumentInfo> find_by_path(const std::string& path);
  std::optional<DocumentInfo> document(int64_t id);
  // False when no document has this DOI (case-insensitive) for certain; true
  // when one may (ask the database).
  bool may_have_doi(const std::string& doi) const;

  // Ingest's shortcut for the lookups above: on a store with no documents,
  // remember the SHA-256, path and DOI of every document insert() adds, so
  // that a key never inserted is known absent without a query (a tenth of the
  // writer's time on exports). Call check_remembered_keys() at the start of
  // every write transaction: once another connection has committed, the
  // shortcut is off for good. Does nothing on a store with documents.
  void start_remembering_keys();
  void check_remembered_keys();

  // Inserts one document with its paragraphs, mentions and keywords; returns its
  // id. Call inside a Transaction; fastest under a BulkWrite (below).
  int64_t insert(const DocumentRecord& doc);
  // A document too large to hold at once arrives in parts: insert() the
  // first (its paragraphs numbered from 0), then the next paragraphs numbered
  // from `first_ordinal`, and its language when all are known. All in one
  // transaction, so that the document is stored whole or not at all.
  void append_paragraphs(int64_t doc_id, size_t first_ordinal,
                         const std::vector<ParagraphRecord>& paragraphs);
  void set_lang(int64_t doc_id, const std::string& lang);
  // A document's file was moved or renamed: its path and name become these.
  void set_path(int64_t doc_id, const std::string& path, const std::string& name);
  // Deletes a document and everything derived from it. False if no such id.
  bool remove(int64_t id);

  std::vector<DocumentInfo> documents();
  // The paragraphs of document `doc_id` numbered first..last, in order
  // (empty when there are none, or no such document).
  std::vector<StoredParagraph> paragraphs(int64_t doc_id, int64_t first = 0,
                                          int64_t last = INT64_MAX);
  // What ingest said about document `doc_id` (all documents when none), as
  // (document id, message) in order.
  std::vector<std::pair<int64_t, std::string>> notes(std::optional<int64_t> doc_id = std::nullopt);
  std::vector<LangYearCount> counts_by_lang();
  std::vector<LangYearCount> counts_by_year();

 private:
  Corpus(const std::string& path, Database::Access access);
  // A statement prepared on first use and kept: ingest calls insert and the
  // lookups once per document, and preparing dominated their cost.
  Statement& cached(const char* sql);
  // Inserts `n` rows with multi-row INSERTs "prefix (?,..),(?,..)":
  // bind_row(statement, first parameter, row) binds one row's `columns` values.
  template <typename BindRow>
  void insert_rows(const char* prefix, int columns, size_t n, BindRow bind_row);
  Database db_;
  std::map<const char*, std::unique_ptr<Statement>> statements_;
  struct RememberedKeys {
    bool on = false;
    int64_t data_version = 0;
    KeyFilter sha256, paths, dois;  // dois lower-case
  } remembered_;
  int64_t data_version();
  // The first column of the first row of cached statement `sql` (its one
  // parameter bound to `key`, if given); nullopt when there is no row.
  std::optional<int64_t> first_int(const char* sql,
                                   std::optional<std::string_view> key = std::nullopt);
};

// Connection settings for writing many documents (ingest), restored when it
// goes out of scope. Create it outside any transaction. The store leaves WAL
// mode for a rollback journal while no other connection has it open: in WAL
// mode every page is written twice (to the WAL, then by the checkpoint into
// the database), where a bulk load adds mostly new pages, which a rollback
// journal need not copy (ingest at 200 MB: 15% less time). A killed ingest
// rolls back to its last commit at the next open either way; readers that
// come meanwhile wait while a batch commits (busy timeout). When another
// connection has the store open, it stays in WAL mode, and the WAL is
// checkpointed every 64 MB instead of SQLite's 4 MB (a sixth of the writer's
// time went to checkpoints; closing the database checkpoints it). Foreign-key
// checks are off: insert() adds whole documents, parents first, so they would
// only cost parent lookups, and they would make insert()'s multi-row INSERTs
// open statement savepoints (see corpus.cpp); remove() deletes child rows
// itself. A 64 MB page cache keeps the indexes' pages at hand as the store
// grows (100,000 records: 25% faster).
class BulkWrite {
 public:
  explicit BulkWrite(Corpus& corpus);
  ~BulkWrite();
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;

 private:
  Database& db_;
  bool rollback_journal_ = false;
};

}  // namespace dipmine::store

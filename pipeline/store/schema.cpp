#include "store/schema.h"

#include <fmt/format.h>

#include <vector>

#include "common/error.h"

namespace dipmine::store {
namespace {

// Migration i (from 1) takes the database from user_version i-1 to i.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> list = {
      // 1: documents, paragraphs, concepts, mentions, keywords.
      R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  year INTEGER,
  lang TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  doi TEXT NOT NULL DEFAULT '',
  venue TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  charset TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE INDEX documents_path ON documents(path);
CREATE INDEX documents_doi ON documents(lower(doi)) WHERE doi <> '';
CREATE TABLE paragraphs(
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE(doc_id, ordinal));
CREATE TABLE concepts(
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  dimension TEXT NOT NULL DEFAULT '',
  label_en TEXT NOT NULL DEFAULT '',
  label_fa TEXT NOT NULL DEFAULT '',
  label_ja TEXT NOT NULL DEFAULT '',
  meta TEXT NOT NULL DEFAULT '{}');
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  concept_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  form TEXT NOT NULL);
CREATE INDEX mentions_concept ON mentions(concept_id, doc_id);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_paragraph ON mentions(paragraph_id);
CREATE TABLE keywords(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  keyword TEXT NOT NULL,
  key TEXT NOT NULL,
  lang TEXT NOT NULL DEFAULT '');
CREATE INDEX keywords_doc ON keywords(doc_id);
CREATE INDEX keywords_key ON keywords(key);
)sql",
      // 2: the full-text index over paragraphs (external content: no second copy
      // of the text), tokenizer `dipmine` (store/fts_tokenizer.h), kept in step
      // by triggers. The 'delete' must run with the old text before the row goes,
      // including rows removed by ON DELETE CASCADE from documents.
      R"sql(
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
  text, content='paragraphs', content_rowid='id', tokenize='dipmine');
CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF id, text ON paragraphs BEGIN
  INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild');
CREATE TABLE fts_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql",
      // 3: new paragraphs reach the index from Corpus::insert, not from a
      // trigger. A trigger makes every paragraph INSERT a multi-write statement
      // with a statement savepoint, and FTS5 (SQLite 3.40) writes its pending
      // terms to a new segment at every savepoint: one tiny segment per
      // paragraph, then endless merging (ingest ran 2.5x slower).
      R"sql(
DROP TRIGGER paragraphs_fts_insert;
)sql",
      // 4: no index on keywords(key): every query reads keywords by document
      // or whole, and keeping the index cost a random insert per keyword.
      R"sql(
DROP INDEX keywords_key;
)sql",
      // 5: FTS5 keeps up to 16 MB of new terms in memory before writing them
      // as a segment (default 1 MB): fewer, larger segments, less merging
      // during ingest (5% faster on 100,000 records).
      R"sql(
INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('hashsize', 16777216);
)sql",
      // 6: the top-k index (store/topk_index.h), built by `dipmine optimize`:
      // per term its block maxima, per block its rows' lengths, languages, years.
      // Its 'state' row goes whenever a paragraph is deleted or changed or a
      // document's year changes; new paragraphs are seen by their ids.
      R"sql(
CREATE TABLE topk_meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE topk_terms(term TEXT PRIMARY KEY, df INTEGER NOT NULL, blocks BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE topk_rows(block INTEGER PRIMARY KEY, lengths BLOB NOT NULL);
CREATE TABLE topk_row_filters(block INTEGER PRIMARY KEY, langs BLOB NOT NULL, years BLOB NOT NULL);
CREATE TRIGGER topk_stale_delete AFTER DELETE ON paragraphs BEGIN
  DELETE FROM topk_meta WHERE key = 'state';
END;
CREATE TRIGGER topk_stale_update AFTER UPDATE ON paragraphs BEGIN
  DELETE FROM topk_meta WHERE key = 'state';
END;
CREATE TRIGGER topk_stale_year AFTER UPDATE OF year ON documents BEGIN
  DELETE FROM topk_meta WHERE key = 'state';
END;
)sql",
      // 7: word pairs for bounds of phrases, AND and NEAR (store/topk_pairs.h);
      // the next optimize builds them (an index without them stays correct).
      R"sql(
CREATE TABLE topk_pairs(first TEXT NOT NULL, second TEXT NOT NULL, df INTEGER NOT NULL,
                        blocks BLOB NOT NULL, PRIMARY KEY(first, second)) WITHOUT ROWID;
CREATE TABLE topk_together(first TEXT NOT NULL, second TEXT NOT NULL, df INTEGER NOT NULL,
                           blocks BLOB NOT NULL, PRIMARY KEY(first, second)) WITHOUT ROWID;
CREATE TABLE topk_together_boosted(first TEXT NOT NULL, second TEXT NOT NULL, df INTEGER NOT NULL,
                                   blocks BLOB NOT NULL, PRIMARY KEY(first, second)) WITHOUT ROWID;
CREATE TABLE topk_wide_terms(term TEXT PRIMARY KEY, rows BLOB NOT NULL) WITHOUT ROWID;
DELETE FROM topk_meta WHERE key = 'state';
)sql",
      // 8: facts about the store as a whole (store/store_state.h): the
      // lexicon's fingerprint, the shard a store holds, the shards merged in.
      R"sql(
CREATE TABLE store_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql",
      // 9: pairs together per run of blocks, for those the budget leaves out
      // of topk_together (store/topk_pairs.h). The index stays fresh and
      // exact without them; the next optimize builds them.
      R"sql(
CREATE TABLE topk_together_coarse(first TEXT NOT NULL, second TEXT NOT NULL, df INTEGER NOT NULL,
                                  blocks BLOB NOT NULL, PRIMARY KEY(first, second)) WITHOUT ROWID;
)sql",
      // 10: what ingest said about a document (what it left out, warnings),
      // kept with it: a batch of thousands of files scrolls them away.
      R"sql(
CREATE TABLE document_notes(doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                            ordinal INTEGER NOT NULL, message TEXT NOT NULL,
                            PRIMARY KEY(doc_id, ordinal)) WITHOUT ROWID;
)sql",
  };
  return list;
}

}  // namespace

int current_schema_version() { return static_cast<int>(migrations().size()); }

namespace {

int schema_version_of(Database& db) {
  Statement v(db, "PRAGMA user_version");
  v.step();
  const int have = static_cast<int>(v.column_int(0));
  const int want = current_schema_version();
  if (have < 0) {
    throw Error(fmt::format("{}: not a dipmine database (schema version {} is negative)", db.path(),
                            have));
  }
  if (have > want) {
    throw Error(fmt::format("{}: schema version {} was made by a newer dipmine (this one knows {})",
                            db.path(), have, want));
  }
  return have;
}

}  // namespace

void check_readable_schema(Database& db) {
  const int have = schema_version_of(db);
  if (have < current_schema_version()) {
    throw Error(fmt::format("{}: schema version {} is older than this dipmine's {} and a read-only "
                            "store cannot be upgraded: run a command that writes (`dipmine "
                            "optimize`) once with write access",
                            db.path(), have, current_schema_version()));
  }
}

void migrate(Database& db) {
  const int have = schema_version_of(db);
  const int want = current_schema_version();
  if (have == want) return;
  Transaction tx(db);
  for (int i = have; i < want; ++i) {
    try {
      db.exec(migrations()[static_cast<size_t>(i)]);
    } catch (const Error&) {
      throw Error(fmt::format("{}: cannot upgrade the store from schema version {} to {} "
                              "(migration {} failed: {}); the store is unchanged",
                              db.path(), have, want, i + 1, sqlite3_errmsg(db.handle())));
    }
  }
  db.exec(fmt::format("PRAGMA user_version = {}", want));
  tx.commit();
}

}  // namespace dipmine::store

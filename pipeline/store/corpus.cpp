#include "store/corpus.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <map>
#include <mutex>
#include <tuple>

#include "common/error.h"
#include "store/fts_tokenizer.h"
#include "store/ranking.h"
#include "store/schema.h"

namespace dipmine::store {
namespace {


constexpr const char* kDocumentColumns =
    "d.id, d.path, d.name, d.sha256, d.title, d.lang, d.authors, d.source, d.doi, d.venue, "
    "d.format, d.charset, d.year, d.bytes, d.added_at, "
    "(SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id)";

DocumentInfo read_document(Statement& q) {
  DocumentInfo d;
  d.id = q.column_int(0);
  d.path = q.column_text(1);
  d.name = q.column_text(2);
  d.sha256 = q.column_text(3);
  d.title = q.column_text(4);
  d.lang = q.column_text(5);
  d.authors = q.column_text(6);
  d.source = q.column_text(7);
  d.doi = q.column_text(8);
  d.venue = q.column_text(9);
  d.format = q.column_text(10);
  d.charset = q.column_text(11);
  if (!q.column_is_null(12)) d.year = static_cast<int>(q.column_int(12));
  d.bytes = q.column_int(13);
  d.added_at = q.column_text(14);
  d.paragraphs = q.column_int(15);
  return d;
}

std::optional<DocumentInfo> one_document(Database& db, const std::string& where,
                                         const std::function<void(Statement&)>& bind) {
  Statement q(db, fmt::format("SELECT {} FROM documents d WHERE {}", kDocumentColumns, where));
  bind(q);
  if (!q.step()) return std::nullopt;
  return read_document(q);
}

}  // namespace

Statement& Corpus::cached(const char* sql) {
  std::unique_ptr<Statement>& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<Statement>(db_, sql);
  } else {
    slot->reset();
  }
  return *slot;
}

int Corpus::schema_version() {
  Statement v(db_, "PRAGMA user_version");
  v.step();
  return static_cast<int>(v.column_int(0));  // user_version is a 32-bit signed integer
}

namespace {

std::string lower_ascii(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

}  // namespace

std::optional<int64_t> Corpus::first_int(const char* sql, std::optional<std::string_view> key) {
  Statement& q = cached(sql);
  if (key) q.bind(1, *key);
  const bool found = q.step();
  const int64_t value = found ? q.column_int(0) : 0;
  q.reset();
  if (!found) return std::nullopt;
  return value;
}

int64_t Corpus::data_version() { return first_int("PRAGMA data_version").value_or(0); }

void Corpus::start_remembering_keys() {
  const bool empty = first_int("SELECT EXISTS (SELECT 1 FROM documents)").value_or(0) == 0;
  remembered_ = RememberedKeys{};
  if (!empty) return;
  remembered_.on = true;
  remembered_.data_version = data_version();
}

void Corpus::check_remembered_keys() {
  // data_version changes when ANOTHER connection commits to the database.
  if (remembered_.on && data_version() != remembered_.data_version) remembered_ = RememberedKeys{};
}

bool Corpus::may_have_doi(const std::string& doi) const {
  return !remembered_.on || remembered_.dois.may_contain(lower_ascii(doi));
}

std::optional<int64_t> Corpus::find_by_sha(const std::string& sha256) {
  if (remembered_.on && !remembered_.sha256.may_contain(sha256)) return std::nullopt;
  return first_int("SELECT id FROM documents WHERE sha256 = ?", sha256);
}

std::optional<DocumentInfo> Corpus::find_by_path(const std::string& path) {
  if (remembered_.on && !remembered_.paths.may_contain(path)) return std::nullopt;
  // Most paths are new: look for the id first, cheaply, before the full row.
  const std::optional<int64_t> id =
      first_int("SELECT id FROM documents WHERE path = ? ORDER BY id DESC LIMIT 1", path);
  if (!id) return std::nullopt;
  return document(*id);
}

std::optional<DocumentInfo> Corpus::document(int64_t id) {
  return one_document(db_, "d.id = ?", [&](Statement& q) { q.bind(1, id); });
}

std::vector<StoredParagraph> Corpus::paragraphs(int64_t doc_id, int64_t first, int64_t last) {
  Statement& q = cached(
      "SELECT ordinal, lang, text FROM paragraphs WHERE doc_id = ? AND ordinal BETWEEN ? AND ? "
      "ORDER BY ordinal");
  q.bind(1, doc_id);
  q.bind(2, first);
  q.bind(3, last);
  std::vector<StoredParagraph> out;
  while (q.step()) out.push_back({q.column_int(0), q.column_text(1), q.column_text(2)});
  q.reset();
  return out;
}

std::vector<std::pair<int64_t, std::string>> Corpus::notes(std::optional<int64_t> doc_id) {
  Statement& q = cached(
      "SELECT doc_id, message FROM document_notes WHERE ?1 IS NULL OR doc_id = ?1 ORDER BY doc_id, ordinal");
  q.bind(1, doc_id);
  std::vector<std::pair<int64_t, std::string>> out;
  while (q.step()) out.emplace_back(q.column_int(0), q.column_text(1));
  q.reset();
  return out;
}

namespace {

// Why the inserts look the way they do. FTS5 (SQLite 3.40) writes its pending
// terms out as a new segment at every statement savepoint, and SQLite opens
// one for a statement that writes several rows and may abort half-way: a
// trigger on paragraphs did that for every paragraph (ingest ran 2.5x slower;
// migration 3 dropped it). So the index row is a statement of its own, and
// the multi-row INSERTs below cannot abort: OR IGNORE (no row violates a
// constraint anyway) and, under a BulkWrite, foreign-key checks off.
// Checked with instruction counts: 22% fewer in the writer than one row a
// statement; with a savepoint they would double.
constexpr size_t kRowsPerInsert = 16;
constexpr const char* kMentionInsert =
    "INSERT OR IGNORE INTO mentions(doc_id, paragraph_id, sentence, concept_id, start, end, form) "
    "VALUES";
constexpr const char* kKeywordInsert =
    "INSERT OR IGNORE INTO keywords(doc_id, kind, keyword, key, lang) VALUES";

// "PREFIX (?,...),(?,...)" with `rows` rows of `columns` parameters, kept for
// the process lifetime (Corpus::cached keys statements by the SQL's address).
const char* multi_row_sql(const char* prefix, int columns, size_t rows) {
  static std::mutex m;
  static std::map<std::tuple<const char*, int, size_t>, std::string> made;
  const std::lock_guard<std::mutex> lock(m);
  std::string& sql = made[{prefix, columns, rows}];
  if (sql.empty()) {
    sql = prefix;
    for (size_t r = 0; r < rows; ++r) {
      sql += r == 0 ? "(" : ",(";
      for (int c = 0; c < columns; ++c) sql += c == 0 ? "?" : ",?";
      sql += ")";
    }
  }
  return sql.c_str();
}

}  // namespace

template <typename BindRow>
void Corpus::insert_rows(const char* prefix, int columns, size_t n, BindRow bind_row) {
  for (size_t done = 0; done < n;) {
    const size_t rows = std::min(kRowsPerInsert, n - done);
    Statement& q = cached(multi_row_sql(prefix, columns, rows));
    for (size_t r = 0; r < rows; ++r) bind_row(q, static_cast<int>(r) * columns + 1, done + r);
    q.run();
    done += rows;
  }
}

int64_t Corpus::insert(const DocumentRecord& doc) {
  Statement& d = cached(
      "INSERT INTO documents(path, name, sha256, title, year, lang, authors, source, "
      "doi, venue, format, charset, bytes, id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  // bind_ref: no copies; `doc` outlives each run().
  d.bind_ref(1, doc.path).bind_ref(2, doc.name).bind_ref(3, doc.sha256).bind_ref(4, doc.title);
  d.bind(5, doc.year).bind_ref(6, doc.lang).bind_ref(7, doc.authors).bind_ref(8, doc.source);
  d.bind_ref(9, doc.doi).bind_ref(10, doc.venue).bind_ref(11, doc.format);
  d.bind_ref(12, doc.charset).bind(13, doc.bytes).bind(14, doc.id);  // NULL: the next free id
  d.run();
  const int64_t doc_id = sqlite3_last_insert_rowid(db_.handle());
  if (remembered_.on) {
    remembered_.sha256.insert(doc.sha256);
    remembered_.paths.insert(doc.path);
    if (!doc.doi.empty()) remembered_.dois.insert(lower_ascii(doc.doi));
  }

  append_paragraphs(doc_id, 0, doc.paragraphs);
  insert_rows(kKeywordInsert, 5, doc.keywords.size(), [&](Statement& k, int col, size_t r) {
    const KeywordRecord& kw = doc.keywords[r];
    k.bind(col, doc_id).bind_ref(col + 1, kw.kind).bind_ref(col + 2, kw.keyword);
    k.bind_ref(col + 3, kw.key).bind_ref(col + 4, kw.lang);
  });
  for (size_t i = 0; i < doc.notes.size(); ++i) {
    Statement& n = cached("INSERT INTO document_notes(doc_id, ordinal, message) VALUES(?,?,?)");
    n.bind(1, doc_id).bind(2, static_cast<int64_t>(i)).bind_ref(3, doc.notes[i]);
    n.run();
  }
  return doc_id;
}

void Corpus::append_paragraphs(int64_t doc_id, size_t first_ordinal,
                               const std::vector<ParagraphRecord>& paragraphs) {
  Statement& p = cached("INSERT INTO paragraphs(doc_id, ordinal, lang, text) VALUES(?,?,?,?)");
  // The index row is written here, not by a trigger (see schema.cpp, migration 3).
  Statement& f = cached("INSERT INTO paragraphs_fts(rowid, text) VALUES(?,?)");
  std::vector<std::pair<int64_t, const MentionRecord*>> mentions;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const ParagraphRecord& para = paragraphs[i];
    p.bind(1, doc_id).bind(2, static_cast<int64_t>(first_ordinal + i));
    p.bind_ref(3, text::lang_name(para.lang)).bind_ref(4, para.text);
    p.run();
    const int64_t para_id = sqlite3_last_insert_rowid(db_.handle());
    f.bind(1, para_id).bind_ref(2, para.text);
    {
      const PrecomputedTerms handover(para.text, para.terms);  // the tokenizer takes them
      f.run();
    }
    for (const MentionRecord& mention : para.mentions) mentions.emplace_back(para_id, &mention);
  }
  // Mentions and keywords, most of a document's rows, go 16 rows a statement.
  insert_rows(kMentionInsert, 7, mentions.size(), [&](Statement& m, int col, size_t r) {
    const auto& [para_id, mention] = mentions[r];
    m.bind(col, doc_id).bind(col + 1, para_id).bind(col + 2, mention->sentence);
    m.bind_ref(col + 3, mention->concept_id).bind(col + 4, static_cast<int64_t>(mention->start));
    m.bind(col + 5, static_cast<int64_t>(mention->end)).bind_ref(col + 6, mention->form);
  });
}

void Corpus::set_lang(int64_t doc_id, const std::string& lang) {
  Statement& q = cached("UPDATE documents SET lang = ? WHERE id = ?");
  q.bind(1, lang).bind(2, doc_id);
  q.run();
}

void Corpus::set_path(int64_t doc_id, const std::string& path, const std::string& name) {
  Statement& q = cached("UPDATE documents SET path = ?, name = ? WHERE id = ?");
  q.bind(1, path).bind(2, name).bind(3, doc_id);
  q.run();
}

BulkWrite::BulkWrite(Corpus& corpus) : db_(corpus.db()) {
  rollback_journal_ = db_.try_journal_mode("delete");
  db_.exec("PRAGMA wal_autocheckpoint = 16384; PRAGMA foreign_keys = OFF; "
           "PRAGMA cache_size = -65536;");
}

BulkWrite::~BulkWrite() {
  try {
    db_.exec("PRAGMA wal_autocheckpoint = 1000; PRAGMA foreign_keys = ON; "
             "PRAGMA cache_size = -2000;");
    // If a reader came meanwhile, the store stays in rollback mode until the
    // next open switches it (Corpus::open).
    if (rollback_journal_) db_.try_journal_mode("wal");
  } catch (const std::exception&) {
    // Only fails when the connection is already broken; closing will say so.
  }
}

bool Corpus::remove(int64_t id) {
  // Child rows first, explicitly: ingest runs with foreign-key checks off
  // (BulkWrite), where ON DELETE CASCADE does not fire. The paragraphs'
  // delete trigger takes them out of the full-text index.
  for (const char* sql : {"DELETE FROM mentions WHERE doc_id = ?",
                          "DELETE FROM keywords WHERE doc_id = ?",
                          "DELETE FROM document_notes WHERE doc_id = ?",
                          "DELETE FROM paragraphs WHERE doc_id = ?"}) {
    Statement& c = cached(sql);
    c.bind(1, id);
    c.run();
  }
  Statement& q = cached("DELETE FROM documents WHERE id = ?");
  q.bind(1, id);
  q.run();
  return sqlite3_changes(db_.handle()) > 0;
}

std::vector<DocumentInfo> Corpus::documents() {
  std::vector<DocumentInfo> out;
  Statement q(db_, fmt::format("SELECT {} FROM documents d ORDER BY d.id", kDocumentColumns));
  while (q.step()) out.push_back(read_document(q));
  return out;
}

std::vector<LangYearCount> Corpus::counts_by_lang() {
  // Every language of a document or a paragraph, "" (unknown) last.
  std::vector<LangYearCount> out;
  Statement q(db_,
              "SELECT lang, sum(main), sum(any_paragraph), sum(paragraphs), sum(bytes) FROM ("
              "  SELECT coalesce(lang, '') AS lang, count(*) AS main, 0 AS any_paragraph, 0 AS paragraphs,"
              "         0 AS bytes FROM documents GROUP BY 1"
              "  UNION ALL"
              "  SELECT coalesce(lang, ''), 0, count(DISTINCT doc_id), count(*), sum(length(CAST(text AS BLOB)))"
              "  FROM paragraphs GROUP BY 1) "
              "GROUP BY lang ORDER BY lang = '', lang");
  while (q.step()) {
    LangYearCount c;
    c.lang = q.column_text(0);
    c.documents = q.column_int(1);
    c.with_paragraphs = q.column_int(2);
    c.paragraphs = q.column_int(3);
    c.bytes = q.column_int(4);
    out.push_back(c);
  }
  return out;
}

std::vector<LangYearCount> Corpus::counts_by_year() {
  std::vector<LangYearCount> out;
  Statement q(db_,
              // bytes: of the stored paragraphs, as counts_by_lang counts them
              // (documents.bytes is the whole decoded text, blank lines too), so
              // both tables of `stats` end on the same total.
              "SELECT year AS y, sum(docs), sum(paras), sum(bytes) FROM ("
              "  SELECT year, count(*) AS docs, 0 AS paras, 0 AS bytes FROM documents GROUP BY 1"
              "  UNION ALL"
              "  SELECT d.year, 0, count(*), sum(length(CAST(p.text AS BLOB)))"
              "  FROM paragraphs p JOIN documents d ON d.id = p.doc_id GROUP BY 1"
              ") GROUP BY y ORDER BY y IS NULL, y");
  while (q.step()) {
    LangYearCount c;
    if (!q.column_is_null(0)) c.year = static_cast<int>(q.column_int(0));
    c.documents = q.column_int(1);
    c.paragraphs = q.column_int(2);
    c.bytes = q.column_int(3);
    out.push_back(c);
  }
  return out;
}

}  // namespace dipmine::store

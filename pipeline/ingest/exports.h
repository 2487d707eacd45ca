// Ingest's side of bibliographic exports (pipeline/bib reads them): the
// parallel-stage step that turns an export file into records, and the
// writer-side rules that keep one document per paper.
//
//   if (auto ex = read_export_records(path, file, options)) { ...ex->records... }
//   ExportWriter w(corpus);                       // in the serial writer
//   if (w.place(rec, report)) continue;           // merged or attached: done
//
// Rules (docs/bib.md):
// - A record whose DOI (case-insensitive) is already on a document at another
//   path, and whose title agrees with that document's (bib::titles_agree), is
//   not added again: "merged as duplicate". One whose title does not agree is
//   added, with a warning naming both. The stored document keeps
//   its text; it gains the record's keywords it lacks and any metadata it has
//   empty (year, authors, venue, source).
// - A PDF whose first pages give the DOI of a record document, or whose title
//   (from --title/manifest, or one of its first paragraphs) equals a record
//   document's title (folded), attaches to it: the PDF's full text replaces the
//   record's title and abstract paragraphs (it contains them), the record's
//   metadata and keywords are kept, and the document takes the PDF's path and
//   SHA-256, so that ingesting the PDF again finds it unchanged.
// The writer functions run inside the writer's open transaction.
#pragma once
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bib/bib.h"
#include "ingest/ingest.h"
#include "store/corpus.h"
#include "store/document.h"

namespace dipmine::ingest {

struct ExportRecords {
  std::vector<store::DocumentRecord> records;  // sha256 set, enriched
  std::vector<std::string> messages;           // skipped entries, file:line
  size_t entries = 0, skipped = 0;
};

// What the parallel stage does to each parsed record: --lang/--year, the
// SHA-256 identity, options.enrich. Safe from several threads at once.
void finish_export_record(store::DocumentRecord& rec, const IngestOptions& options);
// The records of `file` if it is a bibliographic export, else nullopt, each
// finished (in parallel). Never throws for bad content. For an export that
// looks_like_export missed (its opening bytes are not UTF-8).
std::optional<ExportRecords> read_export_records(const std::string& path, const DecodedFile& file,
                                                 const IngestOptions& options);
// True when the opening bytes of the file at `path` (or its name) say it is a
// bibliographic export, read or not: ingest then streams it (ExportStream)
// or fails it (unsupported_export_error).
bool looks_like_export(const std::string& path);
// "PATH: looks like an IEEE Xplore CSV export, which dipmine does not read;
// ..." for a file that is an export of a format without a reader; "" else.
std::string unsupported_export_error(const std::string& path, const DecodedFile& file);
// The same judged on the file's opening bytes, for a file that could not be
// decoded as text (a binary Citavi project).
std::string unsupported_export_error(const std::string& path);
// The error that fails an export file once read: no record at all, or most
// entries skipped ("PATH: 56 of 58 records could not be read ..."); "" when
// the file is good.
std::string export_failure(const std::string& path, size_t records, size_t entries,
                           size_t skipped);

// An export parsed on a thread of its own, its records handed out in slices as
// they are read: enriching and writing start with the first record instead of
// after the last, and at most `capacity` parsed records wait in memory.
//
//   ExportStream s(path, std::move(file), format);
//   while (auto slice = s.next(256); !slice.empty()) use(slice);
//   ExportRecords summary = s.summary();   // messages, entries, skipped
class ExportStream {
 public:
  ExportStream(std::string path, DecodedFile file, bib::Format format, size_t capacity = 4096);
  ~ExportStream();  // stops the parse if it is still running
  ExportStream(const ExportStream&) = delete;
  ExportStream& operator=(const ExportStream&) = delete;

  // Up to `n` records in file order, waiting until at least one is ready;
  // empty once the export is exhausted.
  std::vector<store::DocumentRecord> next(size_t n);
  // After next() has returned empty: what the parse reported (records empty).
  // A parse that threw reports it as a message.
  ExportRecords summary();

 private:
  void parse();

  std::string path_;
  DecodedFile file_;
  bib::Format format_;
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<store::DocumentRecord> queue_;
  bool done_ = false, stop_ = false;
  ExportRecords summary_;
  std::thread thread_;
};

// True for the formats of export records ("ris", "bibtex", ...).
bool is_export_format(const std::string& format);

// The texts that may be a PDF's title, to be compared (folded) with records'
// titles: its title (declared, and shown on its first page), each of its first
// five paragraphs under 400 bytes, and the first one, two and three lines of
// each (a title set like the body text runs into it; a long one wraps).
std::vector<std::string> pdf_title_candidates(const store::DocumentRecord& pdf);

class ExportWriter {
 public:
  explicit ExportWriter(store::Corpus& corpus) : corpus_(corpus) {}

  // Applies the rules above to a record about to be inserted (not unchanged).
  // True when the record was merged or attached (the caller inserts nothing);
  // counts and messages go to `report`.
  bool place(store::DocumentRecord& rec, IngestReport& report);
  // A record with the same identity (SHA-256) as document `same_id` stored
  // from another path (the same paper in a second export): merged into it as
  // a duplicate, true. False when it is the same record at the same path
  // (unchanged).
  bool merge_same(int64_t same_id, const store::DocumentRecord& rec, IngestReport& report);
  // Tells the writer a document was inserted (keeps the title index fresh).
  void inserted(const store::DocumentRecord& rec);

 private:
  // Every document with this DOI (case-insensitive), oldest first.
  std::vector<store::DocumentInfo> find_by_doi(const std::string& doi);
  std::optional<int64_t> attach_target(const store::DocumentRecord& pdf);
  void merge_into(const store::DocumentInfo& doc, const store::DocumentRecord& rec);
  void attach(const store::DocumentInfo& doc, store::DocumentRecord& pdf);

  store::Corpus& corpus_;
  std::optional<store::Statement> doi_query_;
  std::map<std::string, int64_t> titles_;  // folded title -> record document id
  bool titles_fresh_ = false;
};

}  // namespace dipmine::ingest

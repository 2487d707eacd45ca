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
//   path is not added again: "merged as duplicate". The stored document keeps
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
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "store/corpus.h"
#include "store/document.h"

namespace dipmine::ingest {

struct ExportRecords {
  std::vector<store::DocumentRecord> records;  // sha256 set, enriched
  std::vector<std::string> messages;           // skipped entries, file:line
  size_t entries = 0, skipped = 0;
};

// The records of `file` if it is a bibliographic export, else nullopt: parsed
// only (finish_export_record not yet run). Never throws for bad content.
std::optional<ExportRecords> parse_export_records(const std::string& path,
                                                  const DecodedFile& file);
// What the parallel stage does to each parsed record: --lang/--year, the
// SHA-256 identity, options.enrich. Safe from several threads at once.
void finish_export_record(store::DocumentRecord& rec, const IngestOptions& options);
// parse_export_records, then finish_export_record on every record in parallel.
std::optional<ExportRecords> read_export_records(const std::string& path, const DecodedFile& file,
                                                 const IngestOptions& options);
// True when the opening bytes of the file at `path` (or its name) say it is a
// bibliographic export: ingest then parses it up front and sends its records
// down the pipeline in slices, so that enriching overlaps writing.
bool looks_like_export(const std::string& path);

// True for the formats of export records ("ris", "bibtex", ...).
bool is_export_format(const std::string& format);

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
  std::optional<store::DocumentInfo> find_by_doi(const std::string& doi);
  std::optional<int64_t> attach_target(const store::DocumentRecord& pdf);
  void merge_into(const store::DocumentInfo& doc, const store::DocumentRecord& rec);
  void attach(const store::DocumentInfo& doc, store::DocumentRecord& pdf);

  store::Corpus& corpus_;
  std::optional<store::Statement> doi_query_;
  std::map<std::string, int64_t> titles_;  // folded title -> record document id
  bool titles_fresh_ = false;
};

}  // namespace dipmine::ingest

// Ingest: files in, whole documents out in the store.
//
//   IngestOptions opt;  opt.threads = 2;
//   IngestReport r = ingest_paths({"corpus/"}, opt, corpus);
//   // r.added, r.unchanged, r.updated, r.failed, r.messages
//
// A oneTBB parallel_pipeline: a serial in-order stage walks the paths, a
// parallel stage reads, decodes, splits, detects languages and runs the
// `enrich` hook (normalising, matching, index terms), and a single serial
// writer stores documents in batched transactions. Tokens in flight bound the
// memory: it does not grow with the corpus.
//
// Identity is the SHA-256 of the decoded text: a document already stored is
// "unchanged" (or replaced with `force`); a path stored with other text is
// "updated". A file that cannot be ingested gets one message naming it and the
// rest go on; the store then holds exactly the good documents. Each document is
// committed whole, so killing the process leaves only whole documents behind.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ingest/manifest.h"
#include "ingest/reader.h"
#include "store/corpus.h"
#include "store/document.h"

namespace dipmine::ingest {

struct IngestOptions {
  int threads = 0;                          // 0 = all cores
  bool force = false;                       // replace documents already stored
  std::optional<text::Lang> lang;           // force every paragraph's language
  std::optional<int> year;                  // --year for every document
  std::string title;                        // --title (single file only)
  const Manifest* manifest = nullptr;       // metadata by file name
  ReadOptions read;
  // A transaction is committed after this long or this many bytes of text,
  // whichever comes first: a crash loses at most that much work, and commits
  // stay rare enough to cost nothing (each one writes an FTS5 segment).
  double batch_seconds = 0.5;
  size_t batch_bytes = 32u << 20;
  // Runs in the parallel stage on each good document (normalise, match, terms).
  std::function<void(store::DocumentRecord&)> enrich;
  // Called by the writer after every file with the file's bytes (progress).
  std::function<void(uint64_t bytes_done, size_t files_done)> progress;
};

struct IngestReport {
  size_t added = 0, updated = 0, unchanged = 0, failed = 0;
  std::vector<std::string> messages;  // one line per failed or skipped file
  // Bibliographic exports (see ingest/exports.h): export files read, their
  // entries read (good + skipped), records added as new documents, records
  // merged into a document with the same DOI, entries skipped as malformed,
  // and PDFs attached to a record document (also counted in `updated`).
  size_t export_files = 0, records_read = 0, records_added = 0, records_merged = 0,
         records_skipped = 0, attached = 0;
  // The store filled up (disk full or a size limit): the counts above are
  // what the last commit stored (the store holds whole documents only), and
  // `not_ingested` files (from the one whose batch rolled back) were not.
  bool store_full = false;
  size_t not_ingested = 0;
};

// Expands files and folders (recursively, sorted) into the files to ingest.
// A path that does not exist or cannot be read (a symlink loop), a folder with
// no file, becomes a message (a failure). Skipped on purpose, each kind
// counted in one line of `notes` per folder: hidden files and folders, FIFOs,
// devices and sockets (unless allow_special), links to folders (not followed),
// a saved web page's resource folder (NAME_files beside NAME.html).
// The corpus manifest.tsv and README.md are not documents.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::vector<std::string>& messages,
                                      std::vector<std::string>* notes = nullptr,
                                      bool allow_special = false);

// The manifest ingest reads when none is given: manifest.tsv in the first of
// `paths` that is a folder holding one; "" when there is none.
std::string default_manifest(const std::vector<std::string>& paths);

// Builds the record for one decoded file (paragraphs, languages, metadata).
// A year of a Persian document in 1300..1499 is read as Solar Hijri
// (common/years.h); `notes`, if given, gets a line saying so.
store::DocumentRecord make_record(const std::string& path, DecodedFile&& file,
                                  const IngestOptions& options, std::vector<std::string>* notes = nullptr);

IngestReport ingest_files(const std::vector<std::string>& files, const IngestOptions& options,
                          store::Corpus& corpus);

// Hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace dipmine::ingest

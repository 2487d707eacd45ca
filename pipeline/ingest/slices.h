// Ingest's units of work (ingest.cpp): an Item is one file, or one slice of a
// file, in flight through the pipeline. Large files travel as slices made in
// the serial input stage: bibliographic exports as slices of records
// (ExportSlicer, ingest/exports.h), large plain-text files as slices of text
// (TextSlicer, ingest/text_stream.h). Internal to the ingest module.
#pragma once
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bib/bib.h"
#include "ingest/aozora.h"
#include "ingest/exports.h"
#include "ingest/formats.h"
#include "ingest/ingest.h"
#include "ingest/text_stream.h"

namespace dipmine::ingest::detail {

namespace fs = std::filesystem;

// One file in flight. A plain file yields one record; a bibliographic export
// yields one per entry.
struct Item {
  std::string path;
  uint64_t file_bytes = 0;
  std::vector<store::DocumentRecord> records;
  std::string error;                  // the whole file failed
  std::vector<std::string> messages;  // parts of it were skipped
  bool is_export = false;             // a bibliographic export (exports.h)
  size_t entries = 0, skipped = 0;    // its entries read and skipped
  // An export travels as slices of records (parsed, not yet finished); the
  // last slice carries the parse summary and counts the file.
  bool prepared = false;
  bool counts_file = true;
  // A large plain-text file travels as slices of text (text_stream.h): the
  // first carries the document's identity, the last (empty) ends it.
  bool streamed = false, first_slice = false, last_slice = false;
  std::string slice, sha256, charset;
  uint64_t text_bytes = 0;
};

// Records of one export per pipeline token: enough to amortise a token, few
// enough that enriching one slice overlaps writing the previous one.
constexpr size_t kSliceRecords = 256;

// The input stage's side of exports: opens a file judged an export as an
// ExportStream and turns the stream into slices. Runs only in the serial
// input stage.
class ExportSlicer {
 public:
  explicit ExportSlicer(const IngestOptions& options) : options_(options) {}

  // Starts streaming `path`. Returns nullptr when the stream is open (take
  // slices with next_slice), else the item to send instead: a read error, or
  // the file as an ordinary document when its content is not an export.
  Item* open(const std::string& path) {
    auto item = std::make_unique<Item>();
    item->path = path;
    std::error_code ec;
    bytes_ = fs::file_size(path, ec);
    DecodedFile file = read_document_file(path, options_.read);
    if (!file.error.empty()) {
      item->error = unsupported_export_error(path);
      if (item->error.empty()) item->error = std::move(file.error);
      item->file_bytes = bytes_;
      return item.release();
    }
    const std::optional<bib::Format> format =
        file.format != "text" && file.format != "markdown" ? std::nullopt : bib::detect_format(path, file.text);
    if (!format) {
      // An export of a kind we do not read fails here; ordinary text goes on
      // to the parallel stage as a document.
      item->error = unsupported_export_error(path, file);
      if (!item->error.empty()) item->file_bytes = bytes_;
      return item.release();
    }
    path_ = path;
    records_ = 0;
    stream_ = std::make_unique<ExportStream>(path, std::move(file), *format);
    return nullptr;
  }

  bool streaming() const { return stream_ != nullptr; }

  // The next slice of the open stream; the last one carries the summary and
  // closes the stream.
  Item* next_slice() {
    auto item = std::make_unique<Item>();
    item->path = path_;
    item->is_export = true;
    item->prepared = true;
    item->records = stream_->next(kSliceRecords);
    records_ += item->records.size();
    if (!item->records.empty()) {
      item->counts_file = false;
      return item.release();
    }
    ExportRecords summary = stream_->summary();
    stream_.reset();
    item->messages = std::move(summary.messages);
    item->entries = summary.entries;
    item->skipped = summary.skipped;
    item->file_bytes = bytes_;
    item->error = export_failure(path_, records_, summary.entries, summary.skipped);
    return item.release();
  }

 private:
  const IngestOptions& options_;
  std::unique_ptr<ExportStream> stream_;
  std::string path_;
  uint64_t bytes_ = 0;
  size_t records_ = 0;
};

// The input stage's side of large plain-text files: the first pass (checks,
// charset, SHA-256) when opened, then one slice of text per call.
class TextSlicer {
 public:
  explicit TextSlicer(const IngestOptions& options) : options_(options) {}

  // Starts streaming `path`; nullptr when the stream is open, else the item
  // that reports why the file cannot be read.
  Item* open(const std::string& path) {
    std::error_code ec;
    bytes_ = fs::file_size(path, ec);
    stream_ = std::make_unique<TextStream>(path, options_.read);
    if (!stream_->error().empty()) {
      auto* item = new Item;
      item->path = path;
      item->file_bytes = bytes_;
      item->error = stream_->error();
      stream_.reset();
      return item;
    }
    path_ = path;
    first_ = true;
    return nullptr;
  }

  bool streaming() const { return stream_ != nullptr; }

  Item* next_slice() {
    auto item = std::make_unique<Item>();
    item->path = path_;
    item->streamed = true;
    item->first_slice = first_;
    first_ = false;
    item->sha256 = stream_->sha256();
    item->charset = stream_->charset();
    item->text_bytes = stream_->text_bytes();
    if (item->first_slice) item->messages = stream_->notes();
    if (stream_->next(item->slice)) {
      // Aozora Bunko text (aozora.h): judged by the first slice, which holds
      // the header; its lines (so its markup) never cross a slice's end.
      if (item->first_slice) aozora_ = looks_like_aozora(item->slice);
      if (aozora_) {
        AozoraText a = strip_aozora(item->slice, item->first_slice);
        item->slice = std::move(a.text);
        readings_ += a.readings;
        notes_ += a.notes;
        header_lines_ += a.header_lines;
      }
      item->counts_file = false;
      return item.release();
    }
    if (aozora_) item->messages.push_back(aozora_note(path_, readings_, notes_, header_lines_));
    aozora_ = false;
    readings_ = notes_ = header_lines_ = 0;
    item->last_slice = true;
    item->file_bytes = bytes_;
    item->error = stream_->error();
    stream_.reset();
    return item.release();
  }

 private:
  const IngestOptions& options_;
  std::unique_ptr<TextStream> stream_;
  std::string path_;
  uint64_t bytes_ = 0;
  bool first_ = false;
  bool aozora_ = false;
  size_t readings_ = 0, notes_ = 0, header_lines_ = 0;
};

// A file to stream: plain text (not PDF) larger than kStreamFileBytes.
inline bool should_stream(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) <= kStreamFileBytes || ec) {
    return false;
  }
  // Only plain text streams: a PDF, web page or office document is read whole.
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  const InputFormat format = detect_format(path, head);
  return format == InputFormat::text || format == InputFormat::markdown;
}

}  // namespace dipmine::ingest::detail

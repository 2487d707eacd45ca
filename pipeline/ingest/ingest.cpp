#include "ingest/ingest.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <thread>

#include "ingest/exports.h"
#include "ingest/paragraphs.h"

namespace dipmine::ingest {
namespace {

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
  // An export is parsed by the input stage and travels as slices of records
  // (parsed, not yet finished); only the first slice counts the file.
  bool prepared = false;
  bool first_slice = true;
};

// Records of one export per pipeline token: enough to amortise a token, few
// enough that enriching one slice overlaps writing the previous one.
constexpr size_t kSliceRecords = 256;

// Reads and parses the export at `path` into slices appended to `out`. Nothing
// of the file is lost: read errors, skipped entries and an export without a
// good record come out as messages on the first slice.
void slice_export(const std::string& path, const IngestOptions& options, std::deque<Item*>& out) {
  auto first = std::make_unique<Item>();
  first->path = path;
  std::error_code ec;
  const uint64_t bytes = fs::file_size(path, ec);
  try {
    DecodedFile file = read_document_file(path, options.read);
    if (!file.error.empty()) {
      first->error = std::move(file.error);
      first->file_bytes = bytes;
      out.push_back(first.release());
      return;
    }
    std::optional<ExportRecords> ex = parse_export_records(path, file);
    if (!ex) {  // not an export after all: the parallel stage reads it as a document
      out.push_back(first.release());
      return;
    }
    first->is_export = true;
    first->prepared = true;
    first->messages = std::move(ex->messages);
    first->entries = ex->entries;
    first->skipped = ex->skipped;
    if (ex->records.empty()) first->error = fmt::format("{}: no record could be read", path);
    Item* slice = first.release();
    out.push_back(slice);
    for (size_t i = 0; i < ex->records.size(); ++i) {
      if (slice->records.size() == kSliceRecords) {
        slice = new Item;
        slice->path = path;
        slice->is_export = true;
        slice->prepared = true;
        slice->first_slice = false;
        out.push_back(slice);
      }
      slice->records.push_back(std::move(ex->records[i]));
    }
    slice->file_bytes = bytes;
  } catch (const std::exception& e) {
    first->error = fmt::format("{}: {}", path, e.what());
    first->file_bytes = bytes;
    out.push_back(first.release());
  }
}

bool hidden(const fs::path& p) {
  const std::string n = p.filename().string();
  return !n.empty() && n[0] == '.';
}

bool is_metadata_file(const fs::path& p) {
  // The corpus manifest and README describe the corpus; they are not documents.
  const std::string n = p.filename().string();
  return n == "manifest.tsv" || n == "README.md";
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::vector<std::string>& messages) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (hidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && !is_metadata_file(it->path())) found.push_back(it->path().string());
      }
      if (ec) messages.push_back(fmt::format("{}: cannot list folder: {}", p, ec.message()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      messages.push_back(fmt::format("{}: no such file or folder", p));
    }
  }
  return files;
}

store::DocumentRecord make_record(const std::string& path, DecodedFile&& file,
                                  const IngestOptions& options) {
  store::DocumentRecord rec;
  // The absolute path, so that the same file reached from another folder is
  // recognised as the same file.
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(path), ec);
  rec.path = ec ? path : abs.string();
  rec.name = fs::path(path).filename().string();
  rec.sha256 = sha256_hex(file.text);
  rec.format = file.format;
  rec.charset = file.charset;
  rec.bytes = static_cast<int64_t>(file.text.size());
  std::optional<text::Lang> forced = options.lang;
  if (options.manifest != nullptr) {
    if (const ManifestRow* row = options.manifest->find(rec.name)) {
      rec.title = row->title;
      rec.year = row->year;
      rec.authors = row->authors;
      rec.source = row->source;
    }
  }
  if (!options.title.empty()) rec.title = options.title;
  if (options.year) rec.year = options.year;
  std::map<text::Lang, size_t> bytes_by_lang;
  for (Paragraph& p : split_paragraphs(file.text, forced)) {
    bytes_by_lang[p.lang] += p.text.size();
    store::ParagraphRecord pr;
    pr.text = std::move(p.text);
    pr.lang = p.lang;
    rec.paragraphs.push_back(std::move(pr));
  }
  // The document's language: the one with most text (a Persian paper with an
  // English abstract is fa).
  size_t best = 0;
  for (const auto& [lang, n] : bytes_by_lang) {
    if (lang != text::Lang::none && n > best) {
      best = n;
      rec.lang = std::string(text::lang_name(lang));
    }
  }
  if (options.manifest != nullptr) {
    if (const ManifestRow* row = options.manifest->find(rec.name); row && !row->lang.empty()) {
      rec.lang = row->lang;
    }
  }
  return rec;
}

IngestReport ingest_files(const std::vector<std::string>& files, const IngestOptions& options,
                          store::Corpus& corpus) {
  IngestReport report;
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(threads));

  size_t next = 0;
  std::deque<Item*> slices;  // parsed export records waiting for the pipeline
  uint64_t bytes_done = 0;
  size_t files_done = 0;
  size_t batch_bytes = 0;
  std::chrono::steady_clock::time_point batch_start;
  std::optional<store::Transaction> tx;

  auto flush = [&] {
    if (tx) {
      tx->commit();
      tx.reset();
    }
    batch_bytes = 0;
  };

  ExportWriter exports(corpus);
  auto write = [&](Item& item) {
    if (item.first_slice) ++files_done;
    bytes_done += item.file_bytes;
    if (item.is_export && item.first_slice) {
      ++report.export_files;
      report.records_read += item.entries;
      report.records_skipped += item.skipped;
    }
    for (auto& m : item.messages) report.messages.push_back(std::move(m));
    if (!item.error.empty()) {
      ++report.failed;
      report.messages.push_back(item.error);
    }
    for (store::DocumentRecord& rec : item.records) {
      if (!tx) {
        tx.emplace(corpus.db());
        batch_start = std::chrono::steady_clock::now();
      }
      const std::optional<int64_t> same = corpus.find_by_sha(rec.sha256);
      if (same && !options.force) {
        if (item.is_export && exports.merge_same(*same, rec, report)) continue;
        ++report.unchanged;
        if (auto other = corpus.document(*same); other && other->path != rec.path) {
          report.messages.push_back(fmt::format("{}: same text as document {} ({}); not added again",
                                                item.path, *same, other->path));
        }
      } else {
        bool replaced = false;
        if (same) {
          corpus.remove(*same);
          replaced = true;
        }
        if (auto old = corpus.find_by_path(rec.path); old && old->sha256 != rec.sha256) {
          // The file changed since it was ingested: the new text replaces the old.
          corpus.remove(old->id);
          replaced = true;
        }
        if (!replaced && exports.place(rec, report)) continue;  // merged or attached
        corpus.insert(rec);
        exports.inserted(rec);
        if (item.is_export && !replaced) ++report.records_added;
        ++(replaced ? report.updated : report.added);
        batch_bytes += static_cast<size_t>(rec.bytes);
      }
      if (batch_bytes >= options.batch_bytes ||
          std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_start).count() >=
              options.batch_seconds) {
        flush();
      }
    }
    if (options.progress) options.progress(bytes_done, files_done);
  };

  tbb::parallel_pipeline(
      static_cast<size_t>(threads) * 4,
      tbb::make_filter<void, Item*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> Item* {
            while (slices.empty()) {
              if (next >= files.size()) {
                fc.stop();
                return nullptr;
              }
              const std::string& path = files[next++];
              if (!looks_like_export(path)) {
                auto* item = new Item;
                item->path = path;
                return item;
              }
              slice_export(path, options, slices);
            }
            Item* item = slices.front();
            slices.pop_front();
            return item;
          }) &
          tbb::make_filter<Item*, Item*>(
              tbb::filter_mode::parallel,
              [&](Item* item) -> Item* {
                try {
                  if (item->prepared) {
                    for (auto& r : item->records) finish_export_record(r, options);
                    return item;
                  }
                  std::error_code ec;
                  item->file_bytes = fs::file_size(item->path, ec);
                  DecodedFile file = read_document_file(item->path, options.read);
                  if (!file.error.empty()) {
                    item->error = std::move(file.error);
                    return item;
                  }
                  if (auto ex = read_export_records(item->path, file, options)) {
                    item->is_export = true;
                    item->records = std::move(ex->records);
                    item->messages = std::move(ex->messages);
                    item->entries = ex->entries;
                    item->skipped = ex->skipped;
                    if (item->records.empty()) {
                      item->error = fmt::format("{}: no record could be read", item->path);
                    }
                    return item;
                  }
                  store::DocumentRecord rec = make_record(item->path, std::move(file), options);
                  if (rec.paragraphs.empty()) {
                    item->error = fmt::format("{}: no text found; skipped", item->path);
                    return item;
                  }
                  item->records.push_back(std::move(rec));
                  if (options.enrich) {
                    for (auto& r : item->records) options.enrich(r);
                  }
                } catch (const std::exception& e) {
                  item->error = fmt::format("{}: {}", item->path, e.what());
                }
                return item;
              }) &
          tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* item) {
            std::unique_ptr<Item> owned(item);
            write(*item);
          }));
  for (Item* left : slices) delete left;  // only when the pipeline was cancelled
  flush();
  return report;
}

}  // namespace dipmine::ingest

#include "ingest/ingest.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <tbb/concurrent_queue.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

#include "bib/bib.h"
#include "common/error.h"
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
  // An export travels as slices of records (parsed, not yet finished); the
  // last slice carries the parse summary and counts the file.
  bool prepared = false;
  bool counts_file = true;
};

// Items the writer is done with, freed by whoever calls free_all (the parallel
// stage: freeing a slice's records was 6% of the writer's time) and, at the
// latest, when the queue goes, also if the pipeline stopped on an exception.
class WrittenItems {
 public:
  ~WrittenItems() { free_all(); }
  void push(Item* item) { queue_.push(item); }
  void free_all() {
    for (Item* done = nullptr; queue_.try_pop(done);) delete done;
  }

 private:
  tbb::concurrent_queue<Item*> queue_;
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
        file.format == "pdf" ? std::nullopt : bib::detect_format(path, file.text);
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
  // The digest is fetched once and each thread keeps its context: EVP_Digest
  // looks the algorithm up and allocates a context on every call, which cost
  // more than hashing a bibliographic record.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(),
                                                                            EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (sha256 == nullptr || ctx == nullptr || EVP_DigestInit_ex2(ctx.get(), sha256, nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &len) != 1) {
    throw Error("sha256: OpenSSL could not hash a document");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(len * 2, '0');
  for (unsigned int i = 0; i < len; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
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
    pr.detected = p.detected;
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
  ExportSlicer slicer(options);
  WrittenItems written;
  store::BulkWrite bulk(corpus);
  corpus.start_remembering_keys();
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
    if (item.counts_file) ++files_done;
    bytes_done += item.file_bytes;
    if (item.is_export && item.counts_file) {
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
        corpus.check_remembered_keys();
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

  // Enough items in flight for enrichment to go on through the writer's
  // commits (FTS5 writes and merges segments: 50-450 ms each); with 8, a
  // third of a core sat idle. Memory stays bounded by items, not the corpus.
  tbb::parallel_pipeline(
      std::max<size_t>(32, static_cast<size_t>(threads) * 4),
      tbb::make_filter<void, Item*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> Item* {
            while (!slicer.streaming()) {
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
              try {
                if (Item* instead = slicer.open(path)) return instead;
              } catch (const std::exception& e) {
                auto* item = new Item;
                item->path = path;
                item->error = fmt::format("{}: {}", path, e.what());
                return item;
              }
            }
            return slicer.next_slice();
          }) &
          tbb::make_filter<Item*, Item*>(
              tbb::filter_mode::parallel,
              [&](Item* item) -> Item* {
                written.free_all();
                if (!item->error.empty()) return item;  // failed in the input stage
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
                  item->messages = std::move(file.notes);
                  if (auto ex = read_export_records(item->path, file, options)) {
                    item->is_export = true;
                    item->records = std::move(ex->records);
                    item->messages = std::move(ex->messages);
                    item->entries = ex->entries;
                    item->skipped = ex->skipped;
                    item->error = export_failure(item->path, item->records.size(), item->entries,
                                                 item->skipped);
                    return item;
                  }
                  if (item->error = unsupported_export_error(item->path, file); !item->error.empty()) {
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
            written.push(owned.release());
          }));
  flush();
  return report;
}

}  // namespace dipmine::ingest

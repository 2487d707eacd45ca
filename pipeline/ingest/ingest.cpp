#include "ingest/ingest.h"

#include <fmt/format.h>
#include <tbb/concurrent_queue.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include "bib/bib.h"
#include "store/sqlite.h"
#include "common/error.h"
#include "common/years.h"
#include "ingest/exports.h"
#include "ingest/paragraphs.h"
#include "ingest/placer.h"
#include "ingest/text_decode.h"
#include "ingest/slices.h"
#include "ingest/text_stream.h"
#include "text/uax29.h"

namespace dipmine::ingest {
namespace {

namespace fs = std::filesystem;
using detail::ExportSlicer;
using detail::Item;
using detail::TextSlicer;
using detail::should_stream;

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

// The counts of what went into the store (not of what was read or failed).
void copy_stored_counts(const IngestReport& from, IngestReport& to) {
  to.added = from.added;
  to.updated = from.updated;
  to.unchanged = from.unchanged;
  to.records_added = from.records_added;
  to.records_merged = from.records_merged;
  to.attached = from.attached;
}

// The language with most text (a Persian paper with an English abstract is fa).
std::string main_lang(const std::map<text::Lang, size_t>& bytes_by_lang) {
  std::string lang;
  size_t best = 0;
  for (const auto& [l, n] : bytes_by_lang) {
    if (l != text::Lang::none && n > best) {
      best = n;
      lang = std::string(text::lang_name(l));
    }
  }
  return lang;
}

// Whether the title a PDF declares is the one its first page shows: its key
// (bib::keyword_key, as records' titles are compared) within the key of the
// text's opening. A declared title that is not there is most often a file
// name or a template's ("Microsoft Word - draft3.docx", "Untitled").
bool first_page_shows(const std::string& title, std::string_view text) {
  const std::string key = bib::keyword_key(title);
  if (key.size() < 8) return false;  // "Slide 1", "Title": too short to tell
  return bib::keyword_key(text.substr(0, 4000)).find(key) != std::string::npos;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  // Each thread keeps its context: allocating one per call cost more than
  // hashing a bibliographic record.
  thread_local Sha256 hash;
  hash.reset();
  hash.update(data);
  return hash.hex();
}

store::DocumentRecord make_record(const std::string& path, DecodedFile&& file,
                                  const IngestOptions& options, std::vector<std::string>* notes) {
  store::DocumentRecord rec;
  // The absolute path, so that the same file reached from another folder is
  // recognised as the same file.
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(path), ec);
  rec.path = ec ? path : abs.string();
  rec.name = fs::path(path).filename().string();
  rec.sha256 = file.sha256.empty() ? sha256_hex(file.text) : std::move(file.sha256);
  rec.format = file.format;
  rec.charset = file.charset;
  rec.bytes = static_cast<int64_t>(file.text.size());
  std::optional<text::Lang> forced = options.lang;
  // The document's own title (HTML, Word, a PDF's that its first page shows), if any.
  if (file.format != "pdf" || first_page_shows(file.title, file.text)) rec.title = std::move(file.title);
  // The metadata a JATS article gives.
  rec.year = file.year;
  rec.doi = bib::clean_doi(file.doi);
  rec.authors = std::move(file.authors);
  rec.venue = std::move(file.venue);
  if (options.manifest != nullptr) {
    if (const ManifestRow* row = options.manifest->find(rec.name)) {
      if (!row->title.empty()) rec.title = row->title;
      rec.year = row->year;
      rec.authors = row->authors;
      rec.source = row->source;
    }
  }
  if (!options.title.empty()) rec.title = options.title;
  if (options.year) rec.year = options.year;
  std::map<text::Lang, size_t> bytes_by_lang;
  const bool marked = file.format == "html" || file.format == "docx" || file.format == "odt";
  for (Paragraph& p : split_paragraphs(file.text, forced, marked)) {
    bytes_by_lang[p.lang] += p.text.size();
    store::ParagraphRecord pr;
    pr.text = std::move(p.text);
    pr.lang = p.lang;
    pr.detected = p.detected;
    rec.paragraphs.push_back(std::move(pr));
  }
  rec.lang = main_lang(bytes_by_lang);
  for (const auto* list : {&file.keywords, &file.index_keywords}) {
    for (const std::string& k : *list) {
      store::KeywordRecord kw;
      kw.kind = list == &file.keywords ? "author" : "index";
      kw.keyword = k;
      kw.key = bib::keyword_key(k);
      const text::Lang lang = text::detect_lang(k);
      kw.lang = lang == text::Lang::none ? rec.lang : std::string(text::lang_name(lang));
      if (kw.key.empty()) continue;
      if (std::any_of(rec.keywords.begin(), rec.keywords.end(), [&](const store::KeywordRecord& o) {
            return o.kind == kw.kind && o.key == kw.key;
          })) {
        continue;
      }
      rec.keywords.push_back(std::move(kw));
    }
  }
  bool lang_given = forced.has_value();
  if (options.manifest != nullptr) {
    if (const ManifestRow* row = options.manifest->find(rec.name); row && !row->lang.empty()) {
      rec.lang = row->lang;
      lang_given = true;
    }
  }
  // Han without kana is Chinese, which the lexicons and the segmentation do
  // not know: stored as ja (nothing is lost), but not without a word.
  size_t han = 0, kana = 0;
  if (rec.lang == "ja" && !lang_given && notes != nullptr && text::reads_as_chinese(file.text, &han, &kana)) {
    notes->push_back(fmt::format("{}: warning: the text reads as Chinese ({} Han characters, {} kana), "
                                 "not a corpus language: stored as ja, where Japanese lexicon forms may "
                                 "miss its words",
                                 path, han, kana));
  }
  // A year from the manifest or --year of a Persian document, 1300..1499: Solar Hijri.
  if (rec.year) {
    if (auto sh = solar_hijri_reading(*rec.year, rec.lang == "fa")) {
      if (sh->gregorian) rec.year = sh->gregorian;
      if (notes != nullptr) notes->push_back(fmt::format("{}: note: {}", path, sh->note));
    }
  }
  return rec;
}

IngestReport ingest_files(const std::vector<std::string>& files, const IngestOptions& options,
                          store::Corpus& corpus) {
  IngestReport report;
  Sha256::prepare();  // before the pool's threads hash documents
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(threads));

  size_t next = 0;
  ExportSlicer slicer(options);
  TextSlicer text_slicer(options);
  WrittenItems written;
  store::BulkWrite bulk(corpus);
  corpus.start_remembering_keys();
  uint64_t bytes_done = 0;
  size_t files_done = 0;
  size_t batch_bytes = 0;
  std::chrono::steady_clock::time_point batch_start;
  std::optional<store::Transaction> tx;

  // What the last commit made permanent: when the store fills up (SQLITE_FULL:
  // disk full or a size limit), the open batch rolls back and the report goes
  // back to these counts; the files after it are not read.
  IngestReport committed;
  size_t files_committed = 0;
  std::atomic<bool> stop_reading{false};
  auto flush = [&] {
    if (tx) {
      tx->commit();
      tx.reset();
    }
    batch_bytes = 0;
    copy_stored_counts(report, committed);
    files_committed = files_done;
  };
  auto store_is_full = [&] {
    return (sqlite3_extended_errcode(corpus.db().handle()) & 0xff) == SQLITE_FULL;
  };
  auto on_store_full = [&] {
    tx.reset();  // rolls the open batch back
    copy_stored_counts(committed, report);
    report.store_full = true;
    report.not_ingested = files.size() - files_committed;
    stop_reading = true;
  };

  // The document being streamed (TextSlicer), written in one transaction of
  // its own across its slices.
  struct OpenStream {
    bool skip = false, replaced = false, lang_given = false;
    int64_t doc_id = 0;
    size_t next_ordinal = 0;
    std::map<text::Lang, size_t> bytes_by_lang;
  } stream;
  auto count_langs = [&](const store::DocumentRecord& rec) {
    for (const auto& p : rec.paragraphs) stream.bytes_by_lang[p.lang] += p.text.size();
  };
  auto write_streamed = [&](Item& item) {
    if (item.first_slice) {
      stream = OpenStream{};
      stream.skip = true;  // until the document's row is in
      flush();
      if (item.records.empty()) return;  // the stream failed at once (its error is counted)
      store::DocumentRecord& rec = item.records[0];
      tx.emplace(corpus.db());
      corpus.check_remembered_keys();
      const std::optional<int64_t> same = corpus.find_by_sha(rec.sha256);
      if (same && !options.force) {
        stream.skip = true;
        ++report.unchanged;
        if (std::string m = same_text_message(corpus, *same, rec, false, item.path); !m.empty()) {
          report.messages.push_back(std::move(m));
        }
      } else {
        if (same) corpus.remove(*same), rec.id = *same;  // a replacement keeps the id
        const auto old = corpus.find_by_path(rec.path);
        if (old && old->sha256 != rec.sha256) {
          corpus.remove(old->id);
          if (!rec.id) rec.id = old->id;
        }
        stream.replaced = same.has_value() || (old && old->sha256 != rec.sha256);
        stream.lang_given = options.manifest != nullptr && options.manifest->find(rec.name) &&
                            !options.manifest->find(rec.name)->lang.empty();
        rec.bytes = static_cast<int64_t>(item.text_bytes);
        stream.doc_id = corpus.insert(rec);
        stream.skip = false;
        stream.next_ordinal = rec.paragraphs.size();
        count_langs(rec);
      }
    } else if (!stream.skip && !item.records.empty()) {
      const store::DocumentRecord& rec = item.records[0];
      corpus.append_paragraphs(stream.doc_id, stream.next_ordinal, rec.paragraphs);
      stream.next_ordinal += rec.paragraphs.size();
      count_langs(rec);
    }
    if (!item.last_slice) return;
    if (!item.error.empty()) {
      tx.reset();  // the document's slices roll back: none of it is stored
    } else if (!stream.skip) {
      if (!stream.lang_given) corpus.set_lang(stream.doc_id, main_lang(stream.bytes_by_lang));
      ++(stream.replaced ? report.updated : report.added);
    }
    flush();
  };

  DocumentPlacer placer(corpus, options.force);
  auto write = [&](Item& item) {
    if (item.counts_file) ++files_done;
    bytes_done += item.file_bytes;
    if (item.is_export && item.counts_file) {
      ++report.export_files;
      report.records_read += item.entries;
      report.records_skipped += item.skipped;
    }
    // A file that is one document keeps what was said about it (an export's
    // lines are about its records, skipped ones too: printed only).
    if (!item.is_export && item.records.size() == 1) item.records[0].notes = item.messages;
    for (auto& m : item.messages) report.messages.push_back(std::move(m));
    if (!item.error.empty()) {
      ++report.failed;
      report.messages.push_back(item.error);
    }
    if (item.streamed) {
      write_streamed(item);
      if (options.progress) options.progress(bytes_done, files_done);
      return;
    }
    for (store::DocumentRecord& rec : item.records) {
      if (!tx) {
        tx.emplace(corpus.db());
        corpus.check_remembered_keys();
        batch_start = std::chrono::steady_clock::now();
      }
      const Placed placed = placer.place(rec, item.is_export, item.path, report);
      if (placed.how == Placement::added || placed.how == Placement::updated) {
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
            if (stop_reading) {
              fc.stop();
              return nullptr;
            }
            while (!slicer.streaming() && !text_slicer.streaming()) {
              if (next >= files.size()) {
                fc.stop();
                return nullptr;
              }
              const std::string& path = files[next++];
              // Checked before anything opens the file: opening a FIFO waits for a writer.
              if (std::string why = check_openable(path, options.read); !why.empty()) {
                auto* item = new Item;
                item->path = path;
                item->error = fmt::format("{}: {}", path, why);
                return item;
              }
              std::error_code ec;
              if (!fs::is_regular_file(path, ec) || !looks_like_export(path)) {
                if (should_stream(path)) {
                  if (Item* instead = text_slicer.open(path)) return instead;
                  continue;
                }
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
            return slicer.streaming() ? slicer.next_slice() : text_slicer.next_slice();
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
                  if (item->streamed) {
                    if (item->slice.empty()) return item;
                    DecodedFile part;
                    part.text = std::move(item->slice);
                    part.charset = item->charset;
                    part.format = text_format(item->path);
                    part.sha256 = item->sha256;
                    item->records.push_back(make_record(item->path, std::move(part), options,
                                                        item->first_slice ? &item->messages : nullptr));
                    if (options.enrich) options.enrich(item->records.back());
                    return item;
                  }
                  std::error_code ec;
                  item->file_bytes = fs::file_size(item->path, ec);
                  DecodedFile file = read_document_file(item->path, options.read);
                  if (!file.error.empty()) {
                    item->messages = std::move(file.notes);  // what was left out says why nothing is left
                    item->error = std::move(file.error);
                    return item;
                  }
                  item->messages = std::move(file.notes);
                  if (auto ex = read_export_records(item->path, file, options)) {
                    item->is_export = true;
                    item->records = std::move(ex->records);
                    item->messages.insert(item->messages.end(), ex->messages.begin(),
                                          ex->messages.end());
                    item->entries = ex->entries;
                    item->skipped = ex->skipped;
                    item->error = export_failure(item->path, item->records.size(), item->entries,
                                                 item->skipped);
                    return item;
                  }
                  if (item->error = unsupported_export_error(item->path, file); !item->error.empty()) {
                    return item;
                  }
                  store::DocumentRecord rec = make_record(item->path, std::move(file), options, &item->messages);
                  if (rec.paragraphs.empty()) {
                    item->error = fmt::format("{}: no text found; skipped", item->path);
                    return item;
                  }
                  // Nothing a search or the lexicon could find (` ##`, a row of
                  // rules): refused as an empty file is, not stored as a document.
                  if (std::none_of(rec.paragraphs.begin(), rec.paragraphs.end(), [](const auto& p) {
                        return text::has_letter_or_digit(p.text);
                      })) {
                    item->error = fmt::format("{}: no letters or digits, only punctuation and symbols; skipped",
                                              item->path);
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
            if (!report.store_full) {
              try {
                write(*item);
              } catch (const Error&) {
                if (!store_is_full()) throw;
                on_store_full();
              }
            }
            written.push(owned.release());
          }));
  try {
    flush();
  } catch (const Error&) {
    if (!store_is_full()) throw;
    on_store_full();
  }
  return report;
}

}  // namespace dipmine::ingest

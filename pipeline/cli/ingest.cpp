// dipmine ingest PATH...: read files and folders into the store.
#include <fmt/format.h>
#include <unicode/ucnv.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "cli/enrich.h"
#include "common/error.h"
#include "ingest/ingest.h"
#include "ingest/plan.h"
#include "store/store_state.h"
#include "store/topk_index.h"

namespace dipmine::cli {
namespace {

namespace fs = std::filesystem;

struct IngestArgs {
  std::vector<std::string> paths;
  std::string manifest, title, lang, encoding, shard, plan, lexicons, ocr = "auto";
  int year = 0;
  int threads = 0;
  double commit_every = 0.5;
  bool force = false;
  bool allow_special = false;
  bool keep_page_furniture = false;
};

// Threads: 0 (all cores) up to a bound no machine reaches; the message names
// the option and the range, not CLI11's numeric limits.
constexpr int kMaxThreads = 1024;
std::string check_threads(std::string& value) {
  int n = -1;
  const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || p != value.data() + value.size() || n < 0 || n > kMaxThreads) {
    return fmt::format("must be 0 (all cores) or a thread count up to {}, got '{}'", kMaxThreads,
                       one_line(value));
  }
  return {};
}

// A one-line progress bar on stderr: files, MB, MB/s, ETA.
class ProgressBar {
 public:
  ProgressBar(size_t files, uint64_t bytes) : files_(files), bytes_(bytes) {}
  void update(uint64_t done_bytes, size_t done_files) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100) && done_files < files_) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = done_bytes / 1e6;
    const double rate = secs > 0 ? mb / secs : 0;
    const double eta = rate > 0 ? (bytes_ / 1e6 - mb) / rate : 0;
    const int width = 24;
    const int filled = bytes_ ? static_cast<int>(width * done_bytes / bytes_) : width;
    fmt::print(stderr, "\r[{:<{}}] {}/{} files  {:.1f}/{:.1f} MB  {:.1f} MB/s  ETA {:.0f}s   ",
               std::string(static_cast<size_t>(std::min(filled, width)), '#'), width, done_files,
               files_, mb, bytes_ / 1e6, rate, eta);
  }
  ~ProgressBar() { fmt::print(stderr, "\n"); }

 private:
  size_t files_;
  uint64_t bytes_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// The files this ingest reads: PATH walked (expand_paths), or with --shard
// the shard's part of the plan (read from --plan, else computed from PATH as
// `dipmine plan` does). Sets the manifest when none was given and, in shard
// mode, `shard_note` to "I/N plan DIGEST".
std::vector<std::string> select_files(const IngestArgs& a, std::vector<std::string>& messages,
                                      std::vector<std::string>& notes, std::string& manifest,
                                      std::string& shard_note) {
  if (a.shard.empty()) {
    if (!a.plan.empty()) throw UsageError("--plan: needs --shard I/N (which shard of the plan)");
    if (a.paths.empty()) throw UsageError("PATH: give the files or folders to ingest");
    if (manifest.empty()) manifest = ingest::default_manifest(a.paths);
    return ingest::expand_paths(a.paths, messages, &notes, a.allow_special);
  }
  int shard = 0, shards = 0;
  try {
    std::tie(shard, shards) = ingest::parse_shard_spec(a.shard);
  } catch (const Error& e) {
    throw UsageError(fmt::format("--shard: {}", e.what()));
  }
  ingest::ShardPlan plan;
  if (!a.plan.empty()) {
    try {
      plan = ingest::read_plan(a.plan);
    } catch (const Error& e) {
      throw UsageError(e.what());
    }
    if (plan.shards != 0 && plan.shards != shards) {
      throw UsageError(fmt::format("--shard: {} asks for {} shards but the plan {} has {}",
                                   one_line(a.shard), shards, one_line(a.plan), plan.shards));
    }
    if (!a.paths.empty()) {
      notes.push_back(fmt::format("--plan given: the files are the plan's, {} not walked",
                                  one_line(a.paths.front())));
    }
  } else {
    if (a.paths.empty()) throw UsageError("PATH: give the files or folders to plan (or --plan FILE)");
    plan = ingest::plan_paths(a.paths, shards, messages, &notes, a.allow_special);
  }
  if (manifest.empty()) manifest = plan.manifest();
  shard_note = fmt::format("{}/{} plan {}", shard, shards, plan.digest());
  return plan.files_of(shard);
}

CommandRegistration ingest_cmd("ingest", "Read text, PDF, web pages and Word/OpenDocument files (or folders) into the store",
                               [](CLI::App& cmd, GlobalOptions& g) {
  auto a = std::make_shared<IngestArgs>();
  cmd.add_option("PATH", a->paths, "Files or folders (recursive); with --plan, not needed");
  cmd.add_option("--shard", a->shard,
                 "Ingest only shard I of N (I/N, I from 1): the files `dipmine plan` gives it");
  cmd.add_option("--plan", a->plan,
                 "With --shard: read the shard's files from this plan file (from `dipmine plan`) "
                 "instead of walking PATH");
  cmd.add_option("--manifest", a->manifest,
                 "TSV of file, title, year, lang, authors, source (default: manifest.tsv in a "
                 "folder given)");
  cmd.add_option("--title", a->title, "Title (for a single file)");
  cmd.add_option("--year", a->year, "Publication year for every document")->check(whole_number(1, 9999));
  cmd.add_option("--lang", a->lang, "Force the language of every paragraph (fa, en, ja)")
      ->check(CLI::IsMember({"fa", "en", "ja"}));
  cmd.add_option("--encoding", a->encoding, "Charset of non-UTF-8 files (default: detect)")
      ->check(CLI::Validator(
          [](std::string& name) -> std::string {
            // Asked once, here: an unknown name failed every file, one line each.
            UErrorCode status = U_ZERO_ERROR;
            UConverter* c = ucnv_open(name.c_str(), &status);
            if (c != nullptr) ucnv_close(c);
            if (U_SUCCESS(status)) return {};
            return "unknown charset '" + name + "' (e.g. windows-1256, Shift_JIS, EUC-JP, UTF-16LE)";
          },
          "CHARSET"));
  cmd.add_option("--ocr", a->ocr,
                 "PDF pages without a usable text layer (scans, fonts without a Unicode map): auto "
                 "(default) reads them by OCR when Tesseract's language data is installed; never "
                 "leaves them out with a warning")
      ->check(CLI::IsMember({"auto", "never"}));
  cmd.add_option("--lexicons", a->lexicons,
                 "Lexicon folder (default: $DIPMINE_LEXICONS, ./lexicons, beside the program, shipped)");
  cmd.add_option("-j,--threads", a->threads, "Threads (default 0: all cores)")
      ->check(CLI::Validator(check_threads, "0.." + std::to_string(kMaxThreads)));
  cmd.add_flag("--force", a->force, "Replace documents that are already stored");
  cmd.add_option("--commit-every", a->commit_every,
                 "Commit at least this often, in seconds (default 0.5): a crash loses at most that "
                 "much work; shorter costs a little speed");
  cmd.add_flag("--keep-page-furniture", a->keep_page_furniture,
               "Web pages: keep their menus, headers, footers, share and comment bars and ad blocks "
               "(left out by default, and counted)");
  cmd.add_flag("--allow-special", a->allow_special,
               "Also read FIFOs and devices (up to 256 MB each; skipped by default)");
  return [a, &g] {
    ingest::IngestOptions opt;
    if (!(a->commit_every > 0 && a->commit_every <= 3600)) {
      throw UsageError(fmt::format("--commit-every: {} is not a number of seconds in (0, 3600]",
                                   a->commit_every));
    }
    opt.threads = a->threads;
    opt.batch_seconds = a->commit_every;
    opt.force = a->force;
    opt.title = a->title;
    opt.read.encoding = a->encoding;
    opt.read.allow_special = a->allow_special;
    opt.read.keep_page_furniture = a->keep_page_furniture;
    opt.read.ocr = a->ocr == "auto";
    if (a->year != 0) opt.year = a->year;
    if (!a->lang.empty()) opt.lang = text::parse_lang(a->lang);

    std::vector<std::string> messages, notes;
    std::string shard_note;
    std::string manifest_path = a->manifest;
    std::vector<std::string> files = select_files(*a, messages, notes, manifest_path, shard_note);
    if (!a->title.empty() && files.size() > 1) {
      throw UsageError(fmt::format("--title: given for {} files; use a manifest", files.size()));
    }
    std::optional<ingest::Manifest> manifest;
    if (!manifest_path.empty()) {
      manifest = ingest::Manifest::load(manifest_path);
      opt.manifest = &*manifest;
      // Each bad row is a failure, and the file it names is left out; the
      // rest of the batch goes on.
      for (const std::string& p : manifest->problems()) messages.push_back(p);
      std::erase_if(files, [&](const std::string& f) {
        return manifest->refuses(fs::path(f).filename().string());
      });
    }

    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::create);
    opt.enrich = make_enricher(*corpus, a->lexicons);
    if (!shard_note.empty()) {
      // Which shard of which plan this store holds (merge reports it).
      store::Transaction tx(corpus->db());
      store::set_state(corpus->db(), "shard", shard_note);
      tx.commit();
    }
    const bool topk_was_fresh = store::TopkIndex::is_fresh(*corpus);

    std::unique_ptr<ProgressBar> bar;
    if (is_terminal(2)) {
      uint64_t total = 0;
      for (const auto& f : files) {
        std::error_code ec;
        total += fs::file_size(f, ec);
      }
      bar = std::make_unique<ProgressBar>(files.size(), total);
      opt.progress = [&bar](uint64_t b, size_t n) { bar->update(b, n); };
    }
    ingest::IngestReport r = ingest::ingest_files(files, opt, *corpus);
    bar.reset();
    for (const auto& m : notes) print_message("note: " + m);
    for (const auto& m : messages) print_message(m);
    if (!shard_note.empty()) print_message(fmt::format("note: shard {}: {} files", shard_note, files.size()));
    for (const auto& m : r.messages) print_message(m);
    if (r.store_full) {
      print_message(fmt::format(
          "{}: the store is full (disk full or size limit): the last batch was rolled back; "
          "{} documents added and {} updated in this run are stored whole, the store is intact; "
          "{} files not ingested (free space and run the same ingest again)",
          g.db_path(), r.added, r.updated, r.not_ingested));
    }
    const size_t failed = r.failed + messages.size() + r.not_ingested;
    std::string records;  // bibliographic exports only (docs/bib.md)
    if (r.export_files > 0) {
      records = fmt::format("; {} records read: {} added, {} merged as duplicates, {} skipped",
                            r.records_read, r.records_added, r.records_merged, r.records_skipped);
    }
    fmt::print("{} added, {} updated, {} unchanged, {} failed ({}){}\n", r.added, r.updated,
               r.unchanged, failed, one_line(g.db_path()), records);
    if (topk_was_fresh && !store::TopkIndex::is_fresh(*corpus)) {
      print_message("note: the top-k index predates this ingest, so searches score every match "
                    "until `dipmine optimize` rebuilds it");
    }
    return failed > 0 ? 1 : 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

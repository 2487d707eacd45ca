#include "ingest/exports.h"

#include <fmt/format.h>

#include <cctype>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "bib/bib.h"

namespace dipmine::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The first DOI in the opening bytes of a text ("10.NNNN/suffix"); "" if none.
// Only the start is searched: a DOI further on is usually a cited work's.
std::string first_doi(std::string_view text) {
  text = text.substr(0, 6000);
  for (size_t p = text.find("10."); p != std::string_view::npos; p = text.find("10.", p + 1)) {
    if (p > 0 && (std::isalnum(static_cast<unsigned char>(text[p - 1])) || text[p - 1] == '.')) continue;
    size_t q = p + 3, digits = 0;
    while (q < text.size() && is_digit(text[q])) ++q, ++digits;
    if (digits < 4 || digits > 9 || q >= text.size() || text[q] != '/') continue;
    size_t end = q + 1;
    while (end < text.size() && static_cast<unsigned char>(text[end]) > ' ' &&
           static_cast<unsigned char>(text[end]) < 0x80) {
      ++end;
    }
    while (end > q + 1 && std::string_view(".,;:)]}>'\"").find(text[end - 1]) != std::string_view::npos) --end;
    if (end > q + 1) return std::string(text.substr(p, end - p));
  }
  return {};
}

}  // namespace

namespace {

std::string head_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// "a RefWorks", "a PubMed", "an EndNote", "an IEEE": the article by the sound
// of the name's first letter (every kind named starts with a capital, or
// already has its article).
std::string with_article(const std::string& kind) {
  if (kind.rfind("a ", 0) == 0 || kind.rfind("an ", 0) == 0) return kind;
  const char c = kind.empty() ? 'x' : kind[0];
  const bool vowel = c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
  return (vowel ? "an " : "a ") + kind;
}

std::string unsupported_line(const std::string& path, std::string_view text) {
  const std::string kind = bib::unsupported_export(path, text);
  if (kind.empty()) return {};
  // "an IEEE Xplore CSV export", "a PubMed XML export"; a kind that has its
  // article is a whole phrase ("a Citavi project").
  const bool phrase = kind.rfind("a ", 0) == 0 || kind.rfind("an ", 0) == 0;
  const std::string what = phrase ? kind : with_article(kind) + " export";
  const std::string_view advice =
      kind == "CSL-YAML" ? "; export CSL JSON instead (Zotero: File > Export Library > CSL JSON), "
                           "which dipmine reads"
                         : "";
  // The list is every reader there is, so a new one cannot be left out of it.
  std::string supported;
  for (bib::Format f : bib::all_formats()) {
    supported += fmt::format("{}{}", supported.empty() ? "" : ", ", bib::format_title(f));
  }
  return fmt::format("{}: looks like {}, which dipmine does not read; not stored{} (supported: {})",
                     path, what, advice, supported);
}

}  // namespace

bool looks_like_export(const std::string& path) {
  const std::string head = head_of(path);
  return bib::detect_format(path, head).has_value() || !bib::unsupported_export(path, head).empty();
}

std::string unsupported_export_error(const std::string& path) {
  return unsupported_line(path, head_of(path));
}

bool is_export_format(const std::string& format) { return bib::is_format_name(format); }

std::string export_failure(const std::string& path, size_t records, size_t entries,
                           size_t skipped) {
  if (records == 0) return fmt::format("{}: no record could be read", path);
  // Most entries lost is a file read wrongly, not a few bad records: the
  // records read are stored, and the file counts as failed (exit 1).
  if (skipped * 2 > entries) {
    return fmt::format("{}: {} of {} records could not be read (see the lines above); the file "
                       "counts as failed",
                       path, skipped, entries);
  }
  return {};
}

// Only plain text can be an export; a PDF, web page or office document is not.
bool may_be_export(const DecodedFile& file) { return file.format == "text" || file.format == "markdown"; }

// The root element of a text that is XML (an XML declaration first, or one
// element that encloses the whole text), or "".
static std::string xml_root(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto skip_space = [&] {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  };
  skip_space();
  const bool declared = text.substr(0, 5) == "<?xml";
  for (int guard = 0; guard < 64; ++guard) {
    skip_space();
    std::string_view close;
    if (text.substr(0, 4) == "<!--") close = "-->";
    else if (text.substr(0, 2) == "<?") close = "?>";
    else if (text.substr(0, 2) == "<!") close = ">";
    else break;
    const size_t end = text.find(close);
    if (end == std::string_view::npos) return {};
    text.remove_prefix(end + close.size());
  }
  if (text.size() < 2 || text[0] != '<' || !(std::isalpha(static_cast<unsigned char>(text[1])) || text[1] == '_')) {
    return {};
  }
  size_t n = 1;
  while (n < text.size() && !std::isspace(static_cast<unsigned char>(text[n])) && text[n] != '>' && text[n] != '/') ++n;
  const std::string name(text.substr(1, n - 1));
  if (declared) return name;
  std::string_view tail = text;
  while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.back()))) tail.remove_suffix(1);
  const std::string end_tag = "</" + name + ">";
  return tail.size() >= end_tag.size() && tail.substr(tail.size() - end_tag.size()) == end_tag ? name : std::string();
}

std::string unsupported_export_error(const std::string& path, const DecodedFile& file) {
  if (!may_be_export(file)) return {};
  if (std::string line = unsupported_line(path, file.text); !line.empty()) return line;
  // XML that is no export read above, no JATS article and no web page: its
  // markup stored as text would index every tag.
  if (const std::string root = xml_root(file.text); !root.empty()) {
    return fmt::format("{}: an XML document (root element <{}>) that dipmine does not read; not stored "
                       "(XML read: JATS articles such as PubMed Central .nxml, EndNote XML, PubMed XML; web pages as .html)",
                       path, root);
  }
  return {};
}

std::optional<ExportRecords> read_export_records(const std::string& path, const DecodedFile& file,
                                                 const IngestOptions& options) {
  if (!may_be_export(file)) return std::nullopt;
  const std::optional<bib::Format> format = bib::detect_format(path, file.text);
  if (!format) return std::nullopt;
  bib::ExportRead read = bib::read_export(path, file.text, *format);
  ExportRecords out;
  out.messages = std::move(read.messages);
  out.entries = read.entries;
  out.skipped = read.skipped;
  out.records = std::move(read.records);
  // Each record is a document of its own: build them side by side.
  tbb::parallel_for(size_t{0}, out.records.size(), [&](size_t i) {
    out.records[i].charset = file.charset;
    finish_export_record(out.records[i], options);
  });
  return out;
}

void finish_export_record(store::DocumentRecord& rec, const IngestOptions& options) {
  if (options.lang) {
    for (auto& p : rec.paragraphs) p.lang = *options.lang;
    rec.lang = std::string(text::lang_name(*options.lang));
  }
  if (options.year && !rec.year) rec.year = options.year;
  rec.sha256 = sha256_hex(bib::identity_text(rec));
  if (options.enrich) options.enrich(rec);
}

ExportStream::ExportStream(std::string path, DecodedFile file, bib::Format format,
                           size_t capacity)
    : path_(std::move(path)), file_(std::move(file)), format_(format),
      capacity_(std::max<size_t>(capacity, 1)) {
  thread_ = std::thread([this] { parse(); });
}

ExportStream::~ExportStream() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  room_.notify_all();
  thread_.join();
}

void ExportStream::parse() {
  ExportRecords summary;
  try {
    const bib::RecordCallback emit = [this](store::DocumentRecord&& rec) {
      rec.charset = file_.charset;
      std::unique_lock<std::mutex> lock(mutex_);
      room_.wait(lock, [this] { return stop_ || queue_.size() < capacity_; });
      if (stop_) return;  // nobody reads any more: drop the rest
      queue_.push_back(std::move(rec));
      lock.unlock();
      ready_.notify_one();
    };
    bib::ExportRead read = bib::read_export(path_, file_.text, format_, emit);
    summary.messages = std::move(file_.notes);  // the charset guessed, ...
    summary.messages.insert(summary.messages.end(), read.messages.begin(), read.messages.end());
    summary.entries = read.entries;
    summary.skipped = read.skipped;
  } catch (const std::exception& e) {
    summary.messages.push_back(fmt::format("{}: {}; the rest of the file was not read", path_,
                                           e.what()));
  }
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    summary_ = std::move(summary);
    done_ = true;
  }
  ready_.notify_all();
}

std::vector<store::DocumentRecord> ExportStream::next(size_t n) {
  std::vector<store::DocumentRecord> out;
  std::unique_lock<std::mutex> lock(mutex_);
  ready_.wait(lock, [this] { return done_ || !queue_.empty(); });
  while (!queue_.empty() && out.size() < n) {
    out.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  lock.unlock();
  room_.notify_one();
  return out;
}

ExportRecords ExportStream::summary() {
  std::unique_lock<std::mutex> lock(mutex_);
  ready_.wait(lock, [this] { return done_; });
  return std::move(summary_);
}

std::vector<store::DocumentInfo> ExportWriter::find_by_doi(const std::string& doi) {
  std::vector<store::DocumentInfo> out;
  if (doi.empty() || !corpus_.may_have_doi(doi)) return out;
  // lower(doi) with doi <> '' uses the partial index documents_doi. Prepared
  // once: this runs for every record of an export.
  if (!doi_query_) {
    doi_query_.emplace(corpus_.db(),
                       "SELECT id FROM documents WHERE lower(doi) = lower(?) AND doi <> '' "
                       "ORDER BY id");
  }
  store::Statement& q = *doi_query_;
  q.reset();
  q.bind(1, doi);
  std::vector<int64_t> ids;
  while (q.step()) ids.push_back(q.column_int(0));
  q.reset();
  for (const int64_t id : ids) {
    if (auto doc = corpus_.document(id)) out.push_back(std::move(*doc));
  }
  return out;
}

bool ExportWriter::place(store::DocumentRecord& rec, IngestReport& report) {
  if (is_export_format(rec.format)) {
    // A DOI shared by records of different papers (a mistake of the
    // publisher or of the library, common in real exports) must not lose
    // one of them: merge only into a document whose title agrees.
    const store::DocumentInfo* differs = nullptr;
    const std::vector<store::DocumentInfo> same_doi = find_by_doi(rec.doi);
    for (const store::DocumentInfo& dup : same_doi) {
      if (dup.path == rec.path) continue;
      if (!bib::titles_agree(dup.title, rec.title)) {
        if (differs == nullptr) differs = &dup;
        continue;
      }
      merge_into(dup, rec);
      ++report.records_merged;
      report.messages.push_back(fmt::format(
          "{}: DOI {} is already in the store (document {}, {}); merged as duplicate", rec.path,
          rec.doi, dup.id, dup.path));
      return true;
    }
    if (differs != nullptr) {
      report.messages.push_back(fmt::format(
          "{}: warning: DOI {} is also on document {} ({}) with another title (\"{}\" vs \"{}\"); "
          "kept both",
          rec.path, rec.doi, differs->id, differs->path, rec.title, differs->title));
    }
    return false;
  }
  if (rec.format != "pdf") return false;
  const std::optional<int64_t> target = attach_target(rec);
  if (!target) return false;
  const std::optional<store::DocumentInfo> doc = corpus_.document(*target);
  if (!doc) return false;
  attach(*doc, rec);
  ++report.attached;
  ++report.updated;
  report.messages.push_back(fmt::format("{}: attached to the record of the same paper ({}, {})",
                                        rec.path, doc->path, doc->title));
  return true;
}

bool ExportWriter::merge_same(int64_t same_id, const store::DocumentRecord& rec,
                              IngestReport& report) {
  const std::optional<store::DocumentInfo> doc = corpus_.document(same_id);
  if (!doc || doc->path == rec.path) return false;
  merge_into(*doc, rec);
  ++report.records_merged;
  report.messages.push_back(fmt::format("{}: same record as document {} ({}); merged as duplicate",
                                        rec.path, doc->id, doc->path));
  return true;
}

void ExportWriter::inserted(const store::DocumentRecord& rec) {
  if (is_export_format(rec.format)) titles_fresh_ = false;
}

std::vector<std::string> pdf_title_candidates(const store::DocumentRecord& pdf) {
  std::vector<std::string> candidates;
  if (!pdf.title.empty()) candidates.push_back(pdf.title);
  for (size_t i = 0; i < pdf.paragraphs.size() && i < 5; ++i) {
    const std::string& text = pdf.paragraphs[i].text;
    if (text.size() < 400) candidates.push_back(text);
    size_t nl = std::string::npos;
    for (int lines = 0; lines < 3; ++lines) {
      nl = text.find('\n', nl + 1);
      if (nl == std::string::npos || nl >= 400) break;
      candidates.push_back(text.substr(0, nl));
    }
  }
  return candidates;
}

std::optional<int64_t> ExportWriter::attach_target(const store::DocumentRecord& pdf) {
  if (const std::string doi = first_doi(pdf.paragraphs.empty() ? std::string_view()
                                                               : std::string_view(pdf.paragraphs[0].text));
      !doi.empty()) {
    for (const store::DocumentInfo& doc : find_by_doi(doi)) {
      if (is_export_format(doc.format)) return doc.id;
    }
  }
  if (!titles_fresh_) {
    titles_.clear();
    store::Statement q(corpus_.db(),
                       fmt::format("SELECT id, title FROM documents WHERE format IN ({}) AND title <> ''",
                                   [] {
                                     std::string list;
                                     for (bib::Format f : bib::all_formats()) {
                                       list += fmt::format("{}'{}'", list.empty() ? "" : ",",
                                                           bib::format_name(f));
                                     }
                                     return list;
                                   }()));
    while (q.step()) titles_.emplace(bib::keyword_key(q.column_text(1)), q.column_int(0));
    titles_fresh_ = true;
  }
  if (titles_.empty()) return std::nullopt;
  const std::vector<std::string> candidates = pdf_title_candidates(pdf);
  for (const std::string& c : candidates) {
    if (auto it = titles_.find(bib::keyword_key(c)); it != titles_.end()) return it->second;
  }
  return std::nullopt;
}

void ExportWriter::merge_into(const store::DocumentInfo& doc, const store::DocumentRecord& rec) {
  std::set<std::pair<std::string, std::string>> have;
  {
    store::Statement q(corpus_.db(), "SELECT kind, key FROM keywords WHERE doc_id = ?");
    q.bind(1, doc.id);
    while (q.step()) have.emplace(q.column_text(0), q.column_text(1));
  }
  store::Statement k(corpus_.db(),
                     "INSERT INTO keywords(doc_id, kind, keyword, key, lang) VALUES(?,?,?,?,?)");
  for (const store::KeywordRecord& kw : rec.keywords) {
    if (!have.emplace(kw.kind, kw.key).second) continue;
    k.bind(1, doc.id).bind(2, kw.kind).bind(3, kw.keyword).bind(4, kw.key).bind(5, kw.lang);
    k.run();
  }
  store::Statement u(corpus_.db(),
                     "UPDATE documents SET year = coalesce(year, ?2), "
                     "authors = CASE authors WHEN '' THEN ?3 ELSE authors END, "
                     "venue = CASE venue WHEN '' THEN ?4 ELSE venue END, "
                     "source = CASE source WHEN '' THEN ?5 ELSE source END WHERE id = ?1");
  u.bind(1, doc.id).bind(2, rec.year).bind(3, rec.authors).bind(4, rec.venue).bind(5, rec.source);
  u.run();
}

void ExportWriter::attach(const store::DocumentInfo& doc, store::DocumentRecord& pdf) {
  auto keep = [](std::string& field, const std::string& from_record) {
    if (!from_record.empty()) field = from_record;
  };
  keep(pdf.title, doc.title);
  keep(pdf.authors, doc.authors);
  keep(pdf.venue, doc.venue);
  keep(pdf.doi, doc.doi);
  keep(pdf.source, doc.source);
  if (doc.year) pdf.year = doc.year;
  pdf.keywords.clear();
  {
    store::Statement q(corpus_.db(),
                       "SELECT kind, keyword, key, lang FROM keywords WHERE doc_id = ? ORDER BY rowid");
    q.bind(1, doc.id);
    while (q.step()) {
      pdf.keywords.push_back({q.column_text(0), q.column_text(1), q.column_text(2), q.column_text(3)});
    }
  }
  corpus_.remove(doc.id);
  corpus_.insert(pdf);
  titles_fresh_ = false;
}

}  // namespace dipmine::ingest

#include "ingest/placer.h"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

namespace dipmine::ingest {

std::string same_text_message(store::Corpus& corpus, int64_t same, const store::DocumentRecord& rec,
                              bool is_export, const std::string& source) {
  const std::optional<store::DocumentInfo> other = corpus.document(same);
  if (!other || other->path == rec.path) return {};
  std::error_code ec;
  const bool gone = !std::filesystem::exists(other->path, ec) && !ec;
  if (!is_export && !is_export_format(other->format) && gone && !corpus.find_by_path(rec.path)) {
    corpus.set_path(same, rec.path, rec.name);
    return fmt::format("{}: same text as document {}, whose file {} is gone: moved or renamed, the "
                       "document's path is now this file's",
                       source, same, other->path);
  }
  return fmt::format("{}: same text as document {} ({}); not added again", source, same, other->path);
}

Placed DocumentPlacer::place(store::DocumentRecord& rec, bool is_export, const std::string& source,
                             IngestReport& report) {
  const std::optional<int64_t> same = corpus_.find_by_sha(rec.sha256);
  if (same && !force_) {
    if (is_export && exports_.merge_same(*same, rec, report)) return {Placement::merged, 0};
    ++report.unchanged;
    if (std::string m = same_text_message(corpus_, *same, rec, is_export, source); !m.empty()) {
      report.messages.push_back(std::move(m));
    }
    return {Placement::unchanged, 0};
  }
  bool replaced = false;
  if (same) {
    corpus_.remove(*same);
    replaced = true;
    rec.id = *same;  // the replacement keeps the id
  }
  if (auto old = corpus_.find_by_path(rec.path); old && old->sha256 != rec.sha256) {
    // The file changed since it was ingested: the new text replaces the old.
    corpus_.remove(old->id);
    replaced = true;
    if (!rec.id) rec.id = old->id;
  }
  if (!replaced) {
    const size_t attached = report.attached;
    if (exports_.place(rec, report)) {
      return {report.attached > attached ? Placement::attached : Placement::merged, 0};
    }
  }
  const int64_t id = corpus_.insert(rec);
  exports_.inserted(rec);
  if (is_export && !replaced) ++report.records_added;
  ++(replaced ? report.updated : report.added);
  return {replaced ? Placement::updated : Placement::added, id};
}

}  // namespace dipmine::ingest

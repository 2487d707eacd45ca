#include "ingest/placer.h"

#include <fmt/format.h>

namespace dipmine::ingest {

Placed DocumentPlacer::place(store::DocumentRecord& rec, bool is_export, const std::string& source,
                             IngestReport& report) {
  const std::optional<int64_t> same = corpus_.find_by_sha(rec.sha256);
  if (same && !force_) {
    if (is_export && exports_.merge_same(*same, rec, report)) return {Placement::merged, 0};
    ++report.unchanged;
    if (auto other = corpus_.document(*same); other && other->path != rec.path) {
      report.messages.push_back(fmt::format("{}: same text as document {} ({}); not added again",
                                            source, *same, other->path));
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

// The writer's rules for one finished document record, shared by ingest (each
// record read from a file) and merge (each document read from a shard store),
// so that a merged store de-duplicates exactly as one ingest would:
//
// - same identity (SHA-256 of the text) as a stored document: not added again
//   ("unchanged"; a message when the stored one has another path), or, for a
//   bibliographic record from another export, merged into it as a duplicate;
//   with `force` the stored one is replaced instead;
// - same path as a stored document with other text: the new text replaces it
//   ("updated");
// - otherwise the export rules (ingest/exports.h: same DOI -> merged as a
//   duplicate, a PDF of a record's paper -> attached), else inserted ("added").
//
//   DocumentPlacer placer(corpus, options.force);      // one per writer
//   Placed p = placer.place(rec, is_export, "file.ris", report);   // in a Transaction
#pragma once
#include <cstdint>
#include <string>

#include "ingest/exports.h"
#include "ingest/ingest.h"
#include "store/corpus.h"
#include "store/document.h"

namespace dipmine::ingest {

enum class Placement { added, updated, unchanged, merged, attached };

struct Placed {
  Placement how = Placement::added;
  int64_t doc_id = 0;  // the new document's id when inserted (added, updated)
};

// What to say of `rec` (named `source` in messages) whose text is stored as
// document `same`, when it is not added again: nothing when it is that
// document's file; that it is the same text as another document; or, when
// the stored document's file is gone and no document has rec's path (the
// file was renamed or moved), the document takes rec's path and name and the
// message says so. Records of exports keep their `FILE#N` paths.
std::string same_text_message(store::Corpus& corpus, int64_t same, const store::DocumentRecord& rec,
                              bool is_export, const std::string& source);

class DocumentPlacer {
 public:
  DocumentPlacer(store::Corpus& corpus, bool force) : corpus_(corpus), exports_(corpus), force_(force) {}

  // Applies the rules above to `rec` (is_export: it came from a bibliographic
  // export); counts and messages (naming `source`) go to `report`.
  Placed place(store::DocumentRecord& rec, bool is_export, const std::string& source,
               IngestReport& report);

 private:
  store::Corpus& corpus_;
  ExportWriter exports_;
  bool force_;
};

}  // namespace dipmine::ingest

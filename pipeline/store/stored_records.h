// Documents read back out of a store as the DocumentRecords ingest wrote:
// metadata, paragraphs (text and language), their mentions and keywords, and
// what ingest said about them.
// `merge` feeds them to another store through ingest's writer rules.
//
//   StoredRecords docs(shard);                 // reads in one snapshot
//   store::DocumentRecord rec;  std::string added_at;
//   while (docs.next(rec, added_at)) place(rec);
//
// Paragraph terms are left empty (the index tokenizes on insert) and
// `detected` is none (computed again, as the tokenizer does for stored rows).
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "store/corpus.h"
#include "store/document.h"
#include "store/sqlite.h"

namespace dipmine::store {

class StoredRecords {
 public:
  explicit StoredRecords(Corpus& corpus);
  ~StoredRecords();
  // The next document by id; false after the last (and on every later call).
  bool next(DocumentRecord& rec, std::string& added_at);
  int64_t count() const { return count_; }

 private:
  Corpus& corpus_;
  ReadSnapshot snapshot_;
  Statement docs_, paragraphs_, mentions_, keywords_, notes_;
  int64_t count_ = 0;
  bool done_ = false;
};

// 16 hex digits naming what a store holds: its documents (identity, path,
// DOI) and the shard it was ingested as. Two stores with the same documents
// have the same fingerprint; merge uses it to know a shard again after a kill
// and to refuse a copy of a shard given twice.
std::string content_fingerprint(Corpus& corpus);

}  // namespace dipmine::store

#include "store/stored_records.h"

#include <map>

#include "common/stable_hash.h"
#include "store/store_state.h"

namespace dipmine::store {

StoredRecords::StoredRecords(Corpus& corpus)
    : corpus_(corpus),
      snapshot_(corpus.db()),
      docs_(corpus.db(),
            "SELECT id, path, name, sha256, title, year, lang, authors, source, doi, venue, "
            "format, charset, bytes, added_at FROM documents ORDER BY id"),
      paragraphs_(corpus.db(), "SELECT id, lang, text FROM paragraphs WHERE doc_id = ? ORDER BY ordinal"),
      mentions_(corpus.db(),
                "SELECT paragraph_id, sentence, concept_id, start, end, form FROM mentions "
                "WHERE doc_id = ? ORDER BY paragraph_id, id"),
      keywords_(corpus.db(), "SELECT kind, keyword, key, lang FROM keywords WHERE doc_id = ? ORDER BY rowid"),
      notes_(corpus.db(), "SELECT message FROM document_notes WHERE doc_id = ? ORDER BY ordinal") {
  Statement n(corpus.db(), "SELECT count(*) FROM documents");
  n.step();
  count_ = n.column_int(0);
}

StoredRecords::~StoredRecords() = default;

bool StoredRecords::next(DocumentRecord& rec, std::string& added_at) {
  // Not stepped again once done: SQLite would start the query over.
  if (done_ || !docs_.step()) {
    done_ = true;
    return false;
  }
  rec = DocumentRecord{};
  const int64_t id = docs_.column_int(0);
  rec.path = docs_.column_text(1);
  rec.name = docs_.column_text(2);
  rec.sha256 = docs_.column_text(3);
  rec.title = docs_.column_text(4);
  if (!docs_.column_is_null(5)) rec.year = static_cast<int>(docs_.column_int(5));
  rec.lang = docs_.column_text(6);
  rec.authors = docs_.column_text(7);
  rec.source = docs_.column_text(8);
  rec.doi = docs_.column_text(9);
  rec.venue = docs_.column_text(10);
  rec.format = docs_.column_text(11);
  rec.charset = docs_.column_text(12);
  rec.bytes = docs_.column_int(13);
  added_at = docs_.column_text(14);

  std::map<int64_t, size_t> paragraph_index;  // paragraph id -> index in rec.paragraphs
  paragraphs_.reset();
  paragraphs_.bind(1, id);
  while (paragraphs_.step()) {
    ParagraphRecord p;
    p.lang = text::parse_lang(paragraphs_.column_text(1)).value_or(text::Lang::none);
    p.text = paragraphs_.column_text(2);
    paragraph_index[paragraphs_.column_int(0)] = rec.paragraphs.size();
    rec.paragraphs.push_back(std::move(p));
  }
  mentions_.reset();
  mentions_.bind(1, id);
  while (mentions_.step()) {
    const auto at = paragraph_index.find(mentions_.column_int(0));
    if (at == paragraph_index.end()) continue;  // a mention of no paragraph cannot be placed
    MentionRecord m;
    m.sentence = static_cast<int>(mentions_.column_int(1));
    m.concept_id = mentions_.column_text(2);
    m.start = static_cast<uint32_t>(mentions_.column_int(3));
    m.end = static_cast<uint32_t>(mentions_.column_int(4));
    m.form = mentions_.column_text(5);
    rec.paragraphs[at->second].mentions.push_back(std::move(m));
  }
  keywords_.reset();
  keywords_.bind(1, id);
  while (keywords_.step()) {
    rec.keywords.push_back({keywords_.column_text(0), keywords_.column_text(1),
                            keywords_.column_text(2), keywords_.column_text(3)});
  }
  notes_.reset();
  notes_.bind(1, id);
  while (notes_.step()) rec.notes.push_back(notes_.column_text(0));
  return true;
}

std::string content_fingerprint(Corpus& corpus) {
  StableHash h;
  h.add(get_state(corpus.db(), "shard").value_or(""));
  Statement q(corpus.db(), "SELECT sha256, path, doi FROM documents ORDER BY id");
  while (q.step()) h.add(q.column_text(0)).add(q.column_text(1)).add(q.column_text(2));
  return h.hex();
}

}  // namespace dipmine::store

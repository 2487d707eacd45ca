// The records that flow from ingest into the store: one DocumentRecord per
// document, fully built by the parallel stage so the writer only writes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "text/lang.h"
#include "text/segmenter.h"

namespace dipmine::store {

// One match of a lexicon form. Offsets are bytes of the paragraph's original text.
struct MentionRecord {
  std::string concept_id;
  int sentence = 0;  // ordinal of the sentence within the paragraph, from 0
  uint32_t start = 0;
  uint32_t end = 0;
  std::string form;  // the lexicon form that matched
};

struct ParagraphRecord {
  std::string text;  // original text, as read
  text::Lang lang = text::Lang::none;
  // text::detect_lang(text) when known (the index folds by it, whatever
  // `lang` says); none: not known, compute it.
  text::Lang detected = text::Lang::none;
  std::vector<MentionRecord> mentions;
  // Pre-computed index terms, filled in the parallel stage so that the FTS5
  // tokenizer in the writer only hands them over (empty: tokenize on insert).
  std::vector<text::Term> terms;
};

// An author or index keyword of a bibliographic record.
struct KeywordRecord {
  std::string kind;     // "author" or "index"
  std::string keyword;  // as written
  std::string key;      // folded, what maps compare
  std::string lang;
};

struct DocumentRecord {
  std::string path;    // as given on the command line
  std::string name;    // file name (the manifest key), or a record id for exports
  std::string sha256;  // of the decoded text: the document's identity
  std::string title, authors, source, doi, venue;
  std::optional<int> year;
  std::string lang;      // majority language of the paragraphs
  std::string format;    // text, markdown, pdf, ris, bibtex, csl-json, scopus-csv, wos
  std::string charset;   // detected or declared encoding of the file
  int64_t bytes = 0;     // bytes of decoded text
  std::vector<ParagraphRecord> paragraphs;
  std::vector<KeywordRecord> keywords;
  // What ingest said about the document, as printed (`paper.pdf: left out 85
  // running header/footer lines`, warnings): stored with it.
  std::vector<std::string> notes;
  // The id to insert under: a document that replaces another (`--force`, or
  // a file whose text changed) keeps its id, so notes and scripts that say
  // "doc 3" still mean it. Empty: the next free id.
  std::optional<int64_t> id;
};

}  // namespace dipmine::store

// The FTS5 tokenizer `dipmine`: documents and queries are tokenised by the same
// code (text::index_terms), and every token's offsets are byte offsets into the
// ORIGINAL paragraph text, so highlight() and snippet() mark the right bytes.
//
//   register_fts_tokenizer(db);                              // every connection
//   { PrecomputedTerms hand(para.text, para.terms);          // in the writer
//     insert_paragraph.run(); }                              // tokenizer hands them over
//   std::string q = query_key_string({"key1", "key2"});      // pre-tokenised query
//
// Which normaliser: FTS5 hands the tokenizer only the column text, so the
// language is text::detect_lang(text), a pure function of the text. Insert,
// 'delete', 'rebuild' and highlight therefore always produce the same tokens
// (even for documents ingested with --lang, whose column says otherwise), and
// the parallel stage computes exactly these tokens with paragraph_terms().
//
// Pre-computed terms: PrecomputedTerms offers terms for one text on this thread;
// the tokenizer uses them only for a DOCUMENT tokenization of byte-identical
// text and computes the terms itself otherwise (FTS 'delete', highlight, a
// different text). Both ways give the same tokens.
//
// Query mode: a string that starts with kQueryKeyMark is a list of keys
// already folded by the query translator, separated by the mark, and is passed
// through untouched; any other query string is tokenised like a document query.
// Thread safety: registration is per connection; the hand-over is thread-local.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.h"
#include "text/segmenter.h"

namespace dipmine::store {

// Registers the tokenizer "dipmine" on `db`. Throws dipmine::Error if this
// SQLite has no FTS5.
void register_fts_tokenizer(Database& db);
// The FTS5 API of `db` (for registering tokenizers and functions). Throws
// dipmine::Error if this SQLite has no usable FTS5.
fts5_api* fts5_api_for(Database& db);

// The tokens the index stores for one paragraph (what the tokenizer computes).
std::vector<text::Term> paragraph_terms(std::string_view paragraph_text);
// The same, given the paragraph's fold_for_prefix by the normaliser of
// `folded_as`; used only when that is the index's language (detect_lang of the
// text, passed as `detected` when known, else none), else the paragraph is
// folded again.
std::vector<text::Term> paragraph_terms(std::string_view paragraph_text, text::Lang folded_as,
                                        text::MappedText&& prefix_folded,
                                        text::Lang detected = text::Lang::none);

// U+E001: starts a pre-tokenised query string (never part of a key).
inline constexpr std::string_view kQueryKeyMark = "\xEE\x80\x81";

// `keys` as one pre-tokenised FTS5 query string, quoted for MATCH ("..." with
// every '"' doubled). Each key is one token of a phrase, in order.
std::string query_key_string(const std::vector<std::string>& keys);

class PrecomputedTerms {
 public:
  // `text` and `terms` must outlive this object (not copied). Empty `terms`
  // offer nothing (the tokenizer computes).
  PrecomputedTerms(std::string_view text, const std::vector<text::Term>& terms);
  ~PrecomputedTerms();
  PrecomputedTerms(const PrecomputedTerms&) = delete;
  PrecomputedTerms& operator=(const PrecomputedTerms&) = delete;

  // Counters for tests: tokenizations served from hand-over / computed (this thread).
  static size_t served();
  static size_t computed();

 private:
  const PrecomputedTerms* previous_;
  std::string_view text_;
  const std::vector<text::Term>& terms_;
  friend struct TokenizerAccess;
};

}  // namespace dipmine::store

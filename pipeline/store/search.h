// Full-text search over the paragraphs of a Corpus, best first (bm25), with a
// snippet of each hit marked in the ORIGINAL text; and the index upkeep.
//
//   Query q = parse_query("\"city diplomacy\" lang:en");
//   for (const SearchHit& h : search(corpus, q, {.limit = 10}))
//     for (const SnippetPart& p : h.snippet) print(p.hit ? bold(p.text) : p.text);
//   SearchCount n = count_matches(corpus, q);   // paragraphs and documents
//
// Scores are -bm25 (higher is better). Snippets are cut at token boundaries by
// FTS5; a hit part covers exactly the original bytes of the matched tokens.
// Errors: dipmine::Error naming the database (a corrupt index, I/O). A query
// from parse_query never makes FTS5 fail. Not thread-safe (one Corpus per thread).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/corpus.h"
#include "store/query.h"
#include "store/ranked_rows.h"

namespace dipmine::store {

struct SearchOptions {
  int limit = 20;
  int offset = 0;
  int snippet_tokens = 24;  // words (Japanese: characters) around the hit
};

struct SnippetPart {
  std::string text;
  bool hit = false;
};

struct SearchHit {
  int64_t paragraph_id = 0;
  int64_t doc_id = 0;
  int64_t ordinal = 0;  // of the paragraph within its document
  std::string title;    // the document's title, else its file name
  std::optional<int> year;
  std::string lang;     // the paragraph's
  double score = 0;
  std::vector<SnippetPart> snippet;
  bool snippet_cut_before = false, snippet_cut_after = false;  // text left out
};

struct SearchCount {
  int64_t paragraphs = 0;
  int64_t documents = 0;
};

// `stats`, when given, says how the ranking went (top-k index or every match).
std::vector<SearchHit> search(Corpus& corpus, const Query& query, const SearchOptions& options,
                              RankingStats* stats = nullptr);
SearchCount count_matches(Corpus& corpus, const Query& query);

// The whole text of one paragraph with every match of `query` marked.
std::vector<SnippetPart> highlight_paragraph(Corpus& corpus, const Query& query,
                                             int64_t paragraph_id);

struct IndexStats {
  int64_t paragraphs = 0;  // rows in the index
  int64_t segments = 0;    // b-tree segments (1 after optimize when non-empty)
};

struct OptimizeReport {
  IndexStats before, after;
  bool stale = false;       // the index was another tokenizer's, so it was rebuilt
  bool topk_built = false;  // false: the top-k index was fresh already
  int64_t topk_terms = 0, topk_blocks = 0, topk_block_rows = 0;
  int64_t topk_pairs = 0, topk_together = 0, topk_together_coarse = 0;  // word pairs (store/topk_pairs.h)
  std::string topk_pairs_skipped; // why none were built, if that was the text's fault
};

// Merges the index into one segment ('optimize'); with `rebuild`, first
// re-tokenises every paragraph from the stored text ('rebuild': needed after
// the normalisers change; done anyway when the index is stale). Then
// (re)builds the top-k index unless it is fresh.
OptimizeReport optimize_index(Corpus& corpus, bool rebuild);
IndexStats index_stats(Corpus& corpus);

// True when the index was built by tokenizer rules other than this build's
// (the normalisers changed since): searches may miss until a rebuild.
bool index_is_stale(Corpus& corpus);
// Records this build's tokenizer fingerprint as the index's (after a rebuild,
// or on a fresh index).
void mark_index_current(Corpus& corpus);
// Before writing (ingest): rebuilds a stale index so FTS 'delete' and new rows
// use the same tokens as the rows already indexed; records the fingerprint.
// Returns true when it rebuilt.
bool refresh_stale_index(Corpus& corpus);

}  // namespace dipmine::store

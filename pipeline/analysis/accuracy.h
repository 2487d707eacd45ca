// Precision and recall of a lexicon against hand-labelled paragraphs (a gold
// file), per concept kind and paragraph language.
//
//   GoldSet g = load_gold("tests/data/gold/mentions.tsv");
//   for (const AccuracyRow& r : evaluate_gold(corpus, matcher, g)) print(r.kind, r.lang, r.precision);
//
// Gold file: UTF-8 TSV with header "file anchor concept count note". `file` is
// a stored document's name (the manifest key), `anchor` a piece of original text
// found in exactly one of its paragraphs. Each row says the paragraph mentions
// `concept` `count` times; a row with concept "-" marks a labelled paragraph
// with no mention. A paragraph's rows together are its complete labelling.
// Scoring per (paragraph, concept): true positives min(gold, found), false
// positives the excess found, false negatives the excess gold. The matcher runs
// on the stored paragraph text, so the score is the lexicon's, not old mentions'.
// Errors: dipmine::Error "FILE:LINE: ..." for a bad row, an unknown document or
// concept, or an anchor found in no paragraph or in several.
//
// Document-level gold (tests/data/gold/real/, its README.md): a folder with
// labels-<lang>.tsv files ("file split source licence title year indicators
// networks note"), each row naming a document file under the folder, its split
// (dev or test) and every indicator and network a reader finds in it. A network
// id "new:<snake_case>" is one no concept exists for yet: it counts as gold the
// lexicon must find, so always a miss until the concept is added.
//
//   DocGold g = load_doc_gold("tests/data/gold/real", lexicon);
//   std::vector<std::set<std::string>> found = ...;  // concept ids per g.docs[i]
//   for (const DocAccuracyRow& r : evaluate_doc_gold(g, found, lexicon, DocGrouping::kind_lang)) ...
//
// Scoring is per (document, concept): present in the gold and found = correct,
// found only = false positive, gold only = miss; micro-averaged over the group.
// Errors: dipmine::Error "FILE:LINE: ..." for a bad header or row, an unknown
// concept (other than new:), an indicator in the networks column or the other
// way round, a file listed twice or missing; "DIR: ..." for a missing folder or
// one without labels-*.tsv.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "lexicon/matcher.h"
#include "store/corpus.h"

namespace dipmine::analysis {

struct GoldRow {
  std::string file, anchor, concept_id;  // concept "-" = none
  int count = 0;
  int line = 0;
};

struct GoldSet {
  std::string path;
  std::vector<GoldRow> rows;
};

GoldSet load_gold(const std::string& path);

struct AccuracyRow {
  std::string kind;  // "indicator", "network" or "all"
  std::string lang;  // "fa", "en", "ja" or "all"
  int64_t paragraphs = 0, gold = 0, found = 0, true_positives = 0;
  double precision = 0, recall = 0;  // 1.0 when there is nothing to score
};

// Rows for every kind x lang with data, then per kind over all languages, then all.
std::vector<AccuracyRow> evaluate_gold(store::Corpus& corpus, const lexicon::Matcher& matcher,
                                       const GoldSet& gold);

struct DocGoldRow {
  std::string file;                        // relative to the gold folder
  std::string path;                        // the document's path on disk
  std::string lang;                        // from labels-<lang>.tsv
  std::string split;                       // "dev" or "test"
  std::set<std::string> indicators, networks;  // ids; networks may be "new:..."
  std::string labels_path;
  int line = 0;
};

struct DocGold {
  std::string dir;
  std::vector<DocGoldRow> docs;  // labels files in name order, rows in file order
  size_t new_networks = 0;       // "new:" labels (misses by construction)
  // Labelled documents under a fetched/ folder whose file is not there (text
  // not stored for licence reasons, not yet fetched): not scored, but counted.
  std::vector<std::string> absent;
};

DocGold load_doc_gold(const std::string& dir, const lexicon::Lexicon& lexicon);

enum class DocGrouping { kind_lang, kind, lang, concepts };

struct DocAccuracyRow {
  std::string split;    // "dev", "test" or "all"
  std::string kind;     // "indicator", "network" or "all"
  std::string lang;     // "fa", "en", "ja" or "all"
  std::string concept_id;  // DocGrouping::concepts only (may be "new:...")
  int64_t docs = 0, gold = 0, found = 0, true_positives = 0;
  double precision = 0, recall = 0, f1 = 0;  // precision/recall 1.0 when nothing to score
};

// `found[i]` holds the concept ids the lexicon finds in gold.docs[i] (ids of
// other kinds are ignored). Rows per split (dev, test, then all; only `split`
// when given) and per group, in a fixed order; groups without documents are left out.
std::vector<DocAccuracyRow> evaluate_doc_gold(const DocGold& gold,
                                              const std::vector<std::set<std::string>>& found,
                                              const lexicon::Lexicon& lexicon, DocGrouping by,
                                              const std::string& split = "");

}  // namespace dipmine::analysis

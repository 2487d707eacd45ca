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
#pragma once
#include <cstdint>
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

}  // namespace dipmine::analysis

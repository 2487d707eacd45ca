// Candidate terms: frequent word n-grams of the stored corpus that no lexicon
// form covers, i.e. what a researcher should consider adding to the lexicons.
//
//   TermOptions opt;  opt.lang = text::Lang::fa;  opt.top = 50;  opt.min_docs = 2;
//   std::vector<CandidateTerm> t = candidate_terms(corpus, &matcher, stop_words, opt);
//   for (const auto& c : t) print(c.term, c.documents, c.count);
//
// What goes in: the paragraphs of the store (original text; each is cleaned with
// normalizer_for(lang).clean and split into words with text::words, which for
// Japanese is ICU dictionary segmentation), a compiled lexicon (may be null:
// nothing is excluded) and stop words per language.
// What comes out: n-grams of 1..max_n consecutive words inside one sentence,
// neither first nor last word a stop word and no word made only of digits, that
// no lexicon form of the same language matches (an n-gram is "covered" when a
// lexicon match overlaps its folded span). The key is the folded n-gram
// (words joined by one space; Japanese joined without space); `term` shows
// the most frequent clean spelling. Sorted by documents desc, count desc,
// key asc; at most `top` (0 = all), only those in >= min_docs documents.
// Errors: store errors throw dipmine::Error. Thread safety: a pure function of
// its arguments; the Corpus must not be used by another thread meanwhile.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/corpus.h"
#include "text/lang.h"

namespace dipmine::lexicon {
class Matcher;
}

namespace dipmine::analysis {

struct TermOptions {
  std::optional<text::Lang> lang;  // nullopt: every language (each term keeps its own)
  int max_n = 4;                   // longest n-gram, 1..4
  int min_docs = 1;                // drop terms found in fewer documents
  int top = 0;                     // keep the first `top` after sorting; 0 = all
  std::optional<std::vector<int64_t>> doc_ids;  // restrict to these documents
};

struct CandidateTerm {
  std::string key;    // folded n-gram: the identity of the term
  std::string term;   // most frequent clean spelling, for display
  text::Lang lang = text::Lang::none;
  int words = 1;      // n
  int64_t documents = 0;  // documents containing it
  int64_t count = 0;      // occurrences in all
  std::vector<int64_t> doc_ids;  // sorted ids of the documents containing it
};

// Stop words per language, folded. `load_stop_words(dir)` reads
// DIR/stopwords-<lang>.txt (one word per line, # comments); a missing file
// gives an empty list for that language.
struct StopWords {
  std::set<std::string> fa, en, ja;
  const std::set<std::string>& of(text::Lang lang) const;
};
StopWords load_stop_words(const std::string& dir);

std::vector<CandidateTerm> candidate_terms(store::Corpus& corpus, const lexicon::Matcher* matcher,
                                           const StopWords& stop_words, const TermOptions& options);

}  // namespace dipmine::analysis

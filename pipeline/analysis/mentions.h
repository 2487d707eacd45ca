// Lexicon mentions in the store: computing them for a paragraph, keeping the
// concepts table in step with the lexicon in use, re-running extraction over
// stored text after a lexicon edit, and reading counts and details back.
//
//   auto m = paragraph_mentions(matcher, text, text::Lang::fa);  // for ingest
//   ExtractReport r = re_extract(corpus, matcher);  // after editing lexicons/
//   for (const auto& c : r.changes) print(c.concept_id, c.docs_before, c.docs_after);
//
// Offsets are bytes of the paragraph's original text; a mention's sentence is
// the ordinal (from 0) of the text::sentences span holding its start.
// re_extract replaces every mention and the concepts table in one transaction:
// on any error nothing changes. Errors throw dipmine::Error. One Corpus per
// thread; paragraph_mentions is safe from any thread.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/matcher.h"
#include "store/corpus.h"

namespace dipmine::analysis {

std::vector<store::MentionRecord> paragraph_mentions(const lexicon::Matcher& matcher,
                                                     std::string_view text, text::Lang lang);
// The same, with `folded` == normalizer_for(lang).fold_for_prefix(text).
std::vector<store::MentionRecord> paragraph_mentions(const lexicon::Matcher& matcher,
                                                     std::string_view text, text::Lang lang,
                                                     const text::MappedText& folded);

// 16 hex digits that change when any concept or form changes.
std::string lexicon_fingerprint(const lexicon::Lexicon& lexicon);

// Replaces the rows of `concepts` with the lexicon's and records its
// fingerprint (store_state "lexicon"). Call inside a Transaction.
void sync_concepts(store::Corpus& corpus, const lexicon::Lexicon& lexicon);

struct ConceptChange {
  std::string concept_id;
  int64_t docs_before = 0, docs_after = 0;
  int64_t mentions_before = 0, mentions_after = 0;
};

struct ExtractReport {
  int64_t paragraphs = 0;
  int64_t mentions_before = 0, mentions_after = 0;
  std::vector<ConceptChange> changes;  // concepts whose counts changed, by id
  std::vector<std::string> gained;     // concepts now found that were not before
  std::vector<std::string> lost;       // concepts found before that are not now
};

// Re-matches every stored paragraph (in parallel) and rewrites mentions and
// concepts in one transaction.
ExtractReport re_extract(store::Corpus& corpus, const lexicon::Matcher& matcher);

struct MentionFilter {
  std::optional<int64_t> doc_id;
  std::optional<std::string> concept_id;
};

struct MentionCount {
  int64_t doc_id = 0;
  std::string doc_name, concept_id, kind;
  int64_t mentions = 0, paragraphs = 0;
};

struct MentionDetail {
  int64_t doc_id = 0;
  std::string doc_name;
  int64_t paragraph = 0;  // ordinal in the document
  std::string lang;
  int sentence = 0;
  std::string concept_id, form;
  uint32_t start = 0, end = 0;
  std::string matched;   // original text of the mention
  std::string sentence_text;  // the sentence holding it, newlines as spaces
};

// Counts per document and concept, ordered by document then concept.
std::vector<MentionCount> mention_counts(store::Corpus& corpus, const MentionFilter& filter);
// Every mention, ordered by document, paragraph, start.
std::vector<MentionDetail> mention_details(store::Corpus& corpus, const MentionFilter& filter);

}  // namespace dipmine::analysis

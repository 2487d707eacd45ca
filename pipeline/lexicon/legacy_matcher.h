// TEMPORARY: the atom-filter matcher Hyperscan replaces, kept only for the
// equivalence test (tests/unit/lexicon/equivalence_test.cpp); deleted once it passes.
#pragma once
#include <atomic>

#include "lexicon/matcher.h"

namespace dipmine::lexicon {

class LegacyMatcher {
 public:
  explicit LegacyMatcher(Lexicon lexicon);
  ~LegacyMatcher();
  LegacyMatcher(const LegacyMatcher&) = delete;
  LegacyMatcher& operator=(const LegacyMatcher&) = delete;

  const Lexicon& lexicon() const { return lexicon_; }

  // Mentions in `original` (a paragraph of language `lang`), sorted by start.
  std::vector<Mention> find(std::string_view original, text::Lang lang) const;
  // The same, given `folded` == normalizer_for(lang).fold_for_prefix(original)
  // (ingest folds each paragraph once for matching and for the index).
  std::vector<Mention> find(std::string_view original, text::Lang lang,
                            const text::MappedText& folded) const;

  // Hits in already folded text: boundaries and overlaps applied, case not
  // confirmed (there is no original to confirm against). For benchmarks/tests.
  std::vector<Hit> scan(std::string_view folded) const;

  // Forms with no usable atom, tried on every paragraph (slow if many).
  size_t unfiltered_forms() const;

 private:
  struct Shared;
  struct Compiled;
  const Compiled& compiled() const;  // this thread's copy
  std::vector<Hit> candidates(std::string_view folded) const;
  std::vector<Hit> resolve(std::vector<Hit> hits) const;

  Lexicon lexicon_;
  uint64_t id_;  // key of this matcher's per-thread programs
  std::unique_ptr<const Shared> shared_;
  std::shared_ptr<const Compiled> first_;  // compiled in the constructor (checks errors)
  mutable std::atomic<bool> first_claimed_{false};
};

}  // namespace dipmine::lexicon

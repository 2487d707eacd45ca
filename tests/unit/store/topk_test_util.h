// Helpers of the top-k index tests (topk_index_test.cpp, topk_pairs_test.cpp):
// the shipped corpus as a store, an index build with test-sized word pairs,
// the corpus's words as queries.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "store/corpus.h"
#include "store/query.h"
#include "store/topk_index.h"
#include "store_test_util.h"

namespace topk_test {

using namespace dipmine::store;
using store_test::TempDir;

// The shipped corpus as documents of 25 paragraphs, years 2010..2022 (every
// seventh document without one).
inline std::unique_ptr<Corpus> seed_corpus(const TempDir& t) {
  auto c = Corpus::open(t.path("topk.db"), OpenMode::create);
  const auto paragraphs = store_test::corpus_paragraphs();
  Transaction tx(c->db());
  for (size_t start = 0, n = 0; start < paragraphs.size(); start += 25, ++n) {
    const std::vector<std::string> part(paragraphs.begin() + static_cast<std::ptrdiff_t>(start),
                                        paragraphs.begin() + static_cast<std::ptrdiff_t>(std::min(start + 25, paragraphs.size())));
    DocumentRecord d = store_test::document("doc" + std::to_string(n), part, true);
    if (n % 7 != 6) d.year = 2010 + static_cast<int>(n % 13);
    c->insert(d);
  }
  tx.commit();
  return c;
}

// Word pairs of words in at least two rows by default (the shipped default
// of 4096 would leave this corpus without any).
inline TopkIndex::BuildStats build(Corpus& c, int block_rows, int64_t pair_min_word_df = 2, double pair_budget = 1.0,
                            size_t pair_max_terms_a_row = 1000) {
  Transaction tx(c.db());
  const auto stats = TopkIndex::build(c, {block_rows, pair_min_word_df, pair_budget, pair_max_terms_a_row});
  tx.commit();
  return stats;
}

// Whitespace-separated words of the corpus that are valid queries; with
// `neighbours`, also "a b" for each two of them that stand side by side.
inline std::vector<std::string> query_words(const std::vector<std::string>& paragraphs,
                                     std::vector<std::string>* neighbours = nullptr) {
  std::vector<std::string> words;
  for (size_t i = 0; i < paragraphs.size(); i += 3) {
    const std::string& p = paragraphs[i];
    bool after_word = false;
    for (size_t a = 0, b; a < p.size(); a = b + 1) {
      b = p.find_first_of(" \n", a);
      if (b == std::string::npos) b = p.size();
      std::string w = p.substr(a, b - a);
      const bool was_after_word = after_word;
      after_word = false;
      if (w.size() < 4 || w.find_first_of("\"*():-,") != std::string::npos) continue;
      try {
        parse_query(w);
        if (neighbours && was_after_word) neighbours->push_back(words.back() + " " + w);
        words.push_back(w);
        after_word = true;
      } catch (const dipmine::UsageError&) {
      }
    }
  }
  return words;
}


}  // namespace topk_test

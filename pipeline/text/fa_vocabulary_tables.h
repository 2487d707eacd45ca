// Internal to the text module: the tables of the Persian vocabulary
// (fa_vocabulary.h: fa_word_count, fa_anagrams, fa_vocabulary_entries).
// Built at build time by gen/fa_vocabulary_gen.cpp from
// detail::kFaVocabularyTsv ("key<TAB>count", a line each; # comments) and read
// from the arrays it writes: parsing the list and hashing and sorting its
// words cost every process that folds Persian (a search, too) 2.3 M
// instructions at its first Persian word.
//
//   HashTable64::find_each(kFaVocabularyCountSlots, kFaVocabularyCountValues,
//                          fa_key_hash(key), ...)   // index into kFaVocabularyCounts
#pragma once
#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/hash_table64.h"
#include "text/fa_vocabulary.h"
#include "text/utf8.h"

namespace dipmine::text::detail {

// Independent of letter order: equal for anagrams (the sum of a mix of each
// code point), so most words with no known anagram are turned away at once.
inline uint64_t anagram_signature(std::string_view key) {
  uint64_t sig = 0;
  for (size_t i = 0; i < key.size();) {
    size_t len;
    uint64_t x = decode_utf8(key, i, len);
    i += len;
    x = (x + 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
    sig += x ^ (x >> 31);
  }
  return sig;
}

extern const std::span<const FaWord> kFaVocabularyEntries;  // the list's order
extern const std::span<const FaWord> kFaVocabularyCounts;   // a key once, its largest count
extern const std::span<const uint64_t> kFaVocabularyCountSlots;  // fa_key_hash(key) ->
extern const std::span<const uint32_t> kFaVocabularyCountValues;  //   index in kFaVocabularyCounts
extern const std::span<const uint64_t> kFaAnagramSignatureSlots;  // a set of signatures
extern const std::span<const uint64_t> kFaAnagramSignatures;      // sorted, a word each
extern const std::span<const FaWord> kFaAnagramWords;             // in that order

// The tables as the generator builds them from the list.
struct VocabularyTables {
  std::vector<FaWord> entries, counts, anagram_words;
  HashTable64 count_index, signature_set;
  std::vector<uint64_t> signatures;

  explicit VocabularyTables(std::string_view tsv) {
    for (size_t pos = 0; pos < tsv.size();) {
      size_t nl = tsv.find('\n', pos);
      if (nl == std::string_view::npos) nl = tsv.size();
      const std::string_view line = tsv.substr(pos, nl - pos);
      pos = nl + 1;
      const size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      uint32_t n = 0;
      for (char c : line.substr(tab + 1)) {
        if (c >= '0' && c <= '9') n = n * 10 + static_cast<uint32_t>(c - '0');
      }
      entries.push_back({line.substr(0, tab), n});
    }
    std::unordered_map<std::string_view, uint32_t> index;
    for (const FaWord& w : entries) {
      const auto [it, fresh] = index.emplace(w.key, static_cast<uint32_t>(counts.size()));
      if (fresh) counts.push_back(w);
      else counts[it->second].count = std::max(counts[it->second].count, w.count);
    }
    count_index = HashTable64(counts.size());
    for (uint32_t i = 0; i < counts.size(); ++i) count_index.insert_entry(fa_key_hash(counts[i].key), i);
    std::vector<std::pair<uint64_t, uint32_t>> order;
    signature_set = HashTable64(entries.size());
    for (uint32_t i = 0; i < entries.size(); ++i) {
      order.emplace_back(anagram_signature(entries[i].key), i);
      signature_set.insert(order.back().first);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [sig, i] : order) {
      signatures.push_back(sig);
      anagram_words.push_back(entries[i]);
    }
  }
};

}  // namespace dipmine::text::detail

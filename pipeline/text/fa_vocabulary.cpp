#include "text/fa_vocabulary.h"

#include <algorithm>
#include <string>

#include "text/arabic_chars.h"
#include "common/hash_table64.h"
#include "text/fa_vocabulary_tables.h"
#include "text/utf8.h"

namespace dipmine::text {
namespace {

std::string sorted_letters(std::string_view key) {
  std::u32string cps;
  for (size_t i = 0; i < key.size();) {
    size_t len;
    cps.push_back(decode_utf8(key, i, len));
    i += len;
  }
  std::sort(cps.begin(), cps.end());
  std::string out;
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

}  // namespace

std::string fa_key(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    size_t len;
    char32_t c = decode_utf8(word, i, len);
    i += len;
    if (!fa::is_letter(c) || c == 0x0621) continue;  // marks, ZWNJ, tatweel, ء
    c = fa::persian_letter(c);
    switch (c) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: c = 0x0627; break;  // ا
      case 0x0624: c = 0x0648; break;                                          // و
      case 0x0626: c = 0x06CC; break;                                          // ی
      default: break;
    }
    append_utf8(out, c);
  }
  return out;
}

// The tables are made at build time (fa_vocabulary_tables.h).
uint32_t fa_word_count(std::string_view key) {
  uint32_t n = 0;
  HashTable64::find_each(detail::kFaVocabularyCountSlots, detail::kFaVocabularyCountValues,
                         fa_key_hash(key), [&](uint32_t i) {
                           if (detail::kFaVocabularyCounts[i].key != key) return false;
                           n = detail::kFaVocabularyCounts[i].count;
                           return true;
                         });
  return n;
}

std::span<const FaWord> fa_anagrams(std::string_view key) {
  const uint64_t sig = detail::anagram_signature(key);
  if (!HashTable64::contains(detail::kFaAnagramSignatureSlots, sig)) return {};
  const std::span<const uint64_t> sigs = detail::kFaAnagramSignatures;
  const auto [b, e] = std::equal_range(sigs.begin(), sigs.end(), sig);
  if (b == e) return {};
  const std::span<const FaWord> group =
      detail::kFaAnagramWords.subspan(static_cast<size_t>(b - sigs.begin()), static_cast<size_t>(e - b));
  // The signature is a 64-bit sum: the letters decide (a group shares them
  // unless two words' signatures collide, which the vocabulary test rules out).
  if (sorted_letters(group.front().key) != sorted_letters(key)) return {};
  return group;
}

size_t fa_vocabulary_size() { return detail::kFaVocabularyEntries.size(); }

std::span<const FaWord> fa_vocabulary_entries() { return detail::kFaVocabularyEntries; }

}  // namespace dipmine::text

#include "text/fa_vocabulary.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "text/arabic_chars.h"
#include "common/hash_table64.h"
#include "text/utf8.h"

namespace dipmine::text {
namespace detail {
extern const char kFaVocabularyTsv[];  // fa_vocabulary_data.cpp (generated)
}

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

uint64_t key_hash(std::string_view key) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Independent of letter order: equal for anagrams (the sum of a mix of each
// code point), so most words with no known anagram are turned away before
// their letters are sorted.
uint64_t anagram_signature(std::string_view key) {
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

struct Vocabulary {
  std::vector<FaWord> entries;
  std::unordered_map<std::string_view, uint32_t> counts;
  // Fast path: counts by key hash (entry index, verified by comparing the key).
  HashTable64 count_index;
  std::vector<std::pair<std::string_view, uint32_t>> count_entries;

  Vocabulary() {
    const std::string_view tsv = detail::kFaVocabularyTsv;
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
    counts.reserve(entries.size());
    for (const FaWord& w : entries) {
      counts[w.key] = std::max(counts[w.key], w.count);
    }
    count_index = HashTable64(counts.size());
    for (const auto& [key, n] : counts) {
      count_index.insert_entry(key_hash(key), static_cast<uint32_t>(count_entries.size()));
      count_entries.push_back({key, n});
    }
  }

  uint32_t count(std::string_view key) const {
    uint32_t n = 0;
    count_index.find_each(key_hash(key), [&](uint32_t i) {
      if (count_entries[i].first != key) return false;
      n = count_entries[i].second;
      return true;
    });
    return n;
  }
};

const Vocabulary& vocabulary() {
  static const Vocabulary v;
  return v;
}

// The anagram signatures that exist, then the words by their sorted letters:
// for the visual-order repair only, so made at its first question (not with
// the counts every Persian fold asks), the words at the first signature found.
const HashTable64& anagram_signatures() {
  static const HashTable64 signatures = [] {
    const auto& entries = vocabulary().entries;
    HashTable64 set(entries.size());
    for (const FaWord& w : entries) set.insert(anagram_signature(w.key));
    return set;
  }();
  return signatures;
}

// The words grouped by anagram signature, in vocabulary order within a group.
// Sorting the letters of every word instead cost each process that folds
// Persian (a search, too) about 1.7 M instructions at its first question.
struct AnagramGroups {
  std::vector<uint64_t> signatures;  // sorted, one per word
  std::vector<FaWord> words;         // in the same order
};

const AnagramGroups& anagram_groups() {
  static const AnagramGroups groups = [] {
    const auto& entries = vocabulary().entries;
    std::vector<std::pair<uint64_t, uint32_t>> order;
    order.reserve(entries.size());
    for (uint32_t i = 0; i < entries.size(); ++i) order.emplace_back(anagram_signature(entries[i].key), i);
    std::sort(order.begin(), order.end());
    AnagramGroups g;
    for (const auto& [sig, i] : order) {
      g.signatures.push_back(sig);
      g.words.push_back(entries[i]);
    }
    return g;
  }();
  return groups;
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

uint32_t fa_word_count(std::string_view key) { return vocabulary().count(key); }

std::span<const FaWord> fa_anagrams(std::string_view key) {
  const uint64_t sig = anagram_signature(key);
  if (!anagram_signatures().contains(sig)) return {};
  const AnagramGroups& g = anagram_groups();
  const auto [b, e] = std::equal_range(g.signatures.begin(), g.signatures.end(), sig);
  if (b == e) return {};
  const std::span<const FaWord> group(g.words.data() + (b - g.signatures.begin()),
                                      static_cast<size_t>(e - b));
  // The signature is a 64-bit sum: the letters decide (a group shares them
  // unless two words' signatures collide, which the vocabulary test rules out).
  if (sorted_letters(group.front().key) != sorted_letters(key)) return {};
  return group;
}

size_t fa_vocabulary_size() { return vocabulary().entries.size(); }

std::span<const FaWord> fa_vocabulary_entries() { return vocabulary().entries; }

}  // namespace dipmine::text

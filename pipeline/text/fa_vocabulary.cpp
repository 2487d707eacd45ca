#include "text/fa_vocabulary.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "text/arabic_chars.h"
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

// An open-addressing set of 64-bit values (never 0) with a payload index.
struct HashIndex {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  size_t mask = 0;
  void init(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap <<= 1;
    keys.assign(cap, 0);
    values.assign(cap, 0);
    mask = cap - 1;
  }
  // The slot of `h` (or the empty slot where it would go).
  size_t slot(uint64_t h) const {
    h |= 1;
    size_t i = static_cast<size_t>(h ^ (h >> 29)) & mask;
    while (keys[i] != 0 && keys[i] != h) i = (i + 1) & mask;
    return i;
  }
};

struct Vocabulary {
  std::vector<FaWord> entries;
  std::unordered_map<std::string_view, uint32_t> counts;
  // Fast path: counts by key hash (entry index, verified by comparing the key).
  HashIndex count_index;
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
    count_index.init(counts.size());
    for (const auto& [key, n] : counts) {
      // Keys whose hashes collide share a slot chain: probe past other keys.
      uint64_t h = key_hash(key) | 1;
      size_t i = static_cast<size_t>(h ^ (h >> 29)) & count_index.mask;
      while (count_index.keys[i] != 0) i = (i + 1) & count_index.mask;
      count_index.keys[i] = h;
      count_index.values[i] = static_cast<uint32_t>(count_entries.size());
      count_entries.push_back({key, n});
    }
  }

  uint32_t count(std::string_view key) const {
    const uint64_t h = key_hash(key) | 1;
    for (size_t i = static_cast<size_t>(h ^ (h >> 29)) & count_index.mask; count_index.keys[i] != 0;
         i = (i + 1) & count_index.mask) {
      if (count_index.keys[i] == h && count_entries[count_index.values[i]].first == key) {
        return count_entries[count_index.values[i]].second;
      }
    }
    return 0;
  }
};

const Vocabulary& vocabulary() {
  static const Vocabulary v;
  return v;
}

// The anagram signatures that exist, then the words by their sorted letters:
// for the visual-order repair only, so made at its first question (not with
// the counts every Persian fold asks), the words at the first signature found.
const HashIndex& anagram_signatures() {
  static const HashIndex signatures = [] {
    HashIndex set;
    const auto& entries = vocabulary().entries;
    set.init(entries.size());
    for (const FaWord& w : entries) {
      const uint64_t h = anagram_signature(w.key) | 1;
      set.keys[set.slot(h)] = h;
    }
    return set;
  }();
  return signatures;
}

const std::unordered_map<std::string, std::vector<FaWord>>& anagram_words() {
  static const auto words = [] {
    std::unordered_map<std::string, std::vector<FaWord>> map;
    for (const FaWord& w : vocabulary().entries) map[sorted_letters(w.key)].push_back(w);
    return map;
  }();
  return words;
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
  const HashIndex& signatures = anagram_signatures();
  const uint64_t sig = anagram_signature(key) | 1;
  if (signatures.keys[signatures.slot(sig)] != sig) return {};
  const auto& words = anagram_words();
  const auto it = words.find(sorted_letters(key));
  if (it == words.end()) return {};
  return it->second;
}

size_t fa_vocabulary_size() { return vocabulary().entries.size(); }

std::span<const FaWord> fa_vocabulary_entries() { return vocabulary().entries; }

}  // namespace dipmine::text

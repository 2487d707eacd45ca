// fa_is_word and the compound questions: the shipped vocabulary, then the
// compiled-in dictionary (sorted keys and compound splits, one a line;
// fa_dictionary_data.cpp), searched by halves in the compiled-in text (no
// table built at start-up) until a process has asked enough words for a hash
// table of the keys to pay for itself (ingest, not a search); the compounds'
// tables are made at the first question about compounds. Asked only of word
// forms the memo has not seen and of the few words a rule would make.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/hash_table64.h"
#include "text/fa_compound_tables.h"
#include "common/lines.h"
#include "text/fa_vocabulary.h"
#include "text/utf8.h"

namespace dipmine::text {
namespace detail {
extern const char kFaDictionaryKeys[];       // fa_dictionary_data.cpp (generated)
}

namespace {

// The keys' text, measured once: its length taken at every question (a
// strlen of 600 KB) was half the cost of a Persian fold of unseen words.
std::string_view dictionary_keys() {
  static const std::string_view keys(detail::kFaDictionaryKeys);
  return keys;
}

std::vector<std::string_view> lines_of(std::string_view all) {
  std::vector<std::string_view> out;
  LineReader reader(all);
  for (std::string_view line; reader.next(line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Whether `key` is a line of `lines` ("a\nb\n...": lines sorted by bytes,
// distinct), by halves over the text itself: the 34,000 keys need no table
// built at start-up (building one took about 20 million instructions, more
// than a whole search).
bool sorted_lines_contain(std::string_view lines, std::string_view key) {
  size_t lo = 0, hi = lines.size();  // both at a line start (or the end)
  while (lo < hi) {
    size_t start = lo + (hi - lo) / 2;
    while (start > lo && lines[start - 1] != '\n') --start;
    size_t end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    const int cmp = lines.substr(start, end - start).compare(key);
    if (cmp == 0) return true;
    if (cmp < 0) {
      lo = end + 1;
    } else {
      hi = start;
    }
  }
  return false;
}

// The keys by fa_key_hash (their indexes as values): one hash and a compare
// or two, where a search by halves compares fifteen keys. Built only once
// many words were asked (below).
struct KeyTable {
  std::vector<std::string_view> keys = lines_of(dictionary_keys());
  HashTable64 index{keys.size()};
  KeyTable() {
    for (size_t i = 0; i < keys.size(); ++i) index.insert_entry(fa_key_hash(keys[i]), static_cast<uint32_t>(i));
  }
  bool contains(std::string_view key) const {
    return index.find_each(fa_key_hash(key), [&](uint32_t i) { return keys[i] == key; });
  }
};

// A search asks a handful of words: by halves, no table. Ingest asks
// thousands (each new word form once, the memo keeps the rest): after
// kAskedBeforeTable questions the table is built and used.
constexpr uint32_t kAskedBeforeTable = 8192;

bool is_dictionary_key(std::string_view key) {
  static std::atomic<uint32_t> asked{0};
  if (asked.load(std::memory_order_relaxed) < kAskedBeforeTable) {
    asked.fetch_add(1, std::memory_order_relaxed);
    return sorted_lines_contain(dictionary_keys(), key);
  }
  static const KeyTable table;
  return table.contains(key);
}

}  // namespace

bool fa_is_word(std::string_view key) {
  if (key.empty()) return false;
  return fa_word_count(key) > 0 || is_dictionary_key(key);
}

// The compound tables are made at build time (fa_compound_tables.h).
bool fa_compound_head(std::string_view key) {
  return !key.empty() && HashTable64::contains(detail::kFaCompoundHeads, fa_key_hash(key));
}
bool fa_compound_tail(std::string_view key) {
  return !key.empty() && HashTable64::contains(detail::kFaCompoundTails, fa_key_hash(key));
}

bool fa_may_be_compound(uint64_t pair_hash) {
  const uint64_t bit = detail::compound_pair_bit(pair_hash);
  return ((detail::kFaCompoundPairBits[bit >> 6] >> (bit & 63)) & 1) &&
         HashTable64::contains(detail::kFaCompoundPairs, pair_hash);
}

bool fa_is_compound(std::string_view first, std::string_view second) {
  return fa_may_be_compound(fa_compound_hash(fa_key_hash(first), fa_key_hash(second)));
}

size_t fa_compound_split(std::string_view key) {
  // The head's hash grows a letter at a time; the tail's is taken whole.
  uint64_t head = kFaKeyHashStart;
  size_t letters = 0;
  for (size_t i = 0; i < key.size();) {
    size_t len;
    decode_utf8(key, i, len);
    for (const size_t end = i + len; i < end; ++i) head = fa_key_hash_step(head, static_cast<unsigned char>(key[i]));
    if (++letters < 2) continue;
    const std::string_view tail = key.substr(i);
    if (tail.size() < 4) break;  // a tail of two Persian letters is four bytes
    if (fa_may_be_compound(fa_compound_hash(head, fa_key_hash(tail)))) return i;
  }
  return 0;
}

}  // namespace dipmine::text

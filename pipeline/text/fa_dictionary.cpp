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
#include "common/lines.h"
#include "text/fa_vocabulary.h"
#include "text/utf8.h"

namespace dipmine::text {
namespace detail {
extern const char kFaDictionaryKeys[];       // fa_dictionary_data.cpp (generated)
extern const char kFaDictionaryCompounds[];  // "first|second", one a line
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

// fa_key_hash of each compound head and each tail, and fa_compound_hash of
// each compound, made at the first question about compounds: asked once per
// new word form (parts) or for many pairs of words (compounds), so one probe
// or two, not a search by halves.
// Lines of kFaDictionaryCompounds: the tables' first size (they grow if the
// data has more).
constexpr size_t kCompoundCount = 11465;

struct Compounds {
  HashTable64 heads, tails, pairs;
  // One bit per compound hash (2^17 bits, 16 KB: stays in the first-level
  // cache), asked first: most pairs of words stop here.
  std::vector<uint64_t> pair_bits = std::vector<uint64_t>(2048, 0);
  static uint64_t bit_of(uint64_t h) { return (h >> 40) & 0x1FFFF; }

  // Each table made in place (copies of three 512 KB arrays were a fifth of
  // the cost), the lines read as they come.
  explicit Compounds(size_t count = kCompoundCount)
      : heads(count), tails(count), pairs(count) {
    LineReader reader(detail::kFaDictionaryCompounds);
    for (std::string_view c; reader.next(c);) {
      if (c.empty()) continue;
      const size_t bar = c.find('|');
      const uint64_t head = fa_key_hash(c.substr(0, bar)), tail = fa_key_hash(c.substr(bar + 1));
      heads.insert(head);
      tails.insert(tail);
      const uint64_t pair = fa_compound_hash(head, tail) | 1;
      pairs.insert(pair);
      pair_bits[bit_of(pair) >> 6] |= uint64_t{1} << (bit_of(pair) & 63);
    }
  }

  bool may_be(uint64_t pair) const {
    pair |= 1;
    return ((pair_bits[bit_of(pair) >> 6] >> (bit_of(pair) & 63)) & 1) && pairs.contains(pair);
  }
};

const Compounds& compounds() {
  static const Compounds c;
  return c;
}

}  // namespace

bool fa_is_word(std::string_view key) {
  if (key.empty()) return false;
  return fa_word_count(key) > 0 || is_dictionary_key(key);
}

bool fa_compound_head(std::string_view key) { return !key.empty() && compounds().heads.contains(fa_key_hash(key)); }
bool fa_compound_tail(std::string_view key) { return !key.empty() && compounds().tails.contains(fa_key_hash(key)); }

bool fa_may_be_compound(uint64_t pair_hash) { return compounds().may_be(pair_hash); }

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

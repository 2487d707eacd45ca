// The shipped Persian vocabulary: words seen in clean Persian text, with counts,
// used as evidence by the visual-order repair and the ZWNJ suffix rule.
//
//   std::string k = fa_key("توسعة");          // "توسعه": the lookup form
//   uint32_t n = fa_word_count(k);           // 0 when unknown
//   for (const FaWord& w : fa_anagrams(k)) ...  // known words with the same letters
//
// The data is compiled in (fa_vocabulary_data.cpp, generated from
// lexicons/fa_vocabulary.tsv by scripts/gen_fa_vocabulary), so results never
// depend on the current directory or on the corpus being processed: the same
// paragraph always normalises the same way. Thread-safe (built once, read-only).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::text {

struct FaWord {
  std::string_view key;
  uint32_t count = 0;
};

// The lookup key of a Persian word: its Arabic-script letters only (harakat,
// ZWNJ, tatweel, hamza ء dropped), with ي ى ے → ی, ك → ک, ة ۀ ہ ە → ه,
// أ إ آ ٱ → ا, ؤ → و, ئ → ی. Non-letters are dropped. fa_key(fa_key(x)) == fa_key(x).
std::string fa_key(std::string_view word);

// How often the word with this key was seen in clean text; 0 if never.
uint32_t fa_word_count(std::string_view key);

// Known words whose keys hold exactly the letters of `key` (any order), the
// word itself included if known. Empty if none.
std::span<const FaWord> fa_anagrams(std::string_view key);

// Whether `key` (an fa_key) is a Persian word: in the vocabulary above or in
// the larger dictionary of lexicons/fa_dictionary.txt (about 34,000 keys,
// compiled into fa_dictionary_data.cpp by scripts/gen_fa_dictionary). The
// evidence the normaliser asks before it makes a word by joining a lone letter,
// repairing a reversed lam-alef or collapsing repeated letters.
bool fa_is_word(std::string_view key);
// Compounds the dictionary writes with a ZWNJ (زمین‌لرزه): whether `first`
// and `second` (keys) are its two parts, and whether a key is the first (head)
// or the second part (tail) of any such compound.
bool fa_is_compound(std::string_view first, std::string_view second);
bool fa_compound_head(std::string_view key);
bool fa_compound_tail(std::string_view key);
// The same question asked cheaply for every pair of words: a hash of a key's
// UTF-8 bytes (FNV-1a; fed byte by byte with fa_key_hash_step, so a word's
// key need not be built), two of them combined, and whether some compound has
// that combined hash (false: certainly not a compound; true: ask
// fa_is_compound).
constexpr uint64_t kFaKeyHashStart = 1469598103934665603ull;
constexpr uint64_t fa_key_hash_step(uint64_t h, unsigned char byte) { return (h ^ byte) * 1099511628211ull; }
inline uint64_t fa_key_hash(std::string_view key) {
  uint64_t h = kFaKeyHashStart;
  for (unsigned char c : key) h = fa_key_hash_step(h, c);
  return h;
}
// (Of the low 32 bits of each key hash: what the word memo keeps.)
constexpr uint64_t fa_compound_hash(uint64_t first, uint64_t second) {
  return (static_cast<uint32_t>(first) * 0x9E3779B97F4A7C15ull) ^ (static_cast<uint32_t>(second) + 0x7F4A7C15ull);
}
// Whether a compound of the dictionary has this compound hash (a 64-bit hash
// of two keys: taken as the answer, a false hit being about as likely as
// 11,465 in 2^64).
bool fa_may_be_compound(uint64_t pair_hash);
// The byte length of the first part when `key` is such a compound with its
// parts run together (fold joins زمین لرزه and زمین‌لرزه into زمینلرزه: the
// length of زمین), each part at least two letters; 0 when it is none. The
// index gives the joined key its parts as colocated keys.
size_t fa_compound_split(std::string_view key);

// Number of entries (for tests and the bench).
size_t fa_vocabulary_size();

// The compiled-in entries, in the generated file's order.
std::span<const FaWord> fa_vocabulary_entries();

}  // namespace dipmine::text

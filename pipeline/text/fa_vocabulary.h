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

// Number of entries (for tests and the bench).
size_t fa_vocabulary_size();

// The compiled-in entries, in the generated file's order.
std::span<const FaWord> fa_vocabulary_entries();

}  // namespace dipmine::text

// Segmentation of text into sentences and word tokens by ICU's rules (UAX #29;
// dictionary-based for Japanese), plus the indexing terms that search and the
// FTS5 tokenizer use.
//
//   for (Span s : sentences(text, Lang::en)) ...
//   for (Span w : words(text, Lang::ja)) ...         // 東京|都|に|住む
//   for (Term t : index_terms(original, Lang::fa)) ... // folded term + original bytes
//
// Offsets are UTF-8 byte offsets into the text given. Words are spans that contain
// at least one letter or digit (punctuation and spaces are not words). Thread-safe:
// BreakIterators are kept per thread. Invalid UTF-8 never crashes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/lang.h"

namespace dipmine::text {

struct MappedText;

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

std::vector<Span> sentences(std::string_view text, Lang lang);
// Words are also cut where Arabic script (letters, marks) meets a Latin letter
// or a digit (ASCII, Persian or Arabic-Indic): UCLGشهر, C40در, مسافت۹ are two
// words each, whatever UAX #29 says (PDF extraction glues them).
std::vector<Span> words(std::string_view text, Lang lang);
// Whether a word boundary lies between these two neighbours by that rule.
bool script_changes(char32_t before, char32_t after);
// words() computed by ICU's BreakIterator alone, and without ICU (the UAX #29
// rules applied here; nullopt when the text has a code point outside U+0000..
// U+06FF and U+2000..U+206F). words() uses the second for en/fa text when it can; both
// are exposed so that tests can compare them.
std::vector<Span> icu_words(std::string_view text, Lang lang);
std::optional<std::vector<Span>> words_without_icu(std::string_view text);
// The same pair for sentences(), which uses the second whenever it can.
std::vector<Span> icu_sentences(std::string_view text, Lang lang);
std::optional<std::vector<Span>> sentences_without_icu(std::string_view text);

// Character bigrams over every run of two or more kanji or katakana (a run of
// one character yields that character): 国際都市 → 国際|際都|都市. Lets a search
// for 京都 find 東京都 that the dictionary segmented as 東京|都.
std::vector<Span> cjk_bigrams(std::string_view text);

// A search/indexing term: the folded key and the original bytes it covers.
struct Term {
  std::string key;     // folded form, what the index stores
  uint32_t begin = 0;  // byte range in the ORIGINAL text
  uint32_t end = 0;
  bool colocated = false;  // an alternative key at the same position as the previous term
  // Query mode only: a one-character kanji/kana run at the end of the query; in
  // documents that character starts a bigram, so match keys that begin with it.
  bool prefix = false;
};

// document:  the full token stream the index stores (with colocated alternatives).
// query:     one key per position, as a query phrase needs them (no alternatives,
//            except a whole-word key for a query that is one Japanese word: its
//            kanji/kana run taken whole, without asking ICU's dictionary).
// highlight: document's keys at document's positions, without the colocated
//            alternatives (FTS5's highlight and snippet pass them over), so that
//            Japanese text is segmented without ICU's dictionary engine, whose
//            construction was a fifth of a search's instructions.
enum class TermMode { document, query, highlight };

// Japanese dictionary words are stored as this mark + the word, colocated with
// the character bigram they start at, so a whole-word hit can rank higher
// without ever colliding with a bigram key. U+E000 never occurs inside a word.
inline constexpr std::string_view kWholeWordMark = "\xEE\x80\x80";
// The whole-word key of a dictionary word (or of a query's key for one).
inline std::string whole_word_key(std::string_view word) {
  std::string key(kWholeWordMark);
  key += word;
  return key;
}

// Terms of `original` for indexing and querying: fold, segment, map back.
//   - Every word's key is folded by the normaliser of its own script (a Latin
//     word in a Persian paragraph is folded as English), so a key never depends
//     on the paragraph around it.
//   - Kanji/kana runs become character bigrams, one position per character (the
//     last character of a run as a unigram), plus the dictionary words as
//     colocated whole-word keys: any substring of two or more characters is a
//     phrase of bigrams.
//   - Persian compounds written with a space, a ZWNJ or nothing (بین المللی,
//     می شود, کتاب ها) are one position keyed by the joined form, with the parts
//     as colocated keys (document mode), so all spellings match each other.
// Keys are at most kMaxKeyBytes long (cut at a character boundary).
std::vector<Term> index_terms(std::string_view original, Lang lang,
                              TermMode mode = TermMode::document);
// The same, given `folded` == normalizer_for(lang).fold(original) already.
std::vector<Term> index_terms(std::string_view original, Lang lang, TermMode mode,
                              const MappedText& folded);
inline constexpr size_t kMaxKeyBytes = 240;

}  // namespace dipmine::text

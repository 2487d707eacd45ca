// Visual-order repair of Persian text that PDF extraction emitted as runs in
// reverse order (003: یشهر یپلماسید for دیپلماسی شهری).
//
// Evidence is the shipped vocabulary only (fa_vocabulary.h), so the repair is a
// pure function of the text: the FTS5 tokenizer re-tokenizing a stored
// paragraph gets the same result every time.
//  1. Pieces of a word: a word whose key is unknown is compared with the known
//     words made of the same letters (one hash lookup); if it reads as some
//     known word cut into runs r1..rn and stored rn..r1 (a rotation is n = 2;
//     یالمللنیب is 5 runs of بینالمللی), the runs are put back in reading
//     order. Fewest runs wins, then the more frequent word. Known words (the
//     vocabulary's and the dictionary's, fa_is_word), words
//     under 3 letters, and 3-letter words unless the result is very common
//     (بین, این: at least kMinCountShort occurrences) are never touched.
//  2. Order of words: two or more repaired words in a row (only spaces between)
//     were one backwards stretch of runs, so their order is reversed too.
//  A repair must never change what a word means (issue 15: می‌توانن, a
//  colloquial "they can", came out as نمی‌توان, "one cannot"). A word that
//  reads as a known word plus an inflection (می‌توان + ن, شهر + ها) is a real
//  word the vocabulary lacks, not a garbled one; and a reordering that puts a
//  negating prefix (ن نا بی نمی) in front of a word or verb that stands without
//  it invents a negation. Such words are left as they are.
#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "text/arabic_chars.h"
#include "text/fa_vocabulary.h"
#include "text/fa_words.h"
#include "text/steps.h"
#include "text/word_cache.h"

namespace dipmine::text::fa {
namespace {

struct Unit {  // one key letter with the marks/ZWNJ that follow it
  char32_t key;
  size_t b, e;  // byte range in the step's input
};

struct WordRepair {
  size_t b = 0, e = 0;                          // the word's bytes
  std::vector<std::pair<size_t, size_t>> out;  // byte ranges in reading order
  bool repaired = false;
};

constexpr size_t kMaxRuns = 6;
constexpr uint32_t kMinCountShort = 10;  // for 3-letter words (بین: 11)

char32_t key_letter(char32_t c) {
  c = persian_letter(c);
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
    case 0x0624: return 0x0648;
    case 0x0626: return 0x06CC;
    default: return c;
  }
}

std::u32string decode_all(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    out.push_back(decode_utf8(s, i, len));
    i += len;
  }
  return out;
}

// Cuts of t (stored order) into the fewest runs whose reverse order spells w;
// empty if t is no such reordering. Returns run start offsets plus t.size().
std::vector<size_t> runs_spelling(const std::u32string& t, const std::u32string& w) {
  const size_t n = t.size();
  if (n != w.size() || n == 0) return {};
  constexpr size_t kInf = SIZE_MAX;
  std::vector<size_t> best(n + 1, kInf), from(n + 1, 0);
  best[0] = 0;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t m = 0; m < i; ++m) {
      if (best[m] == kInf || best[m] + 1 >= best[i]) continue;
      // t[m, i) is the run that reads first among t[0, i): it matches w[n-i, n-m).
      if (t.compare(m, i - m, w, n - i, i - m) == 0) {
        best[i] = best[m] + 1;
        from[i] = m;
      }
    }
  }
  if (best[n] == kInf || best[n] < 2 || best[n] > kMaxRuns) return {};
  std::vector<size_t> cuts{n};
  for (size_t i = n; i > 0; i = from[i]) cuts.push_back(from[i]);
  std::reverse(cuts.begin(), cuts.end());
  return cuts;  // 0 = c0 < c1 < ... < ck = n
}

bool is_word(std::u32string_view key) {
  thread_local std::string utf8;
  utf8.clear();
  for (char32_t c : key) append_utf8(utf8, c);
  return fa_is_word(utf8);
}

bool starts_with(std::u32string_view s, std::u32string_view p) { return s.substr(0, p.size()) == p; }

// A known word with an inflection before or after it: a real word, whatever
// its letters also spell when reordered.
bool is_inflected_word(std::u32string_view key) {
  static constexpr std::u32string_view kSuffixes[] = {
      U"ن", U"ند", U"د", U"م", U"ت", U"ش", U"ی", U"ای", U"ها", U"های", U"ان", U"ات", U"یم", U"ید", U"تر", U"ترین"};
  static constexpr std::u32string_view kPrefixes[] = {U"می", U"نمی", U"ب", U"ن"};
  for (std::u32string_view suf : kSuffixes) {
    if (key.size() >= suf.size() + 2 && key.substr(key.size() - suf.size()) == suf &&
        is_word(key.substr(0, key.size() - suf.size()))) {
      return true;
    }
  }
  for (std::u32string_view pre : kPrefixes) {
    if (key.size() >= pre.size() + 2 && starts_with(key, pre) && is_word(key.substr(pre.size()))) return true;
  }
  return false;
}

// Whether reading `garbled` as `word` puts a negating prefix in front of
// something that is a word (or a می verb) without it, where `garbled` did
// not start with that prefix: a negation the text never had.
bool invents_negation(std::u32string_view garbled, std::u32string_view word) {
  static constexpr std::u32string_view kNegations[] = {U"نمی", U"نا", U"بی", U"ن"};
  for (std::u32string_view neg : kNegations) {
    if (!starts_with(word, neg) || starts_with(garbled, neg)) continue;
    const std::u32string_view rest = word.substr(neg.size());
    if (starts_with(rest, U"می") || (rest.size() >= 2 && is_word(rest))) return true;
  }
  return false;
}

// Fills r.out with the word's byte ranges in reading order if the word is a
// garbled known word; returns whether it is.
bool repair_word(std::string_view s, size_t wb, size_t we, WordRepair& r) {
  // Fast path, no allocation: most words are known. Every character of a
  // word is a two-byte U+06xx or the three-byte ZWNJ, and so is every key
  // letter, so the key is built byte by byte.
  thread_local std::string key_buf;
  if (key_buf.size() < we - wb) key_buf.resize(we - wb);
  char* kp = key_buf.data();
  size_t letters = 0, n = 0;
  for (size_t i = wb; i < we;) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if ((b0 & 0xE0) != 0xC0) {  // ZWNJ (or anything else): not a key letter
      size_t len;
      decode_utf8(s, i, len);
      i += len;
      continue;
    }
    const char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    i += 2;
    if (const char32_t k = key_letter_or_0(c)) {
      kp[n++] = static_cast<char>(0xC0 | (k >> 6));
      kp[n++] = static_cast<char>(0x80 | (k & 0x3F));
      ++letters;
    }
  }
  const std::string_view key8(kp, n);
  if (letters < 3 || fa_word_count(key8) > 0) return false;
  const std::span<const FaWord> candidates = fa_anagrams(key8);
  if (candidates.empty()) return false;
  // A dictionary word is a word, not a garbled one (نامه is not همان stored
  // backwards): asked only here, of the few words with an anagram.
  if (fa_is_word(key8)) return false;

  std::vector<Unit> units;
  size_t lead_end = wb;  // marks or ء before the first key letter stay in front
  for (size_t i = wb; i < we;) {
    size_t len;
    const char32_t c = decode_utf8(s, i, len);
    if (is_letter(c) && c != 0x0621) {
      units.push_back({key_letter(c), i, i + len});
    } else if (!units.empty()) {
      units.back().e = i + len;
    } else {
      lead_end = i + len;
    }
    i += len;
  }
  std::u32string key;
  for (const Unit& u : units) key.push_back(u.key);
  if (is_inflected_word(key)) return false;
  std::vector<size_t> best_cuts;
  uint32_t best_count = 0;
  for (const FaWord& cand : candidates) {
    if (key.size() == 3 && cand.count < kMinCountShort) continue;
    const std::u32string word = decode_all(cand.key);
    std::vector<size_t> cuts = runs_spelling(key, word);
    if (cuts.empty() || invents_negation(key, word)) continue;
    const bool better = best_cuts.empty() || cuts.size() < best_cuts.size() ||
                        (cuts.size() == best_cuts.size() && cand.count > best_count);
    if (better) {
      best_cuts = std::move(cuts);
      best_count = cand.count;
    }
  }
  if (best_cuts.empty()) return false;
  units.back().e = we;
  r.b = wb;
  r.e = we;
  r.out.clear();
  if (lead_end > wb) r.out.push_back({wb, lead_end});
  for (size_t k = best_cuts.size() - 1; k > 0; --k) {
    r.out.push_back({units[best_cuts[k - 1]].b, units[best_cuts[k] - 1].e});
  }
  r.repaired = true;
  return true;
}

// The facts of one word (fa_words.h).
WordFacts word_facts(std::string_view word) {
  WordFacts f;
  // Every join role is a key of at most four letters.
  char32_t key[4];
  size_t letters = 0;
  for (size_t i = 0; i < word.size() && letters <= 4;) {
    const auto b0 = static_cast<unsigned char>(word[i]);
    if ((b0 & 0xE0) != 0xC0) {  // not two bytes (ZWNJ): not a key letter
      size_t len;
      decode_utf8(word, i, len);
      i += len;
      continue;
    }
    const char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3F);
    if (const char32_t k = key_letter_or_0(c)) {
      if (letters < 4) key[letters] = k;
      ++letters;
    }
    i += 2;
  }
  if (letters <= 4) f.join_role = join_role(std::u32string_view(key, letters));
  if (letters == 1 && key[0] != U'و') f.join_role |= kLoneLetter;
  if (letters >= 2) {
    std::string k = fa_key(word);
    // A hamza-seat variant asks as the usual spelling (هیأت مدیره joins as
    // هیئت مدیره): fold gives both one key (fold_hamza_seats).
    if (letters >= 4 && has_hamza_seat_variant(k)) {
      f.join_role |= kSeatVariant;
      k = hamza_seat_key(k);
    }
    // Compounds the dictionary writes with ZWNJ are joined in fold; the index
    // keeps their parts findable (index_terms colocates them with the joined key).
    if (fa_compound_head(k)) f.join_role |= kCompoundHead;
    if (fa_compound_tail(k)) f.join_role |= kCompoundTail;
    f.key_hash = static_cast<uint32_t>(fa_key_hash(k));
  }
  if (letters >= 3 && needs_letter_repair(word)) f.join_role |= kLetterRepair;
  WordRepair r;
  if (repair_word(word, 0, word.size(), r)) {
    if (word.size() > UINT8_MAX || r.out.size() > WordFacts::kMaxRanges) {
      f.repair_ranges = WordFacts::kLongRepair;
    } else {
      for (const auto& [b, e] : r.out) {
        f.repair[f.repair_ranges++] = {static_cast<uint8_t>(b), static_cast<uint8_t>(e)};
      }
    }
  }
  return f;
}

// Spaces between two words of one backwards run. A ZWNJ beside them is
// noise (zwnj_tidy drops it) and fold has dropped it already, so it does not
// end the run.
bool is_gap_space(std::string_view gap) {
  bool space = false;
  for (size_t i = 0; i < gap.size();) {
    if (gap[i] == ' ' || gap[i] == '\t') {
      space = true;
      ++i;
    } else if (gap.compare(i, 2, "\xc2\xa0") == 0) {
      space = true;
      i += 2;
    } else if (gap.compare(i, 3, "\xe2\x80\x8c") == 0) {
      i += 3;
    } else {
      return false;
    }
  }
  return space;
}

}  // namespace

namespace {

// word_facts are memoised per thread (words up to 32 bytes, 16 letters;
// 16,384 slots, about 0.9 MB): most words of a text are forms seen before.
using FactsCache = WordCache<WordFacts, 4, 4096>;
FactsCache& facts_cache() {
  thread_local FactsCache cache;
  return cache;
}

}  // namespace

WordFacts facts_of(std::string_view word) {
  if (!FactsCache::fits(word)) return word_facts(word);
  return facts_cache().get(word, word_facts);
}

bool would_repair(std::string_view word) {
  if (!FactsCache::fits(word)) return word_facts(word).repair_ranges != 0;
  return facts_cache().get(word, word_facts).repair_ranges != 0;
}

std::vector<TextWord> text_words(std::string_view s) {
  std::vector<TextWord> words;
  text_words(s, words);
  return words;
}

bool text_words(std::string_view s, std::vector<TextWord>& words, bool* letter_work, unsigned* roles_out) {
  FactsCache& cache = facts_cache();
  words.clear();
  // What any word has, gathered without a branch a word: which repair ranges
  // and join roles occur.
  unsigned repair_ranges = 0, roles = 0;
  const char* const p = s.data();
  const size_t n = s.size();
  for_each_word(s, [&](size_t b, size_t e) {
    const std::string_view word(p + b, e - b);
    // Braces, not emplace_back(b, e, ...): clang before 16 has no aggregate () init.
    const TextWord& w = words.emplace_back(
        TextWord{b, e, FactsCache::fits(word) ? cache.get(word, word_facts, n - e) : word_facts(word)});
    repair_ranges |= w.facts.repair_ranges;
    roles |= w.facts.join_role;
  });
  if (roles_out) *roles_out = roles;
  if (letter_work) {
    // Glue: a Latin letter or digit against a word. Most words have a space
    // on both sides: one byte test each turns them away.
    bool letters = roles & kLetterRepair;
    for (size_t k = 0; k < words.size() && !letters; ++k) {
      const size_t b = words[k].b, e = words[k].e;
      letters = (e < n && p[e] != ' ' && latin_or_digit_at(s, e)) || (b > 0 && p[b - 1] != ' ' && latin_or_digit_before(s, b));
    }
    *letter_work = letters;
  }
  return repair_ranges != 0;
}

MappedText repair_visual_order(MappedText&& in) {
  const std::vector<TextWord> words = text_words(in.text);
  return repair_visual_order(std::move(in), words);
}

namespace {

// A word the repair rewrites: its bytes, its ranges in reading order
// (ranges [first, first + count) of one list for the whole text), and whether
// it follows the previous such word with only spaces between.
struct RepairedWord {
  size_t b = 0, e = 0, first = 0, count = 0;
  bool joins_previous = false;
};

}  // namespace

namespace {

// The repair of a word whose ranges WordFacts cannot hold (kLongRepair),
// relative to the word's start, memoised per thread by the word's bytes: the
// repair asks the dictionary many times, and a text repeats its words.
const WordRepair& long_repair_of(std::string_view word) {
  struct Slot {
    std::string word;
    WordRepair repair;
  };
  thread_local std::array<Slot, 64> seen;
  Slot& slot = seen[std::hash<std::string_view>{}(word) & 63];
  if (slot.word.empty() || slot.word != word) {
    slot.word.assign(word);
    slot.repair = WordRepair();
    repair_word(slot.word, 0, slot.word.size(), slot.repair);
  }
  return slot.repair;
}

}  // namespace

MappedText repair_visual_order(MappedText&& in, const std::vector<TextWord>& words) {
  const std::string_view s = in.text;
  // Reused per thread: no allocation per text or per word.
  thread_local std::vector<RepairedWord> repaired;  // in text order
  thread_local std::vector<std::pair<size_t, size_t>> ranges;
  repaired.clear();
  ranges.clear();
  bool prev_repaired = false;
  size_t prev_end = 0;
  for (const TextWord& w : words) {
    const WordFacts& f = w.facts;
    const bool ok = f.repair_ranges != 0;
    if (ok) {
      RepairedWord r{w.b, w.e, ranges.size(), 0, prev_repaired && is_gap_space(s.substr(prev_end, w.b - prev_end))};
      if (f.repair_ranges == WordFacts::kLongRepair) {
        const WordRepair& long_repair = long_repair_of(s.substr(w.b, w.e - w.b));
        r.b = w.b + long_repair.b;
        r.e = w.b + long_repair.e;
        for (const auto& [b, e] : long_repair.out) ranges.push_back({w.b + b, w.b + e});
      } else {
        for (size_t k = 0; k < f.repair_ranges; ++k) ranges.push_back({w.b + f.repair[k].first, w.b + f.repair[k].second});
      }
      r.count = ranges.size() - r.first;
      repaired.push_back(r);
    }
    prev_repaired = ok;
    prev_end = w.e;
  }
  if (repaired.empty()) return std::move(in);

  MappedText out = new_mapped_text(s.size(), in.runs.size() + 4 * repaired.size());
  size_t kept = 0;
  for (size_t k = 0; k < repaired.size();) {
    size_t last = k;  // the run of repaired words k..last, only spaces between
    while (last + 1 < repaired.size() && repaired[last + 1].joins_previous) ++last;
    copy_mapped(out, in, kept, repaired[k].b);
    for (size_t m = k; m <= last; ++m) {
      const RepairedWord& placed = repaired[k + last - m];  // reversed when last > k
      for (size_t q = placed.first; q < placed.first + placed.count; ++q) {
        copy_mapped(out, in, ranges[q].first, ranges[q].second);
      }
      if (m < last) copy_mapped(out, in, repaired[m].e, repaired[m + 1].b);  // gap stays
    }
    kept = repaired[last].e;
    k = last + 1;
  }
  copy_mapped(out, in, kept, s.size());
  recycle_buffers(std::move(in));
  return out;
}

}  // namespace dipmine::text::fa

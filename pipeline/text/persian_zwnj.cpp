// Persian ZWNJ (half-space) steps. Every decision that changes more than a
// ZWNJ (joining two words written apart) looks only at the words' keys
// (fa_key: letters with hamza and alef variants folded, marks and ZWNJ
// ignored), so it decides the same on clean text and on folded text: that is
// what keeps fold(fold(x)) == fold(x).
#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/fa_edit.h"
#include "text/fa_words.h"
#include "text/fa_vocabulary.h"
#include "text/steps.h"

namespace dipmine::text::fa {
namespace {

// Keys are compared with "..."sv literals: a plain U"..." is measured (a
// loop for its length) at every comparison.
using namespace std::string_view_literals;

// A Persian word (letters, marks, ZWNJ) as input bytes, with its key letters.
// The key is written into a buffer the caller reuses, so scanning words
// allocates nothing.
struct Word {
  std::u32string_view key;  // fa_key letters
  bool plain = true;        // only letters, each its own key letter (no marks, ZWNJ, ء)
};

// The word in bytes [b, e), its key written into `buf`.
Word word_at(std::string_view s, size_t b, size_t e, std::u32string& buf) {
  if (buf.size() < e - b) buf.resize(e - b);
  size_t n = 0;
  bool plain = true;
  for (size_t i = b; i < e;) {
    size_t len;
    const char32_t c = decode_utf8(s, i, len);
    if (const char32_t k = key_letter_or_0(c)) {
      buf[n++] = k;
    } else {
      plain = false;
    }
    i += len;
  }
  return {std::u32string_view(buf.data(), n), plain};
}


bool ends_with(std::u32string_view s, std::u32string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}
bool starts_with(std::u32string_view s, std::u32string_view pre) {
  return s.size() >= pre.size() && s.substr(0, pre.size()) == pre;
}


uint32_t known(std::u32string_view key) {
  thread_local std::string utf8;
  utf8.clear();
  for (char32_t c : key) append_utf8(utf8, c);
  return fa_word_count(utf8);
}

// The length of the می/نمی prefix of `key`, or 0.
size_t verb_prefix_length(std::u32string_view key) {
  if (starts_with(key, U"نمی"sv)) return 3;
  if (starts_with(key, U"می"sv)) return 2;
  return 0;
}

// Could `rest` (the word after می/نمی) be a conjugated verb? Present endings
// -م -یم -ید -د -ند, past stems in -د/-ت, and the modal توان.
bool looks_like_verb_rest(std::u32string_view rest) {
  if (rest.size() < 2) return false;
  if (rest == U"توان"sv) return true;
  const char32_t last = rest.back();
  return last == U'د' || last == U'م' || last == U'ت';
}

// Words that start like the verb prefix and end like a verb but are not verbs.
bool is_mi_exception(std::u32string_view key) {
  static const std::u32string_view kNot[] = {U"میلاد", U"میعاد", U"میت", U"میمنت", U"میراث",
                                             U"میرداماد", U"میقات", U"میخ"};
  for (auto w : kNot) {
    if (key == w) return true;
  }
  return false;
}

// به که نه چه: a suffix after these is a separate word.
bool is_short_function_word(std::u32string_view w) {
  return w == U"به"sv || w == U"که"sv || w == U"نه"sv || w == U"چه"sv;
}

// Both are asked of nearly every word: the first letter turns most away
// before any comparison of strings.
// ام ات اش ای, and the endings of the present perfect, اند ایم اید (شده اند
// → شده‌اند), after a final ه. (است stays apart: it is written apart.)
bool is_suffix_after_heh(std::u32string_view w) {
  if (w.size() == 3) return w[0] == U'ا' && ((w[1] == U'ن' && w[2] == U'د') || (w[1] == U'ی' && (w[2] == U'م' || w[2] == U'د')));
  return w.size() == 2 && w[0] == U'ا' && (w[1] == U'م' || w[1] == U'ت' || w[1] == U'ش' || w[1] == U'ی');
}
bool is_suffix(std::u32string_view w) {
  if (w.size() < 2 || w.size() > 4 || (w[0] != U'ه' && w[0] != U'ت')) return false;
  return w == U"ها"sv || w == U"های"sv || w == U"هایی"sv || w == U"تر"sv || w == U"ترین"sv;
}

std::string utf8_key(std::u32string_view key) {
  std::string out;
  for (char32_t c : key) append_utf8(out, c);
  return out;
}

// Whether words a and b (a compound head and tail) are the parts of a
// compound the dictionary writes with ZWNJ, and joined would not be a word
// the visual-order repair reorders. Most pairs are turned away by the hash;
// the answers for real compounds are kept per thread by their hash.
bool joins_compound(std::string_view s, const TextWord& a, const TextWord& b) {
  // A word said twice (به به, یکی یکی, یک یک) is two words far more often
  // than the compound the dictionary knows (به‌به): a query "X به به" must
  // still ask for به twice, not for بهبه.
  if (a.facts.key_hash == b.facts.key_hash) return false;
  const uint64_t h = fa_compound_hash(a.facts.key_hash, b.facts.key_hash);
  if (!fa_may_be_compound(h)) return false;
  struct Slot {
    uint64_t hash = 0;
    bool joins = false;
  };
  thread_local std::array<Slot, 1024> seen;
  Slot& slot = seen[h & 1023];
  if (slot.hash != h || h == 0) {
    thread_local std::u32string buf;
    std::string joined = utf8_key(word_at(s, a.b, a.e, buf).key);
    joined += utf8_key(word_at(s, b.b, b.e, buf).key);
    slot = {h, !would_repair(joined)};
  }
  return slot.joins;
}

// The key of word k of `words`, as UTF-8.
std::string key_of(std::string_view s, const std::vector<TextWord>& words, size_t k) {
  thread_local std::u32string buf;
  return utf8_key(word_at(s, words[k].b, words[k].e, buf).key);
}

// Whether words k and k + 1 (one space apart, one of them a lone letter) are
// joined: the lone letter goes to the side where the two make a known word,
// if only one side does, and the two are not both words already.
bool joins_lone_letter(std::string_view s, const std::vector<TextWord>& words, size_t k) {
  auto one_space_after = [&](size_t i) {
    return i + 1 < words.size() && words[i + 1].b == words[i].e + 1 &&
           (s[words[i].e] == ' ' || s[words[i].e] == '\t');
  };
  // Words i and i + 1 joined make a word: the lone letter and a piece of at
  // least two letters (a lone mark or ء is nothing to join to). The answer
  // depends on the two words' bytes alone: kept per thread by those bytes,
  // since a text repeats its split words (every ر وش of a report) and each
  // answer costs two keys and three dictionary searches.
  auto makes_word = [&](size_t i) {
    if (!one_space_after(i)) return false;
    struct Slot {
      std::string pair;  // the two words' bytes, a space between
      bool makes = false;
    };
    thread_local std::array<Slot, 1024> seen;
    thread_local std::string pair;
    pair.assign(s.substr(words[i].b, words[i + 1].e - words[i].b));  // one space between
    Slot& slot = seen[std::hash<std::string>{}(pair) & 1023];
    if (slot.pair.empty() || slot.pair != pair) {
      const std::string a = key_of(s, words, i), b = key_of(s, words, i + 1);
      slot.makes = std::min(a.size(), b.size()) >= 2 && std::max(a.size(), b.size()) >= 4 &&
                   !(fa_is_word(a) && fa_is_word(b)) && fa_is_word(a + b);
      slot.pair = pair;
    }
    return slot.makes;
  };
  const bool left_lone = words[k].facts.join_role & kLoneLetter;
  const bool right_lone = words[k + 1].facts.join_role & kLoneLetter;
  if (left_lone == right_lone) return false;  // two lone letters: no evidence
  if (!makes_word(k)) return false;
  // The lone letter's other neighbour: another lone letter one space away
  // makes a run of them, no evidence either (joining this one would leave
  // that one to join on a second pass: بر گ ر -> برگ ر -> برگر); a word must
  // not make a word with it too.
  if (left_lone) {
    if (k > 0 && one_space_after(k - 1) && (words[k - 1].facts.join_role & kLoneLetter)) return false;
    return !(k > 0 && !(words[k - 1].facts.join_role & kLoneLetter) && makes_word(k - 1));
  }
  if (one_space_after(k + 1) && (words[k + 2].facts.join_role & kLoneLetter)) return false;
  return !(k + 2 < words.size() && !(words[k + 2].facts.join_role & kLoneLetter) && makes_word(k + 1));
}

}  // namespace

MappedText zwnj_tidy(MappedText&& in) {
  const std::string_view s = in.text;
  constexpr std::string_view kZwnjUtf8 = "\xe2\x80\x8c";
  size_t i = s.find(kZwnjUtf8);
  if (i == std::string_view::npos) return std::move(in);
  auto letter_or_mark = [](char32_t c) { return is_letter(c) || is_mark(c); };
  Editor ed(in);
  for (; i != std::string_view::npos; i = s.find(kZwnjUtf8, i)) {
    size_t j = i;  // the run of ZWNJs [i, j)
    while (s.compare(j, 3, kZwnjUtf8) == 0) j += 3;
    bool prev_letter = false;
    if (i > 0) {  // the code point before the run
      size_t p = i - 1;
      while (p > 0 && i - p < 4 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
      size_t len;
      prev_letter = letter_or_mark(decode_utf8(s, p, len));
    }
    size_t len;
    const bool next_letter = j < s.size() && letter_or_mark(decode_utf8(s, j, len));
    // Keep the last one between two letters; drop the others.
    for (size_t k = i; k < j; k += 3) {
      if (!(prev_letter && next_letter && k + 3 == j)) ed.replace(k, k + 3, 0);
    }
    i = j;
  }
  return ed.finish(std::move(in));
}

MappedText zwnj_join_words(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  const std::vector<TextWord> words = text_words(in.text);
  return zwnj_join_words(std::move(in), words, kZwnj);
}

uint8_t join_role(std::u32string_view key) {
  uint8_t role = 0;
  if (key == U"می"sv || key == U"نمی"sv) role |= kVerbPrefix;
  if (is_suffix(key)) role |= kSuffix;
  if (is_suffix_after_heh(key)) role |= kSuffixAfterHeh;
  return role;
}

MappedText zwnj_join_words(MappedText&& in, const std::vector<TextWord>& words, char32_t joiner) {
  const std::string_view s = in.text;
  if (!has_arabic_script(s)) return std::move(in);
  Editor ed(in);
  std::u32string next_buf, chain_buf;
  std::string joined;
  size_t chain_b = std::string_view::npos;  // first byte of the word being built
  const size_t count = words.size();
  for (size_t k = 0; k + 1 < count; ++k) {
    // A rule can apply only after a lone می/نمی or before a suffix (the join
    // roles, worked out once per word form): most pairs stop at this test.
    const TextWord& nw = words[k + 1];
    const uint8_t role = words[k].facts.join_role, next_role = nw.facts.join_role;
    // One test of the roles that can start a rule (a compound needs both
    // parts, asked below): the pair of most words stops here.
    if (((role & (kVerbPrefix | kLoneLetter | kCompoundHead)) |
         (next_role & (kSuffix | kSuffixAfterHeh | kLoneLetter | kCompoundTail))) == 0) {
      chain_b = std::string_view::npos;
      continue;
    }
    const bool prefix = role & kVerbPrefix;
    const bool next_suffix = next_role & (kSuffix | kSuffixAfterHeh);
    const bool lone = (role | next_role) & kLoneLetter;
    const bool compound = (role & kCompoundHead) && (next_role & kCompoundTail);
    const size_t b = words[k].b, e = words[k].e;
    if (chain_b == std::string_view::npos) chain_b = b;
    const bool lone_prefix = prefix && chain_b == b;
    const bool one_space = nw.b == e + 1 && (s[e] == ' ' || s[e] == '\t');
    if (!(lone_prefix || next_suffix || lone || compound) || !one_space) {
      chain_b = std::string_view::npos;
      continue;
    }
    // The next word's key, built only when a rule needs it (a compound
    // candidate is turned away by its hash first).
    std::u32string_view next;
    if (!lone && (lone_prefix || next_suffix)) next = word_at(s, nw.b, nw.e, next_buf).key;
    bool join = false;
    char32_t glue = joiner;
    std::u32string_view chain;
    if (lone) {
      // ر وش → روش: with no ZWNJ (the word was written joined).
      join = chain_b == b && joins_lone_letter(s, words, k);
      if (join) {
        chain = word_at(s, b, e, chain_buf).key;
        next = word_at(s, nw.b, nw.e, next_buf).key;
      }
      glue = 0;
    } else if (compound && chain_b == b && joins_compound(s, words[k], nw)) {
      // زمین لرزه → زمین‌لرزه: decided from the two key hashes the memo keeps.
      ed.replace(e, e + 1, joiner);
      continue;
    } else if (!(lone_prefix || next_suffix)) {
      join = false;
    } else if (lone_prefix) {
      // "می شود" → "می‌شود"
      join = looks_like_verb_rest(next) && verb_prefix_length(next) == 0;
      if (join) chain = word_at(s, b, e, chain_buf).key;
    } else {
      chain = word_at(s, chain_b, e, chain_buf).key;
      // "کتاب ها" → "کتاب‌ها", "خانه ای" → "خانه‌ای"
      join = chain.size() >= 2 && !is_short_function_word(chain) &&
             ((nw.facts.join_role & kSuffix) ||
              (chain.back() == U'ه' && chain.size() >= 3 && (nw.facts.join_role & kSuffixAfterHeh)));
    }
    // Never make a word the visual-order repair would take apart.
    if (join) {
      joined.clear();
      for (char32_t c : chain) append_utf8(joined, c);
      for (char32_t c : next) append_utf8(joined, c);
      if (would_repair(joined)) join = false;
    }
    if (join) {
      ed.replace(e, e + 1, glue);
    } else {
      chain_b = std::string_view::npos;
    }
  }
  return ed.finish(std::move(in));
}

MappedText repair_tidy_and_join(MappedText&& in, bool folded) {
  thread_local std::vector<TextWord> words;  // reused: no allocation per text
  in = drop_kashida_ampersands(std::move(in));
  bool letter_work = false;
  unsigned roles = 0;  // the join roles of the words, all together
  bool repairs = text_words(in.text, words, &letter_work, &roles);
  if (letter_work) {
    bool letters = false;
    in = repair_letters(std::move(in), words, letters);  // keeps `words` the text's
    if (letters) {
      repairs = false;
      roles = 0;
      for (const TextWord& w : words) {
        repairs = repairs || w.facts.repair_ranges != 0;
        roles |= w.facts.join_role;
      }
    }
  }
  MappedText t = repairs ? repair_visual_order(std::move(in), words) : std::move(in);
  const size_t before_tidy = t.text.size();
  t = zwnj_tidy(std::move(t));
  // The text is the same when nothing was repaired and zwnj_tidy (which only
  // deletes) kept every byte: its words are too.
  if (repairs || t.text.size() != before_tidy) {
    if (!has_arabic_script(t.text)) return t;
    roles = 0;
    text_words(t.text, words, nullptr, &roles);
  }
  // No word can start a join (no می, suffix, lone letter or compound part):
  // zwnj_join_words would pass over every pair.
  constexpr unsigned kStartsJoin = kVerbPrefix | kSuffix | kSuffixAfterHeh | kLoneLetter | kCompoundHead | kCompoundTail;
  for (int pass = 0; pass < 4 && (roles & kStartsJoin) != 0; ++pass) {
    const size_t before_join = t.text.size();  // every join removes or widens a space
    t = zwnj_join_words(std::move(t), words, folded ? 0 : kZwnj);
    // A lone letter is judged beside its neighbours as they were: one that
    // this pass joined to a suffix or a compound part may now make a word
    // with it (ه مب ها: مبها, then همبها). Another pass, so that fold finds
    // nothing left to do in its own output; text without lone letters (most)
    // needs none.
    if ((roles & kLoneLetter) == 0 || t.text.size() == before_join) break;
    roles = 0;
    text_words(t.text, words, nullptr, &roles);
  }
  // Hamza seats last: the word steps decided on fa_key, which the seat
  // spellings share (مسؤول and مسئول differ in it), so they decided as clean.
  if (folded && (roles & kSeatVariant) != 0) t = fold_hamza_seats(std::move(t));
  return t;
}

MappedText zwnj_verb_prefix(MappedText&& in) {
  const std::string_view s = in.text;
  if (s.find("\xd9\x85\xdb\x8c") == std::string_view::npos) return std::move(in);  // "می"
  Editor ed(in);
  std::u32string buf;
  for_each_word(s, [&](size_t b, size_t e) {
    // Only words that start with م or ن can carry the prefix.
    if (e - b < 6 || s[b] != '\xd9' || (s[b + 1] != '\x85' && s[b + 1] != '\x86')) return;
    const Word w = word_at(s, b, e, buf);
    const size_t p = verb_prefix_length(w.key);
    if (!w.plain || p == 0) return;
    if (looks_like_verb_rest(w.key.substr(p)) && !is_mi_exception(w.key)) {
      ed.replace(b + 2 * p, b + 2 * p, kZwnj);  // plain: every letter is two bytes
    }
  });
  return ed.finish(std::move(in));
}

MappedText zwnj_suffixes(MappedText&& in) {
  const std::string_view s = in.text;
  if (!has_arabic_script(s)) return std::move(in);
  Editor ed(in);
  // ات ام اش are left out: توجهات is a plural, not توجه+ات.
  static const std::u32string_view kJoined[] = {U"هایی", U"های", U"ها", U"ترین", U"تر", U"ای"};
  std::u32string buf;
  for_each_word(s, [&](size_t b, size_t e) {
    // Every suffix ends in ا ر ن or ی: look no further at other words.
    const std::string_view tail = s.substr(e - 2, 2);
    if (e - b < 10 || (tail != "\xd8\xa7" && tail != "\xd8\xb1" && tail != "\xd9\x86" &&
                       tail != "\xdb\x8c")) {
      return;
    }
    // A stem ending in ه needs a letter with key ه (ه ة ۀ ہ ە ھ) in a plain
    // word (two bytes a character): most words have none and stop here.
    bool heh = false;
    for (size_t i = b; i + 1 < e && !heh; i += 2) {
      const auto c0 = static_cast<unsigned char>(s[i]), c1 = static_cast<unsigned char>(s[i + 1]);
      if (c0 < 0xC0 || c0 >= 0xE0) return;  // not two bytes: not a plain word
      heh = (c0 == 0xD9 && c1 == 0x87) || (c0 == 0xD8 && c1 == 0xA9) ||
            (c0 == 0xDB && (c1 == 0x80 || c1 == 0x81 || c1 == 0x95)) || (c0 == 0xDA && c1 == 0xBE);
    }
    if (!heh) return;
    const Word w = word_at(s, b, e, buf);
    const std::u32string_view key = w.key;
    if (!w.plain || key == U"بهتر"sv || key == U"بهترین"sv || key == U"کهتر"sv || key == U"مهتر"sv) return;
    for (auto suf : kJoined) {
      if (!ends_with(key, suf) || key.size() < suf.size() + 3) continue;
      const std::u32string_view stem = key.substr(0, key.size() - suf.size());
      if (stem.back() != U'ه') continue;
      // ههای is unambiguous (a final ه then the plural); تر and ای need the stem known.
      if (suf[0] != U'ه' && known(stem) == 0) continue;
      // "کتابهای" is کتاب+های, not کتابه+ای: ای only when the stem with ه is
      // the better known one.
      if (suf == U"ای"sv && known(stem.substr(0, stem.size() - 1)) > known(stem)) break;
      ed.replace(b + 2 * stem.size(), b + 2 * stem.size(), kZwnj);
      break;
    }
  });
  return ed.finish(std::move(in));
}

}  // namespace dipmine::text::fa

// Persian ZWNJ (half-space) steps. Every decision that changes more than a
// ZWNJ (joining two words written apart) looks only at the words' keys
// (fa_key: letters with hamza and alef variants folded, marks and ZWNJ
// ignored), so it decides the same on clean text and on folded text: that is
// what keeps fold(fold(x)) == fold(x).
#include <string>
#include <vector>

#include "text/fa_edit.h"
#include "text/fa_vocabulary.h"

namespace dipmine::text::fa {
namespace {

// A Persian word (letters, marks, ZWNJ) with its key letters.
struct Word {
  size_t b, e;          // code point indexes [b, e)
  std::u32string key;   // fa_key letters
  bool plain = true;    // only letters, each its own key letter (no marks, ZWNJ, ء)
};

char32_t key_of_letter(char32_t c) {
  c = persian_letter(c);
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
    case 0x0624: return 0x0648;
    case 0x0626: return 0x06CC;
    default: return c;
  }
}

std::vector<Word> words_of(const std::vector<Cp>& cps) {
  std::vector<Word> out;
  for (size_t i = 0; i < cps.size();) {
    if (!in_word(cps[i].c) || cps[i].c == kZwnj) { ++i; continue; }
    Word w{i, i, {}, true};
    for (; w.e < cps.size() && in_word(cps[w.e].c); ++w.e) {
      const char32_t c = cps[w.e].c;
      if (is_letter(c) && c != 0x0621) {
        w.key.push_back(key_of_letter(c));
      } else {
        w.plain = false;
      }
    }
    out.push_back(std::move(w));
    i = w.e;
  }
  return out;
}

bool ends_with(std::u32string_view s, std::u32string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}
bool starts_with(std::u32string_view s, std::u32string_view pre) {
  return s.size() >= pre.size() && s.substr(0, pre.size()) == pre;
}

std::string utf8_of(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

uint32_t known(std::u32string_view key) { return fa_word_count(utf8_of(key)); }

// The length of the می/نمی prefix of `key`, or 0.
size_t verb_prefix_length(std::u32string_view key) {
  if (starts_with(key, U"نمی")) return 3;
  if (starts_with(key, U"می")) return 2;
  return 0;
}

// Could `rest` (the word after می/نمی) be a conjugated verb? Present endings
// -م -یم -ید -د -ند, past stems in -د/-ت, and the modal توان.
bool looks_like_verb_rest(std::u32string_view rest) {
  if (rest.size() < 2) return false;
  if (rest == U"توان") return true;
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
  return w == U"به" || w == U"که" || w == U"نه" || w == U"چه";
}

bool is_suffix_after_heh(std::u32string_view w) {
  return w == U"ام" || w == U"ات" || w == U"اش" || w == U"ای";
}
bool is_suffix(std::u32string_view w) {
  return w == U"ها" || w == U"های" || w == U"هایی" || w == U"تر" || w == U"ترین";
}

}  // namespace

MappedText zwnj_tidy(MappedText&& in) {
  if (in.text.find("\u200c") == std::string::npos) return std::move(in);
  const std::vector<Cp> cps = code_points(in.text);
  Editor ed(in);
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i].c != kZwnj) continue;
    size_t j = i;  // the run of ZWNJs [i, j)
    while (j < cps.size() && cps[j].c == kZwnj) ++j;
    const bool prev_letter = i > 0 && (is_letter(cps[i - 1].c) || is_mark(cps[i - 1].c));
    const bool next_letter = j < cps.size() && (is_letter(cps[j].c) || is_mark(cps[j].c));
    // Keep the last one between two letters; drop the others.
    for (size_t k = i; k < j; ++k) {
      if (!(prev_letter && next_letter && k + 1 == j)) ed.replace(cps[k].b, cps[k].e, 0);
    }
    i = j - 1;
  }
  return ed.finish(std::move(in));
}

MappedText zwnj_join_words(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  const std::vector<Cp> cps = code_points(in.text);
  const std::vector<Word> ws = words_of(cps);
  Editor ed(in);
  std::u32string chain;  // keys of the words joined so far into the current word
  size_t chain_words = 0;
  for (size_t k = 0; k < ws.size(); ++k) {
    if (chain_words == 0) chain = ws[k].key;
    ++chain_words;
    const bool one_space = k + 1 < ws.size() && ws[k + 1].b == ws[k].e + 1 &&
                           is_space(cps[ws[k].e].c);
    if (!one_space || chain.empty()) {
      chain_words = 0;
      continue;
    }
    const std::u32string& next = ws[k + 1].key;
    bool join = false;
    if (chain_words == 1 && (chain == U"می" || chain == U"نمی")) {
      // "می شود" → "می‌شود"
      join = looks_like_verb_rest(next) && verb_prefix_length(next) == 0;
    } else if (chain.size() >= 2 && !is_short_function_word(chain)) {
      // "کتاب ها" → "کتاب‌ها", "خانه ای" → "خانه‌ای"
      join = is_suffix(next) ||
             (chain.back() == U'ه' && chain.size() >= 3 && is_suffix_after_heh(next));
    }
    // Never make a word the visual-order repair would take apart.
    if (join && would_repair(utf8_of(chain + next))) join = false;
    if (join) {
      ed.replace(cps[ws[k].e].b, cps[ws[k].e].e, kZwnj);
      chain += next;
    } else {
      chain_words = 0;
    }
  }
  return ed.finish(std::move(in));
}

MappedText zwnj_verb_prefix(MappedText&& in) {
  if (in.text.find("\xd9\x85\xdb\x8c") == std::string::npos) return std::move(in);  // "می"
  const std::vector<Cp> cps = code_points(in.text);
  Editor ed(in);
  for (const Word& w : words_of(cps)) {
    const size_t p = verb_prefix_length(w.key);
    if (!w.plain || p == 0) continue;
    if (looks_like_verb_rest(std::u32string_view(w.key).substr(p)) && !is_mi_exception(w.key)) {
      ed.replace(cps[w.b + p].b, cps[w.b + p].b, kZwnj);
    }
  }
  return ed.finish(std::move(in));
}

MappedText zwnj_suffixes(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  const std::vector<Cp> cps = code_points(in.text);
  Editor ed(in);
  // ات ام اش are left out: توجهات is a plural, not توجه+ات.
  static const std::u32string_view kJoined[] = {U"هایی", U"های", U"ها", U"ترین", U"تر", U"ای"};
  for (const Word& w : words_of(cps)) {
    const std::u32string& key = w.key;
    if (!w.plain || key == U"بهتر" || key == U"بهترین" || key == U"کهتر" || key == U"مهتر") continue;
    for (auto suf : kJoined) {
      if (!ends_with(key, suf) || key.size() < suf.size() + 3) continue;
      const std::u32string_view stem = std::u32string_view(key).substr(0, key.size() - suf.size());
      if (stem.back() != U'ه') continue;
      // ههای is unambiguous (a final ه then the plural); تر and ای need the stem known.
      if (suf[0] != U'ه' && known(stem) == 0) continue;
      // "کتابهای" is کتاب+های, not کتابه+ای: ای only when the stem with ه is
      // the better known one.
      if (suf == U"ای" && known(stem.substr(0, stem.size() - 1)) > known(stem)) break;
      ed.replace(cps[w.b + stem.size()].b, cps[w.b + stem.size()].b, kZwnj);
      break;
    }
  }
  return ed.finish(std::move(in));
}

}  // namespace dipmine::text::fa

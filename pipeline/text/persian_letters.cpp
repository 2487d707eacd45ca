// Letter-level repairs of Arabic-script words (issue 15 items 3, 6, 7; issue 16
// item 4), run before the visual-order repair:
//  - `&` between two letters (LibreOffice's kashida justification) dropped;
//  - lam-alef written backwards by Word-made PDFs put back (األمل → الأمل,
//    باال → بالا, and المقاوالت → المقاولات when the dictionary knows it);
//  - اهلل (ﷲ taken apart) → الله;
//  - a letter repeated three or more times for emphasis collapsed
//    (خیلییییی → خیلی), unless the word is known as written;
//  - a space put between a word and a Latin letter or digit glued to it
//    (UCLGشهر → UCLG شهر, مسافت۹ → مسافت ۹): a change of script is a word
//    boundary.
// Every decision is taken on word keys (fa_key letters), which fold keeps, so
// clean and fold decide alike.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "text/fa_edit.h"
#include "text/fa_vocabulary.h"
#include "text/fa_words.h"

namespace dipmine::text::fa {
namespace {

constexpr char32_t kAlef = 0x0627, kLam = 0x0644, kHeh = 0x0647;

struct LetterUnit {  // one key letter with the marks (ء, ZWNJ) that follow it
  char32_t key;
  size_t b, e;
};

// The units of word [wb, we) of s; `lead_end`: bytes before the first key letter.
void units_of(std::string_view s, size_t wb, size_t we, std::vector<LetterUnit>& units, size_t& lead_end) {
  units.clear();
  lead_end = wb;
  for (size_t i = wb; i < we;) {
    size_t len;
    const char32_t c = decode_utf8(s, i, len);
    if (const char32_t k = key_letter_or_0(c)) {
      units.push_back({k, i, i + len});
    } else if (!units.empty()) {
      units.back().e = i + len;
    } else {
      lead_end = i + len;
    }
    i += len;
  }
}

std::string utf8_of(const std::u32string& key) {
  std::string out;
  for (char32_t c : key) append_utf8(out, c);
  return out;
}

bool is_word(const std::u32string& key) { return fa_is_word(utf8_of(key)); }

bool is_proclitic(char32_t k) { return k == U'و' || k == U'ب' || k == U'ف' || k == U'ک' || k == U'ل'; }

// A word, or one with the Arabic article, a proclitic and article, the
// feminine plural -ات on a known singular (-ه) or stem, or a Persian suffix
// (فوالدهای → فولادهای: فولاد + های).
bool word_like(const std::u32string& key) {
  if (is_word(key)) return true;
  for (const std::u32string_view suf : {U"هایی", U"های", U"ها", U"ی", U"ان", U"تر"}) {
    if (key.size() > suf.size() + 2 && std::u32string_view(key).substr(key.size() - suf.size()) == suf &&
        is_word(key.substr(0, key.size() - suf.size()))) {
      return true;
    }
  }
  std::u32string k = key;
  if (k.size() >= 4 && is_proclitic(k[0]) && is_word(k.substr(1))) return true;  // ب + کلام
  for (const std::u32string_view pre : {U"وال", U"بال", U"فال", U"کال", U"ال"}) {
    if (k.size() > pre.size() + 1 && std::u32string_view(k).substr(0, pre.size()) == pre) {
      k.erase(0, pre.size());
      if (is_word(k)) return true;
      break;
    }
  }
  if (k.size() > 4 && k.compare(k.size() - 2, 2, U"ات") == 0) {
    std::u32string stem = k.substr(0, k.size() - 2);
    if (is_word(stem)) return true;
    stem.push_back(kHeh);
    if (is_word(stem)) return true;
  }
  return false;
}

std::u32string keys_in(const std::vector<LetterUnit>& units, const std::vector<size_t>& order) {
  std::u32string k;
  for (size_t i : order) k.push_back(units[i].key);
  return k;
}

// One pass of the repairs over `order` (indices into units); false if
// nothing changes.
bool repair_pass(const std::vector<LetterUnit>& units, std::vector<size_t>& order) {
  const size_t n = order.size();
  bool changed = false;
  auto key = [&](size_t i) { return units[order[i]].key; };
  // اهلل: ﷲ read backwards. First, so that the pass below sees its result
  // (a second pass must find nothing more to do).
  for (size_t i = 0; i + 3 < n; ++i) {
    if (key(i) == kAlef && key(i + 1) == kHeh && key(i + 2) == kLam && key(i + 3) == kLam) {
      std::rotate(order.begin() + static_cast<ptrdiff_t>(i + 1), order.begin() + static_cast<ptrdiff_t>(i + 2),
                  order.begin() + static_cast<ptrdiff_t>(i + 4));
      changed = true;
    }
  }
  // ا ا ل: the second alef and the lam were one ligature, read backwards
  // (not after a third alef: which two belong together is unclear).
  for (size_t i = 0; i + 2 < n; ++i) {
    if (key(i) == kAlef && key(i + 1) == kAlef && key(i + 2) == kLam && (i == 0 || key(i - 1) != kAlef)) {
      std::swap(order[i + 1], order[i + 2]);
      changed = true;
    }
  }
  // A reversed lam-alef inside a word (not the article): only where the
  // dictionary knows the word with لا and not as written.
  for (size_t i = 1; i + 1 < n; ++i) {
    if (key(i) != kAlef || key(i + 1) != kLam || (i == 1 && is_proclitic(key(0)))) continue;
    const std::u32string before = keys_in(units, order);
    std::vector<size_t> swapped = order;
    std::swap(swapped[i], swapped[i + 1]);
    if (!word_like(before) && word_like(keys_in(units, swapped))) {
      order = std::move(swapped);
      changed = true;
    }
  }
  // Runs of three or more of one letter: one kept (two when only that spells
  // a word), unless the word is known as written.
  bool long_run = false;
  for (size_t i = 0; i + 2 < n && !long_run; ++i) long_run = key(i) == key(i + 1) && key(i) == key(i + 2);
  if (long_run && !is_word(keys_in(units, order))) {
    struct Run {
      size_t at;      // the run's letter in `collapsed`
      size_t second;  // the unit of its second letter
    };
    std::vector<size_t> collapsed;
    std::vector<Run> runs;
    for (size_t i = 0; i < n;) {
      size_t j = i + 1;
      while (j < n && key(j) == key(i)) ++j;
      if (j - i >= 3) runs.push_back({collapsed.size(), order[i + 1]});
      collapsed.push_back(order[i]);
      if (j - i == 2) collapsed.push_back(order[i + 1]);
      i = j;
    }
    const bool one_is_word = is_word(keys_in(units, collapsed));
    std::vector<size_t> result;
    size_t r = 0;
    for (size_t c = 0; c < collapsed.size(); ++c) {
      result.push_back(collapsed[c]);
      if (r < runs.size() && runs[r].at == c) {
        std::vector<size_t> two = collapsed;
        two.insert(two.begin() + static_cast<ptrdiff_t>(c + 1), runs[r].second);
        if (!one_is_word && is_word(keys_in(units, two))) result.push_back(runs[r].second);
        ++r;
      }
    }
    order = std::move(result);
    changed = true;
  }
  return changed;
}

// The order of the units after the repairs; false if nothing changes. One
// repair can make another's pattern (طاللل: the run collapsed is طال, whose
// lam-alef is reversed; للال: the swap makes a run), and fold must find
// nothing left to do in its own output: passes until none changes anything.
// Each pass shortens the word or puts a pattern right that no later pass
// makes again, so a few suffice.
bool repaired_order(const std::vector<LetterUnit>& units, std::vector<size_t>& order) {
  order.resize(units.size());
  for (size_t i = 0; i < units.size(); ++i) order[i] = i;
  bool changed = false;
  for (int pass = 0; pass < 8 && repair_pass(units, order); ++pass) changed = true;
  return changed;
}

}  // namespace

bool needs_letter_repair(std::string_view word) {
  thread_local std::vector<LetterUnit> units;
  thread_local std::vector<size_t> order;
  size_t lead_end;
  units_of(word, 0, word.size(), units, lead_end);
  return repaired_order(units, order);
}

MappedText drop_kashida_ampersands(MappedText&& in) {
  const std::string_view s = in.text;
  size_t i = s.find('&');
  if (i == std::string_view::npos) return std::move(in);
  Editor ed(in);
  // Between two key letters (U+06xx, two bytes each), looking through
  // what fold deletes (marks, ء, ZWNJ): fold must decide as clean does, so
  // `&` with such characters between them is one stretch (ی&َ&ی: fold
  // sees ی&&ی once the fatha is gone).
  auto folds_away = [&](size_t k, size_t& len) {
    const char32_t c = decode_utf8(s, k, len);
    return is_mark(c) || c == 0x0621 || c == kZwnj;
  };
  for (; i != std::string_view::npos; i = s.find('&', i)) {
    size_t j = i;  // the end of the stretch's last '&'
    for (size_t k = i, len = 0; k < s.size();) {
      if (s[k] == '&') {
        j = ++k;
      } else if (folds_away(k, len)) {
        k += len;
      } else {
        break;
      }
    }
    auto key_letter_at = [&](size_t k) {
      const auto b0 = static_cast<unsigned char>(s[k]);
      if (b0 < 0xD8 || b0 > 0xDB || k + 1 >= s.size()) return false;
      return key_letter_or_0((static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[k + 1]) & 0x3F)) != 0;
    };
    size_t after = j, len = 0;
    while (after < s.size() && folds_away(after, len)) after += len;
    size_t before = i;  // the start of the character before, through what folds away
    bool letter_before = false;
    while (before > 0) {
      size_t p = before - 1;
      while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
      if (folds_away(p, len)) {
        before = p;
        continue;
      }
      letter_before = key_letter_at(p);
      break;
    }
    const bool letters = letter_before && after < s.size() && key_letter_at(after);
    for (size_t k = i; letters && k < j; ++k) {
      if (s[k] == '&') ed.replace(k, k + 1, 0);
    }
    i = j;
  }
  return ed.finish(std::move(in));
}

MappedText repair_letters(MappedText&& in, std::vector<TextWord>& words, bool& changed) {
  const std::string_view s = in.text;
  thread_local std::vector<LetterUnit> units;
  thread_local std::vector<size_t> order;
  thread_local std::string repaired;
  Editor ed(in);
  // `words` is kept the list of the output's words: shifted by what was
  // inserted or taken out before each, a rewritten word given its new facts.
  ptrdiff_t shift = 0;
  for (TextWord& w : words) {
    // A space on either side: no glue there (most words; one byte test).
    const bool glued_before = w.b > 0 && s[w.b - 1] != ' ' && latin_or_digit_before(s, w.b);
    const bool glued_after = w.e < s.size() && s[w.e] != ' ' && latin_or_digit_at(s, w.e);
    const size_t b = w.b, e = w.e;
    w.b = static_cast<size_t>(static_cast<ptrdiff_t>(b) + shift);
    w.e = static_cast<size_t>(static_cast<ptrdiff_t>(e) + shift);
    if (!(w.facts.join_role & kLetterRepair) && !glued_before && !glued_after) continue;
    size_t lead_end;
    units_of(s, b, e, units, lead_end);
    // A word with no key letter (a lone ء or mark) is left alone: fold
    // deletes it, and clean must not space what fold no longer has.
    if (units.empty()) continue;
    if (glued_before) {
      ed.insert_between(b, U' ');
      ++shift;
      ++w.b;
      ++w.e;
    }
    if ((w.facts.join_role & kLetterRepair) && repaired_order(units, order)) {
      units.back().e = e;
      repaired.assign(s.substr(b, lead_end - b));
      for (size_t i : order) repaired.append(s.substr(units[i].b, units[i].e - units[i].b));
      ed.replace_with(b, e, repaired);
      shift += static_cast<ptrdiff_t>(repaired.size()) - static_cast<ptrdiff_t>(e - b);
      w.e = w.b + repaired.size();
      w.facts = facts_of(repaired);
    }
    if (glued_after) {
      ed.insert_between(e, U' ');
      ++shift;
    }
  }
  changed = ed.changed;
  return ed.finish(std::move(in));
}

MappedText repair_letters(MappedText&& in) {
  if (!has_arabic_script(in.text)) return std::move(in);
  std::vector<TextWord> words = text_words(in.text);
  bool changed = false;
  return repair_letters(std::move(in), words, changed);
}

}  // namespace dipmine::text::fa

// Index terms: the bridge between normalisation and the full-text index. The
// same function serves documents (at insert, 'delete' and highlight time) and
// queries, so both sides always agree on keys. See segmenter.h for the rules.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <cstring>
#include <stdexcept>

#include "text/fa_edit.h"
#include "text/fa_vocabulary.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/utf8.h"

namespace dipmine::text {
namespace {

bool is_cjk(char32_t cp) {
  // Han, hiragana and katakana all lie at U+2E80 (CJK radicals) and above.
  if (cp < 0x2E80) return false;
  // Prolonged sound mark and iteration marks are Common/Inherited script but
  // belong inside kana and kanji words.
  if (cp == 0x30FC || cp == 0x3005 || cp == 0x309D || cp == 0x309E || cp == 0x30FD ||
      cp == 0x30FE) {
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &status);
  return U_SUCCESS(status) &&
         (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA);
}

// The word spans of `t` with its kanji/kana `runs` replaced by white space of
// the same byte length: ICU's rules break the rest as they do around the
// runs, and no dictionary engine is loaded. (A word that ICU would join to a
// run, as `_` before katakana, comes out apart: no such text has been seen.)
std::vector<Span> words_around_runs(std::string_view t, Lang lang, const std::vector<Span>& runs) {
  if (runs.empty()) return words(t, lang);
  std::string masked(t);
  for (const Span& r : runs) {
    for (size_t i = r.begin; i < r.end;) {
      size_t len;
      decode_utf8(t, i, len);
      // U+3000 IDEOGRAPHIC SPACE is three bytes, as kanji and kana are; a
      // four-byte character gets an ASCII space after it.
      masked.replace(i, 3, "\xE3\x80\x80");
      if (len == 4) masked[i + 3] = ' ';
      i += len;
    }
  }
  return words(masked, lang);
}

bool is_arabic_indic_digit(char32_t cp) {
  return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
}

size_t char_count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    decode_utf8(s, i, len);
    i += len;
    ++n;
  }
  return n;
}

std::string cap_key(std::string key) {
  if (key.size() <= kMaxKeyBytes) return key;
  size_t cut = kMaxKeyBytes;
  while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
  key.resize(cut);
  return key;
}

// The language whose normaliser folds a word: by its letters; a number written
// in Persian digits folds as Persian; otherwise the paragraph's (context) fold.
Lang word_lang(std::string_view original_word) {
  const Lang l = detect_lang(original_word);
  if (l != Lang::none) return l;
  for (size_t i = 0; i < original_word.size();) {
    size_t len;
    if (is_arabic_indic_digit(decode_utf8(original_word, i, len))) return Lang::fa;
    i += len;
  }
  return Lang::none;
}

// Whether a word is written only in its paragraph's own script, so that
// word_lang() could only answer the paragraph's language or none and the word
// never needs another fold: plain ASCII in English text, characters of the
// Arabic block (U+0600..U+06FF: leads 0xD8..0xDB) in Persian text. Most words
// are; word_lang would find the same, slower.
bool in_paragraph_script(Lang lang, std::string_view original_word) {
  if (lang == Lang::en) {
    for (const char c : original_word) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
  }
  if (lang == Lang::fa) {
    for (size_t i = 0; i < original_word.size(); i += 2) {
      const auto lead = static_cast<unsigned char>(original_word[i]);
      if (lead < 0xD8 || lead > 0xDB || i + 1 >= original_word.size() ||
          (static_cast<unsigned char>(original_word[i + 1]) & 0xC0) != 0x80) {
        return false;
      }
    }
    return true;
  }
  return false;
}

// Persian affixes, as folded keys (folded once, by the same normaliser).
// Short keys (all of them fit 8 bytes) compared as integers: these checks run
// for every Persian word and its neighbour, and a memcmp call each cost more
// than the compare.
class AffixList {
 public:
  void add(std::string key) {
    packed_.push_back({pack(key), key.size()});
    keys_.push_back(std::move(key));
  }
  size_t size() const { return keys_.size(); }
  const std::string& operator[](size_t k) const { return keys_[k]; }
  bool contains(std::string_view s) const {
    if (s.size() > 8) return false;
    const uint64_t v = pack(s);
    for (const auto& [bits, size] : packed_) {
      if (size == s.size() && bits == v) return true;
    }
    return false;
  }
  // Whether `s` starts (ends) with affix k.
  bool starts(std::string_view s, size_t k) const {
    const size_t n = packed_[k].second;
    return s.size() >= n && pack(s.substr(0, n)) == packed_[k].first;
  }
  bool ends(std::string_view s, size_t k) const {
    const size_t n = packed_[k].second;
    return s.size() >= n && pack(s.substr(s.size() - n)) == packed_[k].first;
  }

 private:
  static uint64_t pack(std::string_view s) {
    uint64_t v = 0;
    std::memcpy(&v, s.data(), std::min<size_t>(s.size(), 8));
    return v;
  }
  std::vector<std::string> keys_;
  std::vector<std::pair<uint64_t, size_t>> packed_;
};

struct PersianAffixes {
  AffixList prefixes;  // join the next word: می + شود
  AffixList suffixes;  // join the previous word: کتاب + ها
  AffixList bound;     // never stored alone (no meaning by itself)
};

const PersianAffixes& persian_affixes() {
  static const PersianAffixes affixes = [] {
    const Normalizer& fa = normalizer_for(Lang::fa);
    auto key = [&](const char* s) {
      std::string k = fa.fold(s).text;
      if (k.size() > 8) throw std::logic_error("Persian affix keys must fit 8 bytes");
      return k;
    };
    PersianAffixes a;
    for (const char* p : {"می", "نمی", "بین"}) a.prefixes.add(key(p));
    for (const char* s : {"ها", "های", "هایی", "تر", "ترین"}) a.suffixes.add(key(s));
    for (const char* b : {"می", "نمی", "ها", "های", "هایی", "تر", "ترین"}) a.bound.add(key(b));
    return a;
  }();
  return affixes;
}

// Whether a key starts with a U+0600..U+06FF letter: only such keys can be a
// Persian prefix or suffix.
bool is_arabic_lead(std::string_view key) {
  return !key.empty() && static_cast<unsigned char>(key[0]) >= 0xD8 &&
         static_cast<unsigned char>(key[0]) <= 0xDB;
}

// A word of the folded text: its folded span, its key and its original span.
struct Word {
  uint32_t fb = 0, fe = 0;  // folded bytes
  std::string key;
  uint32_t ob = 0, oe = 0;  // folded.original_span(fb, fe)
  // The first piece of a word cut at a ZWNJ (split_at_zwnj): the whole
  // word's key, a colocated alternative in document mode.
  std::string whole;
};

// Pieces a ZWNJ never cuts off: the affixes and clitics written with one
// (می‌شود, کتاب‌ها, خانه‌ای, هم‌چنین's هم is a word the dictionary knows joined).
bool is_zwnj_affix(std::string_view key) {
  static constexpr std::string_view kAffixes[] = {
      "می", "نمی", "بی", "بین", "ها", "های", "هایی", "تر", "ترین", "ای", "ام", "ات", "اش",
      "ی", "یی", "ان", "اند", "ایم", "اید", "است", "گر", "گری", "وار", "مند"};
  for (const std::string_view a : kAffixes) {
    if (key == a) return true;
  }
  return false;
}

// Persian words typed with a ZWNJ between two stems (عنوان‌پیوست) are often
// typed with a space (PDF pages even show the ZWNJ as one): such a ZWNJ is a
// word boundary, as a space, when both pieces are dictionary words, neither
// is an affix, and the dictionary knows neither the joined word (همچنین) nor
// the compound (زمین‌لرزه, which fold joins when written apart). The pieces
// are cut from `w` (folded bytes; fold dropped the ZWNJ, the map still
// points past it) and appended to `out`; returns false (nothing appended)
// when no ZWNJ of the word is such a boundary.
// The ezafe after a final ه written with a ZWNJ (زمینه‌ی, کتابخانه‌ی) is the
// word's: its key without the ی is an alternative in documents, and the key
// in a query, so that زمینه, زمینه‌ی, زمینهٔ and زمینه ی find each other (the
// hamza form folds to زمینه, the spaced ی is a word of its own). Only with the
// ZWNJ: ماهی (fish) is no ezafe of ماه (month).
void ezafe_after_heh(Word& w, std::string_view original, TermMode mode) {
  constexpr std::string_view kHehZwnj = "\xd9\x87\xe2\x80\x8c", kHehYeh = "\xd9\x87\xdb\x8c";
  const std::string_view o = original.substr(w.ob, w.oe - w.ob);
  if (o.size() < 9 || w.key.size() < 8 || w.key.compare(w.key.size() - 4, 4, kHehYeh) != 0) return;
  const size_t z = o.rfind(kHehZwnj);
  if (z == std::string_view::npos) return;
  const std::string_view rest = o.substr(z + kHehZwnj.size());
  if (rest != "\xdb\x8c" && rest != "\xd9\x8a") return;  // ی or ي, and nothing after
  std::string stem = w.key.substr(0, w.key.size() - 2);
  if (mode == TermMode::query) {
    w.key = std::move(stem);
  } else if (w.whole.empty()) {
    w.whole = std::move(stem);
  }
}

bool split_at_zwnj(const Word& w, std::string_view original, const MappedText& folded,
                   std::vector<Word>& out) {
  constexpr std::string_view kZwnj = "\xe2\x80\x8c";
  const std::string_view o = original.substr(w.ob, w.oe - w.ob);
  if (o.find(kZwnj) == std::string_view::npos) return false;
  // Folded character boundaries with the original offset each starts at.
  std::vector<std::pair<uint32_t, uint32_t>> chars;  // folded offset, original begin
  for (uint32_t i = w.fb; i < w.fe;) {
    size_t len;
    decode_utf8(folded.text, i, len);
    const uint32_t ob = folded.begin[i];
    if (!chars.empty() && ob < chars.back().second) return false;  // a repaired word: no order
    chars.push_back({i, ob});
    i += static_cast<uint32_t>(len);
  }
  std::vector<uint32_t> cuts;  // folded offsets where a piece starts
  for (size_t z = o.find(kZwnj); z != std::string_view::npos; z = o.find(kZwnj, z + 3)) {
    const uint32_t after = w.ob + static_cast<uint32_t>(z) + 3;
    for (size_t c = 1; c < chars.size(); ++c) {
      if (chars[c].second >= after && chars[c - 1].second < after) cuts.push_back(chars[c].first);
    }
  }
  if (cuts.empty()) return false;
  cuts.insert(cuts.begin(), w.fb);
  cuts.push_back(w.fe);
  const std::string_view t = folded.text;
  auto piece_key = [&](size_t k) { return fa_key(t.substr(cuts[k], cuts[k + 1] - cuts[k])); };
  std::vector<uint32_t> kept = {w.fb};  // the starts of the pieces that stay apart
  for (size_t k = 1; k + 1 < cuts.size(); ++k) {
    const std::string a = piece_key(k - 1), b = piece_key(k);
    if (a.size() >= 4 && b.size() >= 4 && !is_zwnj_affix(a) && !is_zwnj_affix(b) && fa_is_word(a) &&
        fa_is_word(b) && !fa_is_word(a + b) && !fa_is_compound(a, b)) {
      kept.push_back(cuts[k]);
    }
  }
  if (kept.size() == 1) return false;
  kept.push_back(w.fe);
  for (size_t k = 0; k + 1 < kept.size(); ++k) {
    const auto [ob, oe] = folded.original_span(kept[k], kept[k + 1]);
    out.push_back({kept[k], kept[k + 1], std::string(t.substr(kept[k], kept[k + 1] - kept[k])), ob, oe,
                   k == 0 ? w.key : std::string()});
  }
  return true;
}

// True when the folded bytes between two words are only spaces and joiners.
bool space_only_gap(std::string_view gap) {
  if (gap.empty()) return true;
  for (size_t i = 0; i < gap.size();) {
    size_t len;
    const char32_t cp = decode_utf8(gap, i, len);
    if (cp != ' ' && cp != 0x00A0 && cp != 0x200C && cp != 0x200D && cp != 0x202F) return false;
    i += len;
  }
  return true;
}

// Keys of the parts a joined Persian key splits into at a known affix.
void persian_split(const std::string& joined, std::vector<std::string>& out) {
  const PersianAffixes& a = persian_affixes();
  for (size_t k = 0; k < a.prefixes.size(); ++k) {
    const size_t n = a.prefixes[k].size();
    if (joined.size() > n && a.prefixes.starts(joined, k) &&
        char_count(std::string_view(joined).substr(n)) >= 2) {
      out.push_back(joined.substr(n));
    }
  }
  for (size_t k = 0; k < 3; ++k) {  // plurals only: ها های هایی
    const size_t n = a.suffixes[k].size();
    if (joined.size() > n && a.suffixes.ends(joined, k) &&
        char_count(std::string_view(joined).substr(0, joined.size() - n)) >= 2) {
      out.push_back(joined.substr(0, joined.size() - n));
    }
  }
}

// The parts of a compound the dictionary writes with ZWNJ, when fold ran
// them together (زمین لرزه ای, زمین‌لرزه‌ای and زمینلرزهای all fold to
// زمینلرزهای): the head and the tail, and behind a suffix also the compound
// and the tail with the suffix (what the index held when the compound was
// written apart: لرزهای). So a search for either part, or for the compound
// without its suffix, finds every spelling.
void compound_parts(const std::string& joined, std::vector<std::string>& out) {
  if (joined.size() < 8) return;  // two parts of two letters each
  static const std::vector<std::string> suffixes = [] {
    const Normalizer& fa = normalizer_for(Lang::fa);
    std::vector<std::string> v = {""};
    for (const char* s : {"هایی", "های", "ها", "ترین", "تر", "ای", "ام", "ات", "اش", "ی"}) v.push_back(fa.fold(s).text);
    return v;
  }();
  for (const std::string& suffix : suffixes) {
    if (joined.size() < suffix.size() + 8 || joined.compare(joined.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string_view compound = std::string_view(joined).substr(0, joined.size() - suffix.size());
    const size_t head = fa_compound_split(compound);
    if (head == 0) continue;
    out.emplace_back(compound.substr(0, head));
    out.emplace_back(compound.substr(head));
    if (!suffix.empty()) {
      out.emplace_back(compound);
      out.push_back(out[out.size() - 2] + suffix);
    }
    return;
  }
}

class TermBuilder {
 public:
  TermBuilder(std::string_view original, const MappedText& folded, TermMode mode, size_t words)
      : original_(original), folded_(folded), mode_(mode) {
    out_.reserve(words + words / 4);  // a key per word, and some alternatives
  }

  void add(std::string key, uint32_t fb, uint32_t fe, bool colocated) {
    const auto [b, e] = folded_.original_span(fb, fe);
    add_at_original(std::move(key), b, e, colocated);
  }

  // The same with the original span already known (a single word's).
  void add_at_original(std::string key, uint32_t b, uint32_t e, bool colocated) {
    e = std::min<uint32_t>(e, static_cast<uint32_t>(original_.size()));
    b = std::min(b, e);
    out_.push_back({cap_key(std::move(key)), b, e, colocated, false});
  }

  // Non-CJK words in order: Persian compounds grouped, the rest one by one.
  void add_words(std::vector<Word>& ws) {
    // The affixes are folded by the Persian normaliser at their first use:
    // text without Persian words (an English query) never asks for them.
    for (size_t i = 0; i < ws.size();) {
      size_t j = i + 1;
      while (j < ws.size() && (is_arabic_lead(ws[j - 1].key) || is_arabic_lead(ws[j].key)) &&
             space_only_gap(std::string_view(folded_.text).substr(ws[j - 1].fe,
                                                                 ws[j].fb - ws[j - 1].fe)) &&
             (persian_affixes().prefixes.contains(ws[j - 1].key) ||
              persian_affixes().suffixes.contains(ws[j].key))) {
        ++j;
      }
      // A single word's key is taken, not copied: only compounds use the
      // parts' keys again below.
      std::string joined;
      if (j - i == 1) joined = std::move(ws[i].key);
      for (size_t k = i; k < j && j - i > 1; ++k) joined += ws[k].key;
      // Alternatives exist only for Persian compounds and affixes: a key with
      // no Arabic-script byte (0xD8..0xDB leads U+0600..U+06FF) has none.
      const bool persian = j - i > 1 || fa::has_arabic_script(joined);
      // Every key of the group spans the group's original text.
      const auto [gb, ge] = j - i == 1 ? std::pair{ws[i].ob, ws[i].oe}
                                       : folded_.original_span(ws[i].fb, ws[j - 1].fe);
      // Alternatives (document mode, Persian): the parts of a compound and the
      // word without a known affix, each once, never the joined key again,
      // never a bound affix. Found before the joined key is moved out.
      std::vector<std::string> alts;
      std::vector<char> keep;
      if (mode_ == TermMode::document && persian) {
        if (j - i > 1) {
          for (size_t k = i; k < j; ++k) alts.push_back(ws[k].key);
        }
        for (size_t k = i; k < j; ++k) {
          if (!ws[k].whole.empty()) alts.push_back(std::move(ws[k].whole));
        }
        compound_parts(joined, alts);
        persian_split(joined, alts);
        keep.resize(alts.size());
        for (size_t k = 0; k < alts.size(); ++k) {
          const auto first = alts.begin(), here = first + static_cast<std::ptrdiff_t>(k);
          keep[k] = alts[k] != joined && !persian_affixes().bound.contains(alts[k]) &&
                    std::find(first, here, alts[k]) == here;
        }
      }
      add_at_original(std::move(joined), gb, ge, false);
      for (size_t k = 0; k < alts.size(); ++k) {
        if (keep[k] != 0) add_at_original(std::move(alts[k]), gb, ge, true);
      }
      if (!persian && mode_ != TermMode::highlight) add_hyphen_compound(ws, i);
      i = j;
    }
  }

  // A Latin compound written with hyphens (non-parallel, decision-making,
  // COVID-19, state-of-the-art) starting at ws[i]: its parts stay words of
  // their own, and the compound written solid (nonparallel) is a colocated
  // key of the first part, folded as that one word would be, so either
  // spelling finds the other (in a query: query.cpp makes it an
  // alternative). Not between two numbers (2015-2020), and only where the
  // text has a hyphen (not a dash: Tehran–Kyoto).
  void add_hyphen_compound(const std::vector<Word>& ws, size_t i) {
    if (i > 0 && plain_latin(ws[i - 1]) && plain_latin(ws[i]) && hyphen_between(ws[i - 1], ws[i])) return;
    size_t m = i + 1;
    bool letters = has_ascii_letter(ws[i]);
    while (m < ws.size() && m - i < 6 && plain_latin(ws[m - 1]) && plain_latin(ws[m]) && hyphen_between(ws[m - 1], ws[m])) {
      letters = letters || has_ascii_letter(ws[m]);
      ++m;
    }
    if (m - i < 2 || !letters) return;
    std::string solid;
    for (size_t k = i; k < m; ++k) solid.append(original_, ws[k].ob, ws[k].oe - ws[k].ob);
    std::string key = normalizer_for(Lang::en).fold(solid).text;
    if (key.empty() || key.find(' ') != std::string::npos) return;
    add_at_original(std::move(key), ws[i].ob, ws[m - 1].oe, true);
  }
  bool plain_latin(const Word& w) const {
    if (w.oe <= w.ob || w.oe > original_.size()) return false;
    for (uint32_t k = w.ob; k < w.oe; ++k) {
      const auto c = static_cast<unsigned char>(original_[k]);
      if (!std::isalnum(c) || c >= 0x80) return false;
    }
    return true;
  }
  bool has_ascii_letter(const Word& w) const {
    for (uint32_t k = w.ob; k < w.oe && k < original_.size(); ++k) {
      if (std::isalpha(static_cast<unsigned char>(original_[k]))) return true;
    }
    return false;
  }
  // HYPHEN-MINUS, HYPHEN or NON-BREAKING HYPHEN, and nothing else, between two words.
  bool hyphen_between(const Word& a, const Word& b) const {
    if (b.ob < a.oe) return false;
    const std::string_view gap = original_.substr(a.oe, b.ob - a.oe);
    return gap == "-" || gap == "\u2010" || gap == "\u2011";
  }

  // One kanji/kana run [rb, re) of the folded text, with the dictionary words
  // that lie inside it. `last` tells whether nothing follows it (query mode).
  void add_cjk_run(uint32_t rb, uint32_t re, const std::vector<Span>& dict_words, bool last) {
    std::vector<uint32_t> starts;  // byte offset of each character, plus the end
    const std::string_view t = folded_.text;
    for (uint32_t i = rb; i < re;) {
      size_t len;
      decode_utf8(t, i, len);
      starts.push_back(i);
      i += static_cast<uint32_t>(len);
    }
    starts.push_back(re);
    const size_t n = starts.size() - 1;
    if (mode_ == TermMode::query && n == 1) {
      add(std::string(t.substr(rb, re - rb)), rb, re, false);
      out_.back().prefix = last;
      return;
    }
    size_t next_word = 0;  // dict_words are in text order
    for (size_t c = 0; c < n; ++c) {
      const bool bigram = c + 1 < n;
      if (!bigram && mode_ == TermMode::query && last) break;  // the run may go on in documents
      const uint32_t e = starts[bigram ? c + 2 : c + 1];
      add(std::string(t.substr(starts[c], e - starts[c])), starts[c], e, false);
      while (next_word < dict_words.size() && dict_words[next_word].begin < starts[c]) ++next_word;
      for (size_t k = next_word; k < dict_words.size() && dict_words[k].begin == starts[c]; ++k) {
        const Span& w = dict_words[k];
        if (char_count(t.substr(w.begin, w.end - w.begin)) < 2) continue;
        // In a query the whole-word key only makes sense when the run is one word.
        if (mode_ == TermMode::query && (w.begin != rb || w.end != re)) continue;
        add(whole_word_key(t.substr(w.begin, w.end - w.begin)), w.begin, w.end, true);
      }
    }
  }

  std::vector<Term> take() { return std::move(out_); }

 private:
  std::string_view original_;
  const MappedText& folded_;
  TermMode mode_;
  std::vector<Term> out_;
};

}  // namespace

std::vector<Term> index_terms(std::string_view original, Lang lang, TermMode mode) {
  return index_terms(original, lang, mode, normalizer_for(lang).fold(original));
}

std::vector<Term> index_terms(std::string_view original, Lang lang, TermMode mode,
                              const MappedText& folded) {
  const std::string_view t = folded.text;

  // Kanji/kana runs of the folded text.
  std::vector<Span> runs;
  for (uint32_t i = 0; i < t.size();) {
    // Kanji and kana are three- or four-byte characters (leads 0xE2 and up
    // start U+2000 and beyond): other bytes are passed over without decoding.
    if (static_cast<unsigned char>(t[i]) < 0xE2) {
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = decode_utf8(t, i, len);
    if (is_cjk(cp)) {
      if (!runs.empty() && runs.back().end == i) runs.back().end = i + static_cast<uint32_t>(len);
      else runs.push_back({i, i + static_cast<uint32_t>(len)});
    }
    i += static_cast<uint32_t>(len);
  }

  const std::vector<Span> spans = mode == TermMode::document ? words(t, lang) : words_around_runs(t, lang, runs);
  TermBuilder builder(original, folded, mode, spans.size());
  std::vector<Word> pending;  // non-CJK words since the last run
  pending.reserve(spans.size());
  size_t run = 0;
  std::vector<Span> dict_words;
  auto flush_run = [&](bool last) {
    builder.add_words(pending);
    pending.clear();
    // A query's run is its whole-word key as it stands: a key no document
    // has (ICU's dictionary splits the run there) adds nothing.
    if (mode == TermMode::query) dict_words.assign(1, runs[run]);
    builder.add_cjk_run(runs[run].begin, runs[run].end, dict_words, last);
    dict_words.clear();
    ++run;
  };
  for (const Span& w : spans) {
    while (run < runs.size() && runs[run].end <= w.begin) flush_run(false);
    if (run < runs.size() && w.begin < runs[run].end && w.end > runs[run].begin) {
      dict_words.push_back(w);  // a word inside (or touching) a kanji/kana run
      continue;
    }
    const auto [ob, oe] = folded.original_span(w.begin, w.end);
    Word word{w.begin, w.end, std::string(t.substr(w.begin, w.end - w.begin)), ob, oe, {}};
    if (oe > ob && oe <= original.size() && !in_paragraph_script(lang, original.substr(ob, oe - ob))) {
      const Lang own = word_lang(original.substr(ob, oe - ob));
      if (own != Lang::none && own != lang) {
        std::string refolded = normalizer_for(own).fold(original.substr(ob, oe - ob)).text;
        if (!refolded.empty()) word.key = std::move(refolded);
      }
    }
    if (lang == Lang::fa && is_arabic_lead(word.key)) {
      ezafe_after_heh(word, original, mode);
      if (split_at_zwnj(word, original, folded, pending)) continue;
    }
    pending.push_back(std::move(word));
  }
  while (run < runs.size()) flush_run(run + 1 == runs.size());
  builder.add_words(pending);
  return builder.take();
}

}  // namespace dipmine::text

// The plainest reading of the Matcher's rules (matcher.h), for tests that
// compare the fast paths against it: every form's RE2 searched over the whole
// text, boundaries written out with ICU, overlaps per kind; near forms (when
// asked for) pair every side A match with every side B match (or kept
// network mention), sentence and words counted by text::sentences and
// text::words of the whole text. Header-only, test code.
#pragma once
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "lexicon/matcher.h"
#include "lexicon/stop_spans.h"
#include "text/lang.h"
#include "text/segmenter.h"
#include "text/utf8.h"

namespace dipmine::reference {

using lexicon::Hit;

inline bool word_char(char32_t cp) {
  if (u_isalnum(static_cast<UChar32>(cp))) return true;
  const int8_t t = u_charType(static_cast<UChar32>(cp));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

inline bool latin_alnum(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return u_isalpha(static_cast<UChar32>(cp)) &&
         uscript_getScript(static_cast<UChar32>(cp), nullptr) == USCRIPT_LATIN;
}

inline char32_t at(std::string_view s, size_t i) {
  size_t len = 0;
  return i < s.size() ? text::decode_utf8(s, i, len) : 0;
}

inline char32_t before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return at(s, j);
}

// The rules of matcher.h, written out.
inline bool boundaries(std::string_view s, size_t b, size_t e, text::Lang lang) {
  const char32_t l = before(s, b), r = at(s, e);
  if (lang == text::Lang::ja) {
    return !(latin_alnum(at(s, b)) && l && latin_alnum(l)) &&
           !(latin_alnum(before(s, e)) && r && latin_alnum(r));
  }
  // A change of script (Arabic letter against Latin letter or digit) is a
  // boundary too (text::script_changes, tested in the text module).
  return !(l && word_char(l) && !text::script_changes(l, at(s, b))) &&
         !(r && word_char(r) && !text::script_changes(before(s, e), r));
}

class Reference {
 public:
  explicit Reference(const lexicon::Lexicon& lex) : lex_(lex) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_longest_match(true);
    for (const auto& f : lex.forms) {
      res_.push_back(std::make_unique<RE2>(f.pattern, o));
      b_res_.push_back(f.near && !f.near->any_network ? std::make_unique<RE2>(f.near->b_pattern, o)
                                                      : nullptr);
    }
  }

  // Hits in folded text `s` of a paragraph of language `lang` (near forms
  // read its sentences and words), as Matcher::scan gives them.
  std::vector<Hit> scan(std::string_view s, text::Lang lang = text::Lang::none) const {
    std::vector<Hit> hits, near_a, near_b;
    for (uint32_t f = 0; f < res_.size(); ++f) {
      add_all(*res_[f], f, s, lex_.forms[f].near ? near_a : hits);
      if (b_res_[f]) add_all(*b_res_[f], f, s, near_b);
    }
    lexicon::drop_stopped(lex_, s, {&hits, &near_a, &near_b});  // stop_spans_test.cpp tests it alone
    std::vector<Hit> kept = resolve(std::move(hits));
    if (near_a.empty()) return kept;
    const std::vector<text::Span> sentences = text::sentences(s, lang);
    const std::vector<text::Span> words = text::words(s, lang);
    const auto sentence_of = [&](uint32_t pos) {
      size_t k = 0;
      while (k + 1 < sentences.size() && sentences[k + 1].begin <= pos) ++k;
      return k;
    };
    std::vector<Hit> near;
    for (const Hit& a : near_a) {
      const lexicon::Proximity& p = *lex_.forms[a.form].near;
      const Hit* best = nullptr;
      size_t best_gap = 0;
      for (const Hit& b : p.any_network ? kept : near_b) {
        if (p.any_network ? kind(b) != lexicon::ConceptKind::network : b.form != a.form) continue;
        if (b.begin < a.end && a.begin < b.end) continue;
        const size_t k = sentence_of(a.begin);
        if (sentence_of(a.end - 1) != k || sentence_of(b.begin) != k || sentence_of(b.end - 1) != k) {
          continue;
        }
        const uint32_t from = std::min(a.end, b.end), to = std::max(a.begin, b.begin);
        size_t gap = 0;
        for (const text::Span& w : words) gap += w.begin >= from && w.end <= to;
        if (gap > static_cast<size_t>(p.words)) continue;
        if (!best || gap < best_gap || (gap == best_gap && b.begin < best->begin)) {
          best = &b;
          best_gap = gap;
        }
      }
      if (best) near.push_back({a.form, std::min(a.begin, best->begin), std::max(a.end, best->end)});
    }
    const std::vector<Hit> plain = kept;
    kept.insert(kept.end(), near.begin(), near.end());
    kept = resolve(std::move(kept));
    // A near mention over a plain mention of its own concept: one mention,
    // the plain one.
    const auto concept_of = [&](const Hit& h) { return lex_.forms[h.form].concept_index; };
    std::erase_if(kept, [&](const Hit& n) {
      return lex_.forms[n.form].near &&
             std::any_of(plain.begin(), plain.end(), [&](const Hit& p) {
               return concept_of(p) == concept_of(n) && p.begin < n.end && n.begin < p.end;
             });
    });
    return kept;
  }

 private:
  // Appends every match of `re` in s (leftmost-longest, on from its end; one
  // character on where the boundaries fail), as hits of form f.
  void add_all(const RE2& re, uint32_t f, std::string_view s, std::vector<Hit>& hits) const {
    re2::StringPiece m;
    for (size_t pos = 0; pos <= s.size() && re.Match(s, pos, s.size(), RE2::UNANCHORED, &m, 1);) {
      const size_t b = static_cast<size_t>(m.data() - s.data()), e = b + m.size();
      if (e > b && boundaries(s, b, e, lex_.forms[f].lang)) {
        hits.push_back({f, static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
        pos = e;
      } else {
        size_t len = 0;
        text::decode_utf8(s, b, len);
        pos = b + std::max<size_t>(len, 1);
      }
    }
  }
  lexicon::ConceptKind kind(const Hit& h) const {
    return lex_.concepts[lex_.forms[h.form].concept_index].kind;
  }
  // Per group (indicators, networks, near forms): leftmost, then longest,
  // then the form listed first.
  std::vector<Hit> resolve(std::vector<Hit> hits) const {
    const auto group = [&](const Hit& h) { return lex_.forms[h.form].near ? 2 : static_cast<int>(kind(h)); };
    std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
      return std::make_tuple(group(a), a.begin, -static_cast<int64_t>(a.end), a.form) <
             std::make_tuple(group(b), b.begin, -static_cast<int64_t>(b.end), b.form);
    });
    std::vector<Hit> kept;
    for (size_t i = 0; i < hits.size(); ++i) {
      if (i > 0 && group(hits[i]) == group(kept.back()) && hits[i].begin < kept.back().end) continue;
      kept.push_back(hits[i]);
    }
    std::stable_sort(kept.begin(), kept.end(), [&](const Hit& a, const Hit& b) {
      return std::make_tuple(a.begin, group(a)) < std::make_tuple(b.begin, group(b));
    });
    return kept;
  }

  const lexicon::Lexicon& lex_;
  std::vector<std::unique_ptr<RE2>> res_, b_res_;
};

inline std::string show(const std::vector<Hit>& hits, std::string_view s) {
  std::string out;
  for (const Hit& h : hits) {
    out += std::to_string(h.form) + "@" + std::to_string(h.begin) + ":" +
           std::string(s.substr(h.begin, h.end - h.begin)) + "\n";
  }
  return out;
}

// The paragraphs (split at blank lines) of every .txt file in `dir`, sorted
// (directory order varies), each with its detected language.
inline std::vector<std::pair<std::string, text::Lang>> paragraphs_of(const std::string& dir) {
  std::vector<std::pair<std::string, text::Lang>> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line, para;
    const auto flush = [&] {
      if (!para.empty()) out.emplace_back(para, text::detect_lang(para));
      para.clear();
    };
    while (std::getline(in, line)) {
      if (line.empty()) flush();
      else para += line + "\n";
    }
    flush();
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace dipmine::reference

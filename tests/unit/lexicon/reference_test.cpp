// The matcher's fast paths (atom pass, clauses, literal checks without RE2,
// RE2 in windows around atoms) against the plainest reading of the rules:
// every form's RE2 searched over the whole text, boundaries, then overlaps.
// Run on every seed paragraph with the shipped lexicon, and on the same text
// stretched (long white-space runs inside regex matches), cut at random
// places and glued together.
#include <catch2/catch.hpp>
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <tuple>

#include "lexicon/matcher.h"
#include "text/lang.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/utf8.h"

using namespace dipmine;
using lexicon::Hit;

namespace {

bool word_char(char32_t cp) {
  if (u_isalnum(static_cast<UChar32>(cp))) return true;
  const int8_t t = u_charType(static_cast<UChar32>(cp));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

bool latin_alnum(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return u_isalpha(static_cast<UChar32>(cp)) &&
         uscript_getScript(static_cast<UChar32>(cp), nullptr) == USCRIPT_LATIN;
}

char32_t at(std::string_view s, size_t i) {
  size_t len = 0;
  return i < s.size() ? text::decode_utf8(s, i, len) : 0;
}

char32_t before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return at(s, j);
}

// The rules of matcher.h, written out.
bool boundaries(std::string_view s, size_t b, size_t e, text::Lang lang) {
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
    for (const auto& f : lex.forms) res_.push_back(std::make_unique<RE2>(f.pattern, o));
  }

  std::vector<Hit> scan(std::string_view s) const {
    std::vector<Hit> hits;
    for (uint32_t f = 0; f < res_.size(); ++f) {
      re2::StringPiece m;
      for (size_t pos = 0;
           pos <= s.size() && res_[f]->Match(s, pos, s.size(), RE2::UNANCHORED, &m, 1);) {
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
    // Per kind: leftmost, then longest, then the form listed first.
    const auto kind = [&](const Hit& h) { return lex_.concepts[lex_.forms[h.form].concept_index].kind; };
    std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
      return std::make_tuple(kind(a), a.begin, -static_cast<int64_t>(a.end), a.form) <
             std::make_tuple(kind(b), b.begin, -static_cast<int64_t>(b.end), b.form);
    });
    std::vector<Hit> kept;
    for (size_t i = 0; i < hits.size(); ++i) {
      if (i > 0 && kind(hits[i]) == kind(kept.back()) && hits[i].begin < kept.back().end) continue;
      kept.push_back(hits[i]);
    }
    std::stable_sort(kept.begin(), kept.end(), [&](const Hit& a, const Hit& b) {
      return std::make_tuple(a.begin, kind(a)) < std::make_tuple(b.begin, kind(b));
    });
    return kept;
  }

 private:
  const lexicon::Lexicon& lex_;
  std::vector<std::unique_ptr<RE2>> res_;
};

std::string show(const std::vector<Hit>& hits, std::string_view s) {
  std::string out;
  for (const Hit& h : hits) {
    out += std::to_string(h.form) + "@" + std::to_string(h.begin) + ":" +
           std::string(s.substr(h.begin, h.end - h.begin)) + "\n";
  }
  return out;
}

std::vector<std::string> seed_paragraphs() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(DIPMINE_SOURCE_DIR "/corpus")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line, para;
    const auto flush = [&] {
      if (!para.empty()) {
        out.push_back(text::normalizer_for(text::detect_lang(para)).fold_for_prefix(para).text);
      }
      para.clear();
    };
    while (std::getline(in, line)) {
      if (line.empty()) flush();
      else para += line + "\n";
    }
    flush();
  }
  std::sort(out.begin(), out.end());  // directory order varies
  return out;
}

// Every white-space run made 1-40 times longer, some turned into newlines.
std::string stretched(std::string_view s, std::mt19937& rng) {
  std::string out;
  for (const char c : s) {
    if (c != ' ' && c != '\n') {
      out += c;
      continue;
    }
    const size_t n = 1 + rng() % 40;
    for (size_t k = 0; k < n; ++k) out += (rng() % 4 == 0) ? '\n' : ' ';
  }
  return out;
}

// Random text: words of the lexicon's forms and of the seeds, glued by spaces,
// hyphens, ZWNJ, newlines, punctuation, digits and the odd invalid byte.
std::string random_text(const std::vector<std::string>& words, std::mt19937& rng) {
  static const std::vector<std::string> glue = {" ", " ", " ", "-", "\u200c", "\n", ". ", "، ",
                                                "、", "", "  ", "1", "\xff", "x"};
  std::string out;
  const size_t n = 5 + rng() % 60;
  for (size_t i = 0; i < n; ++i) {
    out += words[rng() % words.size()];
    out += glue[rng() % glue.size()];
  }
  return out;
}

// The shipped lexicon without its near forms.
lexicon::Lexicon plain_forms(lexicon::Lexicon lex) {
  std::erase_if(lex.forms, [](const lexicon::Form& f) { return f.near.has_value(); });
  return lex;
}

}  // namespace

TEST_CASE("random text of the lexicon's and the seeds' words: same hits as plain RE2",
          "[matcher][reference]") {
  const lexicon::Lexicon lex = plain_forms(lexicon::load_lexicon(DIPMINE_SOURCE_DIR "/lexicons"));
  const lexicon::Matcher m{lexicon::Lexicon(lex)};
  const Reference ref(lex);
  std::vector<std::string> words;
  const auto add_words = [&](const std::string& s) {
    std::istringstream ss(s);
    std::string w;
    while (ss >> w) words.push_back(w);
  };
  for (const auto& f : lex.forms) add_words(f.form);
  const std::vector<std::string> paras = seed_paragraphs();
  for (size_t i = 0; i < paras.size(); i += 7) add_words(paras[i]);
  std::mt19937 rng(16);
  size_t hits = 0;
  for (int i = 0; i < 3000; ++i) {
    // scan() takes folded text (the forms' words are as written: MoUs, Climate).
    const std::string raw = random_text(words, rng);
    const std::string s = text::normalizer_for(text::detect_lang(raw)).fold_for_prefix(raw).text;
    const std::vector<Hit> want = ref.scan(s);
    hits += want.size();
    if (show(m.scan(s), s) != show(want, s)) {
      CHECK(show(m.scan(s), s) == show(want, s));  // prints both
    }
  }
  CHECK(hits > 3000);
}

TEST_CASE("shipped lexicon on the seed paragraphs: same hits as plain RE2 everywhere",
          "[matcher][reference]") {
  // Near forms are not in the atom-filter matcher nor in the plain-RE2 reference
  // (they pair two matches; tests/unit/lexicon/near_test.cpp covers them).
  const lexicon::Lexicon lex = plain_forms(lexicon::load_lexicon(DIPMINE_SOURCE_DIR "/lexicons"));
  const lexicon::Matcher m{lexicon::Lexicon(lex)};
  const Reference ref(lex);
  const std::vector<std::string> paras = seed_paragraphs();
  REQUIRE(paras.size() > 500);
  std::mt19937 rng(7);
  size_t hits = 0, texts = 0;
  const auto check = [&](const std::string& s) {
    const std::vector<Hit> want = ref.scan(s);
    hits += want.size();
    ++texts;
    if (show(m.scan(s), s) != show(want, s)) {
      CHECK(show(m.scan(s), s) == show(want, s));  // prints both
    }
  };
  for (const std::string& p : paras) {
    check(p);
    check(stretched(p, rng));
    // Cut anywhere (also inside a character) and glued to the next paragraph.
    const size_t cut = p.empty() ? 0 : rng() % p.size();
    check(p.substr(cut) + paras[rng() % paras.size()].substr(0, 300));
  }
  CHECK(hits > 1000);
  INFO(texts << " texts");
}

TEST_CASE("a regex match spread over a very long white-space run is still found",
          "[matcher][reference]") {
  // The window then exceeds what the NFA searches; RE2 takes it.
  // Near forms are not in the atom-filter matcher nor in the plain-RE2 reference
  // (they pair two matches; tests/unit/lexicon/near_test.cpp covers them).
  const lexicon::Lexicon lex = plain_forms(lexicon::load_lexicon(DIPMINE_SOURCE_DIR "/lexicons"));
  const lexicon::Matcher m{lexicon::Lexicon(lex)};
  const Reference ref(lex);
  for (const std::string& s : {"world" + std::string(10000, ' ') + "peace and more",
                               "صلح" + std::string(9000, '\n') + "پایدار"}) {
    const std::vector<Hit> want = ref.scan(s);
    CHECK(!want.empty());
    CHECK(show(m.scan(s), s) == show(want, s));
  }
}

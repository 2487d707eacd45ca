// The matcher's fast paths (atom pass, clauses, literal checks without RE2,
// RE2 in windows around atoms) against the plainest reading of the rules:
// every form's RE2 searched over the whole text, boundaries, then overlaps.
// Run on every seed paragraph with the shipped lexicon, and on the same text
// stretched (long white-space runs inside regex matches), cut at random
// places and glued together.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <tuple>

#include "lexicon/matcher.h"
#include "reference_matcher.h"
#include "text/lang.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/utf8.h"

using namespace dipmine;
using lexicon::Hit;

namespace {

using reference::Reference;
using reference::show;

std::vector<std::string> seed_paragraphs() {
  std::vector<std::string> out;
  for (const auto& [p, lang] : reference::paragraphs_of(DIPMINE_SOURCE_DIR "/corpus")) {
    out.push_back(text::normalizer_for(lang).fold_for_prefix(p).text);
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
  // Plain forms only here (random and stretched text); near forms against the
  // reference on real text: near_reference_test.cpp.
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
  // Plain forms only here (random and stretched text); near forms against the
  // reference on real text: near_reference_test.cpp.
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

// TEMPORARY: the Hyperscan matcher against the atom-filter matcher it
// replaces, hit for hit, on the seeds, every text file under tests/data and
// random text made of the lexicon's own words. Deleted with the old matcher;
// reference_test.cpp keeps checking the new one against plain RE2.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "lexicon/legacy_matcher.h"
#include "lexicon/matcher.h"
#include "text/lang.h"
#include "text/normalizer.h"

using namespace dipmine;

namespace {

std::vector<std::string> paragraphs_of(const std::string& raw) {
  std::vector<std::string> out;
  std::istringstream in(raw);
  std::string line, para;
  while (std::getline(in, line)) {
    if (line.empty() && !para.empty()) out.push_back(std::move(para)), para.clear();
    else para += line + "\n";
  }
  if (!para.empty()) out.push_back(para);
  return out;
}

std::vector<std::string> texts_under(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() == ".pdf") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    for (auto& p : paragraphs_of(ss.str())) out.push_back(std::move(p));
  }
  return out;
}

std::string show(const std::vector<lexicon::Mention>& ms) {
  std::string out;
  for (const auto& m : ms) {
    out += std::to_string(m.form) + "@" + std::to_string(m.start) + "-" + std::to_string(m.end) + "\n";
  }
  return out;
}

// Random text: words of the lexicon's forms (and of the seeds), glued by
// spaces, hyphens, ZWNJ, newlines, punctuation, digits and the odd stray byte.
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
[[maybe_unused]] lexicon::Lexicon plain_forms(lexicon::Lexicon lex) {
  std::erase_if(lex.forms, [](const lexicon::Form& f) { return f.near.has_value(); });
  return lex;
}

}  // namespace

TEST_CASE("the Hyperscan matcher finds what the atom-filter matcher found", "[matcher][equivalence]") {
  // Near forms are not in the atom-filter matcher nor in the plain-RE2 reference
  // (they pair two matches; tests/unit/lexicon/near_test.cpp covers them).
  const lexicon::Lexicon lex = plain_forms(lexicon::load_lexicon(DIPMINE_SOURCE_DIR "/lexicons"));
  const lexicon::Matcher now{lexicon::Lexicon(lex)};
  const lexicon::LegacyMatcher before{lexicon::Lexicon(lex)};
  std::vector<std::string> texts = texts_under(DIPMINE_SOURCE_DIR "/corpus");
  const size_t seeds = texts.size();
  for (auto& t : texts_under(DIPMINE_SOURCE_DIR "/tests/data")) texts.push_back(std::move(t));
  std::vector<std::string> words;
  for (const auto& f : lex.forms) {
    std::istringstream ss(f.form);
    std::string w;
    while (ss >> w) words.push_back(w);
  }
  for (size_t i = 0; i < seeds; i += 7) {
    std::istringstream ss(texts[i]);
    std::string w;
    while (ss >> w) words.push_back(w);
  }
  std::mt19937 rng(16);
  for (int i = 0; i < 3000; ++i) texts.push_back(random_text(words, rng));
  size_t mentions = 0;
  for (const std::string& t : texts) {
    for (const text::Lang lang : {text::detect_lang(t), text::Lang::fa, text::Lang::en, text::Lang::ja}) {
      const std::string want = show(before.find(t, lang));
      const std::string got = show(now.find(t, lang));
      mentions += static_cast<size_t>(std::count(want.begin(), want.end(), '\n'));
      if (got != want) {
        INFO(t);
        CHECK(got == want);
      }
    }
  }
  INFO(texts.size() << " texts, " << seeds << " seed paragraphs");
  CHECK(mentions > 5000);
}

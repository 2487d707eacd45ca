// words() and sentences() find boundaries without ICU for most English and
// Persian text (uax29.cpp); these tests hold them to ICU's BreakIterator, span
// for span.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "test_util.h"
#include "text/normalizer.h"
#include "text/segmenter.h"

using namespace dipmine::text;

namespace {

bool same_spans(const std::vector<Span>& a, const std::vector<Span>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end) return false;
  }
  return true;
}

// Checks one text; returns whether the path without ICU handled it.
bool check_same(const std::string& text) {
  const auto fast = words_without_icu(text);
  if (!fast) return false;
  INFO("text: " << text_test::visible(text));
  CHECK(same_spans(*fast, icu_words(text, Lang::en)));
  CHECK(same_spans(*fast, icu_words(text, Lang::fa)));
  return true;
}

bool check_same_sentences(const std::string& text) {
  const auto fast = sentences_without_icu(text);
  if (!fast) return false;
  INFO("text: " << text_test::visible(text));
  for (Lang lang : {Lang::en, Lang::fa, Lang::ja, Lang::none}) {
    CHECK(same_spans(*fast, icu_sentences(text, lang)));
    CHECK(same_spans(*fast, sentences(text, lang)));
  }
  return true;
}

// Checks `n` random concatenations of 1..max_pieces pieces; returns how many
// the path without ICU handled.
template <typename Check>
size_t check_random(const std::vector<std::string>& pieces, unsigned seed, size_t max_pieces,
                    size_t n, Check check) {
  size_t handled = 0;
  for (const std::string& s : text_test::random_texts(pieces, n, seed, 1, max_pieces)) {
    handled += check(s) ? 1 : 0;
  }
  return handled;
}

// Paragraphs of the seed corpus, original and folded by each normaliser.
std::vector<std::string> corpus_texts() {
  std::vector<std::string> out;
  for (const std::string& para : text_test::corpus_paragraphs({"000", "001", "002", "003", "004"})) {
    out.push_back(para);
    for (Lang lang : {Lang::fa, Lang::en}) out.push_back(normalizer_for(lang).fold(para).text);
  }
  return out;
}

}  // namespace

TEST_CASE("words without ICU equal ICU's on the seed corpus, original and folded", "[words]") {
  size_t handled = 0, total = 0;
  for (const std::string& text : corpus_texts()) {
    ++total;
    handled += check_same(text) ? 1 : 0;
  }
  // Most paragraphs (all but Japanese and a few with rare characters) took
  // the path without ICU, so the comparison above is not vacuous.
  CHECK(handled * 10 > total * 6);
}

TEST_CASE("sentences without ICU equal ICU's on the seed corpus, original and folded", "[sentences]") {
  size_t handled = 0, total = 0;
  for (const std::string& text : corpus_texts()) {
    ++total;
    handled += check_same_sentences(text) ? 1 : 0;
  }
  CHECK(handled * 10 > total * 6);
}

TEST_CASE("sentences without ICU equal ICU's on random text of sentence-break characters", "[sentences]") {
  const std::vector<std::string> pieces = {
      "a", "Z", "city", "Tehran", "0", "42", "ش", "هر", "۱", "\u064e", "\u200c", "\u0600",
      "\u00ad", ".", "!", "?", "\u061f", "\u06d4", "...", "\u2024", "\u203c", "\u2047", ",",
      ";", ":", "-", "\u060c", ")", "(", "]", "\"", "'", "\u2019", "\u201d", "\u201c", "\u00bb",
      "\u00ab", " ", "  ", "\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\u2029", "\u0085",
      "\u000b", "\u000c", "\u0301", "\u200d", "\u200b", "\u00e9", "\u00c9", "\u03b1", "\u0391",
      "U.S.", "e.g.", "3.5", "Mr. Smith", "etc.) and", "\u2060", "\u2026", "\u00b7", "\u05d0"};
  const size_t n = 20000;
  CHECK(check_random(pieces, 31, 14, n, check_same_sentences) > n / 2);
}

TEST_CASE("sentences without ICU follow the abbreviation and closing-punctuation rules", "[sentences]") {
  const std::string t = "He met Dr. Rahimi in the U.S. on 3.5. \"It works.\" (Yes!) Then e.g. lower. ok";
  const auto spans = sentences_without_icu(t);
  REQUIRE(spans.has_value());
  std::vector<std::string> got;
  for (const Span& s : *spans) got.push_back(t.substr(s.begin, s.end - s.begin));
  // As ICU (no abbreviation list): "Dr. Rahimi" breaks (SB11), "U.S. on" does
  // not (SB8: a lower-case word follows), closing quotes and brackets stay with
  // their sentence (SB9), "e.g. lower" does not break.
  CHECK(got == std::vector<std::string>{"He met Dr. ", "Rahimi in the U.S. on 3.5. ",
                                        "\"It works.\" ", "(Yes!) ", "Then e.g. lower. ok"});
  CHECK_FALSE(sentences_without_icu("東京。大阪").has_value());
}

TEST_CASE("words without ICU equal ICU's on random text of word-break characters", "[words]") {
  const std::vector<std::string> pieces = {
      "a", "Z", "city", "0", "7", "42", "ش", "هر", "ی", "۱", "٣", "\u064e", "\u200c", "\u0600",
      "\u00ad", ".", ",", ":", ";", "'", "\u2019", "_", "-", " ", "  ", "\n", "\r\n", "\t", "\"",
      "@", "#", "\u00b7", "\u066b", "\u066c", "\u060c", "\u061f", "\u00a0", "\u00e9", "\u00df",
      "\u03b1", "\u0301", "\u05d0", "\u00a9", "\u200d", "\u200e", "$", "%", "/", "e.g.", "U.S.",
      "3.5", "1,000", "can't", "x_y", "\u2018", "\u201c", "\u2014", "\u2024", "\u2027",
      "\u202f", "\u203f", "\u2028", "\u200b", "\u2060", "\u2026", "\u2044"};
  const size_t n = 20000;
  CHECK(check_random(pieces, 29, 12, n, check_same) > n / 2);
}

TEST_CASE("words without ICU leave kana, Hebrew and emoji to ICU", "[words]") {
  CHECK_FALSE(words_without_icu("東京 city").has_value());
  CHECK_FALSE(words_without_icu("\u05d0\u05d1").has_value());
  CHECK_FALSE(words_without_icu("a\u00a9b").has_value());
  REQUIRE(words_without_icu("City diplomacy, e.g. C40's 3.5%").has_value());
  const auto spans = *words_without_icu("City diplomacy, e.g. C40's 3.5%");
  std::vector<std::string> got;
  const std::string t = "City diplomacy, e.g. C40's 3.5%";
  for (const Span& s : spans) got.push_back(t.substr(s.begin, s.end - s.begin));
  // As ICU: an apostrophe joins letters only, so C40's is two words.
  CHECK(got == std::vector<std::string>{"City", "diplomacy", "e.g", "C40", "s", "3.5"});
}

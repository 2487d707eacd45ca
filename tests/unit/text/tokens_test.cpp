// Tokens with offsets into the input (normalize_text.h), Japanese segmentation
// and bigrams (segmenter.h), and the offset map through whole normalisers.
#include <catch2/catch.hpp>

#include "test_util.h"
#include "text/normalize_text.h"
#include "text/segmenter.h"
#include "text/lang.h"

#include <fmt/format.h>

#include <filesystem>

using namespace dipmine::text;

TEST_CASE("a folded hit maps back to the original bytes", "[offsets]") {
  const std::string original = "The ＣＩＴＩＥＳ network";
  const MappedText f = normalizer_for(Lang::en).fold(original);
  REQUIRE(f.text == "the citi network");
  const size_t at = f.text.find("citi");
  const auto [b, e] = f.original_span(at, at + 4);
  CHECK(original.substr(b, e - b) == "ＣＩＴＩＥＳ");
}

TEST_CASE("a Persian fold hit maps back across ZWNJ and tatweel", "[offsets]") {
  const std::string original = "این شــهرهای بزرگ";
  const MappedText f = normalizer_for(Lang::fa).fold(original);
  REQUIRE(f.text == "این شهرهای بزرگ");
  const size_t at = f.text.find("شهرهای");
  const auto [b, e] = f.original_span(at, at + std::string("شهرهای").size());
  CHECK(original.substr(b, e - b) == "شــهرهای");
}

TEST_CASE("a repaired word maps back to the garbled original", "[offsets]") {
  const std::string original = "نقش یشهر یپلماسید در";
  const MappedText c = normalizer_for(Lang::fa).clean(original);
  REQUIRE(c.text == "نقش دیپلماسی شهری در");
  const size_t at = c.text.find("دیپلماسی");
  const auto [b, e] = c.original_span(at, at + std::string("دیپلماسی").size());
  CHECK(original.substr(b, e - b) == "یپلماسید");
}

TEST_CASE("original_span of an empty range and past the end", "[offsets]") {
  const MappedText m = MappedText::identity("abc");
  CHECK(m.original_span(1, 1) == std::pair<uint32_t, uint32_t>{1, 1});
  CHECK(m.original_span(3, 3) == std::pair<uint32_t, uint32_t>{3, 3});
  CHECK(MappedText::identity("").original_span(0, 0) == std::pair<uint32_t, uint32_t>{0, 0});
}

TEST_CASE("Japanese words come from the dictionary, bigrams from kanji runs", "[tokens]") {
  const std::string s = "東京都に住む";
  std::vector<std::string> ws;
  for (const Span& w : words(s, Lang::ja)) ws.push_back(s.substr(w.begin, w.end - w.begin));
  CHECK(ws == std::vector<std::string>{"東京", "都", "に", "住む"});
  std::vector<std::string> grams;
  for (const Span& g : cjk_bigrams(s)) grams.push_back(s.substr(g.begin, g.end - g.begin));
  CHECK(grams == std::vector<std::string>{"東京", "京都", "住"});
}

TEST_CASE("text_tokens gives offsets into the input per paragraph", "[tokens]") {
  const std::string in = "Cities grow.\n\nＳＣＯ首脳会議\n\nشهرهاي بزرگ";
  const auto toks = text_tokens(in, std::nullopt, true);
  REQUIRE(toks.size() >= 6);
  CHECK(toks[0].text == "citi");
  CHECK(in.substr(toks[0].begin, toks[0].end - toks[0].begin) == "Cities");
  CHECK(toks[0].lang == Lang::en);
  bool sco = false, persian = false, bigram = false;
  for (const auto& t : toks) {
    if (t.text == "sco") sco = in.substr(t.begin, t.end - t.begin) == "ＳＣＯ" && t.lang == Lang::ja;
    if (t.text == "شهرهای") persian = in.substr(t.begin, t.end - t.begin) == "شهرهاي";
    bigram = bigram || (t.bigram && t.text == "首脳");
  }
  CHECK(sco);
  CHECK(persian);
  CHECK_FALSE(bigram);  // 首脳 is itself a word: no duplicate bigram
}

TEST_CASE("normalize_text keeps paragraph separators and decides language per paragraph",
          "[tokens]") {
  const std::string in = "line one\nline two\n\nشهري\n\nＳＣＯ";
  CHECK(normalize_text(in, std::nullopt, false).text == "line one line two\n\nشهری\n\nSCO");
  CHECK(normalize_text(in, Lang::fa, false).text == "line one\nline two\n\nشهری\n\nSCO");
  const MappedText m = normalize_text(in, std::nullopt, true);
  CHECK(text_test::map_valid(m, in.size()));
  CHECK(text_test::map_monotone(m));
}

TEST_CASE("a full stop that lost its space splits two words, not an abbreviation", "[tokens]") {
  auto tokens = [](const std::string& s, Lang lang) {
    std::vector<std::string> out;
    for (const Span& w : words(s, lang)) out.push_back(s.substr(w.begin, w.end - w.begin));
    return out;
  };
  // corpus/002: "... استفاده کنند.موضوعی که ..." (a sentence end without its space).
  CHECK(tokens("کنند.موضوعی که", Lang::fa) == std::vector<std::string>{"کنند", "موضوعی", "که"});
  CHECK(tokens("is.another city", Lang::en) == std::vector<std::string>{"is", "another", "city"});
  // Abbreviations, numbers and versions stay whole.
  CHECK(tokens("e.g. U.S. i.e. 3.5 v2.0", Lang::en) ==
        std::vector<std::string>{"e.g", "U.S", "i.e", "3.5", "v2.0"});
}

namespace {

// Paragraphs of real Japanese text: the seed, Japanese Wikipedia and
// ordinances of the real gold, an Aozora Bunko list, a news page.
std::vector<std::string> japanese_paragraphs() {
  std::vector<std::string> out = text_test::corpus_paragraphs({"004"});
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DIPMINE_TEST_DATA) + "/gold/real/ja")) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  files.push_back(std::string(DIPMINE_TEST_DATA) + "/ingest/aozora/chukiichiran_kinyurei.txt");
  for (const std::string& f : files) {
    const std::string text = text_test::read_file(f);
    for (size_t b = 0; b < text.size();) {
      size_t e = text.find("\n\n", b);
      if (e == std::string::npos) e = text.size();
      if (e > b) out.push_back(text.substr(b, e - b));
      b = e + 2;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("highlight terms are the document's at its positions, without ICU's dictionary", "[tokens]") {
  // FTS5 finds a snippet's words by their positions: highlight mode must give
  // the document mode's keys, offsets and positions (colocated alternatives
  // aside, which highlight() passes over) on real Japanese, mixed and
  // Persian text.
  std::vector<std::string> paragraphs = japanese_paragraphs();
  for (const std::string& p : text_test::corpus_paragraphs({"000", "003"})) paragraphs.push_back(p);
  REQUIRE(paragraphs.size() > 500);
  size_t compared = 0;
  for (const std::string& p : paragraphs) {
    const Lang lang = detect_lang(p);
    std::vector<std::string> doc, high;
    for (const Term& t : index_terms(p, lang, TermMode::document)) {
      if (!t.colocated) doc.push_back(fmt::format("{}@{}-{}", t.key, t.begin, t.end));
    }
    for (const Term& t : index_terms(p, lang, TermMode::highlight)) {
      CHECK_FALSE(t.colocated);
      high.push_back(fmt::format("{}@{}-{}", t.key, t.begin, t.end));
    }
    INFO(p.substr(0, 200));
    CHECK(high == doc);
    compared += doc.size();
  }
  CHECK(compared > 40000);
}

TEST_CASE("a Japanese query word is its own whole-word key, as ICU's dictionary gives it", "[tokens]") {
  for (const char* q : {"都市", "姉妹都市", "上海協力機構", "まちづくり"}) {
    INFO(q);
    const std::vector<Term> terms = index_terms(q, Lang::ja, TermMode::query);
    size_t whole = 0;
    for (const Term& t : terms) whole += t.colocated && t.key == whole_word_key(q) ? 1 : 0;
    CHECK(whole == 1);
  }
  // Keys of the query as the document's bigrams: 姉妹都市 is 姉妹 妹都 都市.
  std::vector<std::string> keys;
  for (const Term& t : index_terms("姉妹都市", Lang::ja, TermMode::query)) {
    if (!t.colocated) keys.push_back(t.key);
  }
  CHECK(keys == std::vector<std::string>{"姉妹", "妹都", "都市"});
  // Latin and kanji together: SCO is a word and the run its bigram.
  std::vector<std::string> mixed;
  for (const Term& t : index_terms("SCO都市", Lang::ja, TermMode::query)) {
    if (!t.colocated) mixed.push_back(t.key);
  }
  CHECK(mixed == std::vector<std::string>{"sco", "都市"});
}

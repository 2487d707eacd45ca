#include "ingest/aozora.h"

#include <catch2/catch.hpp>
#include <string>

#include "ingest/paragraphs.h"
#include "ingest/reader.h"

using namespace dipmine::ingest;

namespace {
std::string data(const std::string& name) { return std::string(DIPMINE_TEST_DATA) + "/ingest/" + name; }
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

// tests/data/ingest/aozora/chukiichiran_kinyurei.txt: the Aozora Bunko's own
// sample of its notation (Shift_JIS, CRLF), from aozorahack/aozora2html.
TEST_CASE("an Aozora Bunko file loses its readings, notes and symbol list") {
  const DecodedFile f = read_document_file(data("aozora/chukiichiran_kinyurei.txt"), {});
  REQUIRE(f.error.empty());
  CHECK(f.charset == "Shift_JIS");
  CHECK(has(f.text, "…頗る理論の品価を増たるもの多し。明治八年三月二十五日、福沢諭吉記。"));
  CHECK(has(f.text, "霧のロンドン警視庁"));
  CHECK(has(f.text, "　軽重、長短、善悪、是非等の字は、相対したる考えより生じたるものなり。"));
  CHECK(!has(f.text, "《"));
  CHECK(!has(f.text, "［＃"));
  CHECK(!has(f.text, "｜"));
  CHECK(!has(f.text, "テキスト中に現れる記号について"));
  CHECK(has(f.text, "呭"));  // ※［＃「口＋世」、U+546D、...］
  CHECK(has(f.text, "「注記一覧」記載例文"));  // the title stays
  // The charset guess is said (text_decode), then what the Aozora pass left out.
  REQUIRE(f.notes.size() == 2);
  CHECK(has(f.notes[0], "decoded as Shift_JIS"));
  CHECK(has(f.notes[1], "chukiichiran_kinyurei.txt: Aozora Bunko text: left out "));
  CHECK(has(f.notes[1], " readings (ruby), "));
  // The identity is the file as decoded, markup included.
  CHECK(f.sha256.size() == 64);
}

TEST_CASE("each line of an Aozora file is a paragraph: dialogue lines are not run together") {
  const AozoraText a = strip_aozora(
      "題\n\n"
      "「おい《おい》」\n"
      "「なんだ」\n"
      "　彼は相対《あいたい》した。\n"
      "［＃改ページ］\n");
  CHECK(a.readings == 2);
  CHECK(a.notes == 1);
  const auto p = split_paragraphs(a.text);
  REQUIRE(p.size() == 4);
  CHECK(p[1].text == "「おい」");
  CHECK(p[2].text == "「なんだ」");
  CHECK(p[3].text == "　彼は相対した。");
}

TEST_CASE("plain Japanese text is not taken for Aozora markup") {
  const DecodedFile f = read_document_file(data("ja_shiftjis.txt"), {});
  REQUIRE(f.error.empty());
  CHECK(!looks_like_aozora(f.text));
  for (const std::string& note : f.notes) CHECK(!has(note, "Aozora"));  // the charset guess only
  // Titles in 《》 (Chinese and some Japanese texts) are not readings.
  CHECK(!looks_like_aozora("《東京物語》と《晩春》と《麦秋》と《秋刀魚の味》と《浮草》を見た。［＃注］"));
  CHECK(looks_like_aozora("相対《あいたい》頗《すこぶ》増《まし》記《しるす》現像《げんぞう》｜並《ならび》"));
}

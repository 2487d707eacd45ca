#include "ingest/paragraphs.h"

#include <catch2/catch.hpp>

using dipmine::ingest::split_paragraphs;
using dipmine::text::Lang;

TEST_CASE("paragraphs end at blank lines and after sentence-final lines") {
  const auto p = split_paragraphs("First one.\nSecond one.\n\nThird\nstill third.\n");
  REQUIRE(p.size() == 3);
  CHECK(p[0].text == "First one.");
  CHECK(p[1].text == "Second one.");
  CHECK(p[2].text == "Third\nstill third.");
  CHECK(p[2].lang == Lang::en);
}

TEST_CASE("blocks cut mid-sentence by blank lines are joined") {
  const auto p = split_paragraphs("With the emergence of \n\ncontemporary globalization, the \n\n"
                                  "role of cities grew.\n\nA new paragraph.\n");
  REQUIRE(p.size() == 2);
  CHECK(p[0].text == "With the emergence of \n\ncontemporary globalization, the \n\nrole of cities grew.");
  CHECK(p[1].text == "A new paragraph.");
}

TEST_CASE("a heading followed by a capitalised block is not joined") {
  const auto p = split_paragraphs("Introduction\n\nCities are old.\n");
  REQUIRE(p.size() == 2);
  CHECK(p[0].text == "Introduction");
}

TEST_CASE("each paragraph gets its script's language, or the forced one") {
  const std::string text = "دیپلماسی شهری مهم است.\n\nCity diplomacy matters.\n\n都市外交は重要です。\n\n2020\n";
  auto p = split_paragraphs(text);
  REQUIRE(p.size() == 4);
  CHECK(p[0].lang == Lang::fa);
  CHECK(p[1].lang == Lang::en);
  CHECK(p[2].lang == Lang::ja);
  CHECK(p[3].lang == Lang::none);
  p = split_paragraphs(text, Lang::en);
  for (const auto& para : p) CHECK(para.lang == Lang::en);
}

TEST_CASE("Persian question mark and CRLF line ends") {
  const auto p = split_paragraphs("آیا شهرها دیپلمات هستند؟\r\nبله.\r\n");
  REQUIRE(p.size() == 2);
  CHECK(p[0].text == "آیا شهرها دیپلمات هستند؟");
}

TEST_CASE("empty and whitespace-only text has no paragraphs") {
  CHECK(split_paragraphs("").empty());
  CHECK(split_paragraphs(" \n\n\t\n").empty());
}

TEST_CASE("a line indented with a full-width space starts a Japanese paragraph") {
  // Wrapped lines of one paragraph are joined without a space; the indent
  // (U+3000) starts the next paragraph although 」 ends no sentence.
  const auto p = split_paragraphs("　東京都は姉妹都\n市と交流した」\n　次の段落。\n");
  REQUIRE(p.size() == 2);
  CHECK(p[0].text == "　東京都は姉妹都市と交流した」");
  CHECK(p[1].text == "　次の段落。");
}

TEST_CASE("a format that marks its paragraphs is never joined back across a blank line") {
  // From readability's ars-1 page: a byline's name, then a block that starts lower-case.
  const std::string text = "Kevin\n\nreader comments";
  CHECK(split_paragraphs(text).size() == 1);  // PDF extraction's cut sentence, joined back
  const auto marked = split_paragraphs(text, std::nullopt, true);
  REQUIRE(marked.size() == 2);
  CHECK(marked[1].text == "reader comments");
}

TEST_CASE("a line break between Japanese phrases is kept in a marked format, joined in plain text") {
  // A second trial's Japanese news page: <figcaption>記念品の贈呈<br>豊田彫刻工房様より
  // ...: the <br> is the writer's line break, not a wrap inside a word.
  const std::string text = "記念品の贈呈\n豊田彫刻工房様より\n";
  auto p = split_paragraphs(text, std::nullopt, true);
  REQUIRE(p.size() == 1);
  CHECK(p[0].text == "記念品の贈呈\n豊田彫刻工房様より");
  // Plain text wraps Japanese anywhere, even inside a word: joined.
  p = split_paragraphs("マ\nクロ経済\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0].text == "マクロ経済");
}

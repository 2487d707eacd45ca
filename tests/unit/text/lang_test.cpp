// Paragraph language by script (text/lang.h).
#include "text/lang.h"

#include <catch2/catch.hpp>
#include <string>

using dipmine::text::detect_lang;
using dipmine::text::Lang;

TEST_CASE("Persian with Latin names is fa: Arabic script and Latin compared by words", "[lang]") {
  // tests/data/gold/real/fa/mgwiki_sister_city_machine_translated.txt, line 7
  // (SOURCES-fa.md): 11 Persian words, 4 Latin ones, but more Latin letters.
  CHECK(detect_lang("نمونه ای از توافق نامه دوقلو سازی بین Castellabate ، ایتالیا ('gemellaggio') و "
                    "Blieskastel ، آلمان ('Partnerschaft').") == Lang::fa);
  // Its line 1: two words each, a tie goes to the Arabic script.
  CHECK(detect_lang("خواهر شهر - Sister city") == Lang::fa);
  // Arabic (fa is the Arabic-script language of the store; lang.h).
  CHECK(detect_lang("تهدف هذه الدراسة إلى تحليل دور المدن في العلاقات الدولية") == Lang::fa);
  // English with a Persian term stays en; harakat and ZWNJ stay inside words.
  CHECK(detect_lang("City diplomacy (دیپلماسی شهری) links mayors across borders") == Lang::en);
  CHECK(detect_lang("مُدُن می\u200cشود city") == Lang::fa);
}

TEST_CASE("Japanese against Latin is still by letters", "[lang]") {
  CHECK(detect_lang("上海協力機構（SCO）の会議") == Lang::ja);
  CHECK(detect_lang("The Shanghai Cooperation Organisation 上海") == Lang::en);
  CHECK(detect_lang("2025") == Lang::none);
}

TEST_CASE("Japanese against Latin is by words: two kana or kanji make a word", "[lang]") {
  // aozorahack/aozora2html's sample/chukiichiran_kinyurei.txt and .html
  // (paragraphs 177 and 178): one French word in a Japanese sentence.
  CHECK(detect_lang("繁雑な日本の 〔e'tiquette〕 も、") == Lang::ja);
  CHECK(detect_lang("繁雑な日本の tiquette も、") == Lang::ja);
  CHECK(detect_lang("アケビ（Akebia quinata Decne.）の果実") == Lang::ja);
  // English with a Japanese term or title stays en.
  CHECK(detect_lang("In Japanese, city diplomacy is called 都市外交 and sister cities are 姉妹都市.") ==
        Lang::en);
  // Single Latin letters count as the words they are.
  CHECK(detect_lang("A、B、Cの3つ") == Lang::en);
}

TEST_CASE("reads_as_chinese: Han without kana over a whole text", "[lang]") {
  using dipmine::text::reads_as_chinese;
  // jsvine/pdfplumber's tests/pdfs/issue-71-duplicate-chars.pdf (a Chinese
  // résumé), its first lines as pdftotext reads them: no kana at all.
  const std::string zh =
      "项目描述：负责四川省甘孜州丹巴磨子电站引水隧洞爆破方案优化设计及爆破震动监测工"
      "作。（1）沟通协调业主、监理和施工三方人员，开展现场爆破试验7场次，提出一种适用于";
  size_t han = 0, kana = 0;
  CHECK(reads_as_chinese(zh, &han, &kana));
  CHECK(han >= 50);
  CHECK(kana == 0);
  CHECK(detect_lang(zh) == Lang::ja);  // still stored as ja: the ingest says so
  // Japanese prose: particles in kana (tests/data/gold/real/ja/
  // decl_fujinomiya_sekai_renpo_heiwa_toshi_sengen.txt, line 3).
  const std::string ja =
      "日本の象徴である富士山を擁するわが富士宮市は、平和を愛し、かつ人類永遠の福祉と繁栄を希求して"
      "やまない。全世界の人々と相携えて、世界恒久平和を確立せんとする世界連邦建設の趣旨に賛同して、";
  CHECK_FALSE(reads_as_chinese(ja, &han, &kana));
  CHECK(kana > 10);
  // A short run of kanji (a heading, a list of names) is not enough to say.
  CHECK_FALSE(reads_as_chinese("東京都千代田区霞が関"));
  // Invalid UTF-8 is skipped, never an error.
  CHECK_FALSE(reads_as_chinese(std::string("\xE3\x81", 2) + "\xFF"));
}

// Paragraph language by script (text/lang.h).
#include "text/lang.h"

#include <catch2/catch.hpp>

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

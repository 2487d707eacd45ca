// The Matcher's word-boundary rule on folded text: Unicode letters, marks and
// digits on either side reject a match in fa/en; in ja only a Latin word
// continued on either side does.
#include <catch2/catch.hpp>

#include <string>

#include "lexicon/word_boundaries.h"

using dipmine::lexicon::at_word_boundaries;
using dipmine::text::Lang;

TEST_CASE("word boundaries: fa and en reject letters, digits and marks on either side",
          "[word_boundaries]") {
  const std::string fa = "صلح پایدار";  // "صلح" is bytes [0, 6)
  CHECK(at_word_boundaries(fa, 0, 6, Lang::fa));
  CHECK(at_word_boundaries(fa, 7, fa.size(), Lang::fa));
  CHECK_FALSE(at_word_boundaries(fa, 0, 4, Lang::fa));  // "صل" of "صلح"
  const std::string joined = "صلحجو";
  CHECK_FALSE(at_word_boundaries(joined, 0, 6, Lang::fa));
  const std::string zwnj = "صلح\u200cجو";  // a zero-width non-joiner is no letter
  CHECK(at_word_boundaries(zwnj, 0, 6, Lang::fa));
  const std::string mark = "صلح\u064e";  // a combining mark continues the word
  CHECK_FALSE(at_word_boundaries(mark, 0, 6, Lang::fa));

  const std::string en = "world peace, peaceful 2peace";
  CHECK(at_word_boundaries(en, 6, 11, Lang::en));     // "peace,"
  CHECK_FALSE(at_word_boundaries(en, 13, 18, Lang::en));  // "peace" of "peaceful"
  CHECK_FALSE(at_word_boundaries(en, 23, 28, Lang::en));  // after a digit
  CHECK(at_word_boundaries(en, 0, en.size(), Lang::en));
}

TEST_CASE("word boundaries: ja rejects only a Latin word continued", "[word_boundaries]") {
  const std::string ja = "上海協力機構SCOとDISCO";
  const size_t sco = ja.find("SCO"), disco = ja.find("DISCO");
  CHECK(at_word_boundaries(ja, 0, 6, Lang::ja));          // "上海" inside Japanese text
  CHECK(at_word_boundaries(ja, sco, sco + 3, Lang::ja));  // between kanji and kana
  CHECK_FALSE(at_word_boundaries(ja, disco + 2, disco + 5, Lang::ja));  // "SCO" in "DISCO"
  CHECK_FALSE(at_word_boundaries(ja, disco, disco + 4, Lang::ja));      // "DISC" of "DISCO"
  // The same "SCO" in fa/en text is rejected by the letters around it.
  CHECK_FALSE(at_word_boundaries(ja, sco, sco + 3, Lang::en));
}

TEST_CASE("word boundaries: a change of script is one (PDF text glues UCLGشهر, C40در)",
          "[word_boundaries]") {
  const std::string glued = "uclgشهر c40در";  // folded; "uclg" [0, 4), "شهر" [4, 10)
  CHECK(at_word_boundaries(glued, 0, 4, Lang::fa));
  CHECK(at_word_boundaries(glued, 4, 10, Lang::fa));
  CHECK(at_word_boundaries(glued, 0, 4, Lang::en));
  CHECK(at_word_boundaries(glued, 11, 14, Lang::fa));  // "c40" before "در"
  CHECK(at_word_boundaries(glued, 14, glued.size(), Lang::fa));
  CHECK_FALSE(at_word_boundaries(glued, 0, 3, Lang::fa));   // "ucl" of "uclg"
  CHECK_FALSE(at_word_boundaries(glued, 4, 8, Lang::fa));   // "شه" of "شهر"
  CHECK_FALSE(at_word_boundaries(glued, 11, 13, Lang::fa));  // "c4" of "c40"
}

TEST_CASE("word boundaries: opens_word is the left half of the rule", "[word_boundaries]") {
  using dipmine::lexicon::opens_word;
  const std::string en = "world peace, peaceful 2peace";
  CHECK(opens_word(en, 0, Lang::en));
  CHECK(opens_word(en, 6, Lang::en));        // after a space
  CHECK_FALSE(opens_word(en, 7, Lang::en));  // inside "peace"
  CHECK_FALSE(opens_word(en, 23, Lang::en)); // after a digit
  const std::string glued = "uclgشهر";
  CHECK(opens_word(glued, 4, Lang::fa));     // the script changes
  const std::string ja = "協力機構SCOとDISCO";
  CHECK(opens_word(ja, ja.find("SCO"), Lang::ja));
  CHECK_FALSE(opens_word(ja, ja.find("DISCO") + 2, Lang::ja));
  // Wherever it is false, no match starting there passes the whole rule, in
  // every language, and wherever the whole rule passes it is true.
  for (const std::string& s : {en, glued, ja, std::string("صلح\u064eجو پایدار، ۲۰صلح")}) {
    for (const Lang lang : {Lang::fa, Lang::en, Lang::ja}) {
      for (size_t b = 0; b < s.size(); ++b) {
        if ((static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;
        for (size_t e = b + 1; e <= s.size(); ++e) {
          if (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) continue;
          if (at_word_boundaries(s, b, e, lang)) CHECK(opens_word(s, b, lang));
        }
      }
    }
  }
}

// Whether a PDF page's text decodes to letters (pdf_plausible.h): the text
// of fonts without a usable Unicode map is told from real text in English,
// Persian, Japanese, Czech and code.
#include "ingest/pdf_plausible.h"

#include <catch2/catch.hpp>

using dipmine::ingest::judge_text;

TEST_CASE("text a font without a Unicode map gives does not decode to letters", "[pdf]") {
  // pdfminer.six samples/contrib/issue-791-non-unicode-cmap.pdf: "Peněžní
  // prostředky na účtech", glyph codes read 29 places off (spaces as U+0003).
  CHECK_FALSE(judge_text("3HQČåQt\x03SURVWĜHGN\\\x03QD\x03~þWHFK").decodes_to_letters());
  // pdf.js test/pdfs/ThuluthFeatures.pdf: Arabic glyphs read as a mix of
  // scripts no language writes in one word.
  CHECK_FALSE(judge_text("ԔΰķϸЇ́ΨߙϙÎgϣķϙʆϢiʆͳ೅ဍഀඥ੒Ǌ¢һӍΉʽী¢Ϣ ¢һӍΉʽী¢ರ͟ȥ ܅ Ȑæǧȥ౾̼ϥ˖ำ͟¢ک¢ϕ೼ʷࣦਯƘ࣎ȥǂ")
                  .decodes_to_letters());
  // Control characters (pdf.js's TAMReview.pdf after page 1) and
  // private-use code points.
  CHECK_FALSE(judge_text("\x12\u0098\u0087\u0094\u0098\u008B\u0087\u0099\x03\u0091\u0088\x03\u0096\u008A\u0087"
                         "\x03\x17\u0087\u008A\u0090\u0091\u008E\u0091\u0089\u009B")
                  .decodes_to_letters());
  CHECK_FALSE(judge_text("\uE001\uE002\uE003 \uE004\uE005\uE006 \uE007\uE008\uE009 \uE00A\uE00B\uE00C\uE00D\uE00E\uE00F\uE010")
                  .decodes_to_letters());
}

TEST_CASE("real text decodes to letters, code and acronyms included", "[pdf]") {
  CHECK(judge_text("Peněžní prostředky na účtech").decodes_to_letters());
  CHECK(judge_text("User acceptance of technology has been an important field of study for over two decades.")
            .decodes_to_letters());
  CHECK(judge_text("JavaScript, McDonald and the W3C met in Paris (C40, UCLG) in 2019.").decodes_to_letters());
  CHECK(judge_text("\\usepackage{pxrubrica} \\ruby[g]{漢字}{かん|じ} \\rubysetup{hmf} http://www.w3.org/TR/jlreq/")
            .decodes_to_letters());
  CHECK(judge_text("این زمینه نشان می‌دهد که دیپلماسی شهری در UCLGشهر و C40 فعال است").decodes_to_letters());
  CHECK(judge_text("pxrubricaパッケージは日本語組版処理の要件に従うルビを組む").decodes_to_letters());
  CHECK(judge_text("حَبيبي habibi").decodes_to_letters());
  // Too little text to judge.
  CHECK(judge_text("3HQČåQt").decodes_to_letters());
}

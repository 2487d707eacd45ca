// The PDF page layout: right-to-left lines in logical order, embedded Latin
// runs, vertical columns, ruby, running headers and footers, copyable text.
#include "ingest/pdf_layout.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "ingest/paragraphs.h"

using namespace dipmine::ingest;

namespace {

std::u32string u32(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += c;
    i += static_cast<size_t>(n);
  }
  return out;
}

// How poppler hands over a right-to-left word: its letters in visual order.
std::u32string visual(const std::string& logical_rtl_word) {
  std::u32string w = u32(logical_rtl_word);
  std::reverse(w.begin(), w.end());
  return w;
}

// A line of a Persian page, spaces between all its words.
std::string line(const std::vector<std::u32string>& words) {
  return logical_line(words, std::vector<bool>(words.size(), true), true);
}

PdfWord word(const std::string& text, double x0, double y0, double x1, double y1, int rotation = 0) {
  PdfWord w;
  w.chars = u32(text);
  w.x0 = x0, w.y0 = y0, w.x1 = x1, w.y1 = y1, w.rotation = rotation;
  return w;
}

std::string page_text(const PdfPage& p) { return join_pages({p}); }

}  // namespace

TEST_CASE("a justified right-to-left line comes out in logical word order", "[pdf]") {
  // Seen in the page: این زمینه نشان می‌دهد, given left to right.
  CHECK(line({visual("می‌دهد"), visual("نشان"), visual("زمینه"), visual("این")}) ==
        "این زمینه نشان می‌دهد");
  // Digits keep their order; each number is its own run.
  CHECK(line({u32("۱۳۹۶"), visual("آبان"), u32("۲۴")}) == "۲۴ آبان ۱۳۹۶");
  // Brackets drawn in a right-to-left run are mirrored glyphs.
  // Brackets: the glyph at the right is ")" as drawn, "(" as read.
  CHECK(line({u32("("), visual("فرمول"), u32(")")}) == "( فرمول )");
}

TEST_CASE("Latin words and digits inside a Persian line stay apart and in order", "[pdf]") {
  CHECK(line({visual("است"), u32("graph"), u32("search"), visual("روش")}) == "روش graph search است");
  // C40 and UCLG are runs of their own between Persian words.
  CHECK(line({u32("UCLG"), visual("و"), u32("C40"), visual("شبکه")}) == "شبکه C40 و UCLG");
  // poppler glued the Latin word to the next Persian word (no gap in the box):
  // the script change becomes a space, outside the Latin run.
  CHECK(line({visual("چیست") + u32("normalization"), visual("روش")}) == "روش normalization چیست");
}

TEST_CASE("on a left-to-right page a line opening with a Latin label is read from the label", "[pdf]") {
  auto ltr_page_line = [](const std::vector<std::u32string>& words) {
    return logical_line(words, std::vector<bool>(words.size(), true), false);
  };
  // hypernetix/hyperspot's international test PDF: `Arabic: مرحبا بالعالم`
  // came out as `مرحبا بالعالم Arabic:`.
  CHECK(ltr_page_line({u32("Arabic:"), visual("بالعالم"), visual("مرحبا")}) == "Arabic: مرحبا بالعالم");
  CHECK(ltr_page_line({u32("Table"), u32("1:"), visual("شهری"), visual("دیپلماسی")}) ==
        "Table 1: دیپلماسی شهری");
  // A Persian line with Latin inside (not at its left) stays right to left.
  CHECK(ltr_page_line({visual("است"), u32("UCLG"), visual("عضو"), visual("تهران")}) == "تهران عضو UCLG است");
  // On a Persian page the line is right to left whatever opens it.
  CHECK(line({u32("UCLG"), visual("عضو"), visual("تهران")}) == "تهران عضو UCLG");
}

TEST_CASE("pieces drawn apart inside a word are joined with a ZWNJ where they would join", "[pdf]") {
  // خیلی‌ها: the two boxes touch (no space); ی would join the ه.
  CHECK(logical_line({visual("ها"), visual("خیلی")}, {false, false}) == "خیلی\u200Cها");
  CHECK(logical_line({visual("ها"), visual("پروژه")}, {false, false}) == "پروژه\u200Cها");
  // after a right-joining letter (و) nothing is needed
  CHECK(logical_line({visual("ها"), visual("کتابو")}, {false, false}) == "کتابوها");
}

TEST_CASE("lines of a tilted text layer are read one after another", "[pdf]") {
  // pdf.js's issue5747.pdf: each line slopes down by half a line, so the
  // next line's first word overlaps the line across and was read into it
  // (words interleaved and glued).
  const PdfPage p = lay_out_page({word("Lorem", 35, 83, 87, 108), word("ipsum", 95, 86, 145, 111),
                                  word("dolor", 152, 88, 197, 113), word("sit", 202, 90, 222, 115),
                                  word("amet,", 227, 91, 273, 117), word("elitr,", 34, 108, 66, 133),
                                  word("sed", 73, 110, 103, 135), word("diam", 110, 112, 151, 137)},
                                 800);
  CHECK(page_text(p) == "Lorem ipsum dolor sit amet,\nelitr, sed diam\n");
  // A superscript over the first word stays on its line.
  const PdfPage q = lay_out_page({word("Smith", 35, 100, 80, 112), word("and", 85, 100, 110, 112),
                                  word("Jones", 115, 100, 160, 112), word("12", 40, 98, 50, 106)},
                                 800);
  INFO(page_text(q));
  CHECK(page_text(q).find("Smith") < page_text(q).find("Jones"));
  CHECK(page_text(q).find('\n') == page_text(q).size() - 1);
}

TEST_CASE("a one-letter piece of a Word-made word joins without a ZWNJ", "[pdf]") {
  // Word draws the ی of کلیک, ملی, پیشنهاده as a piece of its own, touching
  // its neighbours (yazd_Irandoc.pdf, tests/data/pdf/fetch.tsv): کل‌ی‌ک before.
  CHECK(logical_line({visual("ک"), visual("ی"), visual("کل")}, {false, false, false}) == "کلیک");
  CHECK(logical_line({visual("ی"), visual("مل")}, {false, false}) == "ملی");
  CHECK(logical_line({visual("شنهاده"), visual("ی"), visual("پ")}, {false, false, false}) == "پیشنهاده");
  // A writer's ZWNJ between words and before the ی after ه stays.
  CHECK(logical_line({visual("ی"), visual("خانه")}, {false, false}) == "خانه\u200Cی");
  CHECK(logical_line({visual("ها"), visual("خیلی")}, {false, false}) == "خیلی\u200Cها");
}

TEST_CASE("a number drawn in pieces on a right-to-left line keeps its order", "[pdf]") {
  // Yazd University's Sooratjalasa-msc.pdf (Word): «نمره ۱۸ تا ۱۸/۹۹» drawn as
  // `18` `/` `99`, stored as 99/18 before.
  CHECK(logical_line({u32("18"), u32("/"), u32("99"), visual("تا"), u32("18"), visual("نمره")},
                     {false, false, false, true, true, true}, true) == "نمره 18 تا 18/99");
  // Numbers apart by a space stay two runs, in the line's order.
  CHECK(line({u32("۱۳۹۶"), visual("آبان"), u32("۲۴")}) == "۲۴ آبان ۱۳۹۶");
  CHECK(logical_line({u32("1396"), u32("/"), u32("08"), u32("/"), u32("24"), visual("تاریخ")},
                     {false, false, false, false, false, true}, true) == "تاریخ 1396/08/24");
}

TEST_CASE("a symbol font's glyph is no letter: a check box does not turn a Persian line's number around", "[pdf]") {
  // Yazd University's Sooratjalasa-msc.pdf (Word): «ب) ☐ مردود (نمره كمتر از 14)»,
  // the check box drawn from Wingdings as U+F035 at the line's left end. Its
  // bidi class (L) made `☐ ( 14` a left-to-right run: `كمتر از (14` before.
  const std::vector<std::u32string> words = {U"\uF035", u32("("),      u32("14"),      visual("از"),
                                             visual("كمتر"), visual("نمره"), u32(")"), visual("مردود"),
                                             U"\uF035", U"(" + visual("ب")};
  const std::vector<bool> spaces = {false, true, false, true, true, true, true, true, false, true};
  const std::string got = logical_line(words, spaces, true);
  INFO(got);
  CHECK(got.find("كمتر از 14)") != std::string::npos);
  CHECK(got.rfind("ب)", 0) == 0);
}

TEST_CASE("brackets of a right-to-left line pair up, whichever code the producer gave the glyph", "[pdf]") {
  // XeTeX names the glyph drawn (the right one is `)`), Word the letter
  // (`(`): both read `(دانشجو)`. Word's came out `)دانشجو(`.
  CHECK(line({u32("("), visual("دانشجو"), u32(")")}) == "( دانشجو )");
  CHECK(line({u32(")"), visual("دانشجو"), u32("(")}) == "( دانشجو )");
  CHECK(logical_line({u32(")"), visual("دانشجو"), u32("(")}, {false, false, false}, true) == "(دانشجو)");
  CHECK(logical_line({u32("("), visual("دانشجو"), u32(")")}, {false, false, false}, true) == "(دانشجو)");
  // A bracket whose pair is on another line is left as the glyph reads.
  CHECK(logical_line({visual("اول"), u32("(")}, {false, false}, true) == ")اول");
  CHECK(logical_line({visual("اول"), u32(")")}, {false, false}, true) == "(اول");
}

TEST_CASE("a narrow gap is a space when poppler saw one, touching pieces are one word", "[pdf]") {
  // A justified table's space is a twentieth of the line height here.
  PdfWord left = word("", 405, 520, 426.2, 530), right = word("", 426.7, 520, 458, 530);
  left.chars = visual("گروه");
  right.chars = visual("شروع");
  left.space_after = true;
  CHECK(page_text(lay_out_page({left, right}, 800)) == "شروع گروه\n");
  left.space_after = false;
  CHECK(page_text(lay_out_page({left, right}, 800)) == "شروع\u200Cگروه\n");
}

TEST_CASE("a space glyph between two words is a gap however narrow", "[pdf]") {
  // Measured on a Word-made Persian charter in IranNastaliq (mir-am's
  // Mir-MSc-Thesis, src/Manshor.pdf, not stored: no licence): "... است و ه..."
  // drawn left to right as ت, space, و, space, ھ. The font's space glyph is
  // 0.68 pt wide at 17 pt (0.04 em) and the line box 36 pt thick, so the
  // gaps are below a tenth, even below 3%, of the line: the words ran together.
  PdfWord h = word("ھ", 324.22, 306.06, 326.31, 335.90), waw = word("و", 327.02, 312.24, 330.27, 342.08),
          te = word("\uFE96", 330.99, 312.24, 341.58, 342.08);
  for (PdfWord* w : {&h, &waw, &te}) w->space_after = true;
  const std::vector<PdfSpaceGlyph> spaces = {{326.34, 330.48, 327.02, 330.48}, {330.30, 330.48, 330.98, 330.48}};
  CHECK(page_text(lay_out_page({h, waw, te}, 800, spaces)) == "ت و ھ\n");
  // Without the space glyphs the same boxes read as one word.
  CHECK(page_text(lay_out_page({h, waw, te}, 800)).find("ت و") == std::string::npos);
  // A space glyph on another line, or inside a word's box, is no gap here.
  const std::vector<PdfSpaceGlyph> elsewhere = {{326.34, 400, 327.02, 400}, {322.0, 330.48, 322.6, 330.48}};
  CHECK(page_text(lay_out_page({h, waw, te}, 800, elsewhere)).find("ت و") == std::string::npos);
}

TEST_CASE("copyable text: presentation forms become letters, direction controls go", "[pdf]") {
  CHECK(copyable_text(U"\u202B\uFEEB\uFEEE\uFEB5\u202C") == "هوش");
  CHECK(copyable_text(U"\uFEFB") == "لا");                 // lam-alef ligature
  CHECK(copyable_text(U"\u200Fabc\u200E") == "abc");
  CHECK(copyable_text(U"同ぜず\uFE12") == "同ぜず。");     // vertical full stop
  // a Persian line in presentation forms as poppler gives it, visual order
  CHECK(line({visual("\uFE8E\uFEE4\uFBFF\uFEAE\uFB8F\uFE92\uFBFF\uFEAE"), visual("\uFEA9\uFE8D\uFEE7\uFEB8\uFB95\uFE8E\uFEE9")}) ==
        "دانشگاه امیرکبیر");
}

TEST_CASE("two columns: each column's lines stay together, the next column is a new block", "[pdf]") {
  // poppler's reading order: the left column, then the right one, whose
  // lines are at the same heights as the left one's.
  const PdfPage p = lay_out_page({word("more", 50, 100, 80, 110), word("difficult", 84, 100, 130, 110),
                                  word("to", 134, 100, 144, 110), word("com-", 148, 100, 170, 110),
                                  word("pile", 50, 112, 70, 122), word("than", 74, 112, 96, 122),
                                  word("Right", 300, 100, 330, 110), word("column.", 334, 100, 370, 110),
                                  word("Second", 300, 112, 340, 122), word("line.", 344, 112, 370, 122)},
                                 800);
  CHECK(page_text(p) == "more difficult to com-\npile than\n\nRight column.\nSecond line.\n");
}

TEST_CASE("vertical Japanese is read column by column, right to left, top tier first", "[pdf]") {
  // Columns 10 wide going down; poppler gave them out of order. A thin kana
  // box beside the first column is ruby.
  const PdfPage p = lay_out_page(
      {word("ひとつの青い照明です", 280, 50, 290, 150, 1), word("わたくしといふ現象は", 300, 50, 310, 150, 1),
       word("げんしよう", 311, 100, 315, 125, 1), word("假定された有機交流電燈の", 290, 50, 300, 170, 1),
       word("これらは二十二箇月の", 300, 300, 310, 400, 1), word("過去とかんずる方角から", 290, 300, 300, 410, 1)},
      800);
  CHECK(page_text(p) ==
        "わたくしといふ現象は\n假定された有機交流電燈の\nひとつの青い照明です\n\n"
        "これらは二十二箇月の\n過去とかんずる方角から\n");
  CHECK(p.ruby == 1);
}

TEST_CASE("pieces of presentation forms drawn joined get no ZWNJ, an unjoined one does", "[pdf]") {
  // A Kurdish book (language-ml/course-nlp-ir-1-text-exploring, khayaam.pdf)
  // draws ﺗﲑﺛﮋ as three pieces: ﺗ | ﲑﺛ | ﮋ. An initial form joins what
  // follows: no ZWNJ (it read ت‌يرث‌ژ).
  CHECK(logical_line({U"\uFB8B", visual("\uFC91\uFE9B"), U"\uFE97"}, {false, false, false}) == "تيرثژ");
  CHECK(logical_line({U"\uFE94", U"\uFE91"}, {false, false}) == "بة");
  // A final form (ی of می) before a letter that would join: the ZWNJ keeps the look.
  CHECK(logical_line({visual("\uFEAD\uFEEE\uFEE1"), visual("\uFEE3\uFBFD")}, {false, false}) == "می\u200Cروم");
  // Nothing before punctuation, which joins nothing.
  CHECK(logical_line({U"؟", visual("چی")}, {false, false}) == "چی؟");
}

TEST_CASE("vertical Japanese set one horizontal glyph per line is read column by column", "[pdf]") {
  // A gazette (pdfminer.six samples/nonfree/kampo.pdf) draws each character
  // as a horizontal glyph under the one before; poppler gives one-character
  // words of rotation 0, row by row across the columns. Columns 8 wide, 2
  // apart, right to left; a horizontal header with single-character words.
  const std::u32string right = U"道路交通法施行令", left = U"横断歩道を進行";
  std::vector<PdfWord> words = {word("平成", 60, 40, 76, 48), word("年", 80, 40, 88, 48), word("月", 92, 40, 100, 48)};
  int pos = 0;
  for (auto& w : words) w.content_pos = pos++;
  for (size_t row = 0; row < right.size(); ++row) {  // poppler's order: rows
    for (int col = 0; col < 2; ++col) {
      const std::u32string& chars = col == 0 ? right : left;
      if (row >= chars.size()) continue;
      PdfWord w;
      w.chars = chars.substr(row, 1);
      w.x0 = col == 0 ? 300 : 290, w.x1 = w.x0 + 8, w.y0 = 100 + 8.0 * static_cast<double>(row), w.y1 = w.y0 + 7.7;
      w.content_pos = 10 + 2 * static_cast<int>(row) + (col == 0 ? 0 : 100);  // drawn column by column
      words.push_back(w);
    }
  }
  const PdfPage p = lay_out_page(words, 800);
  CHECK(page_text(p).find("道路交通法施行令\n横断歩道を進行") != std::string::npos);
  CHECK(page_text(p).rfind("平成年月", 0) == 0);  // the header stays horizontal
  CHECK(p.restacked == 15);
  CHECK_FALSE(p.order_undecided);
  // Without the content order nothing is restacked, and the one-character
  // lines say the order was not found.
  for (auto& w : words) w.content_pos = -1;
  const PdfPage q = lay_out_page(words, 800);
  CHECK(q.restacked == 0);
  // A column of 24 glyphs without their content order: 24 lines of one
  // character, a page whose order was not found.
  std::vector<PdfWord> column;
  for (int k = 0; k < 24; ++k) column.push_back(word(k % 2 ? "道" : "路", 300, 100 + 8.0 * k, 308, 107.7 + 8.0 * k));
  CHECK(lay_out_page(column, 800).order_undecided);
  for (int k = 0; k < 24; ++k) column[static_cast<size_t>(k)].content_pos = k;
  CHECK_FALSE(lay_out_page(column, 800).order_undecided);
}

TEST_CASE("vertical tiers one line apart are read tier by tier", "[pdf]") {
  // Upper and lower halves of a gazette page: the upper columns end at 140,
  // the lower ones start at 148, one character lower, as a blank in a column.
  std::vector<PdfWord> words;
  const char* upper[] = {"一二三四五", "六七八九十", "甲乙丙丁戊", "子丑寅卯辰", "松竹梅桜菊"};
  const char* lower[] = {"春夏秋冬雪", "東西南北中", "赤青黄白黒", "金銀銅鉄鉛", "朝昼夕夜暁"};
  for (int c = 0; c < 5; ++c) {
    words.push_back(word(upper[c], 300 - 10.0 * c, 100, 308 - 10.0 * c, 140, 1));
    words.push_back(word(lower[c], 300 - 10.0 * c, 148, 308 - 10.0 * c, 188, 1));
  }
  CHECK(page_text(lay_out_page(words, 800)) ==
        "一二三四五\n六七八九十\n甲乙丙丁戊\n子丑寅卯辰\n松竹梅桜菊\n\n春夏秋冬雪\n東西南北中\n赤青黄白黒\n金銀銅鉄鉛\n朝昼夕夜暁\n");
}

TEST_CASE("ruby over a horizontal heading is left out, CJK gaps are not spaces", "[pdf]") {
  const PdfPage p = lay_out_page({word("にほんこくけんぽう", 60, 90, 150, 96), word("日本国", 60, 97, 90, 110),
                                  word("憲法", 100, 97, 120, 110), word("Body text here", 60, 130, 150, 140)},
                                 800);
  CHECK(page_text(p).rfind("日本国憲法\n", 0) == 0);
}

TEST_CASE("a footnote mark set small inside a word's box is left out", "[pdf]") {
  PdfWord w = word("Corporation\u21E4", 50, 100, 110, 110);
  w.char_size.assign(w.chars.size(), 10.0f);
  w.char_size.back() = 6.0f;
  PdfWord v = word("C40", 114, 100, 130, 110);  // same size: kept whole
  v.char_size.assign(v.chars.size(), 10.0f);
  const PdfPage p = lay_out_page({word("Mozilla", 10, 100, 46, 110), w, v}, 800);
  CHECK(page_text(p) == "Mozilla Corporation C40\n");
  CHECK(p.footnote_markers == 1);
}

TEST_CASE("running headers, footers and page numbers are left out of every page", "[pdf]") {
  std::vector<PdfPage> pages;
  for (int i = 1; i <= 5; ++i) {
    PdfPage p;
    p.height = 800;
    p.lines.push_back({"Journal of Urban Affairs, Vol. " + std::to_string(40 + i), 20, 30, false});
    p.lines.push_back({"Body text of page " + std::to_string(i) + ".", 100, 110, false});
    p.lines.push_back({i == 3 ? "- 3 -" : std::to_string(i) + " / 5", 760, 770, false});
    pages.push_back(std::move(p));
  }
  pages[3].lines.push_back({"17", 700, 710, false});  // a number in the body stays
  const PdfDropped d = drop_running_lines(pages);
  CHECK(d.running == 5);
  CHECK(d.page_numbers == 5);
  CHECK(join_pages(pages) ==
        "Body text of page 1.\n\nBody text of page 2.\n\nBody text of page 3.\n\n"
        "Body text of page 4.\n17\n\nBody text of page 5.\n");
  // A header on two pages of three is not "most pages" when it is on 2 of 10.
  std::vector<PdfPage> few(10);
  for (auto& p : few) {
    p.height = 800;
    p.lines.push_back({"Text", 300, 310, false});
  }
  few[0].lines.push_back({"Introduction", 20, 30, false});
  few[5].lines.push_back({"Introduction", 20, 30, false});
  CHECK(drop_running_lines(few).running == 0);
}

TEST_CASE("a Japanese line wrap inside a word is joined", "[pdf][paragraphs]") {
  const auto p = split_paragraphs("電磁振動器（ソ\nレノイドを含む。）等\n\nEnglish line\nwraps here.\n");
  REQUIRE(p.size() == 2);
  CHECK(p[0].text == "電磁振動器（ソレノイドを含む。）等");
  CHECK(p[1].text == "English line\nwraps here.");
}

// Issue 15 items 3-7 and 11, issue 16 item 4: the Persian/Arabic repairs of
// text taken from real PDFs, each through clean and fold, with the cases each
// rule must leave alone.
#include <catch2/catch.hpp>

#include <string>

#include "test_util.h"
#include "text/fa_vocabulary.h"
#include "text/lang.h"
#include "text/normalize_text.h"
#include "text/segmenter.h"
#include "text/steps.h"

using namespace dipmine::text;

namespace {

std::string clean(const std::string& s) { return normalizer_for(Lang::fa).clean(s).text; }
std::string fold(const std::string& s) { return normalizer_for(Lang::fa).fold(s).text; }

std::vector<std::string> word_texts(const std::string& s, Lang lang) {
  std::vector<std::string> out;
  for (const Span& w : words(s, lang)) out.push_back(s.substr(w.begin, w.end - w.begin));
  return out;
}

}  // namespace

TEST_CASE("a change of script is a word boundary (15.3)", "[repairs][scripts]") {
  // Clean and fold put a space there; words() cuts there in any language.
  CHECK(clean("stretchingیا") == "stretching یا");
  CHECK(clean("normalizationچیست") == "normalization چیست");
  CHECK(clean("UCLGشهر") == "UCLG شهر");
  CHECK(clean("C40در") == "C40 در");
  CHECK(clean("شهرC40") == "شهر C40");
  CHECK(fold("C40در") == "c40 در");
  // Found by fuzzing (tests/fuzz/regressions/normalize): a capital whose case
  // fold lies outside U+00C0..U+024F was spaced by clean but not by fold, so
  // fold(clean(x)) != fold(x).
  // İ folds to i and a combining dot above (looked through like a ZWNJ).
  for (const char* capital : {"Ʉ", "Ʃ", "Ʒ", "Ⱥ", "ŉ", "İ"}) {
    const std::string glued = std::string("س") + capital + "س";
    INFO(glued);
    CHECK(fold(glued) == fold(clean(glued)));
    CHECK(fold(glued).find(' ') != std::string::npos);
  }
  CHECK(word_texts("UCLGشهر C40در", Lang::fa) == std::vector<std::string>{"UCLG", "شهر", "C40", "در"});
  CHECK(word_texts("see UCLGشهر", Lang::en) == std::vector<std::string>{"see", "UCLG", "شهر"});
  CHECK(word_texts("stretchingیا", Lang::en) == std::vector<std::string>{"stretching", "یا"});
  // Untouched: Latin with Latin, Persian with Persian, a space already there.
  CHECK(clean("C40 در شهر") == "C40 در شهر");
  CHECK(word_texts("C40 UN-Habitat شهر", Lang::fa).size() == 4);
  CHECK(script_changes(U'G', U'ش'));
  CHECK(script_changes(U'ش', U'4'));
  CHECK(!script_changes(U'G', U'4'));
  CHECK(!script_changes(U'ش', U'ه'));
  // The offsets of the split words are the original's.
  const auto tokens = text_tokens("UCLGشهر", Lang::fa, true);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 4);
  CHECK(tokens[1].begin == 4);
  CHECK(tokens[1].end == 10);
}

TEST_CASE("visual-order repair never invents a negation or another word (15.4)", "[repairs][visual_order]") {
  // The case: "they can" must not become "one cannot".
  CHECK(clean("شهرها می\u200cتوانن") == "شهرها می\u200cتوانن");
  CHECK(clean("می\u200cتوانن") == "می\u200cتوانن");
  CHECK(clean("میتوانن") == "میتوانن");
  // The same class: a known word plus an inflection is a real word, not
  // pieces of another; a negating prefix moved to the front is refused.
  CHECK(clean("میتوانم") == "می\u200cتوانم");
  // Each of these reads as a rotation of a negated word of the vocabulary.
  for (const char* w : {"میتوانن", "توانمین", "داردن", "شدهن", "خواهدن", "بودهن", "برابرینا"}) {
    INFO(w);
    CHECK(fa::would_repair(w) == false);
    CHECK(clean(w).find("ن") != 0);
  }
  // A dictionary word the vocabulary lacks is a word: نامه ("letter") is not
  // همان stored backwards (تفاهم نامه, "memorandum", came out as تفاهم همان).
  CHECK(clean("نامه") == "نامه");
  CHECK(clean("تفاهم نامه") == "تفاهم\u200cنامه");  // the compound joined, not reordered
  CHECK(fa::would_repair("نامه") == false);
  // Real reversals still repaired (003's words).
  CHECK(clean("یشهر یپلماسید") == "دیپلماسی شهری");
  CHECK(clean("باشدمی") == "می\u200cباشد");
  CHECK(clean("یبرا") == "برای");
}

TEST_CASE("a lone letter split off by a stray space is rejoined (15.5)", "[repairs][lone]") {
  CHECK(clean("ر وش") == "روش");
  CHECK(fold("ر وش") == fold("روش"));
  CHECK(clean("این ر وش جدید") == "این روش جدید");
  CHECK(clean("ک تاب") == "کتاب");
  // Never when the result is unknown, when the letter is a word (و), or when
  // both sides would make a word.
  CHECK(clean("ر قصث") == "ر قصث");
  CHECK(clean("شهر و روستا") == "شهر و روستا");
  CHECK(clean("ص ۱۲") == "ص ۱۲");
  CHECK(clean("ب ر") == "ب ر");
  // The joined word's offsets cover both pieces.
  const MappedText m = normalizer_for(Lang::fa).clean("ر وش");
  CHECK(m.original_span(0, m.text.size()) == std::pair<uint32_t, uint32_t>{0, 7});
}

TEST_CASE("reversed lam-alef and ALLAH are repaired (15.6)", "[repairs][lamalef]") {
  CHECK(clean("األمل") == "الأمل");
  CHECK(clean("باال") == "بالا");
  CHECK(clean("االستثمار") == "الاستثمار");
  CHECK(clean("المقاوالت") == "المقاولات");
  CHECK(clean("اهلل") == "الله");
  CHECK(clean("عبداهلل") == "عبدالله");
  CHECK(clean("\uFDF2") == "الله");
  CHECK(fold("األمل") == fold("الأمل"));
  CHECK(fold("اهلل") == fold("الله"));
  // Words with ال inside that are right as written stay.
  CHECK(clean("سال حالت مطالعات بالا الله والمقاولات") == "سال حالت مطالعات بالا الله والمقاولات");
}

TEST_CASE("LibreOffice kashida & is dropped between letters only (15.7)", "[repairs][kashida]") {
  CHECK(clean("دیپلماس&&ی") == "دیپلماسی");
  CHECK(clean("دیپلماس&ی شهری") == "دیپلماسی شهری");
  CHECK(fold("دیپلماس&&ی") == fold("دیپلماسی"));
  CHECK(clean("R&D شهر") == "R&D شهر");
  CHECK(clean("شهر & روستا") == "شهر & روستا");
  CHECK(clean("شهر&") == "شهر&");
  const MappedText m = normalizer_for(Lang::fa).clean("س&ی");
  CHECK(m.text == "سی");
  CHECK(m.original_span(2, 4) == std::pair<uint32_t, uint32_t>{3, 5});
}

TEST_CASE("Arabic paragraphs keep their Arabic spelling in clean (15.11)", "[repairs][arabic]") {
  CHECK(reads_as_arabic("أعمال الصيانة في المدينة التي"));
  CHECK(reads_as_arabic("الصيانة"));
  CHECK(!reads_as_arabic("دیپلماسی شهری در ایران"));
  CHECK(!reads_as_arabic("ديپلماسي شهري در ايران است"));  // Persian typed with Arabic ي
  CHECK(!reads_as_arabic("شهر"));
  CHECK(clean("أعمال الصيانة في المدينة") == "أعمال الصيانة في المدينة");
  CHECK(clean("الصيانة") == "الصيانة");
  CHECK(clean("ديپلماسي شهري") == "دیپلماسی شهری");
  // fold still equates the spellings.
  CHECK(fold("الصيانة") == fold("الصیانه"));
  CHECK(detect_lang("أعمال الصيانة") == Lang::fa);
}

TEST_CASE("Persian normalisation gaps of peer test cases (16.4)", "[repairs][gaps]") {
  // Compounds written with a space: joined with ZWNJ, as the dictionary
  // writes them, and the suffix after them too (index_terms keeps the parts
  // findable: compound_test.cpp).
  CHECK(clean("زمین لرزه ای") == "زمین\u200cلرزه\u200cای");
  CHECK(clean("کار بر") == "کار بر");
  // A letter glued to a digit.
  CHECK(fold("مسافت۹") == fold("مسافت ۹"));
  CHECK(clean("مسافت۹ کیلومتر") == "مسافت ۹ کیلومتر");
  // Letters repeated for emphasis; real double letters stay.
  CHECK(clean("خیلییییی") == "خیلی");
  CHECK(clean("اعلاممممم") == "اعلام");
  CHECK(clean("سلاممم دوستان") == "سلام دوستان");
  CHECK(clean("سلامم را برسان") == "سلامم را برسان");
  CHECK(clean("الله تقدم مدد") == "الله تقدم مدد");
  CHECK(fold("خیلییییی") == fold("خیلی"));
  // One repair making another's pattern (found by fuzzing): the run collapsed
  // leaves a reversed lam-alef, which is put back in the same fold, so fold
  // finds nothing left to do in its own output.
  CHECK(fold("طاللل") == fold(fold("طاللل")));
  CHECK(clean("طاللل") == clean(clean("طاللل")));
  // The lam-alef repair makes the word the اهلل repair wants (an open
  // finding of an earlier fuzz run): both in one fold.
  CHECK(fold("االهلل") == fold(fold("االهلل")));
  // A lone letter beside a word that takes a suffix in the same fold (found
  // by fuzzing): مب ها is joined first, then ه makes a word with مبها.
  CHECK(fold("ه مب ها") == fold(fold("ه مب ها")));
  CHECK(clean("ه مب ها") == clean(clean("ه مب ها")));
  CHECK(clean("ر وش ها") == "روش\u200cها");
  // A digit with the mark U+0345, which case folding makes the letter ι,
  // glued to a Persian letter: clean and fold both put the space (fuzzing).
  CHECK(fold(clean("۱\u0345ل")) == fold("۱\u0345ل"));
  // Kashida ampersands with a mark between them are one stretch: fold drops
  // the mark first and sees ی&&ی (fuzzing).
  CHECK(fold(clean("ی&\u064e&یشهر")) == fold("ی&\u064e&یشهر"));
  CHECK(clean("ی&\u064e&یشهر") == "ی\u064eیشهر");
}

TEST_CASE("the dictionary answers known words and compounds", "[repairs][vocabulary]") {
  CHECK(fa_is_word(fa_key("روش")));
  CHECK(fa_is_word(fa_key("زمین‌لرزه")));
  CHECK(!fa_is_word(fa_key("وش")));
  CHECK(!fa_is_word(""));
  CHECK(fa_is_compound(fa_key("زمین"), fa_key("لرزه")));
  CHECK(!fa_is_compound(fa_key("کار"), fa_key("بر")));
  CHECK(fa_compound_head(fa_key("زمین")));
  CHECK(fa_compound_tail(fa_key("لرزه")));
}

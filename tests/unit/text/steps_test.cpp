// Each normalisation step on its own (steps.h), including its offset map.
#include <catch2/catch.hpp>

#include "test_util.h"
#include "text/normalizer.h"
#include "text/steps.h"

using namespace dipmine::text;

namespace {

template <typename Step>
MappedText run(Step step, const std::string& s) {
  return step(sanitize_utf8(s));
}

}  // namespace

TEST_CASE("sanitize_utf8 replaces each invalid byte by U+FFFD mapped to it", "[steps]") {
  const MappedText m = sanitize_utf8("a\xff" "b");
  CHECK(m.text == "a\xef\xbf\xbd" "b");
  CHECK(m.begin[1] == 1);
  CHECK(m.end[3] == 2);
  CHECK(m.begin[4] == 2);
  CHECK(sanitize_utf8("\xe2\x82").text == "\xef\xbf\xbd\xef\xbf\xbd");  // truncated
}

TEST_CASE("rewrite_each returns its input untouched when nothing changes", "[steps]") {
  MappedText in = sanitize_utf8("plain text longer than a small string");
  const void* data = in.text.data();
  const MappedText out = rewrite_each(std::move(in), [](char32_t c) { return c; });
  CHECK(out.text == "plain text longer than a small string");
  CHECK(static_cast<const void*>(out.text.data()) == data);  // moved, not copied
}

TEST_CASE("apply_nfkc maps a ligature to the original character's bytes", "[steps]") {
  const MappedText m = apply_nfkc(sanitize_utf8("a\xef\xac\x81x"));  // aﬁx
  CHECK(m.text == "afix");
  CHECK(m.begin[1] == 1);
  CHECK(m.end[1] == 4);
  CHECK(m.begin[2] == 1);
  CHECK(m.begin[3] == 4);
}

TEST_CASE("apply_nfkc_casefold drops ZWNJ and lower-cases", "[steps]") {
  CHECK(apply_nfkc_casefold(sanitize_utf8("A\u200cB")).text == "ab");
}

TEST_CASE("fa::letter_variants", "[steps][fa]") {
  CHECK(run(fa::letter_variants, "علي كتاب توسعة").text == "علی کتاب توسعه");
  CHECK(run(fa::letter_variants, "English only").text == "English only");
}

TEST_CASE("fa::remove_tatweel_and_controls keeps ZWNJ", "[steps][fa]") {
  CHECK(run(fa::remove_tatweel_and_controls, "شــهر\u200eی\u200cها").text == "شهری\u200cها");
}

TEST_CASE("fa::fix_reversed_punctuation", "[steps][fa]") {
  CHECK(run(fa::fix_reversed_punctuation, "»شهر« و )یونیدو(").text == "«شهر» و (یونیدو)");
  CHECK(run(fa::fix_reversed_punctuation, "(شهر) «شهر»").text == "(شهر) «شهر»");
  // A closing mark whose opening mark is on the next line is left alone.
  CHECK(run(fa::fix_reversed_punctuation, "»شهر\n«").text == "»شهر\n«");
}

TEST_CASE("fa::zwnj_tidy", "[steps][fa]") {
  CHECK(run(fa::zwnj_tidy, "می\u200c\u200cشود").text == "می\u200cشود");
  CHECK(run(fa::zwnj_tidy, "شهر\u200c ها").text == "شهر ها");
  CHECK(run(fa::zwnj_tidy, "می\u200cشود").text == "می\u200cشود");
}

TEST_CASE("fa::zwnj_verb_prefix", "[steps][fa]") {
  CHECK(run(fa::zwnj_verb_prefix, "میشود").text == "می\u200cشود");
  CHECK(run(fa::zwnj_verb_prefix, "نمیشود").text == "نمی\u200cشود");
  CHECK(run(fa::zwnj_verb_prefix, "می شود").text == "می شود");  // zwnj_join_words does this
  CHECK(run(fa::zwnj_verb_prefix, "میز میلیون میان").text == "میز میلیون میان");
  // The inserted ZWNJ maps to the empty range where it was inserted.
  const MappedText m = run(fa::zwnj_verb_prefix, "میشود");
  CHECK(m.begin[4] == 4);
  CHECK(m.end[4] == 4);
  CHECK(text_test::map_monotone(m));
}

TEST_CASE("fa::zwnj_join_words", "[steps][fa]") {
  CHECK(run(fa::zwnj_join_words, "کتاب ها").text == "کتاب\u200cها");
  CHECK(run(fa::zwnj_join_words, "نمی شود").text == "نمی\u200cشود");
  CHECK(run(fa::zwnj_join_words, "می میز").text == "می میز");
  CHECK(run(fa::zwnj_join_words, "کتاب  ها").text == "کتاب  ها");  // two spaces: left
  CHECK(run(fa::zwnj_join_words, "به ها").text == "به ها");
  // The ZWNJ takes the space's place in the map.
  const MappedText m = run(fa::zwnj_join_words, "می شود");
  CHECK(m.begin[4] == 4);
  CHECK(m.end[4] == 5);
}

TEST_CASE("fa::zwnj_suffixes", "[steps][fa]") {
  CHECK(run(fa::zwnj_suffixes, "کتاب ها").text == "کتاب ها");  // zwnj_join_words does this
  CHECK(run(fa::zwnj_suffixes, "واژههای").text == "واژه\u200cهای");
  CHECK(run(fa::zwnj_suffixes, "بهترین تنها").text == "بهترین تنها");
}

TEST_CASE("fa::fold_marks_and_hamza and fa::fold_digits", "[steps][fa]") {
  CHECK(run(fa::fold_marks_and_hamza, "أَحمد مؤثر آسیا اعضاء").text == "احمد موثر اسیا اعضا");
  CHECK(run(fa::fold_digits, "۲۰۱۵ و ٢٠١٥").text == "2015 و 2015");
}

TEST_CASE("fa::repair_visual_order rotates pieces and reverses repaired runs", "[steps][fa]") {
  const MappedText m = run(fa::repair_visual_order, "یشهر یپلماسید");
  CHECK(m.text == "دیپلماسی شهری");
  // د (output bytes 0-1) came from the last letter of یپلماسید (bytes 23-25).
  CHECK(m.begin[0] == 23);
  CHECK(m.end[0] == 25);
  CHECK_FALSE(text_test::map_monotone(m));
  // The whole output still covers exactly the original.
  CHECK(m.original_span(0, m.text.size()) == std::pair<uint32_t, uint32_t>{0, 25});
  CHECK(run(fa::repair_visual_order, "دیپلماسی شهری").text == "دیپلماسی شهری");
  // A stray ZWNJ beside the space does not end the run (fold has dropped it
  // already: clean and fold must agree); anything else between does.
  CHECK(run(fa::repair_visual_order, "یشهر ‌یپلماسید").text == "دیپلماسی ‌شهری");
  CHECK(run(fa::repair_visual_order, "یشهر، یپلماسید").text == "شهری، دیپلماسی");
  const Normalizer& fa_n = normalizer_for(Lang::fa);
  CHECK(fa_n.clean("ةتوسع ‌یشهر").text == "شهری توسعه");
  CHECK(fa_n.fold("ةتوسع ‌یشهر").text == "شهری توسعه");
}

TEST_CASE("fold folds before the word steps and decides as clean does", "[steps][fa]") {
  const Normalizer& n = normalizer_for(Lang::fa);
  // Words written apart joined: the space goes (no ZWNJ in fold).
  CHECK(n.fold("می شود کتاب ها").text == "میشود کتابها");
  CHECK(n.clean("می شود کتاب ها").text == "می‌شود کتاب‌ها");
  // Persian digits alone on a line still make it Arabic for the reversed
  // quotes (fix_reversed_punctuation runs before digits are folded).
  CHECK(n.clean("»۲۰۱۵«").text == "«۲۰۱۵»");
  CHECK(n.fold("»۲۰۱۵«").text == "«2015»");
  // ...and so do presentation forms, which NFKC turns into letters.
  CHECK(n.fold("»ﺷﻬﺮ«").text == "«شهر»");
  // A letter variant before hamza above: the variant is folded, the hamza
  // dropped (fold(fold(x)) == fold(x)).
  CHECK(n.fold("ةٔ").text == "ه");
  CHECK(n.fold(n.fold("ةٔ").text).text == n.fold("ةٔ").text);
}

TEST_CASE("en::remove_soft_hyphens and en::fold_quotes_and_dashes", "[steps][en]") {
  CHECK(run(en::remove_soft_hyphens, "co\u00adop").text == "coop");
  CHECK(run(en::fold_quotes_and_dashes, "“a” ‘b’ –—").text == "\"a\" 'b' --");
}

TEST_CASE("en::join_hyphenated_breaks", "[steps][en]") {
  CHECK(run(en::join_hyphenated_breaks, "govern-\nments").text == "governments");
  CHECK(run(en::join_hyphenated_breaks, "non-\ngovernmental").text == "non-governmental");
  CHECK(run(en::join_hyphenated_breaks, "UN-\nHabitat").text == "UN-Habitat");
  const MappedText m = run(en::join_hyphenated_breaks, "govern-\nments");
  CHECK(m.begin[6] == 8);  // the m of "ments" after the removed "-\n"
  CHECK(text_test::map_monotone(m));
}

TEST_CASE("en::join_wrapped_lines", "[steps][en]") {
  CHECK(run(en::join_wrapped_lines, "a\nb\n\nc\nd").text == "a b\n\nc d");
  CHECK(run(en::join_wrapped_lines, "a\n").text == "a");
}

TEST_CASE("en::stem_words and en::stem_word", "[steps][en]") {
  CHECK(run(en::stem_words, "cities and networks").text == "citi and network");
  CHECK(run(en::stem_words, "c40 abc1").text == "c40 abc1");
  // Glued to a digit or a non-ASCII letter on either side: kept as written.
  CHECK(run(en::stem_words, "networks2 1cities naïves cities").text == "networks2 1cities naïves citi");
  // Words across the 64-byte blocks the word starts are read in.
  const std::string pad(60, ' ');
  CHECK(run(en::stem_words, pad + "networks cities").text == pad + "network citi");
  CHECK(run(en::stem_words, std::string(63, 'a') + " cities").text == std::string(63, 'a') + " citi");
  CHECK(en::stem_word("cities") == "citi");
  CHECK(en::stem_word(en::stem_word("generalizations")) == en::stem_word("generalizations"));
  const MappedText m = run(en::stem_words, "cities");
  CHECK(m.original_span(0, m.text.size()) == std::pair<uint32_t, uint32_t>{0, 6});
  CHECK(text_test::map_monotone(m));
}

TEST_CASE("ja::prolonged_sound_marks", "[steps][ja]") {
  CHECK(run(ja::prolonged_sound_marks, "サ－ビス サ-ビス").text == "サービス サービス");
  CHECK(run(ja::prolonged_sound_marks, "2025-07").text == "2025-07");
  CHECK(run(ja::prolonged_sound_marks, "東京-大阪").text == "東京-大阪");
}

TEST_CASE("ja::drop_final_long_vowel: the mark's bytes stay in the letter's range", "[steps][ja]") {
  CHECK(run(ja::drop_final_long_vowel, "ユーザー登録とサーバーとカー").text == "ユーザ登録とサーバとカー");
  CHECK(run(ja::drop_final_long_vowel, "ーー").text == "ーー");
  CHECK(run(ja::drop_final_long_vowel, "コーヒーー").text == "コーヒ");
  const MappedText m = run(ja::drop_final_long_vowel, "ユーザー登録");
  // ユーザ is bytes [0, 9) of the output and covers all of ユーザー (12 bytes).
  CHECK(m.original_span(0, 9) == std::pair<uint32_t, uint32_t>{0, 12});
  CHECK(m.original_span(9, 15) == std::pair<uint32_t, uint32_t>{12, 18});
  CHECK(text_test::map_monotone(m));
}

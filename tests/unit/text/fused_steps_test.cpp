// The fused one-pass steps (fa::sanitize_and_remove_controls,
// fa::nfkc_and_letter_variants, fa::fold_chars,
// en::fold_chars, ja::fold_chars, fa::repair_tidy_and_join) give exactly what
// the steps they fuse give in turn, text and map, and the run-length map
// behaves as a per-byte map.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "test_util.h"
#include "text/fa_words.h"
#include "text/steps.h"

using namespace dipmine::text;

namespace {

bool same_mapped(const MappedText& a, const MappedText& b) {
  if (a.text != b.text) return false;
  for (size_t i = 0; i < a.text.size(); ++i) {
    if (a.begin[i] != b.begin[i] || a.end[i] != b.end[i]) return false;
  }
  return true;
}

// Random text from characters each fused step treats specially: Arabic
// letters, marks, variants, digits, presentation forms, ignorables, quotes,
// dashes, full-width and half-width forms, combining sequences, case.
std::vector<std::string> inputs() {
  static const std::vector<std::string> pieces = {
      "شهر", "ی", "ي", "ك", "ة", "ۀ", "أ", "إ", "آ", "ؤ", "ئ", "ء", "\u064b", "\u0651", "\u0670",
      "ا\u0653", "ا\u0654", "ه\u0654", "ﻛ", "ﺘ", "ﻻ", "ﷺ", "۲", "٣", "٫", "٬", "\u200c", "\u200d",
      "\u00ad", "“", "”", "’", "—", "–", "−", "ﬁ", "ß", "İ", "Σ", "e\u0301", "ＳＣＯ", "ｶﾞ", "ｰ",
      "São", "Māori", "ø", "東京", "國際", "髙", "﨑", "ヶ", "ヵ", "ｱ", "①", "A", "Z", "a", " ", "\n", "12", "(", "»", "\u2060", "\ufeff", "\xff"};
  std::vector<std::string> out = text_test::random_texts(pieces, 3000, 7, 0, 25);
  for (std::string& p : text_test::corpus_paragraphs({"000", "002", "003", "004"})) {
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

TEST_CASE("fused steps equal the chains of steps they replace", "[steps][fused]") {
  for (const std::string& x : inputs()) {
    INFO(text_test::visible(x));
    const MappedText in = sanitize_utf8(x);
    CHECK(same_mapped(fa::sanitize_and_remove_controls(x), fa::remove_tatweel_and_controls(MappedText(in))));
    CHECK(same_mapped(fa::nfkc_and_letter_variants(MappedText(in)),
                      fa::letter_variants(apply_nfkc(MappedText(in)))));
    CHECK(same_mapped(fa::fold_chars(MappedText(in)),
                      fa::fold_digits(fa::fold_marks_and_hamza(
                          fa::letter_variants(apply_nfkc_casefold(MappedText(in)))))));
    CHECK(same_mapped(en::fold_chars(MappedText(in)),
                      rewrite_each(fa::fold_digits(fa::fold_marks_and_hamza(fa::letter_variants(
                                       en::fold_quotes_and_dashes(apply_nfkc_casefold(MappedText(in)))))),
                                   en::latin_base)));
    CHECK(same_mapped(ja::fold_chars(MappedText(in)),
                      rewrite_each(fa::fold_digits(apply_nfkc_casefold(MappedText(in))), ja::modern_form)));
  }
}

namespace {

// Persian text from the pieces the word steps look at: words the repair
// reorders, the verb prefix and suffixes written apart, stray and doubled
// ZWNJ, spaces and line breaks; each text also once more with its words
// repeated (the second time the word facts come from the memo).
std::vector<std::string> word_step_inputs() {
  static const std::vector<std::string> pieces = {
      "یپلماسید", "یشهر", "دیپلماسی", "شهری", "المللیبین", "یبرا", "برای", "می", "نمی", "شود",
      "کتاب", "خانه", "ها", "های", "هایی", "تر", "ترین", "ای", "ام", "به", "که", "\u200c",
      "\u200c\u200c", " ", " ", " ", "  ", "\n", "،", ".", "ه", "ی", "\u064b", "ة", "a", "12",
      // issue 15/16 rules: lone letters, compounds, lam-alef, repeats, &, scripts
      "ر", "وش", "ر وش", "زمین", "لرزه", "زمین لرزه", "األمل", "باال", "المقاوالت", "اهلل",
      "ییی", "خیلییی", "&", "&&", "UCLG", "C40", "۹", "مسافت", "می\u200cتوانن", "و", "ء"};
  std::vector<std::string> out;
  for (const std::string& s : text_test::random_texts(pieces, 3000, 11, 0, 30)) {
    out.push_back(s);
    out.push_back(s + " " + s);
  }
  for (std::string& p : text_test::corpus_paragraphs({"000", "001", "003"})) {
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

TEST_CASE("repair_tidy_and_join equals the letter repairs, the repair, zwnj_tidy and zwnj_join_words in turn",
          "[steps][fused]") {
  size_t repaired = 0, joined = 0;
  for (const std::string& x : word_step_inputs()) {
    INFO(text_test::visible(x));
    const MappedText in = fa::nfkc_and_letter_variants(sanitize_utf8(x));
    const MappedText chain = fa::zwnj_join_words(fa::zwnj_tidy(
        fa::repair_visual_order(fa::repair_letters(fa::drop_kashida_ampersands(MappedText(in))))));
    CHECK(same_mapped(fa::repair_tidy_and_join(MappedText(in)), chain));
    // repair_letters keeps the word list it is given that of its output.
    std::vector<fa::TextWord> words = fa::text_words(in.text);
    bool changed = false;
    const MappedText lettered = fa::repair_letters(MappedText(in), words, changed);
    const std::vector<fa::TextWord> rescanned = fa::text_words(lettered.text);
    REQUIRE(words.size() == rescanned.size());
    for (size_t k = 0; k < words.size(); ++k) {
      CHECK(words[k].b == rescanned[k].b);
      CHECK(words[k].e == rescanned[k].e);
      CHECK(words[k].facts.join_role == rescanned[k].facts.join_role);
      CHECK(words[k].facts.repair_ranges == rescanned[k].facts.repair_ranges);
    }
    repaired += fa::repair_visual_order(MappedText(in)).text != in.text;
    joined += chain.text.size() > in.text.size();
  }
  // The inputs exercise both word steps.
  CHECK(repaired > 100);
  CHECK(joined > 100);
}

TEST_CASE("a copied or moved MappedText reads its own map", "[offsets]") {
  MappedText a = apply_nfkc(sanitize_utf8("x\xef\xac\x81y"));  // xﬁy → xfiy
  REQUIRE(a.text == "xfiy");
  MappedText b = a;
  MappedText c = std::move(a);
  a = sanitize_utf8("zz");
  for (const MappedText* m : {&b, &c}) {
    CHECK(m->begin.size() == 4);
    CHECK(m->begin[1] == 1);
    CHECK(m->end[2] == 4);
    CHECK(m->begin[3] == 4);
    CHECK(m->end.back() == 5);
  }
  CHECK(a.end[1] == 2);
}

TEST_CASE("the map is stored as runs, not per byte", "[offsets]") {
  const std::string long_text(100000, 'a');
  const MappedText m = sanitize_utf8(long_text);
  CHECK(m.runs.size() == 1);
  CHECK(m.original_span(10, 99990) == std::pair<uint32_t, uint32_t>{10, 99990});
  // One replaced character in the middle: three runs, and spans across them.
  const MappedText r = apply_nfkc(sanitize_utf8(long_text + "\xef\xac\x81" + long_text));
  CHECK(r.runs.size() == 3);
  CHECK(r.original_span(100000, 100002) == std::pair<uint32_t, uint32_t>{100000, 100003});
  CHECK(r.original_span(99999, 100003) == std::pair<uint32_t, uint32_t>{99999, 100004});
}

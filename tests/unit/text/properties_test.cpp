// Properties every normaliser keeps, on the seed corpus and on random text:
// fold(fold(x)) == fold(x), fold(clean(x)) == fold(x), clean is idempotent, the
// offset map is always valid, and monotone wherever no piece was reordered.
// Invalid UTF-8 never crashes anything.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "test_util.h"
#include "text/normalize_text.h"
#include "text/segmenter.h"
#include "text/fa_words.h"
#include "text/steps.h"

using namespace dipmine::text;

namespace {

// Pieces random text is made of: everything the rules look at, plus junk.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      "شهر", "ی", "می", "نمی", "شود", "ها", "های", "ای", "تر", "ه", "یپلماسید", "یشهر",
      "دیپلماسی", "المللیبین", "\u200c", "\u200c\u200c", "\u200d", "\u200e", "ـ", "ة", "ي",
      "ك", "أ", "آ", "ؤ", "ء", "\u064b", "\u0651", "ﻛ", "ﺘ", "ﻻ", "۲", "٣", "٫", "»", "«", ")",
      "(", " ", " ", "  ", "\n", "\n\n", "\r\n", "-", "-\n", "\u00ad", "“", "”", "’", "—", "–",
      "govern", "ments", "non", "City", "cities", "C40", "UN", "Habitat", "ﬁ", "ß", "e\u0301",
      "ＳＣＯ", "ｶﾀｶﾅ", "サ", "－", "ー", "東京", "都", "に", "住む", "。", "、", "２０", "㈱",
      "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", ".", ",", "12", "؟", "،",
      "\ufeff", "\t", "A", "z", "'", "\"",
      // issue 15/16 rules: lone letters, compounds, lam-alef, repeats, &, scripts, Arabic
      "ر", "وش", "زمین", "لرزه", "األمل", "باال", "المقاوالت", "اهلل", "ﷲ", "ییی", "خیلییی", "&",
      "UCLG", "۹", "مسافت", "می\u200cتوانن", "الصيانة", "في", "التي", "و",
      // spelling variants: hamza seats, British spellings, co- prefixes
      "مسؤول", "مسوول", "مسول", "مسئله", "مسأله", "هیأت", "هیات", "مدیره", "سئوال", "غیر", "ئ",
      "organise", "isation", "centre", "co-", "operation", "labour", "analyse"};
  return p;
}

std::vector<std::string> random_texts(size_t n, unsigned seed) {
  return text_test::random_texts(pieces(), n, seed, 0, 30);
}

// Paragraphs (blank-line separated) of the seed corpus, capped for speed.
std::vector<std::string> corpus_paragraphs(const std::string& prefix) {
  const std::string t = text_test::corpus(prefix);
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t p; (p = t.find("\n\n", start)) != std::string::npos; start = p + 2) {
    out.push_back(t.substr(start, p - start));
  }
  out.push_back(t.substr(start));
  return out;
}

// The Persian clean steps before the visual-order repair (persian_normalizer.cpp).
MappedText fa_before_repair(std::string_view s) {
  MappedText t = fa::remove_tatweel_and_controls(sanitize_utf8(s));
  t = fa::unpack_compat_forms(std::move(t));
  t = fa::fix_reversed_punctuation(std::move(t));
  t = apply_nfkc(std::move(t));
  return fa::letter_variants(std::move(t));
}

void check_properties(Lang lang, const std::string& x) {
  const Normalizer& n = normalizer_for(lang);
  const MappedText c = n.clean(x), f = n.fold(x);
  INFO("lang " << lang_name(lang) << " input: " << text_test::visible(x));
  REQUIRE(text_test::map_valid(c, x.size()));
  REQUIRE(text_test::map_valid(f, x.size()));
  CHECK(is_valid_utf8(c.text));
  CHECK(n.fold(f.text).text == f.text);
  CHECK(n.fold(c.text).text == f.text);
  CHECK(n.clean(c.text).text == c.text);
  CHECK(n.fold_for_prefix(n.fold_for_prefix(x).text).text == n.fold_for_prefix(x).text);
  // Ingest folds once and finishes the prefix fold into the fold: same text,
  // same map to the original.
  const MappedText finished = n.finish_fold(n.fold_for_prefix(x));
  CHECK(finished.text == f.text);
  CHECK(finished.original_span(0, finished.text.size()) == f.original_span(0, f.text.size()));
  for (size_t i = 0; i < f.text.size(); i += 7) CHECK(finished.byte_range(i) == f.byte_range(i));
  if (lang == Lang::fa) {
    // fold runs clean's steps with fold_chars moved before the word steps
    // (and without the two that only insert ZWNJ): the same text as folding
    // the clean text. The maps cover the same original text but for bytes
    // that fold to nothing at either end (a stray ZWNJ, a mark): clean drops
    // a stray ZWNJ exactly, where fold_chars (ICU) maps a deleted character
    // and its neighbour as one edit. fold_hamza_seats, fold's last step,
    // comes after (mostly no-op).
    const MappedText full = fa::fold_hamza_seats(fa::fold_chars(n.clean(x)));
    CHECK(full.text == f.text);
    const auto [fb, fe] = f.original_span(0, f.text.size());
    const auto [cb, ce] = full.original_span(0, full.text.size());
    auto folds_to_nothing = [&](uint32_t b, uint32_t e) {
      return n.fold(x.substr(std::min(b, e), std::max(b, e) - std::min(b, e))).text.empty();
    };
    CHECK(folds_to_nothing(fb, cb));
    CHECK(folds_to_nothing(fe, ce));
  }
  bool reordered = false;
  if (lang == Lang::fa) {
    MappedText pre = fa_before_repair(x);
    const std::string before = pre.text;
    reordered = fa::repair_visual_order(std::move(pre)).text != before;
    // The letter repairs (lam-alef, اهلل, repeated letters) rewrite a word
    // mapped as a whole: a ZWNJ inserted inside it later maps to its start.
    for (const fa::TextWord& w : fa::text_words(before)) {
      reordered = reordered || (w.facts.join_role & fa::kLetterRepair);
    }
  }
  if (!reordered) {
    CHECK(text_test::map_monotone(c));
    CHECK(text_test::map_monotone(f));
  }
}

}  // namespace

TEST_CASE("properties hold on every paragraph of the seed corpus", "[properties]") {
  const std::pair<const char*, Lang> files[] = {{"000", Lang::fa}, {"001", Lang::fa},
                                                {"002", Lang::fa}, {"003", Lang::fa},
                                                {"003", Lang::en}, {"004", Lang::ja},
                                                {"000", Lang::en}, {"004", Lang::en}};
  for (const auto& [prefix, lang] : files) {
    for (const std::string& p : corpus_paragraphs(prefix)) check_properties(lang, p);
  }
}

TEST_CASE("properties hold on random text in every language", "[properties]") {
  for (Lang lang : {Lang::fa, Lang::en, Lang::ja, Lang::none}) {
    for (const std::string& x : random_texts(1500, 7 + static_cast<unsigned>(lang))) {
      check_properties(lang, x);
    }
  }
}

TEST_CASE("in 003 the map goes backwards only inside stretches the repair moved", "[properties]") {
  const std::string t = text_test::corpus("003");
  size_t non_monotone = 0;
  for (size_t b = 0; b < t.size();) {
    size_t e = t.find('\n', b);
    if (e == std::string::npos) e = t.size();
    const std::string line = t.substr(b, e - b);
    const MappedText c = normalizer_for(Lang::fa).clean(line);
    if (!text_test::map_monotone(c)) {
      ++non_monotone;
      MappedText pre = fa_before_repair(line);
      const std::string before = pre.text;
      INFO(line);
      CHECK(fa::repair_visual_order(std::move(pre)).text != before);
    }
    b = e + 1;
  }
  CHECK(non_monotone > 50);  // the repair did reorder many lines
}

TEST_CASE("random bytes never crash normalisers, tokens or segmentation", "[properties]") {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 64);
  for (int i = 0; i < 500; ++i) {
    std::string s;
    for (int k = len(rng); k > 0; --k) s += static_cast<char>(byte(rng));
    for (Lang lang : {Lang::fa, Lang::en, Lang::ja, Lang::none}) {
      const MappedText f = normalizer_for(lang).fold(s);
      CHECK(is_valid_utf8(f.text));
      CHECK(text_test::map_valid(f, s.size()));
      for (const Span& w : words(f.text, lang)) CHECK(w.end <= f.text.size());
    }
    for (const TextToken& t : text_tokens(s, std::nullopt, true)) CHECK(t.end <= s.size());
    CHECK(is_valid_utf8(normalize_text(s, std::nullopt, false).text));
  }
}

TEST_CASE("inputs the fuzzer found keep clean and fold idempotent", "[properties]") {
  // tests/fuzz/regressions/normalize: a Latin capital whose case fold leaves
  // U+00C0..U+024F, NFKC making a tatweel, a NUL before a ZWNJ dropped by
  // fold's post-step (0 meant "delete"), a word whose English stem needs
  // more than four Snowball rounds to stop changing, a run of lone Persian
  // letters whose first one was joined to the word before it, full-width
  // parentheses that NFKC made reversed ones after the repair.
  for (const std::string x : {std::string("سɄ"), std::string("سȺس"), std::string("سŉ"),
                              std::string("\ufe7f"), std::string("ﹷیشهر"),
                              std::string("iectilllllllllllllllllllllll"),
                              std::string("بر گ ر"), std::string("بر　گ ر"), std::string("ر)（"),
                              std::string("ر﹚(x"),
                              std::string("\0\u200cد", 5), std::string("a\0\u200c", 5)}) {
    for (const Lang lang : {Lang::fa, Lang::en, Lang::none, Lang::ja}) {
      INFO("lang " << static_cast<int>(lang) << " input " << x);
      const Normalizer& n = normalizer_for(lang);
      const std::string c = n.clean(x).text, f = n.fold(x).text;
      CHECK(n.clean(c).text == c);
      CHECK(n.fold(f).text == f);
      CHECK(n.fold(c).text == f);
    }
  }
}

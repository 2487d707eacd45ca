// The visual-order repair measured on the seed corpus (issue 3): counts of the
// words it should restore in 003 before and after, and the clean texts 000,
// 001, 002 left exactly as they were. Prints the figures (docs/normalization.md).
#include <algorithm>
#include <catch2/catch.hpp>

#include <cstdio>

#include "test_util.h"
#include "text/fa_vocabulary.h"
#include "text/steps.h"

using namespace dipmine::text;

namespace {

size_t count(const std::string& text, const std::string& word) {
  size_t n = 0;
  for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + word.size())) ++n;
  return n;
}

// The text before and after the repair step alone (letters already normalised,
// ZWNJ rules not yet applied), so the counts compare like with like.
std::pair<std::string, std::string> before_after(const std::string& original) {
  MappedText t = fa::remove_tatweel_and_controls(sanitize_utf8(original));
  t = fa::letter_variants(apply_nfkc(std::move(t)));
  const std::string before = t.text;
  return {before, fa::repair_visual_order(std::move(t)).text};
}

}  // namespace

TEST_CASE("visual-order repair restores 003's words", "[visual_order]") {
  const auto [before, after] = before_after(text_test::corpus("003"));
  const char* words[] = {"دیپلماسی", "یپلماسید", "شهری", "یشهر", "بینالمللی", "المللیبین",
                         "برای", "یبرا", "توسعه", "هتوسع"};
  std::printf("visual-order repair on 003 (word: before -> after)\n");
  for (const char* w : words) {
    std::printf("  %s: %zu -> %zu\n", w, count(before, w), count(after, w));
  }
  CHECK(count(after, "دیپلماسی") >= 112);
  CHECK(count(after, "یپلماسید") <= 2);
  CHECK(count(after, "شهری") > count(before, "شهری") + 25);
  CHECK(count(after, "بینالمللی") > count(before, "بینالمللی"));
  // The whole clean pipeline keeps the repair (ZWNJ rules come after it).
  const MappedText c = normalizer_for(Lang::fa).clean(text_test::corpus("003"));
  CHECK(count(c.text, "دیپلماسی") >= 112);
}

TEST_CASE("visual-order repair leaves the clean seed texts unchanged", "[visual_order]") {
  for (const char* f : {"000", "001", "002"}) {
    const auto [before, after] = before_after(text_test::corpus(f));
    INFO(f);
    CHECK(after == before);
  }
}

TEST_CASE("visual-order repair never touches known words or short words", "[visual_order]") {
  const auto run = [](const std::string& s) {
    return fa::repair_visual_order(sanitize_utf8(s)).text;
  };
  CHECK(run("شهری دیپلماسی برای") == "شهری دیپلماسی برای");
  CHECK(run("زا") == "زا");          // two letters: never
  CHECK(run("ملت") == "ملت");        // unknown, no known anagram
  CHECK(run("نیب") == "بین");        // three letters, very common result
  CHECK(fa::would_repair("یپلماسید"));
  CHECK_FALSE(fa::would_repair("دیپلماسی"));
}

TEST_CASE("fa vocabulary keys are fixed points of fa_key and match the tsv", "[vocabulary]") {
  REQUIRE(fa_vocabulary_size() > 1000);
  for (const FaWord& w : fa_vocabulary_entries()) {
    INFO(std::string(w.key));
    CHECK(fa_key(w.key) == w.key);
    CHECK(w.count > 0);
  }
  // The compiled-in data is lexicons/fa_vocabulary.tsv (regenerate both with
  // scripts/gen_fa_vocabulary).
  const std::string tsv =
      text_test::read_file(std::string(DIPMINE_SOURCE_DIR) + "/lexicons/fa_vocabulary.tsv");
  size_t rows = 0;
  for (char c : tsv) rows += c == '\n';
  CHECK(rows == fa_vocabulary_size() + 2);  // two comment lines
  CHECK(fa_key("توسعة") == "توسعه");
  CHECK(fa_key("می‌شود") == "میشود");
  CHECK(fa_key("أحمدُ") == "احمد");
  CHECK(fa_word_count("دیپلماسی") > 50);
  CHECK(fa_word_count("یپلماسید") == 0);
  bool found = false;
  for (const FaWord& w : fa_anagrams("یپلماسید")) found = found || w.key == "دیپلماسی";
  CHECK(found);
  CHECK(fa_anagrams("ظظظ").empty());
}

TEST_CASE("every vocabulary word is in its anagram group, and a group shares its letters", "[visual_order]") {
  // fa_anagrams groups words by a 64-bit signature of their letters; this is
  // the check that no two words of the shipped vocabulary collide.
  auto letters = [](std::string_view key) {
    std::u32string cps;
    for (size_t i = 0, len = 0; i < key.size(); i += len) cps.push_back(dipmine::text::decode_utf8(key, i, len));
    std::sort(cps.begin(), cps.end());
    return cps;
  };
  size_t words = 0;
  for (const FaWord& w : dipmine::text::fa_vocabulary_entries()) {
    const auto group = fa_anagrams(w.key);
    bool self = false;
    for (const FaWord& g : group) {
      self = self || (g.key == w.key && g.count == w.count);
      if (letters(g.key) != letters(w.key)) FAIL_CHECK(std::string(g.key) + " in the group of " + std::string(w.key));
    }
    if (!self) FAIL_CHECK(std::string(w.key) + " not in its own group");
    ++words;
  }
  CHECK(words == dipmine::text::fa_vocabulary_size());
}

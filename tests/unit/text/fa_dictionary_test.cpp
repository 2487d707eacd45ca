// The compiled-in Persian dictionary is searched by halves in its text (no
// table built at start-up): it must answer exactly as a search of its sorted
// lines does, for every key, for near misses between keys, and at both ends.
// The compound tables (made at their first use) answer for every compound.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/lines.h"
#include "text/fa_vocabulary.h"

namespace dipmine::text::detail {
extern const char kFaDictionaryKeys[];
extern const char kFaDictionaryCompounds[];
}  // namespace dipmine::text::detail

using namespace dipmine::text;

namespace {

// The non-empty lines of the compiled-in text, as the dictionary reads them.
std::vector<std::string_view> lines(std::string_view all) {
  std::vector<std::string_view> out;
  dipmine::LineReader reader(all);
  for (std::string_view line; reader.next(line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("the dictionary's keys are sorted, distinct, and every one is a word", "[fa_dictionary]") {
  const std::vector<std::string_view> keys = lines(detail::kFaDictionaryKeys);
  REQUIRE(keys.size() > 30000);
  CHECK(std::adjacent_find(keys.begin(), keys.end(), std::greater_equal<>()) == keys.end());
  size_t missed = 0;
  for (std::string_view k : keys) missed += fa_is_word(k) ? 0 : 1;
  CHECK(missed == 0);
}

TEST_CASE("keys that are not in the dictionary are not words", "[fa_dictionary]") {
  const std::vector<std::string_view> keys = lines(detail::kFaDictionaryKeys);
  // Near misses: every key with its last letter dropped, with a letter added
  // (sorts just after it), and with its first byte lowered (sorts before the
  // first key when it is the first); the vocabulary may know some of them.
  size_t differ = 0, checked = 0;
  auto expect = [&](const std::string& probe) {
    const bool in_dictionary = std::binary_search(keys.begin(), keys.end(), std::string_view(probe));
    const bool want = in_dictionary || fa_word_count(probe) > 0;
    differ += fa_is_word(probe) != want ? 1 : 0;
    ++checked;
  };
  for (size_t i = 0; i < keys.size(); i += 7) {
    const std::string k(keys[i]);
    if (k.size() > 2) expect(k.substr(0, k.size() - 2));  // one two-byte letter fewer
    expect(k + "ی");
    expect(k + "\x7f");
    std::string lower = k;
    lower[0] = static_cast<char>(lower[0] - 1);
    expect(lower);
  }
  expect("\xff\xff");
  expect("a");
  CHECK(checked > 15000);
  CHECK(differ == 0);
  CHECK_FALSE(fa_is_word(""));
}

TEST_CASE("every compound's parts and pair are known", "[fa_dictionary]") {
  size_t missed = 0, n = 0;
  for (std::string_view c : lines(detail::kFaDictionaryCompounds)) {
    const size_t bar = c.find('|');
    REQUIRE(bar != std::string_view::npos);
    const std::string_view head = c.substr(0, bar), tail = c.substr(bar + 1);
    missed += fa_compound_head(head) && fa_compound_tail(tail) && fa_is_compound(head, tail) ? 0 : 1;
    ++n;
  }
  CHECK(n > 5000);
  CHECK(missed == 0);
  CHECK_FALSE(fa_compound_head(""));
  CHECK_FALSE(fa_compound_tail(""));
}

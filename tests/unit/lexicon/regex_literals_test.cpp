// regex_literals: the strings a form matches on squeezed folded text, exact
// or loose; squeeze_white_space: the squeezed text and its map back.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon/regex_literals.h"

using namespace dipmine::lexicon;
using dipmine::text::Lang;
using S = std::vector<std::string>;

TEST_CASE("regex_literals: alternations, optional parts and white-space runs", "[regex_literals]") {
  auto l = regex_literals("(?i:sister\\s+cit(y|ies))");
  REQUIRE(l);
  CHECK(l->exact);
  CHECK(!l->glue);
  CHECK(l->strings == S{"sister cities", "sister city"});
  // \s* may be there or not; capitals (?i) adds are left out (folded text has none).
  l = regex_literals("(?i:Ab\\s*c)");
  REQUIRE(l);
  CHECK(l->strings == S{"ab c", "abc"});
  // Two runs in a row where the ی is left out: one run, listed once.
  l = regex_literals("(?i:ab\\s*(ی)?\\s*cd)");
  REQUIRE(l);
  CHECK(l->exact);
  CHECK(l->strings == S{"ab cd", "ab ی cd", "ab یcd", "abcd", "abی cd", "abیcd"});
}

TEST_CASE("regex_literals: the languages' literal patterns", "[regex_literals]") {
  // Persian: white space or ZWNJ, or nothing (folded text holds no ZWNJ).
  auto l = regex_literals(literal_pattern("بین المللی", Lang::fa));
  REQUIRE(l);
  CHECK(l->exact);
  CHECK(l->strings == S{"بین المللی", "بینالمللی"});
  // English: a run of white space and hyphens, the glue.
  l = regex_literals(literal_pattern("sister city", Lang::en));
  REQUIRE(l);
  CHECK(l->glue);
  CHECK(l->strings == S{"sister city"});
  l = regex_literals(literal_pattern("C40", Lang::en));
  REQUIRE(l);
  CHECK(!l->glue);
  CHECK(l->strings == S{"c40"});
}

TEST_CASE("regex_literals: loose listings and none", "[regex_literals]") {
  // A run of two or more: the squeezed text cannot tell; RE2 confirms.
  auto l = regex_literals("(?i:ab\\s+\\s+cd)");
  REQUIRE(l);
  CHECK(!l->exact);
  CHECK(l->strings == S{"ab cd"});
  // One character of white space or a hyphen.
  l = regex_literals("(?i:low[- ]carbon)");
  REQUIRE(l);
  CHECK(!l->exact);
  CHECK(l->strings == S{"low carbon", "low-carbon"});
  // An unbounded repeat after a listable beginning: the beginnings.
  l = regex_literals("(?i:(make|become)\\s+\\w+\\s+city)");
  REQUIRE(l);
  CHECK(!l->exact);
  CHECK(l->strings == S{"become ", "make "});
  // Too many strings: the beginnings within the limit.
  l = regex_literals("(?i:(ab|bc|cd)(de|ef|fg)(gh|hi|ij)x)", 9);
  REQUIRE(l);
  CHECK(!l->exact);
  CHECK(l->strings.size() == 9);
  CHECK(l->strings.front() == "abde");
  // Nothing listable: a beginning too short, white space first, syntax
  // the reader does not model.
  CHECK(!regex_literals("(?i:a\\w+)"));
  CHECK(!regex_literals("(?i:\\s+abc)"));
  CHECK(!regex_literals("(?i:\\d{4}expo)"));
  CHECK(!regex_literals("(?i:\\bcity)"));
  // Counted repetition: copies and optional copies; too many strings: loose.
  l = regex_literals("(?i:ab(c|d){1,2}(e ){0,}x)");
  REQUIRE(l);
  CHECK(!l->exact);  // (e ){0,} is unbounded
  CHECK(l->strings == S{"abc", "abcc", "abcd", "abd", "abdc", "abdd"});
  l = regex_literals("(?i:ab(c|d){2}x{0,1})");
  REQUIRE(l);
  CHECK(l->exact);
  CHECK(l->strings == S{"abcc", "abccx", "abcd", "abcdx", "abdc", "abdcx", "abdd", "abddx"});
  l = regex_literals("(?i:expo\\s+\\d{4})");
  REQUIRE(l);
  CHECK(!l->exact);
  CHECK(l->strings == S{"expo "});
  CHECK(!regex_literals("(?i:abc{9})"));   // more than 8 copies: not modelled
  CHECK(!regex_literals("(?i:abc{x})"));   // RE2 reads a literal brace: so does RE2 alone
  CHECK(!regex_literals("(?i:abc{2}*)"));  // a second operator
  // RE2 rejects a second repetition operator: so does the reader.
  CHECK(!regex_literals("(?i:abc**)"));
}

TEST_CASE("squeeze_white_space: one space a run, offsets back, flags", "[regex_literals]") {
  SqueezedText q;
  squeeze_white_space("ab \n\t cd  e", false, q);
  CHECK(q.text == "ab cd e");
  std::vector<uint32_t> back;
  for (uint32_t k = 0; k <= q.text.size(); ++k) back.push_back(q.to_folded(k));
  CHECK(back == std::vector<uint32_t>{0, 1, 2, 6, 7, 8, 10, 11});
  CHECK(!q.odd);
  CHECK(!q.hyphens);
  squeeze_white_space("co-operation", false, q);
  CHECK(q.text == "co-operation");
  CHECK(q.hyphens);
  squeeze_white_space("sister - \xE2\x80\x90" "city", true, q);
  CHECK(q.text == "sister city");
  CHECK(q.to_folded(7) == 12);
  // Not folded: capitals, KELVIN SIGN, long s, ZWNJ.
  for (const std::string s : {"City", "\xE2\x84\xAA", "\xC5\xBF", "a\xE2\x80\x8C" "b"}) {
    squeeze_white_space(s, false, q);
    CHECK(q.odd);
  }
}

// What squeeze_white_space must give, byte by byte (it copies blocks of 16
// plain bytes at once: runs and flags across block edges must not change).
static void plain_squeeze(const std::string& s, bool glue, std::string& text,
                          std::vector<uint32_t>& back, bool& odd, bool& hyphens) {
  text.clear(), back.clear(), odd = hyphens = false;
  const auto wide = [&](size_t i) {
    return s.compare(i, 3, "\xE2\x80\x90") == 0 || s.compare(i, 3, "\xE2\x80\x91") == 0;
  };
  const auto gap = [&](size_t i) {
    return std::string_view(" \t\n\r\f").find(s[i]) != std::string_view::npos ||
           (glue && (s[i] == '-' || wide(i)));
  };
  for (size_t i = 0; i < s.size();) {
    odd |= (s[i] >= 'A' && s[i] <= 'Z') || s.compare(i, 3, "\xE2\x80\x8C") == 0;
    hyphens |= s[i] == '-' || wide(i);
    if (!gap(i)) {
      back.push_back(static_cast<uint32_t>(i)), text += s[i++];
      continue;
    }
    back.push_back(static_cast<uint32_t>(i)), text += ' ';
    while (i < s.size() && gap(i)) {
      hyphens |= s[i] == '-' || wide(i);
      i += (glue && wide(i)) ? 3 : 1;
    }
  }
  back.push_back(static_cast<uint32_t>(s.size()));
}

TEST_CASE("squeeze_white_space: the same as byte by byte on random texts", "[regex_literals]") {
  const std::vector<std::string> pieces = {"a", "b", "\xD8\xB4", " ", " ", "  ", "\n", "\t",
                                           "-", "\xE2\x80\x90", "C", "\xE2\x80\x8C", "\r\n"};
  uint32_t seed = 12345;
  const auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
  SqueezedText q;
  std::string want;
  std::vector<uint32_t> back, got;
  bool odd = false, hyphens = false;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t len = next() % 80;
    // Mostly letters, as in real text, so that plain blocks occur.
    while (s.size() < len) s += next() % 3 ? "ab"[next() % 2] + std::string() : pieces[next() % pieces.size()];
    for (const bool glue : {false, true}) {
      squeeze_white_space(s, glue, q);
      plain_squeeze(s, glue, want, back, odd, hyphens);
      got.clear();
      for (uint32_t k = 0; k <= q.text.size(); ++k) got.push_back(q.to_folded(k));
      INFO(s);
      REQUIRE(q.text == want);
      REQUIRE(got == back);
      REQUIRE(q.odd == odd);
      if (!glue) REQUIRE(q.hyphens == hyphens);  // the Matcher reads it there only
    }
  }
}

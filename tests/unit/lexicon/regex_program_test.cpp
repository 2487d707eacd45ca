// The windows' small regex matcher against RE2 itself: hand-picked cases, then
// every shipped regex form on random texts made of its own characters, upper
// case, white space, ZWNJ, U+212A and U+017F.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <random>
#include <string>

#include "lexicon/lexicon.h"
#include "lexicon/regex_program.h"

using namespace dipmine::lexicon;

namespace {

// "b:e" of RE2's leftmost-longest match in text, or "-".
std::string by_re2(const std::string& pattern, const std::string& text) {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  const RE2 re(pattern, o);
  re2::StringPiece m;
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) return "-";
  const size_t b = static_cast<size_t>(m.data() - text.data());
  return std::to_string(b) + ":" + std::to_string(b + m.size());
}

std::string by_program(const RegexProgram& p, const std::string& text) {
  size_t b = 0, e = 0;
  if (!p.find(text, 0, text.size(), text.size(), b, e)) return "-";
  return std::to_string(b) + ":" + std::to_string(e);
}

RegexProgram compiled(const std::string& pattern) {
  const auto tree = parse_regex(pattern);
  REQUIRE(tree);
  auto p = RegexProgram::compile(*tree);
  REQUIRE(p);
  return *p;
}

}  // namespace

TEST_CASE("regex program: leftmost, then longest, as RE2", "[regex_program]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"(?i:sister[- ]+(cit(y|ies)|links?))", "a Sister - Cities and sister links"},
      {"(?i:(nuclear\\s+)?disarmament)", "nuclear  disarmament, DISARMAMENT"},
      {"(?i:touris(m|ts?))", "tourist tourists"},
      {"(?i:صلح\\s*(پایدار|جهانی)(ها)?)", "برای صلح پایدارها و صلح\nجهانی"},
      {"(?i:حل\\s*(و\\s*فصل\\s*)?(منازعه|منازعات))", "حل و فصل منازعات"},
      {"(?i:持続可能な(都市)?開発)", "持続可能な都市開発と持続可能な開発"},
      {"(?i:kyoto)", "\xE2\x84\xAAYOTO"},  // KELVIN SIGN K, as RE2 folds it
      {"(?i:mous?)", "MO\xC5\xBF"},        // LONG S
      {"(?i:a+b)", "aaab"},
      {"(?i:ab|abc)", "abcd"},
      {"(?i:x*)", "yy"},  // empty match at 0
  };
  for (const auto& [pattern, text] : cases) {
    INFO(pattern << " on " << text);
    CHECK(by_program(compiled(pattern), text) == by_re2(pattern, text));
  }
  // Starts limited to [from, last_start], ends to `to`.
  const RegexProgram p = compiled("(?i:ab+)");
  size_t b = 0, e = 0;
  CHECK(!p.find("xabbb", 2, 4, 5, b, e));
  CHECK(p.find("xabbb", 0, 1, 3, b, e));
  CHECK((b == 1 && e == 3));
}

TEST_CASE("regex program: syntax it cannot list exactly is left to RE2", "[regex_program]") {
  for (const char* p : {"(?i:a.c)", "\\w+", "[^a]b", "(?i:é)", "\\S"}) {
    INFO(p);
    const auto tree = parse_regex(p);
    REQUIRE(tree);
    CHECK(!RegexProgram::compile(*tree));
  }
}

TEST_CASE("regex program: every shipped regex form on random texts, as RE2",
          "[regex_program][reference]") {
  const Lexicon lex = load_lexicon(DIPMINE_SOURCE_DIR "/lexicons");
  std::mt19937 rng(11);
  size_t programs = 0, matches = 0;
  for (const Form& f : lex.forms) {
    const auto tree = parse_regex(f.pattern);
    const auto program = tree ? RegexProgram::compile(*tree) : std::nullopt;
    if (!program) continue;
    ++programs;
    // The form's own characters (whole UTF-8 sequences), and some others.
    std::vector<std::string> alphabet = {" ", "  ", "\n", "\t", "\xE2\x80\x8C", "\xE2\x84\xAA",
                                         "\xC5\xBF", "-", "x", "Q", "ی", "ها"};
    for (size_t i = 0; i < f.form.size();) {
      size_t n = 1;
      while (i + n < f.form.size() && (static_cast<unsigned char>(f.form[i + n]) & 0xC0) == 0x80) ++n;
      const std::string ch = f.form.substr(i, n);
      alphabet.push_back(ch);
      if (n == 1 && std::isalpha(static_cast<unsigned char>(ch[0]))) {
        alphabet.push_back(std::string(1, static_cast<char>(ch[0] ^ 0x20)));
      }
      i += n;
    }
    for (int t = 0; t < 60; ++t) {
      std::string text;
      const size_t len = rng() % 40;
      // Half the texts are the form's own characters in order, some changed:
      // those match more often than random ones.
      if (t % 2 == 0) {
        for (size_t i = 12; i < alphabet.size(); ++i) {
          text += rng() % 8 == 0 ? alphabet[rng() % alphabet.size()] : alphabet[i];
        }
      }
      for (size_t i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
      const std::string want = by_re2(f.pattern, text);
      matches += want != "-";
      if (by_program(*program, text) != want) {
        INFO(f.pattern << " on \"" << text << "\"");
        CHECK(by_program(*program, text) == want);
      }
    }
  }
  CHECK(programs > 200);
  CHECK(matches > 500);
}

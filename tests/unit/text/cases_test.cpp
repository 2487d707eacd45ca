// The table of normalisation cases in tests/data/normalize/cases.tsv: every row
// is an input and the exact clean / fold / fold_for_prefix output expected.
#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

#include "common/lines.h"
#include "test_util.h"
#include "text/normalizer.h"

using namespace dipmine::text;

namespace {

struct Case {
  int line;
  Lang lang;
  std::string level, input, expected, note;
};

std::vector<Case> load_cases() {
  std::vector<Case> out;
  std::istringstream in(text_test::data("normalize/cases.tsv"));
  std::string row;
  for (int line = 1; std::getline(in, row); ++line) {
    if (row.empty() || row[0] == '#') continue;
    const std::vector<std::string> f = dipmine::split_tabs(row);
    if (f.size() < 4) FAIL("cases.tsv:" << line << ": fewer than 4 fields");
    out.push_back({line, *parse_lang(f[0]), f[1], text_test::unescape(f[2]),
                   text_test::unescape(f[3]), f.size() > 4 ? f[4] : ""});
  }
  return out;
}

}  // namespace

TEST_CASE("normalisation cases table", "[cases]") {
  const std::vector<Case> cases = load_cases();
  REQUIRE(cases.size() >= 150);
  int per_lang[4] = {0, 0, 0, 0};
  for (const Case& c : cases) {
    ++per_lang[static_cast<int>(c.lang)];
    const Normalizer& n = normalizer_for(c.lang);
    const MappedText got = c.level == "clean"  ? n.clean(c.input)
                           : c.level == "fold" ? n.fold(c.input)
                                               : n.fold_for_prefix(c.input);
    INFO("cases.tsv:" << c.line << " [" << lang_name(c.lang) << " " << c.level << "] " << c.note);
    INFO("input:    " << text_test::visible(c.input));
    INFO("got:      " << text_test::visible(got.text));
    INFO("expected: " << text_test::visible(c.expected));
    CHECK(got.text == c.expected);
    CHECK(text_test::map_valid(got, c.input.size()));
  }
  CHECK(per_lang[static_cast<int>(Lang::fa)] >= 50);
  CHECK(per_lang[static_cast<int>(Lang::en)] >= 30);
  CHECK(per_lang[static_cast<int>(Lang::ja)] >= 15);
}

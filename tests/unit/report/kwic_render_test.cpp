// Rendering keyword-in-context lines (analysis/kwic.h render_kwic, which
// measures columns with report/text_width): the
// keyword column lines up, a hit inside a word stays joined to it, and a
// Persian line is wrapped in bidi isolates for a terminal only.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analysis/kwic.h"

using dipmine::analysis::KwicLine;
using dipmine::analysis::render_kwic;

namespace {
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("kwic lines: isolates for a terminal, none for a file") {
  const std::vector<KwicLine> lines = {{1, 2, "fa", "همکاری‌های بین‌", "المللی", " شهرها"},
                                       {1, 3, "en", "national ", "diplomacy", ", its"}};
  const std::string terminal = render_kwic(lines, 20, true);
  CHECK(has(terminal, "\u2067"));
  CHECK(has(terminal, "بین‌\u2068[المللی]\u2069  شهرها\u2069"));
  const std::string file = render_kwic(lines, 20, false);
  CHECK_FALSE(has(file, "\u2067"));
  CHECK_FALSE(has(file, "\u2068"));
  CHECK(has(file, "بین‌[المللی]  شهرها"));
  CHECK(has(file, "national  [diplomacy], its"));
  // The keyword's column: `[` after 20 columns of left context and the
  // separator.
  const std::string en_line = file.substr(file.find('\n') + 1);
  CHECK(en_line.find("[diplomacy]") == std::string("1:3      ").size() + 20 + 1);
}

// The matcher's prefilter clauses and its RE2-free literal check.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lexicon/form_filter.h"

using namespace dipmine::lexicon;
using dipmine::text::Lang;

namespace {
Form regex_form(const std::string& re) {
  Form f;
  f.lang = Lang::en;
  f.form = re;
  f.regex = true;
  f.pattern = "(?i:" + re + ")";
  return f;
}

// Each clause as its atoms, sorted, for comparison.
std::vector<std::vector<std::string>> clauses(const FormFilter& ff) {
  std::vector<std::vector<std::string>> out;
  for (const auto& c : ff.clauses) {
    std::vector<std::string> atoms;
    for (auto k : c) atoms.push_back(ff.atoms[k]);
    std::sort(atoms.begin(), atoms.end());
    out.push_back(atoms);
  }
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST_CASE("form filter: required atoms and alternation clauses", "[form_filter]") {
  using C = std::vector<std::vector<std::string>>;
  CHECK(clauses(FormFilter(regex_form("foreign trade"))) == C{{"foreign trade"}});
  CHECK(clauses(FormFilter(regex_form("(cultural|urban)\\s+(exchange|heritage)"))) ==
        C{{"cultural", "urban"}, {"exchange", "heritage"}});
  // Nothing of 3 bytes is required: no clause, the form runs everywhere.
  CHECK(FormFilter(regex_form("un|ab")).clauses.empty());
}

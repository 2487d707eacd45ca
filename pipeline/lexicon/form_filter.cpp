#include "lexicon/form_filter.h"

#include <fmt/format.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include "common/error.h"

namespace dipmine::lexicon {

FormFilter::FormFilter(const Form& f) {
  re2::FilteredRE2 filter(kMinAtomBytes);
  RE2::Options o;
  o.set_log_errors(false);
  int id = 0;
  if (filter.Add(f.pattern, o, &id) != RE2::NoError) {
    const RE2 probe(f.pattern, o);
    throw Error(fmt::format("forms.tsv:{}: RE2 cannot compile \"{}\": {}", f.line, f.form,
                            probe.error()));
  }
  filter.Compile(&atoms);
  if (atoms.size() > 64) atoms.resize(64);  // never seen; keeps the probing cheap
  const size_t n = atoms.size();
  // passes(absent): does the filter pass with every atom but those in `absent`?
  std::vector<int> present, out;
  const auto passes = [&](const std::vector<bool>& absent) {
    present.clear();
    for (size_t j = 0; j < n; ++j) {
      if (!absent[j]) present.push_back(static_cast<int>(j));
    }
    out.clear();
    filter.AllPotentials(present, &out);
    return !out.empty();
  };
  std::vector<bool> covered(n, false);
  for (size_t i = 0; i < n; ++i) {
    std::vector<bool> absent(n, false);
    absent[i] = true;
    if (!passes(absent)) {
      clauses.push_back({static_cast<uint16_t>(i)});
      covered[i] = true;
    }
  }
  // Other clauses: the filter fails without all the uncovered atoms; drop
  // from that set every atom it still fails without: a minimal clause.
  // Repeat over the atoms no clause holds yet.
  while (true) {
    std::vector<bool> absent(n, false);
    bool any = false;
    for (size_t j = 0; j < n; ++j) any |= absent[j] = !covered[j];
    if (!any || passes(absent)) break;
    for (size_t j = 0; j < n; ++j) {
      if (!absent[j]) continue;
      absent[j] = false;
      if (passes(absent)) absent[j] = true;
    }
    std::vector<uint16_t> clause;
    for (size_t j = 0; j < n; ++j) {
      if (absent[j]) {
        clause.push_back(static_cast<uint16_t>(j));
        covered[j] = true;
      }
    }
    clauses.push_back(std::move(clause));
  }
}

}  // namespace dipmine::lexicon

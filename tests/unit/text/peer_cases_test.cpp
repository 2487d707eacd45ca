// Other projects' normaliser test cases (tests/data/normalize/peer_cases.tsv,
// sources in SOURCES.md): dipmine's fa fold must give both sides of each pair
// the same words (the keys search and the matcher see; spaces and
// punctuation between them are not compared). The figures for the tuning
// and held-out rows are printed apart, with the stricter count of pairs
// whose whole folded text is equal; the rows dipmine does not equate are
// listed below, each with why.
#include <catch2/catch.hpp>

#include <iostream>
#include <set>
#include <sstream>
#include <vector>

#include "common/lines.h"
#include "test_util.h"
#include "text/normalizer.h"
#include "text/segmenter.h"

using namespace dipmine::text;

namespace {

struct PeerCase {
  int line;
  std::string split, source, test, input, expected;
};

std::vector<PeerCase> load() {
  std::vector<PeerCase> out;
  std::istringstream in(text_test::data("normalize/peer_cases.tsv"));
  std::string row;
  for (int line = 1; std::getline(in, row); ++line) {
    if (row.empty() || row[0] == '#') continue;
    const std::vector<std::string> f = dipmine::split_tabs(row);
    if (f.size() != 5) FAIL("peer_cases.tsv:" << line << ": not 5 fields");
    out.push_back({line, f[0], f[1], f[2], text_test::unescape(f[3]), text_test::unescape(f[4])});
  }
  return out;
}

// Rows dipmine's fold keeps apart on purpose or by a known gap (by line).
const std::set<int>& known_gaps() {
  static const std::set<int> gaps = {
      26,      // hazm deletes the eulogy ﷺ; NFKC spells it out, and dipmine keeps words
      30, 31,  // hazm marks both xfail itself: سلامم is "my greeting" or an emphatic سلام
      38, 61,  // ﷽ has no NFKC decomposition; dipmine leaves it one symbol
      63, 67, 68,  // عىل إىل األوىل: the lam-yeh ligature read backwards (ىل); not repaired,
                   // since Persian written with ى for ی has ىل in دلىل, تحلىل
      64, 65,  // االنكامش, وأوالين: also lam-meem (ام) and noon-yeh (ين) read backwards
  };
  return gaps;
}

std::vector<std::string> folded_words(const std::string& s) {
  const std::string f = normalizer_for(Lang::fa).fold(s).text;
  std::vector<std::string> out;
  for (const Span& w : words(f, Lang::fa)) out.push_back(f.substr(w.begin, w.end - w.begin));
  return out;
}

}  // namespace

TEST_CASE("peer normaliser cases fold alike", "[cases][peer]") {
  const Normalizer& fa = normalizer_for(Lang::fa);
  const std::vector<PeerCase> cases = load();
  REQUIRE(cases.size() >= 60);
  int total[2] = {0, 0}, equal[2] = {0, 0}, same_text[2] = {0, 0};
  for (const PeerCase& c : cases) {
    const int k = c.split == "heldout" ? 1 : 0;
    const std::string a = fa.fold(c.input).text, b = fa.fold(c.expected).text;
    const bool same = folded_words(c.input) == folded_words(c.expected);
    ++total[k];
    equal[k] += same;
    same_text[k] += a == b;
    INFO("peer_cases.tsv:" << c.line << " " << c.source << " " << c.test);
    INFO("input:    " << text_test::visible(c.input) << " -> " << text_test::visible(a));
    INFO("expected: " << text_test::visible(c.expected) << " -> " << text_test::visible(b));
    if (known_gaps().count(c.line)) {
      CHECK(!same);  // a gap closed: take it off the list
    } else {
      CHECK(same);
    }
  }
  std::cout << "peer cases with the same folded words: tune " << equal[0] << "/" << total[0]
            << ", held-out " << equal[1] << "/" << total[1] << " (the same folded text: tune "
            << same_text[0] << ", held-out " << same_text[1] << ")\n";
}

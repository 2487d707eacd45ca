// Counting and normalisation against hand-worked examples.
#include <catch2/catch.hpp>

#include "analysis/cooccurrence.h"
#include "common/error.h"

using namespace dipmine::analysis;
using Catch::Matchers::Contains;

namespace {

// Three units over nodes A=0, B=1, C=2:
//   u1: A x2, B x1   u2: A x1, C x1   u3: A x1, B x3, C x1
const UnitCounts u1 = {{0, 2}, {1, 1}}, u2 = {{0, 1}, {2, 1}}, u3 = {{0, 1}, {1, 3}, {2, 1}};
const std::vector<const UnitCounts*> units = {&u1, &u2, &u3};

double weight(const CooccurrenceMatrix& m, int i, int j) {
  for (const Link& l : m.links()) {
    if (l.i == i && l.j == j) return l.weight;
  }
  return 0;
}

}  // namespace

TEST_CASE("binary counting counts units", "[map][cooccurrence]") {
  const auto m = count_cooccurrences(3, units, Counting::binary);
  CHECK(m.occurrences() == std::vector<double>{3, 2, 2});
  REQUIRE(m.links().size() == 3);
  CHECK(weight(m, 0, 1) == 2);  // u1, u3
  CHECK(weight(m, 0, 2) == 2);  // u2, u3
  CHECK(weight(m, 1, 2) == 1);  // u3
  CHECK(m.total_link_strength() == std::vector<double>{4, 3, 3});
}

TEST_CASE("full counting multiplies the counts within a unit", "[map][cooccurrence]") {
  const auto m = count_cooccurrences(3, units, Counting::full);
  CHECK(m.occurrences() == std::vector<double>{4, 4, 2});
  CHECK(weight(m, 0, 1) == 5);  // 2*1 + 1*3
  CHECK(weight(m, 0, 2) == 2);  // 1*1 + 1*1
  CHECK(weight(m, 1, 2) == 3);  // 3*1
}

TEST_CASE("association strength, fractional and none by hand", "[map][cooccurrence]") {
  const auto m = count_cooccurrences(3, units, Counting::binary);
  // s = (4, 3, 3), 2m = 10, links (0,1) (0,2) (1,2)
  const auto as = normalize(m, Normalization::association_strength);
  CHECK(as[0] == Approx(2.0 * 10 / (4 * 3)));
  CHECK(as[1] == Approx(2.0 * 10 / (4 * 3)));
  CHECK(as[2] == Approx(1.0 * 10 / (3 * 3)));
  const auto fr = normalize(m, Normalization::fractional);  // a (n/si + n/sj) / 2, n = 3
  CHECK(fr[0] == Approx(2 * (3.0 / 4 + 3.0 / 3) / 2));
  CHECK(fr[2] == Approx(1 * (3.0 / 3 + 3.0 / 3) / 2));
  CHECK(normalize(m, Normalization::none) == std::vector<double>{2, 2, 1});
}

TEST_CASE("the sparse accumulator agrees with the dense one", "[map][cooccurrence]") {
  const UnitCounts a = {{0, 1}, {4999, 2}}, b = {{1, 1}, {4999, 1}}, c = {{0, 1}, {1, 1}};
  const auto m = count_cooccurrences(5000, {&a, &b, &c}, Counting::full);
  REQUIRE(m.links().size() == 3);
  CHECK((m.links()[0].i == 0 && m.links()[0].j == 1 && m.links()[0].weight == 1));
  CHECK((m.links()[1].i == 0 && m.links()[1].j == 4999 && m.links()[1].weight == 2));
  CHECK((m.links()[2].i == 1 && m.links()[2].j == 4999 && m.links()[2].weight == 1));
}

TEST_CASE("bad node indices and option names are errors", "[map][cooccurrence]") {
  const UnitCounts bad = {{0, 1}, {7, 1}};
  CHECK_THROWS_WITH(count_cooccurrences(3, {&bad}, Counting::binary), Contains("node index 7 outside 0..3"));
  CHECK_THROWS_AS(parse_counting("fractional"), dipmine::UsageError);
  CHECK_THROWS_WITH(parse_counting("x"), Contains("--counting: 'x'"));
  CHECK_THROWS_WITH(parse_normalization("cosine"), Contains("--normalization: 'cosine'"));
  CHECK(parse_normalization("association") == Normalization::association_strength);
  CHECK(parse_counting("full") == Counting::full);
}

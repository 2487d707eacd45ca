// The layout at the sizes real keyword maps reach: the Barnes-Hut repulsion
// against the exact sums, and the quality of a large layout on a network with
// planted clusters (linked nodes close, the VOS objective near the exact one).
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "analysis/layout.h"
#include "analysis/repulsion.h"

using namespace dipmine::analysis;

namespace {

// `groups` clusters of `size` nodes: each pair inside a cluster linked with
// probability p_in, each pair across with p_out; strength 1 per link.
void planted(int groups, int size, double p_in, double p_out, uint64_t seed, std::vector<Link>& links,
             std::vector<double>& s) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  const int n = groups * size;
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if (u(rng) < (i / size == j / size ? p_in : p_out)) links.push_back({i, j, 1}), s.push_back(1);
    }
  }
}

double mean_linked_distance(const std::vector<Point>& xy, const std::vector<Link>& links) {
  double sum = 0;
  for (const Link& l : links) {
    sum += std::hypot(xy[l.i].x - xy[l.j].x, xy[l.i].y - xy[l.j].y);
  }
  return sum / static_cast<double>(links.size());
}

double mean_distance(const std::vector<Point>& xy) {
  double sum = 0;
  size_t pairs = 0;
  for (size_t i = 0; i < xy.size(); ++i) {
    for (size_t j = i + 1; j < xy.size(); ++j) sum += std::hypot(xy[i].x - xy[j].x, xy[i].y - xy[j].y), ++pairs;
  }
  return sum / static_cast<double>(pairs);
}

}  // namespace

TEST_CASE("Barnes-Hut repulsion is close to the exact sums", "[map][layout]") {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> g(0, 1);
  std::vector<double> x(3000), y(3000);
  for (size_t i = 0; i < x.size(); ++i) {
    const double c = static_cast<double>(i % 7);  // seven blobs of different spread
    x[i] = 4 * std::cos(c) + g(rng) * (0.2 + 0.1 * c), y[i] = 4 * std::sin(c) + g(rng) * (0.2 + 0.1 * c);
  }
  x[1] = x[0], y[1] = y[0];  // coincident points add nothing to each other
  RepulsionField field;
  std::vector<double> ex, ey, ed, ax, ay, ad;
  field.compute(x, y, 0, ex, ey, ed);
  field.compute(x, y, 0.7, ax, ay, ad);
  double worst_angle = 0, worst_length = 0, worst_dist = 0;
  for (size_t k = 0; k < x.size(); ++k) {
    const double le = std::hypot(ex[k], ey[k]), la = std::hypot(ax[k], ay[k]);
    const double cosine = (ex[k] * ax[k] + ey[k] * ay[k]) / (le * la);
    worst_angle = std::max(worst_angle, std::acos(std::min(1.0, cosine)) * 180 / M_PI);
    worst_length = std::max(worst_length, std::abs(la - le) / le);
    worst_dist = std::max(worst_dist, std::abs(ad[k] - ed[k]) / ed[k]);
  }
  INFO("worst angle " << worst_angle << " deg, length " << worst_length << ", distance sum " << worst_dist);
  CHECK(worst_angle < 3);
  CHECK(worst_length < 0.03);
  CHECK(worst_dist < 0.03);  // the centroid's distance underestimates a far cell's sum a little
  // The same points in the same order give the same sums.
  std::vector<double> bx, by, bd;
  field.compute(x, y, 0.7, bx, by, bd);
  CHECK(bx == ax);
  CHECK(bd == ad);
}

TEST_CASE("a large VOS layout keeps planted clusters together", "[map][layout]") {
  std::vector<Link> links;
  std::vector<double> s;
  planted(12, 70, 0.12, 0.002, 11, links, s);  // 840 nodes: above exact_up_to, so Barnes-Hut
  const size_t n = 840;
  LayoutOptions opt;
  opt.seed = 4;
  opt.starts = 1;
  REQUIRE(n > opt.exact_up_to);
  const auto tree = layout_map(n, links, s, opt);
  const double linked = mean_linked_distance(tree, links), overall = mean_distance(tree);
  INFO("linked " << linked << ", all pairs " << overall);
  CHECK(overall == Approx(1.0).epsilon(1e-9));  // standardised
  CHECK(linked < 0.35 * overall);
  // Most nodes sit closer to their own cluster's centroid than to any other's
  // (a node with several links across sits between), as in the exact layout.
  auto at_home = [&](const std::vector<Point>& xy) {
    std::vector<Point> centre(12);
    for (size_t i = 0; i < n; ++i) centre[i / 70].x += xy[i].x / 70, centre[i / 70].y += xy[i].y / 70;
    size_t home = 0;
    for (size_t i = 0; i < n; ++i) {
      size_t best = 0;
      for (size_t c = 1; c < 12; ++c) {
        if (std::hypot(xy[i].x - centre[c].x, xy[i].y - centre[c].y) <
            std::hypot(xy[i].x - centre[best].x, xy[i].y - centre[best].y)) {
          best = c;
        }
      }
      home += best == i / 70;
    }
    return static_cast<double>(home) / static_cast<double>(n);
  };
  opt.exact_up_to = n;  // VOSviewer's exact descent from [-1, 1]^2
  const auto exact = layout_map(n, links, s, opt);
  INFO("at home: tree " << at_home(tree) << ", exact " << at_home(exact));
  CHECK(at_home(tree) > 0.85);
  CHECK(at_home(tree) > at_home(exact) - 0.03);
  // The VOS objective is as good as the exact descent's (within 1%).
  const double v_tree = vos_quality(tree, links, s, 2, 1, 0), v_exact = vos_quality(exact, links, s, 2, 1, 0);
  INFO("V tree " << v_tree << ", V exact " << v_exact);
  CHECK(v_tree <= v_exact + 0.01 * std::abs(v_exact));
}

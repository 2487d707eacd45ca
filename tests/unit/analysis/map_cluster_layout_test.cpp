// Leiden clustering and the VOS / FR layouts on small known networks.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "analysis/clustering.h"
#include "analysis/layout.h"
#include "common/error.h"

using namespace dipmine::analysis;
using Catch::Matchers::Contains;

namespace {

// Cliques {0..a-1}, {a..a+b-1}, ... with strength 5 inside and `bridge`
// between the first nodes of consecutive cliques.
void cliques(const std::vector<int>& sizes, double bridge, std::vector<Link>& links, std::vector<double>& s) {
  int first = 0;
  for (size_t c = 0; c < sizes.size(); ++c) {
    for (int i = first; i < first + sizes[c]; ++i) {
      for (int j = i + 1; j < first + sizes[c]; ++j) links.push_back({i, j, 5}), s.push_back(5);
    }
    if (c + 1 < sizes.size()) links.push_back({first, first + sizes[c], 1}), s.push_back(bridge);
    first += sizes[c];
  }
}

double distance(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

TEST_CASE("Leiden finds two cliques and numbers clusters by size", "[map][cluster]") {
  std::vector<Link> links;
  std::vector<double> s;
  cliques({3, 5}, 0.1, links, s);
  ClusterOptions opt;
  opt.seed = 3;
  const auto c = cluster_leiden(8, links, s, opt);
  CHECK(c == std::vector<int>{2, 2, 2, 1, 1, 1, 1, 1});
  CHECK(cluster_leiden(8, links, s, opt) == c);  // same seed, same answer
}

TEST_CASE("small clusters merge into their strongest neighbour", "[map][cluster]") {
  std::vector<Link> links;
  std::vector<double> s;
  cliques({4, 4, 2}, 0.2, links, s);  // the pair {8, 9} hangs off the second clique
  ClusterOptions opt;
  const auto plain = cluster_leiden(10, links, s, opt);
  CHECK(plain[8] == 3);
  opt.min_cluster_size = 3;
  const auto merged = cluster_leiden(10, links, s, opt);
  CHECK(merged[8] == merged[4]);
  CHECK(merged[9] == merged[4]);
  CHECK(merged[0] != merged[4]);
}

TEST_CASE("clustering rejects bad parameters", "[map][cluster]") {
  ClusterOptions opt;
  opt.resolution = 0;
  CHECK_THROWS_WITH(cluster_leiden(2, {}, {}, opt), Contains("--resolution: must be > 0"));
  opt.resolution = 1;
  opt.min_cluster_size = 0;
  CHECK_THROWS_WITH(cluster_leiden(2, {}, {}, opt), Contains("--min-cluster-size: must be >= 1"));
  CHECK(cluster_leiden(0, {}, {}, ClusterOptions{}).empty());
}

TEST_CASE("VOS layout keeps cliques together, standardised and deterministic", "[map][layout]") {
  std::vector<Link> links;
  std::vector<double> s;
  cliques({5, 5}, 0.05, links, s);
  LayoutOptions opt;
  opt.seed = 9;
  const auto xy = layout_map(10, links, s, opt);
  double inside = 0, across = 0;
  for (int i = 0; i < 5; ++i) {
    for (int j = i + 1; j < 5; ++j) inside += distance(xy[i], xy[j]) + distance(xy[i + 5], xy[j + 5]);
    for (int j = 5; j < 10; ++j) across += distance(xy[i], xy[j]);
  }
  CHECK(inside / 20 < 0.5 * (across / 25));
  double cx = 0, cy = 0, total = 0;
  for (const auto& p : xy) cx += p.x, cy += p.y;
  for (size_t i = 0; i < xy.size(); ++i) {
    for (size_t j = i + 1; j < xy.size(); ++j) total += distance(xy[i], xy[j]);
  }
  CHECK(std::abs(cx) < 1e-9);
  CHECK(std::abs(cy) < 1e-9);
  CHECK(total / 45 == Approx(1.0));
  const auto again = layout_map(10, links, s, opt);
  for (size_t i = 0; i < xy.size(); ++i) CHECK((xy[i].x == again[i].x && xy[i].y == again[i].y));
  opt.threads = 1;  // the thread count must not change the answer
  const auto single = layout_map(10, links, s, opt);
  for (size_t i = 0; i < xy.size(); ++i) CHECK((xy[i].x == single[i].x && xy[i].y == single[i].y));
}

TEST_CASE("VOS layout keeps unconnected nodes in view", "[map][layout]") {
  const std::vector<Link> links = {{0, 1, 1}, {2, 3, 1}};
  const std::vector<double> s = {1, 1};
  const auto xy = layout_map(5, links, s, LayoutOptions{});  // node 4 has no link at all
  for (const auto& p : xy) {
    CHECK(std::isfinite(p.x));
    CHECK(std::abs(p.x) < 5);
    CHECK(std::abs(p.y) < 5);
  }
  CHECK(distance(xy[0], xy[1]) < distance(xy[0], xy[2]));
}

TEST_CASE("Fruchterman-Reingold layout is seeded", "[map][layout]") {
  std::vector<Link> links;
  std::vector<double> s;
  cliques({4, 4}, 0.5, links, s);
  LayoutOptions opt;
  opt.method = LayoutMethod::fr;
  opt.seed = 5;
  const auto a = layout_map(8, links, s, opt), b = layout_map(8, links, s, opt);
  for (size_t i = 0; i < a.size(); ++i) CHECK((a[i].x == b[i].x && a[i].y == b[i].y));
  CHECK(parse_layout_method("fr") == LayoutMethod::fr);
  CHECK_THROWS_WITH(parse_layout_method("kk"), Contains("--layout: 'kk' is not vos or fr"));
}

TEST_CASE("layout rejects bad parameters", "[map][layout]") {
  LayoutOptions opt;
  opt.starts = 0;
  CHECK_THROWS_WITH(layout_map(3, {}, {}, opt), Contains("--layout-starts: must be >= 1"));
  opt.starts = 1;
  opt.attraction = 1;
  CHECK_THROWS_WITH(layout_map(3, {}, {}, opt), Contains("need attraction > repulsion"));
  opt.attraction = 2;
  CHECK_THROWS_WITH(layout_map(2, {{0, 1, 1}}, {0.0}, opt), Contains("not positive"));
  CHECK(layout_map(1, {}, {}, LayoutOptions{}).size() == 1);
}

TEST_CASE("Leiden reports each start, and large networks get fewer starts", "[map][cluster]") {
  std::vector<Link> links;
  std::vector<double> s;
  cliques({4, 4}, 0.2, links, s);
  ClusterOptions opt;
  std::vector<std::string> lines;
  opt.progress = [&](const std::string& line) { lines.push_back(line); };
  cluster_leiden(8, links, s, opt);
  REQUIRE(lines.size() == 10);
  CHECK(lines.back() == "clustering: 8 nodes, 13 links, Leiden start 10 of 10");
  // 2,300 nodes, every other pair linked: 1.3 million links leave 3 starts.
  links.clear(), s.clear(), lines.clear();
  const int n = 2300;
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if ((i + j) % 2 == 0) links.push_back({i, j, 1}), s.push_back(0.5 + (i % 7 == j % 7));
    }
  }
  REQUIRE(links.size() > 1'300'000);
  opt.starts = 10;
  cluster_leiden(static_cast<size_t>(n), links, s, opt);
  CHECK(lines.size() == 5'000'000 / (links.size() + n));
}

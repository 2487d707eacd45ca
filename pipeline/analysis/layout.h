// Map layout: node coordinates such that strongly related nodes sit close.
//
//   LayoutOptions opt;  opt.seed = 42;
//   std::vector<Point> xy = layout_map(n_nodes, links, strengths, opt);
//
// VOS mapping (the default): minimise
//   V = sum_{i<j} s_ij d_ij^a / a  -  sum_{i<j} d_ij^r / r
// (attraction a = 2, repulsion r = 1; s_ij the normalised strengths) by
// VOSviewer's gradient descent: nodes move one at a time in a random order by a
// step that shrinks (x0.75) when V stops improving and grows after 5
// improvements, from 1 down to 0.001 or 1,000 iterations. A network of
// several components is laid out one component at a time: the largest in
// the middle, the others scaled by sqrt(size / largest) on a ring around it
// (VOSviewer instead adds a weak pull between all pairs, which squeezes the
// main component into a dot when a few nodes are unconnected). `starts` random starts (uniform
// in [-1,1]^2 from a generator seeded with seed+start) run on `threads`
// threads; the lowest V wins (ties: the lowest start). A connected part of
// more than 2,000 nodes runs at most one start per thread.
// Fruchterman-Reingold (`fr`): igraph's implementation with the strengths as
// weights, igraph's RNG seeded with `seed`.
// Both are standardised like VOSviewer's maps: centred, rotated so the first
// principal axis is horizontal, reflected so each axis has a positive third
// moment, and scaled so the mean distance between nodes is 1.
// What comes out: one point per node; identical inputs give identical output.
// Errors: bad parameters throw dipmine::UsageError; igraph failures
// dipmine::Error. Not thread-safe for `fr` (igraph's global RNG).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/cooccurrence.h"

namespace dipmine::analysis {

enum class LayoutMethod { vos, fr };
// "vos" | "fr"; UsageError "--layout: ..." otherwise.
LayoutMethod parse_layout_method(const std::string& name);

struct LayoutOptions {
  LayoutMethod method = LayoutMethod::vos;
  int attraction = 2, repulsion = 1;  // VOS only; attraction > repulsion >= 1
  int starts = 4;
  int threads = 2;
  int max_iterations = 1000;
  uint64_t seed = 0;
  // Above this many nodes the repulsion comes from a Barnes-Hut tree with
  // this theta (analysis/repulsion.h); theta 0 = always exact.
  size_t exact_up_to = 500;
  double theta = 0.7;
  // Called now and then (at most every 0.5 s) from one thread with a line
  // saying how far the layout is; may be empty.
  std::function<void(const std::string&)> progress;
};

struct Point {
  double x = 0, y = 0;
};

std::vector<Point> layout_map(size_t n_nodes, const std::vector<Link>& links,
                              const std::vector<double>& strengths, const LayoutOptions& opt);

// The VOS objective V of a layout (the quantity the starts compete on).
double vos_quality(const std::vector<Point>& xy, const std::vector<Link>& links,
                   const std::vector<double>& strengths, int attraction, int repulsion,
                   double pair_attraction);

// Centre, rotate, reflect and scale in place, as described above.
void standardize_layout(std::vector<Point>& xy);

}  // namespace dipmine::analysis

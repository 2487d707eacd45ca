// The repulsion term of the VOS layout (r = 1) for every node at once, exact
// or by a Barnes-Hut quadtree; analysis/layout.cpp's gradient descent uses it.
//
//   RepulsionField f;
//   f.compute(x, y, theta, gx, gy, dist);   // theta 0 = exact
//   // gx[k], gy[k]: sum over l != k of (x_k - x_l, y_k - y_l) / d_kl
//   // dist[k]:     sum over l != k of d_kl
//
// Exact (theta = 0): all pairs, O(n^2), SSE2 two pairs at a time. Barnes-Hut
// (theta > 0): the points go into a quadtree (leaves of at most 8 points); a
// cell whose width is below theta times the distance from the node to the
// cell's centroid, and which does not hold the node, counts as its points
// gathered at the centroid: m (p - c) / |p - c| and m |p - c|. Everything else
// is summed exactly. O(n log n) per call; with theta = 0.7 the direction of
// the summed force is within a few degrees of the exact one on the maps in the
// tests. Pairs at distance 0 add nothing. Results depend only on the input
// (fixed traversal and summation order). Not thread-safe per object; one
// object per thread.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dipmine::analysis {

// Adds to (r1, r2) the sum over l < n of (xk - x[l], yk - y[l]) / d and to rq
// the sum of d (pairs at distance 0 add nothing): the exact repulsion on one
// node. SSE2 does two pairs at a time, partial sums added in a fixed order.
void add_repulsion(double xk, double yk, const double* x, const double* y, size_t n, double& r1,
                   double& r2, double& rq);

class RepulsionField {
 public:
  void compute(const std::vector<double>& x, const std::vector<double>& y, double theta,
               std::vector<double>& gx, std::vector<double>& gy, std::vector<double>& dist);

 private:
  struct Cell {
    double x0, y0, width;      // the square the cell covers
    double cx, cy, mass;       // centroid and number of points
    int32_t child[4];          // -1 = none; all -1 = leaf
    uint32_t first, last;      // leaf: points [first, last) in px_/py_
  };
  int32_t build(uint32_t first, uint32_t last, double x0, double y0, double width, int depth);
  void query(double x, double y, double theta, double& gx, double& gy, double& dist) const;

  std::vector<Cell> cells_;
  std::vector<double> px_, py_;  // the points, permuted so every cell's are contiguous
  std::vector<uint32_t> order_;
};

}  // namespace dipmine::analysis

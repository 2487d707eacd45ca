#include "analysis/repulsion.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dipmine::analysis {

void add_repulsion(double xk, double yk, const double* x, const double* y, size_t n, double& r1,
                   double& r2, double& rq) {
  size_t l = 0;
#if defined(__SSE2__)
  const __m128d X = _mm_set1_pd(xk), Y = _mm_set1_pd(yk), zero = _mm_setzero_pd(), one = _mm_set1_pd(1.0);
  __m128d s1 = zero, s2 = zero, sq_sum = zero;
  for (; l + 2 <= n; l += 2) {
    const __m128d d1 = _mm_sub_pd(X, _mm_loadu_pd(x + l)), d2 = _mm_sub_pd(Y, _mm_loadu_pd(y + l));
    const __m128d sq = _mm_add_pd(_mm_mul_pd(d1, d1), _mm_mul_pd(d2, d2));
    const __m128d d = _mm_sqrt_pd(sq);
    const __m128d inv = _mm_and_pd(_mm_cmpgt_pd(sq, zero), _mm_div_pd(one, d));  // 1/0 masked to 0
    s1 = _mm_add_pd(s1, _mm_mul_pd(d1, inv));
    s2 = _mm_add_pd(s2, _mm_mul_pd(d2, inv));
    sq_sum = _mm_add_pd(sq_sum, d);
  }
  double a[2], b[2], c[2];
  _mm_storeu_pd(a, s1), _mm_storeu_pd(b, s2), _mm_storeu_pd(c, sq_sum);
  r1 += a[0] + a[1], r2 += b[0] + b[1], rq += c[0] + c[1];
#endif
  for (; l < n; ++l) {
    const double d1 = xk - x[l], d2 = yk - y[l], sq = d1 * d1 + d2 * d2;
    const double d = std::sqrt(sq);
    const double inv = sq > 0 ? 1.0 / d : 0.0;
    r1 += d1 * inv, r2 += d2 * inv, rq += d;
  }
}

namespace {
constexpr uint32_t kLeafSize = 8;
constexpr int kMaxDepth = 48;  // coincident points end in one deep leaf
}  // namespace

int32_t RepulsionField::build(uint32_t first, uint32_t last, double x0, double y0, double width, int depth) {
  const auto id = static_cast<int32_t>(cells_.size());
  cells_.push_back(Cell{x0, y0, width, 0, 0, static_cast<double>(last - first), {-1, -1, -1, -1}, first, last});
  double sx = 0, sy = 0;
  for (uint32_t k = first; k < last; ++k) sx += px_[order_[k]], sy += py_[order_[k]];
  cells_[static_cast<size_t>(id)].cx = sx / (last - first);
  cells_[static_cast<size_t>(id)].cy = sy / (last - first);
  if (last - first <= kLeafSize || depth >= kMaxDepth) return id;
  const double h = width / 2, xm = x0 + h, ym = y0 + h;
  auto* base = order_.data();
  auto left = [&](uint32_t i) { return px_[i] < xm; };
  auto low = [&](uint32_t i) { return py_[i] < ym; };
  const auto mid = static_cast<uint32_t>(std::stable_partition(base + first, base + last, left) - base);
  const auto q1 = static_cast<uint32_t>(std::stable_partition(base + first, base + mid, low) - base);
  const auto q3 = static_cast<uint32_t>(std::stable_partition(base + mid, base + last, low) - base);
  const uint32_t bounds[5] = {first, q1, mid, q3, last};
  const double ox[4] = {x0, x0, xm, xm}, oy[4] = {y0, ym, y0, ym};
  for (int q = 0; q < 4; ++q) {
    if (bounds[q] == bounds[q + 1]) continue;
    const int32_t child = build(bounds[q], bounds[q + 1], ox[q], oy[q], h, depth + 1);
    cells_[static_cast<size_t>(id)].child[q] = child;
  }
  cells_[static_cast<size_t>(id)].first = cells_[static_cast<size_t>(id)].last = 0;
  return id;
}

void RepulsionField::query(double x, double y, double theta, double& gx, double& gy, double& dist) const {
  int32_t stack[4 * kMaxDepth + 8];
  int top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Cell& c = cells_[static_cast<size_t>(stack[--top])];
    const double dx = x - c.cx, dy = y - c.cy, d = std::sqrt(dx * dx + dy * dy);
    const bool inside = x >= c.x0 && x <= c.x0 + c.width && y >= c.y0 && y <= c.y0 + c.width;
    if (!inside && c.width < theta * d) {
      gx += c.mass * dx / d, gy += c.mass * dy / d, dist += c.mass * d;
      continue;
    }
    if (c.last > c.first) {
      add_repulsion(x, y, px_.data() + c.first, py_.data() + c.first, c.last - c.first, gx, gy, dist);
      continue;
    }
    for (int q = 3; q >= 0; --q) {
      if (c.child[q] >= 0) stack[top++] = c.child[q];
    }
  }
}

void RepulsionField::compute(const std::vector<double>& x, const std::vector<double>& y, double theta,
                             std::vector<double>& gx, std::vector<double>& gy, std::vector<double>& dist) {
  const size_t n = x.size();
  gx.assign(n, 0), gy.assign(n, 0), dist.assign(n, 0);
  if (theta <= 0) {
    for (size_t k = 0; k < n; ++k) add_repulsion(x[k], y[k], x.data(), y.data(), n, gx[k], gy[k], dist[k]);
    return;
  }
  double x0 = x.empty() ? 0 : x[0], x1 = x0, y0 = y.empty() ? 0 : y[0], y1 = y0;
  for (size_t k = 0; k < n; ++k) {
    x0 = std::min(x0, x[k]), x1 = std::max(x1, x[k]), y0 = std::min(y0, y[k]), y1 = std::max(y1, y[k]);
  }
  const double width = std::max({x1 - x0, y1 - y0, 1e-12}) * (1 + 1e-9);
  px_ = x, py_ = y;
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), 0u);
  cells_.clear();
  if (n == 0) return;
  build(0, static_cast<uint32_t>(n), x0, y0, width, 0);
  // Leaves' points contiguous, in the order the partitions left them.
  std::vector<double> sx(n), sy(n);
  for (size_t k = 0; k < n; ++k) sx[k] = x[order_[k]], sy[k] = y[order_[k]];
  px_ = std::move(sx), py_ = std::move(sy);
  for (size_t k = 0; k < n; ++k) query(x[k], y[k], theta, gx[k], gy[k], dist[k]);
}

}  // namespace dipmine::analysis

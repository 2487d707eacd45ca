#include "analysis/layout.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

#include "analysis/graph_module.h"
#include "analysis/repulsion.h"
#include "common/error.h"

namespace dipmine::analysis {
namespace {

// Compressed adjacency (both directions) of the link list.
struct Adjacency {
  std::vector<size_t> first;  // n + 1 offsets
  std::vector<int32_t> neighbor;
  std::vector<double> weight;
};

Adjacency adjacency(size_t n, const std::vector<Link>& links, const std::vector<double>& s) {
  Adjacency a;
  a.first.assign(n + 1, 0);
  for (const Link& l : links) a.first[static_cast<size_t>(l.i) + 1]++, a.first[static_cast<size_t>(l.j) + 1]++;
  for (size_t i = 0; i < n; ++i) a.first[i + 1] += a.first[i];
  a.neighbor.resize(a.first[n]);
  a.weight.resize(a.first[n]);
  std::vector<size_t> fill(a.first.begin(), a.first.end() - 1);
  for (size_t k = 0; k < links.size(); ++k) {
    const auto i = static_cast<size_t>(links[k].i), j = static_cast<size_t>(links[k].j);
    a.neighbor[fill[i]] = links[k].j, a.weight[fill[i]++] = s[k];
    a.neighbor[fill[j]] = links[k].i, a.weight[fill[j]++] = s[k];
  }
  return a;
}

double unit_double(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double ipow(double d, int e) {
  double r = 1;
  for (int k = 0; k < e; ++k) r *= d;
  return r;
}

// One random start of VOSviewer's gradient descent (see the header).
std::vector<Point> vos_start(const Adjacency& adj, size_t n, const LayoutOptions& opt,
                             double pair_attraction, uint64_t seed, bool report) {
  std::mt19937_64 rng(seed);
  std::vector<double> x(n), y(n);
  for (size_t i = 0; i < n; ++i) x[i] = 2 * unit_double(rng) - 1, y[i] = 2 * unit_double(rng) - 1;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);

  const int a = opt.attraction, r = opt.repulsion;
  const bool fast = a == 2 && r == 1;
  // Large maps: the repulsion of all nodes from a Barnes-Hut tree of the
  // positions at the start of each iteration (analysis/repulsion.h).
  const bool large = fast && n > opt.exact_up_to, tree = large && opt.theta > 0;
  RepulsionField field;
  std::vector<double> rx, ry, rd;
  double step = 1.0, quality = std::numeric_limits<double>::infinity();
  double min_step = 0.001;
  if (large) {
    // The random start scaled to the size that minimises V along the scaling
    // direction (V(c) = c^2 A / 2 - c R, so c = R / A), with the step and its
    // convergence limit in the same units: a large map need not spend a
    // hundred iterations growing out of [-1, 1]^2, nor converge to a far
    // smaller fraction of its size than a small one does.
    field.compute(x, y, opt.theta, rx, ry, rd);
    double attraction = 0, repulsion = 0;
    for (size_t k = 0; k < n; ++k) {
      repulsion += rd[k] / 2;
      for (size_t e = adj.first[k]; e < adj.first[k + 1]; ++e) {
        const auto l = static_cast<size_t>(adj.neighbor[e]);
        attraction += adj.weight[e] * ((x[k] - x[l]) * (x[k] - x[l]) + (y[k] - y[l]) * (y[k] - y[l])) / 2;
      }
    }
    const double scale = attraction > 0 ? std::max(1.0, repulsion / attraction) : 1.0;
    for (size_t i = 0; i < n; ++i) x[i] *= scale, y[i] *= scale;
    step = scale, min_step = 0.001 * scale;
  }
  int improvements = 0;
  auto last_report = std::chrono::steady_clock::now();
  for (int it = 0; it < opt.max_iterations && step >= min_step; ++it) {
    const double old_quality = quality;
    quality = 0;
    if (tree) field.compute(x, y, opt.theta, rx, ry, rd);
    if (report && opt.progress && std::chrono::steady_clock::now() - last_report > std::chrono::milliseconds(500)) {
      last_report = std::chrono::steady_clock::now();
      opt.progress(fmt::format("layout: {} nodes, iteration {}, step {:.3g} (stops below {:.3g})", n, it, step,
                               min_step));
    }
    double sum_x = std::accumulate(x.begin(), x.end(), 0.0);
    double sum_y = std::accumulate(y.begin(), y.end(), 0.0);
    for (size_t k : order) {
      double g1 = 0, g2 = 0, q = 0;
      const double xk = x[k], yk = y[k];
      for (size_t e = adj.first[k]; e < adj.first[k + 1]; ++e) {
        const auto l = static_cast<size_t>(adj.neighbor[e]);
        const double d1 = xk - x[l], d2 = yk - y[l], sq = d1 * d1 + d2 * d2;
        const double b = adj.weight[e] * (fast ? 1.0 : (sq > 0 ? ipow(std::sqrt(sq), a) / sq : 0));
        g1 += b * d1, g2 += b * d2;
        q += adj.weight[e] * (fast ? sq : ipow(std::sqrt(sq), a)) / a;
      }
      if (tree) {
        g1 -= rx[k], g2 -= ry[k], q -= rd[k];
      } else if (fast) {
        // Repulsion with r = 1: the gradient of -d is -(dx, dy) / d.
        double r1 = 0, r2 = 0, rq = 0;
        add_repulsion(xk, yk, x.data(), y.data(), n, r1, r2, rq);
        g1 -= r1, g2 -= r2, q -= rq;
      } else {
        for (size_t l = 0; l < n; ++l) {
          const double d1 = xk - x[l], d2 = yk - y[l], sq = d1 * d1 + d2 * d2;
          if (sq <= 0) continue;
          const double d = std::sqrt(sq), p = ipow(d, r);
          g1 -= p / sq * d1, g2 -= p / sq * d2, q -= p / r;
        }
      }
      if (pair_attraction > 0) {
        // With a = 2 the pull of every other node sums to a pull to the centroid.
        g1 += pair_attraction * (static_cast<double>(n) * xk - sum_x);
        g2 += pair_attraction * (static_cast<double>(n) * yk - sum_y);
      }
      quality += q;
      const double length = std::sqrt(g1 * g1 + g2 * g2);
      if (length > 0) {
        x[k] -= step * g1 / length, y[k] -= step * g2 / length;
        sum_x += x[k] - xk, sum_y += y[k] - yk;
      }
    }
    if (quality < old_quality) {
      if (++improvements >= 5) step /= 0.75, improvements = 0;
    } else {
      step *= 0.75, improvements = 0;
    }
  }
  std::vector<Point> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = {x[i], y[i]};
  return out;
}

}  // namespace

LayoutMethod parse_layout_method(const std::string& name) {
  if (name == "vos") return LayoutMethod::vos;
  if (name == "fr") return LayoutMethod::fr;
  throw UsageError(fmt::format("--layout: '{}' is not vos or fr", name));
}

double vos_quality(const std::vector<Point>& xy, const std::vector<Link>& links,
                   const std::vector<double>& s, int a, int r, double pair_attraction) {
  double v = 0;
  for (size_t k = 0; k < links.size(); ++k) {
    const Point &p = xy[static_cast<size_t>(links[k].i)], &q = xy[static_cast<size_t>(links[k].j)];
    v += s[k] * ipow(std::sqrt((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)), a) / a;
  }
  if (r == 1 && pair_attraction == 0) {  // the usual case, at the speed of the layout's own loop
    std::vector<double> x(xy.size()), y(xy.size());
    for (size_t i = 0; i < xy.size(); ++i) x[i] = xy[i].x, y[i] = xy[i].y;
    for (size_t i = 0; i < xy.size(); ++i) {
      double gx = 0, gy = 0, d = 0;
      add_repulsion(x[i], y[i], x.data() + i + 1, y.data() + i + 1, xy.size() - i - 1, gx, gy, d);
      v -= d;
    }
    return v;
  }
  for (size_t i = 0; i < xy.size(); ++i) {
    for (size_t j = i + 1; j < xy.size(); ++j) {
      const double dx = xy[i].x - xy[j].x, dy = xy[i].y - xy[j].y, d = std::sqrt(dx * dx + dy * dy);
      v -= ipow(d, r) / r;
      v += pair_attraction * ipow(d, a) / a;
    }
  }
  return v;
}

void standardize_layout(std::vector<Point>& xy) {
  const size_t n = xy.size();
  if (n == 0) return;
  double cx = 0, cy = 0;
  for (const Point& p : xy) cx += p.x, cy += p.y;
  cx /= static_cast<double>(n), cy /= static_cast<double>(n);
  double sxx = 0, sxy = 0, syy = 0;
  for (Point& p : xy) {
    p.x -= cx, p.y -= cy;
    sxx += p.x * p.x, sxy += p.x * p.y, syy += p.y * p.y;
  }
  const double theta = 0.5 * std::atan2(2 * sxy, sxx - syy);
  const double c = std::cos(theta), s = std::sin(theta);
  double m3x = 0, m3y = 0;
  for (Point& p : xy) {
    const Point q{c * p.x + s * p.y, -s * p.x + c * p.y};
    p = q;
    m3x += p.x * p.x * p.x, m3y += p.y * p.y * p.y;
  }
  double total = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const double dx = xy[i].x - xy[j].x, dy = xy[i].y - xy[j].y;
      total += std::sqrt(dx * dx + dy * dy);
    }
  }
  const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  const double scale = total > 0 ? pairs / total : 1.0;
  for (Point& p : xy) {
    p.x *= (m3x < 0 ? -scale : scale);
    p.y *= (m3y < 0 ? -scale : scale);
  }
}

namespace {

// One connected network (or a single node), standardised.
std::vector<Point> layout_component(size_t n, const std::vector<Link>& links, const std::vector<double>& s,
                                    const LayoutOptions& opt) {
  std::vector<Point> best;
  if (n <= 1) {
    best.assign(n, Point{});
  } else if (opt.method == LayoutMethod::fr) {
    best = fr_layout(n, links, s, opt.seed);
  } else {
    const Adjacency adj = adjacency(n, links, s);
    // Above 2,000 nodes one round of starts, one per thread: at that size the
    // starts' objectives differ little, and each round costs a whole layout.
    const int starts = n > 2000 ? std::min(opt.starts, std::max(1, opt.threads)) : opt.starts;
    std::vector<std::vector<Point>> results(static_cast<size_t>(starts));
    std::vector<double> quality(results.size());
    auto run = [&](size_t first, size_t stride) {
      for (size_t k = first; k < results.size(); k += stride) {
        results[k] = vos_start(adj, n, opt, 0.0, opt.seed * 1000003u + k, first == 0);
        quality[k] = vos_quality(results[k], links, s, opt.attraction, opt.repulsion, 0.0);
      }
    };
    const size_t threads = std::clamp<size_t>(static_cast<size_t>(std::max(1, opt.threads)), 1, results.size());
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(run, t, threads);
    run(0, threads);
    for (auto& t : pool) t.join();
    size_t winner = 0;
    for (size_t k = 1; k < results.size(); ++k) {
      if (quality[k] < quality[winner]) winner = k;
    }
    best = std::move(results[winner]);
  }
  standardize_layout(best);
  return best;
}

}  // namespace

std::vector<Point> layout_map(size_t n, const std::vector<Link>& links,
                              const std::vector<double>& s, const LayoutOptions& opt) {
  if (opt.starts < 1) throw UsageError(fmt::format("--layout-starts: must be >= 1, got {}", opt.starts));
  if (opt.method == LayoutMethod::vos && !(opt.attraction > opt.repulsion && opt.repulsion >= 1)) {
    throw UsageError(fmt::format("layout: need attraction > repulsion >= 1, got {} and {}",
                                 opt.attraction, opt.repulsion));
  }
  for (double v : s) {
    if (!(v > 0) || !std::isfinite(v)) throw Error(fmt::format("layout: link strength {} is not positive", v));
  }
  // Components, largest first (ties: smallest node index).
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const Link& l : links) {
    const size_t a = find(static_cast<size_t>(l.i)), b = find(static_cast<size_t>(l.j));
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  std::vector<std::vector<size_t>> members;
  std::vector<size_t> component_of(n), local(n);
  {
    std::vector<size_t> index(n, SIZE_MAX);
    for (size_t v = 0; v < n; ++v) {
      const size_t r = find(v);
      if (index[r] == SIZE_MAX) index[r] = members.size(), members.emplace_back();
      component_of[v] = index[r];
      local[v] = members[index[r]].size();
      members[index[r]].push_back(v);
    }
  }
  if (members.size() <= 1) return layout_component(n, links, s, opt);
  std::vector<std::vector<Link>> sub_links(members.size());
  std::vector<std::vector<double>> sub_s(members.size());
  for (size_t k = 0; k < links.size(); ++k) {
    const auto c = component_of[static_cast<size_t>(links[k].i)];
    sub_links[c].push_back({static_cast<int32_t>(local[static_cast<size_t>(links[k].i)]),
                            static_cast<int32_t>(local[static_cast<size_t>(links[k].j)]), links[k].weight});
    sub_s[c].push_back(s[k]);
  }
  std::vector<size_t> order(members.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return members[a].size() > members[b].size(); });
  // Each component laid out on its own (VOSviewer would need a weak pull
  // between all pairs instead, which crushes the main component into a dot
  // when a few nodes are unconnected); the largest sits in the middle, the
  // others, scaled by their size, on a ring around it.
  std::vector<Point> out(n);
  const double main_size = static_cast<double>(members[order[0]].size());
  std::vector<std::vector<Point>> placed(members.size());
  std::vector<double> radius(members.size(), 0);
  for (size_t c : order) {
    placed[c] = layout_component(members[c].size(), sub_links[c], sub_s[c], opt);
    const double scale = std::sqrt(static_cast<double>(members[c].size()) / main_size);
    for (auto& p : placed[c]) {
      p.x *= scale, p.y *= scale;
      radius[c] = std::max(radius[c], std::sqrt(p.x * p.x + p.y * p.y));
    }
    radius[c] = std::max(radius[c], 0.15);
  }
  double around = 0, widest = 0;
  for (size_t k = 1; k < order.size(); ++k) around += 2 * radius[order[k]] + 0.2, widest = std::max(widest, radius[order[k]]);
  const double ring = std::max(radius[order[0]] + widest + 0.3, around / (2 * M_PI));
  double angle = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t c = order[k];
    Point centre{0, 0};
    if (k > 0) {
      const double step = (2 * radius[c] + 0.2) / ring;
      angle += step / 2;
      centre = {ring * std::cos(angle), ring * std::sin(angle)};
      angle += step / 2;
    }
    for (size_t i = 0; i < members[c].size(); ++i) {
      out[members[c][i]] = {centre.x + placed[c][i].x, centre.y + placed[c][i].y};
    }
  }
  standardize_layout(out);
  return out;
}

}  // namespace dipmine::analysis

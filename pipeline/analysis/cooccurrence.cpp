#include "analysis/cooccurrence.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "common/error.h"

namespace dipmine::analysis {

Counting parse_counting(const std::string& name) {
  if (name == "binary") return Counting::binary;
  if (name == "full") return Counting::full;
  throw UsageError(fmt::format("--counting: '{}' is not binary or full", name));
}

Normalization parse_normalization(const std::string& name) {
  if (name == "association" || name == "association-strength") {
    return Normalization::association_strength;
  }
  if (name == "fractional") return Normalization::fractional;
  if (name == "none") return Normalization::none;
  throw UsageError(
      fmt::format("--normalization: '{}' is not association-strength, fractional or none", name));
}

CooccurrenceMatrix::CooccurrenceMatrix(std::vector<double> occurrences, std::vector<Link> links)
    : occurrences_(std::move(occurrences)), links_(std::move(links)) {
  strength_.assign(occurrences_.size(), 0.0);
  for (const Link& l : links_) {
    strength_[static_cast<size_t>(l.i)] += l.weight;
    strength_[static_cast<size_t>(l.j)] += l.weight;
  }
}

CooccurrenceMatrix count_cooccurrences(size_t n, const std::vector<const UnitCounts*>& units,
                                       Counting counting) {
  std::vector<double> occ(n, 0.0);
  // A dense upper triangle is the fastest accumulator while it fits in memory
  // (4,000 nodes: 64 MB); beyond that a hash map of packed pairs.
  const bool dense = n <= 4000;
  std::vector<double> matrix(dense ? n * n : 0, 0.0);
  std::unordered_map<uint64_t, double> sparse;
  for (const UnitCounts* u : units) {
    const auto& c = *u;
    for (size_t a = 0; a < c.size(); ++a) {
      if (c[a].first < 0 || static_cast<size_t>(c[a].first) >= n) {
        throw Error(fmt::format("co-occurrence: node index {} outside 0..{}", c[a].first, n));
      }
      const double ca = counting == Counting::binary ? 1.0 : c[a].second;
      occ[static_cast<size_t>(c[a].first)] += ca;
      for (size_t b = a + 1; b < c.size(); ++b) {
        const double cb = counting == Counting::binary ? 1.0 : c[b].second;
        const auto i = static_cast<uint64_t>(c[a].first), j = static_cast<uint64_t>(c[b].first);
        if (i == j) continue;
        const uint64_t lo = std::min(i, j), hi = std::max(i, j);
        if (dense) matrix[lo * n + hi] += ca * cb;
        else sparse[(lo << 32) | hi] += ca * cb;
      }
    }
  }
  std::vector<Link> links;
  if (dense) {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        if (matrix[i * n + j] > 0) {
          links.push_back({static_cast<int32_t>(i), static_cast<int32_t>(j), matrix[i * n + j]});
        }
      }
    }
  } else {
    for (const auto& [key, w] : sparse) {
      links.push_back({static_cast<int32_t>(key >> 32), static_cast<int32_t>(key & 0xffffffffu), w});
    }
    std::sort(links.begin(), links.end(),
              [](const Link& a, const Link& b) { return a.i != b.i ? a.i < b.i : a.j < b.j; });
  }
  return CooccurrenceMatrix(std::move(occ), std::move(links));
}

std::vector<double> normalize(const CooccurrenceMatrix& m, Normalization method) {
  const auto& links = m.links();
  const auto& s = m.total_link_strength();
  std::vector<double> out(links.size());
  double two_m = 0;
  for (double v : s) two_m += v;
  const double n = static_cast<double>(m.size());
  for (size_t k = 0; k < links.size(); ++k) {
    const Link& l = links[k];
    const double si = s[static_cast<size_t>(l.i)], sj = s[static_cast<size_t>(l.j)];
    switch (method) {
      case Normalization::association_strength: out[k] = l.weight * two_m / (si * sj); break;
      case Normalization::fractional: out[k] = l.weight * (n / si + n / sj) / 2; break;
      case Normalization::none: out[k] = l.weight; break;
    }
  }
  return out;
}

}  // namespace dipmine::analysis

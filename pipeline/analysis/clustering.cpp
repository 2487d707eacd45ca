#include "analysis/clustering.h"

#include <fmt/format.h>
#include <igraph.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "common/error.h"

namespace dipmine::analysis {
namespace {

void check(igraph_error_t rc, const char* what) {
  if (rc != IGRAPH_SUCCESS) throw Error(fmt::format("clustering: {}: {}", what, igraph_strerror(rc)));
}

// igraph aborts on error by default; make it return codes we turn into Error.
void quiet_igraph_errors() {
  static const bool once = [] {
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    return true;
  }();
  (void)once;
}

// Renumbers clusters 1.. by size desc, ties by smallest member index.
std::vector<int> renumber(const std::vector<int>& raw) {
  std::map<int, std::pair<int, size_t>> info;  // raw id -> (size, first member)
  for (size_t i = 0; i < raw.size(); ++i) {
    auto [it, added] = info.try_emplace(raw[i], 0, i);
    it->second.first++;
  }
  std::vector<std::pair<int, std::pair<int, size_t>>> order(info.begin(), info.end());
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.second.first != b.second.first) return a.second.first > b.second.first;
    return a.second.second < b.second.second;
  });
  std::map<int, int> id;
  for (size_t k = 0; k < order.size(); ++k) id[order[k].first] = static_cast<int>(k) + 1;
  std::vector<int> out(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) out[i] = id[raw[i]];
  return out;
}

void merge_small_clusters(std::vector<int>& cluster, const std::vector<Link>& links,
                          const std::vector<double>& strengths, int min_size) {
  for (;;) {
    std::map<int, int> size;
    for (int c : cluster) size[c]++;
    // The smallest cluster under the limit that still has links to another one.
    std::vector<std::pair<int, int>> small;  // (size, id)
    for (auto [c, s] : size) {
      if (s < min_size) small.emplace_back(s, c);
    }
    std::sort(small.begin(), small.end());
    bool merged = false;
    for (auto [s, c] : small) {
      std::map<int, double> shared;
      for (size_t k = 0; k < links.size(); ++k) {
        const int ci = cluster[static_cast<size_t>(links[k].i)];
        const int cj = cluster[static_cast<size_t>(links[k].j)];
        if (ci == c && cj != c) shared[cj] += strengths[k];
        if (cj == c && ci != c) shared[ci] += strengths[k];
      }
      if (shared.empty()) continue;
      int best = shared.begin()->first;
      for (auto [other, w] : shared) {
        if (w > shared[best]) best = other;
      }
      for (int& x : cluster) {
        if (x == c) x = best;
      }
      merged = true;
      break;
    }
    if (!merged) return;
  }
}

}  // namespace

std::vector<int> cluster_leiden(size_t n, const std::vector<Link>& links,
                                const std::vector<double>& strengths, const ClusterOptions& opt) {
  if (!(opt.resolution > 0)) {
    throw UsageError(fmt::format("--resolution: must be > 0, got {}", opt.resolution));
  }
  if (opt.min_cluster_size < 1) {
    throw UsageError(fmt::format("--min-cluster-size: must be >= 1, got {}", opt.min_cluster_size));
  }
  if (n == 0) return {};
  if (links.empty()) {  // nothing to cluster (and igraph's Leiden would not return)
    std::vector<int> singletons(n);
    std::iota(singletons.begin(), singletons.end(), 0);
    return renumber(singletons);
  }
  quiet_igraph_errors();
  igraph_vector_int_t edges;
  check(igraph_vector_int_init(&edges, static_cast<igraph_integer_t>(2 * links.size())), "init");
  for (size_t k = 0; k < links.size(); ++k) {
    VECTOR(edges)[2 * k] = links[k].i;
    VECTOR(edges)[2 * k + 1] = links[k].j;
  }
  igraph_t graph;
  igraph_error_t rc = igraph_create(&graph, &edges, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED);
  igraph_vector_int_destroy(&edges);
  check(rc, "create graph");
  igraph_vector_t weights, node_weights;
  igraph_vector_init(&weights, static_cast<igraph_integer_t>(links.size()));
  for (size_t k = 0; k < links.size(); ++k) VECTOR(weights)[k] = strengths[k];
  igraph_vector_init(&node_weights, static_cast<igraph_integer_t>(n));
  igraph_vector_fill(&node_weights, 1.0);
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, static_cast<igraph_integer_t>(n));

  std::vector<int> best;
  double best_quality = 0;
  // Large networks get fewer starts (see the header): the later starts of
  // Leiden rarely beat the first ones by much, and each costs a pass over
  // every link.
  const size_t budget = 5'000'000 / (links.size() + n);
  const int starts = std::clamp(static_cast<int>(std::min<size_t>(budget, 1000)), 1, std::max(1, opt.starts));
  for (int start = 0; start < starts; ++start) {
    if (opt.progress) {
      opt.progress(fmt::format("clustering: {} nodes, {} links, Leiden start {} of {}", n, links.size(), start + 1,
                               starts));
    }
    igraph_rng_seed(igraph_rng_default(), opt.seed + static_cast<uint64_t>(start));
    igraph_integer_t n_clusters = 0;
    igraph_real_t quality = 0;
    // A fixed number of iterations: "until stable" (-1) can cycle on some
    // graphs; 4 costs 40% of 10 and the starts make up for it.
    rc = igraph_community_leiden(&graph, &weights, &node_weights, opt.resolution, 0.01, false, 4,
                                 &membership, &n_clusters, &quality);
    if (rc != IGRAPH_SUCCESS) break;
    if (best.empty() || quality > best_quality) {
      best.assign(n, 0);
      for (size_t i = 0; i < n; ++i) best[i] = static_cast<int>(VECTOR(membership)[i]);
      best_quality = quality;
    }
  }
  igraph_vector_int_destroy(&membership);
  igraph_vector_destroy(&node_weights);
  igraph_vector_destroy(&weights);
  igraph_destroy(&graph);
  check(rc, "leiden");
  if (opt.min_cluster_size > 1) merge_small_clusters(best, links, strengths, opt.min_cluster_size);
  return renumber(best);
}

}  // namespace dipmine::analysis

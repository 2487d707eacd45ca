// Clustering of a normalised co-occurrence network with the Leiden algorithm
// and the CPM quality function (igraph_community_leiden), as VOSviewer does.
//
//   ClusterOptions opt;  opt.resolution = 1.0;  opt.seed = 42;
//   std::vector<int> c = cluster_leiden(n_nodes, links, strengths, opt);
//   // c[i] is node i's cluster, 1 = the largest
//
// What goes in: links (i < j) with their normalised strengths (all > 0); the
// CPM node weights are 1, so a pair of nodes wants to be together when its
// strength exceeds the resolution (VOSviewer's convention with association
// strength). `starts` runs of Leiden from igraph's RNG seeded with `seed`,
// `seed+1`, ...; the run with the highest quality wins (ties: the first).
// Large networks run fewer starts: at most 5,000,000 / (links + nodes), at
// least 1 (10 starts up to ~500,000 links; 2.4 million links get 2).
// Clusters with fewer than `min_cluster_size` nodes are merged, smallest
// first, into the cluster they share the most link strength with; a small
// cluster with no links to any other cluster stays as it is.
// What comes out: clusters numbered from 1 by size (desc), ties broken by the
// smallest node index in the cluster; identical inputs give identical output.
// Errors: resolution <= 0 or min_cluster_size < 1 throw dipmine::UsageError;
// an igraph failure throws dipmine::Error. Not thread-safe: it seeds igraph's
// global default RNG.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/cooccurrence.h"

namespace dipmine::analysis {

struct ClusterOptions {
  double resolution = 1.0;
  int min_cluster_size = 1;
  uint64_t seed = 0;
  int starts = 10;
  std::function<void(const std::string&)> progress;  // a line per start; may be empty
};

std::vector<int> cluster_leiden(size_t n_nodes, const std::vector<Link>& links,
                                const std::vector<double>& strengths, const ClusterOptions& opt);

}  // namespace dipmine::analysis

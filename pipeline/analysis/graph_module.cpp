// The module dipmine-graph.so (see graph_module.h): igraph's Fruchterman-
// Reingold layout, and the entry points through which the program calls it and
// cluster_leiden (clustering.cpp, also built into the module).
#include "analysis/graph_module.h"

#include <fmt/format.h>
#include <igraph.h>

#include <cmath>

#include "common/error.h"

namespace dipmine::analysis {
namespace {

void check(igraph_error_t rc, const char* what) {
  if (rc != IGRAPH_SUCCESS) throw Error(fmt::format("layout: {}: {}", what, igraph_strerror(rc)));
}

}  // namespace

std::vector<Point> fr_layout(size_t n, const std::vector<Link>& links,
                             const std::vector<double>& s, uint64_t seed) {
  igraph_set_error_handler(igraph_error_handler_ignore);
  igraph_vector_int_t edges;
  igraph_vector_int_init(&edges, static_cast<igraph_integer_t>(2 * links.size()));
  for (size_t k = 0; k < links.size(); ++k) {
    VECTOR(edges)[2 * k] = links[k].i, VECTOR(edges)[2 * k + 1] = links[k].j;
  }
  igraph_t graph;
  igraph_error_t rc = igraph_create(&graph, &edges, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED);
  igraph_vector_int_destroy(&edges);
  check(rc, "create graph");
  igraph_vector_t weights;
  igraph_vector_init(&weights, static_cast<igraph_integer_t>(links.size()));
  for (size_t k = 0; k < links.size(); ++k) VECTOR(weights)[k] = s[k];
  igraph_matrix_t res;
  igraph_matrix_init(&res, 0, 0);
  igraph_rng_seed(igraph_rng_default(), seed);
  rc = igraph_layout_fruchterman_reingold(&graph, &res, false, 500,
                                          std::sqrt(static_cast<double>(n)),
                                          IGRAPH_LAYOUT_NOGRID, &weights, nullptr, nullptr,
                                          nullptr, nullptr);
  std::vector<Point> out(n);
  if (rc == IGRAPH_SUCCESS) {
    for (size_t i = 0; i < n; ++i) out[i] = {MATRIX(res, i, 0), MATRIX(res, i, 1)};
  }
  igraph_matrix_destroy(&res);
  igraph_vector_destroy(&weights);
  igraph_destroy(&graph);
  check(rc, "fruchterman-reingold");
  return out;
}

}  // namespace dipmine::analysis

#define DIPMINE_MODULE_ENTRY extern "C" __attribute__((visibility("default")))

DIPMINE_MODULE_ENTRY std::vector<dipmine::analysis::Point> dipmine_fr_layout(
    size_t n, const std::vector<dipmine::analysis::Link>& links, const std::vector<double>& s,
    uint64_t seed) {
  return dipmine::analysis::fr_layout(n, links, s, seed);
}

DIPMINE_MODULE_ENTRY std::vector<int> dipmine_cluster_leiden(
    size_t n_nodes, const std::vector<dipmine::analysis::Link>& links,
    const std::vector<double>& strengths, const dipmine::analysis::ClusterOptions& opt) {
  return dipmine::analysis::cluster_leiden(n_nodes, links, strengths, opt);
}

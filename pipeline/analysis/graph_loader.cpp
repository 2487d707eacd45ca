// cluster_leiden and fr_layout in the program: they call into the module
// dipmine-graph.so (graph_module.h), loaded at the first call.
#include "analysis/graph_module.h"
#include "common/modules.h"

namespace dipmine::analysis {

std::vector<int> cluster_leiden(size_t n_nodes, const std::vector<Link>& links,
                                const std::vector<double>& strengths, const ClusterOptions& opt) {
  using Cluster = decltype(cluster_leiden);
  static Cluster* const run = module_function<Cluster>("dipmine-graph.so", "dipmine_cluster_leiden");
  return run(n_nodes, links, strengths, opt);
}

std::vector<Point> fr_layout(size_t n, const std::vector<Link>& links, const std::vector<double>& s,
                             uint64_t seed) {
  using Layout = decltype(fr_layout);
  static Layout* const run = module_function<Layout>("dipmine-graph.so", "dipmine_fr_layout");
  return run(n, links, s, seed);
}

}  // namespace dipmine::analysis

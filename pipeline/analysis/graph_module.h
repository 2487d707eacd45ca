// The parts of the map that call igraph, built as the module dipmine-graph.so
// (graph_module.cpp with clustering.cpp) and loaded at their first call
// (graph_loader.cpp, common/modules.h), so that only `map` and `report` load
// igraph and the numeric libraries it brings.
//
//   std::vector<Point> xy = fr_layout(n, links, strengths, seed);
//   // igraph's Fruchterman-Reingold layout, 500 iterations, weights = strengths
//
// cluster_leiden (clustering.h) goes through the module the same way.
// Errors: an igraph failure or a missing module throws dipmine::Error.
#pragma once
#include <cstdint>
#include <vector>

#include "analysis/clustering.h"
#include "analysis/layout.h"

namespace dipmine::analysis {

std::vector<Point> fr_layout(size_t n, const std::vector<Link>& links, const std::vector<double>& s,
                             uint64_t seed);

}  // namespace dipmine::analysis

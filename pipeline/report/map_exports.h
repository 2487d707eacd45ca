// The map in the file formats other tools read: VOSviewer's map and network
// files and its JSON (VOSviewer Online), GEXF 1.3 and GraphML for Gephi, and
// CSV tables with every figure.
//
//   write("vosviewer_map.txt", vosviewer_map(map));
//   write("map.gexf", gexf(map, ColorMode::cluster));
//
// Node ids are 1..n in the map's rank order (the stable key, e.g. a concept
// id, is in the `key` columns/attributes of GEXF, GraphML and CSV).
// vosviewer_map: tab-separated with the header
//   id label x y cluster weight<Occurrences> weight<Total link strength>
//   score<Avg. pub. year>
// (tabs and line breaks in labels become spaces; the score is empty for a node
// without a year; the score column is left out when no node has one).
// vosviewer_network: "id1<TAB>id2<TAB>co-occurrences", one line per link.
// vosviewer_json: {"network": {"items": [...], "links": [...]}, "config": ...}
// with weights "Occurrences", "Total link strength" and score "Avg. pub. year".
// gexf: GEXF 1.3 with viz:position (x, y times 100), viz:size and viz:color
// from `mode`, and attributes key, kind, dimension, cluster, occurrences,
// documents, total_link_strength, avg_year, share_fa/en/ja; edge weight =
// co-occurrences, attribute `strength` = the normalised strength.
// graphml: the same attributes as <data> keys (plus x, y, size, color).
// nodes_csv / edges_csv: RFC 4180 CSV; nodes also have one occurrences_<slice>
// column per slice. Numbers have fixed precision; output is deterministic and
// every text is escaped for its format. Pure functions; thread-safe.
#pragma once
#include <string>

#include "analysis/map.h"
#include "report/map_style.h"

namespace dipmine::report {

std::string vosviewer_map(const analysis::Map& map);
std::string vosviewer_network(const analysis::Map& map);
std::string vosviewer_json(const analysis::Map& map);
std::string gexf(const analysis::Map& map, ColorMode mode);
std::string graphml(const analysis::Map& map, ColorMode mode);
std::string nodes_csv(const analysis::Map& map);
std::string edges_csv(const analysis::Map& map);

// A count as text: integral values without decimals, others with 4.
std::string count_text(double v);
// The radius a node gets in the SVG and as GEXF/GraphML size.
double node_size(const analysis::Map& map, size_t node);

}  // namespace dipmine::report

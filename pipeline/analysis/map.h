// A co-occurrence map of the store: nodes with their counts, overlay scores,
// clusters and positions, and the links between them; what `dipmine map`
// computes before report/map_report.h writes it out.
//
//   MapOptions opt;  opt.query.unit = Unit::paragraph;  opt.top = 500;
//   Map m = build_map(corpus, opt);
//   for (const MapNodeInfo& n : m.nodes) print(n.node.label, n.cluster, n.xy.x, n.xy.y);
//
// Steps (each timed in Map::timings): load the units (analysis/map_nodes.h);
// select nodes found in >= min_docs documents with >= min_occurrences
// occurrences (VOSviewer's threshold), ranked by occurrences (desc),
// documents (desc), key (asc), the first `top` (0 = all; VOSviewer's "number
// of items to be selected"); Map::candidates and Map::eligible say how many
// nodes there were before the threshold and after it; count
// co-occurrences over the selected nodes (analysis/cooccurrence.h);
// normalise; cluster (analysis/clustering.h); lay out (analysis/layout.h).
// Overlays: a node's average year is the mean year of the units it occurs in,
// each unit weighted by the node's (binary or full) count there, over units
// whose document has a year; its language shares are the same weights split by
// the unit's language (fa, en, ja).
// Splits: `lang` makes one slice per language present (fa, en, ja order);
// `period:Y1,Y2,...` slices [..,Y1-1], [Y1,Y2-1], ..., [Yk,..] by year (units
// without a year belong to none). Each slice recounts occurrences and links on
// its own units; nodes, clusters and positions stay those of the whole map, so
// a node sits in the same place in every slice.
// Nodes come out in rank order (id = index + 1); links sorted by (source, target).
// Errors: no node left after filtering throws dipmine::Error "map: no nodes ...";
// bad options throw dipmine::UsageError naming the option.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/clustering.h"
#include "analysis/cooccurrence.h"
#include "analysis/layout.h"
#include "analysis/map_nodes.h"

namespace dipmine::analysis {

struct SplitSpec {
  enum class Kind { none, lang, period } kind = Kind::none;
  std::vector<int> bounds;  // period: ascending first years of the later periods
};
// "" | "lang" | "period:2015,2020"; UsageError "--split: ..." otherwise.
SplitSpec parse_split(const std::string& text);

struct MapOptions {
  NodeQuery query;
  int min_docs = 1;
  double min_occurrences = 1;
  int top = 0;
  Counting counting = Counting::binary;
  Normalization normalization = Normalization::association_strength;
  ClusterOptions cluster;
  LayoutOptions layout;
  SplitSpec split;
  size_t max_docs_per_node = 100;  // documents listed per node (the HTML click list)
  // Lines on long work (clustering, layout); may be empty. Called from the
  // calling thread or one layout thread, never two at once.
  std::function<void(const std::string&)> progress;
};

struct MapNodeInfo {
  MapNode node;
  double occurrences = 0;       // sum of (binary or full) counts over units
  int64_t documents = 0;        // distinct documents it occurs in
  double total_link_strength = 0;
  std::optional<double> avg_year;
  std::array<double, 3> lang_share{};  // fa, en, ja
  int cluster = 1;
  Point xy;
  std::vector<int64_t> doc_ids;  // the first max_docs_per_node, ascending
};

struct MapLink {
  int32_t source = 0, target = 0;  // node indices, source < target
  double weight = 0;               // co-occurrences a_ij
  double strength = 0;             // normalised
};

struct MapSlice {
  std::string name;                  // "fa", "2015-2019", "before-2015", "2020-"
  std::vector<double> occurrences;   // per node
  std::vector<MapLink> links;
};

struct MapTimings {
  double load = 0, count = 0, normalize = 0, cluster = 0, layout = 0;  // seconds, wall
  double cluster_cpu = 0, layout_cpu = 0;  // CPU seconds of the process (all threads)
};

struct Map {
  std::vector<MapNodeInfo> nodes;
  std::vector<MapLink> links;
  std::vector<MapSlice> slices;
  std::vector<DocumentRef> documents;  // every document some node lists, by id
  size_t units = 0;                    // units holding at least one selected node
  size_t candidates = 0;               // nodes before the thresholds
  size_t eligible = 0;                 // nodes meeting min_docs and min_occurrences (before top)
  MapTimings timings;
};

Map build_map(store::Corpus& corpus, const MapOptions& options);

}  // namespace dipmine::analysis

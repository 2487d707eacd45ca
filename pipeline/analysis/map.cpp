#include "analysis/map.h"

#include <fmt/format.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <set>

#include "common/error.h"

namespace dipmine::analysis {
namespace {

// Wall time between laps, and the process's CPU time (all threads) over the
// same lap: on a busy machine the two tell waiting from working.
class Stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    const double c = cpu_now();
    cpu_lap_ = c - cpu_last_;
    cpu_last_ = c;
    return s;
  }
  double cpu_lap() const { return cpu_lap_; }

 private:
  static double cpu_now() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
  }
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  double cpu_last_ = cpu_now(), cpu_lap_ = 0;
};

int lang_slot(const std::string& lang) {
  if (lang == "fa") return 0;
  if (lang == "en") return 1;
  if (lang == "ja") return 2;
  return -1;
}

std::vector<MapLink> to_map_links(const CooccurrenceMatrix& m, const std::vector<double>& s) {
  std::vector<MapLink> out;
  out.reserve(m.links().size());
  for (size_t k = 0; k < m.links().size(); ++k) {
    out.push_back({m.links()[k].i, m.links()[k].j, m.links()[k].weight, s[k]});
  }
  return out;
}

// The slices' names and which units belong to each.
std::vector<std::pair<std::string, std::vector<const UnitCounts*>>> slice_units(
    const SplitSpec& split, const std::vector<MapUnit>& units) {
  std::vector<std::pair<std::string, std::vector<const UnitCounts*>>> out;
  if (split.kind == SplitSpec::Kind::lang) {
    for (const char* lang : {"fa", "en", "ja"}) {
      std::vector<const UnitCounts*> members;
      for (const auto& u : units) {
        if (u.lang == lang) members.push_back(&u.counts);
      }
      if (!members.empty()) out.emplace_back(lang, std::move(members));
    }
  } else if (split.kind == SplitSpec::Kind::period) {
    const auto& b = split.bounds;
    for (size_t p = 0; p <= b.size(); ++p) {
      const std::optional<int> from = p == 0 ? std::nullopt : std::optional<int>(b[p - 1]);
      const std::optional<int> to = p == b.size() ? std::nullopt : std::optional<int>(b[p] - 1);
      std::string name = !from ? fmt::format("before-{}", b[0])
                         : !to ? fmt::format("{}-", *from)
                               : fmt::format("{}-{}", *from, *to);
      std::vector<const UnitCounts*> members;
      for (const auto& u : units) {
        if (u.year && (!from || *u.year >= *from) && (!to || *u.year <= *to)) {
          members.push_back(&u.counts);
        }
      }
      out.emplace_back(std::move(name), std::move(members));
    }
  }
  return out;
}

}  // namespace

SplitSpec parse_split(const std::string& text) {
  SplitSpec s;
  if (text.empty() || text == "none") return s;
  if (text == "lang") {
    s.kind = SplitSpec::Kind::lang;
    return s;
  }
  if (text.rfind("period:", 0) == 0) {
    s.kind = SplitSpec::Kind::period;
    std::string rest = text.substr(7);
    size_t pos = 0;
    while (pos <= rest.size()) {
      const size_t comma = std::min(rest.find(',', pos), rest.size());
      const std::string year = rest.substr(pos, comma - pos);
      if (year.empty() || year.size() > 4 ||
          !std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        throw UsageError(fmt::format("--split: '{}' in '{}' is not a year", year, text));
      }
      const int y = std::stoi(year);
      if (!s.bounds.empty() && y <= s.bounds.back()) {
        throw UsageError(fmt::format("--split: years must ascend in '{}'", text));
      }
      s.bounds.push_back(y);
      pos = comma + 1;
    }
    return s;
  }
  throw UsageError(fmt::format("--split: '{}' is not lang or period:YEAR,YEAR,...", text));
}

Map build_map(store::Corpus& corpus, const MapOptions& opt) {
  if (opt.min_docs < 1) throw UsageError(fmt::format("--min-docs: must be >= 1, got {}", opt.min_docs));
  if (opt.top < 0) throw UsageError(fmt::format("--top: must be >= 0, got {}", opt.top));
  if (!(opt.min_occurrences >= 1)) {
    throw UsageError(fmt::format("--min-occurrences: must be >= 1, got {}", opt.min_occurrences));
  }
  Map map;
  Stopwatch clock;
  MapInput in = load_map_input(corpus, opt.query);
  map.timings.load = clock.lap();

  // Select and rank the nodes.
  const size_t all = in.nodes.size();
  const bool binary = opt.counting == Counting::binary;
  std::vector<double> occ(all, 0);
  std::vector<int64_t> docs(all, 0), last_doc(all, -1);
  for (const auto& u : in.units) {
    for (auto [node, count] : u.counts) {
      const auto i = static_cast<size_t>(node);
      occ[i] += binary ? 1 : count;
      if (last_doc[i] != u.doc_id) docs[i]++, last_doc[i] = u.doc_id;  // units come by doc
    }
  }
  std::vector<int32_t> rank;
  for (size_t i = 0; i < all; ++i) {
    if (docs[i] >= opt.min_docs && occ[i] >= opt.min_occurrences) rank.push_back(static_cast<int32_t>(i));
  }
  map.candidates = all;
  map.eligible = rank.size();
  std::sort(rank.begin(), rank.end(), [&](int32_t a, int32_t b) {
    const auto ua = static_cast<size_t>(a), ub = static_cast<size_t>(b);
    if (occ[ua] != occ[ub]) return occ[ua] > occ[ub];
    if (docs[ua] != docs[ub]) return docs[ua] > docs[ub];
    return in.nodes[ua].key < in.nodes[ub].key;
  });
  if (opt.top > 0 && rank.size() > static_cast<size_t>(opt.top)) rank.resize(static_cast<size_t>(opt.top));
  if (rank.empty()) {
    throw Error(fmt::format("map: no nodes: nothing in the store matches the filters "
                            "({} candidate nodes before --min-docs {} and --min-occurrences {})",
                            all, opt.min_docs, opt.min_occurrences));
  }
  std::vector<int32_t> new_index(all, -1);
  for (size_t r = 0; r < rank.size(); ++r) new_index[static_cast<size_t>(rank[r])] = static_cast<int32_t>(r);
  const size_t n = rank.size();
  map.nodes.resize(n);
  for (size_t r = 0; r < n; ++r) {
    map.nodes[r].node = std::move(in.nodes[static_cast<size_t>(rank[r])]);
    map.nodes[r].documents = docs[static_cast<size_t>(rank[r])];
  }
  // Units restricted to the selected nodes; overlays and document lists.
  std::vector<MapUnit> units;
  std::vector<double> year_sum(n, 0), year_weight(n, 0);
  std::vector<std::array<double, 3>> lang_weight(n, {0, 0, 0});
  for (auto& u : in.units) {
    UnitCounts kept;
    for (auto [node, count] : u.counts) {
      const int32_t i = new_index[static_cast<size_t>(node)];
      if (i >= 0) kept.emplace_back(i, count);
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end());
    const int slot = lang_slot(u.lang);
    for (auto [i, count] : kept) {
      auto& info = map.nodes[static_cast<size_t>(i)];
      const double w = binary ? 1 : count;
      if (u.year) year_sum[static_cast<size_t>(i)] += w * *u.year, year_weight[static_cast<size_t>(i)] += w;
      if (slot >= 0) lang_weight[static_cast<size_t>(i)][static_cast<size_t>(slot)] += w;
      if ((info.doc_ids.empty() || info.doc_ids.back() != u.doc_id) &&
          info.doc_ids.size() < opt.max_docs_per_node) {
        info.doc_ids.push_back(u.doc_id);
      }
    }
    u.counts = std::move(kept);
    units.push_back(std::move(u));
  }
  map.units = units.size();
  for (size_t i = 0; i < n; ++i) {
    auto& info = map.nodes[i];
    if (year_weight[i] > 0) info.avg_year = year_sum[i] / year_weight[i];
    const double total = lang_weight[i][0] + lang_weight[i][1] + lang_weight[i][2];
    for (size_t s = 0; s < 3; ++s) info.lang_share[s] = total > 0 ? lang_weight[i][s] / total : 0;
  }
  std::vector<const UnitCounts*> unit_ptrs;
  unit_ptrs.reserve(units.size());
  for (const auto& u : units) unit_ptrs.push_back(&u.counts);
  map.timings.count += clock.lap();

  const CooccurrenceMatrix m = count_cooccurrences(n, unit_ptrs, opt.counting);
  map.timings.count += clock.lap();
  const std::vector<double> strength = normalize(m, opt.normalization);
  map.timings.normalize = clock.lap();
  for (size_t i = 0; i < n; ++i) {
    map.nodes[i].occurrences = m.occurrences()[i];
    map.nodes[i].total_link_strength = m.total_link_strength()[i];
  }
  map.links = to_map_links(m, strength);

  ClusterOptions cluster = opt.cluster;
  if (!cluster.progress) cluster.progress = opt.progress;
  const std::vector<int> clusters = cluster_leiden(n, m.links(), strength, cluster);
  for (size_t i = 0; i < n; ++i) map.nodes[i].cluster = clusters[i];
  map.timings.cluster = clock.lap();
  map.timings.cluster_cpu = clock.cpu_lap();
  LayoutOptions layout = opt.layout;
  if (!layout.progress) layout.progress = opt.progress;
  const std::vector<Point> xy = layout_map(n, m.links(), strength, layout);
  for (size_t i = 0; i < n; ++i) map.nodes[i].xy = xy[i];
  map.timings.layout = clock.lap();
  map.timings.layout_cpu = clock.cpu_lap();

  for (auto& [name, members] : slice_units(opt.split, units)) {
    const CooccurrenceMatrix sm = count_cooccurrences(n, members, opt.counting);
    map.slices.push_back({name, sm.occurrences(), to_map_links(sm, normalize(sm, opt.normalization))});
  }
  std::set<int64_t> listed;
  for (const auto& node : map.nodes) listed.insert(node.doc_ids.begin(), node.doc_ids.end());
  map.documents = document_refs(corpus, std::vector<int64_t>(listed.begin(), listed.end()));
  map.timings.count += clock.lap();
  return map;
}

}  // namespace dipmine::analysis

// dipmine map: the co-occurrence map of the store (analysis/map.h), written
// as SVG, HTML, VOSviewer, GEXF, GraphML and CSV (report/map_report.h).
#include <fmt/format.h>

#include "analysis/map.h"
#include "cli/command.h"
#include "common/error.h"
#include "report/map_report.h"
#include "store/corpus.h"

namespace dipmine::cli {
namespace {

struct MapArgs {
  std::string nodes = "concepts", unit = "paragraph", counting = "binary";
  std::string normalization = "association-strength", layout = "vos", overlay = "cluster";
  std::string split, years, lang, label_lang = "en", keywords = "all", thesaurus;
  std::string out = "reports/map", title = "Co-occurrence map", stopwords = "lexicons";
  std::vector<std::string> kinds;
  int min_docs = 1, top = 0, min_cluster_size = 1, layout_starts = 4, threads = 2;
  double resolution = 1.0;
  uint64_t seed = 1;
};

// "2015-2020", "2015-", "-2020" or "2018".
void parse_years(const std::string& text, analysis::NodeQuery& q) {
  if (text.empty()) return;
  auto year = [&](const std::string& s) -> std::optional<int> {
    if (s.empty()) return std::nullopt;
    if (s.size() > 4 || s.find_first_not_of("0123456789") != std::string::npos) {
      throw UsageError(fmt::format("--years: '{}' is not YEAR, YEAR-YEAR, YEAR- or -YEAR", text));
    }
    return std::stoi(s);
  };
  const size_t dash = text.find('-');
  if (dash == std::string::npos) {
    q.year_from = q.year_to = year(text);
  } else {
    q.year_from = year(text.substr(0, dash));
    q.year_to = year(text.substr(dash + 1));
    if (!q.year_from && !q.year_to) throw UsageError("--years: give at least one year");
  }
}

std::string caption(const MapArgs& a) {
  return fmt::format("nodes: {} \u00b7 unit: {} \u00b7 {} counting \u00b7 {} \u00b7 Leiden CPM, resolution {} \u00b7 {} "
                     "layout \u00b7 seed {}",
                     a.nodes, a.unit, a.counting, a.normalization, a.resolution, a.layout, a.seed);
}

CommandRegistration map_cmd("map", "Co-occurrence map: SVG, HTML, VOSviewer, GEXF, GraphML, CSV",
                            [](CLI::App& cmd, GlobalOptions& g) {
  static MapArgs a;
  cmd.add_option("--nodes", a.nodes, "concepts, terms, both or keywords")->capture_default_str();
  cmd.add_option("--kind", a.kinds, "Concept kinds to keep (indicator, network); repeatable");
  cmd.add_option("--lang", a.lang, "Only text in this language: fa, en or ja");
  cmd.add_option("--years", a.years, "Year range: 2015-2020, 2015-, -2020 or 2018");
  cmd.add_option("--min-docs", a.min_docs, "Keep nodes found in at least N documents")->capture_default_str();
  cmd.add_option("--top", a.top, "Keep the N most frequent nodes (0 = all)")->capture_default_str();
  cmd.add_option("--unit", a.unit, "Co-occurrence unit: document, paragraph or sentence")->capture_default_str();
  cmd.add_option("--counting", a.counting, "binary or full")->capture_default_str();
  cmd.add_option("--normalization", a.normalization, "association-strength, fractional or none")
      ->capture_default_str();
  cmd.add_option("--resolution", a.resolution, "Leiden (CPM) resolution")->capture_default_str();
  cmd.add_option("--min-cluster-size", a.min_cluster_size, "Merge smaller clusters into their neighbours")
      ->capture_default_str();
  cmd.add_option("--seed", a.seed, "Random seed for clustering and layout")->capture_default_str();
  cmd.add_option("--layout", a.layout, "vos (VOS mapping) or fr (Fruchterman-Reingold)")->capture_default_str();
  cmd.add_option("--layout-starts", a.layout_starts, "Random starts of the VOS layout")->capture_default_str();
  cmd.add_option("--threads", a.threads, "Threads for the layout starts")->capture_default_str();
  cmd.add_option("--overlay", a.overlay, "Colour by cluster, year (mean publication year) or lang")
      ->capture_default_str();
  cmd.add_option("--split", a.split, "One map per slice: lang or period:2015,2020");
  cmd.add_option("--label-lang", a.label_lang, "Concept label language: en, fa or ja")->capture_default_str();
  cmd.add_option("--keywords", a.keywords, "With --nodes keywords: author, index or all")->capture_default_str();
  cmd.add_option("--thesaurus", a.thesaurus, "VOSviewer thesaurus file for keywords");
  cmd.add_option("--stopwords", a.stopwords, "With --nodes terms: directory of stopwords-<lang>.txt")
      ->capture_default_str();
  cmd.add_option("--out", a.out, "Output directory")->capture_default_str();
  cmd.add_option("--title", a.title, "Title of the figure")->capture_default_str();
  return [&g] {
    analysis::MapOptions opt;
    opt.query.source = analysis::parse_node_source(a.nodes);
    opt.query.unit = analysis::parse_unit(a.unit);
    opt.query.kinds = a.kinds;
    opt.query.lang = a.lang;
    parse_years(a.years, opt.query);
    if (a.label_lang != "en" && a.label_lang != "fa" && a.label_lang != "ja") {
      throw UsageError(fmt::format("--label-lang: '{}' is not en, fa or ja", a.label_lang));
    }
    opt.query.label_lang = a.label_lang;
    opt.query.keyword_kind = a.keywords;
    opt.query.thesaurus = a.thesaurus;
    opt.query.stopwords_dir = a.stopwords;
    opt.min_docs = a.min_docs;
    opt.top = a.top;
    opt.counting = analysis::parse_counting(a.counting);
    opt.normalization = analysis::parse_normalization(a.normalization);
    opt.cluster.resolution = a.resolution;
    opt.cluster.min_cluster_size = a.min_cluster_size;
    opt.cluster.seed = a.seed;
    opt.layout.method = analysis::parse_layout_method(a.layout);
    opt.layout.starts = a.layout_starts;
    opt.layout.threads = a.threads;
    opt.layout.seed = a.seed;
    opt.split = analysis::parse_split(a.split);
    report::MapReportOptions out;
    out.mode = report::parse_color_mode(a.overlay);
    out.out_dir = a.out;
    out.title = a.title;
    out.caption = caption(a);

    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    const analysis::Map map = analysis::build_map(*corpus, opt);
    const auto files = report::write_map_report(map, out);
    int clusters = 0;
    for (const auto& n : map.nodes) clusters = std::max(clusters, n.cluster);
    fmt::print("map: {} nodes, {} links, {} clusters from {} units; {} files in {}\n", map.nodes.size(),
               map.links.size(), clusters, map.units, files.size(), a.out);
    const auto& t = map.timings;
    fmt::print("time: load {:.3f} s, count {:.3f} s, normalize {:.3f} s, cluster {:.3f} s, layout {:.3f} s\n",
               t.load, t.count, t.normalize, t.cluster, t.layout);
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

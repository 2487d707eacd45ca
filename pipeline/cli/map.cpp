// dipmine map: the co-occurrence map of the store (analysis/map.h), written
// as SVG, HTML, VOSviewer, GEXF, GraphML and CSV (report/map_report.h).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <functional>

#include "analysis/map.h"
#include "cli/command.h"
#include "lexicon/lexicon.h"
#include "common/error.h"
#include "common/years.h"
#include "report/map_report.h"
#include "store/corpus.h"

namespace dipmine::cli {
namespace {

struct MapArgs {
  std::string nodes = "concepts", unit, counting = "binary";
  std::string normalization = "association-strength", layout = "vos", overlay = "cluster";
  std::string split, years, lang, label_lang = "en", keywords = "all", thesaurus;
  std::string out = "reports/map", title = "Co-occurrence map", stopwords;
  std::vector<std::string> kinds;
  int min_docs = 1, top = 1000, max_lines = 1000, min_cluster_size = 1, layout_starts = 4, threads = 2;
  double resolution = 1.0, min_occurrences = 0, layout_theta = 0.7;  // 0: the default for the kind of node
  uint64_t seed = 1;
};

// --year: a year or a range, as rank and search's year: take it (common/years.h).
void parse_years(const std::string& text, analysis::NodeQuery& q) {
  if (text.empty()) return;
  const YearRange range = parse_year_range(text);
  if (!range.error.empty()) throw UsageError("--year: " + range.error);
  q.year_from = range.from;
  q.year_to = range.to;
}

// Progress lines on stderr: when stderr is a terminal, one line redrawn in
// place; otherwise a plain line, but only once the run has taken 2 s (a short
// run in a script stays quiet).
std::function<void(const std::string&)> progress_printer() {
  const bool tty = isatty(STDERR_FILENO) != 0;
  const auto start = std::chrono::steady_clock::now();
  return [tty, start](const std::string& line) {
    if (tty) {
      fmt::print(stderr, "\r\033[K{}", line);
      std::fflush(stderr);
    } else if (std::chrono::steady_clock::now() - start > std::chrono::seconds(2)) {
      fmt::print(stderr, "{}\n", line);
    }
  };
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
  cmd.add_option("--year,--years", a.years, "A year or a range A..B (2015..2020, 2015.., ..2020; or 2015-2020)");
  cmd.add_option("--min-docs", a.min_docs, "Keep nodes found in at least N documents")->capture_default_str();
  cmd.add_option("--min-occurrences", a.min_occurrences,
                 "Keep nodes with at least N occurrences (default: 5 for keywords, as VOSviewer; 1 otherwise)");
  cmd.add_option("--top", a.top, "Keep the N most frequent nodes (0 = all)")->capture_default_str();
  cmd.add_option("--max-lines", a.max_lines, "Links drawn in map.svg and map.html, the strongest first")
      ->capture_default_str();
  cmd.add_option("--unit", a.unit,
                 "Co-occurrence unit: document, paragraph or sentence (default: paragraph for concepts, "
                 "document for keywords and terms)");
  cmd.add_option("--counting", a.counting, "binary or full")->capture_default_str();
  cmd.add_option("--normalization", a.normalization, "association-strength, fractional or none")
      ->capture_default_str();
  cmd.add_option("--resolution", a.resolution, "Leiden (CPM) resolution")->capture_default_str();
  cmd.add_option("--min-cluster-size", a.min_cluster_size, "Merge smaller clusters into their neighbours")
      ->capture_default_str();
  cmd.add_option("--seed", a.seed, "Random seed for clustering and layout")->capture_default_str();
  cmd.add_option("--layout", a.layout, "vos (VOS mapping) or fr (Fruchterman-Reingold)")->capture_default_str();
  cmd.add_option("--layout-starts", a.layout_starts, "Random starts of the VOS layout")->capture_default_str();
  cmd.add_option("--layout-theta", a.layout_theta,
                 "Barnes-Hut accuracy of the VOS layout above 500 nodes (0 = exact, as VOSviewer)")
      ->capture_default_str();
  cmd.add_option("--threads", a.threads, "Threads for the layout starts")->capture_default_str();
  cmd.add_option("--overlay", a.overlay, "Colour by cluster, year (mean publication year) or lang")
      ->capture_default_str();
  cmd.add_option("--split", a.split, "One map per slice: lang or period:2015,2020");
  cmd.add_option("--labels,--label-lang", a.label_lang, "Label language of concept nodes: en, fa or ja")
      ->capture_default_str();
  cmd.add_option("--keywords", a.keywords, "With --nodes keywords: author, index or all")->capture_default_str();
  cmd.add_option("--thesaurus", a.thesaurus, "VOSviewer thesaurus file for keywords");
  cmd.add_option("--stopwords", a.stopwords,
                 "With --nodes terms: directory of stopwords-<lang>.txt (default: the lexicon folder)");
  cmd.add_option("--out", a.out, "Output directory")->capture_default_str();
  cmd.add_option("--title", a.title, "Title of the figure")->capture_default_str();
  return [&g] {
    analysis::MapOptions opt;
    opt.query.source = analysis::parse_node_source(a.nodes);
    const bool by_record = opt.query.source != analysis::NodeSource::concepts;
    if (a.unit.empty()) a.unit = by_record ? "document" : "paragraph";
    opt.query.unit = analysis::parse_unit(a.unit);
    const bool keywords = opt.query.source == analysis::NodeSource::keywords;
    if (a.min_occurrences == 0) a.min_occurrences = keywords ? 5 : 1;
    if (a.max_lines < 0) throw UsageError(fmt::format("--max-lines: must be >= 0, got {}", a.max_lines));
    opt.query.kinds = a.kinds;
    opt.query.lang = a.lang;
    parse_years(a.years, opt.query);
    if (a.label_lang != "en" && a.label_lang != "fa" && a.label_lang != "ja") {
      throw UsageError(fmt::format("--labels: '{}' is not en, fa or ja", a.label_lang));
    }
    opt.query.label_lang = a.label_lang;
    opt.query.keyword_kind = a.keywords;
    opt.query.thesaurus = a.thesaurus;
    if (opt.query.source == analysis::NodeSource::terms || opt.query.source == analysis::NodeSource::both) {
      opt.query.stopwords_dir = a.stopwords.empty() ? lexicon::resolve_lexicon_dir("") : a.stopwords;
    }
    opt.min_docs = a.min_docs;
    opt.min_occurrences = a.min_occurrences;
    opt.top = a.top;
    opt.progress = progress_printer();
    opt.counting = analysis::parse_counting(a.counting);
    opt.normalization = analysis::parse_normalization(a.normalization);
    opt.cluster.resolution = a.resolution;
    opt.cluster.min_cluster_size = a.min_cluster_size;
    opt.cluster.seed = a.seed;
    opt.layout.method = analysis::parse_layout_method(a.layout);
    opt.layout.starts = a.layout_starts;
    if (!(a.layout_theta >= 0 && a.layout_theta <= 1.5)) {
      throw UsageError(fmt::format("--layout-theta: must be between 0 and 1.5, got {}", a.layout_theta));
    }
    opt.layout.theta = a.layout_theta;
    opt.layout.threads = a.threads;
    opt.layout.seed = a.seed;
    opt.split = analysis::parse_split(a.split);
    report::MapReportOptions out;
    out.mode = report::parse_color_mode(a.overlay);
    out.out_dir = a.out;
    out.title = a.title;
    out.caption = caption(a);
    out.max_lines = static_cast<size_t>(a.max_lines);

    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    const analysis::Map map = analysis::build_map(*corpus, opt);
    if (isatty(STDERR_FILENO)) fmt::print(stderr, "\r\033[K");
    const auto files = report::write_map_report(map, out);
    int clusters = 0;
    for (const auto& n : map.nodes) clusters = std::max(clusters, n.cluster);
    fmt::print("map: {} nodes, {} links, {} clusters from {} units; {} files in {}\n", map.nodes.size(),
               map.links.size(), clusters, map.units, files.size(), a.out);
    const char* what = keywords ? "keywords" : opt.query.source == analysis::NodeSource::terms ? "terms" : "nodes";
    fmt::print("nodes: {} of {} {} meet the threshold of {} occurrence{}{} (--min-occurrences{}); the map shows "
               "the top {} (--top {})\n",
               map.eligible, map.candidates, what, a.min_occurrences, a.min_occurrences == 1 ? "" : "s",
               a.min_docs > 1 ? fmt::format(" in {} documents", a.min_docs) : "",
               a.min_docs > 1 ? ", --min-docs" : "", map.nodes.size(), a.top);
    const size_t drawn = std::min(map.links.size(), out.max_lines);
    fmt::print("lines: map.svg and map.html draw the {} strongest of {} links (--max-lines {}); the VOSviewer, "
               "GEXF, GraphML and CSV files keep all {}\n",
               drawn, map.links.size(), a.max_lines, map.links.size());
    const auto& t = map.timings;
    fmt::print("time: load {:.3f} s, count {:.3f} s, normalize {:.3f} s, cluster {:.3f} s (CPU {:.3f} s), "
               "layout {:.3f} s (CPU {:.3f} s)\n",
               t.load, t.count, t.normalize, t.cluster, t.cluster_cpu, t.layout, t.layout_cpu);
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

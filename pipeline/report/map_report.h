// Writes every output of `dipmine map` into one directory.
//
//   MapReportOptions opt;  opt.out_dir = "reports/map";  opt.mode = ColorMode::year;
//   std::vector<std::string> files = write_map_report(map, opt);
//
// Files: map.svg (map_<slice>.svg per slice), map.html, vosviewer_map.txt,
// vosviewer_network.txt, vosviewer.json, map.gexf, map.graphml, nodes.csv,
// edges.csv (see report/map_svg.h, map_html.h, map_exports.h). The directory
// is created when missing; each file is written to a temporary name and
// renamed, so a failed run never leaves a half-written file behind.
// Returns the paths written, in that order. Errors: a directory or file that
// cannot be written throws dipmine::Error naming it. Not thread-safe for the
// same directory.
#pragma once
#include <string>
#include <vector>

#include "analysis/map.h"
#include "report/map_style.h"

namespace dipmine::report {

struct MapReportOptions {
  std::string out_dir = "reports/map";
  ColorMode mode = ColorMode::cluster;
  std::string title = "Co-occurrence map";
  std::string caption;  // the settings, printed small under the figure
  size_t max_lines = 1000;  // links drawn in map.svg and map.html, the strongest first
};

std::vector<std::string> write_map_report(const analysis::Map& map, const MapReportOptions& options);

// A file name part for a slice name: letters, digits, '-' and '_' kept, others '_'.
std::string slice_file_part(const std::string& name);

}  // namespace dipmine::report

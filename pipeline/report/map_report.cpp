#include "report/map_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "common/error.h"
#include "common/whole_file.h"
#include "report/map_exports.h"
#include "report/map_html.h"
#include "report/map_svg.h"

namespace dipmine::report {
namespace fs = std::filesystem;

std::string slice_file_part(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_';
    out += keep ? c : '_';
  }
  return out;
}

std::vector<std::string> write_map_report(const analysis::Map& map, const MapReportOptions& opt) {
  const fs::path dir(opt.out_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) {
    throw Error(fmt::format("--out {}: cannot create the directory{}", opt.out_dir,
                            ec ? ": " + ec.message() : ""));
  }
  std::vector<std::pair<std::string, std::string>> files;
  SvgOptions svg;
  svg.mode = opt.mode;
  svg.title = opt.title;
  svg.caption = opt.caption;
  svg.max_links = opt.max_lines;
  files.emplace_back("map.svg", map_svg(map, svg));
  for (size_t s = 0; s < map.slices.size(); ++s) {
    SvgOptions slice = svg;
    slice.slice = static_cast<int>(s);
    slice.title = opt.title + " \u2014 " + map.slices[s].name;
    files.emplace_back("map_" + slice_file_part(map.slices[s].name) + ".svg", map_svg(map, slice));
  }
  HtmlOptions html;
  html.mode = opt.mode;
  html.title = opt.title;
  html.caption = opt.caption;
  html.draw_links = opt.max_lines;
  html.max_links = std::max(html.max_links, opt.max_lines);
  files.emplace_back("map.html", map_html(map, html));
  files.emplace_back("vosviewer_map.txt", vosviewer_map(map));
  files.emplace_back("vosviewer_network.txt", vosviewer_network(map));
  files.emplace_back("vosviewer.json", vosviewer_json(map));
  files.emplace_back("map.gexf", gexf(map, opt.mode));
  files.emplace_back("map.graphml", graphml(map, opt.mode));
  files.emplace_back("nodes.csv", nodes_csv(map));
  files.emplace_back("edges.csv", edges_csv(map));
  std::vector<std::string> written;
  for (const auto& [name, content] : files) {
    write_whole_file(dir / name, content);
    written.push_back((dir / name).string());
  }
  return written;
}

}  // namespace dipmine::report

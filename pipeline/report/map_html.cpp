#include "report/map_html.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/map_exports.h"
#include "report/map_html_assets.h"

namespace dipmine::report {
namespace {

nlohmann::json legend_data(const analysis::Map& map, const ColorScale& scale) {
  using nlohmann::json;
  json clusters = json::array();
  int max_cluster = 0;
  for (const auto& n : map.nodes) max_cluster = std::max(max_cluster, n.cluster);
  for (int c = 1; c <= max_cluster; ++c) {
    std::string label;
    int size = 0;
    for (const auto& n : map.nodes) {
      if (n.cluster != c) continue;
      if (size++ == 0) label = n.node.label;
    }
    clusters.push_back({{"c", c}, {"color", cluster_color(c).hex()}, {"label", label}, {"size", size}});
  }
  json stops = json::array();
  for (int k = 0; k <= 8; ++k) stops.push_back(viridis(k / 8.0).hex());
  json years = scale.has_years ? json::array({round_to(scale.year_min, 2), round_to(scale.year_max, 2)})
                               : json(nullptr);
  json langs = json::array();
  const char* names[3] = {"Persian (fa)", "English (en)", "Japanese (ja)"};
  for (int s = 0; s < 3; ++s) langs.push_back({{"color", lang_color(s).hex()}, {"label", names[s]}});
  return {{"clusters", clusters}, {"viridis", stops}, {"years", years}, {"langs", langs}};
}

}  // namespace

std::string map_html(const analysis::Map& map, const HtmlOptions& opt) {
  using nlohmann::json;
  const ColorScale scale = ColorScale::of(map);
  json nodes = json::array();
  for (size_t i = 0; i < map.nodes.size(); ++i) {
    const auto& n = map.nodes[i];
    json col = json::array({node_color(map, i, ColorMode::cluster, scale).hex(),
                            node_color(map, i, ColorMode::year, scale).hex(),
                            node_color(map, i, ColorMode::lang, scale).hex()});
    nodes.push_back({{"l", n.node.label},
                     {"k", n.node.key},
                     {"kind", n.node.kind},
                     {"x", round_to(n.xy.x, 4)},
                     {"y", round_to(n.xy.y, 4)},
                     {"o", n.occurrences},
                     {"d", n.documents},
                     {"t", round_to(n.total_link_strength, 4)},
                     {"yr", n.avg_year ? json(round_to(*n.avg_year, 2)) : json(nullptr)},
                     {"sh", json::array({round_to(n.lang_share[0], 3), round_to(n.lang_share[1], 3),
                                         round_to(n.lang_share[2], 3)})},
                     {"c", n.cluster},
                     {"r", round_to(node_size(map, i), 2)},
                     {"rtl", is_rtl(n.node.label)},
                     {"col", col},
                     {"docs", n.doc_ids}});
  }
  // Links heaviest first; the page draws the first draw_links at rest.
  auto order = drawn_links(map.links, opt.max_links);
  std::reverse(order.begin(), order.end());
  json links = json::array();
  for (size_t k : order) {
    const auto& l = map.links[k];
    links.push_back(json::array({l.source, l.target, l.weight, round_to(l.strength, 4)}));
  }
  json docs = json::object();
  for (const auto& d : map.documents) {
    docs[std::to_string(d.id)] = json::array({d.title, d.year ? json(*d.year) : json(nullptr)});
  }
  const json data = {{"title", opt.title},
                     {"caption", opt.caption},
                     {"mode", static_cast<int>(opt.mode)},
                     {"draw", std::min(opt.draw_links, order.size())},
                     {"total_links", map.links.size()},
                     {"nodes", nodes},
                     {"links", links},
                     {"docs", docs},
                     {"legend", legend_data(map, scale)}};
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n", xml_escape(opt.title),
                     map_html_css());
  out += fmt::format(
      "<header><h1>{}</h1><input id=\"search\" type=\"search\" placeholder=\"Search labels\" "
      "autocomplete=\"off\"><label>Colour <select id=\"colour\"><option value=\"0\">cluster</option>"
      "<option value=\"1\">average year</option><option value=\"2\">language</option></select></label>"
      "<span id=\"stats\"></span></header>\n",
      xml_escape(opt.title));
  out += "<main><svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\"><g id=\"viewport\"><g id=\"links\"></g>"
         "<g id=\"hl\"></g><g id=\"nodes\"></g><g id=\"labels\"></g></g></svg>\n"
         "<aside id=\"panel\"><div id=\"info\"><p class=\"hint\">Hover a node to see its links and counts; "
         "click it to list its documents. Wheel to zoom, drag to pan.</p></div>"
         "<div id=\"legend\"></div><div id=\"docs\"></div>"
         "<p id=\"caption\"></p></aside></main>\n";
  out += "<script id=\"map-data\" type=\"application/json\">" + script_json(data) + "</script>\n";
  out += fmt::format("<script>\n{}</script>\n</body>\n</html>\n", map_html_js());
  return out;
}

}  // namespace dipmine::report

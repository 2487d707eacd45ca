#include "report/map_exports.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/table.h"

namespace dipmine::report {
namespace {

std::string tsv_cell(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

bool any_year(const analysis::Map& map) {
  for (const auto& n : map.nodes) {
    if (n.avg_year) return true;
  }
  return false;
}

std::string year_cell(const analysis::MapNodeInfo& n) { return n.avg_year ? fixed(*n.avg_year, 2) : ""; }

struct Attr {
  const char* id;
  const char* type;  // GEXF type; GraphML maps integer->int, long->long
};
const Attr kNodeAttrs[] = {
    {"key", "string"},          {"kind", "string"},        {"dimension", "string"},
    {"cluster", "integer"},     {"occurrences", "double"}, {"documents", "long"},
    {"total_link_strength", "double"}, {"avg_year", "double"}, {"share_fa", "double"},
    {"share_en", "double"},     {"share_ja", "double"},
};

// The attribute values of node i, in kNodeAttrs order ("" = no value).
std::vector<std::string> node_values(const analysis::MapNodeInfo& n) {
  return {n.node.key, n.node.kind, n.node.dimension, std::to_string(n.cluster), count_text(n.occurrences),
          std::to_string(n.documents), count_text(n.total_link_strength), year_cell(n),
          fixed(n.lang_share[0], 4), fixed(n.lang_share[1], 4), fixed(n.lang_share[2], 4)};
}

}  // namespace

std::string count_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<int64_t>(v));
  return fixed(v, 4);
}

double node_size(const analysis::Map& map, size_t node) {
  double max_occ = 0;
  for (const auto& n : map.nodes) max_occ = std::max(max_occ, n.occurrences);
  return max_occ > 0 ? 4 + 24 * std::sqrt(map.nodes[node].occurrences / max_occ) : 4;
}

std::string vosviewer_map(const analysis::Map& map) {
  const bool years = any_year(map);
  std::string out = "id\tlabel\tx\ty\tcluster\tweight<Occurrences>\tweight<Total link strength>";
  out += years ? "\tscore<Avg. pub. year>\n" : "\n";
  for (size_t i = 0; i < map.nodes.size(); ++i) {
    const auto& n = map.nodes[i];
    out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}", i + 1, tsv_cell(n.node.label), fixed(n.xy.x, 4),
                       fixed(n.xy.y, 4), n.cluster, count_text(n.occurrences), count_text(n.total_link_strength));
    out += years ? "\t" + year_cell(n) + "\n" : "\n";
  }
  return out;
}

std::string vosviewer_network(const analysis::Map& map) {
  std::string out;
  for (const auto& l : map.links) {
    out += fmt::format("{}\t{}\t{}\n", l.source + 1, l.target + 1, count_text(l.weight));
  }
  return out;
}

std::string vosviewer_json(const analysis::Map& map) {
  using nlohmann::json;
  json items = json::array();
  for (size_t i = 0; i < map.nodes.size(); ++i) {
    const auto& n = map.nodes[i];
    json item = {{"id", i + 1},
                 {"label", n.node.label},
                 {"description", n.node.key},
                 {"x", round_to(n.xy.x, 4)},
                 {"y", round_to(n.xy.y, 4)},
                 {"cluster", n.cluster},
                 {"weights", {{"Occurrences", n.occurrences}, {"Total link strength", n.total_link_strength}}}};
    if (n.avg_year) item["scores"] = {{"Avg. pub. year", round_to(*n.avg_year, 2)}};
    items.push_back(std::move(item));
  }
  json links = json::array();
  for (const auto& l : map.links) {
    links.push_back({{"source_id", l.source + 1}, {"target_id", l.target + 1}, {"strength", l.weight}});
  }
  json doc = {{"network", {{"items", items}, {"links", links}}},
              {"config",
               {{"terminology",
                 {{"item", "Node"}, {"items", "Nodes"}, {"link", "Co-occurrence link"},
                  {"links", "Co-occurrence links"}, {"link_strength", "Co-occurrences"},
                  {"total_link_strength", "Total link strength"}}}}}};
  return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string gexf(const analysis::Map& map, ColorMode mode) {
  const ColorScale scale = ColorScale::of(map);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
      "  <meta><creator>dipmine</creator><description>co-occurrence map</description></meta>\n"
      "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n"
      "    <attributes class=\"node\" mode=\"static\">\n";
  for (const Attr& a : kNodeAttrs) {
    out += fmt::format("      <attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"/>\n", a.id, a.type);
  }
  out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n"
         "      <attribute id=\"strength\" title=\"strength\" type=\"double\"/>\n    </attributes>\n    <nodes>\n";
  for (size_t i = 0; i < map.nodes.size(); ++i) {
    const auto& n = map.nodes[i];
    out += fmt::format("      <node id=\"{}\" label=\"{}\">\n        <attvalues>", i + 1, xml_escape(n.node.label));
    const auto values = node_values(n);
    for (size_t a = 0; a < values.size(); ++a) {
      if (values[a].empty()) continue;
      out += fmt::format("<attvalue for=\"{}\" value=\"{}\"/>", kNodeAttrs[a].id, xml_escape(values[a]));
    }
    const Rgb c = node_color(map, i, mode, scale);
    out += fmt::format(
        "</attvalues>\n        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>\n"
        "        <viz:position x=\"{}\" y=\"{}\" z=\"0\"/>\n        <viz:size value=\"{}\"/>\n      </node>\n",
        c.r, c.g, c.b, fixed(n.xy.x * 100, 2), fixed(n.xy.y * 100, 2), fixed(node_size(map, i), 2));
  }
  out += "    </nodes>\n    <edges>\n";
  for (size_t k = 0; k < map.links.size(); ++k) {
    const auto& l = map.links[k];
    out += fmt::format(
        "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues>"
        "<attvalue for=\"strength\" value=\"{}\"/></attvalues></edge>\n",
        k, l.source + 1, l.target + 1, count_text(l.weight), fixed(l.strength, 6));
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

std::string graphml(const analysis::Map& map, ColorMode mode) {
  const ColorScale scale = ColorScale::of(map);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n";
  for (const Attr& a : kNodeAttrs) {
    const std::string type = std::string(a.type) == "integer" ? "int" : a.type;
    out += fmt::format("  <key id=\"{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n", a.id, type);
  }
  out += "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
         "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n"
         "  <key id=\"size\" for=\"node\" attr.name=\"size\" attr.type=\"double\"/>\n"
         "  <key id=\"color\" for=\"node\" attr.name=\"color\" attr.type=\"string\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <key id=\"strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"double\"/>\n"
         "  <graph id=\"map\" edgedefault=\"undirected\">\n";
  for (size_t i = 0; i < map.nodes.size(); ++i) {
    const auto& n = map.nodes[i];
    out += fmt::format("    <node id=\"n{}\">\n      <data key=\"label\">{}</data>\n", i + 1, xml_escape(n.node.label));
    const auto values = node_values(n);
    for (size_t a = 0; a < values.size(); ++a) {
      if (values[a].empty()) continue;
      out += fmt::format("      <data key=\"{}\">{}</data>\n", kNodeAttrs[a].id, xml_escape(values[a]));
    }
    out += fmt::format(
        "      <data key=\"x\">{}</data>\n      <data key=\"y\">{}</data>\n      <data key=\"size\">{}</data>\n"
        "      <data key=\"color\">{}</data>\n    </node>\n",
        fixed(n.xy.x * 100, 2), fixed(n.xy.y * 100, 2), fixed(node_size(map, i), 2),
        node_color(map, i, mode, scale).hex());
  }
  for (const auto& l : map.links) {
    out += fmt::format(
        "    <edge source=\"n{}\" target=\"n{}\"><data key=\"weight\">{}</data>"
        "<data key=\"strength\">{}</data></edge>\n",
        l.source + 1, l.target + 1, count_text(l.weight), fixed(l.strength, 6));
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string nodes_csv(const analysis::Map& map) {
  std::vector<std::string> header = {"id", "key", "label", "kind", "dimension", "cluster", "x", "y",
                                     "occurrences", "documents", "total_link_strength", "avg_year",
                                     "share_fa", "share_en", "share_ja"};
  for (const auto& s : map.slices) header.push_back("occurrences_" + s.name);
  Table t(header);
  for (size_t i = 0; i < map.nodes.size(); ++i) {
    const auto& n = map.nodes[i];
    std::vector<std::string> row = {std::to_string(i + 1), n.node.key, n.node.label, n.node.kind, n.node.dimension,
                                    std::to_string(n.cluster), fixed(n.xy.x, 4), fixed(n.xy.y, 4),
                                    count_text(n.occurrences), std::to_string(n.documents),
                                    count_text(n.total_link_strength), year_cell(n), fixed(n.lang_share[0], 4),
                                    fixed(n.lang_share[1], 4), fixed(n.lang_share[2], 4)};
    for (const auto& s : map.slices) row.push_back(count_text(s.occurrences[i]));
    t.add(std::move(row));
  }
  return t.render(Format::csv);
}

std::string edges_csv(const analysis::Map& map) {
  Table t({"source", "target", "source_key", "target_key", "source_label", "target_label", "weight", "strength"});
  for (const auto& l : map.links) {
    const auto& a = map.nodes[static_cast<size_t>(l.source)].node;
    const auto& b = map.nodes[static_cast<size_t>(l.target)].node;
    t.add({std::to_string(l.source + 1), std::to_string(l.target + 1), a.key, b.key, a.label, b.label,
           count_text(l.weight), fixed(l.strength, 6)});
  }
  return t.render(Format::csv);
}

}  // namespace dipmine::report

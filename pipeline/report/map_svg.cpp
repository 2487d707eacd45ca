#include "report/map_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/escape.h"

namespace dipmine::report {
namespace {

struct Box {
  double x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  // Whether the box hides the circle at (cx, cy) of radius r: covers its
  // centre, with a margin of a third of its radius (2 to 5). A label may cross
  // part of a neighbour's disc, as in VOSviewer, but not be written across its
  // middle (the rule of the HTML page's placement too).
  bool hides(double cx, double cy, double r) const {
    const double dx = cx - std::clamp(cx, x0, x1), dy = cy - std::clamp(cy, y0, y1);
    const double c = std::clamp(r / 3, 2.0, 5.0);
    return dx * dx + dy * dy < c * c;
  }
};

constexpr const char* kFonts = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans CJK JP', sans-serif";

std::string text_attrs(const std::string& label) {
  return is_rtl(label) ? " direction=\"rtl\" unicode-bidi=\"embed\"" : "";
}

std::string year_text(double y, double span) { return span >= 3 ? fixed(y, 0) : fixed(y, 1); }

void legend(std::string& out, const analysis::Map& map, ColorMode mode, const ColorScale& scale,
            double top, int width) {
  double x = 40;
  const double y = top + 22;
  if (mode == ColorMode::cluster) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lh\">Clusters</text>\n", x, y - 2);
    int clusters = 0;
    for (const auto& n : map.nodes) clusters = std::max(clusters, n.cluster);
    const int shown = std::min(clusters, 10);
    for (int c = 1; c <= shown; ++c) {
      const auto col = (c - 1) % 5, row = (c - 1) / 5;
      const double cx = x + 90 + col * 250.0, cy = y - 6 + row * 22.0;
      std::string top_label;  // the cluster's most frequent node names it
      for (const auto& n : map.nodes) {
        if (n.cluster == c) {
          top_label = n.node.label;
          break;
        }
      }
      // A legend column is 250 px: keep about 28 characters (whole code points).
      size_t points = 0, cut = 0;
      while (cut < top_label.size() && points < 28) {
        ++cut, ++points;
        while (cut < top_label.size() && (static_cast<unsigned char>(top_label[cut]) & 0xC0) == 0x80) ++cut;
      }
      if (cut < top_label.size()) top_label = top_label.substr(0, cut) + "\u2026";
      out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\"/>", cx, cy, cluster_color(c).hex());
      out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lt\">{}: <tspan{}>{}</tspan></text>\n", cx + 11,
                         cy + 4, c, text_attrs(top_label), xml_escape(top_label));
    }
    if (clusters > shown) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lt\">(+{} more)</text>\n", x, y + 22, clusters - shown);
    }
  } else if (mode == ColorMode::year) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lh\">Average publication year</text>\n", x, y - 2);
    const double bx = x + 200, bw = 260;
    out += "<defs><linearGradient id=\"viridis\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">";
    for (int k = 0; k <= 8; ++k) {
      out += fmt::format("<stop offset=\"{}\" stop-color=\"{}\"/>", fixed(k / 8.0, 3), viridis(k / 8.0).hex());
    }
    out += "</linearGradient></defs>\n";
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"url(#viridis)\"/>\n", bx,
                       y - 14, bw);
    if (scale.has_years) {
      const double span = scale.year_max - scale.year_min;
      for (int k = 0; k <= 2; ++k) {
        const double v = scale.year_min + span * k / 2.0;
        out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lt\" text-anchor=\"middle\">{}</text>\n",
                           bx + bw * k / 2.0, y + 14, year_text(v, span));
      }
    } else {
      out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lt\">no years in the store</text>\n", bx, y + 14);
    }
  } else {
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lh\">Language of the text</text>\n", x, y - 2);
    const char* names[3] = {"Persian (fa)", "English (en)", "Japanese (ja)"};
    for (int s = 0; s < 3; ++s) {
      const double cx = x + 200 + s * 170.0;
      out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\"/>", cx, y - 6, lang_color(s).hex());
      out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"lt\">{}</text>\n", cx + 11, y - 2, names[s]);
    }
  }
  (void)width;
}

}  // namespace

std::string map_svg(const analysis::Map& map, const SvgOptions& opt) {
  const bool sliced = opt.slice >= 0 && static_cast<size_t>(opt.slice) < map.slices.size();
  const auto& occ_source = sliced ? map.slices[static_cast<size_t>(opt.slice)].occurrences
                                  : std::vector<double>();
  const auto& links = sliced ? map.slices[static_cast<size_t>(opt.slice)].links : map.links;
  const size_t n = map.nodes.size();
  auto occ = [&](size_t i) { return sliced ? occ_source[i] : map.nodes[i].occurrences; };
  double max_occ = 0;
  for (const auto& node : map.nodes) max_occ = std::max(max_occ, node.occurrences);
  if (max_occ <= 0) max_occ = 1;
  const ColorScale scale = ColorScale::of(map);

  // Fit the layout into the drawing area (legend band at the bottom).
  const double W = opt.width, H = opt.height, legend_h = 90, margin = 50, top = opt.title.empty() ? 30 : 60;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto& p = map.nodes[i].xy;
    if (i == 0) x0 = x1 = p.x, y0 = y1 = p.y;
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  const double aw = W - 2 * margin - 60, ah = H - top - legend_h - margin;
  const double sx = x1 > x0 ? aw / (x1 - x0) : 1, sy = y1 > y0 ? ah / (y1 - y0) : 1;
  const double s = std::min(sx, sy);
  const double ox = margin + 30 + (aw - s * (x1 - x0)) / 2, oy = top + (ah - s * (y1 - y0)) / 2;
  std::vector<double> px(n), py(n), radius(n);
  for (size_t i = 0; i < n; ++i) {
    px[i] = ox + (map.nodes[i].xy.x - x0) * s;
    py[i] = oy + (y1 - map.nodes[i].xy.y) * s;  // y up in the map, down in SVG
    radius[i] = occ(i) > 0 ? 4 + 24 * std::sqrt(occ(i) / max_occ) : 2.5;
  }
  std::vector<Rgb> color(n);
  for (size_t i = 0; i < n; ++i) color[i] = node_color(map, i, opt.mode, scale);

  std::string out;
  out.reserve(4096 + n * 400);
  out += fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"{2}\">\n",
      opt.width, opt.height, kFonts);
  out += "<style>.lbl{fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}"
         ".lh{font-size:13px;font-weight:600;fill:#333}.lt{font-size:12px;fill:#333}"
         ".cap{font-size:11px;fill:#888}.ttl{font-size:20px;font-weight:600;fill:#222}</style>\n";
  out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", opt.width, opt.height);
  if (!opt.title.empty()) {
    out += fmt::format("<text x=\"40\" y=\"38\" class=\"ttl\"{}>{}</text>\n", text_attrs(opt.title),
                       xml_escape(opt.title));
  }

  // Links: curved like VOSviewer's, coloured by the more frequent end.
  const auto drawn = drawn_links(links, opt.max_links);
  double max_w = 0;
  for (size_t k : drawn) max_w = std::max(max_w, links[k].weight);
  out += "<g id=\"links\" fill=\"none\" stroke-linecap=\"round\">\n";
  for (size_t k : drawn) {
    const auto a = static_cast<size_t>(links[k].source), b = static_cast<size_t>(links[k].target);
    const double t = max_w > 0 ? links[k].weight / max_w : 0;
    const double dx = px[b] - px[a], dy = py[b] - py[a];
    const double cx = (px[a] + px[b]) / 2 - dy * 0.12, cy = (py[a] + py[b]) / 2 + dx * 0.12;
    out += fmt::format("<path d=\"M{} {} Q{} {} {} {}\" stroke=\"{}\" stroke-width=\"{}\" stroke-opacity=\"{}\"/>\n",
                       fixed(px[a], 1), fixed(py[a], 1), fixed(cx, 1), fixed(cy, 1), fixed(px[b], 1),
                       fixed(py[b], 1), color[std::min(a, b)].hex(), fixed(0.4 + 3.6 * std::pow(t, 0.75), 2),
                       fixed(0.12 + 0.45 * t, 2));
  }
  out += "</g>\n<g id=\"nodes\">\n";
  // Small nodes first so big ones stay visible on top.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = n - 1 - i;
  for (size_t i : order) {
    const bool absent = sliced && occ(i) <= 0;
    out += fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"#ffffff\" "
        "stroke-width=\"0.8\"><title>{} ({} occurrences)</title></circle>\n",
        fixed(px[i], 1), fixed(py[i], 1), fixed(radius[i], 1), absent ? "#cccccc" : color[i].hex(),
        absent ? "0.6" : "0.85", xml_escape(map.nodes[i].node.label), fixed(occ(i), 0));
  }
  out += "</g>\n<g id=\"labels\">\n";
  std::vector<Box> placed;
  for (size_t i = 0; i < n; ++i) {  // nodes come in rank order: most frequent first
    if (sliced && occ(i) <= 0) continue;
    const std::string& label = map.nodes[i].node.label;
    const double f = 10 + 9 * std::sqrt(occ(i) / max_occ);
    const double w = text_width_em(label) * f + 4, h = f * 1.2;
    const double candidates[3] = {py[i], py[i] - radius[i] - h / 2, py[i] + radius[i] + h / 2};
    for (double cy : candidates) {
      const Box box{px[i] - w / 2, cy - h / 2, px[i] + w / 2, cy + h / 2};
      if (box.x0 < 2 || box.x1 > W - 2 || box.y0 < top - 20 || box.y1 > H - legend_h) continue;
      if (std::any_of(placed.begin(), placed.end(), [&](const Box& b) { return b.overlaps(box); })) continue;
      // Nor across the middle of a node at least half the size of its own
      // (a much smaller node may lie under a large node's label).
      bool hides = false;
      for (size_t j = 0; j < n && !hides; ++j) {
        hides = j != i && 2 * radius[j] >= radius[i] && !(sliced && occ(j) <= 0) && box.hides(px[j], py[j], radius[j]);
      }
      if (hides) continue;
      placed.push_back(box);
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" class=\"lbl\"{}>{}</text>\n",
                         fixed(px[i], 1), fixed(cy + f * 0.35, 1), fixed(f, 1), text_attrs(label),
                         xml_escape(label));
      break;
    }
  }
  out += "</g>\n<g id=\"legend\">\n";
  out += fmt::format("<line x1=\"30\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#e5e5e5\"/>\n", W - 30, H - legend_h,
                     H - legend_h);
  legend(out, map, opt.mode, scale, H - legend_h + 8, opt.width);
  const std::string counts = fmt::format("{} nodes, {} links ({} drawn); circle area: occurrences",
                                         n, links.size(), drawn.size());
  out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"cap\" text-anchor=\"end\">{}</text>\n", W - 30, H - 22,
                     xml_escape(counts));
  if (!opt.caption.empty()) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"cap\" text-anchor=\"end\">{}</text>\n", W - 30, H - 8,
                       xml_escape(opt.caption));
  }
  out += "</g>\n</svg>\n";
  return out;
}

}  // namespace dipmine::report

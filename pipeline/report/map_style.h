// What the map writers share: node colours (by cluster, by average year on the
// viridis scale, by language share), sizes, the link subset worth drawing,
// fixed-precision numbers and label geometry, so the SVG, the HTML and the
// Gephi/VOSviewer exports agree with each other.
//
//   ColorScale scale = ColorScale::of(map);
//   Rgb c = node_color(map, i, ColorMode::year, scale);   // viridis by avg year
//   std::string x = fixed(map.nodes[i].xy.x, 4);          // "-0.1234", never "-0.0000"
//
// Cluster colours follow VOSviewer's order (red, green, blue, yellow, purple,
// cyan, orange, brown, pink, ...); clusters past the palette cycle. Viridis
// runs blue (oldest) -> green -> yellow (newest) over [min, max] of the nodes'
// average years; nodes without a year are grey. Language colours: fa red,
// en blue, ja green, mixed by share. Pure functions; thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/map.h"

namespace dipmine::report {

enum class ColorMode { cluster, year, lang };
// "cluster" | "year" | "lang"; UsageError "--overlay: ..." otherwise.
ColorMode parse_color_mode(const std::string& name);
std::string_view color_mode_name(ColorMode mode);

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
  std::string hex() const;  // "#rrggbb"
};

Rgb cluster_color(int cluster);  // cluster from 1
Rgb viridis(double t);           // t in [0, 1], clamped
Rgb lang_color(int slot);        // 0 fa, 1 en, 2 ja

struct ColorScale {
  double year_min = 0, year_max = 0;  // over nodes with an average year
  bool has_years = false;
  static ColorScale of(const analysis::Map& map);
};

Rgb node_color(const analysis::Map& map, size_t node, ColorMode mode, const ColorScale& scale);

// Fixed-point text with `decimals` digits; -0 prints as 0.
std::string fixed(double v, int decimals);
// v rounded to `decimals` places as a number (for JSON), never -0.
double round_to(double v, int decimals);

// Indices of the links to draw: the `limit` heaviest by weight (ties: lower
// index), returned lightest first so the heavy ones are painted on top.
std::vector<size_t> drawn_links(const std::vector<analysis::MapLink>& links, size_t limit);

// Rough width of `text` in ems at a sans-serif font: Latin ~0.56, CJK 1.0,
// Arabic script ~0.5, marks and ZWNJ 0. Used to keep labels from overlapping.
double text_width_em(std::string_view text);
// True when the text holds Arabic-script letters (drawn right to left).
bool is_rtl(std::string_view text);

}  // namespace dipmine::report

// map.svg: the co-occurrence map as a static figure for a paper.
//
//   SvgOptions opt;  opt.mode = ColorMode::year;  opt.title = "City diplomacy";
//   write_file("map.svg", map_svg(map, opt));
//
// Circles with area proportional to occurrences; the `max_links` heaviest
// links as curved lines, width and opacity by weight (weaker ones thinner and
// fainter, the rest not drawn); labels centred on their circle, or above or
// below it, placed greedily from the most frequent node and left out where
// they would overlap a placed label (every label stays in the node's <title>
// tooltip); a legend for the colouring. Fonts are named with fallbacks (Noto
// Sans, Noto Sans Arabic, Noto Sans CJK JP, sans-serif); labels in Arabic
// script carry direction="rtl" so viewers shape and order them right to
// left. y grows upward in map coordinates (as in VOSviewer) and is flipped.
// With `slice` >= 0 the slice's occurrences and links are drawn on the whole
// map's positions; nodes absent from the slice are small grey dots.
// Every text is escaped (report/escape.h). Deterministic; thread-safe.
#pragma once
#include <string>

#include "analysis/map.h"
#include "report/map_style.h"

namespace dipmine::report {

struct SvgOptions {
  ColorMode mode = ColorMode::cluster;
  int slice = -1;           // index into map.slices; -1 = the whole map
  std::string title;        // drawn top left when not empty
  std::string caption;      // small grey line bottom right (e.g. the settings)
  size_t max_links = 1000;  // VOSviewer's default number of lines
  int width = 1400, height = 1000;
};

std::string map_svg(const analysis::Map& map, const SvgOptions& options);

}  // namespace dipmine::report

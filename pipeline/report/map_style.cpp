#include "report/map_style.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "common/error.h"

namespace dipmine::report {
namespace {

// Decodes one code point; advances i (invalid bytes count as U+FFFD).
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + static_cast<size_t>(len) > s.size()) len = 1;
  char32_t cp = len == 1 ? (c < 0x80 ? c : 0xFFFD) : (c & (0x7F >> len));
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

bool arabic_script(char32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF);
}

}  // namespace

ColorMode parse_color_mode(const std::string& name) {
  if (name == "cluster") return ColorMode::cluster;
  if (name == "year") return ColorMode::year;
  if (name == "lang") return ColorMode::lang;
  throw UsageError(fmt::format("--overlay: '{}' is not cluster, year or lang", name));
}

std::string_view color_mode_name(ColorMode mode) {
  switch (mode) {
    case ColorMode::cluster: return "cluster";
    case ColorMode::year: return "year";
    case ColorMode::lang: return "lang";
  }
  return "cluster";
}

std::string Rgb::hex() const { return fmt::format("#{:02x}{:02x}{:02x}", r, g, b); }

Rgb cluster_color(int cluster) {
  static const std::array<Rgb, 14> palette = {{
      {214, 39, 40},   {44, 160, 44},   {31, 119, 180},  {230, 190, 0},   {148, 103, 189},
      {23, 190, 207},  {255, 127, 14},  {140, 86, 75},   {227, 119, 194}, {127, 127, 127},
      {188, 189, 34},  {57, 59, 121},   {173, 73, 74},   {99, 121, 57},
  }};
  const size_t k = static_cast<size_t>(std::max(cluster, 1) - 1) % palette.size();
  return palette[k];
}

Rgb viridis(double t) {
  static const std::array<Rgb, 9> stops = {{
      {0x44, 0x01, 0x54}, {0x47, 0x2d, 0x7b}, {0x3b, 0x52, 0x8b}, {0x2c, 0x72, 0x8e}, {0x21, 0x91, 0x8c},
      {0x28, 0xae, 0x80}, {0x5e, 0xc9, 0x62}, {0xad, 0xdc, 0x30}, {0xfd, 0xe7, 0x25},
  }};
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 8;
  const size_t k = std::min<size_t>(static_cast<size_t>(t), 7);
  const double f = t - static_cast<double>(k);
  auto mix = [f](uint8_t a, uint8_t b) { return static_cast<uint8_t>(std::lround(a + (b - a) * f)); };
  return {mix(stops[k].r, stops[k + 1].r), mix(stops[k].g, stops[k + 1].g), mix(stops[k].b, stops[k + 1].b)};
}

Rgb lang_color(int slot) {
  static const std::array<Rgb, 3> colors = {{{214, 39, 40}, {31, 119, 180}, {44, 160, 44}}};
  return colors[static_cast<size_t>(std::clamp(slot, 0, 2))];
}

ColorScale ColorScale::of(const analysis::Map& map) {
  ColorScale s;
  for (const auto& n : map.nodes) {
    if (!n.avg_year) continue;
    if (!s.has_years) s.year_min = s.year_max = *n.avg_year, s.has_years = true;
    s.year_min = std::min(s.year_min, *n.avg_year);
    s.year_max = std::max(s.year_max, *n.avg_year);
  }
  return s;
}

Rgb node_color(const analysis::Map& map, size_t node, ColorMode mode, const ColorScale& scale) {
  const auto& n = map.nodes[node];
  switch (mode) {
    case ColorMode::cluster: return cluster_color(n.cluster);
    case ColorMode::year: {
      if (!n.avg_year) return {187, 187, 187};
      const double span = scale.year_max - scale.year_min;
      return viridis(span > 0 ? (*n.avg_year - scale.year_min) / span : 0.5);
    }
    case ColorMode::lang: {
      const double total = n.lang_share[0] + n.lang_share[1] + n.lang_share[2];
      if (total <= 0) return {187, 187, 187};
      double r = 0, g = 0, b = 0;
      for (int s = 0; s < 3; ++s) {
        const Rgb c = lang_color(s);
        const double w = n.lang_share[static_cast<size_t>(s)] / total;
        r += w * c.r, g += w * c.g, b += w * c.b;
      }
      return {static_cast<uint8_t>(std::lround(r)), static_cast<uint8_t>(std::lround(g)),
              static_cast<uint8_t>(std::lround(b))};
    }
  }
  return {};
}

double round_to(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  const double r = std::round(v * f) / f;
  return r == 0 ? 0.0 : r;  // no -0
}

std::string fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "0";
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::vector<size_t> drawn_links(const std::vector<analysis::MapLink>& links, size_t limit) {
  std::vector<size_t> idx(links.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(),
                   [&](size_t a, size_t b) { return links[a].weight > links[b].weight; });
  if (idx.size() > limit) idx.resize(limit);
  std::reverse(idx.begin(), idx.end());
  return idx;
}

double text_width_em(std::string_view text) {
  double w = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (cp == 0x200C || cp == 0x200D || (cp >= 0x064B && cp <= 0x065F) || (cp >= 0x0300 && cp <= 0x036F)) continue;
    if (arabic_script(cp)) w += 0.5;
    else if (cp >= 0x2E80) w += 1.0;  // CJK, kana, full-width forms
    else if (cp == ' ' || cp == 'i' || cp == 'l' || cp == 'j' || cp == '.' || cp == ',') w += 0.3;
    else if (cp >= 'A' && cp <= 'Z') w += 0.66;
    else w += 0.56;
  }
  return w;
}

bool is_rtl(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (arabic_script(next_code_point(text, i))) return true;
  }
  return false;
}

}  // namespace dipmine::report

// One-glyph words that are vertical text (see pdf_vertical.h).
#include "ingest/pdf_vertical.h"

#include <algorithm>
#include <cmath>

#include "ingest/pdf_chars.h"

namespace dipmine::ingest {

using pdf_chars::is_cjk;

size_t restack_vertical_glyphs(std::vector<PdfWord>& words) {
  std::vector<size_t> order;  // rotation-0 words in content order
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].rotation == 0 && words[i].content_pos >= 0 && !words[i].chars.empty()) order.push_back(i);
  }
  if (order.size() < 8) return 0;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return words[a].content_pos < words[b].content_pos; });
  auto glyph = [](const PdfWord& w) { return w.chars.size() == 1 && is_cjk(w.chars[0]); };
  auto overlap_x = [](const PdfWord& a, const PdfWord& b) {
    return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) >= 0.5 * std::min(a.x1 - a.x0, b.x1 - b.x0);
  };
  // b drawn under a, within two characters (a punctuation mark set in the
  // column with a vertical font sits between them).
  auto under = [&](const PdfWord& a, const PdfWord& b) {
    const double h = a.y1 - a.y0, dy = b.y0 - a.y0;
    return overlap_x(a, b) && dy > 0.5 * h && dy < 2.5 * h;
  };
  auto beside = [](const PdfWord& a, const PdfWord& b) {
    const double h = std::min(a.y1 - a.y0, b.y1 - b.y0);
    return std::min(a.y1, b.y1) - std::max(a.y0, b.y0) >= 0.5 * h && std::abs(b.x0 - a.x1) < h;
  };
  std::vector<char> stacked(words.size(), 0), side(words.size(), 0);
  size_t links = 0, glyphs = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    const PdfWord& a = words[order[k]];
    glyphs += glyph(a);
    if (k + 1 == order.size()) break;
    const PdfWord& b = words[order[k + 1]];
    if (glyph(a) && glyph(b) && under(a, b)) {
      stacked[order[k]] = stacked[order[k + 1]] = 1;
      ++links;
    } else if (beside(a, b)) {
      side[order[k]] = side[order[k + 1]] = 1;
    }
  }
  if (links < 8 || 2 * links < glyphs) return 0;
  size_t changed = 0;
  // A lone glyph (a column's last character, alone at the top of the next
  // column) goes with a stacked one drawn just before or after it, unless it
  // has a horizontal neighbour (a header's 年, 月).
  auto next_to_stacked = [&](size_t k) {
    return (k > 0 && stacked[order[k - 1]]) || (k + 1 < order.size() && stacked[order[k + 1]]);
  };
  for (size_t k = 0; k < order.size(); ++k) {
    PdfWord& w = words[order[k]];
    if (!glyph(w) || !(stacked[order[k]] || (!side[order[k]] && next_to_stacked(k)))) continue;
    w.rotation = 1;
    ++changed;
  }
  // A word set upright inside a column (digits side by side, tate-chu-yoko)
  // between two stacked glyphs goes with them.
  for (size_t k = 1; k + 1 < order.size(); ++k) {
    PdfWord& w = words[order[k]];
    const PdfWord& a = words[order[k - 1]];
    const PdfWord& b = words[order[k + 1]];
    if (w.rotation == 0 && a.rotation == 1 && b.rotation == 1 && under(a, w) && overlap_x(w, b)) {
      w.rotation = 1;
      ++changed;
    }
  }
  // A vertical font's glyph hangs from its origin, centred on it, but
  // poppler's box ends at the origin and starts there across: one character
  // early and half a character off its column. Among the restacked glyphs
  // that matters: the gazette sets its commas and brackets with a vertical
  // font, which poppler then placed in the slot above theirs, half in the
  // next column. (Alone, a vertical font's columns are all off alike.)
  if (changed > 0) {
    for (PdfWord& w : words) {
      if (w.vertical_font_size <= 0 || w.rotation % 2 == 0) continue;
      const double fs = (w.rotation == 1 ? 1.0 : -1.0) * w.vertical_font_size;
      w.x0 -= 0.5 * fs, w.x1 -= 0.5 * fs;
      w.y0 += fs, w.y1 += fs;
    }
  }
  return changed;
}

}  // namespace dipmine::ingest

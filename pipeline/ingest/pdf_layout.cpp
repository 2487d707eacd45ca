#include "ingest/pdf_layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>

#include "ingest/pdf_chars.h"
#include "ingest/pdf_vertical.h"

namespace dipmine::ingest {
namespace {

using namespace pdf_chars;

// ---- geometry ---------------------------------------------------------------

// A word in its line's frame: `along` the writing direction, `across` it
// (growing from one line to the next: down for horizontal text, leftward for
// vertical text, whose columns run right to left).
struct Placed {
  const PdfWord* word;
  double along0, along1, across0, across1;
  double thickness() const { return across1 - across0; }
};

Placed place(const PdfWord& w) {
  switch (w.rotation) {
    case 1: return {&w, w.y0, w.y1, -w.x1, -w.x0};
    case 2: return {&w, -w.x1, -w.x0, -w.y1, -w.y0};
    case 3: return {&w, -w.y1, -w.y0, w.x0, w.x1};
    default: return {&w, w.x0, w.x1, w.y0, w.y1};
  }
}

bool all_of_chars(std::u32string_view w, bool (*pred)(char32_t)) {
  return !w.empty() && std::all_of(w.begin(), w.end(), pred);
}
bool is_marker_char(char32_t c) {
  return u_isdigit(static_cast<UChar32>(c)) || c == U'*' || c == U'∗' || c == U'†' || c == U'‡' ||
         c == U'§' || c == U'¹' || c == U'²' || c == U'³' || (c >= 0x2070 && c <= 0x2079);
}

// Removes the smaller, non-letter characters ending a left-to-right word
// after a letter (a footnote mark set in the word's box: "Gal∗+",
// "Corporation⇤" where a font maps its star to an arrow); returns how many.
size_t strip_glued_markers(PdfWord& w) {
  const size_t n = w.chars.size();
  if (n < 2 || w.char_size.size() != n || has_rtl_letter(w.chars)) return 0;
  const float largest = *std::max_element(w.char_size.begin(), w.char_size.end());
  size_t k = n;
  while (k > 1 && w.char_size[k - 1] < 0.8f * largest && !u_isalpha(static_cast<UChar32>(w.chars[k - 1])) &&
         !u_isspace(static_cast<UChar32>(w.chars[k - 1]))) {
    --k;
  }
  if (k == n || !u_isalpha(static_cast<UChar32>(w.chars[k - 1]))) return 0;
  w.chars.resize(k);
  w.char_size.resize(k);
  return n - k;
}

// A line (or a column of vertical text) being built.
struct RawLine {
  std::vector<Placed> words;
  double a0 = 0, a1 = 0, along0 = 0, along1 = 0;
  int rot = 0;
  bool kana_only = true;
  double thickness() const { return a1 - a0; }
  // Whether `p` starts the next line of a tilted text layer: lines sloping by
  // half a line or more (OCR's text over a skewed scan; pdf.js's
  // issue5747.pdf) overlap across, so the next line's first word would join
  // this one, words interleaved and glued. It does when it stands under the
  // line's first word, sharing most of its width, below its bottom, after a
  // line of three words or more. (A superscript or a marker stands above or
  // beside a word, a ruby above: never under the first word.)
  bool next_tilted_line(const Placed& p) const {
    if (words.size() < 3 || p.word->chars.size() < 2) return false;
    const Placed& first = words.front();
    const double shared = std::min(first.along1, p.along1) - std::max(first.along0, p.along0);
    return shared > 0.5 * std::min(first.along1 - first.along0, p.along1 - p.along0) &&
           (p.across0 + p.across1) / 2 > first.across1;
  }
  void add(const Placed& p) {
    if (words.empty()) {
      a0 = p.across0, a1 = p.across1, along0 = p.along0, along1 = p.along1, rot = p.word->rotation;
    } else {
      a0 = std::min(a0, p.across0), a1 = std::max(a1, p.across1);
      along0 = std::min(along0, p.along0), along1 = std::max(along1, p.along1);
    }
    words.push_back(p);
    kana_only = kana_only && all_of_chars(p.word->chars, is_kana);
  }
};

// Tiers one line apart (a gazette's upper and lower halves) are as close as
// two characters of a column with a blank between them, so a column of the
// upper half and the one under it were gathered as one. A height where text
// stops (a column's end, or a gap of a character) in five columns or more,
// starts again in five or more right below, and runs through in fewer than
// half as many, is a tier boundary; a column with a gap there is cut in two.
// (A test page of PXrubrica repeats a short column whose blanks line up in
// four columns: not a boundary.)
std::vector<RawLine> split_at_tier_bounds(std::vector<RawLine> columns) {
  if (columns.size() < 5) return columns;
  struct Edge {
    double at;
    size_t column;
  };
  std::vector<Edge> stops, starts;
  // Each column's words sorted down it (a copy: the order of words at one
  // height is left as it was for line_text).
  std::vector<RawLine> sorted = columns;
  for (size_t i = 0; i < sorted.size(); ++i) {
    RawLine& c = sorted[i];
    std::stable_sort(c.words.begin(), c.words.end(), [](const Placed& a, const Placed& b) { return a.along0 < b.along0; });
    for (size_t k = 0; k < c.words.size(); ++k) {
      const bool gap_after = k + 1 == c.words.size() || c.words[k + 1].along0 - c.words[k].along1 >= 0.8 * c.thickness();
      if (gap_after) stops.push_back({c.words[k].along1, i});
      if (k == 0 || c.words[k].along0 - c.words[k - 1].along1 >= 0.8 * c.thickness()) starts.push_back({c.words[k].along0, i});
    }
  }
  auto columns_with = [](const std::vector<Edge>& edges, double lo, double hi) {
    std::vector<size_t> in;
    for (const Edge& e : edges) {
      if (e.at >= lo && e.at <= hi) in.push_back(e.column);
    }
    std::sort(in.begin(), in.end());
    return static_cast<size_t>(std::unique(in.begin(), in.end()) - in.begin());
  };
  // Columns with text running through the height: a boundary crosses few.
  auto crossing = [&](double at, double t) {
    size_t n = 0;
    for (const RawLine& c : columns) {
      n += std::any_of(c.words.begin(), c.words.end(),
                       [&](const Placed& p) { return p.along0 < at - 0.25 * t && p.along1 > at + 0.25 * t; });
    }
    return n;
  };
  std::vector<double> bounds;
  for (const Edge& e : stops) {
    const double t = columns[e.column].thickness();
    const size_t stopping = columns_with(stops, e.at - 0.5 * t, e.at + 0.5 * t);
    if (stopping >= 5 && columns_with(starts, e.at + 0.01, e.at + 2 * t) >= 5 && 2 * crossing(e.at, t) <= stopping) {
      bounds.push_back(e.at);
    }
  }
  if (bounds.empty()) return columns;
  std::vector<RawLine> out;
  for (size_t i = 0; i < sorted.size(); ++i) {
    const RawLine& c = sorted[i];
    const double t = c.thickness();
    auto cut_before = [&](size_t k) {
      return k > 0 && std::any_of(bounds.begin(), bounds.end(), [&](double e) {
        const Placed& p = c.words[k];
        return c.words[k - 1].along1 <= e + 0.5 * t && p.along0 > e && p.along0 - c.words[k - 1].along1 >= 0.8 * t;
      });
    };
    bool cut = false;
    for (size_t k = 1; k < c.words.size() && !cut; ++k) cut = cut_before(k);
    if (!cut) {  // as it was, its words in their order
      out.push_back(std::move(columns[i]));
      continue;
    }
    RawLine piece;
    for (size_t k = 0; k < c.words.size(); ++k) {
      if (cut_before(k)) out.push_back(std::move(piece)), piece = RawLine();
      piece.add(c.words[k]);
    }
    out.push_back(std::move(piece));
  }
  return out;
}

// Vertical text in reading order: words gathered into columns by position,
// columns into tiers (bands down the page that share no column), tiers top
// to bottom and columns in a tier right to left.
std::vector<RawLine> vertical_columns(std::vector<Placed> words) {
  std::sort(words.begin(), words.end(), [](const Placed& a, const Placed& b) {
    return a.across0 + a.across1 < b.across0 + b.across1 ||
           (a.across0 + a.across1 == b.across0 + b.across1 && a.along0 < b.along0);
  });
  std::vector<RawLine> columns;
  for (const Placed& p : words) {
    RawLine* into = nullptr;
    const double t = p.thickness();
    for (size_t k = columns.size(); k-- > 0 && !into;) {
      RawLine& c = columns[k];
      if (c.a1 < p.across0 - 2 * t) break;  // sorted across: the rest are farther
      const bool overlap = std::min(c.a1, p.across1) - std::max(c.a0, p.across0) >= 0.5 * std::min(t, c.thickness());
      const bool near = p.along0 < c.along1 + 2 * t && p.along1 > c.along0 - 2 * t;
      if (overlap && near) into = &c;
    }
    if (into == nullptr) {
      columns.emplace_back();
      into = &columns.back();
    }
    into->add(p);
  }
  columns = split_at_tier_bounds(std::move(columns));
  std::sort(columns.begin(), columns.end(), [](const RawLine& a, const RawLine& b) { return a.along0 < b.along0; });
  std::vector<int> tier(columns.size());
  double tier_end = -1e18;
  int t = -1;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].along0 >= tier_end) ++t;
    tier[i] = t;
    tier_end = std::max(tier_end, columns[i].along1);
  }
  std::vector<size_t> order(columns.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return tier[x] != tier[y] ? tier[x] < tier[y] : columns[x].a0 < columns[y].a0;
  });
  std::vector<RawLine> out;
  for (size_t i : order) out.push_back(std::move(columns[i]));
  return out;
}

// The page's space glyphs in each rotation's frame, sorted along the line.
class SpaceIndex {
 public:
  explicit SpaceIndex(const std::vector<PdfSpaceGlyph>& spaces) {
    for (const PdfSpaceGlyph& m : spaces) {
      const double mx = (m.x0 + m.x1) / 2, my = (m.y0 + m.y1) / 2;
      by_rot_[0].push_back({mx, my});
      by_rot_[1].push_back({my, -mx});
      by_rot_[2].push_back({-mx, -my});
      by_rot_[3].push_back({-my, mx});
    }
    for (auto& v : by_rot_) std::sort(v.begin(), v.end());
  }
  // Whether a space glyph's middle lies in the gap [g0, g1] (give or take
  // `slack`) of a line of rotation `rot` spanning [a0, a1] across.
  bool in_gap(int rot, double g0, double g1, double a0, double a1, double slack) const {
    const auto& v = by_rot_[rot & 3];
    auto it = std::lower_bound(v.begin(), v.end(), std::pair<double, double>(g0 - slack, -1e18));
    for (; it != v.end() && it->first <= g1 + slack; ++it) {
      if (it->second >= a0 && it->second <= a1) return true;
    }
    return false;
  }

 private:
  std::vector<std::pair<double, double>> by_rot_[4];  // (along, across) of each middle
};

// The line's words in visual order as text in logical order.
std::string line_text(std::vector<Placed>& ws, bool rtl_page, size_t& markers, const SpaceIndex& spaces) {
  std::sort(ws.begin(), ws.end(), [](const Placed& a, const Placed& b) { return a.along0 < b.along0; });
  double thick = 0, mid = 0, a0 = 1e18, a1 = -1e18;
  for (const Placed& p : ws) thick = std::max(thick, p.thickness());
  for (const Placed& p : ws) a0 = std::min(a0, p.across0), a1 = std::max(a1, p.across1);
  for (const Placed& p : ws) mid += (p.across0 + p.across1) / 2;
  mid /= static_cast<double>(ws.size());
  std::vector<std::u32string> words;
  std::vector<bool> space_before;
  for (size_t i = 0; i < ws.size(); ++i) {
    const Placed& p = ws[i];
    const double gap_before = i > 0 ? p.along0 - ws[i - 1].along1 : 1e9;
    const double gap_after = i + 1 < ws.size() ? ws[i + 1].along0 - p.along1 : 1e9;
    // A raised small number or star glued to a word: a footnote marker.
    if (ws.size() > 1 && p.thickness() < 0.75 * thick && (p.across0 + p.across1) / 2 < mid &&
        std::min(gap_before, gap_after) < 0.15 * thick && all_of_chars(p.word->chars, is_marker_char)) {
      ++markers;
      continue;
    }
    // Between two CJK characters a gap is spacing (ruby above, justification),
    // not a space, unless it is a whole character wide.
    const bool cjk_join = !words.empty() && is_cjk(words.back().back()) && is_cjk(p.word->chars.front());
    // A space glyph between the two is a word gap, however narrow (not
    // between CJK characters: see above).
    const bool space_glyph = i > 0 && !cjk_join &&
                             spaces.in_gap(p.word->rotation, ws[i - 1].along1, p.along0, a0, a1, 0.03 * thick);
    // poppler's own verdict counts for a narrow gap (a justified table's
    // space can be a tenth of the line's height; pieces drawn apart inside a
    // word touch).
    const bool poppler_space = i > 0 && ws[i - 1].word->space_after && gap_before > 0.03 * thick;
    space_before.push_back(space_glyph || gap_before > (cjk_join ? 0.9 : 0.1) * thick ||
                           (!cjk_join && poppler_space));
    words.push_back(p.word->chars);
  }
  if (!space_before.empty()) space_before[0] = false;
  std::string text = logical_line(words, space_before, rtl_page);
  // A soft hyphen ending a line is where a word was broken: a hyphen, which
  // later stages join across the line break as in a .txt file.
  if (text.size() >= 2 && text.compare(text.size() - 2, 2, "\u00AD") == 0) text.replace(text.size() - 2, 2, "-");
  return text;
}

}  // namespace

PdfPage lay_out_page(const std::vector<PdfWord>& given, double page_height,
                     const std::vector<PdfSpaceGlyph>& space_glyphs) {
  PdfPage page;
  const SpaceIndex spaces(space_glyphs);
  page.height = page_height;
  std::vector<PdfWord> words = given;
  for (PdfWord& w : words) page.footnote_markers += strip_glued_markers(w);
  page.restacked = restack_vertical_glyphs(words);
  std::vector<Placed> placed;
  placed.reserve(words.size());
  for (const PdfWord& w : words) {
    if (!w.chars.empty()) placed.push_back(place(w));
  }
  // A page mostly in a right-to-left script: its lines with any
  // right-to-left word are right-to-left paragraphs (a line may hold more
  // Latin letters than Persian ones and still be a Persian sentence).
  size_t rtl_letters = 0, ltr_letters = 0;
  for (const PdfWord& w : words) {
    for (char32_t c : w.chars) rtl_letters += is_rtl_letter(c), ltr_letters += is_ltr_letter(c);
  }
  const bool rtl_page = rtl_letters > ltr_letters;
  // Ruby: kana much thinner than the page's usual text.
  double median = 0;
  if (!placed.empty()) {
    std::vector<double> thick;
    for (const Placed& p : placed) thick.push_back(p.thickness());
    std::nth_element(thick.begin(), thick.begin() + static_cast<long>(thick.size() / 2), thick.end());
    median = thick[thick.size() / 2];
  }
  // Lines: consecutive words (poppler's order) of one rotation that overlap
  // across the writing direction and are near along it.
  std::vector<RawLine> lines;
  std::vector<Placed> vertical;  // laid out apart: poppler's order of columns is not theirs
  size_t vertical_at = 0;
  for (const Placed& p : placed) {
    const bool kana = all_of_chars(p.word->chars, is_kana);
    if (kana && p.thickness() < 0.7 * median) {
      ++page.ruby;
      continue;
    }
    if (p.word->rotation == 1) {
      if (vertical.empty()) vertical_at = lines.size();
      vertical.push_back(p);
      continue;
    }
    const double t = p.thickness();
    RawLine* l = lines.empty() ? nullptr : &lines.back();
    const bool same_line = l != nullptr && p.word->rotation == l->rot &&
                           std::min(l->a1, p.across1) - std::max(l->a0, p.across0) >=
                               0.5 * std::min(t, l->thickness()) &&
                           p.along0 < l->along1 + 4 * t && p.along1 > l->along0 - 4 * t && !l->next_tilted_line(p);
    if (!same_line) {
      lines.emplace_back();
      l = &lines.back();
    }
    l->add(p);
  }
  if (!vertical.empty()) {
    std::vector<RawLine> columns = vertical_columns(vertical);
    lines.insert(lines.begin() + static_cast<long>(vertical_at), std::make_move_iterator(columns.begin()),
                 std::make_move_iterator(columns.end()));
  }
  // Ruby over a heading (thin only beside its base line): a kana-only line
  // much thinner than the line right after or before it.
  auto is_base_of = [](const RawLine& ruby, const RawLine& base) {
    const double gap = std::max(base.a0 - ruby.a1, ruby.a0 - base.a1);
    return ruby.rot == base.rot && ruby.thickness() < 0.65 * base.thickness() &&
           gap < 0.5 * base.thickness() && ruby.along0 < base.along1 && ruby.along1 > base.along0;
  };
  std::vector<bool> keep(lines.size(), true);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].kana_only) continue;
    if ((i + 1 < lines.size() && is_base_of(lines[i], lines[i + 1])) ||
        (i > 0 && is_base_of(lines[i], lines[i - 1]))) {
      keep[i] = false;
      page.ruby += lines[i].words.size();
    }
  }
  // A new block: a change of rotation or size, a step back (a new column),
  // or a gap across clearly wider than the page's usual one between lines.
  std::vector<double> gaps;
  for (size_t i = 1; i < lines.size(); ++i) {
    const double g = lines[i].a0 - lines[i - 1].a1;
    if (keep[i] && keep[i - 1] && lines[i].rot == lines[i - 1].rot && g >= 0) gaps.push_back(g);
  }
  double usual_gap = 0;
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
    usual_gap = gaps[gaps.size() / 2];
  }
  const RawLine* prev = nullptr;
  size_t lone_glyphs = 0;  // lines of one CJK character
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!keep[i]) continue;
    RawLine& l = lines[i];
    PdfLine out;
    out.text = line_text(l.words, rtl_page, page.footnote_markers, spaces);
    if (out.text.empty()) continue;
    lone_glyphs += l.words.size() == 1 && l.words[0].word->chars.size() == 1 && is_cjk(l.words[0].word->chars[0]);
    out.top = 1e18;
    out.bottom = -1e18;
    for (const Placed& p : l.words) {
      out.top = std::min(out.top, p.word->y0);
      out.bottom = std::max(out.bottom, p.word->y1);
    }
    const double t = l.thickness();
    out.starts_block = prev != nullptr &&
                       (l.rot != prev->rot || l.a0 < prev->a0 - 0.2 * t ||
                        l.a0 - prev->a1 > usual_gap + 0.5 * t ||
                        std::abs(t - prev->thickness()) > 0.3 * t);
    prev = &l;
    page.lines.push_back(std::move(out));
  }
  // Japanese read across its columns, or columns not gathered, come out as
  // a run of one-character lines; a page's text has a few at most.
  page.order_undecided = lone_glyphs >= 20 && 4 * lone_glyphs >= page.lines.size();
  return page;
}

std::string join_pages(const std::vector<PdfPage>& pages) {
  std::string out;
  for (const PdfPage& page : pages) {
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (!out.empty()) out += (i == 0 || page.lines[i].starts_block) ? "\n\n" : "\n";
      out += page.lines[i].text;
    }
  }
  out += '\n';
  return out;
}

}  // namespace dipmine::ingest

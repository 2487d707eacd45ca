#include "ingest/pdf_reader.h"

// poppler's core API (libpoppler-private-dev): one TextOutputDev for the
// whole document, as pdftotext uses it. poppler-cpp's page::text_list()
// copies the document's XRef for every page, so fonts and ICC colour
// transforms were parsed again on every page: 2-3.5x pdftotext's time.
#include <Error.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>

#include "ingest/pdf_chars.h"
#include "ingest/pdf_layout.h"
#include "ingest/pdf_ocr.h"
#include "ingest/pdf_ocr_plan.h"
#include "ingest/pdf_plausible.h"
#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

// poppler writes its own complaints to stderr; ours name the file instead.
void ignore_poppler_message(ErrorCategory, Goffset, const char*) {}

void init_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(ignore_poppler_message);
  });
}

// The page's words in poppler's reading order, each word's letters in the
// order of the page (poppler keeps the content stream's order, which a
// producer that draws right-to-left words right to left has reversed).
// Words whose middle lies outside the visible page (the crop box, width x
// height from its corner) are counted in `hidden`, not returned: a viewer
// does not show them (a Word page cropped to its flowchart hides its own
// heading; printers' marks).
struct Visible {  // the crop box in the device space of the page's media box
  double x0 = 0, y0 = 0, x1 = 1e18, y1 = 1e18;
};

std::vector<PdfWord> page_words(TextWordList& list, const Visible& visible, size_t& hidden) {
  std::vector<PdfWord> words;
  words.reserve(static_cast<size_t>(list.getLength()));
  for (int i = 0; i < list.getLength(); ++i) {
    const TextWord* tw = list.get(i);
    double bx0, by0, bx1, by1;
    tw->getBBox(&bx0, &by0, &bx1, &by1);
    const double mx = (bx0 + bx1) / 2, my = (by0 + by1) / 2;
    if (mx < visible.x0 || my < visible.y0 || mx > visible.x1 || my > visible.y1) {
      ++hidden;
      continue;
    }
    PdfWord w;
    const int n = tw->getLength();
    w.chars.reserve(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k) w.chars += static_cast<char32_t>(*tw->getChar(k));
    // Coordinates from the crop box's corner, as a viewer shows the page.
    w.x0 = bx0 - visible.x0, w.y0 = by0 - visible.y0, w.x1 = bx1 - visible.x0, w.y1 = by1 - visible.y0;
    w.rotation = tw->getRotation();
    w.space_after = tw->getSpaceAfter();
    w.content_pos = tw->getCharPos();
    // (For restack_vertical_glyphs in pdf_vertical.h: poppler's box of a
    // vertical-font glyph is off its slot.)
    if (n > 0 && tw->getFontInfo(0) != nullptr && tw->getFontInfo(0)->getWMode() == 1) {
      w.vertical_font_size = static_cast<float>(tw->getFontSize());
    }
    if (n > 1) {
      w.char_size.resize(static_cast<size_t>(n));
      double first = 0, last = 0;
      for (int k = 0; k < n; ++k) {
        double x0, y0, x1, y1;
        tw->getCharBBox(k, &x0, &y0, &x1, &y1);
        w.char_size[static_cast<size_t>(k)] = static_cast<float>(w.rotation % 2 == 0 ? y1 - y0 : x1 - x0);
        const double along = w.rotation % 2 == 0 ? x0 : y0;
        if (k == 0) first = along;
        if (k == n - 1) last = along;
      }
      const bool backwards = w.rotation == 0 || w.rotation == 1 ? first > last + 0.1 : first < last - 0.1;
      if (backwards) {
        std::reverse(w.chars.begin(), w.chars.end());
        std::reverse(w.char_size.begin(), w.char_size.end());
      }
    }
    words.push_back(std::move(w));
  }
  return words;
}

size_t letters(const PdfPage& page) {
  size_t n = 0;
  for (const PdfLine& l : page.lines) n += l.text.size();
  return n;
}

bool decodes_to_letters(const PdfPage& page) {
  std::string text;
  for (const PdfLine& l : page.lines) text += l.text + '\n';
  const TextPlausibility p = judge_text(text);
  return p.decodes_to_letters();
}

// poppler's text device, counting the glyphs it is given with and without
// Unicode: a font without a ToUnicode map for some glyphs (a Persian final ی
// in a template's font) makes pdftotext drop them silently; we say so.
// It also notes where space glyphs are (poppler keeps no character for
// them; see PdfSpaceGlyph), and hands a right-to-left ligature's letters
// over in visual order like the rest of the word (below).
class GlyphCountingTextOutputDev : public TextOutputDev {
 public:
  GlyphCountingTextOutputDev() : TextOutputDev(nullptr, false, 0, false, false) {}
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                double origin_y, CharCode c, int n_bytes, const Unicode* u, int u_len) override {
    // Space glyphs, which poppler keeps no character for; a font that maps
    // its space glyph to nothing still names it "space" (8-bit fonts), and
    // no letter is missing there.
    bool space = u_len == 1 && (u[0] == 0x20 || u[0] == 0xA0 || u[0] == 0x09);
    if (u_len == 0 && state->getFont() && !state->getFont()->isCIDFont()) {
      const char* name = static_cast<const Gfx8BitFont*>(state->getFont().get())->getCharName(static_cast<int>(c & 0xFF));
      space = name != nullptr ? std::string_view(name) == "space" : c == 0x20;
    }
    if (u_len > 0 || space) {
      ++mapped;
    } else {
      ++unmapped;
    }
    if (space) {
      PdfSpaceGlyph g;
      double w, h;
      state->transform(x, y, &g.x0, &g.y0);
      state->transformDelta(dx, dy, &w, &h);
      g.x1 = g.x0 + w;
      g.y1 = g.y0 + h;
      spaces.push_back(g);
    }
    // One glyph for several letters (a ligature; weasyprint maps a whole
    // Arabic word's glyph to it): the ToUnicode string is in logical order,
    // which poppler lays out left to right inside the glyph. The rest of a
    // right-to-left word comes in visual order and is reversed later, so the
    // ligature's letters are handed over reversed, to come out in order.
    // (A string with Latin letters too is left alone: weasyprint maps the
    // `h` before an Arabic word to the Arabic word and the `h`.)
    if (u_len > 1 && u_len <= 64 && std::any_of(u, u + u_len, [](Unicode ch) { return pdf_chars::is_rtl_letter(ch); }) &&
        std::none_of(u, u + u_len, [](Unicode ch) { return pdf_chars::is_ltr_letter(ch); })) {
      // (A space in the string goes: the word gap is found by position.)
      Unicode rev[64];
      int n = 0;
      for (int k = u_len; k-- > 0;) {
        if (u[k] != 0x20 && u[k] != 0xA0) rev[n++] = u[k];
      }
      TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, c, n_bytes, rev, n);
      return;
    }
    TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, c, n_bytes, u, u_len);
  }
  size_t mapped = 0, unmapped = 0;
  std::vector<PdfSpaceGlyph> spaces;  // this page's
};

// How long one page's content may take to read. A real page takes well under
// a second; a hostile one (pdf.js's bomb_giant.pdf: page content compressed
// as four 100,000 x 100,000 JBIG2 images) would take hours. poppler asks
// between operators; what the page drew until then is kept, and the note
// names the page.
struct PageDeadline {
  static constexpr auto kLimit = std::chrono::seconds(20);
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  bool hit = false;
  static bool passed(void* self) {
    auto* d = static_cast<PageDeadline*>(self);
    d->hit = d->hit || std::chrono::steady_clock::now() - d->start > kLimit;
    return d->hit;
  }
};

std::string page_list(const std::vector<int>& pages) {
  std::string s;
  for (size_t i = 0; i < pages.size() && i < 8; ++i) s += (i ? ", " : "") + std::to_string(pages[i]);
  if (pages.size() > 8) s += ", ...";
  return s;
}

// The title the PDF declares in its Info dictionary, as UTF-8 on one line, or
// "". (Often not the paper's: "Microsoft Word - draft3.docx", "Untitled";
// the ingest keeps it only when the first page shows it, ingest.cpp.)
std::string declared_title(PDFDoc& doc) {
  const std::unique_ptr<GooString> raw = doc.getDocInfoTitle();
  if (!raw) return {};
  Unicode* ucs4 = nullptr;
  const int n = TextStringToUCS4(raw->toStr(), &ucs4);
  std::string title;
  bool space = false;
  for (int i = 0; i < n; ++i) {
    const char32_t c = ucs4[i];
    if (c < 0x20 || c == 0x7F || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF ||
        u_isUWhiteSpace(static_cast<UChar32>(c))) {
      space = !title.empty();
      continue;
    }
    if (space) title += ' ';
    space = false;
    text::append_utf8(title, c);
  }
  gfree(ucs4);
  return title.size() <= 1000 ? title : std::string();
}

}  // namespace

// A short text layer that decodes to letters (a title page, a three-word
// letter) is what a reader copies: OCR, tried on it because it is short,
// replaces it only when it reads clearly more (twice the text and 16 bytes
// more) with confidence (70% or more). Pages whose layer is kept leave
// `read` (they are still warned about: a scan may hide more).
static void keep_short_layers(const std::vector<PdfPage>& pages, const std::vector<PageLayer>& layers,
                              PdfOcr& read) {
  for (auto it = read.pages.begin(); it != read.pages.end();) {
    const size_t i = static_cast<size_t>(it->first) - 1;
    const size_t layer = letters(pages[i]);
    const bool real = layers[i] == PageLayer::empty && layer > 0 && decodes_to_letters(pages[i]);
    const bool clearly_more = read.page_confidence[it->first] >= 70 && letters(it->second) >= 2 * layer + 16;
    if (real && !clearly_more) {
      read.page_confidence.erase(it->first);
      it = read.pages.erase(it);
    } else {
      ++it;
    }
  }
}

DecodedFile read_pdf(const std::string& path, const std::string& bytes, bool ocr) {
  init_poppler();
  DecodedFile f;
  // MemStream reads `bytes` in place; the document owns the stream.
  auto* stream = new MemStream(const_cast<char*>(bytes.data()), 0, static_cast<Goffset>(bytes.size()),
                               Object(objNull));
  PDFDoc doc(stream);
  if (!doc.isOk()) {
    f.error = doc.getErrorCode() == errEncrypted
                  ? fmt::format("{}: PDF is encrypted (locked); decrypt it first", path)
                  : fmt::format("{}: broken PDF (cannot be parsed)", path);
    return f;
  }
  f.format = "pdf";
  f.charset = "pdf";
  f.title = declared_title(doc);
  const int n = doc.getNumPages();
  std::vector<PdfPage> pages;
  size_t markers = 0, ruby = 0, hidden = 0;
  std::vector<int> hidden_pages;  // with words outside the crop box
  std::vector<int> slow_pages;    // read only in part (PageDeadline)
  GlyphCountingTextOutputDev dev;
  std::vector<size_t> unmapped(static_cast<size_t>(n) + 1, 0);  // glyphs without Unicode, by page
  std::vector<PageLayer> layers;
  std::vector<int> unordered_pages;  // reading order not decided (pdf_vertical.h)
  for (int i = 1; i <= n; ++i) {
    const size_t unmapped_before = dev.unmapped;
    dev.spaces.clear();
    // A page cropped smaller than its media box (and not turned) is read on
    // the whole media box, so that the words outside the crop box can be
    // counted; page_words leaves them out and the note says how many.
    Page* page = doc.getPage(i);
    const PDFRectangle* media = page != nullptr ? page->getMediaBox() : nullptr;
    const PDFRectangle* crop = page != nullptr ? page->getCropBox() : nullptr;
    const bool cropped = media != nullptr && crop != nullptr && doc.getPageRotate(i) == 0 && !(*media == *crop);
    Visible visible;
    if (cropped) {
      visible = {crop->x1 - media->x1, media->y2 - crop->y2, crop->x2 - media->x1, media->y2 - crop->y1};
    }
    PageDeadline deadline;
    doc.displayPage(&dev, i, 72, 72, 0, cropped, !cropped, false, &PageDeadline::passed, &deadline);
    if (deadline.hit) slow_pages.push_back(i);
    unmapped[static_cast<size_t>(i)] = dev.unmapped - unmapped_before;
    std::unique_ptr<TextWordList> list = dev.makeWordList();
    const double height = doc.getPageRotate(i) % 180 != 0 ? doc.getPageCropWidth(i) : doc.getPageCropHeight(i);
    const size_t hidden_before = hidden;
    std::vector<PdfWord> words = list ? page_words(*list, visible, hidden) : std::vector<PdfWord>{};
    for (PdfSpaceGlyph& g : dev.spaces) {
      g.x0 -= visible.x0, g.x1 -= visible.x0, g.y0 -= visible.y0, g.y1 -= visible.y0;
    }
    pages.push_back(lay_out_page(words, height, dev.spaces));
    if (hidden > hidden_before) hidden_pages.push_back(i);
    markers += pages.back().footnote_markers;
    if (pages.back().order_undecided) unordered_pages.push_back(i);
    ruby += pages.back().ruby;
    layers.push_back(letters(pages.back()) < 16          ? PageLayer::empty
                     : !decodes_to_letters(pages.back()) ? PageLayer::undecoded
                                                         : PageLayer::usable);
  }
  // Pages without a usable layer are read by OCR (pdf_ocr.h), which replaces
  // what the layer had; the warnings below name only the pages still unread.
  PdfOcr read;
  const std::vector<int> todo = ocr ? pages_to_ocr(layers) : std::vector<int>{};
  if (!todo.empty()) {
    std::string usable;  // its script chooses OCR's languages
    for (size_t i = 0; i < pages.size(); ++i) {
      if (layers[i] == PageLayer::undecoded) continue;
      for (const PdfLine& l : pages[i].lines) usable += l.text + '\n';
    }
    read = ocr_pdf_pages(doc, todo, usable);
    keep_short_layers(pages, layers, read);
    for (auto& [number, page] : read.pages) pages[static_cast<size_t>(number) - 1] = std::move(page);
  }
  std::vector<int> empty_pages, undecoded_pages, unmapped_pages;
  size_t unmapped_glyphs = 0;
  for (int i = 1; i <= n; ++i) {
    if (read.pages.count(i) != 0) continue;
    const PageLayer layer = layers[static_cast<size_t>(i) - 1];
    if (layer == PageLayer::empty) empty_pages.push_back(i);
    if (layer == PageLayer::undecoded) undecoded_pages.push_back(i);
    if (unmapped[static_cast<size_t>(i)] > 0) unmapped_pages.push_back(i);
    unmapped_glyphs += unmapped[static_cast<size_t>(i)];
  }
  // What OCR did about the pages still unread, after the warning about them.
  auto unread_because = [&](const std::vector<int>& unread) -> std::string {
    if (todo.empty() || unread.empty()) return "";
    if (!read.unavailable.empty()) return "; " + read.unavailable;
    return " (OCR read nothing more on them)";
  };
  size_t layer_bytes = 0;
  for (const PdfPage& page : pages) layer_bytes += letters(page);
  if (layer_bytes == 0) {
    f.error = fmt::format("{}: PDF has no extractable text (scanned images?){}", path,
                          todo.empty()                ? ""
                          : !read.unavailable.empty() ? "; " + read.unavailable
                                                      : ", and OCR found none");
    return f;
  }
  const PdfDropped dropped = drop_running_lines(pages);
  f.text = join_pages(pages);
  if (!read.pages.empty()) {
    std::vector<int> numbers;
    for (const auto& entry : read.pages) numbers.push_back(entry.first);
    f.charset = "pdf+ocr";
    f.notes.push_back(fmt::format("{}: note: {} {} read by OCR with {} (no usable text layer; mean confidence {}%)",
                                  path, numbers.size() == 1 ? "page" : "pages", page_ranges(numbers),
                                  read.languages, read.mean_confidence()));
  }
  if (!empty_pages.empty()) {
    f.notes.push_back(fmt::format("{}: warning: {} of {} pages have (almost) no text layer, "
                                  "scanned or blank; their text is missing: page {}{}",
                                  path, empty_pages.size(), n, page_list(empty_pages), unread_because(empty_pages)));
  }
  if (unmapped_glyphs > 0) {
    f.notes.push_back(fmt::format("{}: warning: {} of {} glyphs have no Unicode letter in their font "
                                  "(no ToUnicode map), so they are missing from the text: page {}",
                                  path, unmapped_glyphs, dev.unmapped + dev.mapped, page_list(unmapped_pages)));
  }
  if (!undecoded_pages.empty()) {
    f.notes.push_back(fmt::format("{}: warning: {} of {} pages have text that does not decode to letters "
                                  "(font without a Unicode map); they are stored as read: page {}{}",
                                  path, undecoded_pages.size(), n, page_list(undecoded_pages),
                                  unread_because(undecoded_pages)));
  }
  if (!unordered_pages.empty()) {
    f.notes.push_back(fmt::format("{}: warning: {} of {} pages are read in an order that may not be theirs "
                                  "(many lines of one character: columns not found); they are stored as read: "
                                  "page {}",
                                  path, unordered_pages.size(), n, page_list(unordered_pages)));
  }
  if (!slow_pages.empty()) {
    f.notes.push_back(fmt::format("{}: warning: {} of {} pages stopped after {} s (their content is too large to "
                                  "read; what came before is stored): page {}",
                                  path, slow_pages.size(), n, PageDeadline::kLimit.count(), page_list(slow_pages)));
  }
  // Only what was left out: a PDF that lost nothing gets no line.
  std::string left_out;
  auto count = [&](size_t k, const char* what) {
    if (k > 0) left_out += fmt::format("{}{} {}", left_out.empty() ? "" : ", ", k, what);
  };
  count(dropped.running, "running header/footer lines");
  count(dropped.page_numbers, "page-number lines");
  count(markers, "superscript markers (footnote marks, exponents)");
  count(ruby, "ruby (furigana) words");
  if (hidden > 0) {
    left_out += fmt::format("{}{} words outside the visible page (its crop box; a viewer does not show them) "
                            "on page {}",
                            left_out.empty() ? "" : ", ", hidden, page_list(hidden_pages));
  }
  if (!left_out.empty()) f.notes.push_back(fmt::format("{}: left out {}", path, left_out));
  return f;
}

}  // namespace dipmine::ingest

// The module's entry point (common/modules.h): the program calls read_pdf
// through it, so that poppler is loaded only when a PDF is read.
extern "C" __attribute__((visibility("default"))) dipmine::ingest::DecodedFile dipmine_read_pdf(
    const std::string& path, const std::string& bytes, bool ocr) {
  return dipmine::ingest::read_pdf(path, bytes, ocr);
}

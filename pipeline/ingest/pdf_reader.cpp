#include "ingest/pdf_reader.h"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <string_view>

#include "ingest/pdf_layout.h"

namespace dipmine::ingest {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

std::u32string to_u32(const poppler::ustring& u) {
  std::u32string out;
  out.reserve(u.size());
  for (size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < u.size() && u[i + 1] >= 0xDC00 && u[i + 1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
      ++i;
    }
    out += c;
  }
  return out;
}

// The page's words in poppler's reading order, each word's letters in the
// order of the page (poppler keeps the content stream's order, which a
// producer that draws right-to-left words right to left has reversed).
std::vector<PdfWord> page_words(poppler::page& page) {
  std::vector<PdfWord> words;
  for (const poppler::text_box& box : page.text_list()) {
    PdfWord w;
    w.chars = to_u32(box.text());
    const poppler::rectf r = box.bbox();
    w.x0 = r.left(), w.y0 = r.top(), w.x1 = r.right(), w.y1 = r.bottom();
    w.rotation = box.rotation();
    w.space_after = box.has_space_after();
    if (w.chars.size() > 1) {
      const poppler::rectf first = box.char_bbox(0), last = box.char_bbox(w.chars.size() - 1);
      const bool backwards = w.rotation == 1 ? first.top() > last.top() + 0.1
                           : w.rotation == 2 ? first.left() < last.left() - 0.1
                           : w.rotation == 3 ? first.top() < last.top() - 0.1
                                             : first.left() > last.left() + 0.1;
      w.char_size.resize(w.chars.size());
      for (size_t i = 0; i < w.chars.size(); ++i) {
        const poppler::rectf c = box.char_bbox(i);
        w.char_size[i] = static_cast<float>(w.rotation % 2 == 0 ? c.height() : c.width());
      }
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

std::string page_list(const std::vector<int>& pages) {
  std::string s;
  for (size_t i = 0; i < pages.size() && i < 8; ++i) s += (i ? ", " : "") + std::to_string(pages[i]);
  if (pages.size() > 8) s += ", ...";
  return s;
}

}  // namespace

DecodedFile read_pdf(const std::string& path, const std::string& bytes) {
  // poppler writes its own complaints to stderr; ours name the file instead.
  static const bool quiet = (poppler::set_debug_error_function(ignore_poppler_message, nullptr), true);
  (void)quiet;
  DecodedFile f;
  std::vector<char> data(bytes.begin(), bytes.end());
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_data(&data));
  if (!doc) {
    f.error = fmt::format("{}: broken PDF (cannot be parsed)", path);
    return f;
  }
  if (doc->is_locked()) {
    f.error = fmt::format("{}: PDF is encrypted (locked); decrypt it first", path);
    return f;
  }
  f.format = "pdf";
  f.charset = "pdf";
  std::vector<PdfPage> pages;
  std::vector<int> empty_pages;
  size_t markers = 0, ruby = 0;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      empty_pages.push_back(i + 1);
      continue;
    }
    pages.push_back(lay_out_page(page_words(*page), page->page_rect().height()));
    markers += pages.back().footnote_markers;
    ruby += pages.back().ruby;
    if (letters(pages.back()) < 16) empty_pages.push_back(i + 1);
  }
  if (empty_pages.size() == static_cast<size_t>(doc->pages())) {
    f.error = fmt::format("{}: PDF has no extractable text (scanned images?)", path);
    return f;
  }
  const PdfDropped dropped = drop_running_lines(pages);
  f.text = join_pages(pages);
  if (!empty_pages.empty()) {
    f.notes.push_back(fmt::format("{}: warning: {} of {} pages have (almost) no text layer, "
                                  "scanned or blank; their text is missing: page {}",
                                  path, empty_pages.size(), doc->pages(), page_list(empty_pages)));
  }
  if (dropped.running + dropped.page_numbers + markers + ruby > 0) {
    f.notes.push_back(fmt::format("{}: left out {} running header/footer lines, {} page-number lines, "
                                  "{} superscript markers (footnote marks, exponents), {} ruby (furigana) words",
                                  path, dropped.running, dropped.page_numbers, markers, ruby));
  }
  return f;
}

// ---- running headers and footers -------------------------------------------

namespace {

std::string running_key(const std::string& text) {
  std::string k;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (k.empty() || k.back() != '#') k += '#';
    } else if (c != ' ') {
      k += c;
    }
  }
  return k;
}

// i to xxxix, either case: page numbers of front matter.
bool is_roman_numeral(std::string w) {
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t x = 0;
  while (x < w.size() && x < 3 && w[x] == 'x') ++x;
  static const char* const kUnits[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  const std::string rest = w.substr(x);
  for (const char* u : kUnits) {
    if (rest == u) return !w.empty();
  }
  return false;
}

// "12", "- 12 -", "Page 3 of 21", "3 / 21", "xii", "صفحه ۳" ...
bool is_page_number_line(const std::string& text) {
  if (text.size() > 40) return false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  bool number = false;
  std::string word;
  auto word_ok = [&](const std::string& w) {
    if (w.empty()) return true;
    static const char* const kWords[] = {"page", "Page", "PAGE", "p", "pp", "of", "Seite", "صفحه", "از",
                                         "ページ", "頁", "第"};
    for (const char* k : kWords) {
      if (w == k) return true;
    }
    if (is_roman_numeral(w)) {
      number = true;
      return true;
    }
    return false;
  };
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (u_isdigit(c)) {
      number = true;
      if (!word_ok(word)) return false;
      word.clear();
    } else if (u_isalpha(c)) {
      icu::UnicodeString(c).toUTF8String(word);
    } else {
      if (!word_ok(word)) return false;
      word.clear();
      if (!(u_isspace(c) || std::u32string_view(U"-‐–—−/|.·•()[]").find(static_cast<char32_t>(c)) != std::u32string_view::npos)) {
        return false;
      }
    }
  }
  return word_ok(word) && number;
}

}  // namespace

PdfDropped drop_running_lines(std::vector<PdfPage>& pages) {
  PdfDropped d;
  constexpr double kBand = 0.12;
  auto band_of = [](const PdfLine& l, double h) {
    if (h <= 0) return 0;
    if (l.bottom < kBand * h) return 1;
    if (l.top > (1 - kBand) * h) return 2;
    return 0;
  };
  auto bucket_of = [](const PdfLine& l, double h) { return static_cast<int>(std::lround(l.top / h * 50)); };
  std::map<std::pair<std::string, int>, size_t> pages_with;  // (key, bucket) -> pages
  if (pages.size() >= 3) {
    for (const PdfPage& p : pages) {
      std::map<std::pair<std::string, int>, bool> seen;
      for (const PdfLine& l : p.lines) {
        if (band_of(l, p.height) == 0) continue;
        seen[{running_key(l.text), bucket_of(l, p.height)}] = true;
      }
      for (const auto& [k, _] : seen) ++pages_with[k];
    }
  }
  const size_t needed = std::max<size_t>(3, (pages.size() * 2 + 4) / 5);
  for (PdfPage& p : pages) {
    // A page number is the page's first or last line on the paper (a code
    // listing's line numbers near the bottom are not).
    double highest = 1e18, lowest = -1e18;
    for (const PdfLine& l : p.lines) highest = std::min(highest, l.top), lowest = std::max(lowest, l.bottom);
    std::vector<PdfLine> kept;
    for (PdfLine& l : p.lines) {
      if (const int band = band_of(l, p.height); band != 0) {
        const bool outermost = band == 1 ? l.top <= highest + 1 : l.bottom >= lowest - 1;
        if (outermost && is_page_number_line(l.text)) {
          ++d.page_numbers;
          continue;
        }
        if (!pages_with.empty()) {
          const std::string key = running_key(l.text);
          const int b = bucket_of(l, p.height);
          size_t n = 0;
          for (int db = -1; db <= 1; ++db) {
            if (auto it = pages_with.find({key, b + db}); it != pages_with.end()) n += it->second;
          }
          if (n >= needed) {
            ++d.running;
            continue;
          }
        }
      }
      kept.push_back(std::move(l));
    }
    if (!kept.empty() && !p.lines.empty()) kept.front().starts_block = true;
    p.lines = std::move(kept);
  }
  return d;
}

}  // namespace dipmine::ingest

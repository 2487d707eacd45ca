// drop_running_lines (pdf_layout.h): running headers and footers, page
// numbers. No poppler here, so it is in the program's ingest library (tests)
// as well as in the PDF module (pipeline/CMakeLists.txt).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "ingest/pdf_layout.h"

namespace dipmine::ingest {

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

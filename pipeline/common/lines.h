// Reading line-oriented text files (manifests, lexicons, thesauri, exports):
// numbered lines with a Windows CR removed, and tab-separated cells.
//
//   LineReader lines(text);
//   for (std::string_view line; lines.next(line);) use(lines.number(), split_tabs(line));
//
// Header-only and allocation-free apart from split_tabs' result.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dipmine {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  // The next line without its "\n" or "\r\n"; false at the end of the text.
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    line = text_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    ++number_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return true;
  }
  // The 1-based number of the line last returned.
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

// The cells of a tab-separated line (one cell for a line without tabs).
inline std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cells.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos
                                                                         : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

}  // namespace dipmine

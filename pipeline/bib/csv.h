// Internal to the bib module: RFC 4180 CSV rows (quoted fields may hold the
// separator, quotes as "" and newlines; text after a closing quote is kept,
// as Excel does) or, unquoted, tab-separated rows (Web of Science).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::bib::detail {

class CsvReader {
 public:
  CsvReader(std::string_view text, char separator = ',', bool quoted = true)
      : t_(text), sep_(separator), quoted_(quoted) {}

  // Fills `fields` with the next row; false at the end. `row_line` is the
  // row's first line. Sets `unterminated` when a quote never closes (the
  // rest of the text was read into the row).
  bool next(std::vector<std::string>& fields, size_t& row_line, bool& unterminated);

 private:
  std::string_view t_;
  char sep_;
  bool quoted_;
  size_t i_ = 0;
  size_t line_ = 1;
};

// The cells of the first row of `text` (its header), lower-cased and
// trimmed; a leading BOM is ignored.
std::vector<std::string> header_cells(std::string_view text, char separator);

}  // namespace dipmine::bib::detail

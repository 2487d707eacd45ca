// A Table is rows of text cells under a header, rendered in the formats every
// command offers: an aligned text table (width-aware for CJK and RTL text), TSV,
// CSV (RFC 4180 quoting), Markdown, or JSON (an array of objects; cells that
// look like numbers become JSON numbers).
//
//   Table t({"rank", "concept", "docs"});
//   t.add({"1", "intl_membership", "5"});
//   std::cout << t.render(Format::md);
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::report {

enum class Format { table, tsv, csv, md, json };

// "table" | "tsv" | "csv" | "md" | "json"; throws dipmine::UsageError otherwise.
Format parse_format(std::string_view name);

class Table {
 public:
  explicit Table(std::vector<std::string> header);
  void add(std::vector<std::string> row);  // padded or cut to the header's width
  size_t rows() const { return rows_.size(); }
  std::string render(Format f) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// A CSV cell as RFC 4180 quotes it: in double quotes, with each quote doubled,
// when it holds a comma, a quote or a line end; as it is otherwise.
std::string csv_cell(const std::string& s);

// Columns a string takes in a terminal: East Asian wide characters count 2,
// combining marks and format controls (ZWNJ, bidi marks) count 0.
size_t display_width(std::string_view s);

}  // namespace dipmine::report

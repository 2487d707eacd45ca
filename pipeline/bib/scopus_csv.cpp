// Scopus CSV export: RFC 4180 CSV (quoted fields may hold commas, quotes as
// "" and newlines) under a header row of Scopus's column names.
#include <fmt/format.h>

#include <unordered_map>

#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

// Reads CSV rows one at a time, counting lines.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : t_(text) {}

  // Fills `fields` with the next row; false at the end. `row_line` is the
  // row's first line. Sets `unterminated` when a quote never closes.
  bool next(std::vector<std::string>& fields, size_t& row_line, bool& unterminated) {
    fields.clear();
    unterminated = false;
    // Skip blank lines between rows.
    while (i_ < t_.size() && (t_[i_] == '\n' || t_[i_] == '\r')) {
      if (t_[i_] == '\n') ++line_;
      ++i_;
    }
    if (i_ >= t_.size()) return false;
    row_line = line_;
    std::string field;
    while (true) {
      if (i_ < t_.size() && t_[i_] == '"') {
        ++i_;
        while (true) {
          const size_t q = t_.find('"', i_);
          if (q == std::string_view::npos) {
            unterminated = true;
            i_ = t_.size();
            return true;
          }
          for (size_t k = i_; k < q; ++k) line_ += t_[k] == '\n';
          field.append(t_.substr(i_, q - i_));
          i_ = q + 1;
          if (i_ < t_.size() && t_[i_] == '"') {
            field += '"';
            ++i_;
            continue;
          }
          break;
        }
      }
      // Unquoted part (or text after a closing quote, kept as Excel does).
      const size_t end = t_.find_first_of(",\n", i_);
      const size_t stop = end == std::string_view::npos ? t_.size() : end;
      field.append(t_.substr(i_, stop - i_));
      i_ = stop;
      if (!field.empty() && field.back() == '\r' && (stop == t_.size() || t_[stop] == '\n')) {
        field.pop_back();
      }
      fields.push_back(std::move(field));
      field.clear();
      if (i_ >= t_.size()) return true;
      if (t_[i_] == '\n') {
        ++i_;
        ++line_;
        return true;
      }
      ++i_;  // the comma
    }
  }

 private:
  std::string_view t_;
  size_t i_ = 0;
  size_t line_ = 1;
};

std::string lower(std::string_view s) {
  std::string l(trim(s));
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l;
}

}  // namespace

void read_scopus_csv(std::string_view text, Sink& sink) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvReader csv(text);
  std::vector<std::string> row;
  size_t line = 0;
  bool unterminated = false;
  if (!csv.next(row, line, unterminated) || unterminated) {
    sink.note(1, "no CSV header row; no records read");
    return;
  }
  std::unordered_map<std::string, size_t> column;
  for (size_t c = 0; c < row.size(); ++c) column.emplace(lower(row[c]), c);
  const size_t width = row.size();
  auto col = [&](const char* name) -> std::optional<size_t> {
    auto it = column.find(name);
    if (it == column.end()) return std::nullopt;
    return it->second;
  };
  const auto title = col("title");
  if (!title) {
    sink.note(1, "CSV header has no Title column (not a Scopus export); no records read");
    return;
  }
  const auto authors = col("authors"), full_names = col("author full names"), year = col("year"), venue = col("source title"),
             abstract = col("abstract"), author_kw = col("author keywords"),
             index_kw = col("index keywords"), doi = col("doi"), link = col("link"),
             eid = col("eid"), language = col("language of original document");
  auto get = [&](const std::optional<size_t>& c) -> std::string {
    return c && *c < row.size() ? std::move(row[*c]) : std::string();
  };
  while (csv.next(row, line, unterminated)) {
    if (unterminated) {
      sink.skip(line, "CSV row has a quote that is never closed (rest of the file)");
      return;
    }
    if (row.size() == 1 && trim(row[0]).empty()) continue;
    if (row.size() != width) {
      sink.skip(line, fmt::format("CSV row has {} fields, the header has {}", row.size(), width));
      continue;
    }
    Entry e;
    e.line = line;
    e.title = get(title);
    e.abstract = get(abstract);
    e.year = get(year);
    e.venue = get(venue);
    e.doi = get(doi);
    e.url = get(link);
    e.id = get(eid);
    e.language = get(language);
    // "Author full names" (exports since 2023) has "Family, Given (id); ...";
    // older exports only have "Authors": "Family I.; ..." or "Family I., ...".
    if (const std::string full = get(full_names); !trim(full).empty()) {
      for (std::string& a : split_list(full, ";")) {
        if (const size_t paren = a.rfind(" ("); paren != std::string::npos && a.back() == ')') {
          a.resize(paren);
        }
        e.authors.push_back(std::move(a));
      }
    } else if (const std::string a = get(authors); a != "[No author name available]") {
      e.authors = split_list(a, a.find(';') != std::string::npos ? ";" : ",");
    }
    e.author_keywords = split_list(get(author_kw), ";");
    e.index_keywords = split_list(get(index_kw), ";");
    sink.add(std::move(e));
  }
}

}  // namespace dipmine::bib::detail

#include "ingest/manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <vector>

#include "common/error.h"
#include "common/lines.h"
#include "common/years.h"
#include "text/lang.h"
#include "text/utf8.h"

namespace dipmine::ingest {

Manifest Manifest::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read manifest", path));
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  Manifest m;
  std::string line;
  std::vector<std::string> header;
  int lineno = 0;
  size_t bad_rows = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineno == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::vector<std::string> problems;  // of this row
    std::string file;                   // the file it names, when that cell could be read
    if (!text::is_valid_utf8(line)) {
      if (header.empty()) throw Error(fmt::format("{}:{}: header is not valid UTF-8", path, lineno));
      problems.push_back("not valid UTF-8");
    } else if (line.empty() || line[0] == '#') {
      continue;
    } else {
      std::vector<std::string> cells = split_tabs(line);
      if (header.empty()) {
        header = cells;
        if (std::find(header.begin(), header.end(), "file") == header.end()) {
          throw Error(fmt::format("{}:{}: header has no 'file' column (expected: file, title, year, "
                                  "lang, authors, source)", path, lineno));
        }
        continue;
      }
      ManifestRow row;
      row.line = lineno;
      for (size_t i = 0; i < cells.size() && i < header.size(); ++i) {
        if (header[i] == "file") row.file = cells[i];
      }
      file = row.file;
      if (cells.size() != header.size()) {
        problems.push_back(fmt::format("{} cells but the header has {} columns", cells.size(), header.size()));
      }
      for (size_t i = 0; i < cells.size() && i < header.size(); ++i) {
        const std::string& col = header[i];
        const std::string& v = cells[i];
        if (col == "title") row.title = v;
        else if (col == "authors") row.authors = v;
        else if (col == "source") row.source = v;
        else if (col == "lang") {
          if (!v.empty() && !text::parse_lang(v)) problems.push_back(fmt::format("lang '{}' is not fa, en or ja", v));
          row.lang = v;
        } else if (col == "year" && !v.empty() && v != "unknown") {
          const std::string digits = western_digits(v);
          int y = 0;
          const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), y);
          if (ec != std::errc() || p != digits.data() + digits.size()) {
            problems.push_back(fmt::format("year '{}' is not a number", v));
          } else {
            row.year = y;
          }
        }
      }
      const std::filesystem::path named(row.file);
      if (row.file.empty()) {
        problems.push_back("empty file name");
      } else if (named.is_absolute() || std::find(named.begin(), named.end(), "..") != named.end()) {
        problems.push_back(fmt::format("names '{}', outside the manifest's folder; rows name files beside it",
                                       row.file));
      } else {
        // (The error_code form: a name too long for the filesystem, or a path
        // through a file, is a bad row like a missing file, not an exception.)
        std::error_code ec;
        if (!std::filesystem::exists(dir / row.file, ec)) {
          problems.push_back(ec ? fmt::format("names '{}', which cannot be looked up: {}", row.file, ec.message())
                                : fmt::format("names '{}', which does not exist beside the manifest", row.file));
        }
      }
      if (!row.file.empty() && m.rows_.count(row.file)) {
        problems.push_back(fmt::format("'{}' is listed twice (first at line {})", row.file,
                                       m.rows_.at(row.file).line));
      } else if (!row.file.empty() && m.refused_.count(row.file)) {
        problems.push_back(fmt::format("'{}' is listed twice (first in a bad row)", row.file));
      }
      if (problems.empty()) {
        m.rows_.emplace(row.file, std::move(row));
        continue;
      }
    }
    ++bad_rows;
    const std::string refused = file.empty() ? std::string() : fmt::format(" ('{}' not ingested)", file);
    for (size_t k = 0; k < problems.size(); ++k) {
      m.problems_.push_back(fmt::format("{}:{}: {}{}", path, lineno, problems[k],
                                        k + 1 == problems.size() ? refused : ""));
    }
    if (!file.empty()) {
      m.refused_.insert(file);
      m.rows_.erase(file);  // a file listed twice has no one row to trust
    }
  }
  if (header.empty()) throw Error(fmt::format("{}: empty manifest (no header row, no rows)", path));
  if (m.rows_.empty() && bad_rows == 0) {
    throw Error(fmt::format("{}: the manifest has a header but no rows", path));
  }
  return m;
}

const ManifestRow* Manifest::find(const std::string& file_name) const {
  const auto it = rows_.find(file_name);
  return it == rows_.end() ? nullptr : &it->second;
}

}  // namespace dipmine::ingest

#include "ingest/manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <vector>

#include "common/error.h"
#include "common/lines.h"
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
  auto fail = [&](const std::string& what) {
    throw Error(fmt::format("{}:{}: {}", path, lineno, what));
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineno == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!text::is_valid_utf8(line)) fail("not valid UTF-8");
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells = split_tabs(line);
    if (header.empty()) {
      header = cells;
      if (std::find(header.begin(), header.end(), "file") == header.end()) {
        fail("header has no 'file' column (expected: file, title, year, lang, authors, source)");
      }
      continue;
    }
    if (cells.size() != header.size()) {
      fail(fmt::format("{} cells but the header has {} columns", cells.size(), header.size()));
    }
    ManifestRow row;
    row.line = lineno;
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string& col = header[i];
      const std::string& v = cells[i];
      if (col == "file") row.file = v;
      else if (col == "title") row.title = v;
      else if (col == "authors") row.authors = v;
      else if (col == "source") row.source = v;
      else if (col == "lang") {
        if (!v.empty() && !text::parse_lang(v)) fail(fmt::format("lang '{}' is not fa, en or ja", v));
        row.lang = v;
      } else if (col == "year") {
        if (v.empty() || v == "unknown") continue;
        int y = 0;
        const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), y);
        if (ec != std::errc() || p != v.data() + v.size()) {
          fail(fmt::format("year '{}' is not a number", v));
        }
        row.year = y;
      }
    }
    if (row.file.empty()) fail("empty file name");
    const std::filesystem::path named(row.file);
    if (named.is_absolute() || std::find(named.begin(), named.end(), "..") != named.end()) {
      fail(fmt::format("names '{}', outside the manifest's folder; rows name files beside it",
                       row.file));
    }
    if (!std::filesystem::exists(dir / row.file)) {
      fail(fmt::format("names '{}', which does not exist beside the manifest", row.file));
    }
    if (m.rows_.count(row.file)) fail(fmt::format("'{}' is listed twice", row.file));
    m.rows_.emplace(row.file, std::move(row));
  }
  if (header.empty()) throw Error(fmt::format("{}: empty manifest (no header row, no rows)", path));
  if (m.rows_.empty()) throw Error(fmt::format("{}: the manifest has a header but no rows", path));
  return m;
}

const ManifestRow* Manifest::find(const std::string& file_name) const {
  const auto it = rows_.find(file_name);
  return it == rows_.end() ? nullptr : &it->second;
}

}  // namespace dipmine::ingest

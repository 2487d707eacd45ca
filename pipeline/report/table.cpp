#include "report/table.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "text/utf8.h"

namespace dipmine::report {
namespace {

bool looks_numeric(const std::string& s) {
  if (s.empty() || s.size() > 18) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '.' && !dot) {
      dot = true;
    } else if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  return s.back() != '.' && !(s.size() > 1 && s[0] == '0' && s[1] != '.');
}

std::string flat(const std::string& s, char replace_tab) {
  std::string out = s;
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = replace_tab;
  }
  return out;
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : flat(s, ' ')) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Format parse_format(std::string_view name) {
  if (name == "table") return Format::table;
  if (name == "tsv") return Format::tsv;
  if (name == "csv") return Format::csv;
  if (name == "md") return Format::md;
  if (name == "json") return Format::json;
  throw UsageError(fmt::format("--format: unknown format '{}' (table, tsv, csv, md, json)", name));
}

size_t display_width(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const auto cp = static_cast<UChar32>(text::decode_utf8(s, i, len));
    i += len;
    const auto cat = u_charType(cp);
    if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) continue;
    const int ea = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

Table::Table(std::vector<std::string> header) : header_(std::move(header)) {}

void Table::add(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

std::string Table::render(Format f) const {
  std::string out;
  switch (f) {
    case Format::tsv:
    case Format::csv: {
      const char sep = f == Format::tsv ? '\t' : ',';
      auto line = [&](const std::vector<std::string>& r) {
        for (size_t i = 0; i < r.size(); ++i) {
          if (i) out += sep;
          out += f == Format::tsv ? flat(r[i], ' ') : csv_cell(r[i]);
        }
        out += '\n';
      };
      line(header_);
      for (const auto& r : rows_) line(r);
      return out;
    }
    case Format::md: {
      auto line = [&](const std::vector<std::string>& r) {
        out += '|';
        for (const auto& c : r) out += ' ' + md_cell(c) + " |";
        out += '\n';
      };
      line(header_);
      out += '|';
      for (size_t i = 0; i < header_.size(); ++i) out += " --- |";
      out += '\n';
      for (const auto& r : rows_) line(r);
      return out;
    }
    case Format::json: {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (const auto& r : rows_) {
        nlohmann::ordered_json o;
        for (size_t i = 0; i < header_.size(); ++i) {
          if (looks_numeric(r[i])) {
            o[header_[i]] = nlohmann::ordered_json::parse(r[i]);
          } else {
            o[header_[i]] = r[i];
          }
        }
        arr.push_back(std::move(o));
      }
      return arr.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    }
    case Format::table: {
      std::vector<size_t> width(header_.size());
      for (size_t i = 0; i < header_.size(); ++i) width[i] = display_width(header_[i]);
      for (const auto& r : rows_) {
        for (size_t i = 0; i < r.size(); ++i) {
          width[i] = std::max(width[i], display_width(flat(r[i], ' ')));
        }
      }
      auto line = [&](const std::vector<std::string>& r) {
        std::string l;
        for (size_t i = 0; i < r.size(); ++i) {
          const std::string c = flat(r[i], ' ');
          l += c;
          if (i + 1 < r.size()) l += std::string(width[i] - display_width(c) + 2, ' ');
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + '\n';
      };
      line(header_);
      for (const auto& r : rows_) line(r);
      return out;
    }
  }
  return out;
}

}  // namespace dipmine::report

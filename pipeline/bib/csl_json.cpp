// CSL-JSON (Zotero's "CSL JSON" export): an array of item objects.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

using nlohmann::json;

size_t line_at(std::string_view text, size_t pos) {
  size_t line = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// The line of each element of the top-level array (a JSON parser does not
// keep positions, so a small scanner finds them; strings are skipped whole).
std::vector<size_t> element_lines(std::string_view text) {
  std::vector<size_t> lines;
  int depth = 0;
  size_t line = 1;
  bool expect_element = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (depth == 1 && expect_element && c != ']') {
      lines.push_back(line);
      expect_element = false;
    }
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '\n') ++line;
      }
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
      if (depth == 1 && c == '[') expect_element = true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_element = true;
    }
  }
  return lines;
}

std::string str(const json& item, const char* key) {
  auto it = item.find(key);
  if (it == item.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  if (it->is_array()) {
    std::string joined;
    for (const json& part : *it) {
      if (!part.is_string()) continue;
      if (!joined.empty()) joined += "; ";
      joined += part.get<std::string>();
    }
    return joined;
  }
  return {};
}

// issued: {"date-parts": [[2020, 5]]}, or {"raw": "2020"}, or {"literal": ...}.
std::string year_of(const json& item) {
  auto it = item.find("issued");
  if (it == item.end() || !it->is_object()) return {};
  if (auto dp = it->find("date-parts"); dp != it->end()) {
    if (dp->is_array() && !dp->empty() && (*dp)[0].is_array() && !(*dp)[0].empty()) {
      const json& y = (*dp)[0][0];
      if (y.is_number_integer()) return std::to_string(y.get<int64_t>());
      if (y.is_string()) return y.get<std::string>();
      return y.dump();
    }
    return dp->dump();
  }
  for (const char* k : {"raw", "literal"}) {
    if (auto r = it->find(k); r != it->end() && r->is_string()) return r->get<std::string>();
  }
  return {};
}

}  // namespace

void read_csl_json(std::string_view text, Sink& sink) {
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (const size_t colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
    sink.note(line_at(text, e.byte > 0 ? e.byte - 1 : 0),
              fmt::format("invalid JSON ({}); no records read", what));
    return;
  }
  std::vector<size_t> lines = element_lines(text);
  if (doc.is_object()) {
    doc = json::array({doc});
    lines.assign(1, line_at(text, text.find('{')));
  }
  if (!doc.is_array()) {
    sink.note(1, "CSL-JSON must be an array of items; no records read");
    return;
  }
  for (size_t n = 0; n < doc.size(); ++n) {
    const json& item = doc[n];
    const size_t line = n < lines.size() ? lines[n] : 1;
    if (!item.is_object()) {
      sink.skip(line, "CSL-JSON item is not an object");
      continue;
    }
    Entry e;
    e.line = line;
    e.id = str(item, "id");
    e.title = str(item, "title");
    e.abstract = str(item, "abstract");
    e.year = year_of(item);
    e.venue = str(item, "container-title");
    e.doi = str(item, "DOI");
    e.url = str(item, "URL");
    e.language = str(item, "language");
    if (auto a = item.find("author"); a != item.end() && a->is_array()) {
      for (const json& person : *a) {
        if (!person.is_object()) continue;
        const std::string family = str(person, "family"), given = str(person, "given");
        std::string name = str(person, "literal");
        if (name.empty()) name = given.empty() ? family : family + ", " + given;
        if (!name.empty()) e.authors.push_back(std::move(name));
      }
    }
    e.author_keywords = split_keywords(str(item, "keyword"));
    sink.add(std::move(e));
  }
}

}  // namespace dipmine::bib::detail

// Which export a file is, and the dispatch to its reader.
#include <fmt/format.h>

#include <algorithm>

#include "bib/bib.h"
#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib {
namespace {

std::string extension(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string e(path.substr(dot + 1));
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

// The first `max` lines that are not blank.
std::vector<std::string_view> first_lines(std::string_view text, size_t max) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < text.size() && out.size() < max) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!detail::trim(line).empty()) out.push_back(line);
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_ris_start(std::string_view line) {
  return starts_with(line, "TY  -") || starts_with(line, "TY -");
}

bool is_bibtex_start(std::string_view line) {
  line = detail::trim(line);
  if (line.empty() || line[0] != '@') return false;
  size_t i = 1;
  while (i < line.size() && std::isalpha(static_cast<unsigned char>(line[i]))) ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  return i > 1 && i < line.size() && (line[i] == '{' || line[i] == '(');
}

bool is_scopus_header(std::string_view line) {
  std::string l(line);
  return l.find("Title") != std::string::npos &&
         (l.find("Authors") != std::string::npos || l.find("Source title") != std::string::npos ||
          l.find("EID") != std::string::npos) &&
         l.find(',') != std::string::npos;
}

}  // namespace

std::optional<Format> detect_format(std::string_view path, std::string_view text) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string ext = extension(path);
  const std::vector<std::string_view> lines = first_lines(text, 8);
  if (ext == "ris") return Format::ris;
  if (ext == "bib" || ext == "bibtex" || ext == "biblatex") return Format::bibtex;
  if (ext == "ciw") return Format::wos;
  if (lines.empty()) return std::nullopt;
  const std::string_view first = lines[0];
  const std::string_view head = detail::trim(first);
  if (ext == "json" && (starts_with(head, "[") || starts_with(head, "{"))) return Format::csl_json;
  if (ext == "csv") {
    if (is_scopus_header(first)) return Format::scopus_csv;
    return std::nullopt;
  }
  // Content alone, for any other name (.txt downloads, no extension).
  for (std::string_view l : lines) {
    if (is_ris_start(l)) return Format::ris;
    if (l.size() >= 5 && l[0] >= 'A' && l[0] <= 'Z' && l[2] == ' ' && l[3] == ' ' && l[4] == '-') {
      continue;  // RIS header tags before TY (some publishers)
    }
    break;
  }
  if (starts_with(first, "FN ") || (starts_with(first, "PT ") && lines.size() > 1 &&
                                    lines[1].size() > 3 && lines[1][2] == ' ')) {
    return Format::wos;
  }
  for (std::string_view l : lines) {
    if (starts_with(detail::trim(l), "%")) continue;  // BibTeX comment lines
    if (is_bibtex_start(l)) return Format::bibtex;
    break;
  }
  if (starts_with(head, "[") && text.substr(0, 4096).find("\"title\"") != std::string_view::npos &&
      text.substr(0, 4096).find("\"type\"") != std::string_view::npos) {
    return Format::csl_json;
  }
  if (is_scopus_header(first) && first.find("Source title") != std::string_view::npos) {
    return Format::scopus_csv;
  }
  return std::nullopt;
}

ExportRead read_export(const std::string& path, std::string_view text, Format format) {
  return read_export(path, text, format, RecordCallback{});
}

ExportRead read_export(const std::string& path, std::string_view text, Format format,
                       const RecordCallback& emit) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  detail::Sink sink{.path = path, .format = format, .emit = emit ? &emit : nullptr};
  switch (format) {
    case Format::ris: detail::read_ris(text, sink); break;
    case Format::bibtex: detail::read_bibtex(text, sink); break;
    case Format::csl_json: detail::read_csl_json(text, sink); break;
    case Format::scopus_csv: detail::read_scopus_csv(text, sink); break;
    case Format::wos: detail::read_wos(text, sink); break;
  }
  if (sink.out.entries == 0 && sink.out.messages.empty()) {
    sink.note(0, fmt::format("no {} records found", format_name(format)));
  }
  return std::move(sink.out);
}

}  // namespace dipmine::bib

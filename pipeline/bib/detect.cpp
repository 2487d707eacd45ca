// Which export a file is, and the dispatch to its reader.
#include <fmt/format.h>

#include <algorithm>

#include "bib/bib.h"
#include "bib/csv.h"
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
  detail::ExportLines lines(text);
  for (std::string_view line; out.size() < max && lines.next(line);) {
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

// Web of Science and the databases on its platform (Zoological Record,
// BIOSIS, MEDLINE via WoS, CAB Abstracts) write `FN` first, then `VR`; files
// that were cut, merged or passed through other tools open with `VR`, `PT`
// or a stray line (`XX`, a title) before them. WoS if, among the first three
// lines and after at most one other line, `FN` is followed by `VR` or `PT`,
// `VR` by `PT`, or `PT X` (one letter: J, B, S, P, C) by a record's field.
bool is_wos_start(const std::vector<std::string_view>& lines) {
  auto field_tag = [](std::string_view l) {
    static const char* const tags[] = {"AU", "AF", "TI", "SO", "BA", "BF", "CA", "GP", "BE", "SE",
                                       "DT", "LA", "UT", "PY", "AB", "DE", "ID", "DI"};
    return l.size() >= 4 && l[2] == ' ' &&
           std::any_of(std::begin(tags), std::end(tags), [&](const char* t) { return starts_with(l, t); });
  };
  for (size_t i = 0; i < 2 && i + 1 < lines.size(); ++i) {
    const std::string_view l = detail::trim(lines[i]), next = lines[i + 1];
    if (starts_with(l, "FN ") && (starts_with(next, "VR ") || starts_with(next, "PT "))) return true;
    if (starts_with(l, "VR ") && starts_with(next, "PT ")) return true;
    if (starts_with(l, "PT ") && detail::trim(l.substr(3)).size() == 1 && field_tag(next)) return true;
  }
  return false;
}

// MEDLINE tag lines without the `PMID-` that opens a record (a file cut from
// the middle of an export, a tool's output): the first line and most of the
// first lines are tag lines, and one tag has three or four letters (FAU,
// PMC, STAT: RIS tags have two). Its reader then names every line it cannot
// place, where the file would otherwise be stored as a text of tags.
bool is_medline_without_start(const std::vector<std::string_view>& lines) {
  size_t tags = 0, nonblank = 0;
  bool long_tag = false, first_is_tag = false;
  for (std::string_view l : lines) {
    if (detail::trim(l).empty()) continue;
    std::string_view value;
    const std::string_view tag = detail::medline_tag(l, value);
    if (nonblank++ == 0) first_is_tag = !tag.empty();
    tags += tag.empty() ? 0 : 1;
    long_tag = long_tag || tag.size() >= 3;
  }
  return first_is_tag && long_tag && tags * 4 >= nonblank * 3;
}

// CSL-YAML (pandoc, Better BibTeX): `references:` or `- id:` opens it (after
// a `---` line), and `title:`, `type:`, `author:` or `issued:` keys follow. A
// Markdown paper whose front matter holds references has text after the
// closing `---`/`...`: that is a document, not an export.
bool is_csl_yaml(std::string_view text, const std::vector<std::string_view>& lines) {
  size_t i = 0;
  const bool front = detail::trim(lines[0]) == "---";
  if (front) ++i;
  if (i >= lines.size()) return false;
  const std::string_view first = detail::trim(lines[i]);
  if (first != "references:" && !starts_with(first, "- id:")) return false;
  bool id = starts_with(first, "- id:"), field = false;
  for (; i < lines.size(); ++i) {
    const std::string_view l = detail::trim(lines[i]);
    if (starts_with(l, "- id:")) id = true;
    if (starts_with(l, "title:") || starts_with(l, "type:") || starts_with(l, "author:") ||
        starts_with(l, "issued:")) {
      field = true;
    }
  }
  if (!id || !field) return false;
  if (front) {
    for (const std::string_view end : {"\n---", "\n..."}) {
      const size_t at = text.find(end, 3);
      if (at == std::string_view::npos) continue;
      const size_t eol = text.find('\n', at + 1);
      if (eol != std::string_view::npos && !detail::trim(text.substr(eol)).empty()) return false;
    }
  }
  return true;
}

// ProQuest plain text: its report header (a rule of underscores, then
// "Report Information from ProQuest"), or a file cut to its records
// (`Document 1 of N` first).
bool is_proquest(const std::vector<std::string_view>& lines) {
  for (size_t i = 0; i < lines.size() && i < 3; ++i) {
    const std::string_view l = detail::trim(lines[i]);
    if (l == "Report Information from ProQuest") return true;
    if (starts_with(l, "Document 1 of ")) return true;
    if (l.find_first_not_of('_') != std::string_view::npos) return false;
  }
  return false;
}

// EndNote XML: an <xml> root with <records> and <record> near the start
// (written on one line by EndNote, indented by Zotero).
bool is_endnote_xml(std::string_view text) {
  const std::string_view start = text.substr(0, 4096);
  const size_t xml = start.find("<xml>");
  if (detail::trim(text.substr(0, 1)) != "<" || xml == std::string_view::npos) return false;
  const size_t records = start.find("<records>", xml);
  return records != std::string_view::npos && start.find("<record>", records) != std::string_view::npos;
}

// PubMed XML: markup first, and a <PubmedArticleSet> (efetch) or a first
// <PubmedArticle> / <PubmedBookArticle> near the start.
bool is_pubmed_xml(std::string_view text) {
  const std::string_view start = text.substr(0, 4096);
  if (detail::trim(text.substr(0, 1)) != "<") return false;
  return start.find("<PubmedArticleSet") != std::string_view::npos ||
         start.find("<PubmedArticle>") != std::string_view::npos ||
         start.find("<PubmedBookArticle>") != std::string_view::npos;
}

bool has(const std::vector<std::string>& cells, std::string_view name) {
  return std::find(cells.begin(), cells.end(), name) != cells.end();
}

// A CSV of records in no layout named above: a title column and at least one
// other bibliographic column (a Scopus export with a few columns chosen, a
// Zotero CSV). The exports named by unsupported_export are not taken.
bool generic_table(const std::vector<std::string>& cells) {
  if (!has(cells, "title") && !has(cells, "article title")) return false;
  if (std::any_of(cells.begin(), cells.end(),
                  [](const std::string& c) { return c.rfind("emtree", 0) == 0; })) {
    return false;  // Embase: its own layout, named as unread
  }
  static const char* const known[] = {
      "authors", "author", "author full names", "year", "publication year", "doi", "abstract",
      "abstract note", "link", "url", "source title", "journal", "publication title",
      "author keywords", "keywords", "index keywords", "manual tags", "eid", "pmid",
      // a table of articles: their text under a usual name
      "body", "text", "content", "full text", "full_text", "fulltext", "article"};
  return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return has(cells, k); });
}

// The table export a header row names; nullopt for other CSVs.
std::optional<Format> table_format(std::string_view text, std::string_view first) {
  if (first.find('\t') != std::string_view::npos) {
    const auto cells = detail::header_cells(text, '\t');
    if (!cells.empty() && (cells[0] == "pt" || cells[0] == "fn") && has(cells, "ti") &&
        (has(cells, "au") || has(cells, "ut"))) {
      return Format::wos_tab;
    }
    return std::nullopt;
  }
  const auto cells = detail::header_cells(text, ',');
  if (!has(cells, "title") && !has(cells, "display_name")) return std::nullopt;
  if (has(cells, "pmid") && has(cells, "journal/book")) return Format::pubmed_csv;
  if (has(cells, "lens id")) return Format::lens_csv;
  if (has(cells, "publication_year") && has(cells, "id")) return Format::openalex_csv;
  if (has(cells, "source title") || has(cells, "eid") || has(cells, "author(s) id")) {
    return Format::scopus_csv;
  }
  return generic_table(cells) ? std::optional(Format::csv_table) : std::nullopt;
}

// JSON: Zotero items carry "itemType"; OpenAlex works "authorships" or
// "publication_year"; CSL items "type" and "title".
std::optional<Format> json_format(std::string_view ext, std::string_view text, std::string_view head) {
  if (!starts_with(head, "[") && !starts_with(head, "{")) return std::nullopt;
  const std::string_view start = text.substr(0, 8192);
  // Zotero's own field names (its JSON and Better BibTeX JSON): itemType.
  if (start.find("\"itemType\"") != std::string_view::npos) return Format::zotero_json;
  if (start.find("\"publication_year\"") != std::string_view::npos ||
      start.find("\"authorships\"") != std::string_view::npos ||
      start.find("openalex.org/W") != std::string_view::npos) {
    return Format::openalex_json;
  }
  if (start.find("\"title\"") != std::string_view::npos &&
      (start.find("\"type\"") != std::string_view::npos || ext == "json")) {
    return Format::csl_json;
  }
  if (ext == "json" || ext == "jsonl" || ext == "ndjson") return Format::csl_json;  // its reader says what is wrong
  return std::nullopt;
}

}  // namespace

std::optional<Format> detect_format(std::string_view path, std::string_view text) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string ext = extension(path);
  const std::vector<std::string_view> lines = first_lines(text, 8);
  // Content first: a Web of Science file saved as .ris, or RIS as .txt, is
  // what it holds. The extension decides only when the content is silent.
  if (!lines.empty()) {
    const std::string_view first = lines[0];
    const std::string_view head = detail::trim(first);
    for (std::string_view l : lines) {
      if (is_ris_start(l)) return Format::ris;
      // Before TY: other tag lines (some publishers) or a record number
      // ("1." in Ovid exports); anything else is prose.
      const bool tag_line = l.size() >= 5 && l[0] >= 'A' && l[0] <= 'Z' && l[2] == ' ' && l[4] == '-';
      if (!tag_line && detail::trim(l).size() > 6) break;
    }
    if (is_wos_start(lines)) return Format::wos;
    if (is_proquest(lines)) return Format::proquest;
    if (is_endnote_xml(text)) return Format::endnote_xml;
    if (is_pubmed_xml(text)) return Format::pubmed_xml;
    if (starts_with(first, "%0 ") || starts_with(first, "%0\t")) return Format::endnote;
    if (starts_with(first, "PMID-") || starts_with(first, "PMID -")) return Format::medline;
    if (is_medline_without_start(lines)) return Format::medline;
    for (std::string_view l : lines) {
      if (starts_with(detail::trim(l), "%")) continue;  // BibTeX comment lines
      if (is_bibtex_start(l)) return Format::bibtex;
      break;
    }
    if (auto f = json_format(ext, text, head)) return f;
    if (ext == "csv") {
      // A Scopus export with few columns chosen says only "Authors,Title,...".
      const auto cells = detail::header_cells(text, ',');
      if (has(cells, "title") && has(cells, "authors") && !has(cells, "pmid") &&
          !has(cells, "lens id") && !has(cells, "publication_year")) {
        return Format::scopus_csv;
      }
    }
    if (auto f = table_format(text, first)) return f;
  }
  if (lines.empty() || ext == "ris" || ext == "bib" || ext == "bibtex" || ext == "biblatex" ||
      ext == "ciw" || ext == "nbib" || ext == "enw") {
    // Empty, or text that is none of the above: the reader of the named
    // format says what is wrong with it (instead of a junk text document).
    if (ext == "ris") return Format::ris;
    if (ext == "bib" || ext == "bibtex" || ext == "biblatex") {
      // BibTeX may open with prose before the first entry.
      if (text.find('@') != std::string_view::npos || lines.empty()) return Format::bibtex;
    }
    if (ext == "ciw") return Format::wos;
    if (ext == "nbib") return Format::medline;
    if (ext == "enw") return Format::endnote;
  }
  return std::nullopt;
}

std::string unsupported_export(std::string_view path, std::string_view text) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::vector<std::string_view> lines = first_lines(text, 8);
  if (lines.empty()) return {};
  const std::string_view first = detail::trim(lines[0]);
  const std::string_view start = text.substr(0, 4096);
  auto in_start = [&](std::string_view s) { return start.find(s) != std::string_view::npos; };
  if (is_csl_yaml(text, lines)) return "CSL-YAML";
  if (starts_with(first, "RT ") && lines.size() > 1 && starts_with(lines[1], "SR ")) {
    return "RefWorks tagged text";
  }
  if (starts_with(first, "<")) {
    if (in_start("<mods") || in_start("<modsCollection")) return "MODS XML";
    if (in_start("<rdf:RDF") && in_start("zotero")) return "Zotero RDF";
    return {};
  }
  if (starts_with(text, "SQLite format 3")) {
    return extension(path).rfind("ctv", 0) == 0 ? "a Citavi project" : "";
  }
  if (starts_with(text, "PK\x03\x04") && extension(path).rfind("ctv", 0) == 0) return "a Citavi project";
  const char sep = first.find('\t') != std::string_view::npos ? '\t' : ',';
  const auto cells = detail::header_cells(text, sep);
  if (has(cells, "document title") && has(cells, "publication title")) return "IEEE Xplore CSV";
  if (has(cells, "item title") && has(cells, "item doi")) return "SpringerLink CSV";
  if (std::any_of(cells.begin(), cells.end(),
                  [](const std::string& c) { return c.rfind("emtree", 0) == 0; })) {
    return "Embase CSV";
  }
  if (has(cells, "key") && has(cells, "item type") && has(cells, "publication year")) {
    return "Zotero CSV";
  }
  return {};
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
    case Format::wos: detail::read_wos(text, sink); break;
    case Format::medline: detail::read_medline(text, sink); break;
    case Format::openalex_json: detail::read_openalex_json(text, sink); break;
    case Format::zotero_json: detail::read_zotero_json(text, sink); break;
    case Format::endnote: detail::read_endnote(text, sink); break;
    case Format::endnote_xml: detail::read_endnote_xml(text, sink); break;
    case Format::proquest: detail::read_proquest(text, sink); break;
    case Format::pubmed_xml: detail::read_pubmed_xml(text, sink); break;
    case Format::csv_table:
    case Format::scopus_csv:
    case Format::wos_tab:
    case Format::pubmed_csv:
    case Format::openalex_csv:
    case Format::lens_csv: detail::read_table(text, sink); break;
  }
  sink.summarise();
  if (sink.out.entries == 0 && sink.out.messages.empty()) {
    sink.note(0, fmt::format("no {} records found", format_name(format)));
  }
  return std::move(sink.out);
}

}  // namespace dipmine::bib

// Exports that are tables, one record per row under a header of column names:
// Scopus CSV, PubMed CSV, OpenAlex CSV, Lens CSV (RFC 4180) and Web of
// Science tab-delimited (tags as column names, no quoting). Each is a Layout:
// which columns hold which field; the row reading and its checks are shared.
#include <fmt/format.h>

#include <optional>
#include <unordered_map>

#include "bib/csv.h"
#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {

bool CsvReader::next(std::vector<std::string>& fields, size_t& row_line, bool& unterminated) {
  fields.clear();
  unterminated = false;
  // Skip blank lines between rows.
  while (i_ < t_.size() && (t_[i_] == '\n' || t_[i_] == '\r')) {
    if (t_[i_] == '\n') ++line_;
    ++i_;
  }
  if (i_ >= t_.size()) return false;
  row_line = line_;
  const char stops[3] = {sep_, '\n', '\0'};
  const std::string_view stop_chars(stops, 2);
  std::string field;
  while (true) {
    if (quoted_ && i_ < t_.size() && t_[i_] == '"') {
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
    // Unquoted part (or text after a closing quote).
    const size_t end = t_.find_first_of(stop_chars, i_);
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
    ++i_;  // the separator
  }
}

namespace {

std::string lower(std::string_view s) {
  std::string l(trim(s));
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l;
}

std::string_view without_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

enum class Names { scopus, medline, family_given, given_family };

struct Layout {
  const char* what;  // "Scopus CSV", named in messages
  char separator = ',';
  bool quoted = true;
  std::vector<const char*> title, year, venue, abstract, doi, url, id, language;
  std::vector<const char*> authors;  // the first present column that is not empty
  const char* author_separators = ";";
  Names names = Names::family_given;
  std::vector<const char*> author_keywords, index_keywords;
  const char* keyword_separators = ";";
  std::vector<const char*> body;  // the document's text after the abstract
  // Name every column that held a value but is not read (Sink::unread): a
  // table of unknown make may keep anything in them. The exports of known
  // layout are documented column by column instead.
  bool name_unread = false;
  // Scopus writes a second "Funding Text" field that its header does not
  // name: in a row one field longer, the columns after the last named
  // Funding Text column are read that much further right.
  const char* shifted_after_prefix = nullptr;
};

const Layout& layout_of(Format f) {
  static const Layout scopus{
      .what = "Scopus CSV", .title = {"title"}, .year = {"year"}, .venue = {"source title"},
      .abstract = {"abstract"}, .doi = {"doi"}, .url = {"link"}, .id = {"eid"},
      .language = {"language of original document"},
      .authors = {"author full names", "authors"}, .names = Names::scopus,
      .author_keywords = {"author keywords"}, .index_keywords = {"index keywords"},
      .shifted_after_prefix = "funding text"};
  static const Layout pubmed{
      .what = "PubMed CSV", .title = {"title"}, .year = {"publication year"},
      .venue = {"journal/book"}, .doi = {"doi"}, .id = {"pmid"}, .authors = {"authors"},
      .author_separators = ",", .names = Names::medline};
  static const Layout openalex{
      .what = "OpenAlex CSV", .title = {"title", "display_name"}, .year = {"publication_year"},
      .venue = {"primary_location.source.display_name", "host_venue.display_name", "source_display_name"},
      .abstract = {"abstract"}, .doi = {"doi"}, .url = {"primary_location.landing_page_url"},
      .id = {"id"}, .language = {"language"},
      .authors = {"authorships.author.display_name", "author_names", "authors"},
      .author_separators = "|", .names = Names::given_family,
      .index_keywords = {"keywords.display_name", "keywords.keyword"}, .keyword_separators = "|"};
  static const Layout lens{
      .what = "Lens CSV", .title = {"title"}, .year = {"publication year", "date published"},
      .venue = {"source title"}, .abstract = {"abstract"}, .doi = {"doi"},
      .url = {"external url"}, .id = {"lens id"}, .authors = {"author/s", "authors"},
      .names = Names::given_family, .author_keywords = {"keywords"},
      .index_keywords = {"mesh terms"}};
  static const Layout wos_tab{
      .what = "WoS tab-delimited", .separator = '\t', .quoted = false, .title = {"ti"},
      .year = {"py"}, .venue = {"so"}, .abstract = {"ab"}, .doi = {"di"}, .id = {"ut"},
      .language = {"la"}, .authors = {"af", "au"}, .author_keywords = {"de"},
      .index_keywords = {"id"}};
  // Any other CSV of records (a Scopus export with a few columns chosen, a
  // Zotero CSV, a table a researcher kept): the columns known by their usual
  // names. Names are kept as written ("Family, Given" or "Family I.").
  static const Layout generic{
      .what = "CSV", .title = {"title", "article title", "document title"},
      .year = {"year", "publication year", "publication_year", "pubyear", "date"},
      .venue = {"source title", "journal", "publication title", "journal/book", "source", "venue",
                "container-title"},
      .abstract = {"abstract", "abstract note", "summary"}, .doi = {"doi"},
      .url = {"link", "url", "external url"}, .id = {"eid", "key", "id", "pmid", "accession number"},
      .language = {"language of original document", "language"},
      .authors = {"author full names", "authors", "author", "author(s)", "creators"},
      .names = Names::scopus,
      .author_keywords = {"author keywords", "keywords", "manual tags", "tags"},
      .index_keywords = {"index keywords", "automatic tags", "mesh terms", "category", "categories"},
      .body = {"body", "text", "content", "full text", "full_text", "fulltext", "article"},
      .name_unread = true};
  switch (f) {
    case Format::csv_table: return generic;
    case Format::pubmed_csv: return pubmed;
    case Format::openalex_csv: return openalex;
    case Format::lens_csv: return lens;
    case Format::wos_tab: return wos_tab;
    default: return scopus;
  }
}

// "Nguyen TT" (MEDLINE) -> "Nguyen, TT"; a trailing '.' of the list goes.
std::string medline_name(std::string_view name) {
  name = trim(name);
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  const size_t sp = name.rfind(' ');
  if (sp == std::string_view::npos) return std::string(name);
  const std::string_view initials = name.substr(sp + 1);
  for (char c : initials) {
    if (!(c >= 'A' && c <= 'Z')) return std::string(name);
  }
  return fmt::format("{}, {}", trim(name.substr(0, sp)), initials);
}

}  // namespace

std::vector<std::string> header_cells(std::string_view text, char separator) {
  CsvReader csv(without_bom(text), separator, separator != '\t');
  std::vector<std::string> row, out;
  size_t line = 0;
  bool unterminated = false;
  if (!csv.next(row, line, unterminated) || unterminated) return out;
  for (const std::string& c : row) out.push_back(lower(c));
  return out;
}

void read_table(std::string_view text, Sink& sink) {
  const Layout& layout = layout_of(sink.format);
  CsvReader csv(without_bom(text), layout.separator, layout.quoted);
  std::vector<std::string> row;
  size_t line = 0;
  bool unterminated = false;
  if (!csv.next(row, line, unterminated) || unterminated) {
    sink.note(1, "no header row; no records read");
    return;
  }
  std::unordered_map<std::string, size_t> column;
  size_t shift_from = row.size();  // first column read further right in a longer row
  for (size_t c = 0; c < row.size(); ++c) {
    std::string name = lower(row[c]);
    if (layout.shifted_after_prefix != nullptr && name.rfind(layout.shifted_after_prefix, 0) == 0) {
      shift_from = c + 1;
    }
    column.emplace(std::move(name), c);
  }
  const size_t width = row.size();
  auto col = [&](const std::vector<const char*>& names) -> std::optional<size_t> {
    for (const char* n : names) {
      if (auto it = column.find(n); it != column.end()) return it->second;
    }
    return std::nullopt;
  };
  const auto title = col(layout.title);
  if (!title) {
    sink.note(1, fmt::format("the header has no title column (not a {} export); no records read",
                             layout.what));
    return;
  }
  const auto year = col(layout.year), venue = col(layout.venue), abstract = col(layout.abstract),
             doi = col(layout.doi), url = col(layout.url), id = col(layout.id),
             language = col(layout.language), author_kw = col(layout.author_keywords),
             index_kw = col(layout.index_keywords), body = col(layout.body);
  std::vector<size_t> author_cols;
  for (const char* n : layout.authors) {
    if (auto it = column.find(n); it != column.end()) author_cols.push_back(it->second);
  }
  // The columns read, and the header's names of the others (as written).
  std::vector<bool> is_read(width, false);
  for (const auto& c : {title, year, venue, abstract, doi, url, id, language, author_kw, index_kw, body}) {
    if (c) is_read[*c] = true;
  }
  for (size_t c : author_cols) is_read[c] = true;
  std::vector<std::string> header_names;
  for (const std::string& h : row) header_names.emplace_back(trim(h));
  size_t shifted_rows = 0;
  while (csv.next(row, line, unterminated)) {
    if (unterminated) {
      sink.skip(line, "CSV row has a quote that is never closed (rest of the file)");
      break;
    }
    if (row.size() == 1 && trim(row[0]).empty()) continue;
    // Empty fields past the header's width are trailing separators, not data.
    while (row.size() > width && trim(row.back()).empty()) row.pop_back();
    size_t shift = 0;
    if (row.size() > width && shift_from < width) {
      shift = row.size() - width;
      ++shifted_rows;
    } else if (row.size() != width) {
      sink.skip(line,
                fmt::format("{} row has {} fields, the header has {}",
                            layout.quoted ? "CSV" : "tab-delimited", row.size(), width),
                row.size() < width ? "row has fewer fields than the header"
                                   : "row has more fields than the header");
      continue;
    }
    auto get = [&](const std::optional<size_t>& c) -> std::string {
      if (!c) return {};
      const size_t at = *c >= shift_from ? *c + shift : *c;
      return at < row.size() ? std::move(row[at]) : std::string();
    };
    if (layout.name_unread) {
      for (size_t c = 0; c < width && c < row.size(); ++c) {
        if (!is_read[c] && !trim(row[c]).empty()) {
          sink.unread(header_names[c].empty() ? fmt::format("column {}", c + 1) : header_names[c]);
        }
      }
    }
    Entry e;
    e.line = line;
    e.title = get(title);
    if (body) {
      if (std::string b = get(body); !trim(b).empty()) e.body.push_back(std::move(b));
    }
    e.abstract = get(abstract);
    e.year = get(year);
    e.venue = get(venue);
    e.doi = get(doi);
    e.url = get(url);
    e.id = get(id);
    e.language = get(language);
    std::string names;
    for (size_t c : author_cols) {
      names = get(c);
      if (!trim(names).empty() && names != "[No author name available]") break;
      names.clear();
    }
    if (layout.names == Names::scopus) {
      // "Author full names" (since 2023): "Family, Given (id); ..."; older
      // exports only have "Authors": "Family I.; ..." or "Family I., ...".
      const bool full = !author_cols.empty() && names.find(" (") != std::string::npos;
      const char* seps = full || names.find(';') != std::string::npos ? ";" : ",";
      for (std::string& a : split_list(names, seps)) {
        if (const size_t paren = a.rfind(" ("); paren != std::string::npos && a.back() == ')') {
          a.resize(paren);
        }
        e.authors.push_back(std::move(a));
      }
    } else {
      for (std::string& a : split_list(names, layout.author_separators)) {
        if (layout.names == Names::medline) e.authors.push_back(medline_name(a));
        else if (layout.names == Names::given_family) e.authors.push_back(family_given(a));
        else e.authors.push_back(std::move(a));
      }
    }
    e.author_keywords = split_list(get(author_kw), layout.keyword_separators);
    e.index_keywords = split_list(get(index_kw), layout.keyword_separators);
    sink.add(std::move(e));
  }
  if (shifted_rows > 0) {
    sink.note(0, fmt::format("{} rows have more fields than the header (the unnamed column after "
                             "`{}`); their later columns were read that much further right",
                             shifted_rows, [&] {
                               for (const auto& [name, c] : column) {
                                 if (c + 1 == shift_from) return name;
                               }
                               return std::string();
                             }()));
  }
}

}  // namespace dipmine::bib::detail

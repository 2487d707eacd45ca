// EndNote tagged text (.enw, also the "Refer" export of EndNote and Zotero):
// `%0 Journal Article` opens a record, then one field per line (`%T title`,
// `%A Family, Given`, `%D 2020`, `%K keyword`, ...); a line without a tag
// continues the field above (a keyword after %K). The next `%0` or the end of
// the file ends a record; blank lines between records mean nothing.
#include <fmt/format.h>

#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

// The tag character of a field line ("%T ..." -> 'T'), or 0 for text.
char enw_tag(std::string_view line, std::string_view& value) {
  if (line.size() < 2 || line[0] != '%' || static_cast<unsigned char>(line[1]) <= ' ') return 0;
  if (line.size() > 2 && line[2] != ' ' && line[2] != '\t') return 0;
  value = line.size() > 3 ? trim(line.substr(3)) : std::string_view();
  return line[1];
}

}  // namespace

void read_endnote(std::string_view text, Sink& sink) {
  bool in_record = false;
  Entry e;
  std::string* last = nullptr;  // the field a continuation line extends
  bool in_keywords = false;     // the last tag was %K: an untagged line is a keyword
  std::string editors, book, label;
  auto finish = [&] {
    if (e.authors.empty() && !editors.empty()) e.authors = split_list(editors, "\n");
    for (std::string& a : e.authors) a = family_given(a);
    if (e.venue.empty()) e.venue = book;
    if (e.id.empty()) e.id = label;
    sink.add(std::move(e));
  };
  auto reset = [&] {
    e = Entry{};
    editors.clear(), book.clear(), label.clear();
    last = nullptr;
    in_keywords = false;
  };
  ExportLines lines(text);
  for (std::string_view line; lines.next(line);) {
    const size_t line_no = lines.number();
    std::string_view value;
    const char tag = enw_tag(line, value);
    if (tag == 0) {
      const std::string_view t = trim(line);
      if (t.empty()) continue;
      if (!in_record) sink.note(line_no, "text outside an EndNote record (before %0); ignored");
      else if (in_keywords) e.author_keywords.emplace_back(t);
      else if (last != nullptr) (*last += '\n') += t;
      continue;
    }
    if (tag == '0') {
      if (in_record) finish();
      reset();
      in_record = true;
      e.line = line_no;
      continue;
    }
    if (!in_record) {
      sink.note(line_no, fmt::format("EndNote field %{} outside a record (no %0); ignored", tag));
      continue;
    }
    last = nullptr;
    in_keywords = false;
    auto set = [&](std::string& field) {
      if (!field.empty()) field += '\n';
      field.append(value);
      last = &field;
    };
    switch (tag) {
      case 'T': set(e.title); break;
      case 'A': e.authors.emplace_back(value); break;
      case 'E': set(editors); break;
      case 'D': set(e.year); break;
      case 'X': set(e.abstract); break;
      case 'R':  // the DOI, or another identifier (an OAI id, a URN)
        if (e.doi.empty() && value.find("10.") != std::string_view::npos) set(e.doi);
        break;
      case 'J': if (e.venue.empty()) set(e.venue); break;  // a second %J: the same in English
      case 'B': set(book); break;
      case 'U': if (e.url.empty()) set(e.url); break;
      case 'G': set(e.language); break;
      case 'M': set(e.id); break;
      case 'F': set(label); break;
      case 'K':
        // One keyword per line; some tools pack several, separated by ';'.
        for (std::string& k : split_list(value, ";")) e.author_keywords.push_back(std::move(k));
        in_keywords = true;
        break;
      default: break;  // a field we do not keep; its continuation lines go too
    }
  }
  if (in_record) finish();
}

}  // namespace dipmine::bib::detail

// RIS: `TY  - JOUR` ... `ER  - `, one field per line (`XX  - value`); a line
// without a tag continues the field above it (multi-line abstracts), except
// after KW, where EndNote writes one keyword per untagged line. Lines end at
// LF, CRLF or a lone CR (IEEE Xplore writes "\r\n\n\rTY  - ").
#include <fmt/format.h>

#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

// The tag of a RIS field line ("TY", "AU", ...) or "" for a continuation
// line. Exports differ in the spaces before the hyphen; accept one or two.
std::string_view ris_tag(std::string_view line, std::string_view& value) {
  auto upper_or_digit = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (line.size() < 4 || !(line[0] >= 'A' && line[0] <= 'Z') || !upper_or_digit(line[1])) return {};
  size_t i = 2;
  size_t spaces = 0;
  while (i < line.size() && line[i] == ' ' && spaces < 2) ++i, ++spaces;
  if (spaces == 0 || i >= line.size() || line[i] != '-') return {};
  ++i;
  if (i < line.size() && line[i] != ' ') return {};
  value = i < line.size() ? line.substr(i + 1) : std::string_view();
  return line.substr(0, 2);
}

// IEEE Xplore writes "G. Kalbe", "L. A. Parnell": a name without a comma
// whose given part is initials is turned round like every other reader's
// names; other names without a comma (corporate authors) are kept.
std::string ris_name(std::string_view name) {
  name = trim(name);
  if (name.find(',') != std::string_view::npos) return std::string(name);
  const size_t last_space = name.rfind(' ');
  if (last_space == std::string_view::npos) return std::string(name);
  for (const std::string& word : split_list(name.substr(0, last_space), " ")) {
    const std::string_view w = trim(word);
    const size_t letters = w.size() - (w.back() == '.' ? 1 : 0);
    if (letters == 0 || letters > 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return std::string(name);
  }
  return family_given(name);
}

}  // namespace

void read_ris(std::string_view text, Sink& sink) {
  bool in_record = false;
  Entry e;
  std::string* last = nullptr;  // the field a continuation line extends
  bool in_keywords = false;     // the last tag was KW: an untagged line is a keyword
  std::string py, y1, da, ab, n2, ti, t1, st, ct, jo, jf, t2;
  auto reset = [&] {
    e = Entry{};
    py.clear(), y1.clear(), da.clear(), ab.clear(), n2.clear(), ti.clear(), t1.clear(), st.clear(), ct.clear();
    jo.clear(), jf.clear(), t2.clear();
    last = nullptr;
    in_keywords = false;
  };
  auto first_of = [](std::initializer_list<const std::string*> list) {
    for (const std::string* s : list) {
      if (!trim(*s).empty()) return *s;
    }
    return std::string();
  };
  auto finish = [&] {
    for (std::string& a : e.authors) a = ris_name(a);
    // Without TI or T1, the short title (ST: EndNote writes only it for some
    // records) or CT (the title of an unpublished work) is the title.
    e.title = first_of({&ti, &t1, &st, &ct});
    e.abstract = first_of({&ab, &n2});
    e.year = first_of({&py, &y1, &da});
    e.venue = first_of({&t2, &jo, &jf});
    sink.add(std::move(e));
  };
  ExportLines lines(text);
  size_t line_no = 0;
  for (std::string_view line; lines.next(line);) {
    line_no = lines.number();
    std::string_view value;
    const std::string_view tag = ris_tag(line, value);
    if (tag.empty()) {
      if (in_record && in_keywords && !trim(line).empty()) {
        for (std::string& k : split_list(line, ";")) e.author_keywords.push_back(std::move(k));
      } else if (in_record && last != nullptr && !trim(line).empty()) {
        *last += '\n';
        *last += line;
      } else if (!in_record && !trim(line).empty()) {
        sink.note(line_no, "text outside a RIS record (before TY); ignored");
      }
      continue;
    }
    if (tag == "TY") {
      if (in_record) sink.skip(e.line, "RIS record has no ER line before the next TY");
      reset();
      in_record = true;
      e.line = line_no;
      continue;
    }
    if (!in_record) {
      sink.note(line_no, fmt::format("RIS field {} outside a record (no TY); ignored", tag));
      continue;
    }
    if (tag == "ER") {
      finish();
      reset();
      in_record = false;
      continue;
    }
    value = trim(value);
    in_keywords = tag == "KW";
    auto set = [&](std::string& field) {
      if (!field.empty()) field += '\n';
      field.append(value);
      last = &field;
    };
    auto push = [&](std::vector<std::string>& list) {
      list.emplace_back(value);
      last = &list.back();
    };
    if (tag == "TI") set(ti);
    else if (tag == "T1") set(t1);
    else if (tag == "ST") set(st);
    else if (tag == "CT") set(ct);
    else if (tag == "AU" || tag == "A1") push(e.authors);
    else if (tag == "PY") set(py);
    else if (tag == "Y1") set(y1);
    else if (tag == "DA") set(da);
    else if (tag == "AB") set(ab);
    else if (tag == "N2") set(n2);
    else if (tag == "KW") {
      // One keyword per KW line; some tools pack several, separated by ';'.
      for (std::string& k : split_list(value, ";")) e.author_keywords.push_back(std::move(k));
      last = nullptr;
    } else if (tag == "DO") { if (e.doi.empty()) set(e.doi); else last = nullptr; }  // Ovid repeats it
    else if (tag == "JO" || tag == "JA") set(jo);
    else if (tag == "JF") set(jf);
    else if (tag == "T2") set(t2);
    else if (tag == "LA") set(e.language);
    else if (tag == "UR") { if (e.url.empty()) set(e.url); else last = nullptr; }
    else if (tag == "ID") set(e.id);
    else last = nullptr;  // a field we do not keep; its continuation lines go too
  }
  if (in_record) sink.skip(e.line, "RIS record has no ER line (file ends inside it)");
}

}  // namespace dipmine::bib::detail

// Web of Science plain-text export: `FN`/`VR` header, then records from `PT`
// to `ER`, one two-letter tag per field, continuation lines indented by three
// spaces; `EF` ends the file.
#include <fmt/format.h>

#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

bool is_tag(std::string_view line) {
  auto ok = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  return line.size() >= 2 && line[0] >= 'A' && line[0] <= 'Z' && ok(line[1]) &&
         (line.size() == 2 || line[2] == ' ');
}

// A keyword field with its continuation lines joined by '\n'. WoS separates
// keywords with ';' and wraps long lists anywhere (inside a keyword too), so
// with a ';' the lines are one text split at ';'. Zoological Record and
// other databases on the platform put one term per line without any ';':
// then each line is a keyword (not one keyword of hundreds of characters).
std::vector<std::string> keyword_field(const std::string& field) {
  if (field.find(';') != std::string::npos) return split_list(field, ";");
  return split_list(field, "\n");
}

}  // namespace

void read_wos(std::string_view text, Sink& sink) {
  bool in_record = false;
  Entry e;
  std::vector<std::string> au, af;
  std::string de, id;
  std::vector<std::string>* last_list = nullptr;
  std::string* last = nullptr;
  auto reset = [&] {
    e = Entry{};
    au.clear(), af.clear(), de.clear(), id.clear();
    last = nullptr;
    last_list = nullptr;
  };
  ExportLines lines(text);
  size_t line_no = 0;
  for (std::string_view line; lines.next(line);) {
    line_no = lines.number();
    if (trim(line).empty()) continue;
    if (!is_tag(line)) {
      // A continuation line: another value of a list field, or more text.
      if (!in_record) {
        sink.note(line_no, "text outside a WoS record (no PT); ignored");
        continue;
      }
      const std::string_view v = trim(line);
      if (last_list != nullptr) last_list->emplace_back(v);
      else if (last != nullptr) (*last += '\n') += v;
      continue;
    }
    const std::string_view tag = line.substr(0, 2);
    const std::string_view value = line.size() > 3 ? trim(line.substr(3)) : std::string_view();
    if (tag == "FN" || tag == "VR") continue;
    if (tag == "PT") {
      if (in_record) sink.skip(e.line, "WoS record has no ER line before the next PT");
      reset();
      in_record = true;
      e.line = line_no;
      continue;
    }
    if (tag == "EF") {
      if (in_record) sink.skip(e.line, "WoS record has no ER line (EF ends the file inside it)");
      in_record = false;
      continue;
    }
    if (!in_record) {
      sink.note(line_no, fmt::format("WoS field {} outside a record (no PT); ignored", tag));
      continue;
    }
    if (tag == "ER") {
      e.authors = af.empty() ? std::move(au) : std::move(af);
      e.author_keywords = keyword_field(de);
      e.index_keywords = keyword_field(id);
      sink.add(std::move(e));
      reset();
      in_record = false;
      continue;
    }
    last = nullptr;
    last_list = nullptr;
    auto set = [&](std::string& field) {
      field.assign(value);
      last = &field;
    };
    if (tag == "AU" || tag == "AF") {
      last_list = tag == "AU" ? &au : &af;
      last_list->emplace_back(value);
    } else if (tag == "TI") set(e.title);
    else if (tag == "SO") set(e.venue);
    else if (tag == "AB") set(e.abstract);
    else if (tag == "PY") set(e.year);
    else if (tag == "DI") set(e.doi);
    else if (tag == "LA") set(e.language);
    else if (tag == "UT") set(e.id);
    else if (tag == "DE") set(de);
    else if (tag == "ID") set(id);
  }
  if (in_record) sink.skip(e.line, "WoS record has no ER line (file ends inside it)");
}

}  // namespace dipmine::bib::detail

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

// A keyword field (continuation lines joined by '\n'), split at ';' as
// Web of Science writes it (it wraps lists anywhere, inside a keyword too).
std::vector<std::string> keyword_field(const std::string& field) { return split_list(field, ";"); }

// Zoological Record's DE (descriptors assigned by its indexers): taxa, then
// bracketed groups of "Subject / Narrower / Detail", then a full stop:
//   Picoides arcticus; Picoides dorsalis [Breeding site / Nesting site / ]
//   [Survival / Nest survival / ] [New Brunswick /  / ].
// Read whole, it is one keyword of hundreds of characters. Each taxon and
// each non-empty part of a group is a keyword.
bool is_descriptor_field(const std::string& field) {
  const size_t open = field.find(" [");
  return open != std::string::npos && field.find(" / ", open) != std::string::npos;
}
std::vector<std::string> descriptor_field(const std::string& field) {
  std::vector<std::string> out;
  auto add = [&](std::string_view part, std::string_view seps) {
    for (std::string& k : split_list(part, seps)) {
      std::string_view t(k);
      const size_t first = t.find_first_not_of(".,;/ \n");
      if (first == std::string_view::npos) continue;  // a full stop between groups
      t = t.substr(first, t.find_last_not_of(".,;/ \n") + 1 - first);
      out.push_back(squeeze(t));
    }
  };
  size_t i = 0;
  while (i < field.size()) {
    const size_t open = field.find('[', i);
    const size_t close = open == std::string::npos ? std::string::npos : field.find(']', open);
    if (close == std::string::npos) {
      add(std::string_view(field).substr(i), ";");
      break;
    }
    add(std::string_view(field).substr(i, open - i), ";");
    add(std::string_view(field).substr(open + 1, close - open - 1), "/");
    i = close + 1;
  }
  return out;
}

}  // namespace

void read_wos(std::string_view text, Sink& sink) {
  bool in_record = false;
  Entry e;
  std::vector<std::string> au, af;
  std::string de, id, bd;
  std::vector<std::string>* last_list = nullptr;
  std::string* last = nullptr;
  auto reset = [&] {
    e = Entry{};
    au.clear(), af.clear(), de.clear(), id.clear(), bd.clear();
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
      if (is_descriptor_field(de)) {
        e.index_keywords = descriptor_field(de);  // Zoological Record: the indexers'
      } else {
        e.author_keywords = keyword_field(de);
      }
      for (std::string& k : keyword_field(id)) e.index_keywords.push_back(std::move(k));
      // Zoological Record's broad descriptors (BD); other databases have none.
      for (std::string& k : keyword_field(bd)) e.index_keywords.push_back(std::move(k));
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
    else if (tag == "BD") set(bd);
  }
  if (in_record) sink.skip(e.line, "WoS record has no ER line (file ends inside it)");
}

}  // namespace dipmine::bib::detail

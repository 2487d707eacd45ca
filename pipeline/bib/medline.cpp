// PubMed/MEDLINE text (.nbib, "PubMed" format .txt): records start at
// `PMID- `, one field per line as a tag of up to four letters padded to four,
// "- ", the value; continuation lines are indented by six spaces; a blank
// line ends a record.
#include <fmt/format.h>

#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {

std::string_view medline_tag(std::string_view line, std::string_view& value) {
  if (line.size() < 5 || !(line[0] >= 'A' && line[0] <= 'Z')) return {};
  size_t i = 0;
  while (i < 4 && i < line.size() && line[i] >= 'A' && line[i] <= 'Z') ++i;
  const size_t tag_end = i;
  while (i < 4 && i < line.size() && line[i] == ' ') ++i;
  if (i != 4 || line[4] != '-') return {};
  value = line.size() > 5 ? line.substr(5) : std::string_view();
  return line.substr(0, tag_end);
}

void read_medline(std::string_view text, Sink& sink) {
  bool in_record = false;
  Entry e;
  std::vector<std::string> au, fau;
  std::string* last = nullptr;
  std::vector<std::string>* last_list = nullptr;
  std::string jt, ta, lid_doi, aid_doi;
  auto reset = [&] {
    e = Entry{};
    au.clear(), fau.clear(), jt.clear(), ta.clear(), lid_doi.clear(), aid_doi.clear();
    last = nullptr;
    last_list = nullptr;
  };
  auto finish = [&] {
    e.authors = fau.empty() ? std::move(au) : std::move(fau);
    e.venue = jt.empty() ? ta : jt;
    e.doi = lid_doi.empty() ? aid_doi : lid_doi;
    // "Colitis, Ulcerative/chemically induced/*drug therapy": the heading,
    // without its subheadings and the major-topic star.
    for (std::string& mh : e.index_keywords) {
      mh = std::string(trim(mh.substr(0, mh.find('/'))));
      if (!mh.empty() && mh[0] == '*') mh.erase(0, 1);
    }
    if (!e.id.empty()) e.url = fmt::format("https://pubmed.ncbi.nlm.nih.gov/{}/", trim(e.id));
    sink.add(std::move(e));
    reset();
    in_record = false;
  };
  // Field lines before any PMID (a file cut from the middle of an export):
  // one note for each run of them, naming its lines and first tags.
  struct Orphans {
    size_t first = 0, last = 0, count = 0;
    std::vector<std::string> tags;
  } orphans;
  auto flush_orphans = [&] {
    if (orphans.count == 0) return;
    std::string tags;
    for (const auto& t : orphans.tags) tags += (tags.empty() ? "" : ", ") + t;
    sink.note(orphans.first,
              fmt::format("{} MEDLINE field line{} (lines {}-{}: {}{}) outside a record: no `PMID-` line "
                          "opens it; ignored",
                          orphans.count, orphans.count == 1 ? "" : "s", orphans.first, orphans.last, tags,
                          orphans.count > orphans.tags.size() ? ", ..." : ""));
    orphans = Orphans{};
  };
  ExportLines lines(text);
  for (std::string_view line; lines.next(line);) {
    const size_t line_no = lines.number();
    if (trim(line).empty()) {
      if (in_record) finish();
      continue;
    }
    std::string_view value;
    const std::string_view tag = medline_tag(line, value);
    if (tag.empty()) {
      if (!in_record) continue;
      // A continuation line (six spaces): more of the field above.
      if (last_list != nullptr && !last_list->empty()) (last_list->back() += ' ') += trim(line);
      else if (last != nullptr) (*last += '\n') += trim(line);
      continue;
    }
    value = trim(value);
    if (tag == "PMID") {
      flush_orphans();
      if (in_record) finish();  // no blank line between records
      reset();
      in_record = true;
      e.line = line_no;
      e.id = std::string(value);
      continue;
    }
    if (!in_record) {
      if (orphans.count++ == 0) orphans.first = line_no;
      orphans.last = line_no;
      if (orphans.tags.size() < 5) orphans.tags.emplace_back(tag);
      continue;
    }
    last = nullptr;
    last_list = nullptr;
    auto set = [&](std::string& field) {
      if (!field.empty()) field += '\n';
      field.append(value);
      last = &field;
    };
    auto push = [&](std::vector<std::string>& list) {
      list.emplace_back(value);
      last_list = &list;
    };
    // "10.1000/x [doi]": LID and AID carry several ids; the DOI is marked.
    auto doi_of = [&](std::string& field) {
      if (field.empty() && value.size() > 6 && value.substr(value.size() - 5) == "[doi]") {
        field = std::string(trim(value.substr(0, value.size() - 5)));
      }
    };
    if (tag == "TI") set(e.title);
    else if (tag == "AB") set(e.abstract);
    else if (tag == "DP") set(e.year);
    else if (tag == "AU") push(au);
    else if (tag == "FAU") push(fau);
    else if (tag == "JT") set(jt);
    else if (tag == "TA") set(ta);
    else if (tag == "LA") set(e.language);
    else if (tag == "LID") doi_of(lid_doi);
    else if (tag == "AID") doi_of(aid_doi);
    else if (tag == "OT") push(e.author_keywords);  // keywords the authors gave
    else if (tag == "MH") push(e.index_keywords);   // MeSH headings the indexers gave
  }
  if (in_record) finish();
  flush_orphans();
}

}  // namespace dipmine::bib::detail

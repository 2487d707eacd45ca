// ProQuest plain text ("Report Information from ProQuest"): sections between
// lines of underscores — the report header, a table of contents (`N. title`),
// one section per record opening `Document N of M`, a Bibliography (the same
// records again in a citation style) and the closing contact lines. A record
// is the title, `Author: ...`, the document's address on a line of its own,
// then `Label: value` fields; a value goes on over the lines that follow until
// the next known label (an abstract's later paragraphs, the second address of
// Links).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

bool is_rule(std::string_view line) {
  line = trim(line);
  return line.size() >= 20 && line.find_first_not_of('_') == std::string_view::npos;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Labels read into the record.
enum class Field { none, title, author, abstract, full_text, year, date, doi, language, venue,
                   university, id, url, author_kw, index_kw, other_known, unknown };

struct Label {
  std::string_view name;
  Field field;
};

// ProQuest's labels (English interface). The metadata it has no place for
// (pages, ISBN, database, copyright, ...) is known and left out unsaid; a
// label not in this list is named once for the file.
constexpr std::array<Label, 52> kLabels{{
    {"Title", Field::title},
    {"Author", Field::author},
    {"Abstract", Field::abstract},
    {"Full text", Field::full_text},
    {"Publication year", Field::year},
    {"Publication date", Field::date},
    {"Degree date", Field::date},
    {"DOI", Field::doi},
    {"Language", Field::language},
    {"Language of publication", Field::language},
    {"Publication title", Field::venue},
    {"University/institution", Field::university},
    {"ProQuest document ID", Field::id},
    {"Document URL", Field::url},
    {"Identifier / keyword", Field::author_kw},
    {"Subject", Field::index_kw},
    {"MeSH subject", Field::index_kw},
    {"Location", Field::index_kw},
    {"People", Field::index_kw},
    {"Company / organization", Field::index_kw},
    {"Links", Field::other_known},
    {"Advisor", Field::other_known},
    {"Classification", Field::other_known},
    {"Committee member", Field::other_known},
    {"Copyright", Field::other_known},
    {"Country of publication", Field::other_known},
    {"Database", Field::other_known},
    {"Degree", Field::other_known},
    {"Department", Field::other_known},
    {"Dissertation/thesis number", Field::other_known},
    {"Document type", Field::other_known},
    {"ISBN", Field::other_known},
    {"ISSN", Field::other_known},
    {"e-ISSN", Field::other_known},
    {"Number of pages", Field::other_known},
    {"Place of publication", Field::other_known},
    {"School code", Field::other_known},
    {"Source", Field::other_known},
    {"Source type", Field::other_known},
    {"University location", Field::other_known},
    {"Volume", Field::other_known},
    {"Issue", Field::other_known},
    {"Pages", Field::other_known},
    {"First page", Field::other_known},
    {"Publisher", Field::other_known},
    {"Last updated", Field::other_known},
    {"Accession number", Field::other_known},
    {"Publication subject", Field::other_known},
    {"Document feature", Field::other_known},
    {"Section", Field::other_known},
    {"CODEN", Field::other_known},
    {"Update", Field::other_known},
}};

// The label of a `Label: value` line and its value; Field::none when the
// line is no field. An unknown label counts only where a free text (title,
// abstract, full text) is not going on, since such text holds colons too.
Field field_of(std::string_view line, bool in_free_text, std::string_view& label, std::string_view& value) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return Field::none;
  label = line.substr(0, colon);
  value = trim(line.substr(colon + 1));
  if (colon + 1 < line.size() && line[colon + 1] != ' ') return Field::none;  // "http://..."
  for (const Label& l : kLabels) {
    if (l.name == label) return l.field;
  }
  if (in_free_text || !(label[0] >= 'A' && label[0] <= 'Z')) return Field::none;
  const bool label_like = std::all_of(label.begin(), label.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '/' || c == '-' || c == '(' ||
           c == ')';
  });
  return label_like ? Field::unknown : Field::none;
}

bool is_address(std::string_view line) {
  return starts_with(line, "http://") || starts_with(line, "https://");
}

// One record's section, from the line after `Document N of M`.
class RecordReader {
 public:
  explicit RecordReader(size_t line) { e_.line = line; }

  void line(std::string_view l) {
    l = trim(l);
    if (l.empty()) {
      blank_ = true;
      return;
    }
    if (title_line_.empty() && current_ == Field::none) {
      title_line_ = std::string(l);  // the first line is the title, colons and all
      return;
    }
    std::string_view label, value;
    const bool free = current_ == Field::abstract || current_ == Field::full_text;
    const Field f = field_of(l, free, label, value);
    const bool after_blank = blank_;
    blank_ = false;
    if (f != Field::none) {
      current_ = f;
      target_ = nullptr;
      start(f, label, value);
      return;
    }
    if (is_address(l) && current_ != Field::other_known && current_ != Field::abstract &&
        current_ != Field::full_text) {
      if (e_.url.empty()) e_.url = std::string(l);  // the document's own page
      current_ = Field::none;
      target_ = nullptr;
      return;
    }
    if (target_ != nullptr) {
      *target_ += after_blank ? "\n\n" : " ";
      *target_ += l;
      return;
    }
  }

  Entry finish(Sink& sink) {
    if (trim(e_.title).empty()) e_.title = title_line_;
    if (e_.year.empty()) e_.year = date_;
    if (e_.venue.empty()) e_.venue = university_;
    if (!full_text_.empty()) e_.body.push_back(std::move(full_text_));
    e_.authors = split_list(authors_, ";");
    e_.author_keywords = split_keywords(author_kw_);
    for (const std::string& k : index_kw_) {
      for (std::string& one : split_keywords(k)) e_.index_keywords.push_back(std::move(one));
    }
    for (const std::string& l : unknown_) sink.unread(l);
    return std::move(e_);
  }

 private:
  void start(Field f, std::string_view label, std::string_view value) {
    switch (f) {
      case Field::title: target_ = &e_.title; break;
      case Field::author: target_ = &authors_; break;
      case Field::abstract: target_ = &e_.abstract; break;
      case Field::full_text: target_ = &full_text_; break;
      case Field::year: target_ = &e_.year; break;
      case Field::date: target_ = &date_; break;
      case Field::doi: target_ = &e_.doi; break;
      case Field::language: target_ = &e_.language; break;
      case Field::venue: target_ = &e_.venue; break;
      case Field::university: target_ = &university_; break;
      case Field::id: target_ = &e_.id; break;
      case Field::url: target_ = &e_.url; e_.url.clear(); break;
      case Field::author_kw: target_ = &author_kw_; break;
      case Field::index_kw: target_ = &index_kw_.emplace_back(); break;
      case Field::unknown:
        if (std::find(unknown_.begin(), unknown_.end(), label) == unknown_.end()) {
          unknown_.emplace_back(label);
        }
        break;
      case Field::none:
      case Field::other_known: break;
    }
    if (target_ == nullptr) return;
    if (!target_->empty()) *target_ += "; ";  // a label given twice (two Authors)
    *target_ += value;
  }

  Entry e_;
  Field current_ = Field::none;
  std::string* target_ = nullptr;
  bool blank_ = false;
  std::string title_line_, authors_, date_, university_, full_text_, author_kw_;
  std::vector<std::string> index_kw_, unknown_;
};

}  // namespace

void read_proquest(std::string_view text, Sink& sink) {
  enum class Section { start, header, contents, record, bibliography, trailer, unknown };
  Section section = Section::start;
  std::optional<RecordReader> record;
  size_t contents = 0, declared = 0;
  bool section_open = true;  // the next non-blank line names the section
  std::vector<size_t> not_understood;
  auto close_record = [&] {
    if (record) sink.add(record->finish(sink));
    record.reset();
  };
  ExportLines lines(text);
  for (std::string_view line; lines.next(line);) {
    if (is_rule(line)) {
      close_record();
      section_open = true;
      continue;
    }
    const std::string_view l = trim(line);
    if (l.empty() && section != Section::record) continue;
    if (section_open && !l.empty()) {
      section_open = false;
      unsigned n = 0, of = 0;
      if (l == "Report Information from ProQuest") section = Section::header;
      else if (l == "Table of contents") section = Section::contents;
      else if (l == "Bibliography") section = Section::bibliography;
      else if (starts_with(l, "Contact us at:")) section = Section::trailer;
      else if (std::sscanf(std::string(l).c_str(), "Document %u of %u", &n, &of) == 2) {
        section = Section::record;
        declared = of;
        record.emplace(lines.number());
        continue;
      } else {
        section = Section::unknown;
        not_understood.push_back(lines.number());
      }
      if (section != Section::record) continue;
    }
    switch (section) {
      case Section::record: record->line(line); break;
      case Section::contents:
        if (!l.empty() && std::isdigit(static_cast<unsigned char>(l[0])) && l.find(". ") != std::string_view::npos) {
          ++contents;
        }
        break;
      default: break;  // header, bibliography (the records again), trailer
    }
  }
  close_record();
  for (size_t at : not_understood) {
    sink.note(at, "a section of the ProQuest report that is no record, table of contents or "
                  "bibliography; not read");
  }
  const size_t seen = sink.out.entries;
  if (contents > 0 && contents != seen) {
    sink.note(0, fmt::format("the table of contents lists {} documents, {} records were found", contents, seen));
  } else if (declared > 0 && declared != seen) {
    sink.note(0, fmt::format("the records say `of {}`, {} were found", declared, seen));
  }
}

}  // namespace dipmine::bib::detail

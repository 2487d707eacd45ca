// BibTeX and BibLaTeX: `@type{key, field = value, ...}` with values in braces,
// quotes, bare numbers or @string macros joined by `#`. A written parser (see
// docs/bib.md for why not btparse): it knows the line of every entry, so a bad
// entry is reported and skipped and the next one read. As bibtex does, an
// undefined macro stands for its own name (one warning per macro), and an
// entry with `crossref` takes the fields it lacks from the entry named; so the
// entries are all read before any is handed on.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "bib/entry.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

struct ParseError {
  size_t pos;
  std::string what;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-' || c == ':' || c == '.' || c == '+' || c == '/' || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string lower(std::string_view s) {
  std::string l(s);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l;
}

class Parser {
 public:
  Parser(std::string_view text, Sink& sink) : t_(text), sink_(sink) {
    for (const char* m : {"january", "february", "march", "april", "may", "june", "july",
                          "august", "september", "october", "november", "december"}) {
      std::string full(m);
      full[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(full[0])));
      macros_[std::string(m, 3)] = full;
    }
  }

  void run() {
    while (true) {
      const size_t at = t_.find('@', i_);
      if (at == std::string_view::npos) break;
      i_ = at + 1;
      if (commented_out(at)) {
        // `%@article{...`: the user took the entry out, as biber and JabRef
        // read a `%` line; said once a file, with the count, at the end.
        if (looks_like_entry_after_percent(at) && commented_entries_++ == 0) first_commented_ = line_of(at);
        continue;
      }
      const size_t entry_line = line_of(at);
      suspect_open_ = suspect_field_ = std::string_view::npos;
      try {
        entry(entry_line);
        warn_fields_after(entry_line);
      } catch (const ParseError& e) {
        Parsed bad;
        bad.line = entry_line;
        if (suspect_open_ != std::string_view::npos && suspect_open_ < e.pos) {
          // A brace left open ran the value on over the next fields: the
          // parse fails only lines later (at the next entry); name the brace.
          const size_t open_line = line_of(suspect_open_);
          bad.error = fmt::format("BibTeX entry: unbalanced brace: the `{{` at line {} is not closed "
                                  "before the next field (line {})",
                                  open_line, line_of(suspect_field_));
          bad.reason = "BibTeX entry: unbalanced brace";
        } else {
          const size_t error_line = line_of(e.pos);
          bad.error = error_line == entry_line
                          ? fmt::format("BibTeX entry: {}", e.what)
                          : fmt::format("BibTeX entry: {} at line {}", e.what, error_line);
          bad.reason = "BibTeX entry: " + e.what;
        }
        parsed_.push_back(std::move(bad));
        i_ = next_entry_start(std::max(e.pos, at + 1));
      }
    }
    for (Parsed& p : parsed_) {
      if (!p.error.empty()) sink_.skip(p.line, p.error, p.reason);
      else sink_.add(to_entry(p));
    }
    if (commented_entries_ > 0) {
      sink_.note(first_commented_, fmt::format("{} {} commented out with `%` (the first here) not read",
                                               commented_entries_,
                                               commented_entries_ == 1 ? "entry" : "entries"));
    }
    if (empty_slots_ > 0) {
      sink_.note(first_empty_slot_, fmt::format("{} empty field {} (`, ,`; the first here) skipped, the entries kept",
                                                empty_slots_, empty_slots_ == 1 ? "slot" : "slots"));
    }
    if (commented_fields_ > 0) {
      sink_.note(first_commented_field_,
                 fmt::format("{} field {} commented out with `%` inside entries (the first here) not read",
                             commented_fields_, commented_fields_ == 1 ? "line" : "lines"));
    }
  }

 private:
  // An entry as read: its fields, or why it could not be read.
  struct Parsed {
    size_t line = 0;
    std::string key;
    std::map<std::string, std::string> fields;
    std::string error, reason;
  };

  // The fields of the entry its `crossref` names, where it lacks them
  // (BibLaTeX's mapping: the parent's title is the child's booktitle).
  void inherit(Parsed& p) {
    auto ref = p.fields.find("crossref");
    if (ref == p.fields.end()) return;
    auto parent = by_key_.find(lower(trim(ref->second)));
    if (parent == by_key_.end()) {
      sink_.note(p.line, fmt::format("crossref `{}` names no entry of this file; not followed",
                                     trim(ref->second)));
      return;
    }
    const Parsed& from = parsed_[parent->second];
    for (const auto& [name, value] : from.fields) {
      if (name == "title") {
        p.fields.emplace("booktitle", value);
      } else if (name != "crossref") {
        p.fields.emplace(name, value);
      }
    }
  }
  size_t line_of(size_t pos) {
    // Lines are counted incrementally: positions only grow, except after a
    // recovery jump, which is forward too.
    if (pos < line_pos_) line_pos_ = 0, line_no_ = 1;
    for (; line_pos_ < pos && line_pos_ < t_.size(); ++line_pos_) {
      if (t_[line_pos_] == '\n') ++line_no_;
    }
    return line_no_;
  }

  // Text between entries is a comment to BibTeX, but a field there
  // (`name = {` at a line start) means the entry before it was closed early,
  // by a `}` too many inside a value: its later fields are lost. Said, so the
  // loss is not silent.
  void warn_fields_after(size_t entry_line) {
    const size_t end = std::min(t_.find('@', i_), t_.size());
    for (size_t p = i_; p < end; ++p) {
      if (p != i_ && t_[p - 1] != '\n') continue;
      size_t q = p;
      while (q < end && (t_[q] == ' ' || t_[q] == '\t')) ++q;
      const size_t name = q;
      while (q < end && (std::isalnum(static_cast<unsigned char>(t_[q])) || t_[q] == '_' || t_[q] == '-')) ++q;
      if (q == name || !std::isalpha(static_cast<unsigned char>(t_[name]))) continue;
      while (q < end && (t_[q] == ' ' || t_[q] == '\t')) ++q;
      if (q + 1 >= end || t_[q] != '=') continue;
      ++q;
      while (q < end && (t_[q] == ' ' || t_[q] == '\t')) ++q;
      if (q < end && (t_[q] == '{' || t_[q] == '"')) {
        sink_.note(entry_line,
                   fmt::format("BibTeX entry: closed before the field `{}` at line {} (a `}}` too many "
                               "in a value?); that field and those after it are not read",
                               t_.substr(name, t_.find_first_of(" \t=", name) - name), line_of(p)));
        return;
      }
    }
  }

  // The next '@' that starts a line (after spaces), at or after `from`.
  size_t next_entry_start(size_t from) {
    for (size_t p = t_.find('@', from); p != std::string_view::npos; p = t_.find('@', p + 1)) {
      if (at_line_start(p)) return p;
    }
    return t_.size();
  }

  // True when only blanks and at least one `%` stand before `p` on its line.
  bool commented_out(size_t p) const {
    bool percent = false;
    while (p > 0 && (t_[p - 1] == ' ' || t_[p - 1] == '\t' || t_[p - 1] == '%')) percent |= t_[--p] == '%';
    return percent && (p == 0 || t_[p - 1] == '\n');
  }

  // `@type{` or `@type(` at `p`, whatever stands before it on the line.
  bool looks_like_entry_after_percent(size_t p) const {
    size_t q = p + 1;
    while (q < t_.size() && std::isalpha(static_cast<unsigned char>(t_[q]))) ++q;
    while (q < t_.size() && is_space(t_[q])) ++q;
    return q > p + 1 && q < t_.size() && (t_[q] == '{' || t_[q] == '(');
  }

  bool at_line_start(size_t p) const {
    while (p > 0 && (t_[p - 1] == ' ' || t_[p - 1] == '\t')) --p;
    return p == 0 || t_[p - 1] == '\n';
  }

  // True when `p` is the start of a line that begins a new entry: how an
  // unterminated brace or quote shows itself.
  bool looks_like_entry(size_t p) const {
    if (!at_line_start(p) || t_[p] != '@') return false;
    size_t q = p + 1;
    while (q < t_.size() && std::isalpha(static_cast<unsigned char>(t_[q]))) ++q;
    while (q < t_.size() && is_space(t_[q])) ++q;
    return q > p + 1 && q < t_.size() && (t_[q] == '{' || t_[q] == '(');
  }

  void skip_space() {
    while (i_ < t_.size()) {
      if (is_space(t_[i_])) ++i_;
      else break;
    }
  }

  std::string_view name() {
    const size_t start = i_;
    while (i_ < t_.size() && is_name_char(t_[i_])) ++i_;
    return t_.substr(start, i_ - start);
  }

  // A citation key: biber takes any character up to the comma (keys such as
  // `Vaishnavi&Kuechler2004`, `[NOTITLE]2017`, `Agilent(2022)Type`,
  // `Ladyman;ea`, `wang*_solving`); white space, `=` (no key: that was the
  // first field's name) and the entry's closing delimiter end it too.
  std::string_view citation_key(char close) {
    const size_t start = i_;
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (c == ',' || c == '=' || c == '{' || c == '"' || c == close || c == '@' ||
          std::isspace(static_cast<unsigned char>(c))) {
        break;
      }
      ++i_;
    }
    return t_.substr(start, i_ - start);
  }

  void expect(char c, const char* what) {
    skip_space();
    if (i_ >= t_.size()) throw ParseError{t_.size(), fmt::format("file ends, expected {}", what)};
    if (t_[i_] != c) throw ParseError{i_, fmt::format("expected {}", what)};
    ++i_;
  }

  // True when the line break at `nl` ends a field and the next line starts
  // another: `...,` then `name =`. Inside a value's inner braces that means a
  // `{` was left open (the value would run on to the entry's end, and the
  // error show lines later, where the next entry starts).
  bool field_starts_after(size_t nl) const {
    size_t b = nl;
    while (b > 0 && is_space(t_[b - 1])) --b;
    if (b == 0 || t_[b - 1] != ',') return false;
    size_t q = nl + 1;
    while (q < t_.size() && (t_[q] == ' ' || t_[q] == '\t' || t_[q] == '\r')) ++q;
    if (q >= t_.size() || !std::isalpha(static_cast<unsigned char>(t_[q]))) return false;
    while (q < t_.size() && is_name_char(t_[q])) ++q;
    while (q < t_.size() && (t_[q] == ' ' || t_[q] == '\t')) ++q;
    return q < t_.size() && t_[q] == '=';
  }

  // A {braced} value without its outer braces; inner braces kept for LaTeX.
  std::string braced(size_t open) {
    std::vector<size_t> inner;  // where the inner braces still open were opened
    const size_t start = i_;
    for (; i_ < t_.size(); ++i_) {
      const char c = t_[i_];
      if (c == '\\' && i_ + 1 < t_.size()) {
        ++i_;
        continue;
      }
      if (c == '{') {
        inner.push_back(i_);
      } else if (c == '}') {
        if (inner.empty()) {
          ++i_;
          return std::string(t_.substr(start, i_ - 1 - start));
        }
        inner.pop_back();
      } else if (c == '\n' && suspect_open_ == std::string_view::npos && field_starts_after(i_)) {
        // Legal inside a value (an abstract may have a line "x = 5"), so only
        // remembered: if the entry then fails, this is where it went wrong.
        suspect_open_ = inner.empty() ? open : inner.back();
        suspect_field_ = i_ + 1;
      } else if (c == '@' && looks_like_entry(i_)) {
        break;
      }
    }
    throw ParseError{open, "unterminated brace"};
  }

  std::string quoted(size_t open) {
    int depth = 0;
    const size_t start = i_;
    for (; i_ < t_.size(); ++i_) {
      const char c = t_[i_];
      if (c == '\\' && i_ + 1 < t_.size()) {
        ++i_;
        continue;
      }
      if (c == '{') ++depth;
      else if (c == '}') --depth;
      else if (c == '"' && depth <= 0) {
        ++i_;
        return std::string(t_.substr(start, i_ - 1 - start));
      } else if (c == '@' && looks_like_entry(i_)) {
        break;
      }
    }
    throw ParseError{open, "unterminated quote"};
  }

  // value = part ('#' part)*
  std::string value() {
    std::string v;
    while (true) {
      skip_space();
      if (i_ >= t_.size()) throw ParseError{t_.size(), "file ends inside a field value"};
      const size_t at = i_;
      if (t_[i_] == '{') {
        ++i_;
        v += braced(at);
      } else if (t_[i_] == '"') {
        ++i_;
        v += quoted(at);
      } else {
        const std::string_view n = name();
        if (n.empty()) throw ParseError{at, "expected a field value"};
        if (std::isdigit(static_cast<unsigned char>(n[0]))) {
          v += n;
        } else if (auto it = macros_.find(lower(n)); it != macros_.end()) {
          v += it->second;
        } else {
          // bibtex warns and goes on with an empty string; the name says
          // more than nothing (IEEE_J_IP, ICSE), so it stands as the text.
          if (undefined_.insert(lower(n)).second) {
            sink_.note(line_of(at), fmt::format("undefined @string macro `{}`: its name stands as "
                                                "the text (warned once)", n));
          }
          v += n;
        }
      }
      skip_space();
      if (i_ < t_.size() && t_[i_] == '#') {
        ++i_;
        continue;
      }
      return v;
    }
  }

  // field = name '=' value, separated by ','; ends at the closing delimiter.
  std::map<std::string, std::string> fields(char close) {
    std::map<std::string, std::string> out;
    while (true) {
      skip_space();
      if (i_ >= t_.size()) throw ParseError{t_.size(), "file ends inside the entry (missing closing brace)"};
      if (t_[i_] == close) {
        ++i_;
        return out;
      }
      if (t_[i_] == '@' && looks_like_entry(i_)) {
        throw ParseError{i_, "entry not closed before the next entry"};
      }
      if (t_[i_] == '%') {
        // ` % author = {...},`: a field the user took out, as biber reads
        // it; BibTeX itself would lose the whole entry here.
        if (commented_fields_++ == 0) first_commented_field_ = line_of(i_);
        const size_t nl = t_.find('\n', i_);
        i_ = nl == std::string_view::npos ? t_.size() : nl + 1;
        continue;
      }
      if (t_[i_] == ',') {
        // `title = {...},  , number = ...`: an empty slot between two
        // fields, as bibtex and biber read it (a warning, the entry kept).
        if (empty_slots_++ == 0) first_empty_slot_ = line_of(i_);
        ++i_;
        continue;
      }
      const size_t at = i_;
      const std::string field = lower(name());
      if (field.empty()) throw ParseError{at, "expected a field name"};
      expect('=', fmt::format("`=` after field `{}`", field).c_str());
      std::string v = value();
      out[field] = std::move(v);
      skip_space();
      if (i_ < t_.size() && t_[i_] == ',') ++i_;
      else if (i_ < t_.size() && t_[i_] != close) throw ParseError{i_, "expected `,` between fields"};
    }
  }

  void entry(size_t line) {
    skip_space();
    const std::string type = lower(name());
    if (type.empty()) return;  // a stray '@' in a comment
    skip_space();
    if (i_ >= t_.size() || (t_[i_] != '{' && t_[i_] != '(')) return;  // "@" in prose
    const size_t open = i_;
    const char close = t_[i_] == '{' ? '}' : ')';
    ++i_;
    if (type == "comment" || type == "preamble") {
      if (close == '}') braced(open);
      else i_ = t_.find(')', i_) == std::string_view::npos ? t_.size() : t_.find(')', i_) + 1;
      return;
    }
    if (type == "string") {
      for (auto& [k, v] : fields(close)) macros_[k] = std::move(v);
      return;
    }
    skip_space();
    const size_t key_start = i_;
    std::string_view key = citation_key(close);
    skip_space();
    if (i_ < t_.size() && t_[i_] == '=') {
      // No citation key (EndNote's BibTeX): that was the first field's name.
      i_ = key_start;
      key = {};
    } else if (i_ < t_.size() && t_[i_] == ',') {
      ++i_;
    } else if (i_ < t_.size() && t_[i_] != close) {
      throw ParseError{i_, "expected `,` after the citation key"};
    }
    Parsed p;
    p.line = line;
    p.key = std::string(key);
    p.fields = fields(close);
    if (!p.key.empty()) by_key_.emplace(lower(p.key), parsed_.size());
    parsed_.push_back(std::move(p));
  }

  Entry to_entry(Parsed& p) {
    inherit(p);
    std::map<std::string, std::string>& f = p.fields;
    Entry e;
    e.line = p.line;
    e.id = p.key;
    auto get = [&](std::initializer_list<const char*> names) {
      for (const char* n : names) {
        if (auto it = f.find(n); it != f.end() && !trim(it->second).empty()) {
          return latex_to_unicode(it->second);
        }
      }
      return std::string();
    };
    e.title = get({"title"});
    e.abstract = get({"abstract"});
    e.year = get({"year"});
    if (trim(e.year).empty()) e.year = get({"date"});
    e.venue = get({"journaltitle", "journal", "booktitle", "publisher"});
    e.doi = get({"doi"});
    if (auto it = f.find("url"); it != f.end()) e.url = squeeze(it->second);
    e.language = get({"langid", "language"});
    for (std::string& a : split_names(f["author"])) {
      e.authors.push_back(latex_to_unicode(family_given(a)));
    }
    e.author_keywords = split_keywords(get({"keywords", "keyword", "author_keywords"}));
    return e;
  }

  // "A and B and {C and D}": split on a whole-word `and` outside braces.
  static std::vector<std::string> split_names(std::string_view s) {
    std::vector<std::string> out;
    int depth = 0;
    size_t start = 0;
    for (size_t p = 0; p < s.size(); ++p) {
      if (s[p] == '{') ++depth;
      else if (s[p] == '}') --depth;
      else if (depth == 0 && is_space(s[p]) && p + 4 < s.size() && lower(s.substr(p + 1, 3)) == "and" &&
               is_space(s[p + 4])) {
        out.push_back(squeeze(s.substr(start, p - start)));
        start = p + 5;
        p += 4;
      }
    }
    if (std::string last = squeeze(s.substr(start)); !last.empty()) out.push_back(std::move(last));
    return out;
  }

  std::string_view t_;
  Sink& sink_;
  size_t i_ = 0;
  size_t line_pos_ = 0, line_no_ = 1;
  // In the entry being read: the first brace still open at a line break
  // followed by what looks like the next field, and where that field starts.
  size_t suspect_open_ = std::string_view::npos, suspect_field_ = std::string_view::npos;
  std::map<std::string, std::string> macros_;
  std::set<std::string> undefined_;          // macros already warned about
  size_t commented_entries_ = 0, first_commented_ = 0;          // `%@type{` lines
  size_t commented_fields_ = 0, first_commented_field_ = 0;     // `% name = ...` lines in entries
  size_t empty_slots_ = 0, first_empty_slot_ = 0;               // `, ,` between fields
  std::vector<Parsed> parsed_;               // every entry, in file order
  std::map<std::string, size_t> by_key_;     // lower-cased key -> parsed_ index
};

}  // namespace

void read_bibtex(std::string_view text, Sink& sink) { Parser(text, sink).run(); }

}  // namespace dipmine::bib::detail

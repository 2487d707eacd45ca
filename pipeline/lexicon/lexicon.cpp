#include "lexicon/lexicon.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "common/error.h"
#include "common/lines.h"
#include "text/utf8.h"

namespace dipmine::lexicon {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kConceptHeader = {"id",       "kind",     "dimension",
                                                 "label_en", "label_fa", "label_ja",
                                                 "founded",  "seat",     "scale"};
const std::vector<std::string> kFormHeader = {"concept", "lang", "form", "type", "case", "note"};

std::string trim(std::string s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\r' && c != '\n'; };
  while (!s.empty() && !not_space(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && !not_space(s[i])) ++i;
  return s.substr(i);
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "\t" : "") + v[i];
  return out;
}

// A TSV file as numbered rows of cells (header checked), comments skipped.
struct Rows {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
};

bool read_rows(const std::string& path, const std::vector<std::string>& header,
               std::vector<Issue>& issues, Rows& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    issues.push_back({path, 0, fmt::format("cannot read the file ({})", std::strerror(err)), false});
    return false;
  }
  std::string line;
  int n = 0;
  bool seen_header = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // BOM
    if (!text::is_valid_utf8(line)) {
      issues.push_back({path, n, "not valid UTF-8 (save the file as UTF-8)", false});
      continue;
    }
    if (trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string> cells = split_tabs(line);
    if (!seen_header) {
      seen_header = true;
      for (auto& c : cells) c = trim(c);
      if (cells != header) {
        issues.push_back({path, n, fmt::format("header must be \"{}\"", join(header)), false});
        return false;
      }
      continue;
    }
    if (cells.size() != header.size()) {
      issues.push_back({path, n,
                        fmt::format("expected {} tab-separated columns, found {}", header.size(),
                                    cells.size()),
                        false});
      continue;
    }
    for (auto& c : cells) c = trim(c);
    out.rows.push_back({n, std::move(cells)});
  }
  if (!seen_header) {
    issues.push_back({path, 0, fmt::format("empty file (header \"{}\" missing)", join(header)),
                      false});
    return false;
  }
  return true;
}

bool valid_id(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool valid_year(const std::string& s) {
  if (s.empty()) return true;
  if (s.size() != 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

void concepts_from(const Rows& rows, const std::string& path, LexiconCheck& out) {
  std::map<std::string, int> seen;
  const auto& dims = dimensions();
  for (const auto& row : rows.rows) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda.
    const int line = row.first;
    const std::vector<std::string>& c = row.second;
    auto err = [&](std::string m) { out.issues.push_back({path, line, std::move(m), false}); };
    Concept k;
    k.id = c[0];
    k.line = line;
    if (!valid_id(k.id)) {
      err(fmt::format("bad concept id \"{}\" (use a-z, 0-9 and _)", k.id));
      continue;
    }
    if (auto it = seen.find(k.id); it != seen.end()) {
      err(fmt::format("duplicate concept id \"{}\" (first on line {})", k.id, it->second));
      continue;
    }
    seen[k.id] = line;
    bool ok = true;
    if (c[1] == "indicator") {
      k.kind = ConceptKind::indicator;
      if (std::find(dims.begin(), dims.end(), c[2]) == dims.end()) {
        err(fmt::format("bad dimension \"{}\" for indicator {} (one of: {})", c[2], k.id,
                        fmt::join(dims, ", ")));
        ok = false;
      }
    } else if (c[1] == "network") {
      k.kind = ConceptKind::network;
      if (!c[2].empty()) {
        err(fmt::format("network {} has a dimension \"{}\" (leave it empty)", k.id, c[2]));
        ok = false;
      }
    } else {
      err(fmt::format("bad kind \"{}\" (indicator or network)", c[1]));
      ok = false;
    }
    if (!valid_year(c[6])) {
      err(fmt::format("bad founded year \"{}\" (four digits or empty)", c[6]));
      ok = false;
    }
    k.dimension = c[2];
    k.label_en = c[3];
    k.label_fa = c[4];
    k.label_ja = c[5];
    k.founded = c[6];
    k.seat = c[7];
    k.scale = c[8];
    // A concept with a bad field still counts as known, so its forms do not
    // each report "unknown concept" on top of the real problem.
    out.lexicon.concepts.push_back(std::move(k));
    (void)ok;
  }
}

// A stop form's row (type stop, concept "-"), or the error that the two go
// together. Its key in `seen` keeps one stop pattern from being written twice.
template <typename Err>
void stop_from(const std::vector<std::string>& c, int line, const Err& err,
               std::map<std::pair<text::Lang, std::string>, int>& seen, const std::string& path,
               Lexicon& lex) {
  if (c[3] != "stop") {
    err(fmt::format("concept \"-\" is for stop forms only (type stop), not type \"{}\"", c[3]));
    return;
  }
  if (c[0] != "-") {
    err(fmt::format("a stop form claims no concept: write - in the concept column, not \"{}\"", c[0]));
    return;
  }
  const auto lang = text::parse_lang(c[1]);
  if (!lang) {
    err(fmt::format("bad language \"{}\" (fa, en or ja)", c[1]));
    return;
  }
  if (c[4] == "yes") {
    err("a stop form is matched without case (leave case empty)");
    return;
  }
  if (c[4] != "" && c[4] != "no") {
    err(fmt::format("bad case flag \"{}\" (yes, no or empty)", c[4]));
    return;
  }
  if (c[2].empty()) {
    err("empty form");
    return;
  }
  if (std::string p = regex_problem(c[2], *lang); !p.empty()) {
    err("stop form: " + p);
    return;
  }
  StopForm s{*lang, c[2], regex_pattern(c[2], *lang), c[5], line};
  const auto key = std::make_pair(s.lang, "\x03" + s.pattern);
  if (auto it = seen.find(key); it != seen.end()) {
    err(fmt::format("duplicate stop form \"{}\" ({} line {} has the same form after folding)", s.form,
                    fs::path(path).filename().string(), it->second));
    return;
  }
  seen[key] = line;
  lex.stops.push_back(std::move(s));
}

void forms_from(const Rows& rows, const std::string& path, LexiconCheck& out) {
  Lexicon& lex = out.lexicon;
  std::map<std::pair<text::Lang, std::string>, int> seen;  // (lang, pattern) -> line
  for (const auto& row : rows.rows) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda.
    const int line = row.first;
    const std::vector<std::string>& c = row.second;
    auto err = [&](std::string m) { out.issues.push_back({path, line, std::move(m), false}); };
    if (c[3] == "stop" || c[0] == "-") {
      stop_from(c, line, err, seen, path, lex);
      continue;
    }
    Form f;
    f.line = line;
    const auto concept_index = lex.find(c[0]);
    if (!concept_index) {
      err(fmt::format("unknown concept \"{}\" (not in concepts.tsv)", c[0]));
      continue;
    }
    f.concept_index = *concept_index;
    const auto lang = text::parse_lang(c[1]);
    if (!lang) {
      err(fmt::format("bad language \"{}\" (fa, en or ja)", c[1]));
      continue;
    }
    f.lang = *lang;
    f.form = c[2];
    if (c[3] != "literal" && c[3] != "regex" && c[3] != "near") {
      err(fmt::format("bad type \"{}\" (literal, regex, near or stop)", c[3]));
      continue;
    }
    f.regex = c[3] != "literal";
    if (c[4] == "" || c[4] == "no") {
      f.case_sensitive = false;
    } else if (c[4] == "yes") {
      f.case_sensitive = true;
    } else {
      err(fmt::format("bad case flag \"{}\" (yes, no or empty)", c[4]));
      continue;
    }
    f.note = c[5];
    if (f.form.empty()) {
      err("empty form");
      continue;
    }
    std::string key_text;  // what makes two forms the same
    if (c[3] == "near") {
      if (f.case_sensitive) {
        err("a near form is matched without case (leave case empty)");
        continue;
      }
      NearParse p = parse_near(f.form, f.lang);
      if (!p.error.empty()) {
        err(std::move(p.error));
        continue;
      }
      f.pattern = std::move(p.a_pattern);
      f.near = std::move(p.proximity);
      key_text = fmt::format("{}\x02{}\x02{}", f.pattern, f.near->words,
                             f.near->any_network ? "@network" : f.near->b_pattern);
    } else if (f.regex) {
      if (std::string p = regex_problem(f.form, f.lang); !p.empty()) {
        err(std::move(p));
        continue;
      }
      f.pattern = regex_pattern(f.form, f.lang);
    } else {
      f.pattern = literal_pattern(f.form, f.lang);
      if (f.pattern.empty()) {
        err(fmt::format("form \"{}\" folds to nothing", f.form));
        continue;
      }
    }
    if (key_text.empty()) key_text = f.pattern;
    const auto key = std::make_pair(f.lang, key_text + (f.case_sensitive ? "\x01" : ""));
    if (auto it = seen.find(key); it != seen.end()) {
      err(fmt::format("duplicate form \"{}\" ({} line {} has the same form after folding)", f.form,
                      fs::path(path).filename().string(), it->second));
      continue;
    }
    seen[key] = line;
    lex.forms.push_back(std::move(f));
  }
}

}  // namespace

std::string_view kind_name(ConceptKind kind) {
  return kind == ConceptKind::indicator ? "indicator" : "network";
}

const std::vector<std::string>& dimensions() {
  static const std::vector<std::string> list = {"security",       "economy",     "culture",
                                                "cooperation",    "representation",
                                                "development",    "research"};
  return list;
}

std::string Concept::meta_json() const {
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') q += '\\';
      q += c;
    }
    return q + "\"";
  };
  std::vector<std::string> parts;
  if (!founded.empty()) parts.push_back("\"founded\":" + founded);
  if (!seat.empty()) parts.push_back("\"seat\":" + quote(seat));
  if (!scale.empty()) parts.push_back("\"scale\":" + quote(scale));
  return "{" + fmt::format("{}", fmt::join(parts, ",")) + "}";
}

std::string Issue::text() const {
  // Line 0 is the file as a whole: "FILE: message".
  if (line == 0) return fmt::format("{}: {}{}", file, warning ? "warning: " : "", message);
  return fmt::format("{}:{}: {}{}", file, line, warning ? "warning: " : "", message);
}

std::optional<size_t> Lexicon::find(const std::string& id) const {
  for (size_t i = 0; i < concepts.size(); ++i) {
    if (concepts[i].id == id) return i;
  }
  return std::nullopt;
}

bool LexiconCheck::ok() const { return errors() == 0; }

size_t LexiconCheck::errors() const {
  size_t n = 0;
  for (const auto& i : issues) n += i.warning ? 0 : 1;
  return n;
}

LexiconCheck check_lexicon(const std::string& dir) {
  LexiconCheck out;
  out.lexicon.dir = dir;
  const std::string concepts_path = (fs::path(dir) / "concepts.tsv").string();
  const std::string forms_path = (fs::path(dir) / "forms.tsv").string();
  // A folder we may not look into (a parent without search permission) is
  // named with the reason, not thrown as a filesystem error.
  std::error_code ec;
  const bool is_dir = fs::is_directory(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    out.issues.push_back({dir, 0, fmt::format("cannot reach the lexicon folder ({})", ec.message()), false});
    return out;
  }
  if (!is_dir) {
    out.issues.push_back({dir, 0, "no lexicon folder here", false});
    return out;
  }
  Rows concept_rows, form_rows;
  const bool concepts_ok = read_rows(concepts_path, kConceptHeader, out.issues, concept_rows);
  if (concepts_ok) concepts_from(concept_rows, concepts_path, out);
  if (read_rows(forms_path, kFormHeader, out.issues, form_rows) && concepts_ok) {
    forms_from(form_rows, forms_path, out);
  }
  if (!out.ok()) return out;
  // Warnings: a concept without a form in one of the three languages.
  for (size_t k = 0; k < out.lexicon.concepts.size(); ++k) {
    const Concept& c = out.lexicon.concepts[k];
    std::vector<std::string> missing;
    for (text::Lang l : {text::Lang::fa, text::Lang::en, text::Lang::ja}) {
      bool has = false;
      for (const Form& f : out.lexicon.forms) has = has || (f.concept_index == k && f.lang == l);
      if (!has) missing.emplace_back(text::lang_name(l));
    }
    if (!missing.empty()) {
      out.issues.push_back({concepts_path, c.line,
                            fmt::format("concept {} has no form in {}", c.id,
                                        fmt::join(missing, ", ")),
                            true});
    }
  }
  std::stable_sort(out.issues.begin(), out.issues.end(), [](const Issue& a, const Issue& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  for (const auto& i : out.issues) {
    if (i.warning) out.lexicon.warnings.push_back(i);
  }
  return out;
}

Lexicon load_lexicon(const std::string& dir) {
  LexiconCheck c = check_lexicon(dir);
  if (!c.ok()) {
    const Issue* first = nullptr;
    for (const auto& i : c.issues) {
      if (!i.warning) {
        first = &i;
        break;
      }
    }
    const size_t more = c.errors() - 1;
    throw Error(more == 0 ? first->text()
                          : fmt::format("{} (and {} more: run `dipmine lexicon check {}`)",
                                        first->text(), more, dir));
  }
  return std::move(c.lexicon);
}

std::vector<std::string> lexicon_dir_candidates(const std::string& program) {
  std::vector<std::string> out = {"lexicons"};
  if (!program.empty()) {
    const fs::path dir = fs::path(program).parent_path();
    out.push_back((dir.parent_path() / "share" / "dipmine" / "lexicons").string());
    out.push_back((dir / "lexicons").string());
  }
  out.push_back(std::string(DIPMINE_SOURCE_DIR) + "/lexicons");
  return out;
}

std::string first_lexicon_dir(const std::vector<std::string>& candidates) {
  for (const std::string& c : candidates) {
    std::error_code ec;
    if (fs::is_directory(c, ec)) return c;
  }
  std::string tried;
  for (const std::string& c : candidates) tried += (tried.empty() ? "" : ", ") + c;
  throw Error(fmt::format("no lexicon folder found: DIPMINE_LEXICONS is not set and none of {} is a "
                          "folder; give --lexicons DIR or set DIPMINE_LEXICONS",
                          tried));
}

std::string resolve_lexicon_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DIPMINE_LEXICONS"); env != nullptr && *env != '\0') {
    return env;
  }
  // The program's own path (an installed copy finds its share/ folder).
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return first_lexicon_dir(lexicon_dir_candidates(ec ? std::string() : self.lexically_normal().string()));
}

}  // namespace dipmine::lexicon

// The corpus manifest: a UTF-8 TSV file with a header row naming its columns
// (file, title, year, lang, authors, source; only `file` is required, order is
// free), one row per document, matched to ingested files by file name.
//
//   Manifest m = Manifest::load("corpus/manifest.tsv");   // throws if unusable
//   for (const std::string& p : m.problems()) report(p);  // "<file>:<line>: <problem>"
//   if (m.refuses("000_x.txt")) leave_out();               // named by a bad row
//   if (const ManifestRow* r = m.find("000_x.txt")) use(r->title, r->year);
//
// A bad row is one problem, and the other rows still count: every bad row of
// a file is reported at once (not one a run), and the file a bad row names is
// refused (its metadata would be wrong or missing), so the caller fails it
// and goes on with the rest. Row problems: more or fewer cells than the
// header, a year that is not a number (Persian and Arabic-Indic digits are
// digits), a language other than fa/en/ja, a duplicate file (the second row),
// an empty file name, a row naming an absolute path or one through "..", a
// row naming no existing file (looked up beside the manifest), invalid UTF-8.
// load throws dipmine::Error only when the manifest cannot be used at all:
// unreadable, no `file` column in the header, empty, or a header and no rows.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dipmine::ingest {

struct ManifestRow {
  std::string file, title, lang, authors, source;
  std::optional<int> year;
  int line = 0;
};

class Manifest {
 public:
  static Manifest load(const std::string& path);
  const ManifestRow* find(const std::string& file_name) const;
  bool refuses(const std::string& file_name) const { return refused_.count(file_name) > 0; }
  const std::vector<std::string>& problems() const { return problems_; }
  size_t size() const { return rows_.size(); }

 private:
  std::unordered_map<std::string, ManifestRow> rows_;
  std::unordered_set<std::string> refused_;  // files named by bad rows
  std::vector<std::string> problems_;
};

}  // namespace dipmine::ingest

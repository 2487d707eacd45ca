// The corpus manifest: a UTF-8 TSV file with a header row naming its columns
// (file, title, year, lang, authors, source; only `file` is required, order is
// free), one row per document, matched to ingested files by file name.
//
//   Manifest m = Manifest::load("corpus/manifest.tsv");   // throws on a bad row
//   if (const ManifestRow* r = m.find("000_x.txt")) use(r->title, r->year);
//
// Errors throw dipmine::Error "<file>:<line>: <problem>": a missing `file`
// column, a row with more or fewer cells than the header, a year that is not a
// number, a language other than fa/en/ja, a duplicate file, a row naming an
// absolute path or one through "..", a row naming no existing file (looked up
// beside the manifest); "<file>: ..." for an empty manifest or one with no rows.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>

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
  size_t size() const { return rows_.size(); }

 private:
  std::unordered_map<std::string, ManifestRow> rows_;
};

}  // namespace dipmine::ingest

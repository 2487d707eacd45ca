// Real export files written by the real tools (tests/data/bib/real, see its
// SOURCES.md): each is ingested on its own and checked against
// expected.tsv, which was read from the raw files without dipmine: the
// record count, and for a sample of records the title, year, first author,
// DOI and number of keywords. Files of a format dipmine does not read must
// fail with a line naming the file and the format. Figures are printed per
// set (tune / held_out).
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <regex>
#include <sstream>

#include "harness.h"

using namespace e2e;

namespace {

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, '\t')) out.push_back(cell);
  return out;
}

struct Stored {
  bool found = false;
  std::string title, year, authors, doi;
  int keywords = 0;
};

// The document stored for record `ordinal` of `file` (path ".../file#N").
Stored stored(const fs::path& db, const std::string& file, const std::string& ordinal) {
  Stored s;
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return s;
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(h,
                     "SELECT title, coalesce(year, '-'), authors, doi, "
                     "(SELECT count(*) FROM keywords k WHERE k.doc_id = d.id) "
                     "FROM documents d WHERE path LIKE ?",
                     -1, &q, nullptr);
  const std::string pattern = "%/" + fs::path(file).filename().string() + "#" + ordinal;
  sqlite3_bind_text(q, 1, pattern.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(q) == SQLITE_ROW) {
    auto text = [&](int c) {
      const unsigned char* t = sqlite3_column_text(q, c);
      return t == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(t));
    };
    s.found = true;
    s.title = text(0), s.year = text(1), s.authors = text(2), s.doi = text(3);
    s.keywords = sqlite3_column_int(q, 4);
  }
  sqlite3_finalize(q);
  sqlite3_close(h);
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct Figures {
  int files = 0, files_right = 0, entries = 0, records = 0, fields = 0, fields_right = 0;
  int unsupported = 0, unsupported_right = 0, keywords_exact = 0, keyword_samples = 0;
};

}  // namespace

TEST_CASE("real exports: record counts and sampled fields match the raw files", "[bib][e2e][real]") {
  const fs::path real = data_dir() / "bib" / "real";
  std::istringstream expected(read_file(real / "expected.tsv"));
  std::map<std::string, Figures> figures;
  std::map<std::string, std::unique_ptr<Sandbox>> ingested;  // file -> its sandbox
  const std::regex summary(R"((\d+) records read: (\d+) added, (\d+) merged as duplicates, (\d+) skipped)");
  for (std::string line; std::getline(expected, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> c = cells(line);
    const std::string& file = c[1];
    INFO(line);
    if (c[0] == "unsupported") {
      Figures& f = figures[c[2]];
      ++f.unsupported;
      Sandbox sb;
      const Result r = sb.run({"ingest", (real / file).string()});
      const bool right = r.code == 1 && r.err.find(fs::path(file).filename().string() + ": looks like") !=
                                            std::string::npos &&
                         r.err.find(c[3]) != std::string::npos;
      CHECK(right);
      f.unsupported_right += right;
      continue;
    }
    if (c[0] == "file") {
      Figures& f = figures[c[2]];
      const int entries = std::stoi(c[3]), with_title = std::stoi(c[4]);
      auto sb = std::make_unique<Sandbox>();
      const Result r = sb->run({"ingest", (real / file).string()});
      std::smatch m;
      REQUIRE(std::regex_search(r.out, m, summary));
      const int read = std::stoi(m[1]), added = std::stoi(m[2]), merged = std::stoi(m[3]);
      CHECK(r.code == 0);
      CHECK(read == entries);
      CHECK(added + merged == with_title);
      ++f.files;
      f.files_right += r.code == 0 && read == entries && added + merged == with_title;
      f.entries += entries;
      f.records += added + merged;
      ingested[file] = std::move(sb);
      continue;
    }
    REQUIRE(c[0] == "record");
    REQUIRE(ingested.count(file) == 1);
    Figures& f = figures[file.substr(0, file.find('/'))];
    const Stored s = stored(ingested[file]->db(), file, c[2]);
    REQUIRE(s.found);
    const bool title = s.title.rfind(c[3], 0) == 0;
    const bool year = s.year == c[4];
    const bool author = c[5] == "-" ? s.authors.empty() : lower(s.authors).rfind(lower(c[5]), 0) == 0;
    const bool doi = lower(s.doi) == lower(c[6] == "-" ? "" : c[6]);
    // Keywords that fold to the same key in one record (Human, Humans) are
    // stored once (docs/bib.md): the count may be lower by those, no more.
    const int want_keywords = std::stoi(c[7]);
    const bool keywords = s.keywords <= want_keywords && s.keywords >= want_keywords - want_keywords / 10 - 1 &&
                          (want_keywords == 0) == (s.keywords == 0);
    f.keywords_exact += s.keywords == want_keywords;
    ++f.keyword_samples;
    CHECK(title);
    CHECK(year);
    CHECK(author);
    CHECK(doi);
    CHECK(keywords);
    f.fields += 5;
    f.fields_right += title + year + author + doi + keywords;
  }
  for (const auto& [set, f] : figures) {
    std::printf("real exports, %s: %d/%d files read right (%d records of %d entries), %d/%d sampled "
                "fields right (keyword counts exact in %d/%d), %d/%d unread formats failed with a "
                "clear line\n",
                set.c_str(), f.files_right, f.files, f.records, f.entries, f.fields_right, f.fields,
                f.keywords_exact, f.keyword_samples, f.unsupported_right, f.unsupported);
  }
  CHECK(figures.size() == 2);
}

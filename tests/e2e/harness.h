// Runs the real dipmine binary for end-to-end tests: each test gets a fresh
// temporary directory (with its own database) and sees stdout, stderr and the
// exit code of every command it runs.
#pragma once
#include <sys/wait.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace e2e {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << data;
}

inline fs::path data_dir() { return DIPMINE_TEST_DATA; }
inline fs::path source_dir() { return DIPMINE_SOURCE_DIR; }

// A scratch directory with a database path; removed when the test ends.
class Sandbox {
 public:
  Sandbox() {
    std::string tmpl = (fs::temp_directory_path() / "dipmine-e2e-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }
  fs::path db() const { return dir_ / "test.db"; }

  // Runs `dipmine --db <sandbox db> ARGS` with optional stdin; never throws.
  Result run(const std::vector<std::string>& args, const std::string& stdin_data = "",
             bool with_db = true) const {
    std::string cmd = shell_quote(DIPMINE_BIN);
    if (with_db) cmd += " --db " + shell_quote(db().string());
    for (const auto& a : args) cmd += " " + shell_quote(a);
    return run_shell(cmd, stdin_data);
  }

  // The paragraph count of `search --count QUERY` (its TSV "paragraphs"
  // cell); -1 when search fails, its message then in `*err` if given.
  int search_count(const std::string& query, std::string* err = nullptr) const {
    const Result r = run({"search", "--count", "--format", "tsv", query});
    if (err) *err = r.err;
    if (r.code != 0) return -1;
    return std::stoi(r.out.substr(r.out.find('\n') + 1));
  }

  // `dipmine --db <sandbox db> ingest FILE` with the lexicon folder LEX
  // (DIPMINE_LEXICONS), run in the sandbox; never throws.
  Result ingest_with_lexicons(const fs::path& lex, const std::string& file) const {
    return run_shell("DIPMINE_LEXICONS=" + shell_quote(lex.string()) + " " + shell_quote(DIPMINE_BIN) +
                     " --db " + shell_quote(db().string()) + " ingest " + shell_quote(file));
  }

  Result run_shell(const std::string& command, const std::string& stdin_data = "") const {
    const fs::path in = dir_ / "stdin", out = dir_ / "stdout", err = dir_ / "stderr";
    write_file(in, stdin_data);
    const std::string full = "cd " + shell_quote(dir_.string()) + " && ( " + command + " ) <" +
                             shell_quote(in.string()) + " >" + shell_quote(out.string()) +
                             " 2>" + shell_quote(err.string());
    Result r;
    const int status = std::system(full.c_str());
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
  }

 private:
  fs::path dir_;
};

// Runs one SQL statement on a database and returns the first column of every
// row, joined by newlines ("SQL error: ..." when it cannot be prepared). Opens
// the file read-only unless `flags` says otherwise.
inline std::string sql_column(const fs::path& db, const std::string& statement,
                              int flags = SQLITE_OPEN_READONLY) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, flags, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, statement.c_str(), -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      if (!out.empty()) out += "\n";
      out += t ? t : "NULL";
    }
  } else {
    out = std::string("SQL error: ") + sqlite3_errmsg(h);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

// Well-formed UTF-8 (no truncated, overlong or stray sequences; no surrogates).
inline bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c < 0xE0) ? 2 : (c >= 0xE0 && c < 0xF0) ? 3 : (c >= 0xF0 && c < 0xF5) ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    const auto c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) {
      return false;
    }
    i += n;
  }
  return true;
}

inline bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

inline int count_lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace e2e

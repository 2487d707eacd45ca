// common/whole_file.h: a report or plan file is written whole or not at all.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/error.h"
#include "common/whole_file.h"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "dipmine-whole-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("write_whole_file replaces the file and leaves no scratch copy", "[whole_file]") {
  ScratchDir d;
  const fs::path p = d.path / "rankings.csv";
  dipmine::write_whole_file(p, "old\n");
  dipmine::write_whole_file(p, std::string("a,b\n\0c\n", 7));
  CHECK(read_all(p) == std::string("a,b\n\0c\n", 7));
  CHECK(!fs::exists(d.path / "rankings.csv.tmp"));
}

TEST_CASE("write_whole_file: a failed write names the file and changes nothing", "[whole_file]") {
  ScratchDir d;
  // No such folder: the scratch copy cannot even be opened.
  const fs::path missing = d.path / "nodir" / "plan.tsv";
  REQUIRE_THROWS_WITH(dipmine::write_whole_file(missing, "x"),
                      Contains(missing.string() + ": cannot write"));
  CHECK(!fs::exists(d.path / "nodir"));
  // A folder in the way: the copy is written, the rename fails, the copy goes.
  const fs::path busy = d.path / "map.html";
  fs::create_directories(busy / "inside");
  REQUIRE_THROWS_WITH(dipmine::write_whole_file(busy, "<html>"),
                      Contains(busy.string() + ": cannot write: "));
  CHECK(fs::is_directory(busy / "inside"));
  CHECK(!fs::exists(d.path / "map.html.tmp"));
}

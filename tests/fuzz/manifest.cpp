// Fuzz target: the corpus manifest reader (ingest/manifest.h). Input: the
// manifest's bytes, written as manifest.tsv to a scratch folder on tmpfs that
// also holds a.txt, b.txt and sub/c.txt, so that rows naming them can pass.
// Checks: Manifest::load throws nothing but dipmine::Error (a filesystem
// error escaping would be an "internal error" for the user), each message
// names the manifest; a manifest that loads has at least one row or one bad
// row, no more rows than lines, every problem names the manifest and a line
// in it, a row found by name carries that name and a line in the file, and a
// file a bad row names is refused, never found.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/error.h"
#include "fuzz_check.h"
#include "ingest/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  static const std::string dir = [] {
    const std::string d = fuzz::scratch_dir();
    std::filesystem::create_directories(d + "/sub");
    for (const char* f : {"/a.txt", "/b.txt", "/sub/c.txt"}) fuzz::write_file(d + f, "text\n");
    return d;
  }();
  const std::string path = dir + "/manifest.tsv";
  fuzz::write_file(path, input);
  const size_t lines = std::count(input.begin(), input.end(), '\n') + 1;
  try {
    const dipmine::ingest::Manifest m = dipmine::ingest::Manifest::load(path);
    FUZZ_CHECK(m.size() >= 1 || !m.problems().empty(), "a manifest loaded without rows or problems");
    FUZZ_CHECK(m.size() < lines, "more rows than lines after the header");
    for (const std::string& p : m.problems()) {
      FUZZ_CHECK(p.rfind(path + ":", 0) == 0, "a row problem that does not name the manifest");
      const size_t line = std::strtoul(p.c_str() + path.size() + 1, nullptr, 10);
      FUZZ_CHECK(line >= 2 && line <= lines, "a row problem whose line is not in the file");
    }
    for (const char* f : {"a.txt", "b.txt", "sub/c.txt", "sub/../a.txt", "./b.txt"}) {
      FUZZ_CHECK(!(m.refuses(f) && m.find(f)), "a refused file is found");
      if (const dipmine::ingest::ManifestRow* r = m.find(f)) {
        FUZZ_CHECK(r->file == f, "a row found under another name");
        FUZZ_CHECK(r->line >= 2 && static_cast<size_t>(r->line) <= lines,
                   "a row whose line is not in the file");
      }
    }
  } catch (const dipmine::Error& e) {
    FUZZ_CHECK(std::string_view(e.what()).rfind(path, 0) == 0,
               "a manifest error that does not name the manifest");
  }
  return 0;
}

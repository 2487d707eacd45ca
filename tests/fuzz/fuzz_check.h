// What the fuzz targets share: a check that stops the run with a message (an
// invariant broken is a finding, like a crash), and a private scratch folder
// for the readers that take a path.
//
//   FUZZ_CHECK(n.fold(f.text).text == f.text, "fold is not idempotent");
//   const std::string& dir = fuzz::scratch_dir();   // created once per process
//   fuzz::write_file(dir + "/forms.tsv", bytes);
//
// A failed check prints "fuzz check failed: <what> (file:line)" and aborts,
// which libFuzzer and the replay driver (replay_main.cpp) both record as a
// finding with the input that caused it. The scratch folder is on tmpfs
// (/dev/shm) when there is one, removed at exit.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

#define FUZZ_CHECK(cond, what)                                                        \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", what, __FILE__, __LINE__); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

namespace fuzz {

inline const std::string& scratch_dir() {
  static const std::string dir = [] {
    const char* base = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
    std::string tmpl = std::string(base) + "/dipmine-fuzz-XXXXXX";
    if (mkdtemp(tmpl.data()) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    static std::string remove_at_exit;
    remove_at_exit = tmpl;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(remove_at_exit, ec);
    });
    return tmpl;
  }();
  return dir;
}

inline void write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  FUZZ_CHECK(out.good(), "cannot write the scratch file");
}

}  // namespace fuzz

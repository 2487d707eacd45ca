// Parts of dipmine built as modules, loaded on first use.
//
//   using ReadPdf = DecodedFile(const std::string&, const std::string&);
//   static ReadPdf* const read = module_function<ReadPdf>("dipmine-pdf.so", "dipmine_read_pdf");
//
// Why: every shared library the program is linked against is loaded and
// relocated at every start, whatever the command. poppler (with its fonts,
// images and NSS) and igraph (with BLAS, LAPACK, GLPK, gfortran) are about 40
// of the 55 libraries and most of the dynamic loader's time, yet only PDF
// reading and the map's clustering and layout use them: `dipmine --version`
// or `dipmine search` paid for them on every run (docs/search.md, start-up).
// So the code that calls them is built as a module (a shared object beside the
// program) and opened by the first call that needs it.
//
// Where: the program's own folder first (/proc/self/exe), then the build
// folder it was built in (DIPMINE_MODULE_DIR: test binaries live in a
// subfolder). A missing or broken module is a dipmine::Error naming the file.
// A module exports plain C entry points (no C++ name mangling to look up);
// their C++ parameter types are the same types on both sides, since module
// and program are built from the same sources by the same build.
#pragma once
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <string>

#include "common/error.h"

namespace dipmine {

// The folder of the running program, with a trailing slash ("" if unknown).
inline std::string program_folder() {
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<size_t>(n));
  return path.substr(0, path.rfind('/') + 1);
}

// The entry point `symbol` of the module file `module`, loaded once per call
// site by the caller's function-local static. Throws dipmine::Error.
template <class Function>
Function* module_function(const char* module, const char* symbol) {
  std::string tried;
  void* handle = nullptr;
  for (std::string folder : {program_folder(), std::string(DIPMINE_MODULE_DIR "/")}) {
    if (folder.empty()) continue;
    const std::string path = folder + module;
    if (access(path.c_str(), F_OK) != 0) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      throw Error(path + ": cannot load this part of dipmine: " + (why ? why : "unknown error"));
    }
    void* entry = dlsym(handle, symbol);
    if (entry == nullptr) throw Error(path + ": has no " + symbol + " (built from other sources?)");
    return reinterpret_cast<Function*>(entry);
  }
  throw Error(std::string(module) + ": this part of dipmine is missing (looked for " + tried + ")");
}

}  // namespace dipmine

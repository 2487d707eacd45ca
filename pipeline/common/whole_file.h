// Writing a file whole or not at all. The content goes to PATH.tmp beside PATH
// and is renamed over it only once every byte is written, so a reader, or a
// crash halfway, never sees half a report or half a plan.
//
//   write_whole_file("reports/rankings.csv", csv);
//
// Throws dipmine::Error "PATH: cannot write" (with the system's reason when it
// gives one) and removes PATH.tmp; PATH is then as it was before.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include "common/error.h"

namespace dipmine {

inline void write_whole_file(const std::filesystem::path& path, std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path tmp = path.string() + ".tmp";
  std::error_code ec;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      throw Error(path.string() + ": cannot write");
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    const std::string reason = ec.message();
    fs::remove(tmp, ec);
    throw Error(path.string() + ": cannot write: " + reason);
  }
}

}  // namespace dipmine

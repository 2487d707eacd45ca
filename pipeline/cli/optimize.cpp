// dipmine optimize: merge the full-text index (and rebuild it on request).
#include <fmt/format.h>

#include "cli/command.h"
#include "store/corpus.h"
#include "store/search.h"

namespace dipmine::cli {
namespace {

CommandRegistration optimize_cmd(
    "optimize", "Merge the full-text index into one segment (faster searches)",
    [](CLI::App& cmd, GlobalOptions& g) {
      static bool rebuild = false;
      cmd.add_flag("--rebuild", rebuild,
                   "Re-tokenise every paragraph first (after the normalisers changed)");
      return [&g] {
        auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::existing);
        const auto [before, after] = store::optimize_index(*corpus, rebuild);
        fmt::print("full-text index: {} paragraphs, {} segment{} before, {} after{}\n",
                   after.paragraphs, before.segments, before.segments == 1 ? "" : "s",
                   after.segments, rebuild ? " (rebuilt)" : "");
        return 0;
      };
    });

}  // namespace
}  // namespace dipmine::cli

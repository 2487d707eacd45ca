// dipmine report [--out DIR]: rankings.md/.csv/.json for indicators, networks
// and dimensions.
#include <fmt/format.h>

#include "cli/command.h"
#include "report/rankings.h"

namespace dipmine::cli {
namespace {

CommandRegistration report_cmd("report", "Write the rankings report (md, csv, json)",
                               [](CLI::App& cmd, GlobalOptions& g) {
  auto out = std::make_shared<std::string>("reports");
  cmd.add_option("--out", *out, "Folder (default: reports)");
  return [out, &g] {
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    for (const auto& p : report::write_rankings(*corpus, *out)) fmt::print("wrote {}\n", p);
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

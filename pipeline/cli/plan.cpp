// dipmine plan --shards N INPUT...: the shard list for N ingest jobs.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "common/error.h"
#include "common/whole_file.h"
#include "ingest/plan.h"

namespace dipmine::cli {
namespace {

struct PlanArgs {
  std::vector<std::string> paths;
  int shards = 0;
  std::string out;
  bool allow_special = false;
};

// A plan written inside a folder it plans would be read as a document by
// the next walk of that folder (`ingest --shard` without --plan, a re-plan).
void refuse_out_inside_inputs(const std::string& out, const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(fs::absolute(out), ec);
  for (const std::string& p : paths) {
    std::error_code dir_ec;
    if (!fs::is_directory(p, dir_ec)) continue;
    const fs::path dir = fs::weakly_canonical(fs::absolute(p), dir_ec);
    if (ec || dir_ec) continue;
    const auto [d, t] = std::mismatch(dir.begin(), dir.end(), target.begin(), target.end());
    if (d == dir.end()) {
      throw UsageError(fmt::format("--out: {} is inside {}, which it plans: the next walk of {} "
                                   "would read the plan as a document; write it elsewhere",
                                   one_line(out), one_line(p), one_line(p)));
    }
  }
}

CommandRegistration plan_cmd(
    "plan", "Split the files to ingest into N shards balanced by bytes (for `ingest --shard`)",
    [](CLI::App& cmd, GlobalOptions&) {
      auto a = std::make_shared<PlanArgs>();
      cmd.add_option("INPUT", a->paths, "Files or folders (recursive), as for ingest")->required();
      cmd.add_option("--shards", a->shards, "Number of shards N")->required();
      cmd.add_option("--out", a->out, "Write the plan here (default: stdout)");
      cmd.add_flag("--allow-special", a->allow_special,
                   "Also plan FIFOs and devices (as ingest --allow-special)");
      return [a] {
        if (a->shards < 1 || a->shards > ingest::kMaxShards) {
          throw UsageError(fmt::format("--shards: must be from 1 to {}, got {}",
                                       ingest::kMaxShards, a->shards));
        }
        if (!a->out.empty()) refuse_out_inside_inputs(a->out, a->paths);
        std::vector<std::string> messages, notes;
        const ingest::ShardPlan plan =
            ingest::plan_paths(a->paths, a->shards, messages, &notes, a->allow_special);
        for (const auto& m : notes) print_message("note: " + m);
        for (const auto& m : messages) print_message(m);
        if (a->out.empty()) {
          ingest::write_plan(plan, std::cout);
        } else {
          // A plan file is whole or absent.
          std::ostringstream text;
          ingest::write_plan(plan, text);
          write_whole_file(a->out, text.str());
        }
        size_t documents = 0;
        for (const auto& f : plan.files) documents += f.shard > 0 ? 1 : 0;
        std::string loads;
        for (int i = 1; i <= plan.shards && i <= 16; ++i) {
          const double w = static_cast<double>(plan.weight_of(i));
          loads += fmt::format("{}{}", i == 1 ? "" : " ",
                               w >= 1e6 ? fmt::format("{:.1f} MB", w / 1e6) : fmt::format("{:.0f} KB", w / 1e3));
        }
        if (plan.shards > 16) loads += " ...";
        print_message(fmt::format("plan {}: {} files in {} shards, weight per shard (bytes + {} a file): {}{}",
                                  plan.digest(), documents, plan.shards, ingest::kFileWeight, loads,
                                  plan.manifest().empty() ? "" : "; manifest " + plan.manifest()));
        return messages.empty() ? 0 : 1;
      };
    });

}  // namespace
}  // namespace dipmine::cli

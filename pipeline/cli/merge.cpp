// dipmine merge OUT.db SHARD.db...: combine stores (the shards of a sharded ingest).
#include <fmt/format.h>

#include <memory>

#include "cli/command.h"
#include "common/error.h"
#include "ingest/merge.h"

namespace dipmine::cli {
namespace {

struct MergeArgs {
  std::string out;
  std::vector<std::string> shards;
};

CommandRegistration merge_cmd(
    "merge", "Combine stores (shards of `ingest --shard`) into OUT, de-duplicated as ingest does",
    [](CLI::App& cmd, GlobalOptions&) {
      auto a = std::make_shared<MergeArgs>();
      cmd.add_option("OUT", a->out, "The store to merge into (created if missing)")->required();
      cmd.add_option("SHARD", a->shards, "Stores to merge in, in this order")->required();
      return [a] {
        ingest::MergeOptions options;
        options.shard_done = [](const ingest::ShardMerge& m) {
          for (const auto& line : m.messages) print_message(line);
        };
        const ingest::MergeReport r = ingest::merge_stores(a->out, a->shards, options);
        int64_t documents = 0, added = 0, dropped = 0, earlier = 0;
        for (const ingest::ShardMerge& m : r.shards) {
          std::string what = fmt::format(
              "{} documents: {} added, {} replaced a stored one with the same path, {} dropped "
              "as duplicates ({} same text, {} merged into a record with the same DOI or identity, "
              "{} attached to a record)",
              m.documents, m.added, m.replaced, m.duplicates(), m.same_text, m.merged, m.attached);
          fmt::print("{}: {}{}{}\n", one_line(m.path), what,
                     m.shard.empty() ? "" : " [shard " + m.shard + "]",
                     m.earlier_run ? " (merged by an earlier run)" : "");
          documents += m.documents;
          added += m.added;
          dropped += m.duplicates();
          earlier += m.earlier_run ? 1 : 0;
        }
        for (const auto& note : r.notes) print_message("note: " + note);
        fmt::print("merged {} shard{} into {}{}: {} documents read, {} added, {} dropped as "
                   "duplicates; full-text index {} segment{}, top-k index {} ({:.1f} s shards, {:.1f} s index)\n",
                   r.shards.size(), r.shards.size() == 1 ? "" : "s", one_line(a->out),
                   earlier > 0 ? fmt::format(" ({} by an earlier run)", earlier) : "", documents,
                   added, dropped, r.index.after.segments, r.index.after.segments == 1 ? "" : "s",
                   r.index.topk_built ? "rebuilt" : "up to date", r.shard_seconds, r.index_seconds);
        return 0;
      };
    });

}  // namespace
}  // namespace dipmine::cli

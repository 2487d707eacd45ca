// dipmine optimize: merge the full-text index (and rebuild it on request).
#include <fmt/format.h>

#include "cli/command.h"
#include "store/corpus.h"
#include "store/search.h"

namespace dipmine::cli {
namespace {

CommandRegistration optimize_cmd(
    "optimize", "Merge the full-text index and build the top-k index (fast ranking)",
    [](CLI::App& cmd, GlobalOptions& g) {
      static bool rebuild = false;
      cmd.add_flag("--rebuild", rebuild,
                   "Re-tokenise every paragraph first (after the normalisers changed)");
      return [&g] {
        auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::existing);
        const store::OptimizeReport r = store::optimize_index(*corpus, rebuild);
        fmt::print("full-text index: {} paragraphs, {} segment{} before, {} after{}\n",
                   r.after.paragraphs, r.before.segments, r.before.segments == 1 ? "" : "s",
                   r.after.segments,
                   r.stale   ? " (rebuilt: it was made by another version's tokenizer)"
                   : rebuild ? " (rebuilt)"
                             : "");
        if (r.topk_built) {
          fmt::print("top-k index: built, {} terms, {} word pairs side by side and {} in one paragraph "
                     "(and {} per run of blocks), over {} block{} of {} paragraphs\n",
                     r.topk_terms, r.topk_pairs, r.topk_together, r.topk_together_coarse, r.topk_blocks,
                     r.topk_blocks == 1 ? "" : "s", r.topk_block_rows);
          if (!r.topk_pairs_skipped.empty()) {
            fmt::print(stderr, "dipmine: note: no word pairs in the top-k index: {}\n", r.topk_pairs_skipped);
          }
        } else {
          fmt::print("top-k index: up to date ({} block{} of {} paragraphs)\n", r.topk_blocks,
                     r.topk_blocks == 1 ? "" : "s", r.topk_block_rows);
        }
        return 0;
      };
    });

}  // namespace
}  // namespace dipmine::cli

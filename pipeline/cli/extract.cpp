// dipmine extract: re-match every stored paragraph after a lexicon edit and
// say which concepts were gained or lost.
#include <fmt/format.h>

#include "analysis/mentions.h"
#include "cli/command.h"
#include "lexicon/lexicon.h"
#include "lexicon/matcher.h"
#include "report/table.h"

namespace dipmine::cli {
namespace {

struct ExtractArgs {
  std::string lexicons, format = "table";
};

CommandRegistration extract_cmd("extract", "Re-run lexicon matching over the stored text",
                                [](CLI::App& cmd, GlobalOptions& g) {
  auto a = std::make_shared<ExtractArgs>();
  cmd.add_option("--lexicons", a->lexicons, "Lexicon folder (default: $DIPMINE_LEXICONS, ./lexicons, beside the program, shipped)");
  cmd.add_option("--format", a->format, "table, tsv, csv, md or json (the changes)");
  return [a, &g] {
    const auto format = report::parse_format(a->format);
    const lexicon::Matcher matcher(lexicon::load_lexicon(lexicon::resolve_lexicon_dir(a->lexicons)));
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::existing);
    const analysis::ExtractReport r = analysis::re_extract(*corpus, matcher);
    report::Table t({"concept", "docs_before", "docs_after", "mentions_before", "mentions_after"});
    for (const auto& c : r.changes) {
      t.add({c.concept_id, std::to_string(c.docs_before), std::to_string(c.docs_after),
             std::to_string(c.mentions_before), std::to_string(c.mentions_after)});
    }
    if (format == report::Format::table) {
      fmt::print("{} paragraphs, mentions {} -> {}; gained: {}; lost: {}\n", r.paragraphs,
                 r.mentions_before, r.mentions_after,
                 r.gained.empty() ? "none" : fmt::format("{}", fmt::join(r.gained, ", ")),
                 r.lost.empty() ? "none" : fmt::format("{}", fmt::join(r.lost, ", ")));
      if (t.rows() > 0) fmt::print("{}", t.render(format));
    } else {
      fmt::print("{}", t.render(format));
    }
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

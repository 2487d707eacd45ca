// dipmine rank: indicators and networks ranked by the documents mentioning them.
#include <fmt/format.h>

#include "analysis/rank.h"
#include "cli/command.h"
#include "report/rankings.h"

namespace dipmine::cli {
namespace {

struct RankArgs {
  analysis::RankOptions opt;
  std::string year, format = "table";
  bool dimensions = false;
};

CommandRegistration rank_cmd("rank", "Rank indicators and networks by documents (or mentions)",
                             [](CLI::App& cmd, GlobalOptions& g) {
  auto a = std::make_shared<RankArgs>();
  cmd.add_option("--kind", a->opt.kind, "indicator or network (default: both)");
  cmd.add_option("--by", a->opt.by, "docs (default, the paper's measure) or mentions");
  cmd.add_option("--lang", a->opt.lang, "Count only paragraphs in fa, en or ja");
  cmd.add_option("--dimension", a->opt.dimension, "Only indicators of this dimension");
  cmd.add_option("--year", a->year, "Documents of a year or range A..B");
  cmd.add_option("--format", a->format, "table, tsv, csv, md or json");
  cmd.add_flag("--dimensions", a->dimensions, "Sum indicators by dimension");
  return [a, &g] {
    const auto format = report::parse_format(a->format);
    if (!a->year.empty()) analysis::parse_year_range(a->year, a->opt);
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    if (a->dimensions) {
      fmt::print("{}", report::dimension_table(analysis::rank_dimensions(*corpus, a->opt)).render(format));
    } else {
      const std::vector<analysis::RankRow> rows = analysis::rank_concepts(*corpus, a->opt);
      fmt::print("{}", report::ranking_table(rows).render(format));
      // A paper in two languages (a Persian paper with an English abstract)
      // counts in the column of each language it mentions the concept in.
      size_t over = 0;
      for (const auto& r : rows) {
        int64_t sum = 0;
        for (const auto& [lang, n] : r.docs_by_lang) sum += n;
        over += sum != r.documents;
      }
      if (over > 0) {
        print_message(fmt::format("note: docs_fa, docs_en and docs_ja count the documents that mention a "
                                  "concept in a paragraph of that language; a document that mentions it in "
                                  "two languages counts in both, so for {} of {} rows they do not add up to "
                                  "documents",
                                  over, rows.size()));
      }
    }
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

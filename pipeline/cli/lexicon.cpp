// dipmine lexicon check [DIR] | lexicon eval GOLD: validate a lexicon folder;
// score it against hand-labelled paragraphs.
#include <fmt/format.h>

#include "analysis/accuracy.h"
#include "cli/command.h"
#include "common/error.h"
#include "lexicon/lexicon.h"
#include "lexicon/matcher.h"
#include "report/table.h"

namespace dipmine::cli {
namespace {

struct LexiconArgs {
  std::string dir, gold, lexicons, format = "table";
};

CommandRegistration lexicon_cmd("lexicon", "Check a lexicon folder, or score it on a gold file",
                                [](CLI::App& cmd, GlobalOptions& g) {
  auto a = std::make_shared<LexiconArgs>();
  cmd.require_subcommand(1);
  CLI::App* check = cmd.add_subcommand("check", "Report every problem of a lexicon with file:line");
  check->add_option("DIR", a->dir, "Lexicon folder (default: $DIPMINE_LEXICONS, ./lexicons, shipped)");
  CLI::App* eval = cmd.add_subcommand("eval", "Precision and recall against a gold file");
  eval->add_option("GOLD", a->gold, "Gold TSV (file, anchor, concept, count, note)")->required();
  eval->add_option("--lexicons", a->lexicons, "Lexicon folder");
  eval->add_option("--format", a->format, "table, tsv, csv, md or json");
  return [a, check, eval, &g]() -> int {
    if (check->parsed()) {
      const std::string dir = lexicon::resolve_lexicon_dir(a->dir);
      const lexicon::LexiconCheck c = lexicon::check_lexicon(dir);
      for (const auto& issue : c.issues) fmt::print("{}\n", issue.text());
      const size_t warnings = c.issues.size() - c.errors();
      if (!c.ok()) {
        fmt::print("{}: {} error{}, {} warning{}\n", dir, c.errors(), c.errors() == 1 ? "" : "s",
                   warnings, warnings == 1 ? "" : "s");
        return 1;
      }
      size_t indicators = 0;
      for (const auto& k : c.lexicon.concepts) indicators += k.kind == lexicon::ConceptKind::indicator;
      fmt::print("{}: ok, {} indicators, {} networks, {} forms, {} warning{}\n", dir, indicators,
                 c.lexicon.concepts.size() - indicators, c.lexicon.forms.size(), warnings,
                 warnings == 1 ? "" : "s");
      return 0;
    }
    const auto format = report::parse_format(a->format);
    const lexicon::Matcher matcher(lexicon::load_lexicon(lexicon::resolve_lexicon_dir(a->lexicons)));
    const analysis::GoldSet gold = analysis::load_gold(a->gold);
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    report::Table t({"kind", "lang", "paragraphs", "gold", "found", "correct", "precision", "recall"});
    for (const auto& r : analysis::evaluate_gold(*corpus, matcher, gold)) {
      t.add({r.kind, r.lang, std::to_string(r.paragraphs), std::to_string(r.gold),
             std::to_string(r.found), std::to_string(r.true_positives),
             fmt::format("{:.3f}", r.precision), fmt::format("{:.3f}", r.recall)});
    }
    fmt::print("{}", t.render(format));
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

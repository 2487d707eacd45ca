// dipmine keywords: the keyword frequency table of bibliographic records.
#include <fmt/format.h>

#include "analysis/keyword_table.h"
#include "analysis/thesaurus.h"
#include "cli/command.h"
#include "common/error.h"
#include "lexicon/lexicon.h"
#include "report/table.h"
#include "store/corpus.h"

namespace dipmine::cli {
namespace {

struct KeywordsArgs {
  size_t top = 0;
  std::string lang, kind = "all", thesaurus, lexicons, format = "table";
};

CommandRegistration keywords_cmd(
    "keywords", "Keyword frequency table of the records (records, occurrences, years)",
    [](CLI::App& cmd, GlobalOptions& g) {
      auto a = std::make_shared<KeywordsArgs>();
      cmd.add_option("--top", a->top, "Only the N most frequent keywords (default: all)");
      cmd.add_option("--lang", a->lang, "Only keywords in this language (fa, en, ja)")
          ->check(CLI::IsMember({"fa", "en", "ja"}));
      cmd.add_option("--keywords", a->kind, "author, index or all")
          ->check(CLI::IsMember({"author", "index", "all"}))
          ->capture_default_str();
      cmd.add_option("--thesaurus", a->thesaurus,
                     "VOSviewer thesaurus file (label<TAB>replace by), or `lexicons` to map "
                     "keywords onto lexicon concepts");
      cmd.add_option("--lexicons", a->lexicons, "Lexicon folder for --thesaurus lexicons");
      cmd.add_option("--format", a->format, "table, tsv, csv, md or json")
          ->check(CLI::IsMember({"table", "tsv", "csv", "md", "json"}))
          ->capture_default_str();
      return [a, &g] {
        std::optional<analysis::Thesaurus> thesaurus;
        if (!a->thesaurus.empty()) {
          thesaurus = analysis::Thesaurus::from_option(
              a->thesaurus, lexicon::resolve_lexicon_dir(a->lexicons));
        }
        auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
        analysis::KeywordTableOptions opt;
        opt.kind = a->kind;
        opt.lang = a->lang;
        opt.top = a->top;
        opt.thesaurus = thesaurus ? &*thesaurus : nullptr;
        report::Table t({"rank", "keyword", "key", "lang", "records", "occurrences", "first_year",
                         "last_year"});
        size_t rank = 0;
        for (const analysis::KeywordCount& k : analysis::keyword_table(corpus->db(), opt)) {
          t.add({std::to_string(++rank), k.label, k.key, k.lang, std::to_string(k.records),
                 std::to_string(k.occurrences), year_text(k.first_year), year_text(k.last_year)});
        }
        fmt::print("{}", t.render(report::parse_format(a->format)));
        return 0;
      };
    });

}  // namespace
}  // namespace dipmine::cli

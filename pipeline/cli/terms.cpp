// dipmine terms: frequent n-grams no lexicon form covers (candidates to add).
#include <fmt/format.h>

#include "analysis/terms.h"
#include "cli/command.h"
#include "common/error.h"
#include "lexicon/lexicon.h"
#include "lexicon/matcher.h"
#include "report/table.h"

namespace dipmine::cli {
namespace {

struct TermArgs {
  std::string lang, lexicons, format = "table";
  int top = 50, min_docs = 1, max_n = 4;
};

CommandRegistration terms_cmd("terms", "Frequent candidate terms not covered by the lexicon",
                              [](CLI::App& cmd, GlobalOptions& g) {
  auto a = std::make_shared<TermArgs>();
  cmd.add_option("--lang", a->lang, "fa, en or ja (default: all)");
  cmd.add_option("--top", a->top, "How many (default 50; 0 = all)");
  cmd.add_option("--min-docs", a->min_docs, "Only terms in at least N documents (default 1)");
  cmd.add_option("--max-words", a->max_n, "Longest n-gram, 1..4 (default 4)");
  cmd.add_option("--lexicons", a->lexicons, "Lexicon folder (forms and stop words)");
  cmd.add_option("--format", a->format, "table, tsv, csv, md or json");
  return [a, &g] {
    const auto format = report::parse_format(a->format);
    analysis::TermOptions o;
    if (!a->lang.empty()) {
      o.lang = text::parse_lang(a->lang);
      if (!o.lang) throw UsageError(fmt::format("--lang: \"{}\" is not fa, en or ja", a->lang));
    }
    if (a->top < 0) throw UsageError(fmt::format("--top: {} is negative", a->top));
    if (a->min_docs < 1) throw UsageError(fmt::format("--min-docs: {} is below 1", a->min_docs));
    if (a->max_n < 1 || a->max_n > 4) throw UsageError(fmt::format("--max-words: {} is not in 1..4", a->max_n));
    o.top = a->top;
    o.min_docs = a->min_docs;
    o.max_n = a->max_n;
    const std::string dir = lexicon::resolve_lexicon_dir(a->lexicons);
    const lexicon::Matcher matcher(lexicon::load_lexicon(dir));
    const analysis::StopWords stops = analysis::load_stop_words(dir);
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    report::Table t({"term", "lang", "words", "documents", "count"});
    for (const auto& c : analysis::candidate_terms(*corpus, &matcher, stops, o)) {
      t.add({c.term, std::string(text::lang_name(c.lang)), std::to_string(c.words),
             std::to_string(c.documents), std::to_string(c.count)});
    }
    fmt::print("{}", t.render(format));
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

// dipmine kwic CONCEPT_OR_WORD: keyword-in-context lines from the original text.
#include <fmt/format.h>

#include "analysis/kwic.h"
#include "cli/command.h"
#include "common/error.h"

namespace dipmine::cli {
namespace {

struct KwicArgs {
  std::string query, lang;
  int width = 30;
};

CommandRegistration kwic_cmd("kwic", "Keyword in context for a concept id or a word",
                             [](CLI::App& cmd, GlobalOptions& g) {
  auto a = std::make_shared<KwicArgs>();
  cmd.add_option("CONCEPT_OR_WORD", a->query, "A concept id (see dipmine rank) or a word")->required();
  cmd.add_option("--width", a->width, "Columns of context on each side (default 30)");
  cmd.add_option("--lang", a->lang, "Only paragraphs in fa, en or ja");
  return [a, &g] {
    analysis::KwicOptions o;
    if (a->width < 1 || a->width > 500) throw UsageError(fmt::format("--width: {} is not in 1..500", a->width));
    o.width = a->width;
    if (!a->lang.empty()) {
      o.lang = text::parse_lang(a->lang);
      if (!o.lang) throw UsageError(fmt::format("--lang: \"{}\" is not fa, en or ja", a->lang));
    }
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    const auto lines = analysis::kwic(*corpus, a->query, o);
    if (lines.empty()) {
      // Not an error (a word may simply not occur), but not silence either.
      print_message(fmt::format("note: kwic: no occurrence of \"{}\"{}", a->query,
                                a->lang.empty() ? "" : " in " + a->lang + " paragraphs"));
      return 0;
    }
    fmt::print("{}", analysis::render_kwic(lines, o.width, is_terminal(1)));
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

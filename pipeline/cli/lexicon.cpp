// dipmine lexicon check [DIR] | lexicon eval GOLD: validate a lexicon folder;
// score it against hand-labelled paragraphs (a gold file, scored on the
// store's text) or documents (a gold folder with labels-<lang>.tsv: each
// document is read, split and matched as ingest does, and nothing is stored).
#include <fmt/format.h>

#include <filesystem>

#include "analysis/accuracy.h"
#include "analysis/mentions.h"
#include "cli/command.h"
#include "common/error.h"
#include "ingest/ingest.h"
#include "lexicon/lexicon.h"
#include "lexicon/matcher.h"
#include "report/table.h"

namespace dipmine::cli {
namespace {

struct LexiconArgs {
  std::string dir, gold, lexicons, format = "table", split, by;
};

// The concept ids the lexicon finds in one gold document, read, decoded and
// split into paragraphs exactly as ingest does (ingest::make_record) and
// matched per paragraph as ingest's enricher does.
std::set<std::string> document_concepts(const analysis::DocGoldRow& doc,
                                        const lexicon::Matcher& matcher) {
  ingest::DecodedFile file = ingest::read_document_file(doc.path, {});
  if (!file.error.empty()) {
    throw Error(fmt::format("{}:{}: {}", doc.labels_path, doc.line, file.error));
  }
  const store::DocumentRecord rec = ingest::make_record(doc.path, std::move(file), {});
  std::set<std::string> ids;
  for (const store::ParagraphRecord& p : rec.paragraphs) {
    for (const store::MentionRecord& m : analysis::paragraph_mentions(matcher, p.text, p.lang)) {
      ids.insert(m.concept_id);
    }
  }
  return ids;
}

analysis::DocGrouping parse_grouping(const std::string& by) {
  if (by.empty()) return analysis::DocGrouping::kind_lang;
  if (by == "concept") return analysis::DocGrouping::concepts;
  if (by == "kind") return analysis::DocGrouping::kind;
  if (by == "lang") return analysis::DocGrouping::lang;
  throw UsageError(fmt::format("--by must be concept, kind or lang, not \"{}\"", by));
}

int eval_doc_gold(const LexiconArgs& a) {
  const auto format = report::parse_format(a.format);
  if (!a.split.empty() && a.split != "dev" && a.split != "test") {
    throw UsageError(fmt::format("--split must be dev or test, not \"{}\"", a.split));
  }
  const analysis::DocGrouping by = parse_grouping(a.by);
  const lexicon::Matcher matcher(lexicon::load_lexicon(lexicon::resolve_lexicon_dir(a.lexicons)));
  const analysis::DocGold gold = analysis::load_doc_gold(a.gold, matcher.lexicon());
  std::vector<std::set<std::string>> found;
  found.reserve(gold.docs.size());
  for (const auto& doc : gold.docs) found.push_back(document_concepts(doc, matcher));
  std::vector<std::string> header = {"split", "kind", "lang"};
  if (by == analysis::DocGrouping::concepts) header = {"split", "kind", "concept"};
  for (const char* h : {"docs", "gold", "found", "correct", "precision", "recall", "f1"}) {
    header.push_back(h);
  }
  report::Table t(header);
  for (const auto& r : analysis::evaluate_doc_gold(gold, found, matcher.lexicon(), by, a.split)) {
    t.add({r.split, r.kind, by == analysis::DocGrouping::concepts ? r.concept_id : r.lang,
           std::to_string(r.docs), std::to_string(r.gold), std::to_string(r.found),
           std::to_string(r.true_positives), fmt::format("{:.3f}", r.precision),
           fmt::format("{:.3f}", r.recall), fmt::format("{:.3f}", r.f1)});
  }
  fmt::print("{}", t.render(format));
  if (!gold.absent.empty()) {
    // Never a silent drop: these rows are labelled but their text is not here.
    fmt::print(stderr,
               "dipmine: {} labelled document{} not scored: {} text is not stored (licence) and "
               "was not fetched (scripts/fetch-gold); first: {}\n",
               gold.absent.size(), gold.absent.size() == 1 ? "" : "s",
               gold.absent.size() == 1 ? "its" : "their", gold.absent.front());
  }
  if (gold.new_networks > 0) {
    // Machine formats keep stdout parseable; the note goes to stderr there.
    const bool human = format == report::Format::table || format == report::Format::md;
    fmt::print(human ? stdout : stderr,
               "{}{} network label{} name{} a network with no concept yet (new:); counted as "
               "misses until lexicons/concepts.tsv has {}\n",
               human ? "" : "dipmine: ", gold.new_networks, gold.new_networks == 1 ? "" : "s",
               gold.new_networks == 1 ? "s" : "", gold.new_networks == 1 ? "it" : "them");
  }
  return 0;
}

CommandRegistration lexicon_cmd("lexicon", "Check a lexicon folder, or score it on a gold file",
                                [](CLI::App& cmd, GlobalOptions& g) {
  auto a = std::make_shared<LexiconArgs>();
  cmd.require_subcommand(1);
  CLI::App* check = cmd.add_subcommand("check", "Report every problem of a lexicon with file:line");
  CLI::Option* dir = check->add_option(
      "DIR", a->dir, "Lexicon folder (default: $DIPMINE_LEXICONS, ./lexicons, beside the program, shipped)");
  // As every other command names the folder.
  check->add_option("--lexicons", a->dir, "The same as DIR")->excludes(dir);
  CLI::App* eval = cmd.add_subcommand("eval", "Precision and recall against a gold file");
  eval->add_option("GOLD", a->gold,
                   "Gold TSV (file, anchor, concept, count, note) scored on the store, or a "
                   "folder of documents with labels-<lang>.tsv (scored per document)")
      ->required();
  eval->add_option("--lexicons", a->lexicons, "Lexicon folder");
  eval->add_option("--format", a->format, "table, tsv, csv, md or json");
  eval->add_option("--split", a->split, "Gold folder: only dev or only test (default: dev, test, all)");
  eval->add_option("--by", a->by, "Gold folder: rows per concept, kind or lang (default: kind x lang)");
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
      const size_t stops = c.lexicon.stops.size();
      fmt::print("{}: ok, {} indicators, {} networks, {} forms, {} stop form{}, {} warning{}\n", dir,
                 indicators, c.lexicon.concepts.size() - indicators, c.lexicon.forms.size(), stops,
                 stops == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
      return 0;
    }
    if (std::filesystem::is_directory(a->gold)) return eval_doc_gold(*a);
    if (!a->split.empty() || !a->by.empty()) {
      throw UsageError("--split and --by apply to a gold folder (labels-<lang>.tsv), not a gold file");
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

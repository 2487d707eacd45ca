// dipmine mentions: counts per document and concept, or every mention.
#include <fmt/format.h>

#include "analysis/mentions.h"
#include "cli/command.h"
#include "common/error.h"
#include "report/table.h"

namespace dipmine::cli {
namespace {

struct MentionArgs {
  int64_t doc = 0;
  std::string concept_id, format = "tsv";
  bool detail = false;
};

CommandRegistration mentions_cmd("mentions", "Lexicon mentions per document and concept",
                                 [](CLI::App& cmd, GlobalOptions& g) {
  auto a = std::make_shared<MentionArgs>();
  cmd.add_option("--doc", a->doc, "Only this document id");
  cmd.add_option("--concept", a->concept_id, "Only this concept id");
  cmd.add_flag("--detail", a->detail, "Each mention with offsets and its sentence");
  cmd.add_option("--format", a->format, "tsv (default), table, csv, md or json");
  return [a, &g] {
    const auto format = report::parse_format(a->format);
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    analysis::MentionFilter f;
    if (a->doc != 0) {
      if (!corpus->document(a->doc)) throw UsageError(fmt::format("--doc: no document with id {}", a->doc));
      f.doc_id = a->doc;
    }
    if (!a->concept_id.empty()) {
      store::Statement q(corpus->db(), "SELECT 1 FROM concepts WHERE id = ?");
      q.bind(1, a->concept_id);
      if (!q.step()) throw UsageError(fmt::format("--concept: unknown concept \"{}\"", a->concept_id));
      f.concept_id = a->concept_id;
    }
    if (a->detail) {
      report::Table t({"doc", "file", "paragraph", "lang", "sentence", "concept", "start", "end",
                       "form", "text", "sentence_text"});
      for (const auto& d : analysis::mention_details(*corpus, f)) {
        t.add({std::to_string(d.doc_id), d.doc_name, std::to_string(d.paragraph), d.lang,
               std::to_string(d.sentence), d.concept_id, std::to_string(d.start),
               std::to_string(d.end), d.form, d.matched, d.sentence_text});
      }
      fmt::print("{}", t.render(format));
    } else {
      report::Table t({"doc", "file", "concept", "kind", "mentions", "paragraphs"});
      for (const auto& c : analysis::mention_counts(*corpus, f)) {
        t.add({std::to_string(c.doc_id), c.doc_name, c.concept_id, c.kind,
               std::to_string(c.mentions), std::to_string(c.paragraphs)});
      }
      fmt::print("{}", t.render(format));
    }
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

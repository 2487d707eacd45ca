// dipmine show ID [PARAGRAPH]: a document's stored text, paragraph by
// paragraph, so what ingest kept of a PDF or a web page can be set beside the
// original. Search hits name "doc D paragraph P": `show D P` prints that one.
#include <fmt/format.h>

#include "cli/command.h"
#include "common/error.h"
#include "report/table.h"
#include "store/corpus.h"

namespace dipmine::cli {
namespace {

CommandRegistration show_cmd("show", "Print a document's stored text, paragraph by paragraph", [](CLI::App& cmd,
                                                                                              GlobalOptions& g) {
  static int64_t id = 0;
  static std::optional<int64_t> paragraph;
  static int64_t context = 0;
  static bool plain = false;
  static std::string format = "text";
  cmd.add_option("ID", id, "Document id (see dipmine docs)")->required()->check(whole_number(1, INT64_MAX));
  cmd.add_option("PARAGRAPH", paragraph, "Only this paragraph (a search hit's 'paragraph N')")
      ->check(whole_number(0, INT64_MAX));
  cmd.add_option("--context", context, "With PARAGRAPH: this many paragraphs before and after it")
      ->check(whole_number(0, 1000000));
  cmd.add_flag("--plain", plain, "The text alone, paragraphs apart by a blank line (to compare with the original)");
  cmd.add_option("--format", format, "text, tsv, csv, md or json (one row a paragraph)")
      ->check(CLI::IsMember({"text", "tsv", "csv", "md", "json"}));
  return [&g] {
    if (context > 0 && !paragraph) throw UsageError("--context: give the PARAGRAPH it is around");
    if (plain && format != "text") throw UsageError("--plain: only with --format text");
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    const auto doc = corpus->document(id);
    if (!doc) throw Error(fmt::format("show: no document with id {} (see dipmine docs)", id));
    if (paragraph && (*paragraph >= doc->paragraphs)) {
      throw Error(fmt::format("show: document {} has {} paragraph{} (0 to {}); there is no paragraph {}", id,
                              doc->paragraphs, doc->paragraphs == 1 ? "" : "s", doc->paragraphs - 1, *paragraph));
    }
    // A paragraph below the document's count and a context of at most a
    // million: the range cannot overflow.
    const int64_t first = paragraph ? std::max<int64_t>(0, *paragraph - context) : 0;
    const int64_t last = paragraph ? *paragraph + context : INT64_MAX;
    const auto paragraphs = corpus->paragraphs(id, first, last);
    if (format != "text") {
      report::Table t({"doc", "paragraph", "lang", "text"});
      for (const auto& p : paragraphs) {
        t.add({std::to_string(id), std::to_string(p.ordinal), lang_text(p.lang), p.text});
      }
      fmt::print("{}", t.render(report::parse_format(format)));
      return 0;
    }
    if (!plain) {
      fmt::print("doc {}: {}\n", id, doc->title.empty() ? doc->name : doc->title);
      fmt::print("file {} ({}, {}, {}, {}, {} paragraph{})\n", doc->path, doc->format, doc->charset,
                 lang_text(doc->lang), year_text(doc->year), doc->paragraphs,
                 doc->paragraphs == 1 ? "" : "s");
      for (const auto& [doc_id, message] : corpus->notes(id)) fmt::print("ingest said: {}\n", message);
      if (paragraphs.empty()) fmt::print("\n(no stored paragraphs)\n");
    }
    bool first_out = true;
    for (const auto& p : paragraphs) {
      if (plain) {
        fmt::print("{}{}\n", first_out ? "" : "\n", p.text);
      } else {
        fmt::print("\n[paragraph {}, {}]\n{}\n", p.ordinal, lang_text(p.lang), p.text);
      }
      first_out = false;
    }
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

// dipmine docs | remove | stats: look at and prune the store.
#include <fmt/format.h>

#include "cli/command.h"
#include "common/error.h"
#include "report/table.h"
#include "store/corpus.h"

namespace dipmine::cli {
namespace {

CommandRegistration docs_cmd("docs", "List the documents in the store", [](CLI::App& cmd,
                                                                           GlobalOptions& g) {
  static std::string format = "table";
  static bool notes = false;
  cmd.add_option("--format", format, "table, tsv, csv, md or json")
      ->check(CLI::IsMember({"table", "tsv", "csv", "md", "json"}));
  cmd.add_flag("--notes", notes,
               "What ingest said about each document (left out, warnings), one row a message");
  return [&g] {
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    if (notes) {
      report::Table t({"id", "note"});
      for (const auto& [id, message] : corpus->notes()) t.add({std::to_string(id), message});
      fmt::print("{}", t.render(report::parse_format(format)));
      return 0;
    }
    report::Table t({"id", "title", "year", "lang", "paragraphs", "bytes", "charset", "file"});
    for (const auto& d : corpus->documents()) {
      t.add({std::to_string(d.id), d.title.empty() ? d.name : d.title, year_text(d.year), lang_text(d.lang),
             std::to_string(d.paragraphs), std::to_string(d.bytes), d.charset, d.path});
    }
    fmt::print("{}", t.render(report::parse_format(format)));
    return 0;
  };
});

CommandRegistration remove_cmd("remove", "Delete documents and everything derived from them",
                               [](CLI::App& cmd, GlobalOptions& g) {
  static std::vector<int64_t> ids;
  static bool missing_ok = false;
  cmd.add_option("ID", ids, "Document ids (see dipmine docs)")->required();
  cmd.add_flag("--missing-ok", missing_ok,
               "An id that is not in the store is a note, not an error (for scripts that retry)");
  return [&g] {
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::existing);
    store::Transaction tx(corpus->db());
    std::vector<int64_t> present;
    for (int64_t id : ids) {
      if (corpus->document(id)) {
        present.push_back(id);
      } else if (missing_ok) {
        print_message(fmt::format("note: remove: no document with id {} (already removed?); "
                                  "nothing to do for it",
                                  id));
      } else {
        throw Error(fmt::format("remove: no document with id {} (already removed? --missing-ok makes "
                                "that a note, for scripts that retry); nothing removed",
                                id));
      }
    }
    for (int64_t id : present) corpus->remove(id);
    tx.commit();
    fmt::print("removed {} document{}\n", present.size(), present.size() == 1 ? "" : "s");
    return 0;
  };
});

CommandRegistration stats_cmd("stats", "Counts of documents and paragraphs per language and year",
                              [](CLI::App& cmd, GlobalOptions& g) {
  static std::string format = "table";
  cmd.add_option("--format", format, "table, tsv, csv, md or json")
      ->check(CLI::IsMember({"table", "tsv", "csv", "md", "json"}));
  return [&g] {
    auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
    const auto f = report::parse_format(format);
    // documents: by main language (the column sums to the store's count);
    // with_paragraphs: documents with a paragraph in the language. An "all"
    // row ends each table.
    report::Table by_lang({"lang", "documents", "with_paragraphs", "paragraphs", "bytes"});
    store::LangYearCount all;
    for (const auto& c : corpus->counts_by_lang()) {
      by_lang.add({lang_text(c.lang), std::to_string(c.documents), std::to_string(c.with_paragraphs),
                   std::to_string(c.paragraphs), std::to_string(c.bytes)});
      all.documents += c.documents, all.paragraphs += c.paragraphs, all.bytes += c.bytes;
    }
    by_lang.add({"all", std::to_string(all.documents), std::to_string(all.documents),
                 std::to_string(all.paragraphs), std::to_string(all.bytes)});
    report::Table by_year({"year", "documents", "paragraphs", "bytes"});
    store::LangYearCount years;
    for (const auto& c : corpus->counts_by_year()) {
      by_year.add({year_text(c.year), std::to_string(c.documents), std::to_string(c.paragraphs),
                   std::to_string(c.bytes)});
      years.documents += c.documents, years.paragraphs += c.paragraphs, years.bytes += c.bytes;
    }
    by_year.add({"all", std::to_string(years.documents), std::to_string(years.paragraphs),
                 std::to_string(years.bytes)});
    if (f == report::Format::json) {  // one JSON document, not two
      fmt::print("{{\"by_lang\": {},\n\"by_year\": {}}}\n", by_lang.render(f), by_year.render(f));
    } else {
      fmt::print("{}\n{}", by_lang.render(f), by_year.render(f));
    }
    return 0;
  };
});

}  // namespace
}  // namespace dipmine::cli

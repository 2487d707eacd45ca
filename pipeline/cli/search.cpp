// dipmine search QUERY: ranked paragraphs with the hit marked in the original.
//
// Right-to-left text is printed in logical order (the bytes as stored): a
// terminal that does bidi lays each line out itself, and pipes get the exact
// original text. On a terminal only, the title inside the LTR header line is
// wrapped in FSI..PDI isolates, so a Persian title cannot pull the numbers
// around it out of place; snippets get their own line, with no marks added.
#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "common/error.h"
#include "store/corpus.h"
#include "store/query.h"
#include "store/ranking.h"
#include "store/search.h"

namespace dipmine::cli {
namespace {

// From this many paragraphs on, search says when ranking went without the
// top-k index (below it, scoring every match takes milliseconds anyway).
constexpr int64_t kLargeIndex = 100000;

struct SearchArgs {
  std::vector<std::string> words;
  int limit = 20;
  int offset = 0;
  bool count = false;
  bool timing = false;
  std::string format = "text";
};

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

// The snippet as one line: hits in bold on a terminal, else in [brackets].
std::string render_snippet(const store::SearchHit& h, bool terminal) {
  std::string s = h.snippet_cut_before ? "…" : "";
  for (const auto& part : h.snippet) {
    if (!part.hit) s += part.text;
    else if (terminal) s += "\x1b[1m" + part.text + "\x1b[22m";
    else s += "[" + part.text + "]";
  }
  if (h.snippet_cut_after) s += "…";
  return one_line(std::move(s));
}

void print_text(const std::vector<store::SearchHit>& hits, int offset, bool terminal) {
  int rank = offset;
  for (const auto& h : hits) {
    const std::string title = terminal ? "\u2068" + one_line(h.title) + "\u2069" : one_line(h.title);
    fmt::print("{}. {} ({}, {}) doc {} paragraph {} score {:.2f}\n   {}\n", ++rank, title,
               year_text(h.year), h.lang.empty() ? "-" : h.lang, h.doc_id, h.ordinal,
               h.score, render_snippet(h, terminal));
  }
}

void print_tsv(const std::vector<store::SearchHit>& hits, int offset) {
  fmt::print("rank\tdoc\tparagraph\ttitle\tyear\tlang\tscore\tsnippet\n");
  int rank = offset;
  for (const auto& h : hits) {
    fmt::print("{}\t{}\t{}\t{}\t{}\t{}\t{:.4f}\t{}\n", ++rank, h.doc_id, h.ordinal,
               one_line(h.title), year_text(h.year), h.lang, h.score, render_snippet(h, false));
  }
}

void print_json(const std::vector<store::SearchHit>& hits, int offset) {
  nlohmann::json out = nlohmann::json::array();
  int rank = offset;
  for (const auto& h : hits) {
    nlohmann::json matched = nlohmann::json::array();
    for (const auto& p : h.snippet) {
      if (p.hit) matched.push_back(p.text);
    }
    out.push_back({{"rank", ++rank},
                   {"doc", h.doc_id},
                   {"paragraph", h.ordinal},  // within the document, as text and TSV
                   {"ordinal", h.ordinal},    // the same (older name, kept)
                   {"paragraph_id", h.paragraph_id},
                   {"title", h.title},
                   {"year", h.year ? nlohmann::json(*h.year) : nlohmann::json()},
                   {"lang", h.lang},
                   {"score", h.score},
                   {"snippet", render_snippet(h, false)},
                   {"matched", matched}});
  }
  fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

CommandRegistration search_cmd(
    "search", "Full-text search: ranked paragraphs with the hit marked",
    [](CLI::App& cmd, GlobalOptions& g) {
      auto a = std::make_shared<SearchArgs>();
      cmd.add_option("QUERY", a->words,
                     "Words (all must occur), \"a phrase\", a OR b, -word, prefix*, "
                     "NEAR(a b, 5), lang:fa, year:2015..2020, doc:ID (see docs/search.md)")
          ->required();
      cmd.add_option("--limit", a->limit, "Hits to show (default 20)")->check(whole_number(1, 100000));
      cmd.add_option("--offset", a->offset, "Skip this many hits first")->check(whole_number(0, 100000000));
      cmd.add_flag("--count", a->count, "Print only the number of matching paragraphs and documents");
      cmd.add_flag("--timing", a->timing, "Print the time the search took (ms) on stderr");
      cmd.add_option("--format", a->format, "text, tsv or json")
          ->check(CLI::IsMember({"text", "tsv", "json"}));
      // A leading '-' (exclusion) must not be taken for an option: `search city -tourism`.
      cmd.allow_extras();
      cmd.fallthrough(false);
      return [a, &g, &cmd] {
        std::string text;
        for (const auto& w : a->words) text += (text.empty() ? "" : " ") + w;
        for (const auto& w : cmd.remaining()) {
          if (w != "--") text += (text.empty() ? "" : " ") + w;  // CLI11 keeps the separator
        }
        const store::Query query = store::parse_query(text);  // usage errors first

        auto corpus = store::Corpus::open(g.db_path(), store::OpenMode::read_only);
        {
          store::Statement any(corpus->db(), "SELECT EXISTS(SELECT 1 FROM paragraphs)");
          any.step();
          if (any.column_int(0) == 0) {
            throw Error(fmt::format("{}: the store has no documents yet (run `dipmine ingest` first)",
                                    g.db_path()));
          }
        }
        if (store::index_is_stale(*corpus)) {
          fmt::print(stderr,
                     "dipmine: the full-text index was built by other normalisers; run `dipmine "
                     "optimize` (it re-tokenises the text; results may miss until then)\n");
        }
        // --timing covers parsing (warm: parsed once above) and searching, not
        // opening the database or starting the process.
        const auto started = std::chrono::steady_clock::now();
        if (a->timing) store::parse_query(text);
        store::RankingStats ranking;
        auto report_time = [&] {
          if (!a->timing) return;
          const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - started;
          fmt::print(stderr, "search took {:.3f} ms\n", ms.count());
          if (ranking.used_topk) {
            fmt::print(stderr,
                       "ranked with the top-k index: {} blocks of {} could match, {} scored by {} queries\n",
                       ranking.candidate_blocks, ranking.blocks, ranking.visited_blocks, ranking.statements);
          } else if (!a->count) {
            fmt::print(stderr, "ranked every match{}\n",
                       ranking.blocks == 0 ? " (no fresh top-k index: run `dipmine optimize`)" : "");
          }
        };
        if (a->count) {
          const store::SearchCount n = store::count_matches(*corpus, query);
          report_time();
          if (a->format == "json") {
            fmt::print("{{\"paragraphs\": {}, \"documents\": {}}}\n", n.paragraphs, n.documents);
          } else if (a->format == "tsv") {
            fmt::print("paragraphs\tdocuments\n{}\t{}\n", n.paragraphs, n.documents);
          } else {
            fmt::print("{} paragraph{} in {} document{}\n", n.paragraphs,
                       n.paragraphs == 1 ? "" : "s", n.documents, n.documents == 1 ? "" : "s");
          }
          return 0;
        }
        store::SearchOptions opt;
        opt.limit = a->limit;
        opt.offset = a->offset;
        const auto hits = store::search(*corpus, query, opt, &ranking);
        report_time();
        if (ranking.blocks == 0 && store::index_totals(corpus->db()).rows >= kLargeIndex) {
          fmt::print(stderr,
                     "dipmine: note: the top-k index is missing or older than the last change to the "
                     "store, so every match was scored; `dipmine optimize` makes ranking fast again\n");
        }
        if (a->format == "json") print_json(hits, a->offset);
        else if (a->format == "tsv") print_tsv(hits, a->offset);
        else print_text(hits, a->offset, is_terminal(1));
        if (hits.empty() && a->format == "text") fmt::print(stderr, "dipmine: no matching paragraphs\n");
        return 0;
      };
    });

}  // namespace
}  // namespace dipmine::cli

// The parallel-stage work of ingest, one slot per capability. Each slot is built
// once per ingest and returns a function that fills a DocumentRecord in place;
// the functions must be safe to call from several threads at once.
#include "cli/enrich.h"

#include <fmt/format.h>

#include <memory>
#include <vector>

#include "analysis/mentions.h"
#include "common/error.h"
#include "lexicon/lexicon.h"
#include "lexicon/matcher.h"

#include "store/fts_tokenizer.h"
#include "store/search.h"

namespace dipmine::cli {
namespace {

using Enricher = std::function<void(store::DocumentRecord&)>;

// Lexicon mentions (ParagraphRecord::mentions) from the lexicon in use
// ($DIPMINE_LEXICONS, ./lexicons or the shipped one). A broken lexicon stops the
// ingest before anything is read, with the messages of `dipmine lexicon check`;
// a good one also becomes the store's concepts table.
Enricher lexicon_slot(store::Corpus& corpus) {
  const std::string dir = lexicon::resolve_lexicon_dir("");
  lexicon::LexiconCheck check = lexicon::check_lexicon(dir);
  if (!check.ok()) {
    for (const auto& issue : check.issues) fmt::print(stderr, "dipmine: {}\n", issue.text());
    throw Error(fmt::format("{}: the lexicon has {} error{}; nothing ingested", dir,
                            check.errors(), check.errors() == 1 ? "" : "s"));
  }
  auto matcher = std::make_shared<const lexicon::Matcher>(std::move(check.lexicon));
  store::Transaction tx(corpus.db());
  analysis::sync_concepts(corpus, matcher->lexicon());
  tx.commit();
  return [matcher](store::DocumentRecord& doc) {
    for (store::ParagraphRecord& p : doc.paragraphs) {
      p.mentions = analysis::paragraph_mentions(*matcher, p.text, p.lang);
    }
  };
}

// Full-text index terms (ParagraphRecord::terms): normalising and segmenting
// here, in parallel, leaves the writer's FTS5 tokenizer only handing them over.
// A stale index (normalisers changed since it was built) is rebuilt first so
// that every row in it has this build's tokens.
Enricher index_slot(store::Corpus& corpus) {
  if (store::refresh_stale_index(corpus)) {
    fmt::print(stderr, "dipmine: rebuilt the full-text index (the normalisers have changed)\n");
  }
  return [](store::DocumentRecord& doc) {
    for (store::ParagraphRecord& p : doc.paragraphs) p.terms = store::paragraph_terms(p.text);
  };
}

}  // namespace

std::function<void(store::DocumentRecord&)> make_enricher(store::Corpus& corpus) {
  std::vector<Enricher> steps;
  for (Enricher e : {lexicon_slot(corpus), index_slot(corpus)}) {
    if (e) steps.push_back(std::move(e));
  }
  if (steps.empty()) return {};
  return [steps](store::DocumentRecord& doc) {
    for (const auto& step : steps) step(doc);
  };
}

}  // namespace dipmine::cli

// The parallel-stage work of ingest: built once per ingest, a function that
// fills a DocumentRecord in place, safe to call from several threads at once.
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

// The lexicon in use (--lexicons, $DIPMINE_LEXICONS, ./lexicons, beside the
// program or the shipped one),
// compiled. A broken lexicon stops the ingest before anything is read, with
// the messages of `dipmine lexicon check`; a good one also becomes the store's
// concepts table.
std::shared_ptr<const lexicon::Matcher> load_matcher(store::Corpus& corpus, const std::string& flag) {
  const std::string dir = lexicon::resolve_lexicon_dir(flag);
  lexicon::LexiconCheck check = lexicon::check_lexicon(dir);
  if (!check.ok()) {
    // One line: the first error, and where to see them all.
    std::string first;
    for (const auto& issue : check.issues) {
      if (!issue.warning && first.empty()) first = issue.text();
    }
    throw Error(fmt::format("{} (the lexicon has {} error{}; `dipmine lexicon check` lists "
                            "them); nothing ingested",
                            first, check.errors(), check.errors() == 1 ? "" : "s"));
  }
  auto matcher = std::make_shared<const lexicon::Matcher>(std::move(check.lexicon));
  store::Transaction tx(corpus.db());
  analysis::sync_concepts(corpus, matcher->lexicon());
  tx.commit();
  return matcher;
}

}  // namespace

std::function<void(store::DocumentRecord&)> make_enricher(store::Corpus& corpus,
                                                          const std::string& lexicons) {
  auto matcher = load_matcher(corpus, lexicons);
  // A stale index (normalisers changed since it was built) is rebuilt first so
  // that every row in it has this build's tokens.
  if (store::refresh_stale_index(corpus)) {
    fmt::print(stderr, "dipmine: rebuilt the full-text index (the normalisers have changed)\n");
  }
  // Per paragraph: lexicon mentions (ParagraphRecord::mentions) and full-text
  // index terms (ParagraphRecord::terms), here in parallel, so that the
  // writer's FTS5 tokenizer only hands them over. The paragraph is folded once
  // for both (fold_for_prefix for matching; the index finishes it into fold).
  return [matcher](store::DocumentRecord& doc) {
    for (store::ParagraphRecord& p : doc.paragraphs) {
      text::MappedText folded = text::normalizer_for(p.lang).fold_for_prefix(p.text);
      p.mentions = analysis::paragraph_mentions(*matcher, p.text, p.lang, folded);
      p.terms = store::paragraph_terms(p.text, p.lang, std::move(folded), p.detected);
    }
  };
}

}  // namespace dipmine::cli

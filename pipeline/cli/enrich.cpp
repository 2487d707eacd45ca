// The parallel-stage work of ingest, one slot per capability. Each slot is built
// once per ingest and returns a function that fills a DocumentRecord in place;
// the functions must be safe to call from several threads at once.
#include "cli/enrich.h"

#include <vector>

namespace dipmine::cli {
namespace {

using Enricher = std::function<void(store::DocumentRecord&)>;

// Lexicon mentions (ParagraphRecord::mentions). Empty until the lexicon lands.
Enricher lexicon_slot(store::Corpus&) { return {}; }

// Full-text index terms (ParagraphRecord::terms). Empty until search lands.
Enricher index_slot(store::Corpus&) { return {}; }

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

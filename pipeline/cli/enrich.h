// The work the parallel stage of ingest does on each document beyond reading:
// normalising, finding lexicon mentions, computing index terms. Built once per
// ingest from the store (which lexicon, which index) and shared by all threads.
#pragma once
#include <functional>

#include "store/corpus.h"
#include "store/document.h"

namespace dipmine::cli {

// `lexicons`: the --lexicons folder, or "" (lexicon::resolve_lexicon_dir).
std::function<void(store::DocumentRecord&)> make_enricher(store::Corpus& corpus,
                                                          const std::string& lexicons = "");

}  // namespace dipmine::cli

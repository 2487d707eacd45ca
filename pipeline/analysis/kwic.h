// Keyword in context: every occurrence of a concept (its stored mentions) or of
// a word (matched like a one-form lexicon: folded, word boundaries) shown with
// `width` display columns of original text on each side.
//
//   auto lines = kwic(corpus, "sister_city", {.width = 30});
//   std::cout << render_kwic(lines, 30);
//
// Context is cut at character boundaries, newlines and tabs become spaces.
// Rendering pads the left context so keywords line up; a right-to-left line
// (fa) is wrapped in a right-to-left isolate (U+2067 .. U+2069) so a bidi
// terminal shows it as one readable RTL run, keyword centred the same way.
// Errors: an empty word throws dipmine::UsageError; store errors dipmine::Error.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/corpus.h"
#include "text/lang.h"

namespace dipmine::analysis {

struct KwicOptions {
  int width = 30;
  std::optional<text::Lang> lang;
};

struct KwicLine {
  int64_t doc_id = 0;
  int64_t paragraph = 0;
  std::string lang;
  std::string left, keyword, right;
};

// `query` is a concept id of the concepts table, otherwise a word or phrase.
std::vector<KwicLine> kwic(store::Corpus& corpus, const std::string& query,
                           const KwicOptions& options);

// `isolates`: a Persian line is wrapped in bidi isolates (RLI ... PDI, the
// keyword in FSI ... PDI), so that a terminal lays it out right to left with
// the keyword in its column; written to a file or a pipe, the isolates would
// be invisible characters in the text, so the caller leaves them out there.
std::string render_kwic(const std::vector<KwicLine>& lines, int width, bool isolates = true);

}  // namespace dipmine::analysis

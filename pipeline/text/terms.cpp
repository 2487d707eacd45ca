// Index terms: the bridge between normalisation and the full-text index.
#include "text/normalizer.h"
#include "text/segmenter.h"

namespace dipmine::text {

std::vector<Term> index_terms(std::string_view original, Lang lang) {
  const MappedText folded = normalizer_for(lang).fold(original);
  std::vector<Term> out;
  for (const Span& w : words(folded.text, lang)) {
    const auto [b, e] = folded.original_span(w.begin, w.end);
    out.push_back({folded.text.substr(w.begin, w.end - w.begin), b, e, false});
  }
  return out;
}

}  // namespace dipmine::text

// Internal to the bib module: one reader per format, each feeding a Sink.
#pragma once
#include <string_view>

#include "bib/entry.h"

namespace dipmine::bib::detail {

void read_ris(std::string_view text, Sink& sink);
void read_bibtex(std::string_view text, Sink& sink);
void read_csl_json(std::string_view text, Sink& sink);
void read_wos(std::string_view text, Sink& sink);
void read_medline(std::string_view text, Sink& sink);
void read_openalex_json(std::string_view text, Sink& sink);
// The table formats (Scopus, PubMed, OpenAlex, Lens CSV; WoS tab-delimited):
// which one is sink.format.
void read_table(std::string_view text, Sink& sink);

// LaTeX accents, escapes and font commands turned into Unicode (NFC); braces
// that only protect case are removed. `{\"u}` -> ü, `\&` -> &, `--` -> –.
std::string latex_to_unicode(std::string_view s);

}  // namespace dipmine::bib::detail

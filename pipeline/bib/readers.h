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
// The tag of a MEDLINE field line ("PMID", "TI", "FAU": up to four capitals
// padded to four, then '-') with its value in `value`; "" for any other line.
std::string_view medline_tag(std::string_view line, std::string_view& value);
void read_openalex_json(std::string_view text, Sink& sink);
// Zotero / Better BibTeX JSON: {"items": [...]} (or an array) of Zotero items.
void read_zotero_json(std::string_view text, Sink& sink);
// EndNote tagged text: `%0 Type` opens a record, `%T title`, `%A author`, ...
void read_endnote(std::string_view text, Sink& sink);
// EndNote XML: <xml><records><record>... (values in <style> pieces).
void read_endnote_xml(std::string_view text, Sink& sink);
// PubMed XML: <PubmedArticleSet> of <PubmedArticle> and <PubmedBookArticle>.
void read_pubmed_xml(std::string_view text, Sink& sink);
// ProQuest plain text: `Document N of M` sections of `Label: value` lines.
void read_proquest(std::string_view text, Sink& sink);
// The table formats (Scopus, PubMed, OpenAlex, Lens CSV, WoS tab-delimited,
// and any other CSV with a title column: csv_table):
// which one is sink.format.
void read_table(std::string_view text, Sink& sink);

// LaTeX accents, escapes and font commands turned into Unicode (NFC); braces
// that only protect case are removed. `{\"u}` -> ü, `\&` -> &, `--` -> –.
std::string latex_to_unicode(std::string_view s);

}  // namespace dipmine::bib::detail

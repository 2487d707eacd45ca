// Bibliographic exports (RIS, BibTeX/BibLaTeX, CSL-JSON, Zotero / Better
// BibTeX JSON, EndNote tagged and XML, Scopus CSV, Web of Science plain text
// and tab-delimited, PubMed/MEDLINE, PubMed CSV, OpenAlex CSV and JSON, Lens
// CSV, other CSVs of records) read into store records: one DocumentRecord per
// entry.
//
//   if (auto fmt = bib::detect_format(path, text)) {
//     bib::ExportRead r = bib::read_export(path, text, *fmt);
//     for (auto& rec : r.records) ...;   // r.messages: "file.ris:40: ...; skipped"
//   }
//
// In: the decoded UTF-8 text of a file (a leading BOM is ignored) and its path.
// Out: for each good entry a DocumentRecord with
//   - paragraphs: the title, then the abstract (cut at blank lines), then
//     the body text an item holds (a JSON item's paragraphs, a CSV's Body
//     column, ProQuest's Full text); inner
//     whitespace collapsed so that every format gives the same text; each
//     paragraph's language from text::detect_lang;
//   - keywords: author keywords (RIS KW, BibTeX keywords, CSL keyword, Zotero
//     tags, EndNote %K, Scopus Author Keywords, WoS DE) as kind "author",
//     index keywords (Scopus Index Keywords, WoS ID, Zoological Record's
//     descriptors) as kind "index"; key = keyword_key(keyword), lang =
//     detected (the record's language when the keyword has no letters);
//   - title, authors ("Family, Given; ..." in every format: BibTeX, Lens and
//     OpenAlex "Given Family" names are turned round), year, venue, doi (see
//     clean_doi), source (the URL), lang (language with most paragraph
//     text), format (format_name);
//   - path "<file>#<n>" (n = 1-based entry ordinal in the file) and name (the
//     entry's own id: BibTeX key, RIS ID, CSL id, Scopus EID, WoS UT; else the
//     path). sha256 and bytes are left for ingest (see identity_text).
// A field of a JSON item or a column of a generic CSV (and a ProQuest label
// not known) that held a value but is not read is named once for the file:
// "PATH: note: fields not read: cat (295 records), subcat (118 records)".
// Bad entries (unterminated brace, RIS record without ER, CSV row with fewer
// fields than the header, no title) are skipped with one message
// "PATH:LINE: what; skipped" each, and the file's messages end with
// "PATH: S of E records skipped: N × reason; ..."; the other entries are
// kept. A year that is no plausible year (`6`, `0004-03`, a BC date) is
// dropped with a warning and the record kept; so is an undefined BibTeX
// @string macro (its name stands as the text, one warning per macro). A file
// whose structure cannot be read at all (invalid JSON, a CSV without a title
// column) gives an empty record list and one message. Never throws for any
// input. Pure functions: safe from any thread.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/document.h"

namespace dipmine::bib {

enum class Format {
  ris, bibtex, csl_json, scopus_csv, wos, wos_tab, medline, pubmed_csv, openalex_csv,
  openalex_json, lens_csv, zotero_json, endnote, csv_table, endnote_xml, proquest, pubmed_xml
};

// "ris", "bibtex", "csl-json", "scopus-csv", "wos", "wos-tab", "medline",
// "pubmed-csv", "openalex-csv", "openalex-json", "lens-csv", "zotero-json"
// (Zotero and Better BibTeX JSON), "endnote" (EndNote tagged text, .enw),
// "csv-table" (any other CSV with a title column and known bibliographic
// columns), "endnote-xml", "proquest" (ProQuest plain text), "pubmed-xml"
// (also DocumentRecord::format).
std::string_view format_name(Format f);
// What a reader calls the format ("RIS", "Scopus CSV", "EndNote XML"), as
// messages name it.
std::string_view format_title(Format f);
// True for the names above: documents that are export records.
bool is_format_name(std::string_view name);
// Every format, in enum order.
const std::vector<Format>& all_formats();

// The export format of a file, judged by its content (RIS `TY  - ` in the
// first lines, BibTeX `@type{`, WoS `FN`/`VR`/`PT` tags or a tab-delimited
// header of tags, MEDLINE `PMID- `, EndNote `%0 ` or `<xml><records>`, the
// header row of a Scopus, PubMed, OpenAlex or Lens CSV or of any CSV with a
// title and a known bibliographic column, JSON of Zotero items, CSL items or
// OpenAlex works); the extension (.ris .bib .ciw .json .enw) only decides
// content that says nothing (empty, or JSON without those keys). nullopt for an ordinary text file, and for an
// export we do not read (see unsupported_export).
std::optional<Format> detect_format(std::string_view path, std::string_view text);

// When the content of a file for which detect_format gave nullopt looks like
// a bibliographic export nonetheless, what it looks like ("IEEE Xplore CSV",
// "EndNote XML", "a CSV with a title column", ...); "" for ordinary text.
// Ingest fails such a file with a clear line instead of storing a junk text.
std::string unsupported_export(std::string_view path, std::string_view text);

struct ExportRead {
  std::vector<store::DocumentRecord> records;
  std::vector<std::string> messages;  // one per skipped entry or unreadable file
  size_t entries = 0;                 // entries seen: records.size() + skipped
  size_t skipped = 0;
};

ExportRead read_export(const std::string& path, std::string_view text, Format format);
// The same, handing each good record to `emit` as soon as it is read (in file
// order) instead of keeping it in ExportRead::records, which stays empty.
using RecordCallback = std::function<void(store::DocumentRecord&&)>;
ExportRead read_export(const std::string& path, std::string_view text, Format format,
                       const RecordCallback& emit);

// The text whose SHA-256 identifies a record: title, abstract, authors, year
// and DOI. The same paper exported twice has the same identity.
std::string identity_text(const store::DocumentRecord& rec);

// The folded key of a keyword: hyphens made spaces, trimmed, whitespace runs
// collapsed, folded with text::normalizer_for(detect_lang(keyword)); what
// keywords.key stores (and what map --nodes keywords and a thesaurus join by).
std::string keyword_key(std::string_view keyword);

// A DOI without its resolver prefix or label, in any case (https://doi.org/,
// http://dx.doi.org/, http://doi.acm.org/, doi:), %-escapes decoded and
// MEDLINE's " [doi]" cut; short DOIs ("10/abc") likewise. A value that is no
// DOI after that (a landing-page URL) is kept as written. The comparison key
// is this lower-cased (DOIs are case-insensitive).
std::string clean_doi(std::string_view doi);

// Whether two titles may name the same paper (two records sharing a DOI are
// merged only then): equal after folding and dropping punctuation, one the
// other without its subtitle ("Make It Stand" / "Make It Stand: Balancing
// ..."; also when cut inside a word), at least 80% of the distinct words
// shared (code-point bigrams for scripts written without spaces), or 80% of
// the letter trigrams (a formula or abbreviation written otherwise: "In[Sub
// x]Ga[Sub 1-x]N" / "InxGa1-xN"). An empty title agrees with any.
bool titles_agree(std::string_view a, std::string_view b);

}  // namespace dipmine::bib

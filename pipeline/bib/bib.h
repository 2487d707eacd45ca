// Bibliographic exports (RIS, BibTeX/BibLaTeX, CSL-JSON, Scopus CSV, Web of
// Science plain text) read into store records: one DocumentRecord per entry.
//
//   if (auto fmt = bib::detect_format(path, text)) {
//     bib::ExportRead r = bib::read_export(path, text, *fmt);
//     for (auto& rec : r.records) ...;   // r.messages: "file.ris:40: ...; skipped"
//   }
//
// In: the decoded UTF-8 text of a file (a leading BOM is ignored) and its path.
// Out: for each good entry a DocumentRecord with
//   - paragraphs: the title, then the abstract (cut at blank lines); inner
//     whitespace collapsed so that every format gives the same text; each
//     paragraph's language from text::detect_lang;
//   - keywords: author keywords (RIS KW, BibTeX keywords, CSL keyword, Scopus
//     Author Keywords, WoS DE) as kind "author", index keywords (Scopus Index
//     Keywords, WoS ID) as kind "index"; key = keyword_key(keyword), lang =
//     detected (the record's language when the keyword has no letters);
//   - title, authors ("Family, Given; ..."), year, venue, doi (without any
//     https://doi.org/ prefix), source (the URL), lang (language with most
//     paragraph text), format ("ris", "bibtex", "csl-json", "scopus-csv", "wos");
//   - path "<file>#<n>" (n = 1-based entry ordinal in the file) and name (the
//     entry's own id: BibTeX key, RIS ID, CSL id, Scopus EID, WoS UT; else the
//     path). sha256 and bytes are left for ingest (see identity_text).
// Bad entries (unterminated brace, RIS record without ER, CSV row with the
// wrong number of fields, an invalid year, no title) are skipped with one
// message "PATH:LINE: what; skipped" each; the other entries are kept. A file
// whose structure cannot be read at all (invalid JSON, a CSV without the
// Scopus header) gives an empty record list and one message. Never throws for
// any input. Pure functions: safe from any thread.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/document.h"

namespace dipmine::bib {

enum class Format { ris, bibtex, csl_json, scopus_csv, wos };

// "ris", "bibtex", "csl-json", "scopus-csv", "wos" (also DocumentRecord::format).
std::string_view format_name(Format f);

// The export format of a file, judged by its content first (RIS `TY  - `,
// BibTeX `@type{`, a JSON array of CSL items, the Scopus CSV header, WoS `FN`/
// `PT` tags) and by its extension (.ris .bib .json .csv .txt) for ambiguous
// content; nullopt for an ordinary text file.
std::optional<Format> detect_format(std::string_view path, std::string_view text);

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

// The folded key of a keyword: trimmed, whitespace runs collapsed, folded with
// text::normalizer_for(detect_lang(keyword)); what keywords.key stores.
std::string keyword_key(std::string_view keyword);

// A DOI without its resolver prefix (https://doi.org/, doi:), trimmed; the
// comparison key is this lower-cased (DOIs are case-insensitive).
std::string clean_doi(std::string_view doi);

}  // namespace dipmine::bib

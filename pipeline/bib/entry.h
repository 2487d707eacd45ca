// Internal to the bib module: the fields every reader fills, and the one
// function that turns them into a store record, so that all five formats give
// the same record for the same paper.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bib/bib.h"
#include "text/lang.h"

namespace dipmine::bib::detail {

struct Entry {
  size_t line = 0;  // first line of the entry in the file (1-based)
  std::string id;   // the entry's own id (BibTeX key, RIS ID, EID, UT)
  std::string title, abstract, venue, doi, url, language;
  std::vector<std::string> authors;
  std::string year;  // as written; checked by finish_entry
  std::vector<std::string> author_keywords, index_keywords;
  // The document's own text after the abstract (a JSON item's `paragraphs`
  // or `body`, a CSV's Body column): each string is cut into paragraphs at
  // blank lines, or at every line end when it has no blank line.
  std::vector<std::string> body;
};

// Collects the records and messages of one file.
struct Sink {
  const std::string& path;
  Format format;
  ExportRead out{};
  size_t ordinal = 0;  // entries seen
  const RecordCallback* emit = nullptr;  // set: records go there, not to out

  // Checks and converts one entry: adds a record or a "PATH:LINE: ...;
  // skipped" message. A year that is no plausible year is dropped with a
  // warning; the record is kept.
  void add(Entry&& e);
  // An entry that could not even be parsed. `reason` is the kind of fault
  // counted in the file's summary (default: `what`).
  void skip(size_t line, std::string_view what, std::string_view reason = {});
  // A problem that is not an entry (outside any record, whole file).
  void note(size_t line, std::string_view what);
  // After the last entry: "PATH: S of E records skipped: N × reason; ..."
  // when any were skipped (so a long list of lines still ends in a count).
  void summarise();
  // A field (JSON key, CSV column) that held a value in one more record but
  // that no reader takes: summarise() names each once, with its count.
  void unread(std::string_view field);
  std::vector<std::pair<std::string, size_t>> unread_fields{};
  std::map<std::string, size_t> skip_reasons{};
  size_t solar_hijri = 0;  // records whose year was read as Solar Hijri
  // keyword_key() and the detected language of a squeezed keyword,
  // remembered: the same keywords recur across the records of an export, and
  // folding one costs thousands of instructions. Bounded (cleared when full).
  const std::pair<std::string, text::Lang>& keyword_key_and_lang(const std::string& keyword);
  std::unordered_map<std::string, std::pair<std::string, text::Lang>> keyword_keys{};
};

// Lines of an export: ends at "\n", "\r\n" or a lone "\r" (old Mac and
// IEEE Xplore exports), each without its line end; number() counts them all.
class ExportLines {
 public:
  explicit ExportLines(std::string_view text) : text_(text) {}
  bool next(std::string_view& line);
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

// Trims; collapses every run of whitespace (including newlines) to one space.
std::string squeeze(std::string_view s);
std::string_view trim(std::string_view s);
// Splits on any of `seps` (trimmed parts, empty parts dropped).
std::vector<std::string> split_list(std::string_view s, std::string_view seps);
// Splits keywords: on ';' when the text has one, else on ','.
std::vector<std::string> split_keywords(std::string_view s);
// "Given Family" -> "Family, Given", as BibTeX reads names: the last word is
// the family name, with the lower-case words (von part: "van der", also
// braced "{van der}") just before it; a name with a comma, one word, a
// braced corporate name or a name in a script without case (CJK) is kept.
// Braces are kept for latex_to_unicode.
std::string family_given(std::string_view name);
// The year in a date such as "2020", "2020/05/01/", "2020-05", "۱۳۹۹";
// nullopt when there is no plausible year (1000..2999).
std::optional<int> parse_year(std::string_view s);

}  // namespace dipmine::bib::detail

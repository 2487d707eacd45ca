// Fuzz target: every bibliographic export reader (bib/bib.h): RIS, BibTeX,
// CSL-JSON, Scopus CSV, WoS plain text and tab-delimited, MEDLINE, PubMed CSV,
// OpenAlex CSV and JSON, Lens CSV, Zotero JSON, EndNote tagged and XML, other
// CSVs, ProQuest, PubMed XML; and format detection. Input: the first byte
// picks the reader ((byte - '0') modulo the number of formats + 1: 0-10 the
// first eleven of all_formats(), 11 the format detect_format finds, 12 and up
// the ones after them), the rest is the file's text. The seeds start with
// '0' + that number, which a new format does not change.
// Checks (bib.h's contract): nothing throws; entries == records + skipped, so
// no record is lost without a count; a skip leaves a message; every record
// has a title and a path "fuzz#N" with N <= entries, in file order; with
// valid UTF-8 in, the record's text is valid UTF-8; a year is a plausible one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bib/bib.h"
#include "fuzz_check.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dipmine::bib;
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string path = "fuzz";
  const std::optional<Format> detected = detect_format(path, text);
  if (!detected) (void)unsupported_export(path, text);
  const size_t pick = static_cast<uint8_t>(data[0] - '0') % (all_formats().size() + 1);
  if (pick == 11 && !detected) return 0;
  const Format format = pick == 11 ? *detected : all_formats().at(pick < 11 ? pick : pick - 1);

  const ExportRead r = read_export(path, text, format);
  FUZZ_CHECK(r.entries == r.records.size() + r.skipped, "entries != records + skipped");
  FUZZ_CHECK(r.skipped == 0 || !r.messages.empty(), "entries skipped without a message");
  const bool utf8_in = dipmine::text::is_valid_utf8(text);
  size_t last_ordinal = 0;
  for (const auto& rec : r.records) {
    FUZZ_CHECK(!rec.title.empty(), "a record without a title");
    FUZZ_CHECK(rec.path.rfind("fuzz#", 0) == 0, "a record path not \"fuzz#N\"");
    const size_t ordinal = std::stoul(rec.path.substr(5));
    FUZZ_CHECK(ordinal > last_ordinal && ordinal <= r.entries,
               "record ordinals out of order or past the entries seen");
    last_ordinal = ordinal;
    FUZZ_CHECK(rec.format == format_name(format), "a record of another format");
    if (rec.year) FUZZ_CHECK(*rec.year >= 1000 && *rec.year <= 2999, "an implausible year kept");
    if (utf8_in) {
      FUZZ_CHECK(dipmine::text::is_valid_utf8(rec.title), "a title that is not valid UTF-8");
      FUZZ_CHECK(dipmine::text::is_valid_utf8(rec.authors), "authors that are not valid UTF-8");
      for (const auto& p : rec.paragraphs) {
        FUZZ_CHECK(dipmine::text::is_valid_utf8(p.text), "a paragraph that is not valid UTF-8");
      }
    }
  }
  return 0;
}

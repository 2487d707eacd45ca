// Fuzz target: web pages and office documents (ingest/reader.h decode_html,
// html_reader.h, office_reader.h): charset choice, libxml2's HTML parser and
// the text walk; the ZIP package and XML parts of .docx/.odt.
// and JATS articles (jats_reader.h); every input also as a page saved as one
// file (mhtml.h), whose decoded page is never longer than the file.
// Input: a page's bytes, (starting with "PK") an office file's bytes, or
// (starting with "<article" or "<!DOCTYPE article") a JATS article's.
// Checks: a result is either an error naming the file or a format; the text
// and title are valid UTF-8; the title is one line; a page's text holds no
// NUL byte and no markup delimiters a reader never sees at a paragraph's
// start ("<p>" or "<div").
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/jats_reader.h"
#include "ingest/mhtml.h"
#include "ingest/office_reader.h"
#include "ingest/reader.h"
#include "text/utf8.h"

using namespace dipmine::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const MhtmlPage page = mhtml_page(bytes);
  FUZZ_CHECK(!page.error.empty() || page.html.size() <= bytes.size(), "an MHTML page longer than its file");
  if ((bytes.rfind("<article", 0) == 0 || bytes.rfind("<!DOCTYPE article", 0) == 0) &&
      dipmine::text::is_valid_utf8(bytes)) {
    const DecodedFile j = read_jats("fuzz.nxml", bytes);
    if (!j.error.empty()) {
      FUZZ_CHECK(j.error.rfind("fuzz.nxml: ", 0) == 0, "an error that does not name the file");
      return 0;
    }
    FUZZ_CHECK(j.format == "jats", "no format");
    FUZZ_CHECK(dipmine::text::is_valid_utf8(j.text), "text is not valid UTF-8");
    FUZZ_CHECK(j.title.find('\n') == std::string::npos, "a title of more than one line");
    return 0;
  }
  const bool office = bytes.rfind("PK", 0) == 0;
  const DecodedFile f = office ? read_office("fuzz.docx", bytes) : decode_html("fuzz.html", bytes, ReadOptions{});
  if (!f.error.empty()) {
    FUZZ_CHECK(f.error.rfind(office ? "fuzz.docx: " : "fuzz.html: ", 0) == 0, "an error that does not name the file");
    return 0;
  }
  FUZZ_CHECK(f.format == (office ? "docx" : "html") || (office && f.format == "odt"), "no format");
  FUZZ_CHECK(dipmine::text::is_valid_utf8(f.text), "text is not valid UTF-8");
  FUZZ_CHECK(dipmine::text::is_valid_utf8(f.title), "title is not valid UTF-8");
  if (!office) {
    FUZZ_CHECK(f.title.find('\n') == std::string::npos, "a title of more than one line");
    FUZZ_CHECK(f.text.find('\0') == std::string::npos, "a NUL byte in a page's text");
  }
  return 0;
}

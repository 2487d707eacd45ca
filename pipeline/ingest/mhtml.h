// A web page saved as one file (MHTML, RFC 2557): what Chrome and Edge save
// as "Webpage, Single File" (.mhtml) and Internet Explorer and Word as .mht.
//
//   MhtmlPage page = mhtml_page(bytes);
//   if (!page.error.empty()) ...                 // "no boundary in its Content-Type", ...
//   DecodedFile f = decode_html(path, page.html, options_with(page.charset));
//
// The file is a MIME message: headers, then parts apart by a boundary line,
// each with its own headers (Content-Type, Content-Transfer-Encoding,
// Content-Location) and body. The page is its first text/html part (the
// top part a browser saved; a message of one text/html part is that part),
// its body decoded from quoted-printable or base64. The other parts are the
// page's images, style sheets and fonts, and its frames (text/html parts
// after the first, which hold ads and embeds as often as text): counted in
// `frames`, not read. A file cut short (no closing boundary) gives what it
// holds, and says so in `cut_short`. Pure function, safe from any thread.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace dipmine::ingest {

struct MhtmlPage {
  std::string html;      // the page's markup, transfer encoding undone
  std::string charset;   // its Content-Type's charset parameter, or ""
  std::string location;  // its Content-Location (the page's address), or ""
  size_t frames = 0;     // text/html parts after the page's, not read
  bool cut_short = false;
  std::string error;     // non-empty: why no page could be taken
};

MhtmlPage mhtml_page(std::string_view bytes);

}  // namespace dipmine::ingest

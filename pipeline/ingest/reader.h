// Reading a file into UTF-8 text: the first stage of ingest.
//
//   DecodedFile f = read_document_file("paper.pdf", {});
//   if (!f.error.empty()) report(f.error);      // "paper.pdf: PDF is encrypted"
//   else use(f.text, f.charset, f.format);
//
// Plain text (.txt, .md and anything not recognised as another format) is
// UTF-16 or UTF-32 when it starts with their BOM or has their NUL pattern
// (ingest/text_decode.h), UTF-8 when it validates as UTF-8 (a BOM is removed);
// otherwise its charset is detected with ICU (Windows-1256 for Arabic-script
// verdicts, Shift_JIS, EUC-JP, ...) unless ReadOptions::encoding names one.
// PDF goes through poppler (pdf_reader.h). A web page (formats.h says which
// files are one) is decoded like text, but a BOM, then its <meta> charset
// come first (a page that declares a legacy charset but is valid UTF-8 was
// saved re-encoded: read as UTF-8, with a note); then html_reader.h takes
// the text a reader sees. Word and OpenDocument files go to office_reader.h,
// JATS articles (.nxml) to jats_reader.h (decoded like text first).
// Bad input is an error, never a crash:
// unreadable path, symlink loop, FIFO or device (unless allow_special), empty
// or white-space-only file, binary data (judged from the first 64 KB), a NUL
// byte in text, text no charset explains, a line longer than max_line_bytes,
// an encrypted or broken PDF, Word or OpenDocument file, an old binary .doc.
// Pure function of the file: safe from any thread.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::ingest {

struct ReadOptions {
  std::string encoding;                       // "" = detect
  uint64_t max_line_bytes = 8u << 20;         // longer lines are refused
  bool allow_special = false;                 // read FIFOs and devices too...
  uint64_t special_cap = 256u << 20;          // ...up to this many bytes
  bool ocr = true;                            // PDF pages without a usable text layer: OCR (pdf_reader.h)
  bool keep_page_furniture = false;           // web pages: keep menus, banners, footers (html_reader.h)
};

struct DecodedFile {
  std::string text;     // UTF-8
  std::string charset;  // "UTF-8", "windows-1256", "Shift_JIS", "pdf", "docx", "odt", ...
  std::string format;   // "text", "markdown", "pdf", "html", "docx", "odt"
  std::string title;    // the document's own title (HTML <title>, Word title), or ""
  std::string error;    // non-empty: "<path>: <what went wrong>"
  std::vector<std::string> notes;  // "<path>: ..." what was left out (PDF, HTML)
  std::string sha256;   // of `text`, when read_document_file computed it
  // Metadata the document itself gives (JATS articles): the store record's
  // year, DOI, authors ("Family, Given; ..."), venue and keywords (author:
  // `keywords`, index: `index_keywords`). A manifest row overrides them.
  std::optional<int> year;
  std::string doi, authors, venue;
  std::vector<std::string> keywords, index_keywords;
};

// "" when `path` can be read as a document: a regular file (or a FIFO or a
// device with allow_special); else why not ("is a directory", "is a FIFO ...").
// Opens nothing (opening a FIFO would wait for a writer).
std::string check_openable(const std::string& path, const ReadOptions& options);

DecodedFile read_document_file(const std::string& path, const ReadOptions& options);

// The format of a plain-text file by its name: "markdown" for .md, else "text"
// (for any file: formats.h).
std::string text_format(const std::string& path);

// Decodes the bytes of a text file (BOM, NUL pattern, UTF-8, detection).
DecodedFile decode_text(const std::string& path, std::string bytes, const ReadOptions& options);

// Decodes a web page (BOM, --encoding, its <meta> charset, then as text) and
// reads its text (html_reader.h).
DecodedFile decode_html(const std::string& path, std::string bytes, const ReadOptions& options);

// The legacy charset ICU finds for `bytes` that also decodes them, or "";
// with `decoded`, the text in UTF-8; with `confidence`, ICU's (0-100). When
// ICU picks a Latin single-byte charset (ISO-8859-1, windows-1252, ...) for
// bytes that come in high-byte pairs, as GBK, Big5, Shift_JIS and EUC-KR
// text does, those charsets are tried too and the one whose text is most
// plausible CJK wins (charset_guess.cpp).
std::string detect_legacy_charset(std::string_view bytes, std::string* decoded = nullptr,
                                  int* confidence = nullptr);

}  // namespace dipmine::ingest

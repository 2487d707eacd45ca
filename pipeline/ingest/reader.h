// Reading a file into UTF-8 text: the first stage of ingest.
//
//   DecodedFile f = read_document_file("paper.pdf", {});
//   if (!f.error.empty()) report(f.error);      // "paper.pdf: PDF is encrypted"
//   else use(f.text, f.charset, f.format);
//
// Plain text (.txt, .md and anything not recognised as another format) is UTF-8
// when it validates as UTF-8 (a BOM is removed); otherwise its charset is
// detected with ICU (Windows-1256 for Arabic-script verdicts, Shift_JIS, EUC-JP,
// ...) unless ReadOptions::encoding names one. PDF goes through poppler (pdf_reader.h).
// Bad input is an error, never a crash: unreadable path, empty file, binary
// data, text no charset explains, a line longer than max_line_bytes, an
// encrypted or broken PDF. Pure function of the file: safe from any thread.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace dipmine::ingest {

struct ReadOptions {
  std::string encoding;                       // "" = detect
  uint64_t max_line_bytes = 8u << 20;         // longer lines are refused
};

struct DecodedFile {
  std::string text;     // UTF-8
  std::string charset;  // "UTF-8", "windows-1256", "Shift_JIS", "pdf", ...
  std::string format;   // "text", "markdown", "pdf"
  std::string error;    // non-empty: "<path>: <what went wrong>"
  std::vector<std::string> notes;  // "<path>: ..." what was left out (PDF)
};

DecodedFile read_document_file(const std::string& path, const ReadOptions& options);

// Decodes bytes that are not known to be UTF-8. Exposed for tests.
DecodedFile decode_text(const std::string& path, const std::string& bytes,
                        const ReadOptions& options);

}  // namespace dipmine::ingest

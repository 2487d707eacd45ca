#include "ingest/reader.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "ingest/pdf_reader.h"
#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

namespace fs = std::filesystem;

std::string lower_ext(const std::string& path) {
  std::string e = fs::path(path).extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

DecodedFile failure(const std::string& path, const std::string& what) {
  DecodedFile f;
  f.error = fmt::format("{}: {}", path, what);
  return f;
}

// Binary data: NUL bytes, or many C0 controls other than tab/newline/CR/FF.
// (UTF-16 text has NULs too; it is declared with --encoding.)
bool looks_binary(const std::string& bytes) {
  const size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t controls = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++controls;
  }
  return n > 0 && controls * 20 > n;
}

std::string check_lines(const std::string& text, uint64_t max_line) {
  size_t start = 0;
  size_t line = 1;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl - start > max_line) {
      return fmt::format("line {} is {:.1f} MB long (limit {:.1f} MB per line); not ingested",
                         line, (nl - start) / 1048576.0, max_line / 1048576.0);
    }
    start = nl + 1;
    ++line;
  }
  return {};
}

// Where the first invalid UTF-8 byte is, when the text is otherwise UTF-8:
// multi-byte sequences that decode outnumber the bytes that do not. Such a
// file is damaged UTF-8; decoding it as a legacy charset would garble it.
struct Utf8Damage {
  bool mostly_utf8 = false;
  size_t offset = 0, line = 1;
};
Utf8Damage find_utf8_damage(const std::string& bytes) {
  Utf8Damage d;
  size_t valid_multi = 0, invalid = 0;
  bool found = false;
  for (size_t i = 0; i < bytes.size();) {
    size_t len;
    const char32_t cp = text::decode_utf8(bytes, i, len);
    if (cp == 0xFFFD && len == 1) {
      ++invalid;
      if (!found) {
        found = true;
        d.offset = i;
        d.line = 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(i), '\n'));
      }
    } else if (len > 1) {
      ++valid_multi;
    }
    i += len;
  }
  d.mostly_utf8 = valid_multi > 4 * invalid;
  return d;
}

bool convert(const std::string& bytes, const char* charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return false;
  // Stop at the first byte the charset cannot map, rather than inventing U+FFFD.
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
  ucnv_close(conv);
  if (U_FAILURE(status)) return false;
  out.clear();
  u.toUTF8String(out);
  return true;
}

}  // namespace

DecodedFile decode_text(const std::string& path, const std::string& raw,
                        const ReadOptions& options) {
  DecodedFile f;
  f.format = lower_ext(path) == ".md" ? "markdown" : "text";
  std::string bytes = raw;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    f.charset = "UTF-8";
    if (!text::is_valid_utf8(bytes)) return failure(path, "has a UTF-8 BOM but invalid UTF-8");
  } else if (!options.encoding.empty()) {
    if (!convert(bytes, options.encoding.c_str(), f.text)) {
      return failure(path, fmt::format("not valid {} text", options.encoding));
    }
    f.charset = options.encoding;
    return f;
  } else if (text::is_valid_utf8(bytes)) {
    f.charset = "UTF-8";
  } else {
    if (looks_binary(bytes)) return failure(path, "binary file, not text; skipped");
    if (const Utf8Damage d = find_utf8_damage(bytes); d.mostly_utf8) {
      return failure(path, fmt::format("line {}: invalid UTF-8 (byte offset {}) in a UTF-8 file; "
                                       "repair it, or give --encoding if it is not UTF-8",
                                       d.line, d.offset));
    }
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector* det = ucsdet_open(&status);
    ucsdet_setText(det, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det, &n, &status);
    std::string chosen;
    for (int32_t i = 0; U_SUCCESS(status) && i < n && chosen.empty(); ++i) {
      UErrorCode s2 = U_ZERO_ERROR;
      std::string name = ucsdet_getName(matches[i], &s2);
      const std::string lang = ucsdet_getLanguage(matches[i], &s2);
      if (ucsdet_getConfidence(matches[i], &s2) < 10) break;
      // ICU reports Windows-1256 Persian as ISO-8859-6, which lacks پ چ ژ گ.
      if (name == "ISO-8859-6" || name == "windows-1256" || lang == "ar" || lang == "fa") {
        name = "windows-1256";
      }
      if (name == "UTF-8" || name.rfind("UTF-16", 0) == 0 || name.rfind("UTF-32", 0) == 0) {
        continue;  // already ruled out (not valid UTF-8; no BOM; NUL bytes are binary)
      }
      std::string out;
      if (convert(bytes, name.c_str(), out)) {
        chosen = name;
        f.text = std::move(out);
      }
    }
    ucsdet_close(det);
    if (chosen.empty()) {
      return failure(path, "invalid UTF-8 and no charset explains it; give --encoding");
    }
    f.charset = chosen;
  }
  if (f.text.empty()) f.text = std::move(bytes);
  return f;
}

DecodedFile read_document_file(const std::string& path, const ReadOptions& options) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return failure(path, "is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure(path, "cannot read (missing or no permission)");
  // One read of the whole file (an export can be hundreds of MB; a stream
  // iterator copies a byte at a time). Files that cannot report a size
  // (pipes) are read in blocks.
  std::string bytes;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > 0) {
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) return failure(path, "read error");
    in.clear();
  }
  char block[65536];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    bytes.append(block, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return failure(path, "read error");
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string::npos) {
    return failure(path, "empty file; skipped");
  }
  DecodedFile f;
  if (lower_ext(path) == ".pdf" || bytes.compare(0, 5, "%PDF-") == 0) {
    f = read_pdf(path, bytes);
  } else {
    f = decode_text(path, bytes, options);
  }
  if (!f.error.empty()) return f;
  if (const std::string e = check_lines(f.text, options.max_line_bytes); !e.empty()) {
    return failure(path, e);
  }
  return f;
}

}  // namespace dipmine::ingest

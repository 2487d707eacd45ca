#include "ingest/reader.h"

#include "ingest/aozora.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "ingest/formats.h"
#include "ingest/html_reader.h"
#include "ingest/jats_reader.h"
#include "ingest/mhtml.h"
#include "ingest/office_reader.h"
#include "ingest/pdf_reader.h"
#include "ingest/text_decode.h"
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

}  // namespace

std::string text_format(const std::string& path) { return lower_ext(path) == ".md" ? "markdown" : "text"; }

DecodedFile decode_html(const std::string& path, std::string bytes, const ReadOptions& options) {
  std::vector<std::string> notes;
  const std::string declared = html_declared_charset(bytes);
  DecodedFile text;
  if (options.encoding.empty() && sniff_text(std::string_view(bytes).substr(0, kSniffBytes)).bom == 0 &&
      !declared.empty() && declared != "UTF-8") {
    const bool utf8 = text::is_valid_utf8(bytes) &&
                      std::any_of(bytes.begin(), bytes.end(), [](char c) { return c & 0x80; });
    if (utf8) {
      // A browser's "save page" may write the page in UTF-8 and keep its old declaration.
      notes.push_back(fmt::format("{}: declares charset {} but is UTF-8 (saved re-encoded?); read as UTF-8",
                                  path, declared));
      text.charset = "UTF-8";
      text.text = std::move(bytes);
    } else if (uint64_t bad = 0; decode_all(bytes, declared, text.text, &bad)) {
      text.charset = declared;
    } else {
      notes.push_back(fmt::format("{}: its declared charset {} does not decode it{}; charset detected instead",
                                  path, declared,
                                  ChunkDecoder(declared).ok() ? fmt::format(" (byte offset {})", bad) : ""));
      text.text.clear();
    }
  }
  if (text.charset.empty()) text = decode_text(path, std::move(bytes), options);
  if (!text.error.empty()) return text;
  DecodedFile f = read_html(path, text.text, options.keep_page_furniture);
  f.charset = text.charset;
  notes.insert(notes.end(), f.notes.begin(), f.notes.end());
  f.notes = std::move(notes);
  return f;
}

namespace {

// A page saved as one file: its page part, read as a web page in the
// charset its part names (unless --encoding says otherwise).
DecodedFile decode_mhtml(const std::string& path, const std::string& bytes, const ReadOptions& options) {
  MhtmlPage page = mhtml_page(bytes);
  if (!page.error.empty()) {
    DecodedFile f;
    f.error = fmt::format("{}: a web page saved as one file (MHTML), but {}", path, page.error);
    return f;
  }
  ReadOptions o = options;
  if (o.encoding.empty() && !page.charset.empty() && ChunkDecoder(page.charset).ok()) o.encoding = page.charset;
  DecodedFile f = decode_html(path, std::move(page.html), o);
  if (!f.error.empty()) return f;
  f.format = "mhtml";
  if (page.cut_short) {
    f.notes.push_back(fmt::format("{}: the file ends inside its last part (no closing boundary): cut short? "
                                  "its page was read as far as it goes",
                                  path));
  }
  if (page.frames > 0) {
    f.notes.push_back(fmt::format("{}: left out {} frame{} saved with the page (other HTML parts: embeds, ads)",
                                  path, page.frames, page.frames == 1 ? "" : "s"));
  }
  return f;
}

}  // namespace

DecodedFile decode_text(const std::string& path, std::string bytes, const ReadOptions& options) {
  DecodedFile f;
  f.format = lower_ext(path) == ".md" ? "markdown" : "text";
  if (!options.encoding.empty()) {
    if (!decode_all(bytes, options.encoding, f.text)) {
      return failure(path, fmt::format("not valid {} text", options.encoding));
    }
    f.charset = options.encoding;
    return f;
  }
  const TextSniff sniff = sniff_text(std::string_view(bytes).substr(0, kSniffBytes));
  if (sniff.charset == "UTF-8") {  // a UTF-8 BOM
    bytes.erase(0, sniff.bom);
    if (!text::is_valid_utf8(bytes)) return failure(path, "has a UTF-8 BOM but invalid UTF-8");
  } else if (!sniff.charset.empty()) {  // UTF-16 or UTF-32, by BOM or NUL pattern
    uint64_t bad = 0;
    if (!decode_all(std::string_view(bytes).substr(sniff.bom), sniff.charset, f.text, &bad)) {
      return failure(path, fmt::format("not valid {} text (byte offset {}){}", sniff.charset,
                                       bad + sniff.bom,
                                       sniff.bom ? "" : "; judged by its NUL bytes: give --encoding"));
    }
    f.charset = sniff.charset;
    return f;
  } else if (sniff.binary) {
    return failure(path, "binary file, not text; skipped");
  } else if (!text::is_valid_utf8(bytes)) {
    if (const Utf8Damage d = find_utf8_damage(bytes); d.mostly_utf8) {
      return failure(path, fmt::format("line {}: invalid UTF-8 (byte offset {}) in a UTF-8 file; "
                                       "repair it, or give --encoding if it is not UTF-8",
                                       d.line, d.offset));
    }
    int confidence = 0;
    f.charset = detect_legacy_charset(bytes, &f.text, &confidence);
    if (f.charset.empty()) {
      return failure(path, "invalid UTF-8 and no charset explains it; give --encoding");
    }
    // A guess: say which charset was assumed, so that a wrong one is noticed.
    f.notes.push_back(fmt::format("{}: warning: not UTF-8; decoded as {} (a guess from the bytes, "
                                  "confidence {}%); give --encoding if that is wrong",
                                  path, f.charset, confidence));
    return f;
  }
  f.charset = "UTF-8";
  f.text = std::move(bytes);
  return f;
}

std::string check_openable(const std::string& path, const ReadOptions& options) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return "cannot read (missing or no permission)";
    return fmt::format("cannot read: {}", ec.message());
  }
  if (fs::is_directory(st)) return "is a directory";
  if (fs::is_regular_file(st) || options.allow_special) return {};
  const char* kind = fs::is_fifo(st)        ? "a FIFO (named pipe)"
                     : fs::is_character_file(st) ? "a character device"
                     : fs::is_block_file(st)     ? "a block device"
                     : fs::is_socket(st)         ? "a socket"
                                                 : "not a regular file";
  return fmt::format("is {}, not a regular file; skipped (--allow-special reads it, up to {} MB)",
                     kind, options.special_cap >> 20);
}

DecodedFile read_document_file(const std::string& path, const ReadOptions& options) {
  if (const std::string e = check_openable(path, options); !e.empty()) return failure(path, e);
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure(path, "cannot read (missing or no permission)");
  // The first bytes alone tell binary data (a 1 GB file of NULs is not read
  // to the end). Then one read of the rest (an export can be hundreds of MB;
  // a stream iterator copies a byte at a time); files that cannot report a
  // size (pipes, devices) in blocks, up to the cap.
  std::string bytes(kSniffBytes, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return failure(path, "read error");
  const InputFormat format = detect_format(path, bytes);
  if (format == InputFormat::ole2) {
    const std::string ext = lower_ext(path);
    return failure(path, ext == ".docx" || ext == ".odt" || ext == ".xlsx"
                             ? "encrypted (password-protected) office document; save it without a password first"
                             : "an old binary Office file (Word 97-2003 .doc or similar), or a "
                               "password-protected one; save it as .docx without a password");
  }
  if (format == InputFormat::rtf) {
    return failure(path, "an RTF document, which dipmine does not read; save it as .docx or .odt");
  }
  const bool text_like = format == InputFormat::text || format == InputFormat::markdown ||
                         format == InputFormat::html || format == InputFormat::jats;
  if (text_like && options.encoding.empty() && sniff_text(bytes).binary) {
    return failure(path, "binary file, not text; skipped");
  }
  std::error_code ec;
  const bool regular = fs::is_regular_file(path, ec);
  const uint64_t cap = regular ? UINT64_MAX : options.special_cap;
  if (in) {
    const auto size = regular ? fs::file_size(path, ec) : 0;
    if (!ec && size > bytes.size()) {
      const size_t have = bytes.size();
      bytes.resize(static_cast<size_t>(size));
      in.read(bytes.data() + have, static_cast<std::streamsize>(size - have));
      bytes.resize(have + static_cast<size_t>(in.gcount()));
      if (in.bad()) return failure(path, "read error");
    }
    char block[65536];
    while (bytes.size() <= cap && (in.read(block, sizeof block) || in.gcount() > 0)) {
      bytes.append(block, static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) return failure(path, "read error");
    if (bytes.size() > cap) {
      return failure(path, fmt::format("more than {} MB from a special file; not ingested",
                                       cap >> 20));
    }
  }
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string::npos) {
    return failure(path, "empty file; skipped");
  }
  if (format == InputFormat::jats) {
    DecodedFile xml = decode_text(path, std::move(bytes), options);
    if (!xml.error.empty()) return xml;
    DecodedFile article = read_jats(path, xml.text);
    if (!article.error.empty()) return article;
    article.charset = xml.charset;
    article.notes.insert(article.notes.begin(), xml.notes.begin(), xml.notes.end());
    if (only_white_space(article.text)) return failure(path, "no text in this JATS article; skipped");
    TextChecks checks(options.max_line_bytes);
    checks.feed(article.text);
    if (const std::string e = checks.finish(); !e.empty()) return failure(path, e);
    article.sha256 = checks.sha256();
    return article;
  }
  DecodedFile f = format == InputFormat::pdf    ? read_pdf(path, bytes, options.ocr)
                  : format == InputFormat::office ? read_office(path, bytes)
                  : format == InputFormat::html   ? decode_html(path, std::move(bytes), options)
                  : format == InputFormat::mhtml  ? decode_mhtml(path, bytes, options)
                                                  : decode_text(path, std::move(bytes), options);
  if (!f.error.empty()) return f;
  if (format == InputFormat::html || format == InputFormat::mhtml || format == InputFormat::office) {
    if (only_white_space(f.text)) {
      DecodedFile none = failure(path, fmt::format("no text in this {} document; skipped", f.format));
      none.notes = std::move(f.notes);  // what was left out (hidden, boilerplate) says why
      return none;
    }
  }
  TextChecks checks(options.max_line_bytes);
  checks.feed(f.text);
  if (const std::string e = checks.finish(); !e.empty()) return failure(path, e);
  f.sha256 = checks.sha256();  // the identity is the decoded file, markup and all
  if ((format == InputFormat::text || format == InputFormat::markdown) && looks_like_aozora(f.text)) {
    AozoraText a = strip_aozora(f.text);
    f.notes.push_back(aozora_note(path, a.readings, a.notes, a.header_lines));
    f.text = std::move(a.text);
  }
  return f;
}

}  // namespace dipmine::ingest

#include "ingest/aozora.h"

#include <fmt/format.h>

#include <vector>

#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

constexpr std::string_view kSymbolHeading = "【テキスト中に現れる記号について】";
constexpr std::string_view kRubyOpen = "《", kRubyClose = "》";
constexpr std::string_view kRubyStart = "｜";
constexpr std::string_view kNoteOpen = "［＃", kBracketOpen = "［", kBracketClose = "］";
constexpr std::string_view kGaijiMark = "※";

bool is_kana(char32_t c) { return (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF); }

// Whether `s` is a reading: kana only (and not empty).
bool is_reading(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    if (!is_kana(text::decode_utf8(s, i, len))) return false;
  }
  return true;
}

// A ruler of the header block: a line of at least ten '-'.
bool is_ruler(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  return line.size() >= 10 && line.find_first_not_of('-') == std::string_view::npos;
}

// The end of the note that starts at `at` (［＃): just past its ］, nested
// ［ ］ counted; npos when the line does not close it.
size_t note_end(std::string_view line, size_t at) {
  int depth = 0;
  for (size_t i = at; i < line.size();) {
    if (line.compare(i, kBracketOpen.size(), kBracketOpen) == 0) {
      ++depth;
      i += kBracketOpen.size();
    } else if (line.compare(i, kBracketClose.size(), kBracketClose) == 0) {
      i += kBracketClose.size();
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

// The character a gaiji note names by code point ("U+5F45"), or 0.
char32_t named_code_point(std::string_view note) {
  const size_t u = note.find("U+");
  if (u == std::string_view::npos) return 0;
  char32_t cp = 0;
  size_t digits = 0;
  for (size_t i = u + 2; i < note.size() && digits < 6; ++i, ++digits) {
    const char c = note[i];
    const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (v < 0) break;
    cp = cp * 16 + static_cast<char32_t>(v);
  }
  if (digits < 4 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return cp;
}

void strip_line(std::string_view line, AozoraText& out) {
  std::string& o = out.text;
  for (size_t i = 0; i < line.size();) {
    if (line.compare(i, kRubyOpen.size(), kRubyOpen) == 0) {
      const size_t close = line.find(kRubyClose, i);
      if (close != std::string_view::npos) {
        ++out.readings;
        i = close + kRubyClose.size();
        continue;
      }
    } else if (line.compare(i, kRubyStart.size(), kRubyStart) == 0) {
      i += kRubyStart.size();
      continue;
    } else if (line.compare(i, kNoteOpen.size(), kNoteOpen) == 0) {
      if (const size_t end = note_end(line, i); end != std::string_view::npos) {
        ++out.notes;
        // ※［＃「彳＋寺」、U+5F85、...］: the character itself where the note names it.
        const char32_t cp = named_code_point(line.substr(i, end - i));
        if (cp != 0 && o.size() >= kGaijiMark.size() &&
            std::string_view(o).substr(o.size() - kGaijiMark.size()) == kGaijiMark) {
          o.resize(o.size() - kGaijiMark.size());
          text::append_utf8(o, cp);
        }
        i = end;
        continue;
      }
    }
    o.push_back(line[i]);
    ++i;
  }
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

}  // namespace

bool looks_like_aozora(std::string_view text) {
  if (text.substr(0, 64 * 1024).find(kSymbolHeading) != std::string_view::npos) return true;
  size_t pairs = 0, readings = 0;
  for (size_t at = text.find(kRubyOpen); at != std::string_view::npos; at = text.find(kRubyOpen, at + 1)) {
    const size_t b = at + kRubyOpen.size();
    const size_t close = text.find(kRubyClose, b);
    if (close == std::string_view::npos) break;
    if (close - b > 90) continue;  // not one reading (at most 30 characters)
    ++pairs;
    readings += is_reading(text.substr(b, close - b));
    // Enough to tell: most of the pairs seen are readings.
    if (readings >= 20 && 2 * readings > pairs) return true;
  }
  const bool other_marks = text.find(kNoteOpen) != std::string_view::npos ||
                           text.find(kRubyStart) != std::string_view::npos;
  return readings >= 5 && 2 * readings > pairs && other_marks;
}

AozoraText strip_aozora(std::string_view text, bool first_part) {
  AozoraText out;
  out.text.reserve(text.size());
  const std::vector<std::string_view> lines = split_lines(text);
  // The symbol list: from the ruler before its heading to the ruler after it.
  size_t skip_from = lines.size(), skip_to = lines.size();
  if (first_part) {
    for (size_t k = 0; k < lines.size() && k < 200; ++k) {
      if (lines[k].find(kSymbolHeading) == std::string_view::npos) continue;
      size_t b = k;
      while (b > 0 && !is_ruler(lines[b])) --b;
      size_t e = k + 1;
      while (e < lines.size() && !is_ruler(lines[e])) ++e;
      if (is_ruler(lines[b]) && e < lines.size()) {
        skip_from = b;
        skip_to = e + 1;
      }
      break;
    }
  }
  for (size_t k = 0; k < lines.size(); ++k) {
    if (k >= skip_from && k < skip_to) {
      ++out.header_lines;
      continue;
    }
    const size_t before = out.text.size();
    strip_line(lines[k], out);
    // A line that was only a note (［＃改ページ］) leaves nothing.
    if (out.text.find_first_not_of(" \t", before) == std::string::npos) {
      out.text.resize(before);
      continue;
    }
    out.text += "\n\n";
  }
  return out;
}

std::string aozora_note(const std::string& path, size_t readings, size_t notes, size_t header_lines) {
  return fmt::format("{}: Aozora Bunko text: left out {} reading{} (ruby), {} editor's note{} "
                     "［＃...］ and {} line{} of the symbol list",
                     path, readings, readings == 1 ? "" : "s", notes, notes == 1 ? "" : "s",
                     header_lines, header_lines == 1 ? "" : "s");
}

}  // namespace dipmine::ingest

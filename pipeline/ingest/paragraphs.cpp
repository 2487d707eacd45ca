#include "ingest/paragraphs.h"

#include <unicode/uchar.h>

#include "ingest/text_decode.h"
#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

bool is_space_only(std::string_view s) {
  return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}

// The last code point of `s` (trimmed), or 0.
char32_t last_char(std::string_view s) {
  s = trim(s);
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t len;
  return text::decode_utf8(s, i, len);
}

char32_t first_char(std::string_view s) {
  s = trim(s);
  if (s.empty()) return 0;
  size_t len;
  return text::decode_utf8(s, 0, len);
}

bool ends_sentence(char32_t c) {
  switch (c) {
    case '.': case '!': case '?': case ':': case U'؟': case U'。': case U'！': case U'？':
      return true;
    default:
      return false;
  }
}

// Han, kana and CJK punctuation: a line break between two of them is a line
// wrap (Japanese has no spaces, so a wrap may fall inside a word).
bool is_cjk(char32_t c) {
  return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x31F0 && c <= 0x31FF);
}

// `t` with every line break (and the spaces around it) between two CJK
// characters removed, as English joins a wrapped line with a space.
std::string join_cjk_wraps(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  size_t i = 0;
  while (i < t.size()) {
    const size_t nl = t.find('\n', i);
    if (nl == std::string_view::npos) break;
    const std::string_view before = trim(t.substr(i, nl - i));
    size_t next = nl + 1;
    while (next < t.size() && (t[next] == ' ' || t[next] == '\t' || t[next] == '\r')) ++next;
    size_t len;
    const char32_t after = next < t.size() ? text::decode_utf8(t, next, len) : 0;
    if (!before.empty() && is_cjk(last_char(before)) && is_cjk(after)) {
      out.append(t.substr(i, (before.data() + before.size()) - (t.data() + i)));
      i = next;
    } else {
      out.append(t.substr(i, nl + 1 - i));
      i = nl + 1;
    }
  }
  out.append(t.substr(i));
  return out;
}

struct Block {
  size_t begin, end;  // byte range in the text
};

}  // namespace

std::vector<Paragraph> split_paragraphs(std::string_view text, std::optional<text::Lang> forced,
                                        bool marked) {
  // 1. Cut into blocks at blank lines and after sentence-final lines.
  std::vector<Block> blocks;
  size_t block_start = std::string_view::npos;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    const size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    const std::string_view line = text.substr(pos, line_end - pos);
    if (is_space_only(line)) {
      if (block_start != std::string_view::npos) blocks.push_back({block_start, pos});
      block_start = std::string_view::npos;
    } else {
      // A Japanese paragraph starts with a full-width space (字下げ): a new
      // paragraph even where the line before does not end a sentence.
      if (block_start != std::string_view::npos && line.substr(0, 3) == "\u3000") {
        blocks.push_back({block_start, pos});
        block_start = std::string_view::npos;
      }
      if (block_start == std::string_view::npos) block_start = pos;
      if (ends_sentence(last_char(line))) {
        blocks.push_back({block_start, line_end});
        block_start = std::string_view::npos;
      }
    }
    pos = line_end + 1;
  }
  if (block_start != std::string_view::npos) blocks.push_back({block_start, text.size()});

  // 2. Join a block to the previous one when the sentence runs on into it.
  std::vector<Block> joined;
  for (const Block& b : blocks) {
    if (!joined.empty() && !marked) {
      const std::string_view prev = text.substr(joined.back().begin, joined.back().end - joined.back().begin);
      const std::string_view cur = text.substr(b.begin, b.end - b.begin);
      const char32_t first = first_char(cur);
      const char32_t last = last_char(prev);
      if (!ends_sentence(last) && u_islower(static_cast<UChar32>(first)) &&
          (u_isalpha(static_cast<UChar32>(last)) || last == ',' || last == '-')) {
        joined.back().end = b.end;
        continue;
      }
    }
    joined.push_back(b);
  }

  std::vector<Paragraph> out;
  for (const Block& b : joined) {
    const std::string_view t = trim(text.substr(b.begin, b.end - b.begin));
    if (t.empty() || only_white_space(t)) continue;  // U+3000, NBSP, ZWNJ: no text
    Paragraph p;
    // In a marked format a line break is the writer's (<br>, Word's line
    // break), not a wrap: it stays between Japanese phrases too.
    p.text = marked ? std::string(t) : join_cjk_wraps(t);
    p.detected = text::detect_lang(t);
    p.lang = forced ? *forced : p.detected;
    out.push_back(std::move(p));
  }
  return out;
}

size_t paragraph_cut(std::string_view text, size_t from) {
  // A window keeps the search short when no sentence ends for a long while.
  constexpr size_t kWindow = 1 << 20;
  size_t first_newline = std::string_view::npos, first_blank = std::string_view::npos;
  size_t line_start = text.rfind('\n', from == 0 ? 0 : from - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  for (size_t pos = line_start; pos < text.size();) {
    const size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) break;
    const std::string_view line = text.substr(pos, nl - pos);
    if (nl >= from) {
      if (ends_sentence(last_char(line))) return nl + 1;
      if (first_newline == std::string_view::npos) first_newline = nl + 1;
      if (first_blank == std::string_view::npos && is_space_only(line)) first_blank = nl + 1;
      if (nl - from > kWindow) break;
    }
    pos = nl + 1;
  }
  return first_blank != std::string_view::npos ? first_blank : first_newline;
}

}  // namespace dipmine::ingest

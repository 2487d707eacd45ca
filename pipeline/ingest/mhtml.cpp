#include "ingest/mhtml.h"

#include <cctype>
#include <cstdint>
#include <vector>

namespace dipmine::ingest {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// One line of `s` from `at` (without its CR LF or LF); `at` moves past it.
std::string_view next_line(std::string_view s, size_t& at) {
  const size_t end = std::min(s.find('\n', at), s.size());
  std::string_view line = s.substr(at, end - at);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  at = end < s.size() ? end + 1 : s.size();
  return line;
}

struct Headers {
  std::string content_type, encoding, location;  // values as written
  size_t body = 0;                                 // offset of the body
  bool ended = false;                              // an empty line ended them
};

// Header lines from `at` up to the empty line, continuation lines (that
// start with white space) folded into the header before them.
Headers read_headers(std::string_view s, size_t at) {
  Headers h;
  std::string name, value;
  auto finish = [&] {
    const std::string n = lower(trim(name));
    if (n == "content-type") h.content_type = std::string(trim(value));
    if (n == "content-transfer-encoding") h.encoding = lower(trim(value));
    if (n == "content-location") h.location = std::string(trim(value));
    name.clear();
    value.clear();
  };
  while (at < s.size()) {
    const std::string_view line = next_line(s, at);
    if (trim(line).empty()) {
      h.ended = true;
      break;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      value += ' ';
      value += trim(line);
      continue;
    }
    finish();
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header: passed over
    name = line.substr(0, colon);
    value = line.substr(colon + 1);
  }
  finish();
  h.body = at;
  return h;
}

// A parameter of a Content-Type value (`boundary="..."`, `charset=utf-8`).
std::string parameter(const std::string& content_type, std::string_view name) {
  const std::string l = lower(content_type);
  for (size_t at = l.find(name); at != std::string::npos; at = l.find(name, at + 1)) {
    const bool starts = at == 0 || l[at - 1] == ';' || std::isspace(static_cast<unsigned char>(l[at - 1]));
    size_t i = at + name.size();
    while (i < l.size() && l[i] == ' ') ++i;
    if (!starts || i >= l.size() || l[i] != '=') continue;
    ++i;
    while (i < l.size() && l[i] == ' ') ++i;
    if (i < l.size() && l[i] == '"') {
      const size_t end = content_type.find('"', i + 1);
      return content_type.substr(i + 1, (end == std::string::npos ? content_type.size() : end) - i - 1);
    }
    size_t end = i;
    while (end < l.size() && l[end] != ';' && !std::isspace(static_cast<unsigned char>(l[end]))) ++end;
    return content_type.substr(i, end - i);
  }
  return {};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// `=XX` is a byte, `=` at a line's end a soft line break; anything else
// (a lone `=` the writer did not escape) stays as written.
std::string quoted_printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') {
      out += s[i];
      continue;
    }
    size_t j = i + 1;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;  // white space a mailer left
    if (j < s.size() && (s[j] == '\n' || s[j] == '\r')) {
      i = j + (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n' ? 1 : 0);
      continue;
    }
    if (i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
      continue;
    }
    out += '=';
  }
  return out;
}

std::string base64(std::string_view s) {
  std::string out;
  out.reserve(s.size() / 4 * 3);
  uint32_t bits = 0;
  int count = 0;
  for (char c : s) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else continue;  // line breaks, padding
    bits = (bits << 6) | static_cast<uint32_t>(v);
    if (++count == 4) {
      out += static_cast<char>(bits >> 16);
      out += static_cast<char>((bits >> 8) & 0xFF);
      out += static_cast<char>(bits & 0xFF);
      bits = 0;
      count = 0;
    }
  }
  if (count == 3) {
    out += static_cast<char>(bits >> 10);
    out += static_cast<char>((bits >> 2) & 0xFF);
  } else if (count == 2) {
    out += static_cast<char>(bits >> 4);
  }
  return out;
}

bool is_html(const std::string& content_type) {
  const std::string t = lower(trim(content_type.substr(0, content_type.find(';'))));
  return t == "text/html" || t == "application/xhtml+xml";
}

void take_page(MhtmlPage& page, const Headers& h, std::string_view body) {
  page.html = h.encoding == "quoted-printable" ? quoted_printable(body)
              : h.encoding == "base64"         ? base64(body)
                                               : std::string(body);
  page.charset = parameter(h.content_type, "charset");
  page.location = h.location;
}

}  // namespace

MhtmlPage mhtml_page(std::string_view bytes) {
  MhtmlPage page;
  const Headers top = read_headers(bytes, 0);
  if (top.content_type.empty()) {
    page.error = "no Content-Type header: not a MIME message";
    return page;
  }
  if (is_html(top.content_type)) {  // a message of one part
    take_page(page, top, bytes.substr(top.body));
    return page;
  }
  const std::string boundary = parameter(top.content_type, "boundary");
  if (lower(top.content_type).rfind("multipart/", 0) != 0 || boundary.empty()) {
    page.error = "its Content-Type (" + top.content_type.substr(0, 60) + ") names no multipart boundary";
    return page;
  }
  // Parts between lines `--boundary`; `--boundary--` closes the message.
  const std::string open = "--" + boundary;
  std::vector<std::pair<size_t, size_t>> parts;  // [begin, end) of each part, headers and body
  size_t part_begin = std::string_view::npos;
  bool closed = false;
  for (size_t at = top.body; at < bytes.size() && !closed;) {
    const size_t line_begin = at;
    const std::string_view line = trim(next_line(bytes, at));
    if (line.rfind(open, 0) != 0) continue;
    const std::string_view rest = line.substr(open.size());
    if (rest != "" && rest != "--") continue;
    if (part_begin != std::string_view::npos) parts.push_back({part_begin, line_begin});
    part_begin = at;
    closed = rest == "--";
  }
  if (!closed && part_begin != std::string_view::npos) {
    parts.push_back({part_begin, bytes.size()});
    page.cut_short = true;
  }
  if (parts.empty()) {
    page.error = "no part starts with its boundary line (--" + boundary.substr(0, 40) + ")";
    return page;
  }
  bool taken = false;
  for (const auto& [begin, end] : parts) {
    const std::string_view part = bytes.substr(begin, end - begin);
    const Headers h = read_headers(part, 0);
    if (!is_html(h.content_type)) continue;
    if (taken) {
      ++page.frames;
      continue;
    }
    std::string_view body = part.substr(std::min(h.body, part.size()));
    // The line break before the next boundary belongs to the boundary.
    if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    take_page(page, h, body);
    taken = true;
  }
  if (!taken) page.error = "no text/html part (" + std::to_string(parts.size()) + " parts)";
  return page;
}

}  // namespace dipmine::ingest

#include "ingest/formats.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace dipmine::ingest {
namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// A page saved by a browser may open with a BOM, blank lines, an XML
// declaration (XHTML) and comments before its first tag.
bool looks_like_html(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  for (int guard = 0; guard < 64; ++guard) {
    while (!head.empty() && is_space(head.front())) head.remove_prefix(1);
    if (head.substr(0, 4) == "<!--") {
      const size_t end = head.find("-->");
      if (end == std::string_view::npos) return false;
      head.remove_prefix(end + 3);
    } else if (head.substr(0, 2) == "<?") {
      const size_t end = head.find("?>");
      if (end == std::string_view::npos) return false;
      head.remove_prefix(end + 2);
    } else {
      break;
    }
  }
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"}) {
    if (starts_with_nocase(head, tag)) {
      const char next = head.size() > tag.size() ? head[tag.size()] : '>';
      if (is_space(next) || next == '>' || next == '/') return true;
    }
  }
  return false;
}

// The markup after a BOM, white space, an XML declaration, comments and a
// doctype: where the first element starts. `doctype` gets the doctype.
std::string_view after_prolog(std::string_view head, std::string_view& doctype) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  for (int guard = 0; guard < 64; ++guard) {
    while (!head.empty() && is_space(head.front())) head.remove_prefix(1);
    std::string_view close;
    if (head.substr(0, 4) == "<!--") close = "-->";
    else if (head.substr(0, 2) == "<?") close = "?>";
    else if (starts_with_nocase(head, "<!doctype")) close = ">";
    else break;
    const size_t end = head.find(close);
    if (end == std::string_view::npos) return {};
    if (close == ">") doctype = head.substr(0, end);
    head.remove_prefix(end + close.size());
  }
  return head;
}

// JATS (and the NLM DTDs before it): <article> first, with the DTD named or
// a <front> soon; PMC's OAI service wraps articles in <pmc-articleset>.
bool looks_like_jats(std::string_view head) {
  std::string_view doctype;
  const std::string_view body = after_prolog(head, doctype);
  auto element = [&](std::string_view name) {
    return body.substr(0, name.size()) == name &&
           (body.size() == name.size() || is_space(body[name.size()]) || body[name.size()] == '>');
  };
  if (element("<pmc-articleset")) return body.find("<article") != std::string_view::npos;
  if (!element("<article")) return false;
  const bool dtd = doctype.find("JATS") != std::string_view::npos || doctype.find("NLM") != std::string_view::npos;
  return dtd || body.substr(0, 8192).find("<front>") != std::string_view::npos;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The value after "charset=" at `at` (quotes and spaces around it dropped).
std::string charset_value(std::string_view s, size_t at) {
  while (at < s.size() && (is_space(s[at]) || s[at] == '"' || s[at] == '\'')) ++at;
  size_t end = at;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' ||
                            s[end] == '_' || s[end] == ':' || s[end] == '.')) {
    ++end;
  }
  return std::string(s.substr(at, end - at));
}

}  // namespace

std::string lower_extension(const std::string& path) {
  return lower(std::filesystem::path(path).extension().string());
}

InputFormat detect_format(const std::string& path, std::string_view head) {
  const std::string ext = lower_extension(path);
  if (head.substr(0, 5) == "%PDF-") return InputFormat::pdf;
  if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
      head.substr(0, 4) == std::string_view("PK\x05\x06", 4)) {
    return InputFormat::office;
  }
  if (head.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    return InputFormat::ole2;
  }
  if (head.substr(0, 5) == "{\\rtf" || ext == ".rtf") return InputFormat::rtf;
  const bool mime = starts_with_nocase(head, "from: ") || starts_with_nocase(head, "mime-version: ");
  if (ext == ".mht" || ext == ".mhtml" ||
      (mime && lower(head.substr(0, 2048)).find("multipart/related") != std::string::npos)) {
    return InputFormat::mhtml;
  }
  if (ext == ".pdf") return InputFormat::pdf;
  if (looks_like_jats(head)) return InputFormat::jats;
  if (ext == ".docx" || ext == ".odt") return InputFormat::office;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || looks_like_html(head)) {
    return InputFormat::html;
  }
  return ext == ".md" ? InputFormat::markdown : InputFormat::text;
}

std::string html_declared_charset(std::string_view head) {
  const std::string h = lower(head.substr(0, 4096));
  for (size_t meta = h.find("<meta"); meta != std::string::npos; meta = h.find("<meta", meta + 5)) {
    const size_t end = h.find('>', meta);
    if (end == std::string::npos) break;
    const std::string_view tag = std::string_view(h).substr(meta, end - meta);
    const size_t at = tag.find("charset");
    if (at == std::string_view::npos) continue;
    size_t eq = at + 7;
    while (eq < tag.size() && is_space(tag[eq])) ++eq;
    if (eq >= tag.size() || tag[eq] != '=') continue;
    std::string cs = charset_value(tag, eq + 1);
    if (cs.empty()) continue;
    // What browsers do (the WHATWG Encoding Standard's labels).
    if (cs == "utf8" || cs == "utf-8" || cs == "unicode-1-1-utf-8") return "UTF-8";
    if (cs == "iso-8859-1" || cs == "latin1" || cs == "us-ascii" || cs == "ascii" ||
        cs == "windows-1252" || cs == "cp1252") {
      return "windows-1252";
    }
    if (cs == "shift_jis" || cs == "sjis" || cs == "x-sjis" || cs == "ms_kanji") return "Shift_JIS";
    if (cs == "gb2312" || cs == "gbk" || cs == "x-gbk") return "GBK";
    if (cs == "cp1256") return "windows-1256";
    // A page cannot declare itself UTF-16 in its own ASCII bytes; browsers read it as UTF-8.
    if (cs.rfind("utf-16", 0) == 0) return "UTF-8";
    return cs;
  }
  return {};
}

}  // namespace dipmine::ingest

#include "ingest/html_reader.h"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>

#include "ingest/html_furniture.h"
#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

bool is_block(const xmlNode* n) {
  return name_is(n, {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
                     "h6", "tr", "table", "thead", "tbody", "tfoot", "caption", "blockquote",
                     "section", "article", "main", "header", "footer", "aside", "nav", "address",
                     "figure", "figcaption", "fieldset", "legend", "form", "hr", "pre", "center",
                     "details", "summary", "dialog", "hgroup", "menu", "dir", "body", "html",
                     "listing", "xmp", "plaintext", "noframes", "frameset", "option"});
}

// Never text a reader sees.
bool is_hidden(const xmlNode* n) {
  if (name_is(n, {"head", "script", "style", "noscript", "template", "svg", "math", "canvas",
                  "iframe", "object", "embed", "audio", "video", "select", "textarea", "map",
                  "title", "button"})) {
    return true;
  }
  if (xmlHasProp(n, BAD_CAST "hidden") != nullptr) return true;
  if (xmlChar* style = xmlGetProp(n, BAD_CAST "style")) {
    std::string s;
    for (const xmlChar* c = style; *c; ++c) {
      if (*c != ' ') s += static_cast<char>(std::tolower(*c));
    }
    xmlFree(style);
    if (s.find("display:none") != std::string::npos) return true;
  }
  return false;
}

// Text as it shows: runs of white space are one space, block ends are
// paragraph breaks (never two in a row, never at the start).
class Flow {
 public:
  void text(std::string_view s, bool pre) {
    // Two numbers in neighbouring elements (a pager's `251</span><span>1`,
    // a date beside a count) are laid out apart by the page's style, which
    // is not read here: one number made of both is on no page.
    if (edge_ && !s.empty() && ends_with_digit(out_) && starts_with_digit(s)) pending_space_ = true;
    edge_ = false;
    for (char c : s) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (pre && c == '\n') {
        line_break();
        continue;
      }
      if (space && !pre) {
        pending_space_ = true;
        continue;
      }
      if (c == '\r') continue;
      if (!out_.empty() && breaks_ > 0) {
        out_ += breaks_ >= 2 ? "\n\n" : "\n";
      } else if (!out_.empty() && pending_space_ && out_.back() != '\n') {
        out_ += ' ';
      }
      breaks_ = 0;
      pending_space_ = false;
      out_ += c;
    }
  }
  void paragraph_break() { breaks_ = 2; }
  // One break is a new line, a second one in a row an empty line.
  void line_break() { breaks_ = breaks_ == 0 ? 1 : 2; }
  void space() { pending_space_ = true; }
  // An element starts or ends here.
  void element_edge() { edge_ = true; }
  std::string& out() { return out_; }

 private:
  // A decimal digit of any script (0-9, ۰-۹, ٠-٩, ０-９) at the start or end.
  static bool is_digit_at(std::string_view s, size_t i) {
    size_t len;
    const char32_t c = text::decode_utf8(s, i, len);
    return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9) ||
           (c >= 0xFF10 && c <= 0xFF19);
  }
  static bool starts_with_digit(std::string_view s) { return is_digit_at(s, 0); }
  static bool ends_with_digit(std::string_view s) {
    if (s.empty()) return false;
    size_t i = s.size() - 1;  // back to the lead byte of the last character
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && s.size() - i < 4) --i;
    return is_digit_at(s, i);
  }
  std::string out_;
  bool edge_ = false;
  int breaks_ = 0;
  bool pending_space_ = false;
};

// The text under `root` (a <title> or <h1>), white space collapsed, without
// ruby readings; without recursion, as the walk below.
std::string collapsed_text(xmlNode* root) {
  Flow flow;
  xmlNode* n = root->children;
  while (n != nullptr) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) flow.text(reinterpret_cast<const char*>(n->content), false);
    } else if (n->type == XML_ELEMENT_NODE && !name_is(n, {"rt", "rp", "rtc"})) {
      descend = n->children != nullptr;
    }
    if (descend) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n != root && n->next == nullptr) n = n->parent;
    if (n == nullptr || n == root) break;
    n = n->next;
  }
  return std::move(flow.out());
}

// What extract() leaves out as page furniture (ingest/html_furniture.h):
// nothing, the parts marked by element or role, or those and the parts
// marked by their class or id names.
enum class FurnitureLevel { keep, landmarks, names };

struct Extracted {
  std::string text, title, h1;
  size_t furniture = 0;    // blocks left out as page furniture
  size_t readings = 0;     // ruby readings (<rt>) left out
  size_t gaiji = 0;        // characters drawn as images, not named as a letter with an accent
};

// The page's <title> (in <head>, where the parser puts it; a <title>
// inside an inline <svg> names the drawing, not the page).
std::string page_title(xmlNode* root) {
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !name_is(c, {"head"})) continue;
    for (xmlNode* t = c->children; t != nullptr; t = t->next) {
      if (t->type == XML_ELEMENT_NODE && name_is(t, {"title"})) return collapsed_text(t);
    }
  }
  return {};
}

// An Aozora Bunko page draws the characters its encoding lacks as images
// (`<img class="gaiji" alt="※(アキュートアクセント付きE小文字)">`). A Latin
// letter with an accent, named so, is that letter and its combining mark
// (later folded and composed); any other (a kanji named by its JIS X 0213
// cell) is left out and counted. Empty: not a letter with a known accent.
std::string gaiji_letter(std::string_view alt) {
  static constexpr std::pair<std::string_view, std::string_view> kAccents[] = {
      {"ダブルアキュートアクセント付き", "\u030B"}, {"アキュートアクセント付き", "\u0301"},
      {"グレーブアクセント付き", "\u0300"},       {"サーカムフレックスアクセント付き", "\u0302"},
      {"ダイエレシス付き", "\u0308"},             {"ウムラウト付き", "\u0308"},
      {"トレマ付き", "\u0308"},                   {"チルダ付き", "\u0303"},
      {"セディラ付き", "\u0327"},                 {"セディーユ付き", "\u0327"},
      {"リング付き", "\u030A"},                   {"マクロン付き", "\u0304"},
      {"キャロン付き", "\u030C"},                 {"ブリーブ付き", "\u0306"},
      {"オゴネク付き", "\u0328"},                 {"ドット付き", "\u0307"}};
  constexpr std::string_view kOpen = "※(", kSmall = "小文字";
  if (alt.substr(0, kOpen.size()) != kOpen || alt.empty() || alt.back() != ')') return {};
  alt = alt.substr(kOpen.size(), alt.size() - kOpen.size() - 1);
  for (const auto& [name, mark] : kAccents) {
    if (alt.substr(0, name.size()) != name) continue;
    std::string_view rest = alt.substr(name.size());
    const bool small = rest.size() > kSmall.size() && rest.substr(rest.size() - kSmall.size()) == kSmall;
    if (small) rest.remove_suffix(kSmall.size());
    if (rest.size() != 1 || rest[0] < 'A' || rest[0] > 'Z') return {};
    std::string out(1, small ? static_cast<char>(rest[0] - 'A' + 'a') : rest[0]);
    return out + std::string(mark);
  }
  return {};
}

bool has_class(const xmlNode* n, const char* cls) {
  xmlChar* value = xmlGetProp(n, BAD_CAST "class");
  if (value == nullptr) return false;
  const bool found = std::strstr(reinterpret_cast<const char*>(value), cls) != nullptr;
  xmlFree(value);
  return found;
}

// Characters of the text a reader sees under `root` (visible_chars:
// html_furniture.h).
size_t visible_chars_under(const xmlNode* root) {
  size_t chars = 0;
  walk_below(root, [&](const xmlNode* n) {
    if (n->type == XML_TEXT_NODE && n->content != nullptr) {
      chars += visible_chars(reinterpret_cast<const char*>(n->content));
    }
    return n->type == XML_ELEMENT_NODE && is_hidden(n) ? Walk::skip : Walk::descend;
  });
  return chars;
}

// Walks the tree without recursion: down
// to the first child, else on to the next sibling, else up.
Extracted extract(xmlNode* root, FurnitureLevel level, size_t page_chars = 0) {
  Extracted x;
  Flow flow;
  int pre = 0, article = 0, content = 0;
  xmlNode* n = root;
  while (n != nullptr) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE) {
      if (name_is(n, {"h1"}) && x.h1.empty()) x.h1 = collapsed_text(n);
      bool drop = is_hidden(n);
      // Ruby: the base text stays, its reading (<rt>, <rtc>) and the
      // parentheses for browsers without ruby (<rp>) go, as Word, ODT and
      // Aozora text leave them out: 頗<rt>すこぶ</rt>る is 頗る.
      if (!drop && name_is(n, {"rt", "rp", "rtc"})) {
        drop = true;
        if (name_is(n, {"rt"})) ++x.readings;
        if (name_is(n, {"rtc"})) {  // a container of readings, one <rt> each
          for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
            x.readings += c->type == XML_ELEMENT_NODE && name_is(c, {"rt"}) ? 1 : 0;
          }
        }
      }
      if (!drop && level != FurnitureLevel::keep) {
        const Furniture f = page_furniture(n, article > 0, content > 0);
        // A part named like furniture that holds half the page's text is
        // more likely its text under an odd name (`id="share-btns-parent"`).
        if (f == Furniture::element || f == Furniture::role ||
            ((f == Furniture::name || f == Furniture::links) && level == FurnitureLevel::names && 2 * visible_chars_under(n) < page_chars)) {
          drop = true;
          ++x.furniture;
        }
      }
      if (!drop && name_is(n, {"img"}) && has_class(n, "gaiji")) {
        xmlChar* alt = xmlGetProp(n, BAD_CAST "alt");
        const std::string letter = alt != nullptr ? gaiji_letter(reinterpret_cast<const char*>(alt)) : std::string();
        if (alt != nullptr) xmlFree(alt);
        if (letter.empty()) ++x.gaiji;
        else flow.text(letter, pre > 0);
      }
      if (name_is(n, {"br"})) flow.line_break();
      if (name_is(n, {"td", "th"})) flow.space();
      if (!drop) {
        flow.element_edge();
        if (is_block(n)) flow.paragraph_break();
        descend = n->children != nullptr;
        // Counted while inside: an element with no children is not left
        // below (an empty <pre/> kept every later space as it was).
        if (descend && name_is(n, {"pre", "listing", "xmp", "plaintext"})) ++pre;
        if (descend && name_is(n, {"article", "main"})) ++article;
        if (descend && marks_content(n)) ++content;
      }
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) flow.text(reinterpret_cast<const char*>(n->content), pre > 0);
    } else if (n->type == XML_HTML_DOCUMENT_NODE) {
      descend = n->children != nullptr;
    }
    if (descend) {
      n = n->children;
      continue;
    }
    // On to the next sibling; else up, leaving each element gone through.
    while (true) {
      if (n == root) {
        n = nullptr;
        break;
      }
      if (n->next != nullptr) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (n == nullptr) break;
      if (n->type == XML_ELEMENT_NODE) {
        flow.element_edge();
        if (is_block(n)) flow.paragraph_break();
        if (name_is(n, {"pre", "listing", "xmp", "plaintext"})) --pre;
        if (name_is(n, {"article", "main"})) --article;
        if (marks_content(n)) --content;
        if (name_is(n, {"td", "th"})) flow.space();
      }
    }
  }
  x.text = std::move(flow.out());
  return x;
}

// A <!DOCTYPE> after the first tag (pages pasted together, or a frame's page
// inlined) makes libxml2 stop there, losing the rest; browsers ignore it, so
// it is blanked out here.
std::string without_late_doctypes(const std::string& html) {
  size_t first_tag = 0;
  while ((first_tag = html.find('<', first_tag)) != std::string::npos && first_tag + 1 < html.size() &&
         !std::isalpha(static_cast<unsigned char>(html[first_tag + 1]))) {
    ++first_tag;
  }
  std::string out;
  size_t from = 0, seen = 0;
  for (size_t at = html.find("<!"); at != std::string::npos; at = html.find("<!", at + 2)) {
    if (html.size() - at < 9) break;
    std::string word = html.substr(at + 2, 7);
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (word != "doctype" || (at < first_tag && seen++ == 0)) continue;
    const size_t end = html.find('>', at);
    if (end == std::string::npos) break;
    out.append(html, from, at - from);
    out.append(end + 1 - at, ' ');
    from = end + 1;
  }
  if (from == 0) return {};
  out.append(html, from, std::string::npos);
  return out;
}

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

DecodedFile read_html(const std::string& path, const std::string& utf8, bool keep_page_furniture) {
  init_libxml();
  DecodedFile f;
  if (utf8.size() > static_cast<size_t>(INT_MAX)) {
    f.error = fmt::format("{}: HTML page over 2 GB; not read", path);
    return f;
  }
  const std::string mended = without_late_doctypes(utf8);
  const std::string& markup = mended.empty() ? utf8 : mended;
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(htmlNewParserCtxt(),
                                                                  htmlFreeParserCtxt);
  // The text is UTF-8 already: the page's own <meta charset> must not make
  // libxml2 decode it a second time.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                      XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      ctxt ? htmlCtxtReadMemory(ctxt.get(), markup.data(), static_cast<int>(markup.size()), nullptr,
                                "UTF-8", options)
           : nullptr,
      xmlFreeDoc);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    f.error = fmt::format("{}: HTML that cannot be parsed", path);
    return f;
  }
  // From the document, not its root element: text after </html> may sit in
  // a second top-level element.
  xmlNode* top = reinterpret_cast<xmlNode*>(doc.get());
  // Furniture is left out unless that leaves almost nothing: below 500
  // characters (as Firefox's reader view judges it), the parts named by class
  // or id stay, and when the landmarks alone leave nothing, everything stays.
  Extracted all = extract(top, FurnitureLevel::keep);
  const size_t chars_all = visible_chars(all.text);
  Extracted x = extract(top, keep_page_furniture ? FurnitureLevel::keep : FurnitureLevel::names, chars_all);
  if (x.furniture > 0 && visible_chars(x.text) < 500) {
    x = extract(top, FurnitureLevel::landmarks);
    if (x.text.empty()) x = std::move(all);
  }
  x.title = page_title(root);
  f.format = "html";
  if (x.furniture > 0) {
    const size_t left_out = chars_all - std::min(chars_all, visible_chars(x.text));
    f.notes.push_back(fmt::format("{}: left out {} block{} of page furniture (menus, headers, footers, share and "
                                  "comment bars: {} of the page's {} characters)",
                                  path, x.furniture, x.furniture == 1 ? "" : "s", left_out, chars_all));
  }
  f.text = std::move(x.text);
  f.title = x.title.empty() ? std::move(x.h1) : std::move(x.title);
  if (x.gaiji > 0) {
    f.notes.push_back(fmt::format("{}: left out {} character{} drawn as images (Aozora gaiji; their alt text names "
                                  "them)",
                                  path, x.gaiji, x.gaiji == 1 ? "" : "s"));
  }
  if (x.readings > 0) {
    f.notes.push_back(fmt::format("{}: left out {} ruby reading{} (<rt>)", path, x.readings,
                                  x.readings == 1 ? "" : "s"));
  }
  return f;
}

}  // namespace dipmine::ingest

// The module's entry point (common/modules.h).
extern "C" __attribute__((visibility("default"))) dipmine::ingest::DecodedFile dipmine_read_html(
    const std::string& path, const std::string& utf8, bool keep_page_furniture) {
  try {
    return dipmine::ingest::read_html(path, utf8, keep_page_furniture);
  } catch (const std::exception& e) {
    dipmine::ingest::DecodedFile f;
    f.error = path + ": cannot read this HTML: " + e.what();
    return f;
  }
}

#include "ingest/html_furniture.h"

#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::ingest {
namespace {

std::string attribute(const xmlNode* n, const char* name) {
  std::string out;
  if (xmlChar* value = xmlGetProp(n, BAD_CAST name)) {
    out = reinterpret_cast<const char*>(value);
    xmlFree(value);
  }
  return out;
}

std::string lower_attribute(const xmlNode* n, const char* name) {
  std::string out = attribute(n, name);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// One of the role attribute's space-separated tokens is a landmark that is
// not the page's text.
bool furniture_role(const std::string& roles) {
  size_t at = 0;
  while (at < roles.size()) {
    const size_t end = std::min(roles.find(' ', at), roles.size());
    const std::string_view role(roles.data() + at, end - at);
    for (std::string_view r : {"navigation", "banner", "contentinfo", "complementary", "search", "menu",
                               "menubar", "dialog", "alertdialog"}) {
      if (role == r) return true;
    }
    at = end + 1;
  }
  return false;
}

// The words of an id or class value, lower-cased: split at anything not a
// letter or digit, and where a lower-case letter meets a capital
// (`globalNav` → global nav, `adWrapper` → ad wrapper). Whole words, so a
// random id (`NbsNS8`, `NavzzU`) or a longer word (`sharing-with-...`,
// `header_cell`) is not read as `sns`, `nav` or `header`.
std::vector<std::string> name_words(std::string_view value) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i <= value.size(); ++i) {
    const auto c = static_cast<unsigned char>(i < value.size() ? value[i] : ' ');
    const bool camel = std::isupper(c) && !word.empty() && std::islower(static_cast<unsigned char>(value[i - 1]));
    if (!std::isalnum(c) || camel) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    }
    if (std::isalnum(c)) word += static_cast<char>(std::tolower(c));
  }
  return words;
}

bool one_of(const std::string& word, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (word == x) return true;
  }
  return false;
}

// Words that name furniture anywhere, even inside an <article>: share and
// comment bars, ads and their networks, subscription and cookie boxes.
bool names_furniture_anywhere(const std::string& w) {
  return one_of(w, {"share", "sharing", "sns", "comment", "comments", "disqus", "ad", "ads", "adv", "advert",
                    "adverts", "advertisement", "promo", "sponsor", "sponsored", "taboola", "outbrain", "trc",
                    "newsletter", "subscribe", "breadcrumb", "breadcrumbs", "pagination", "pager", "cookie",
                    "cookies", "gdpr", "popup", "agegate", "shoutbox"});
}

// Words that name the page's own parts: furniture outside an <article>; in
// one, a section may be called so (`related-work`, `social-dimensions`).
bool names_page_part(const std::string& w) {
  if (one_of(w, {"nav", "navi", "navbar", "navigation", "menu", "menus", "menubar", "header", "footer",
                 "masthead", "banner", "related", "sidebar", "skyscraper", "social", "community", "replies"})) {
    return true;
  }
  // Run together: `topnav`, `sitenav`, `mainmenu`, `siteheader`.
  for (std::string_view end : {"nav", "navi", "menu", "header", "footer"}) {
    if (w.size() > end.size() && w.size() <= end.size() + 6 && w.compare(w.size() - end.size(), end.size(), end) == 0) {
      return true;
    }
  }
  return false;
}

// A word that says the part is the text: article, content, main, body,
// column, story, post, entry (also at a word's start: `contents`,
// `articleBody` is two words).
bool names_content_word(const std::string& w) {
  for (std::string_view x : {"article", "content", "main", "body", "column", "story", "post", "entry"}) {
    if (w.compare(0, x.size(), x) == 0) return true;
  }
  return false;
}

// Microdata's mark of an article's text (`itemprop="articleBody"`), which a
// page may put on an element its class or id names after the share buttons
// inside it.
bool is_article_body(const xmlNode* n) {
  const std::string prop = lower_attribute(n, "itemprop");
  return prop.find("articlebody") != std::string::npos;
}

// An element below `root` for which `pred` holds.
template <typename Pred>
bool any_descendant(const xmlNode* root, Pred pred) {
  return walk_below(root, [&](const xmlNode* n) {
    return n->type == XML_ELEMENT_NODE && pred(n) ? Walk::stop : Walk::descend;
  });
}

size_t text_chars(const xmlNode* n) {
  return n->type == XML_TEXT_NODE && n->content != nullptr ? visible_chars(reinterpret_cast<const char*>(n->content))
                                                           : 0;
}

// A list that is mostly links (a menu, a list of other articles):
// three links or more, and their text at least 3/4 of its text.
bool is_link_list(const xmlNode* root) {
  if (!name_is(root, {"ul", "ol", "dl", "menu"})) return false;
  // A list under its own heading is content: a city's page listing its
  // sister cities as links under 姉妹都市 or "Twin towns".
  const xmlNode* before = root->prev;
  while (before != nullptr && before->type != XML_ELEMENT_NODE) before = before->prev;
  if (before != nullptr && name_is(before, {"h1", "h2", "h3", "h4", "h5", "h6"})) return false;
  size_t links = 0, chars = 0, linked = 0;
  walk_below(root, [&](const xmlNode* n) {
    chars += text_chars(n);
    if (n->type != XML_ELEMENT_NODE) return Walk::descend;
    if (name_is(n, {"script", "style", "template"})) return Walk::skip;
    if (!name_is(n, {"a"})) return Walk::descend;
    ++links;
    size_t in_link = 0;
    walk_below(n, [&](const xmlNode* d) {
      in_link += text_chars(d);
      return Walk::descend;
    });
    chars += in_link;
    linked += in_link;
    return Walk::skip;
  });
  return links >= 3 && chars > 0 && 4 * linked >= 3 * chars;
}

// Only parts that hold blocks: a paragraph, a table cell or a span
// (`<td class="header_cell">`, a code comment's `<span class="comment">`) is
// text whatever its class. An id of four words or more is the slug of a
// heading (`sharing-with-a-single-developer`): not read.
bool named_furniture(const xmlNode* n, bool inside_article) {
  if (!name_is(n, {"div", "section", "aside", "ul", "ol", "dl", "form", "table", "iframe"})) return false;
  std::vector<std::string> words = name_words(attribute(n, "class"));
  if (std::vector<std::string> id = name_words(attribute(n, "id")); id.size() < 4) {
    words.insert(words.end(), id.begin(), id.end());
  }
  bool furniture = false, content = false;
  for (const std::string& w : words) {
    furniture = furniture || names_furniture_anywhere(w) || (!inside_article && names_page_part(w));
    content = content || names_content_word(w);
  }
  return furniture && !content;
}

}  // namespace

bool name_is(const xmlNode* n, std::initializer_list<const char*> names) {
  const char* name = reinterpret_cast<const char*>(n->name);
  for (const char* x : names) {
    if (std::strcmp(name, x) == 0) return true;
  }
  return false;
}

bool has_descendant(const xmlNode* root, std::initializer_list<const char*> names) {
  return any_descendant(root, [&](const xmlNode* n) { return name_is(n, names); });
}

size_t visible_chars(std::string_view text) {
  size_t n = 0;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    n += (b & 0xC0) != 0x80 && b != ' ' && b != '\n' && b != '\t' && b != '\r' && b != '\f' ? 1 : 0;
  }
  return n;
}

bool marks_content(const xmlNode* n) {
  if (n->type != XML_ELEMENT_NODE) return false;
  // Not `content`, `main` or `body`: those often name a wrapper of the
  // whole page, menus and all (`main_cnt_wrapper`, `page-body`).
  return name_is(n, {"article", "main"}) || is_article_body(n) ||
         contains_any(lower_attribute(n, "id") + ' ' + lower_attribute(n, "class"),
                      {"article", "entry", "post", "story", "text"});
}

Furniture page_furniture(const xmlNode* n, bool inside_article, bool inside_content) {
  if (n->type != XML_ELEMENT_NODE || name_is(n, {"html", "body", "article", "main", "a"})) {
    return Furniture::none;
  }
  Furniture kind = Furniture::none;
  if (name_is(n, {"nav"}) || (!inside_article && name_is(n, {"header", "footer", "aside"}))) {
    kind = Furniture::element;
  } else if (furniture_role(lower_attribute(n, "role"))) {
    kind = Furniture::role;
  } else if (named_furniture(n, inside_article)) {
    kind = Furniture::name;
  } else if (!inside_content && is_link_list(n)) {
    kind = Furniture::links;
  }
  const auto article_text = [](const xmlNode* d) { return name_is(d, {"article", "main"}) || is_article_body(d); };
  if (kind != Furniture::none && (is_article_body(n) || any_descendant(n, article_text))) return Furniture::none;
  return kind;
}

}  // namespace dipmine::ingest

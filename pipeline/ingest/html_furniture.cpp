#include "ingest/html_furniture.h"

#include <cctype>
#include <cstring>
#include <string>
#include <string_view>

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

// `nav` in a class or id (`nav`, `globalNav`, `localNavi`, `navigation`),
// but not in `canvas` or `unavailable`.
bool names_nav(std::string_view names) {
  for (size_t at = names.find("nav"); at != std::string_view::npos; at = names.find("nav", at + 1)) {
    const bool in_word = (at >= 2 && names.compare(at - 2, 2, "ca") == 0) ||
                         (at >= 1 && names.compare(at - 1, 4, "unav") == 0);
    if (!in_word) return true;
  }
  return false;
}

// A whole word of the names (split at anything not a letter or digit, and
// where a lower-case letter meets a capital: `adWrapper`, `ad-slot`) is one
// of these: ads and the widgets that serve them.
bool names_ad(const std::string& original_case) {
  std::string word;
  const auto is_ad_word = [](const std::string& w) {
    for (std::string_view x : {"ad", "ads", "adv", "advert", "adverts", "advertisement", "promo", "taboola",
                               "outbrain", "trc"}) {
      if (w == x) return true;
    }
    return false;
  };
  for (size_t i = 0; i <= original_case.size(); ++i) {
    const char c = i < original_case.size() ? original_case[i] : ' ';
    const bool boundary = !std::isalnum(static_cast<unsigned char>(c)) ||
                          (std::isupper(static_cast<unsigned char>(c)) && !word.empty() &&
                           std::islower(static_cast<unsigned char>(original_case[i - 1])));
    if (boundary) {
      if (is_ad_word(word)) return true;
      word.clear();
    }
    if (std::isalnum(static_cast<unsigned char>(c))) word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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

bool names_content(const std::string& names) {
  return contains_any(names, {"article", "content", "main", "body", "column", "story", "post", "entry"});
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
  } else {
    const std::string names = lower_attribute(n, "id") + ' ' + lower_attribute(n, "class");
    // Inside an <article>, a part named header or footer is the article's
    // own (its title, byline, a card's name and address), as the elements.
    const bool page_part = !inside_article && contains_any(names, {"header", "footer", "masthead"});
    if (names.size() > 1 &&
        (page_part || names_nav(names) || names_ad(attribute(n, "id") + ' ' + attribute(n, "class")) ||
         contains_any(names, {"banner", "breadcrumb", "comment", "community", "disqus", "gdpr", "menu", "related",
                              "replies", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "pagination",
                              "pager", "popup", "cookie", "share", "sharing", "sns", "subscribe", "newsletter",
                              "-ad-", "agegate"})) &&
        !names_content(names)) {
      kind = Furniture::name;
    } else if (!inside_content && is_link_list(n)) {
      kind = Furniture::links;
    }
  }
  const auto article_text = [](const xmlNode* d) { return name_is(d, {"article", "main"}) || is_article_body(d); };
  if (kind != Furniture::none && (is_article_body(n) || any_descendant(n, article_text))) return Furniture::none;
  return kind;
}

}  // namespace dipmine::ingest

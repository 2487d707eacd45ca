// Which parts of a web page are its furniture, not the text it was saved
// for: menus, banners, share and subscribe bars, comment threads, lists of
// related articles, cookie notices, footers.
//
//   switch (page_furniture(node, inside_article)) { ... }
//
// A page says which part is which in three ways, and each is read here:
//   element: <nav>, and <header>, <footer>, <aside> outside an <article> or
//            <main> (inside one they hold its title, byline or notes);
//   role:    an ARIA landmark role: navigation, banner, contentinfo,
//            complementary, search, menu, menubar, dialog;
//   name:    its class and id, in the site's own words (`div id="header"`,
//            `class="share-tools"`, `id="comments"`, `adWrapper`), where a
//            page built of plain <div>s says it; read as whole words (split
//            at punctuation and at camelCase: `globalNav`), on parts that hold
//            blocks (div, section, aside, lists, form, table, iframe: never a
//            paragraph, cell or span), with an id of four words or more taken
//            for a heading's slug and not read. Inside an <article> only
//            share, comment, ad, subscription, cookie and paging words count
//            (a paper's `related-work` or `social-dimensions` is a section);
//            a name that also says article, content, main, body, column,
//            story, post or entry keeps the part;
//   links:   a list (<ul>, <ol>, <dl>, <menu>) of three links or more whose
//            text is at least 3/4 links, outside any part that marks_content():
//            a menu, a list of other articles. Not a table (a table of linked
//            city names is data), nor a list in the article or under its own
//            heading (a city's sister cities).
// An element that holds the page's <article> or <main> is never furniture,
// nor are <html>, <body>, <article>, <main> and links themselves. The caller
// (read_html) keeps everything when leaving furniture out would leave almost
// nothing (a page of one short notice under a big menu), and counts what it
// left out. Built into dipmine-markup.so with the HTML reader.
#pragma once
#include <libxml/tree.h>

#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace dipmine::ingest {

enum class Furniture { none, element, role, name, links };

// `inside_article`: below an <article> or <main>; `inside_content`: below an
// element that marks_content().
Furniture page_furniture(const xmlNode* n, bool inside_article, bool inside_content);

// An <article>, <main>, microdata's articleBody, or an element whose class or
// id says article, entry, post, story or text (Wikipedia's
// `mw-content-text`).
bool marks_content(const xmlNode* n);

// The walk's helpers, shared with the reader. An element's name is one of
// `names` (lower case, as libxml2's HTML parser gives them).
bool name_is(const xmlNode* n, std::initializer_list<const char*> names);
// An element named so below `root`.
bool has_descendant(const xmlNode* root, std::initializer_list<const char*> names);
// Characters that are not white space (code points), to weigh texts of any
// script alike.
size_t visible_chars(std::string_view text);

// Visits the nodes below `root` in document order, without recursion (pages
// nest thousands deep); `visit(node)` says whether to go below the node, to
// pass over what is below it, or to stop. True when a visit stopped it.
enum class Walk { descend, skip, stop };
template <typename Visit>
bool walk_below(const xmlNode* root, Visit visit) {
  const xmlNode* n = root->children;
  while (n != nullptr) {
    const Walk w = visit(n);
    if (w == Walk::stop) return true;
    if (w == Walk::descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != root && n->next == nullptr) n = n->parent;
    if (n == root) break;
    n = n->next;
  }
  return false;
}

}  // namespace dipmine::ingest

// EndNote XML (File > Export > XML in EndNote; also written by Zotero and
// Mendeley): <xml><records><record>...</record></records></xml>. Every
// value may be split into <style face=...>pieces</style>, which are joined.
// Read with bib/mini_xml.h.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "bib/entry.h"
#include "bib/mini_xml.h"
#include "bib/readers.h"
#include "text/utf8.h"

namespace dipmine::bib::detail {
namespace {

// Whitespace collapsed: files reformatted by other tools wrap values
// anywhere. EndNote itself separates paragraphs (and keywords packed into one
// element) with a CR (&#xD;), which is kept as a blank line.
std::string text_of(const XmlNode* n) {
  if (n == nullptr) return {};
  std::string raw = gather_text(n), out;
  for (const std::string& part : split_list(raw, "\r")) {
    if (!out.empty()) out += "\n\n";
    out += squeeze(part);
  }
  return out;
}

}  // namespace

void read_endnote_xml(std::string_view text, Sink& sink) {
  const std::unique_ptr<XmlNode> root = parse_export_xml(text, sink);
  if (!root) return;
  for (const XmlNode* r : find_all(*root, "record")) {
    Entry e;
    e.line = r->line;
    e.id = text_of(r->child("label"));
    if (e.id.empty()) e.id = text_of(r->child("rec-number"));
    e.title = text_of(xml_at(r, {"titles", "title"}));
    e.venue = text_of(xml_at(r, {"titles", "secondary-title"}));
    if (e.venue.empty()) e.venue = text_of(xml_at(r, {"periodical", "full-title"}));
    e.year = text_of(xml_at(r, {"dates", "year"}));
    e.abstract = text_of(r->child("abstract"));
    e.doi = text_of(r->child("electronic-resource-num"));
    e.language = text_of(r->child("language"));
    for (auto urls : {std::initializer_list<std::string_view>{"urls", "related-urls"},
                      std::initializer_list<std::string_view>{"urls", "web-urls"}}) {
      // Web of Science records put "<Go to ISI>://WOS:..." first: take a web address.
      if (const XmlNode* u = xml_at(r, urls); u != nullptr && e.url.empty()) {
        for (const XmlNode* url : u->all("url")) {
          if (std::string v = text_of(url); v.rfind("http", 0) == 0) {
            e.url = std::move(v);
            break;
          }
        }
      }
    }
    for (const char* who : {"authors", "secondary-authors"}) {
      if (const XmlNode* a = xml_at(r, {"contributors", who}); a != nullptr && e.authors.empty()) {
        for (const XmlNode* p : a->all("author")) {
          if (std::string name = text_of(p); !name.empty()) e.authors.push_back(family_given(name));
        }
      }
    }
    if (const XmlNode* k = r->child("keywords")) {
      for (const XmlNode* kw : k->all("keyword")) {
        // EndNote keeps a keyword a line; an import may put several in one.
        for (std::string& part : split_list(text_of(kw), "\n;")) e.author_keywords.push_back(squeeze(part));
      }
    }
    sink.add(std::move(e));
  }
}

}  // namespace dipmine::bib::detail

// A small XML reader for the regular layouts of bibliographic exports
// (EndNote XML, PubMed XML): elements with their attributes, character data,
// comments, CDATA, the five entities and character references; no DTD, no
// namespaces, no validation. A tree is built under an unnamed root.
//
//   std::unique_ptr<XmlNode> root = parse_xml(text);   // throws XmlError
//   for (const XmlNode* a : find_all(*root, "PubmedArticle")) ...
//   std::string t = gather_text(a->child("ArticleTitle"));   // "" for null
//
// Elements nested more than 200 deep are an error (hostile input must not
// exhaust the stack). Used instead of a new XML library dependency: the
// bib module stays free of libxml2, which only the markup module loads.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dipmine::bib::detail {

// An element, or (name "") a run of character data.
struct XmlNode {
  std::string name, text;
  size_t line = 0;
  std::vector<std::pair<std::string, std::string>> attributes;  // values decoded
  std::vector<std::unique_ptr<XmlNode>> children;

  const XmlNode* child(std::string_view n) const;        // the first child element so named
  std::vector<const XmlNode*> all(std::string_view n) const;  // every child element so named
  std::string_view attribute(std::string_view n) const;  // "" when absent
};

struct XmlError {
  size_t line;
  std::string what;
};

std::unique_ptr<XmlNode> parse_xml(std::string_view text);

struct Sink;
// parse_xml for an export reader: on an XmlError, one note on `sink`
// ("LINE: invalid XML (...); no records read") and null.
std::unique_ptr<XmlNode> parse_export_xml(std::string_view text, Sink& sink);

// The child element at the end of `path` (each step the first so named), or null.
const XmlNode* xml_at(const XmlNode* n, std::initializer_list<std::string_view> path);

// Every element named `name` below `n`, in document order, not looking
// inside a match.
std::vector<const XmlNode*> find_all(const XmlNode& n, std::string_view name);

// All character data inside `n`, in order (markup such as <i> or <sub>
// inside a title adds nothing); "" for null.
std::string gather_text(const XmlNode* n);

}  // namespace dipmine::bib::detail

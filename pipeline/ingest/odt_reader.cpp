#include "ingest/odt_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <cstdlib>

namespace dipmine::ingest {
namespace {

constexpr std::string_view kText = "opendocument:xmlns:text:1.0";
constexpr std::string_view kOffice = "opendocument:xmlns:office:1.0";
constexpr std::string_view kSvg = "opendocument:xmlns:svg-compatible:1.0";

constexpr std::string_view kStyle = "opendocument:xmlns:style:1.0";

// The styles under `root` (content.xml's automatic styles) whose text
// properties hide the text (text:display="none"), as Word's vanish.
std::set<std::string> hidden_styles(xmlNode* root) {
  std::set<std::string> out;
  for (xmlNode* n = root; n != nullptr; n = next_node(n, root, true, [](xmlNode*) {})) {
    if (n->type != XML_ELEMENT_NODE || !is_element(n, kStyle, {"text-properties"}) || n->parent == nullptr) continue;
    if (attribute(n, "display") == "none") out.insert(attribute(n->parent, "name"));
  }
  return out;
}

// Writes the paragraphs under `root` to `out`, and the notes' paragraphs to
// `notes`; a paragraph or span in a hidden style is left out and counted.
void walk(xmlNode* root, const std::set<std::string>& hidden, Paragraphs& out, Paragraphs& notes, size_t& left_out) {
  int in_paragraph = 0;
  for (xmlNode* n = root; n != nullptr;) {
    bool descend = true;
    if (n->type == XML_ELEMENT_NODE && !hidden.empty() && is_element(n, kText, {"p", "h", "span"}) &&
        hidden.count(attribute(n, "style-name")) != 0) {
      ++left_out;
      n = next_node(n, root, false, [&](xmlNode*) {});
      continue;
    }
    if (n->type == XML_ELEMENT_NODE) {
      if (is_element(n, kText, {"p", "h"})) {
        ++in_paragraph;
      } else if (is_element(n, kText, {"s"})) {
        const std::string c = attribute(n, "c");
        const long count = c.empty() ? 1 : std::strtol(c.c_str(), nullptr, 10);
        out.append(std::string(static_cast<size_t>(std::clamp(count, 1L, 1000L)), ' '));
      } else if (is_element(n, kText, {"tab"})) {
        out.append("\t");
      } else if (is_element(n, kText, {"line-break"})) {
        out.append("\n");
      } else if (is_element(n, kText, {"note"})) {
        for (xmlNode* c = n->children; c != nullptr; c = c->next) {
          if (is_element(c, kText, {"note-body"})) walk(c, hidden, notes, notes, left_out);
        }
        descend = false;
      } else if (is_element(n, kText, {"tracked-changes", "ruby-text", "note-citation"}) ||
                 is_element(n, kOffice, {"annotation"}) || is_element(n, kSvg, {"title", "desc"})) {
        descend = false;
      }
    } else if (n->type == XML_TEXT_NODE && in_paragraph > 0 && n->content != nullptr) {
      out.append_collapsed(reinterpret_cast<const char*>(n->content));
    }
    n = next_node(n, root, descend, [&](xmlNode* left) {
      if (is_element(left, kText, {"p", "h"})) {
        --in_paragraph;
        out.end();
      }
    });
  }
  out.end();
}

}  // namespace

bool is_odf(const OfficePackage& package) {
  std::string mimetype;
  if (package.has("mimetype") && package.read("mimetype", mimetype).empty() &&
      mimetype.rfind("application/vnd.oasis.opendocument.", 0) == 0) {
    return true;
  }
  return package.has("content.xml");
}

DecodedFile read_odt(const std::string& path, const OfficePackage& package) {
  DecodedFile f;
  std::string mimetype;
  if (package.has("mimetype") && package.read("mimetype", mimetype).empty() &&
      mimetype.rfind("application/vnd.oasis.opendocument.text", 0) != 0 &&
      mimetype.rfind("application/vnd.oasis.opendocument.", 0) == 0) {
    f.error = fmt::format("{}: an OpenDocument {} file, not a text document (.odt); not read", path,
                          mimetype.substr(35));
    return f;
  }
  // An encrypted package keeps its parts' names but not their XML.
  std::string manifest;
  if (package.has("META-INF/manifest.xml") && package.read("META-INF/manifest.xml", manifest).empty() &&
      manifest.find("encryption-data") != std::string::npos) {
    f.error = fmt::format("{}: encrypted (password-protected) OpenDocument file; save it without a "
                          "password first",
                          path);
    return f;
  }
  XmlPart doc(nullptr, xmlFreeDoc);
  if (std::string why = package.xml("content.xml", doc); !why.empty()) {
    f.error = fmt::format("{}: broken OpenDocument file: {}", path, why);
    return f;
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  Paragraphs out, notes;
  const std::set<std::string> hidden = hidden_styles(root);
  size_t hidden_parts = 0;
  for (xmlNode* n = root; n != nullptr; n = next_node(n, root, true, [](xmlNode*) {})) {
    if (is_element(n, kOffice, {"text"})) {
      walk(n, hidden, out, notes, hidden_parts);
      break;
    }
  }
  if (hidden_parts > 0) {
    f.notes.push_back(fmt::format("{}: left out {} hidden paragraph{} or span{} (a style with text:display=\"none\")",
                                  path, hidden_parts, hidden_parts == 1 ? "" : "s", hidden_parts == 1 ? "" : "s"));
  }
  f.format = "odt";
  f.charset = "odt";
  f.text = out.text();
  if (!notes.text().empty()) f.text += (f.text.empty() ? "" : "\n\n") + notes.text();
  XmlPart meta(nullptr, xmlFreeDoc);
  if (package.has("meta.xml") && package.xml("meta.xml", meta).empty()) {
    f.title = first_text(xmlDocGetRootElement(meta.get()), "purl.org/dc/elements/1.1/", "title");
  }
  if (f.title.empty()) f.title = title_from(out.first());
  return f;
}

}  // namespace dipmine::ingest

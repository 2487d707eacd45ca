#include "ingest/docx_reader.h"

#include <fmt/format.h>

namespace dipmine::ingest {
namespace {

// Transitional ".../wordprocessingml/2006/main" and strict ".../wordprocessingml/main".
constexpr std::string_view kW = "wordprocessingml/main";
constexpr std::string_view kW2006 = "wordprocessingml/2006/main";
constexpr std::string_view kMarkupCompat = "markup-compatibility/2006";

bool w(const xmlNode* n, std::initializer_list<const char*> names) {
  return is_element(n, kW2006, names) || is_element(n, kW, names);
}

// A run whose properties hide it (w:vanish without val="0"/"false").
bool hidden_run(const xmlNode* run) {
  for (const xmlNode* c = run->children; c != nullptr; c = c->next) {
    if (!w(c, {"rPr"})) continue;
    for (const xmlNode* p = c->children; p != nullptr; p = p->next) {
      if (w(p, {"vanish"})) {
        const std::string val = attribute(p, "val");
        return val != "0" && val != "false" && val != "off";
      }
    }
  }
  return false;
}

// A drop cap: a paragraph framed (w:framePr w:dropCap="drop" or "margin")
// to hold the first letter of the paragraph after it, which Word shows as
// one with it ("D" + "rop cap." reads "Drop cap.").
bool drop_cap(const xmlNode* p) {
  for (const xmlNode* c = p->children; c != nullptr; c = c->next) {
    if (!w(c, {"pPr"})) continue;
    for (const xmlNode* f = c->children; f != nullptr; f = f->next) {
      if (w(f, {"framePr"})) {
        const std::string cap = attribute(f, "dropCap");
        return !cap.empty() && cap != "none";
      }
    }
  }
  return false;
}

// Writes the paragraphs under `root` to `out`.
void walk(xmlNode* root, Paragraphs& out) {
  for (xmlNode* n = root; n != nullptr;) {
    bool descend = true;
    if (n->type == XML_ELEMENT_NODE) {
      if (w(n, {"t"})) {
        if (xmlChar* s = xmlNodeGetContent(n)) {
          out.append(reinterpret_cast<const char*>(s));
          xmlFree(s);
        }
        descend = false;
      } else if (w(n, {"tab", "ptab"})) {
        out.append("\t");
      } else if (w(n, {"br", "cr"})) {
        out.append("\n");
      } else if (w(n, {"noBreakHyphen"})) {
        out.append("-");
      } else if (w(n, {"del", "moveFrom", "delText", "instrText", "delInstrText", "rt", "rPr",
                       "pPr", "sectPr", "footnoteReference", "endnoteReference"}) ||
                 is_element(n, kMarkupCompat, {"Fallback"}) || (w(n, {"r"}) && hidden_run(n))) {
        descend = false;
      }
    }
    n = next_node(n, root, descend, [&](xmlNode* left) {
      if (w(left, {"p"}) && !drop_cap(left)) out.end();
    });
  }
  out.end();
}

std::string directory_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// The main document part, as the package's relationships name it.
std::string main_part(const OfficePackage& package) {
  XmlPart rels(nullptr, xmlFreeDoc);
  if (package.has("_rels/.rels") && package.xml("_rels/.rels", rels).empty()) {
    xmlNode* root = xmlDocGetRootElement(rels.get());
    for (xmlNode* n = root; n != nullptr; n = next_node(n, root, true, [](xmlNode*) {})) {
      if (n->type != XML_ELEMENT_NODE) continue;
      const std::string type = attribute(n, "Type");
      const std::string tail = "/officeDocument";
      if (type.size() > tail.size() && type.compare(type.size() - tail.size(), tail.size(), tail) == 0) {
        std::string target = attribute(n, "Target");
        if (!target.empty() && target[0] == '/') target.erase(0, 1);
        if (package.has(target)) return target;
      }
    }
  }
  return package.has("word/document.xml") ? "word/document.xml" : "";
}

// Footnotes or endnotes, except the separator lines Word keeps among them.
std::string read_notes(const OfficePackage& package, const std::string& part, Paragraphs& out) {
  if (!package.has(part)) return {};
  XmlPart doc(nullptr, xmlFreeDoc);
  if (std::string why = package.xml(part, doc); !why.empty()) return why;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  for (xmlNode* n = root ? root->children : nullptr; n != nullptr; n = n->next) {
    if (!w(n, {"footnote", "endnote"})) continue;
    const std::string type = attribute(n, "type");
    if (!type.empty() && type != "normal") continue;
    walk(n, out);
  }
  return {};
}

}  // namespace

bool is_docx(const OfficePackage& package) { return !main_part(package).empty(); }

DecodedFile read_docx(const std::string& path, const OfficePackage& package) {
  DecodedFile f;
  const std::string main = main_part(package);
  XmlPart doc(nullptr, xmlFreeDoc);
  if (std::string why = package.xml(main, doc); !why.empty()) {
    f.error = fmt::format("{}: broken Word document: {}", path, why);
    return f;
  }
  Paragraphs out;
  walk(xmlDocGetRootElement(doc.get()), out);
  const std::string dir = directory_of(main);
  for (const char* notes : {"footnotes.xml", "endnotes.xml"}) {
    if (std::string why = read_notes(package, dir + notes, out); !why.empty()) {
      f.error = fmt::format("{}: broken Word document: {}", path, why);
      return f;
    }
  }
  f.format = "docx";
  f.charset = "docx";
  f.text = out.text();
  XmlPart core(nullptr, xmlFreeDoc);
  if (package.has("docProps/core.xml") && package.xml("docProps/core.xml", core).empty()) {
    f.title = first_text(xmlDocGetRootElement(core.get()), "purl.org/dc/elements/1.1/", "title");
  }
  if (f.title.empty()) f.title = title_from(out.first());
  return f;
}

}  // namespace dipmine::ingest

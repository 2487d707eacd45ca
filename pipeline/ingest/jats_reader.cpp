#include "ingest/jats_reader.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>

namespace dipmine::ingest {
namespace {

bool named(const xmlNode* n, const char* name) {
  return n != nullptr && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

template <class... Names>
bool named_any(const xmlNode* n, Names... names) {
  return (named(n, names) || ...);
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

xmlNode* child(const xmlNode* n, const char* name) {
  if (n == nullptr) return nullptr;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (named(c, name)) return c;
  }
  return nullptr;
}

// The first element `name` in document order under `n` (n itself included).
xmlNode* find(xmlNode* n, const char* name) {
  if (n == nullptr) return nullptr;
  if (named(n, name)) return n;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (xmlNode* f = find(c, name)) return f;
  }
  return nullptr;
}

// Text content with white space collapsed.
std::string text_of(const xmlNode* n) {
  if (n == nullptr) return {};
  xmlChar* s = xmlNodeGetContent(n);
  if (s == nullptr) return {};
  std::string out;
  for (const xmlChar* p = s; *p != 0; ++p) {
    const char c = static_cast<char>(*p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  xmlFree(s);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Paragraphs joined by blank lines, white space collapsed.
struct Writer {
  std::string text, para;
  size_t tables = 0, formulas = 0, figures = 0;

  void add(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (!para.empty() && para.back() != ' ') para += ' ';
      } else {
        para += c;
      }
    }
  }
  void end() {
    while (!para.empty() && para.back() == ' ') para.pop_back();
    const size_t begin = para.find_first_not_of(' ');
    if (begin != std::string::npos) {
      if (!text.empty()) text += "\n\n";
      text.append(para, begin, std::string::npos);
    }
    para.clear();
  }

  // Block elements end a paragraph before and after them.
  static bool is_block(const xmlNode* n) {
    return named_any(n, "p", "title", "sec", "list", "list-item", "caption", "disp-quote", "def-list",
                     "def-item", "term", "def", "statement", "boxed-text", "fig", "table-wrap",
                     "supplementary-material", "abstract", "body", "speech", "verse-group",
                     "verse-line", "preformat", "fn", "glossary");
  }

  void walk(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content != nullptr) add(reinterpret_cast<const char*>(c->content));
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      if (named_any(c, "inline-formula", "disp-formula", "math", "tex-math")) {
        ++formulas;
        add(" ");
        continue;
      }
      if (named_any(c, "label", "graphic", "inline-graphic", "media", "object-id", "alternatives",
                    "table", "table-wrap-foot", "sub-article", "response", "ref-list")) {
        if (named(c, "table")) ++tables;
        continue;
      }
      if (named_any(c, "fig", "table-wrap", "supplementary-material")) {
        // Their caption only: a figure's picture or a table's cells make no prose.
        if (named(c, "fig")) ++figures;
        if (named(c, "table-wrap") && find(const_cast<xmlNode*>(c), "table") != nullptr) ++tables;
        end();
        if (const xmlNode* cap = child(c, "caption")) walk(cap);
        end();
        // A table's footnotes are prose about it (significance, sources,
        // abbreviations): kept after its caption, as the caption is.
        if (const xmlNode* foot = child(c, "table-wrap-foot")) {
          walk(foot);
          end();
        }
        continue;
      }
      if (named(c, "break")) {
        add(" ");
        continue;
      }
      const bool block = is_block(c);
      if (block) end();
      walk(c);
      if (block) end();
    }
  }
};

std::string year_of(xmlNode* meta) {
  xmlNode* best = nullptr;
  for (xmlNode* c = meta->children; c != nullptr; c = c->next) {
    if (!named(c, "pub-date") || child(c, "year") == nullptr) continue;
    const std::string type = attr(c, "pub-type") + attr(c, "date-type");
    if (type == "epub" || type == "ppub" || type == "pub" || type == "collection") return text_of(child(c, "year"));
    if (best == nullptr) best = c;
  }
  return best != nullptr ? text_of(child(best, "year")) : std::string();
}

void subjects(xmlNode* group, std::vector<std::string>& out) {
  for (xmlNode* c = group->children; c != nullptr; c = c->next) {
    if (named(c, "subject")) {
      if (std::string s = text_of(c); !s.empty()) out.push_back(std::move(s));
    } else if (named(c, "subj-group")) {
      subjects(c, out);
    }
  }
}

size_t count(xmlNode* n, const char* name) {
  if (n == nullptr) return 0;
  size_t k = named(n, name) ? 1 : 0;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) k += count(c, name);
  return k;
}

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

DecodedFile read_jats(const std::string& path, const std::string& utf8) {
  init_libxml();
  DecodedFile f;
  f.format = "jats";
  if (utf8.size() > static_cast<size_t>(INT_MAX)) {
    f.error = fmt::format("{}: JATS XML over 2 GB; not read", path);
    return f;
  }
  // No DTD loaded (it would be fetched or searched for); entities PMC writes
  // are numeric. "UTF-8": the text is decoded already, whatever it declares.
  const int options = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET |
                      XML_PARSE_NOCDATA | XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      xmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options), xmlFreeDoc);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  xmlNode* article = find(root, "article");
  if (article == nullptr) {
    f.error = fmt::format("{}: {}; not stored", path,
                          root == nullptr ? "XML that cannot be parsed" : "JATS XML without an <article>");
    return f;
  }
  xmlNode* front = child(article, "front");
  xmlNode* meta = front != nullptr ? child(front, "article-meta") : nullptr;
  Writer w;
  if (meta != nullptr) {
    f.title = text_of(find(child(meta, "title-group"), "article-title"));
    for (xmlNode* c = meta->children; c != nullptr; c = c->next) {
      if (named(c, "article-id") && attr(c, "pub-id-type") == "doi") f.doi = text_of(c);
      if (named(c, "contrib-group")) {
        for (xmlNode* p = c->children; p != nullptr; p = p->next) {
          if (!named(p, "contrib") || (attr(p, "contrib-type") != "author" && !attr(p, "contrib-type").empty())) {
            continue;
          }
          std::string name;
          if (xmlNode* n = child(p, "name")) {
            const std::string family = text_of(child(n, "surname")), given = text_of(child(n, "given-names"));
            name = given.empty() ? family : family + ", " + given;
          } else if (xmlNode* s = child(p, "string-name")) {
            name = text_of(s);
          } else if (xmlNode* col = child(p, "collab")) {
            name = text_of(col);
          }
          if (name.empty()) continue;
          if (!f.authors.empty()) f.authors += "; ";
          f.authors += name;
        }
      }
      if (named(c, "kwd-group")) {
        for (xmlNode* k = c->children; k != nullptr; k = k->next) {
          if (named(k, "kwd")) {
            if (std::string s = text_of(k); !s.empty()) f.keywords.push_back(std::move(s));
          }
        }
      }
      if (named(c, "article-categories")) {
        for (xmlNode* g = c->children; g != nullptr; g = g->next) {
          if (named(g, "subj-group") && attr(g, "subj-group-type") != "heading") subjects(g, f.index_keywords);
        }
      }
    }
    if (const std::string y = year_of(meta); y.size() == 4 && std::all_of(y.begin(), y.end(), ::isdigit)) {
      f.year = std::stoi(y);
    }
    if (xmlNode* jm = child(front, "journal-meta")) f.venue = text_of(find(jm, "journal-title"));
    w.add(f.title);
    w.end();
    for (xmlNode* c = meta->children; c != nullptr; c = c->next) {
      if (named(c, "abstract") && attr(c, "abstract-type") != "toc") {
        w.walk(c);
        w.end();
      }
    }
  }
  if (xmlNode* body = child(article, "body")) {
    w.walk(body);
    w.end();
  }
  f.text = std::move(w.text);
  std::vector<std::string> left;
  if (const size_t refs = count(child(article, "back"), "ref"); refs > 0) left.push_back(fmt::format("{} references", refs));
  if (child(article, "back") != nullptr) left.push_back("the back matter (acknowledgements, notes, appendices)");
  if (w.tables > 0) left.push_back(fmt::format("the cells of {} table{} (captions and table footnotes kept)", w.tables, w.tables == 1 ? "" : "s"));
  if (w.figures > 0) left.push_back(fmt::format("the graphics of {} figure{} (captions kept)", w.figures, w.figures == 1 ? "" : "s"));
  if (w.formulas > 0) left.push_back(fmt::format("{} formula{}", w.formulas, w.formulas == 1 ? "" : "s"));
  if (const size_t subs = count(article, "sub-article"); subs > 0) left.push_back(fmt::format("{} sub-articles", subs));
  if (!left.empty()) {
    std::string list;
    for (size_t i = 0; i < left.size(); ++i) list += (i == 0 ? "" : i + 1 == left.size() ? " and " : ", ") + left[i];
    f.notes.push_back(fmt::format("{}: JATS article: left out {}", path, list));
  }
  return f;
}

}  // namespace dipmine::ingest

// The module's entry point (common/modules.h).
extern "C" __attribute__((visibility("default"))) dipmine::ingest::DecodedFile dipmine_read_jats(
    const std::string& path, const std::string& utf8) {
  try {
    return dipmine::ingest::read_jats(path, utf8);
  } catch (const std::exception& e) {
    dipmine::ingest::DecodedFile f;
    f.error = path + ": cannot read this JATS XML: " + e.what();
    return f;
  }
}

// EndNote XML (File > Export > XML in EndNote; also written by Zotero and
// Mendeley): <xml><records><record>...</record></records></xml>. Every
// value may be split into <style face=...>pieces</style>, which are joined.
// A small parser for this regular layout (elements, attributes skipped,
// comments, CDATA, the five entities and character references) instead of
// a new XML library dependency.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "bib/entry.h"
#include "bib/readers.h"
#include "text/utf8.h"

namespace dipmine::bib::detail {
namespace {

// An element, or (name "") a run of character data.
struct Node {
  std::string name, text;
  size_t line = 0;
  std::vector<std::unique_ptr<Node>> children;

  const Node* child(std::string_view n) const {
    for (const auto& c : children) {
      if (!c->name.empty() && c->name == n) return c.get();
    }
    return nullptr;
  }
  std::vector<const Node*> all(std::string_view n) const {
    std::vector<const Node*> out;
    for (const auto& c : children) {
      if (c->name == n) out.push_back(c.get());
    }
    return out;
  }
};

struct XmlError {
  size_t line;
  std::string what;
};

class Parser {
 public:
  explicit Parser(std::string_view t) : t_(t) {}

  // The document as a tree under an unnamed root. Throws XmlError.
  std::unique_ptr<Node> parse() {
    auto root = std::make_unique<Node>();
    std::vector<Node*> open{root.get()};
    while (i_ < t_.size()) {
      if (t_[i_] != '<') {
        const size_t lt = std::min(t_.find('<', i_), t_.size());
        add_text(decode(t_.substr(i_, lt - i_)), open.back());
        i_ = lt;
        continue;
      }
      if (starts("<!--")) { skip_past("-->"); continue; }
      if (starts("<![CDATA[")) {
        const size_t end = t_.find("]]>", i_);
        if (end == std::string_view::npos) throw XmlError{line_, "CDATA section never closed"};
        add_text(std::string(t_.substr(i_ + 9, end - i_ - 9)), open.back());
        count_lines(end + 3);
        continue;
      }
      if (starts("<?") || starts("<!")) { skip_past(">"); continue; }
      const bool closing = starts("</");
      size_t j = i_ + (closing ? 2 : 1);
      const size_t name_start = j;
      while (j < t_.size() && t_[j] != '>' && t_[j] != '/' && !std::isspace(static_cast<unsigned char>(t_[j]))) ++j;
      const std::string name(t_.substr(name_start, j - name_start));
      const size_t gt = t_.find('>', j);
      if (gt == std::string_view::npos || name.empty()) throw XmlError{line_, "a tag never closed"};
      const bool self_closing = t_[gt - 1] == '/';
      const size_t at = line_;
      count_lines(gt + 1);
      if (closing) {
        if (open.size() < 2 || open.back()->name != name) {
          throw XmlError{at, fmt::format("</{}> does not close <{}>", name, open.back()->name)};
        }
        open.pop_back();
      } else {
        auto node = std::make_unique<Node>();
        node->name = name;
        node->line = at;
        Node* raw = node.get();
        open.back()->children.push_back(std::move(node));
        if (!self_closing) open.push_back(raw);
        // EndNote nests six deep; a bound keeps the recursive walks (and the
        // tree's destruction) off the end of the stack on hostile input.
        if (open.size() > 200) throw XmlError{at, "elements nested more than 200 deep"};
      }
    }
    if (open.size() > 1) throw XmlError{line_, fmt::format("<{}> never closed", open.back()->name)};
    return root;
  }

 private:
  bool starts(std::string_view p) const { return t_.substr(i_, p.size()) == p; }
  void count_lines(size_t to) {
    for (; i_ < to && i_ < t_.size(); ++i_) line_ += t_[i_] == '\n';
  }
  void skip_past(std::string_view end) {
    const size_t at = t_.find(end, i_);
    if (at == std::string_view::npos) throw XmlError{line_, fmt::format("`{}` never comes", end)};
    count_lines(at + end.size());
  }
  static void add_text(std::string s, Node* parent) {
    if (s.empty()) return;
    auto node = std::make_unique<Node>();
    node->text = std::move(s);
    parent->children.push_back(std::move(node));
  }
  // Character data with its entities and character references decoded.
  std::string decode(std::string_view raw) {
    std::string s;
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '\n') ++line_;
      if (raw[k] != '&') {
        s += raw[k];
        continue;
      }
      const size_t semi = raw.find(';', k);
      const std::string_view ent = semi == std::string_view::npos ? "" : raw.substr(k + 1, semi - k - 1);
      if (ent == "amp") s += '&';
      else if (ent == "lt") s += '<';
      else if (ent == "gt") s += '>';
      else if (ent == "quot") s += '"';
      else if (ent == "apos") s += '\'';
      else if (ent.size() > 1 && ent[0] == '#') {
        const bool hex = ent[1] == 'x' || ent[1] == 'X';
        char32_t cp = 0;
        for (char c : ent.substr(hex ? 2 : 1)) {
          const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(c))
                            ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                            : -1;
          if (d < 0 || cp > 0x10FFFF) { cp = 0xFFFD; break; }
          cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
        }
        text::append_utf8(s, cp == 0 || cp > 0x10FFFF ? char32_t{0xFFFD} : cp);
      } else {
        s += '&';  // not an entity: kept as written
        continue;
      }
      k = semi;
    }
    return s;
  }

  std::string_view t_;
  size_t i_ = 0, line_ = 1;
};

// All character data inside an element, in order: a field's text is whole
// however many <style> pieces it was cut into.
void gather(const Node* n, std::string& out) {
  out += n->text;
  for (const auto& c : n->children) gather(c.get(), out);
}
// Whitespace collapsed: files reformatted by other tools wrap values
// anywhere. EndNote itself separates paragraphs (and keywords packed into one
// element) with a CR (&#xD;), which is kept as a blank line.
std::string text_of(const Node* n) {
  if (n == nullptr) return {};
  std::string raw, out;
  gather(n, raw);
  for (const std::string& part : split_list(raw, "\r")) {
    if (!out.empty()) out += "\n\n";
    out += squeeze(part);
  }
  return out;
}

const Node* at(const Node* n, std::initializer_list<std::string_view> path) {
  for (std::string_view p : path) {
    if (n == nullptr) return nullptr;
    n = n->child(p);
  }
  return n;
}

void find_records(const Node* n, std::vector<const Node*>& out) {
  for (const auto& c : n->children) {
    if (c->name == "record") out.push_back(c.get());
    else find_records(c.get(), out);
  }
}

}  // namespace

void read_endnote_xml(std::string_view text, Sink& sink) {
  std::unique_ptr<Node> root;
  try {
    root = Parser(text).parse();
  } catch (const XmlError& e) {
    sink.note(e.line, fmt::format("invalid XML ({}); no records read", e.what));
    return;
  }
  std::vector<const Node*> records;
  find_records(root.get(), records);
  for (const Node* r : records) {
    Entry e;
    e.line = r->line;
    e.id = text_of(r->child("label"));
    if (e.id.empty()) e.id = text_of(r->child("rec-number"));
    e.title = text_of(at(r, {"titles", "title"}));
    e.venue = text_of(at(r, {"titles", "secondary-title"}));
    if (e.venue.empty()) e.venue = text_of(at(r, {"periodical", "full-title"}));
    e.year = text_of(at(r, {"dates", "year"}));
    e.abstract = text_of(r->child("abstract"));
    e.doi = text_of(r->child("electronic-resource-num"));
    e.language = text_of(r->child("language"));
    for (auto urls : {std::initializer_list<std::string_view>{"urls", "related-urls"},
                      std::initializer_list<std::string_view>{"urls", "web-urls"}}) {
      // Web of Science records put "<Go to ISI>://WOS:..." first: take a web address.
      if (const Node* u = at(r, urls); u != nullptr && e.url.empty()) {
        for (const Node* url : u->all("url")) {
          if (std::string v = text_of(url); v.rfind("http", 0) == 0) {
            e.url = std::move(v);
            break;
          }
        }
      }
    }
    for (const char* who : {"authors", "secondary-authors"}) {
      if (const Node* a = at(r, {"contributors", who}); a != nullptr && e.authors.empty()) {
        for (const Node* p : a->all("author")) {
          if (std::string name = text_of(p); !name.empty()) e.authors.push_back(family_given(name));
        }
      }
    }
    if (const Node* k = r->child("keywords")) {
      for (const Node* kw : k->all("keyword")) {
        // EndNote keeps a keyword a line; an import may put several in one.
        for (std::string& part : split_list(text_of(kw), "\n;")) e.author_keywords.push_back(squeeze(part));
      }
    }
    sink.add(std::move(e));
  }
}

}  // namespace dipmine::bib::detail

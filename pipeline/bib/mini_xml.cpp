#include "bib/mini_xml.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "bib/entry.h"
#include "text/utf8.h"

namespace dipmine::bib::detail {

const XmlNode* XmlNode::child(std::string_view n) const {
  for (const auto& c : children) {
    if (!c->name.empty() && c->name == n) return c.get();
  }
  return nullptr;
}

std::vector<const XmlNode*> XmlNode::all(std::string_view n) const {
  std::vector<const XmlNode*> out;
  for (const auto& c : children) {
    if (!c->name.empty() && c->name == n) out.push_back(c.get());
  }
  return out;
}

std::string_view XmlNode::attribute(std::string_view n) const {
  for (const auto& [k, v] : attributes) {
    if (k == n) return v;
  }
  return {};
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view t) : t_(t) {}

  // The document as a tree under an unnamed root. Throws XmlError.
  std::unique_ptr<XmlNode> parse() {
    auto root = std::make_unique<XmlNode>();
    std::vector<XmlNode*> open{root.get()};
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
      // The tag's end: the first '>' outside a quoted attribute value.
      size_t gt = j;
      for (char quote = 0; gt < t_.size() && (quote != 0 || t_[gt] != '>'); ++gt) {
        if (quote == 0 && (t_[gt] == '"' || t_[gt] == '\'')) quote = t_[gt];
        else if (quote != 0 && t_[gt] == quote) quote = 0;
      }
      if (gt >= t_.size() || name.empty()) throw XmlError{line_, "a tag never closed"};
      const bool self_closing = t_[gt - 1] == '/';
      const size_t at = line_;
      count_lines(gt + 1);
      if (closing) {
        if (open.size() < 2 || open.back()->name != name) {
          throw XmlError{at, fmt::format("</{}> does not close <{}>", name, open.back()->name)};
        }
        open.pop_back();
      } else {
        auto node = std::make_unique<XmlNode>();
        node->name = name;
        node->line = at;
        node->attributes = attributes(t_.substr(j, gt - j));
        XmlNode* raw = node.get();
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
  // name="value" pairs (single or double quotes), values decoded; a pair
  // without a quoted value is left out.
  std::vector<std::pair<std::string, std::string>> attributes(std::string_view s) {
    std::vector<std::pair<std::string, std::string>> out;
    size_t k = 0;
    while (k < s.size()) {
      while (k < s.size() && (std::isspace(static_cast<unsigned char>(s[k])) || s[k] == '/')) ++k;
      const size_t name_start = k;
      while (k < s.size() && s[k] != '=' && !std::isspace(static_cast<unsigned char>(s[k]))) ++k;
      const std::string_view name = s.substr(name_start, k - name_start);
      while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
      if (k >= s.size() || s[k] != '=') continue;
      ++k;
      while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
      if (k >= s.size() || (s[k] != '"' && s[k] != '\'')) continue;
      const size_t end = s.find(s[k], k + 1);
      if (end == std::string_view::npos) break;
      const size_t line = line_;
      std::string value = decode(s.substr(k + 1, end - k - 1));
      line_ = line;  // (the tag's lines are counted once, by count_lines)
      if (!name.empty()) out.emplace_back(std::string(name), std::move(value));
      k = end + 1;
    }
    return out;
  }
  static void add_text(std::string s, XmlNode* parent) {
    if (s.empty()) return;
    auto node = std::make_unique<XmlNode>();
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

void gather(const XmlNode* n, std::string& out) {
  out += n->text;
  for (const auto& c : n->children) gather(c.get(), out);
}

void find_into(const XmlNode& n, std::string_view name, std::vector<const XmlNode*>& out) {
  for (const auto& c : n.children) {
    if (c->name == name) out.push_back(c.get());
    else if (!c->name.empty()) find_into(*c, name, out);
  }
}

}  // namespace

std::unique_ptr<XmlNode> parse_xml(std::string_view text) { return Parser(text).parse(); }

std::unique_ptr<XmlNode> parse_export_xml(std::string_view text, Sink& sink) {
  try {
    return parse_xml(text);
  } catch (const XmlError& e) {
    sink.note(e.line, fmt::format("invalid XML ({}); no records read", e.what));
    return nullptr;
  }
}

const XmlNode* xml_at(const XmlNode* n, std::initializer_list<std::string_view> path) {
  for (std::string_view p : path) {
    if (n == nullptr) return nullptr;
    n = n->child(p);
  }
  return n;
}

std::vector<const XmlNode*> find_all(const XmlNode& n, std::string_view name) {
  std::vector<const XmlNode*> out;
  find_into(n, name, out);
  return out;
}

std::string gather_text(const XmlNode* n) {
  std::string out;
  if (n != nullptr) gather(n, out);
  return out;
}

}  // namespace dipmine::bib::detail

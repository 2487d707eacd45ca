// What the Word and OpenDocument readers share (inside dipmine-markup.so):
// the ZIP package, its XML parts, and the paragraphs being written.
//
//   OfficePackage pkg;
//   if (std::string e = pkg.open(bytes); !e.empty()) fail(e);
//   XmlPart part;
//   if (std::string e = pkg.xml("word/document.xml", part); !e.empty()) fail(e);
//   Paragraphs out;  out.append("text");  out.end();  out.text();
#pragma once
#include <libxml/tree.h>
#include <zip.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace dipmine::ingest {

using XmlPart = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

class OfficePackage {
 public:
  OfficePackage() = default;
  ~OfficePackage();
  OfficePackage(const OfficePackage&) = delete;
  OfficePackage& operator=(const OfficePackage&) = delete;

  // Opens the archive in `bytes` (read in place: they must outlive this).
  // "" on success, else what is wrong ("not a readable ZIP archive (...)").
  std::string open(const std::string& bytes);
  bool has(const std::string& name) const;
  // Some entry is encrypted (a password-protected ZIP archive).
  bool encrypted() const;
  // The part's bytes; "" on success, else what is wrong.
  std::string read(const std::string& name, std::string& out) const;
  // The part parsed as XML; "" on success, else "<name> line N: <what>".
  std::string xml(const std::string& name, XmlPart& out) const;

  static constexpr uint64_t kMaxPartBytes = 256u << 20;

 private:
  zip_t* zip_ = nullptr;
};

// Paragraphs of plain text joined by blank lines; empty ones are dropped.
class Paragraphs {
 public:
  void append(std::string_view s) { para_ += s; }
  // ODF's rule: white space in text collapses to one space.
  void append_collapsed(std::string_view s);
  void end();
  const std::string& text() const { return text_; }
  const std::string& first() const { return first_; }

 private:
  std::string para_, text_, first_;
};

// The element's local name is one of `names` and its namespace URI ends with
// `ns_tail` (Word has two namespace URIs for the same names: transitional and strict).
bool is_element(const xmlNode* n, std::string_view ns_tail, std::initializer_list<const char*> names);
// The attribute of that local name, whatever its namespace; "" if absent.
std::string attribute(const xmlNode* n, const char* local_name);
// The text of the first element `local_name` under `root` in a namespace ending `ns_tail`.
std::string first_text(xmlNode* root, std::string_view ns_tail, const char* local_name);
// A title from a first paragraph: its first line, cut at a word within 200 characters.
std::string title_from(std::string_view paragraph);

// Next node of a walk through `root`'s subtree without recursion (a document
// may nest deep): the first child when `descend`, else the next sibling or
// an ancestor's; `leave` is called on each element left. nullptr at the end.
template <class Leave>
xmlNode* next_node(xmlNode* n, xmlNode* root, bool descend, Leave&& leave) {
  if (descend && n->children != nullptr) return n->children;
  while (n != root) {
    if (n->next != nullptr) return n->next;
    n = n->parent;
    if (n == nullptr) return nullptr;
    leave(n);
  }
  return nullptr;
}

}  // namespace dipmine::ingest

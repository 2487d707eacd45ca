#include "ingest/office_zip.h"

#include <fmt/format.h>
#include <libxml/parser.h>

#include <climits>
#include <cstring>

namespace dipmine::ingest {

OfficePackage::~OfficePackage() {
  if (zip_ != nullptr) zip_discard(zip_);
}

std::string OfficePackage::open(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    // Not ZIP_CHECKCONS: it refuses archives Word and LibreOffice open (one
    // of pandoc's test files); a damaged part still fails its CRC when read.
    zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (zip_ == nullptr) zip_source_free(source);
  }
  std::string why;
  if (zip_ == nullptr) why = fmt::format("not a readable ZIP archive ({})", zip_error_strerror(&error));
  zip_error_fini(&error);
  return why;
}

bool OfficePackage::has(const std::string& name) const {
  return zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

bool OfficePackage::encrypted() const {
  const zip_int64_t n = zip_get_num_entries(zip_, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(i), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      return true;
    }
  }
  return false;
}

std::string OfficePackage::read(const std::string& name, std::string& out) const {
  const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
  if (index < 0) return fmt::format("{} is missing", name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    return fmt::format("{}: {}", name, zip_strerror(zip_));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return "encrypted (password-protected) archive; remove the password and save it again";
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes) {
    return fmt::format("{} unpacks to {} MB, over the {} MB a part may have; not read", name,
                       st.size >> 20, kMaxPartBytes >> 20);
  }
  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return fmt::format("{}: {}", name, zip_strerror(zip_));
  out.clear();
  char block[65536];
  std::string why;
  for (;;) {
    const zip_int64_t n = zip_fread(file, block, sizeof block);
    if (n < 0) {
      why = fmt::format("{}: {}", name, zip_file_strerror(file));
      break;
    }
    if (n == 0) break;
    out.append(block, static_cast<size_t>(n));
    if (out.size() > kMaxPartBytes) {  // the size in the header lied
      why = fmt::format("{} unpacks to over {} MB; not read", name, kMaxPartBytes >> 20);
      break;
    }
  }
  zip_fclose(file);
  return why;
}

std::string OfficePackage::xml(const std::string& name, XmlPart& out) const {
  std::string bytes;
  if (std::string why = read(name, bytes); !why.empty()) return why;
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(),
                                                                  xmlFreeParserCtxt);
  if (!ctxt) return fmt::format("{}: out of memory", name);
  // No network, no entity expansion (no external or billion-laughs entities).
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
  out.reset(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(),
                              nullptr, options));
  if (!out || !ctxt->wellFormed) {
    const xmlError& e = ctxt->lastError;
    std::string what = e.message != nullptr ? e.message : "not well-formed XML";
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    out.reset();
    return fmt::format("{} line {}: {}", name, e.line, what);
  }
  return {};
}

void Paragraphs::append_collapsed(std::string_view s) {
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!para_.empty() && para_.back() != ' ') para_ += ' ';
    } else {
      para_ += c;
    }
  }
}

void Paragraphs::end() {
  const size_t begin = para_.find_first_not_of(" \t\r\n");
  if (begin != std::string::npos) {
    const size_t last = para_.find_last_not_of(" \t\r\n");
    std::string_view p = std::string_view(para_).substr(begin, last + 1 - begin);
    if (!text_.empty()) text_ += "\n\n";
    text_ += p;
    if (first_.empty()) first_ = p;
  }
  para_.clear();
}

bool is_element(const xmlNode* n, std::string_view ns_tail, std::initializer_list<const char*> names) {
  if (n->type != XML_ELEMENT_NODE || n->ns == nullptr || n->ns->href == nullptr) return false;
  const std::string_view href(reinterpret_cast<const char*>(n->ns->href));
  if (href.size() < ns_tail.size() || href.substr(href.size() - ns_tail.size()) != ns_tail) return false;
  for (const char* name : names) {
    if (std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0) return true;
  }
  return false;
}

std::string attribute(const xmlNode* n, const char* local_name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local_name) == 0 && a->children != nullptr &&
        a->children->content != nullptr) {
      return reinterpret_cast<const char*>(a->children->content);
    }
  }
  return {};
}

std::string first_text(xmlNode* root, std::string_view ns_tail, const char* local_name) {
  for (xmlNode* n = root; n != nullptr; n = next_node(n, root, true, [](xmlNode*) {})) {
    if (is_element(n, ns_tail, {local_name})) {
      Paragraphs p;
      if (xmlChar* s = xmlNodeGetContent(n)) {
        p.append_collapsed(reinterpret_cast<const char*>(s));
        xmlFree(s);
      }
      p.end();
      return p.text();
    }
  }
  return {};
}

std::string title_from(std::string_view paragraph) {
  std::string_view line = paragraph.substr(0, paragraph.find('\n'));
  size_t chars = 0, cut = 0, last_space = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (chars == 200) {
      cut = last_space > 0 ? last_space : i;
      break;
    }
    if (line[i] == ' ') last_space = i;
    ++chars;
  }
  if (cut == 0) return std::string(line);
  return std::string(line.substr(0, cut)) + "…";
}

}  // namespace dipmine::ingest

// read_html and read_office in the program: the readers themselves (with
// libxml2 and libzip) are the module dipmine-markup.so, loaded at the first
// web page or office document (common/modules.h), so that a search never
// loads those libraries.
#include "common/modules.h"
#include "ingest/html_reader.h"
#include "ingest/jats_reader.h"
#include "ingest/office_reader.h"

namespace dipmine::ingest {

DecodedFile read_html(const std::string& path, const std::string& utf8, bool keep_page_furniture) {
  using ReadHtml = DecodedFile(const std::string&, const std::string&, bool);
  static ReadHtml* const read = module_function<ReadHtml>("dipmine-markup.so", "dipmine_read_html");
  return read(path, utf8, keep_page_furniture);
}

DecodedFile read_jats(const std::string& path, const std::string& utf8) {
  using ReadJats = DecodedFile(const std::string&, const std::string&);
  static ReadJats* const read = module_function<ReadJats>("dipmine-markup.so", "dipmine_read_jats");
  return read(path, utf8);
}

DecodedFile read_office(const std::string& path, const std::string& bytes) {
  using ReadOffice = DecodedFile(const std::string&, const std::string&);
  static ReadOffice* const read = module_function<ReadOffice>("dipmine-markup.so", "dipmine_read_office");
  return read(path, bytes);
}

}  // namespace dipmine::ingest

#include "ingest/office_reader.h"

#include <fmt/format.h>
#include <libxml/parser.h>

#include <mutex>

#include "ingest/docx_reader.h"
#include "ingest/odt_reader.h"

namespace dipmine::ingest {

DecodedFile read_office(const std::string& path, const std::string& bytes) {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  DecodedFile f;
  OfficePackage package;
  if (std::string why = package.open(bytes); !why.empty()) {
    f.error = fmt::format("{}: broken Word or OpenDocument file: {}", path, why);
    return f;
  }
  if (package.encrypted()) {
    f.error = fmt::format("{}: encrypted (password-protected) archive; save the document without a "
                          "password first",
                          path);
    return f;
  }
  if (is_docx(package)) return read_docx(path, package);
  if (is_odf(package)) return read_odt(path, package);
  f.error = fmt::format("{}: a ZIP archive with neither word/document.xml (Word .docx) nor "
                        "content.xml (OpenDocument .odt); not a document dipmine reads",
                        path);
  return f;
}

}  // namespace dipmine::ingest

// The module's entry point (common/modules.h).
extern "C" __attribute__((visibility("default"))) dipmine::ingest::DecodedFile dipmine_read_office(
    const std::string& path, const std::string& bytes) {
  try {
    return dipmine::ingest::read_office(path, bytes);
  } catch (const std::exception& e) {
    dipmine::ingest::DecodedFile f;
    f.error = path + ": cannot read this document: " + e.what();
    return f;
  }
}

// read_pdf in the program: the reader itself (pdf_reader.cpp, with poppler)
// is the module dipmine-pdf.so, loaded at the first PDF (common/modules.h).
#include "common/modules.h"
#include "ingest/pdf_reader.h"

namespace dipmine::ingest {

DecodedFile read_pdf(const std::string& path, const std::string& bytes, bool ocr) {
  using ReadPdf = DecodedFile(const std::string&, const std::string&, bool);
  static ReadPdf* const read = module_function<ReadPdf>("dipmine-pdf.so", "dipmine_read_pdf");
  return read(path, bytes, ocr);
}

}  // namespace dipmine::ingest

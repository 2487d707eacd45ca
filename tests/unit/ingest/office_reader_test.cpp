// The Word and OpenDocument readers (ingest/office_reader.h, docx_reader.h,
// odt_reader.h) on real files from pandoc's and python-docx's tests.
#include "ingest/office_reader.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "ingest/reader.h"

using namespace dipmine::ingest;

namespace {
std::string data(const std::string& name) { return std::string(DIPMINE_TEST_DATA) + "/markup/" + name; }
DecodedFile office(const std::string& name) {
  std::ifstream in(data(name), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return read_office(name, ss.str());
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("docx: paragraphs, tabs, and the title from the core properties or the first paragraph") {
  DecodedFile f = office("pandoc-tabs.docx");
  REQUIRE(f.error.empty());
  CHECK(f.format == "docx");
  // A paragraph's leading tab (an indent) is trimmed like any edge white space.
  CHECK(f.text == "Some text separated\tby a tab.\n\nTab-indented text.");
  CHECK(f.title == "Some text separated\tby a tab.");
  f = office("pandoc-golden-document-properties.docx");
  CHECK(f.title == "Testing custom properties");
  f = office("pandoc-unicode.docx");
  // The file ends with a Symbol-font glyph in the private use area (U+F028), kept as written.
  CHECK(f.text == "Hello, 世界. This costs €10.\uF028");
}

TEST_CASE("docx: footnotes and endnotes follow the body, without their marks") {
  const DecodedFile f = office("pandoc-notes.docx");
  REQUIRE(f.error.empty());
  CHECK(f.text == "A footnote\n\nTest footnote. Test endnote.\n\nMy note.\n\n"
                  "This is an endnote at the end of the document.");
}

TEST_CASE("docx: what a reader does not see is left out") {
  // Deleted text of tracked changes.
  CHECK(office("pandoc-track_changes_deletion.docx").text == "This is a text with a deletion.");  // not "an excessively modified"
  // Moved text once, where it went.
  const std::string moved = office("pandoc-track_changes_move.docx").text;
  CHECK(moved == "Here is some text.\n\nHere is the text to be moved.\n\nHere is some more text.");
  // A text box's text once, though the file has it twice (mc:Choice and mc:Fallback).
  const std::string shapes = office("pandoc-text_in_shape_format.docx").text;
  CHECK(shapes.find("Valter Kiisk") == shapes.rfind("Valter Kiisk"));
  CHECK(has(shapes, "Institute of Physics, University of Tartu"));
  // Field codes (HYPERLINK "...") are not text; the field's result is.
  const std::string fields = office("pandoc-instrText_hyperlink.docx").text;
  CHECK(has(fields, "David French Belding"));
  CHECK_FALSE(has(fields, "HYPERLINK"));
}

TEST_CASE("docx: an Arabic document, right to left, in logical order") {
  const DecodedFile f = office("tinbox-sample_ar.docx");
  REQUIRE(f.error.empty());
  CHECK(f.title == "معلومات شخصية");  // no title property: the first paragraph
  CHECK(has(f.text, "شاعر سوري معاصر ودبلوماسي"));
  CHECK(has(f.text, "سبب الوفاة\tنوبة قلبية"));  // a table row's cells, tab between
}

TEST_CASE("docx: the main part is found through the package relationships") {
  const DecodedFile f = office("pandoc-alternate_document_path.docx");  // word/document2.xml
  REQUIRE(f.error.empty());
  CHECK_FALSE(f.text.empty());
}

TEST_CASE("odt: paragraphs, table cells, notes after the body, tracked deletions left out") {
  DecodedFile f = office("pandoc-odt-footnote.odt");
  REQUIRE(f.error.empty());
  CHECK(f.format == "odt");
  CHECK(f.text == "Some text with a footnote.\n\nFootnote text");
  CHECK(office("pandoc-odt-simpleTable.odt").text == "Content\n\nMore content");
  f = office("pandoc-odt-trackedChanges.odt");
  CHECK(f.text == "Some text with  and inserted text.");
  CHECK_FALSE(has(f.text, "deleted"));
  CHECK_FALSE(has(f.text, "Linnemann"));
  CHECK(office("pandoc-odt-unicode.odt").text == "“”’çӨ©¼вбФШöÉµ");
}

TEST_CASE("broken, encrypted and foreign office files get one clear line") {
  CHECK(has(office("broken-truncated.docx").error, "broken-truncated.docx: broken Word or OpenDocument file"));
  CHECK(has(office("zip-password.docx").error, "zip-password.docx: encrypted (password-protected)"));
  // Through the reader: an OLE2 file named .docx is how Word saves a password-protected document.
  CHECK(has(read_document_file(data("ole2-header.docx"), {}).error, "encrypted (password-protected) office document"));
  CHECK(has(read_document_file(data("python-docx-doc-coreprops.docx"), {}).error,
            "no text in this docx document; skipped"));
  const DecodedFile zip = read_office("x.zip", std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  CHECK(has(zip.error, "neither word/document.xml"));
}

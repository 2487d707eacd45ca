#include "ingest/reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "ingest/ingest.h"
#include "ingest/manifest.h"
#include "common/error.h"

using namespace dipmine::ingest;

namespace {
std::string data(const std::string& name) { return std::string(DIPMINE_TEST_DATA) + "/ingest/" + name; }
}  // namespace

TEST_CASE("UTF-8 with and without BOM") {
  auto f = decode_text("a.txt", "\xEF\xBB\xBFSCO city", {});
  CHECK(f.error.empty());
  CHECK(f.text == "SCO city");
  CHECK(f.charset == "UTF-8");
  f = decode_text("a.md", "شهر", {});
  CHECK(f.text == "شهر");
  CHECK(f.format == "markdown");
}

TEST_CASE("legacy charsets decode to UTF-8") {
  auto f = read_document_file(data("fa_windows1256.txt"), {});
  REQUIRE(f.error.empty());
  CHECK(f.charset == "windows-1256");
  CHECK(f.text.find("پژوهش") != std::string::npos);
  f = read_document_file(data("ja_shiftjis.txt"), {});
  REQUIRE(f.error.empty());
  CHECK(f.charset == "Shift_JIS");
  CHECK(f.text.find("上海協力機構") != std::string::npos);
  f = read_document_file(data("ja_eucjp.txt"), {});
  CHECK(f.charset == "EUC-JP");
}

TEST_CASE("bad files are errors naming the file") {
  CHECK(read_document_file(data("binary.txt"), {}).error ==
        data("binary.txt") + ": binary file, not text; skipped");
  CHECK(read_document_file(data("empty.txt"), {}).error.find("empty file") != std::string::npos);
  CHECK(read_document_file(data("nope.txt"), {}).error.find("cannot read") != std::string::npos);
  CHECK(read_document_file(DIPMINE_TEST_DATA, {}).error.find("is a directory") != std::string::npos);
  ReadOptions small;
  small.max_line_bytes = 10;
  const auto f = read_document_file(data("en_utf8_bom.txt"), small);
  CHECK(f.error.find("line 1 is") != std::string::npos);
  CHECK(decode_text("x.txt", "abc", ReadOptions{"no-such-charset", 1 << 20}).error ==
        "x.txt: not valid no-such-charset text");
}

TEST_CASE("PDF text through poppler, broken and encrypted PDFs are errors") {
  auto f = read_document_file(data("city_networks.pdf"), {});
  REQUIRE(f.error.empty());
  CHECK(f.format == "pdf");
  CHECK(f.text.find("Eurocities and C40") != std::string::npos);
  CHECK(read_document_file(data("broken.pdf"), {}).error.find("broken PDF") != std::string::npos);
  CHECK(read_document_file(data("encrypted.pdf"), {}).error.find("encrypted") != std::string::npos);
}

TEST_CASE("sha256 is the standard digest") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("manifest loads rows by file name") {
  const Manifest m = Manifest::load(std::string(DIPMINE_SOURCE_DIR) + "/corpus/manifest.tsv");
  CHECK(m.size() == 5);
  const ManifestRow* r = m.find("004_635347e6668643bb.txt");
  REQUIRE(r != nullptr);
  CHECK(r->year == 2025);
  CHECK(r->lang == "ja");
  CHECK(m.find("001_b6af51548a562a81.txt")->year == std::nullopt);
  CHECK(m.find("missing.txt") == nullptr);
  CHECK_THROWS_WITH(Manifest::load("/nonexistent/manifest.tsv"),
                    "/nonexistent/manifest.tsv: cannot read manifest");
}

TEST_CASE("expand_paths walks folders sorted, skips hidden files and the manifest") {
  std::vector<std::string> messages;
  const auto files = expand_paths({std::string(DIPMINE_SOURCE_DIR) + "/corpus", "/nonexistent"},
                                  messages);
  REQUIRE(files.size() == 5);
  CHECK(files[0].find("000_") != std::string::npos);
  CHECK(files[4].find("004_") != std::string::npos);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0] == "/nonexistent: no such file or folder");
}

// Web pages saved as one file (ingest/mhtml.h): the page part of a MIME
// message, its transfer encoding undone; real files from mhtml2html's tests
// (tests/data/markup/SOURCES.md) and the encodings written out here.
#include "ingest/mhtml.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

using namespace dipmine::ingest;

namespace {
std::string slurp(const std::string& name) {
  std::ifstream in(std::string(DIPMINE_TEST_DATA) + "/markup/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const std::string kHead =
    "From: <Saved by Blink>\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
    "\ttype=\"text/html\";\r\n\tboundary=\"----B--x----\"\r\n\r\n";
}  // namespace

TEST_CASE("a page Chrome saved as one file: its page part, quoted-printable undone") {
  const MhtmlPage page = mhtml_page(slurp("mhtml2html-portfolio.mhtml"));
  REQUIRE(page.error.empty());
  CHECK_FALSE(page.cut_short);
  CHECK(page.frames == 0);
  CHECK(page.location == "http://msindwan.bitbucket.org/");
  // `=3D` is `=`, a line ending in `=` goes on (`preserv=` / `e3d`).
  CHECK(has(page.html, "<html lang=\"en\" class=\" supports csstransforms3d preserve3d\">"));
  CHECK(has(page.html, "<title>Max Sindwani</title>"));
  CHECK_FALSE(has(page.html, "=3D"));
}

TEST_CASE("MHTML parts: base64, a charset, frames after the page, a file cut short") {
  std::string m = kHead +
                  "------B--x----\r\nContent-Type: text/html; charset=windows-1256\r\n"
                  "Content-Transfer-Encoding: base64\r\nContent-Location: https://example.org/fa\r\n\r\n"
                  "PGh0bWw+PGJvZHk+PHA+\r\nx+TH+jwvcD48L2JvZHk+PC9odG1sPg==\r\n"
                  "------B--x----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n"
                  "------B--x----\r\nContent-Type: text/html\r\n\r\n<p>a frame</p>\r\n"
                  "------B--x------\r\n";
  MhtmlPage page = mhtml_page(m);
  REQUIRE(page.error.empty());
  CHECK(page.html == "<html><body><p>\xC7\xE4\xC7\xFA</p></body></html>");  // windows-1256 bytes, as sent
  CHECK(page.charset == "windows-1256");
  CHECK(page.location == "https://example.org/fa");
  CHECK(page.frames == 1);
  CHECK_FALSE(page.cut_short);
  // Without its closing line: what it holds, said.
  page = mhtml_page(m.substr(0, m.find("------B--x------")));
  REQUIRE(page.error.empty());
  CHECK(page.cut_short);
  CHECK(has(page.html, "<p>"));
  // A message of one text/html part is that part.
  page = mhtml_page("MIME-Version: 1.0\nContent-Type: text/html; charset=\"utf-8\"\n"
                    "Content-Transfer-Encoding: quoted-printable\n\n<p>caf=C3=A9 =\nau lait</p>\n");
  REQUIRE(page.error.empty());
  CHECK(page.html == "<p>caf\xC3\xA9 au lait</p>\n");
  CHECK(page.charset == "utf-8");
}

TEST_CASE("MHTML that cannot give a page says why") {
  CHECK(has(mhtml_page(slurp("mhtml2html-missing_boundary_header.mhtml")).error, "names no multipart boundary"));
  CHECK(has(mhtml_page(slurp("mhtml2html-missing_boundary.mhtml")).error, "no part starts with its boundary line"));
  CHECK(has(mhtml_page("just some text\n").error, "no Content-Type header"));
  CHECK(has(mhtml_page(kHead + "------B--x----\r\nContent-Type: image/png\r\n\r\nxx\r\n------B--x------\r\n").error,
            "no text/html part (1 parts)"));
  // A file cut inside its page's part keeps what it holds.
  const MhtmlPage eof = mhtml_page(slurp("mhtml2html-unexpected_eof.mhtml"));
  CHECK(eof.error.empty());
  CHECK(eof.cut_short);
}

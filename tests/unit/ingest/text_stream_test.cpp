#include "ingest/text_stream.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "ingest/ingest.h"
#include "ingest/paragraphs.h"
#include "ingest/text_decode.h"

using namespace dipmine::ingest;
namespace fs = std::filesystem;

namespace {

// Text with paragraphs of every shape the splitter knows: blank lines,
// sentence-final lines, PDF-style runs cut mid-sentence, three scripts.
std::string sample_text(size_t bytes) {
  std::string t;
  for (int i = 0; t.size() < bytes; ++i) {
    switch (i % 5) {
      case 0: t += fmt::format("Paragraph {} on city diplomacy in Tehran.\n\n", i); break;
      case 1: t += fmt::format("A line cut in the middle of\n\nthe sentence {} goes on here.\n", i); break;
      case 2: t += fmt::format("دیپلماسی شهری {} در تهران\nو کیوتو.\n", i); break;
      case 3: t += fmt::format("姉妹都市{}の交流。\n", i); break;
      default: t += fmt::format("no full stop {}\nstill the same block,\n", i); break;
    }
  }
  return t;
}

std::vector<std::string> texts(const std::vector<Paragraph>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.text);
  return out;
}

struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& bytes) {
    std::string tmpl = (fs::temp_directory_path() / "dipmine-stream-XXXXXX").string();
    const int fd = mkstemp(tmpl.data());
    close(fd);
    path = tmpl;
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { fs::remove(path); }
};

}  // namespace

TEST_CASE("a streamed file gives the whole text's paragraphs and SHA-256", "[stream]") {
  const std::string text = sample_text(3 << 20);
  TempFile f(text);
  TextStream s(f.path.string(), {});
  REQUIRE(s.error().empty());
  CHECK(s.charset() == "UTF-8");
  CHECK(s.sha256() == sha256_hex(text));
  CHECK(s.text_bytes() == text.size());
  std::string joined;
  std::vector<std::string> from_slices;
  size_t slices = 0;
  for (std::string slice; s.next(slice);) {
    ++slices;
    CHECK(slice.size() < 2 * TextStream::kSliceBytes);
    joined += slice;
    for (auto& p : texts(split_paragraphs(slice))) from_slices.push_back(std::move(p));
  }
  CHECK(s.error().empty());
  CHECK(slices > 4);
  CHECK(joined == text);
  CHECK(from_slices == texts(split_paragraphs(text)));
}

TEST_CASE("a streamed file is checked whole before the first slice", "[stream]") {
  std::string text = sample_text(2 << 20);
  SECTION("invalid UTF-8 late in the file") {
    text += "bad \xC3 byte\n";
    TempFile f(text);
    TextStream s(f.path.string(), {});
    CHECK(s.error().find(fmt::format("invalid UTF-8 (byte offset {})", text.size() - 7)) !=
          std::string::npos);
  }
  SECTION("a NUL byte late in the file") {
    text += std::string("x\0y\n", 4);
    TempFile f(text);
    TextStream s(f.path.string(), {});
    CHECK(s.error().find(fmt::format("NUL byte at byte offset {}", text.size() - 3)) !=
          std::string::npos);
  }
  SECTION("UTF-16LE with a BOM is decoded by chunks") {
    std::string u16 = "\xFF\xFE";
    for (unsigned char c : sample_text(1 << 20)) {
      if (c >= 0x80) continue;  // ASCII only: one unit per byte here
      u16 += static_cast<char>(c);
      u16 += '\0';
    }
    TempFile f(u16);
    TextStream s(f.path.string(), {});
    REQUIRE(s.error().empty());
    CHECK(s.charset() == "UTF-16LE");
    std::string joined;
    for (std::string slice; s.next(slice);) joined += slice;
    CHECK(joined.size() == (u16.size() - 2) / 2);
  }
}

TEST_CASE("ChunkDecoder: characters cut between chunks wait for the rest", "[stream]") {
  const std::string text = "شهر 姉妹都市 🌍 city";
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    ChunkDecoder d("UTF-8");
    std::string out;
    CHECK(d.feed(std::string_view(text).substr(0, cut), false, out));
    CHECK(d.feed(std::string_view(text).substr(cut), true, out));
    CHECK(out == text);
  }
  std::string u16;
  REQUIRE(decode_all("\x3C\xD8\x0D\xDF", "UTF-16LE", u16));  // a surrogate pair: 🌍
  CHECK(u16 == "🌍");
  ChunkDecoder d("UTF-16LE");
  std::string out;
  CHECK(d.feed("\x3C\xD8", false, out));  // the high surrogate waits
  CHECK(d.feed("\x0D\xDF", true, out));
  CHECK(out == "🌍");
}

TEST_CASE("ChunkDecoder: the bad byte's offset does not depend on where chunks are cut",
          "[stream]") {
  // Found by fuzzing (tests/fuzz/regressions/text_decode): an unpaired UTF-16
  // surrogate cut from the unit after it was reported one byte late, ICU
  // having taken the next unit's first byte.
  const std::string bytes("\x00\x41\xD8\x00\x20\x00\x00\x42", 8);  // A, lone D800, space, B
  uint64_t whole = 0;
  std::string out;
  REQUIRE_FALSE(decode_all(bytes, "UTF-16BE", out, &whole));
  CHECK(whole == 2);
  for (size_t cut = 0; cut <= bytes.size(); ++cut) {
    INFO("cut at " << cut);
    ChunkDecoder d("UTF-16BE");
    out.clear();
    const bool first = d.feed(std::string_view(bytes).substr(0, cut), false, out);
    CHECK_FALSE((first && d.feed(std::string_view(bytes).substr(cut), true, out)));
    CHECK(d.bad_offset() == 2);
  }
}

TEST_CASE("TextChecks: white space cut between chunks is still white space", "[stream]") {
  // Found by fuzzing (tests/fuzz/regressions/text_decode): a BOM or an
  // ideographic space cut in two counted as visible text, so a file of white
  // space fed in such chunks passed.
  for (const std::string text : {"  \n\xEF\xBB\xBF \t\n", "\xE3\x80\x80\xE3\x80\x80"}) {
    for (size_t cut = 0; cut <= text.size(); ++cut) {
      INFO("cut at " << cut);
      TextChecks checks(1000);
      checks.feed(std::string_view(text).substr(0, cut));
      checks.feed(std::string_view(text).substr(cut));
      CHECK(checks.finish() == "empty file (only white space); skipped");
    }
  }
  TextChecks visible(1000);
  visible.feed("\xE3\x80");
  visible.feed("\x80x");
  CHECK(visible.finish().empty());
  TextChecks cut_short(1000);  // an incomplete character at the end is not white space
  cut_short.feed(" \xE3\x80");
  CHECK(cut_short.finish().empty());
}

TEST_CASE("BOM-less UTF-16 CJK text is told from binary although U+3000 puts NULs on both sides",
          "[ingest][charset]") {
  // An Aozora Bunko text saved as UTF-16LE without a BOM (a new-user trial's
  // file): ideographic spaces (U+3000 -> 00 30) and kanji such as U+4E00 put
  // NULs at even offsets too, about 2% of them, which the strict pattern
  // (under 1%) refused as binary.
  std::u16string text;
  // As its lines look: ruby and notes between ASCII markup, a line of dashes.
  for (int i = 0; i < 20; ++i) {
    text += u"-------------------------------------------------------\r\n";
    text += u"\u3000一、都市外交《とし がいこう》は二つの市の交流。 [#3字下げ] p.12\r\n";
  }
  std::string le, be;
  for (const char16_t c : text) {
    le += static_cast<char>(c & 0xFF), le += static_cast<char>(c >> 8);
    be += static_cast<char>(c >> 8), be += static_cast<char>(c & 0xFF);
  }
  CHECK(sniff_text(le).charset == "UTF-16LE");
  CHECK(sniff_text(be).charset == "UTF-16BE");
  // The same NUL shares in bytes that do not read as UTF-16 (controls,
  // private use) stay unexplained, and so binary.
  std::string junk = le;
  for (size_t i = 2; i < junk.size(); i += 8) junk[i] = '\x01', junk[i + 1] = '\0';
  CHECK(sniff_text(junk).charset.empty());
}

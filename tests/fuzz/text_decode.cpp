// Fuzz target: decoding a plain-text file's bytes (ingest/text_decode.h and
// reader.h's decode_text): BOM and UTF-16/32 NUL-pattern sniffing, UTF-8
// validation, ICU's legacy charset detection, chunked decoding, TextChecks.
// Input: the file's bytes. Checks: decoded text is valid UTF-8 with a
// charset named; decoding it again in chunks (cut where the input says) gives
// the same text; for a charset picked by the input, chunked and whole-buffer
// decoding agree on success, text and (within 3 bytes) the first bad byte;
// TextChecks counts every byte and refuses a text with a NUL byte.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "ingest/reader.h"
#include "ingest/text_decode.h"
#include "text/utf8.h"

namespace {

using namespace dipmine::ingest;

// Chunk lengths from the input itself: a cut anywhere, often inside a character.
std::vector<size_t> chunk_sizes(std::string_view bytes) {
  uint32_t h = 2166136261u;
  for (const char c : bytes.substr(0, 64)) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  std::vector<size_t> sizes;
  for (size_t total = 0; total < bytes.size();) {
    h = h * 1103515245u + 12345u;
    const size_t n = 1 + (h >> 16) % 7;
    sizes.push_back(n);
    total += n;
  }
  return sizes;
}

struct Chunked {
  bool ok = true;
  std::string text;
  uint64_t bad_offset = 0;
};

Chunked decode_in_chunks(std::string_view bytes, const std::string& charset) {
  Chunked r;
  ChunkDecoder d(charset);
  FUZZ_CHECK(d.ok(), "no converter for a charset the decoder chose");
  size_t at = 0;
  const std::vector<size_t> sizes = chunk_sizes(bytes);
  for (size_t i = 0; i < sizes.size() && r.ok; ++i) {
    const std::string_view chunk = bytes.substr(at, sizes[i]);
    at += chunk.size();
    r.ok = d.feed(chunk, at >= bytes.size(), r.text);
  }
  if (bytes.empty()) r.ok = d.feed({}, true, r.text);
  if (!r.ok) r.bad_offset = d.bad_offset();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const TextSniff sniff = sniff_text(bytes.substr(0, kSniffBytes));
  FUZZ_CHECK(sniff.bom <= bytes.size(), "BOM longer than the input");
  const DecodedFile f = decode_text("fuzz.txt", std::string(bytes), ReadOptions{});
  if (f.error.empty()) {
    FUZZ_CHECK(!f.charset.empty(), "decoded text without a charset");
    FUZZ_CHECK(dipmine::text::is_valid_utf8(f.text), "decoded text is not valid UTF-8");
    const Chunked again = decode_in_chunks(bytes.substr(sniff.charset.empty() ? 0 : sniff.bom),
                                           f.charset);
    FUZZ_CHECK(again.ok, "chunked decoding fails where decoding the whole succeeded");
    FUZZ_CHECK(again.text == f.text, "chunked decoding gives another text");

    TextChecks checks(64);
    const std::vector<size_t> sizes = chunk_sizes(f.text);
    for (size_t i = 0, at = 0; i < sizes.size(); at += sizes[i++]) {
      checks.feed(std::string_view(f.text).substr(at, sizes[i]));
    }
    FUZZ_CHECK(checks.bytes() == f.text.size(), "TextChecks lost bytes");
    if (f.text.find('\0') != std::string::npos) {
      FUZZ_CHECK(!checks.finish().empty(), "TextChecks passed a text with a NUL byte");
    }
    if (only_white_space(f.text)) {
      FUZZ_CHECK(!checks.finish().empty(), "TextChecks passed a white-space-only text");
    }
  } else {
    FUZZ_CHECK(f.error.rfind("fuzz.txt: ", 0) == 0, "an error that does not name the file");
  }

  // Whole against chunked, for a charset the input picks.
  static const std::string kCharsets[] = {"UTF-8",    "UTF-16LE", "UTF-16BE",  "UTF-32LE",
                                          "UTF-32BE", "Shift_JIS", "EUC-JP", "windows-1256"};
  const std::string& charset = kCharsets[size % std::size(kCharsets)];
  std::string whole;
  uint64_t bad = 0;
  const bool whole_ok = decode_all(bytes, charset, whole, &bad);
  const Chunked chunked = decode_in_chunks(bytes, charset);
  FUZZ_CHECK(whole_ok == chunked.ok, "whole and chunked decoding disagree on success");
  if (whole_ok) {
    FUZZ_CHECK(whole == chunked.text, "whole and chunked decoding give different texts");
    FUZZ_CHECK(dipmine::text::is_valid_utf8(whole), "decode_all gave invalid UTF-8");
  } else {
    FUZZ_CHECK(bad < bytes.size() || bytes.empty() || bad == bytes.size(),
               "bad byte offset past the input");
    if (chunked.bad_offset < bad || chunked.bad_offset > bad + 3) {
      std::fprintf(stderr, "%s: bad byte at %llu whole, %llu chunked\n", charset.c_str(),
                   static_cast<unsigned long long>(bad),
                   static_cast<unsigned long long>(chunked.bad_offset));
    }
    // Bad bytes cut between chunks may be placed up to 3 bytes late (text_decode.h).
    FUZZ_CHECK(bad <= chunked.bad_offset && chunked.bad_offset <= bad + 3,
               "chunked decoding places the bad bytes more than 3 bytes from where they are");
  }
  return 0;
}

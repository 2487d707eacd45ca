// Decoding plain text by chunks, so that a file of any size passes through
// bounded memory, and the checks every decoded text must pass.
//
//   TextSniff s = sniff_text(first_64k);        // BOM, UTF-16/32 NUL pattern, binary
//   ChunkDecoder d(s.charset);                  // "UTF-8", "UTF-16LE", "windows-1256", ...
//   TextChecks checks(max_line_bytes);
//   while (read(block)) { d.feed(block, eof, utf8); checks.feed(utf8); }
//   if (std::string e = checks.finish(); !e.empty()) report(e);
//   use(checks.sha256(), checks.bytes());
//
// sniff_text looks at the first bytes only: a 1 GB file of NULs is judged
// binary without reading the rest. UTF-16 and UTF-32 are recognised by their
// BOM or, without one, by NUL bytes in every other (every fourth) position.
// A text with a few stray NUL bytes is not binary; TextChecks refuses it with
// the NUL's offset (a NUL would end the text early in C APIs downstream, a
// silent loss).
#pragma once
#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct UConverter;  // ICU's

namespace dipmine::ingest {

// How many bytes sniff_text wants to see (fewer if the file is shorter).
constexpr size_t kSniffBytes = 64 * 1024;

struct TextSniff {
  std::string charset;  // "" = not known from the first bytes (UTF-8 or a legacy charset)
  size_t bom = 0;       // bytes of byte-order mark to skip
  bool binary = false;  // NUL bytes or control characters that no text has
};
TextSniff sniff_text(std::string_view head);

// Bytes in one charset to UTF-8, fed in chunks of any size: a character cut
// at a chunk's end waits for the next chunk. Stops at the first byte the
// charset cannot map rather than inventing U+FFFD.
class ChunkDecoder {
 public:
  explicit ChunkDecoder(const std::string& charset);
  ~ChunkDecoder();
  ChunkDecoder(const ChunkDecoder&) = delete;
  ChunkDecoder& operator=(const ChunkDecoder&) = delete;

  // False when ICU has no converter of this name.
  bool ok() const { return utf8_ || converter_ != nullptr; }
  // Appends the UTF-8 of `bytes` to `out`. `last`: no more bytes follow (an
  // incomplete character is then an error). False at an undecodable byte; its
  // offset from the first byte fed is bad_offset() (exact, except that for
  // bad bytes cut between two chunks ICU may place them up to 3 bytes late).
  bool feed(std::string_view bytes, bool last, std::string& out);
  uint64_t bad_offset() const { return bad_offset_; }

 private:
  bool utf8_ = false;
  UConverter* converter_ = nullptr;
  std::string carry_;       // UTF-8: an incomplete character from the last chunk
  uint64_t fed_ = 0;        // bytes fed before this chunk
  uint64_t bad_offset_ = 0;
  std::u16string pending_;  // a high surrogate waiting for its pair
  std::string recent_;      // the last bytes fed, to place an error ICU reports late
};

// Decodes all of `bytes` (one chunk). False as ChunkDecoder::feed.
bool decode_all(std::string_view bytes, const std::string& charset, std::string& out,
                uint64_t* bad_offset = nullptr);

// Incremental SHA-256, hex digest.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  std::string hex();  // finishes; reset() before the next update
  void reset();

  // Sets OpenSSL up. Call on the main thread before pool threads hash: its
  // first use keeps per-thread state in the calling thread, which a pool
  // thread still alive at exit would leak. Idempotent; throws Error.
  static void prepare();

 private:
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx_;
};

// What a decoded text must pass, fed in order by chunks (cut anywhere, even
// inside a character): no NUL byte, no line
// longer than the limit, some text besides white space. Also hashes it.
class TextChecks {
 public:
  explicit TextChecks(uint64_t max_line_bytes) : max_line_(max_line_bytes) {}
  void feed(std::string_view utf8);
  // "" when the text passed, else what is wrong ("line 3: NUL byte (...)").
  std::string finish() const;
  std::string sha256() { return sha_.hex(); }
  uint64_t bytes() const { return bytes_; }

 private:
  uint64_t max_line_;
  uint64_t bytes_ = 0, line_ = 1, line_bytes_ = 0;
  uint64_t long_line_ = 0, long_line_bytes_ = 0;  // the first too-long line
  uint64_t nul_offset_ = UINT64_MAX, nul_line_ = 0;
  bool visible_ = false;
  std::string space_carry_;  // while !visible_: an incomplete character at a chunk's end
  Sha256 sha_;               // of the text with CRLF and CR made LF
  bool after_cr_ = false;    // the last byte fed was a CR (its LF may start the next chunk)
};

// True when `s` holds nothing but white space (Unicode White_Space, and
// format characters such as ZWNJ or a BOM, which show nothing on their own).
bool only_white_space(std::string_view s);

}  // namespace dipmine::ingest

// A large plain-text file as a stream of slices, so that its size does not
// set the memory ingest needs (a 1 GB file: about 1 MB of it at a time).
//
//   TextStream s(path, read_options);      // a first pass: charset, checks, SHA-256
//   if (!s.error().empty()) report(s.error());
//   for (std::string slice; s.next(slice);) use(slice);   // second pass
//   if (!s.error().empty()) ...                           // changed meanwhile
//
// The first pass reads the whole file once, decoding it as read_document_file
// would (BOM, UTF-16/32 NUL pattern, UTF-8, else the legacy charset ICU finds
// in the first megabyte) and runs every TextChecks test, so that a bad file
// is refused before anything is stored, and the document's identity (SHA-256
// of the text) is known before its first paragraph is written. The second
// pass decodes again and cuts the text where paragraphs end
// (ingest/paragraphs.h paragraph_cut): the slices' paragraphs are the
// whole text's. A file that changes between the passes is an error.
#pragma once
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "ingest/text_decode.h"

namespace dipmine::ingest {

// Plain-text files larger than this are streamed (ingest.h).
constexpr uint64_t kStreamFileBytes = 4u << 20;

class TextStream {
 public:
  TextStream(const std::string& path, const ReadOptions& options);

  // "" while all is well; else "<path>: <what>".
  const std::string& error() const { return error_; }
  const std::string& charset() const { return charset_; }
  // What the reader noted on the way (the charset it guessed), for the user.
  const std::vector<std::string>& notes() const { return notes_; }
  const std::string& sha256() const { return sha256_; }
  uint64_t text_bytes() const { return text_bytes_; }

  // The next slice (about kSliceBytes, ending where a paragraph does); false
  // at the end of the text or on an error.
  bool next(std::string& slice);

  static constexpr size_t kSliceBytes = 256 * 1024;

 private:
  // Decodes the whole file with `charset` through `checks`; false with
  // `bad_offset` and `bad_line` set at an undecodable byte.
  bool pass(const std::string& charset, TextChecks& checks, uint64_t& bad_offset,
            uint64_t& bad_line);
  bool fail(const std::string& what);
  bool read_block(std::ifstream& in, std::string& block);

  std::string path_;
  ReadOptions options_;
  std::string error_, charset_, sha256_;
  std::vector<std::string> notes_;
  size_t bom_ = 0;
  uint64_t text_bytes_ = 0;
  // The second pass.
  std::ifstream in_;
  std::unique_ptr<ChunkDecoder> decoder_;
  std::unique_ptr<TextChecks> recheck_;
  std::string pending_;
  bool at_end_ = false;
};

}  // namespace dipmine::ingest

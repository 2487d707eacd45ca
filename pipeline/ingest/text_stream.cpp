#include "ingest/text_stream.h"

#include <fmt/format.h>

#include <algorithm>

#include "ingest/paragraphs.h"

namespace dipmine::ingest {
namespace {

constexpr size_t kReadBytes = 1 << 20;
// How much of a file that is not UTF-8 goes to ICU's charset detector.
constexpr size_t kDetectBytes = 1 << 20;

}  // namespace

TextStream::TextStream(const std::string& path, const ReadOptions& options)
    : path_(path), options_(options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail("cannot read (missing or no permission)");
    return;
  }
  std::string head(kDetectBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  const TextSniff sniff = options.encoding.empty()
                              ? sniff_text(std::string_view(head).substr(0, kSniffBytes))
                              : TextSniff{};
  if (sniff.binary) {
    fail("binary file, not text; skipped");
    return;
  }
  bom_ = sniff.bom;
  std::string charset = !options.encoding.empty() ? options.encoding
                        : sniff.charset.empty()   ? "UTF-8"
                                                  : sniff.charset;
  if (!ChunkDecoder(charset).ok()) {
    fail(fmt::format("not valid {} text", charset));
    return;
  }
  auto checks = std::make_unique<TextChecks>(options.max_line_bytes);
  uint64_t bad = 0, bad_line = 0;
  bool good = pass(charset, *checks, bad, bad_line);
  if (!good && options.encoding.empty() && sniff.charset.empty()) {
    // Not UTF-8. The start of the file decides as read_document_file would:
    // damaged UTF-8 (an error) or a legacy charset.
    const size_t nl = head.rfind('\n');
    if (nl != std::string::npos && head.size() == kDetectBytes) head.resize(nl + 1);
    const DecodedFile first = decode_text(path, std::move(head), options);
    if (!first.error.empty() || first.charset == "UTF-8") {
      fail(fmt::format("line {}: invalid UTF-8 (byte offset {}) in a UTF-8 file; repair it, or "
                       "give --encoding if it is not UTF-8",
                       bad_line, bad));
      return;
    }
    charset = first.charset;
    notes_ = first.notes;
    checks = std::make_unique<TextChecks>(options.max_line_bytes);
    good = pass(charset, *checks, bad, bad_line);
  }
  if (!good) {
    fail(fmt::format("not valid {} text (byte offset {})", charset, bad));
    return;
  }
  if (const std::string e = checks->finish(); !e.empty()) {
    fail(e);
    return;
  }
  charset_ = charset;
  sha256_ = checks->sha256();
  text_bytes_ = checks->bytes();
  in_.open(path, std::ios::binary);
  in_.seekg(static_cast<std::streamoff>(bom_));
  decoder_ = std::make_unique<ChunkDecoder>(charset_);
  recheck_ = std::make_unique<TextChecks>(options.max_line_bytes);
}

bool TextStream::fail(const std::string& what) {
  if (error_.empty()) error_ = fmt::format("{}: {}", path_, what);
  return false;
}

bool TextStream::read_block(std::ifstream& in, std::string& block) {
  block.resize(kReadBytes);
  in.read(block.data(), static_cast<std::streamsize>(block.size()));
  block.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return fail("read error");
  return true;
}

bool TextStream::pass(const std::string& charset, TextChecks& checks, uint64_t& bad_offset,
                      uint64_t& bad_line) {
  std::ifstream in(path_, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(bom_));
  ChunkDecoder decoder(charset);
  std::string block, text;
  uint64_t done = 0, lines = 1;
  for (;;) {
    if (!read_block(in, block)) return false;
    const bool last = !in;
    text.clear();
    if (!decoder.feed(block, last, text)) {
      bad_offset = decoder.bad_offset() + bom_;
      const size_t in_block = static_cast<size_t>(std::min<uint64_t>(bad_offset - bom_ - done, block.size()));
      bad_line = lines + static_cast<uint64_t>(std::count(block.begin(), block.begin() + static_cast<long>(in_block), '\n'));
      return false;
    }
    checks.feed(text);
    done += block.size();
    lines += static_cast<uint64_t>(std::count(block.begin(), block.end(), '\n'));
    if (last) return true;
  }
}

bool TextStream::next(std::string& slice) {
  if (at_end_ || !error_.empty()) return false;
  std::string block, text;
  for (;;) {
    if (pending_.size() >= kSliceBytes) {
      size_t cut = paragraph_cut(pending_, kSliceBytes);
      if (cut == std::string::npos && pending_.size() > options_.max_line_bytes + kSliceBytes) {
        // A line longer than the read-ahead allows (a raised max_line_bytes):
        // cut at a character boundary.
        cut = kSliceBytes;
        while (cut > 0 && (static_cast<unsigned char>(pending_[cut]) & 0xC0) == 0x80) --cut;
      }
      if (cut != std::string::npos) {
        slice.assign(pending_, 0, cut);
        pending_.erase(0, cut);
        return true;
      }
    }
    if (!in_.is_open()) {  // the text is all decoded
      if (pending_.empty()) {
        at_end_ = true;
        if (recheck_->sha256() != sha256_) return fail("changed while being read; not ingested");
        return false;
      }
      slice = std::move(pending_);
      pending_.clear();
      return true;
    }
    if (!read_block(in_, block)) return false;
    const bool last = !in_;
    text.clear();
    if (!decoder_->feed(block, last, text)) return fail("changed while being read; not ingested");
    recheck_->feed(text);
    pending_ += text;
    if (last) in_.close();
  }
}

}  // namespace dipmine::ingest

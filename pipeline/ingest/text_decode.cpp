#include "ingest/text_decode.h"

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>

#include "common/error.h"
#include "text/utf8.h"

namespace dipmine::ingest {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Share of NUL bytes at each position modulo `period`.
void nul_shares(std::string_view head, size_t period, double* share) {
  size_t counts[4] = {0, 0, 0, 0}, totals[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < head.size(); ++i) {
    ++totals[i % period];
    counts[i % period] += head[i] == '\0';
  }
  for (size_t k = 0; k < period; ++k) share[k] = totals[k] ? double(counts[k]) / totals[k] : 0;
}

// True when `head` read as UTF-16 (little- or big-endian) is text: surrogates
// in pairs, and (but for one in a hundred) no control other than tab, line
// ends and form feed, no private-use or unassigned code point.
bool plausible_utf16(std::string_view head, bool little) {
  size_t units = head.size() / 2, odd = 0;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    const auto a = static_cast<unsigned char>(head[i]), b = static_cast<unsigned char>(head[i + 1]);
    UChar32 c = little ? (b << 8 | a) : (a << 8 | b);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 3 >= head.size()) break;  // a pair cut by the head's end
      const auto a2 = static_cast<unsigned char>(head[i + 2]), b2 = static_cast<unsigned char>(head[i + 3]);
      const UChar32 low = little ? (b2 << 8 | a2) : (a2 << 8 | b2);
      if (low < 0xDC00 || low > 0xDFFF) return false;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      return false;
    }
    const int8_t type = u_charType(c);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || type == U_PRIVATE_USE_CHAR ||
        type == U_UNASSIGNED) {
      ++odd;
    }
  }
  return units > 0 && odd * 100 <= units;
}

// The charset of BOM-less UTF-16/32 from where its NUL bytes fall: text in
// UTF-16LE has a NUL in the high (odd) byte of every ASCII character (space
// and newline too, in Persian or Japanese text) and none in the low byte.
std::string nul_pattern_charset(std::string_view head) {
  // A few stray NULs are not a pattern: at least 4, in 16 bytes or more.
  if (head.size() < 16 || std::count(head.begin(), head.end(), '\0') < 4) return {};
  double s4[4], s2[2];
  nul_shares(head, 4, s4);
  if (s4[2] > 0.9 && s4[3] > 0.9 && s4[0] < 0.1) return "UTF-32LE";
  if (s4[0] > 0.9 && s4[1] > 0.9 && s4[3] < 0.1) return "UTF-32BE";
  nul_shares(head, 2, s2);
  if (s2[1] >= 0.1 && s2[0] < 0.01) return "UTF-16LE";
  if (s2[0] >= 0.1 && s2[1] < 0.01) return "UTF-16BE";
  // CJK text has NULs on the other side too: U+3000, U+4E00, U+3100... end
  // in a 00 byte (2% of the bytes of an Aozora text in UTF-16LE). Then the
  // side with far more NULs decides if the head reads as plausible UTF-16.
  if (s2[1] >= 0.1 && s2[0] < s2[1] / 4 && plausible_utf16(head, true)) return "UTF-16LE";
  if (s2[0] >= 0.1 && s2[1] < s2[0] / 4 && plausible_utf16(head, false)) return "UTF-16BE";
  return {};
}

}  // namespace

TextSniff sniff_text(std::string_view head) {
  TextSniff s;
  static const struct {
    std::string_view bom;
    const char* charset;
  } kBoms[] = {{"\xEF\xBB\xBF", "UTF-8"},
               {std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"},  // before UTF-16LE
               {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
               {"\xFF\xFE", "UTF-16LE"},
               {"\xFE\xFF", "UTF-16BE"}};
  for (const auto& b : kBoms) {
    if (starts_with(head, b.bom)) {
      s.charset = b.charset;
      s.bom = b.bom.size();
      return s;
    }
  }
  s.charset = nul_pattern_charset(head);
  if (!s.charset.empty()) return s;
  // Binary: more than 8 NULs and more than one in a hundred bytes, or many C0
  // controls other than tab/newline/CR/FF/ESC. A few stray NULs are text
  // (refused by TextChecks, which says where).
  size_t nuls = 0, controls = 0;
  for (const char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    nuls += c == 0;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++controls;
  }
  s.binary = !head.empty() && ((nuls > 8 && nuls * 100 > head.size()) || controls * 20 > head.size());
  return s;
}

ChunkDecoder::ChunkDecoder(const std::string& charset) {
  if (charset == "UTF-8" || charset == "utf-8" || charset == "utf8") {
    utf8_ = true;
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  converter_ = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status)) {
    converter_ = nullptr;
    return;
  }
  ucnv_setToUCallBack(converter_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
}

ChunkDecoder::~ChunkDecoder() {
  if (converter_ != nullptr) ucnv_close(converter_);
}

namespace {

// The length of `s` without an incomplete UTF-8 character at its end (one
// that the next chunk may complete).
size_t complete_utf8_prefix(std::string_view s) {
  for (size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const auto c = static_cast<unsigned char>(s[s.size() - back]);
    if ((c & 0xC0) == 0x80) continue;
    const size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? s.size() - back : s.size();
  }
  return s.size();
}

}  // namespace

bool ChunkDecoder::feed(std::string_view bytes, bool last, std::string& out) {
  const uint64_t base = fed_;
  fed_ += bytes.size();
  if (utf8_) {
    // Cut before an incomplete character at the end; validate the rest.
    std::string joined;
    if (!carry_.empty()) {
      joined = carry_ + std::string(bytes);
      bytes = joined;
    }
    const uint64_t start = base - carry_.size();
    const size_t cut = last ? bytes.size() : complete_utf8_prefix(bytes);
    const std::string_view whole = bytes.substr(0, cut);
    if (!text::is_valid_utf8(whole)) {
      for (size_t i = 0; i < whole.size();) {
        size_t len;
        if (text::decode_utf8(whole, i, len) == 0xFFFD && len == 1) {
          bad_offset_ = start + i;
          break;
        }
        i += len;
      }
      return false;
    }
    out.append(whole);
    carry_.assign(bytes.substr(cut));
    return true;
  }
  // ICU: to UTF-16 in blocks, then to UTF-8; a high surrogate at a block's
  // end waits for its pair.
  const char* src = bytes.data();
  const char* const src_end = src + bytes.size();
  char16_t block[16384];
  for (;;) {
    UErrorCode status = U_ZERO_ERROR;
    UChar* target = reinterpret_cast<UChar*>(block);
    ucnv_toUnicode(converter_, &target, reinterpret_cast<UChar*>(block + std::size(block)), &src,
                   src_end, nullptr, last, &status);
    pending_.append(block, static_cast<size_t>(target - reinterpret_cast<UChar*>(block)));
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) {
      // The bad bytes are the ones ICU consumed last.
      char bad[8];
      int8_t n = sizeof bad;
      UErrorCode s2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter_, bad, &n, &s2);
      if (U_FAILURE(s2)) n = 0;
      const uint64_t consumed = base + static_cast<uint64_t>(src - bytes.data());
      bad_offset_ = consumed - std::min<uint64_t>(n, consumed);
      // ICU may have taken a byte past the bad ones that it held back at a
      // chunk's end (an unpaired UTF-16 surrogate cut from the unit after
      // it): find the bad bytes where they are, a few bytes further back.
      const std::string window = recent_ + std::string(bytes.substr(0, src - bytes.data()));
      const uint64_t window_start = base - recent_.size();
      for (uint64_t back = 0; back <= 4 && n > 0 && bad_offset_ >= window_start + back; ++back) {
        const uint64_t at = bad_offset_ - back;
        if (window.compare(at - window_start, n, bad, n) == 0) {
          bad_offset_ = at;
          break;
        }
      }
      return false;
    }
    size_t keep = 0;
    if (!pending_.empty() && U16_IS_LEAD(pending_.back()) && !(last && src == src_end)) keep = 1;
    const size_t convert = pending_.size() - keep;
    if (convert > 0) {
      int32_t len = 0;
      UErrorCode s3 = U_ZERO_ERROR;
      const size_t at = out.size();
      out.resize(at + convert * 3);
      u_strToUTF8(out.data() + at, static_cast<int32_t>(convert * 3), &len,
                  reinterpret_cast<const UChar*>(pending_.data()), static_cast<int32_t>(convert),
                  &s3);
      out.resize(at + static_cast<size_t>(len));
      if (U_FAILURE(s3)) {  // an unpaired surrogate
        bad_offset_ = base + static_cast<uint64_t>(src - bytes.data());
        return false;
      }
      pending_.erase(0, convert);
    }
    if (status != U_BUFFER_OVERFLOW_ERROR) {
      recent_.append(bytes.substr(bytes.size() - std::min<size_t>(bytes.size(), 8)));
      if (recent_.size() > 8) recent_.erase(0, recent_.size() - 8);
      return true;
    }
  }
}

bool decode_all(std::string_view bytes, const std::string& charset, std::string& out,
                uint64_t* bad_offset) {
  ChunkDecoder d(charset);
  if (!d.ok()) return false;
  out.clear();
  const bool good = d.feed(bytes, true, out);
  if (!good && bad_offset != nullptr) *bad_offset = d.bad_offset();
  return good;
}

namespace {

// The digest is fetched once: EVP_Digest looks the algorithm up on every call.
// The system's openssl.cnf is not read: a hash needs none of it, and a broken
// one on a user's machine must not stop an ingest.
const EVP_MD* sha256_digest() {
  static EVP_MD* const md = [] {
    OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
    return EVP_MD_fetch(nullptr, "SHA256", nullptr);
  }();
  return md;
}

}  // namespace

void Sha256::prepare() {
  if (sha256_digest() == nullptr) throw Error("sha256: OpenSSL has no SHA-256");
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) { reset(); }

void Sha256::reset() {
  const EVP_MD* sha256 = sha256_digest();
  if (sha256 == nullptr || ctx_ == nullptr || EVP_DigestInit_ex2(ctx_.get(), sha256, nullptr) != 1) {
    throw Error("sha256: OpenSSL could not hash a document");
  }
}

void Sha256::update(std::string_view data) {
  if (EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) != 1) {
    throw Error("sha256: OpenSSL could not hash a document");
  }
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx_.get(), digest, &len) != 1) {
    throw Error("sha256: OpenSSL could not hash a document");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(len * 2, '0');
  for (unsigned int i = 0; i < len; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
  return hex;
}

bool only_white_space(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c > ' ' || (c < '\t' && c != 0) || (c > '\r' && c < ' ')) return false;
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = text::decode_utf8(s, i, len);
    if (!u_isUWhiteSpace(static_cast<UChar32>(cp)) && u_charType(static_cast<UChar32>(cp)) != U_FORMAT_CHAR) {
      return false;
    }
    i += len;
  }
  return true;
}

void TextChecks::feed(std::string_view utf8) {
  // The identity hashes the text with its line ends made LF: the same text
  // saved with CRLF (or old Mac CR) line ends is the same document, as the
  // same text in UTF-16 is (its paragraphs are the same).
  if (utf8.find('\r') == std::string_view::npos) {
    sha_.update(after_cr_ && !utf8.empty() && utf8[0] == '\n' ? utf8.substr(1) : utf8);
    if (!utf8.empty()) after_cr_ = false;
  } else {
    std::string lf;
    lf.reserve(utf8.size());
    for (const char c : utf8) {
      if (c == '\n' && after_cr_) {
        after_cr_ = false;
        continue;
      }
      after_cr_ = c == '\r';
      lf += after_cr_ ? '\n' : c;
    }
    sha_.update(lf);
  }
  if (!visible_) {
    // Judged on whole characters: a chunk may end inside one (a BOM, an
    // ideographic space), which is no visible text.
    std::string joined = space_carry_ + std::string(utf8);
    const size_t cut = complete_utf8_prefix(joined);
    visible_ = !only_white_space(std::string_view(joined).substr(0, cut));
    space_carry_ = joined.substr(cut);
  }
  if (nul_offset_ == UINT64_MAX) {
    if (const size_t nul = utf8.find('\0'); nul != std::string_view::npos) {
      nul_offset_ = bytes_ + nul;
      nul_line_ = line_ + static_cast<uint64_t>(std::count(utf8.begin(), utf8.begin() + static_cast<long>(nul), '\n'));
    }
  }
  for (size_t pos = 0; pos < utf8.size();) {
    const size_t nl = utf8.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? utf8.size() : nl;
    line_bytes_ += end - pos;
    if (long_line_ == 0 && line_bytes_ > max_line_) {
      long_line_ = line_;
      long_line_bytes_ = line_bytes_;
    }
    if (long_line_ == line_) long_line_bytes_ = std::max(long_line_bytes_, line_bytes_);
    if (nl == std::string_view::npos) break;
    ++line_;
    line_bytes_ = 0;
    pos = nl + 1;
  }
  bytes_ += utf8.size();
}

std::string TextChecks::finish() const {
  if (nul_offset_ != UINT64_MAX) {
    return fmt::format("line {}: NUL byte at byte offset {} of the text; not ingested (remove the "
                       "NUL bytes; if the file is UTF-16 or UTF-32, give --encoding)",
                       nul_line_, nul_offset_);
  }
  if (long_line_ != 0) {
    return fmt::format("line {} is {:.1f} MB long (limit {:.1f} MB per line); not ingested",
                       long_line_, long_line_bytes_ / 1048576.0, max_line_ / 1048576.0);
  }
  // An incomplete character at the end is no white space.
  if (!visible_ && space_carry_.empty()) return bytes_ == 0 ? "empty file; skipped" : "empty file (only white space); skipped";
  return {};
}

}  // namespace dipmine::ingest

#include "text/steps.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace dipmine::text {
namespace {

void push(MappedText& out, char32_t cp, uint32_t b, uint32_t e) {
  const size_t before = out.text.size();
  append_utf8(out.text, cp);
  for (size_t k = before; k < out.text.size(); ++k) {
    out.begin.push_back(b);
    out.end.push_back(e);
  }
}

// Applies an ICU Normalizer2 chunk by chunk, each chunk starting at a code point
// with a normalisation boundary before it, so every output byte maps to its chunk.
MappedText apply_normalizer2(const MappedText& in, const icu::Normalizer2& n2) {
  MappedText out;
  out.text.reserve(in.text.size());
  out.begin.reserve(in.text.size());
  out.end.reserve(in.text.size());
  const std::string_view s = in.text;
  size_t i = 0;
  while (i < s.size()) {
    // Fast path: ASCII that is its own normal form under both NFKC variants used
    // here except for case; callers that fold case get it from the ICU path.
    size_t len;
    size_t j = i;
    decode_utf8(s, j, len);
    j += len;
    while (j < s.size()) {
      const char32_t next = decode_utf8(s, j, len);
      if (n2.hasBoundaryBefore(static_cast<UChar32>(next))) break;
      j += len;
    }
    const std::string_view chunk = s.substr(i, j - i);
    uint32_t b = in.begin[i];
    uint32_t e = in.end[j - 1];
    for (size_t k = i; k < j; ++k) {
      if (in.begin[k] < b) b = in.begin[k];
      if (in.end[k] > e) e = in.end[k];
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString src = icu::UnicodeString::fromUTF8(
        icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())));
    const icu::UnicodeString dst = n2.normalize(src, status);
    if (U_FAILURE(status)) {
      for (size_t k = i; k < j; ++k) {
        out.text.push_back(s[k]);
        out.begin.push_back(in.begin[k]);
        out.end.push_back(in.end[k]);
      }
    } else if (dst == src) {
      // Unchanged: keep the finer per-character map of the input.
      for (size_t k = i; k < j; ++k) {
        out.text.push_back(s[k]);
        out.begin.push_back(in.begin[k]);
        out.end.push_back(in.end[k]);
      }
    } else {
      for (int32_t k = 0; k < dst.length();) {
        const UChar32 cp = dst.char32At(k);
        push(out, static_cast<char32_t>(cp), b, e);
        k += U16_LENGTH(cp);
      }
    }
    i = j;
  }
  return out;
}

}  // namespace

MappedText map_code_points(const MappedText& in, const CodePointRewrite& fn) {
  MappedText out;
  out.text.reserve(in.text.size());
  out.begin.reserve(in.text.size());
  out.end.reserve(in.text.size());
  std::u32string repl;
  const std::string_view s = in.text;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t cp = decode_utf8(s, i, len);
    repl.clear();
    if (fn(cp, repl)) {
      const uint32_t b = in.begin[i];
      const uint32_t e = in.end[i + len - 1];
      for (char32_t r : repl) push(out, r, b, e);
    } else if (cp == 0xFFFD && len == 1) {
      push(out, 0xFFFD, in.begin[i], in.end[i]);
    } else {
      for (size_t k = i; k < i + len; ++k) {
        out.text.push_back(s[k]);
        out.begin.push_back(in.begin[k]);
        out.end.push_back(in.end[k]);
      }
    }
    i += len;
  }
  return out;
}

MappedText sanitize_utf8(std::string_view original) {
  const MappedText id = MappedText::identity(original);
  if (is_valid_utf8(original)) return id;
  return map_code_points(id, [](char32_t, std::u32string&) { return false; });
}

MappedText apply_nfkc(const MappedText& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return in;
  return apply_normalizer2(in, *n2);
}

MappedText apply_nfkc_casefold(const MappedText& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return in;
  return apply_normalizer2(in, *n2);
}

MappedText apply_casefold(const MappedText& in) {
  return map_code_points(in, [](char32_t cp, std::u32string& out) {
    const UChar32 f = u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT);
    if (f == static_cast<UChar32>(cp)) return false;
    out.push_back(static_cast<char32_t>(f));
    return true;
  });
}

}  // namespace dipmine::text

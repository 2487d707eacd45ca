#include "text/steps.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>

namespace dipmine::text {
namespace {

// Applies an ICU Normalizer2 chunk by chunk, each chunk running from a code
// point with a normalisation boundary before it to the next such code point, so
// every output byte maps to its chunk. A one-code-point chunk that the mode
// leaves alone (ASCII, or Unicode's own quick-check property) is copied with no
// ICU call: that keeps this step near ICU's own speed on ordinary text.
MappedText apply_normalizer2(MappedText&& in, const icu::Normalizer2& n2, bool casefold) {
  const std::string_view s = in.text;
  MappedText out;
  bool changed = false;
  size_t kept = 0;
  std::string buf;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const auto b0 = static_cast<unsigned char>(s[i]);
    const char32_t cp = b0 < 0x80 ? b0 : decode_utf8(s, i, len);
    size_t j = i + len;
    while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) {
      size_t l2;
      const char32_t next = decode_utf8(s, j, l2);
      if (n2.hasBoundaryBefore(static_cast<UChar32>(next))) break;
      j += l2;
    }
    bool same;
    if (j != i + len) {
      same = false;  // a letter with combining marks: let ICU decide
    } else if (cp < 0x80) {
      same = !casefold || cp < 'A' || cp > 'Z';
    } else if (casefold) {
      same = !u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED);
    } else {
      same = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFKC_QUICK_CHECK) == UNORM_YES;
    }
    if (!same) {
      buf.clear();
      icu::StringByteSink<std::string> sink(&buf);
      UErrorCode status = U_ZERO_ERROR;
      n2.normalizeUTF8(0, icu::StringPiece(s.data() + i, static_cast<int32_t>(j - i)), sink,
                       nullptr, status);
      same = U_FAILURE(status) || buf == s.substr(i, j - i);
    }
    if (!same) {
      if (!changed) {
        changed = true;
        out.text.reserve(s.size());
        out.begin.reserve(s.size());
        out.end.reserve(s.size());
      }
      copy_mapped(out, in, kept, i);
      uint32_t b = in.begin[i], e = in.end[j - 1];
      for (size_t k = i; k < j; ++k) {
        b = std::min(b, in.begin[k]);
        e = std::max(e, in.end[k]);
      }
      out.text += buf;
      out.begin.insert(out.begin.end(), buf.size(), b);
      out.end.insert(out.end.end(), buf.size(), e);
      kept = j;
    }
    i = j;
  }
  if (!changed) return std::move(in);
  copy_mapped(out, in, kept, s.size());
  return out;
}

}  // namespace

void push_mapped(MappedText& out, char32_t cp, uint32_t b, uint32_t e) {
  const size_t before = out.text.size();
  append_utf8(out.text, cp);
  out.begin.insert(out.begin.end(), out.text.size() - before, b);
  out.end.insert(out.end.end(), out.text.size() - before, e);
}

void copy_mapped(MappedText& out, const MappedText& in, size_t i, size_t j) {
  if (j <= i) return;
  out.text.append(in.text, i, j - i);
  out.begin.insert(out.begin.end(), in.begin.begin() + i, in.begin.begin() + j);
  out.end.insert(out.end.end(), in.end.begin() + i, in.end.begin() + j);
}

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
      for (char32_t r : repl) push_mapped(out, r, b, e);
    } else if (cp == 0xFFFD && len == 1) {
      push_mapped(out, 0xFFFD, in.begin[i], in.end[i]);
    } else {
      copy_mapped(out, in, i, i + len);
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

MappedText apply_nfkc(MappedText&& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::move(in);
  return apply_normalizer2(std::move(in), *n2, false);
}
MappedText apply_nfkc(const MappedText& in) { return apply_nfkc(MappedText(in)); }

MappedText apply_nfkc_casefold(MappedText&& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::move(in);
  return apply_normalizer2(std::move(in), *n2, true);
}
MappedText apply_nfkc_casefold(const MappedText& in) {
  return apply_nfkc_casefold(MappedText(in));
}

MappedText apply_casefold(const MappedText& in) {
  return rewrite_each(MappedText(in), [](char32_t cp) -> char32_t {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
  });
}

}  // namespace dipmine::text

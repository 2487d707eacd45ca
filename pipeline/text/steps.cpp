#include "text/steps.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

namespace dipmine::text {
namespace {

// Applies an ICU Normalizer2 to the whole text at once and rebuilds the map from
// ICU's fine-grained edit record: unchanged spans keep the input's map, each
// changed span maps to the union of the original ranges it replaced.
MappedText apply_normalizer2(MappedText&& in, const icu::Normalizer2& n2) {
  const icu::StringPiece src(in.text.data(), static_cast<int32_t>(in.text.size()));
  UErrorCode status = U_ZERO_ERROR;
  if (n2.isNormalizedUTF8(src, status) && U_SUCCESS(status)) return std::move(in);
  status = U_ZERO_ERROR;
  std::string dst;
  dst.reserve(in.text.size());
  icu::StringByteSink<std::string> sink(&dst);
  icu::Edits edits;
  n2.normalizeUTF8(0, src, sink, &edits, status);
  if (U_FAILURE(status)) return std::move(in);
  MappedText out;
  out.text = std::move(dst);
  out.begin.reserve(out.text.size());
  out.end.reserve(out.text.size());
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const auto si = static_cast<size_t>(it.sourceIndex());
    const auto ol = static_cast<size_t>(it.oldLength());
    const auto nl = static_cast<size_t>(it.newLength());
    if (!it.hasChange()) {
      out.begin.insert(out.begin.end(), in.begin.begin() + si, in.begin.begin() + si + ol);
      out.end.insert(out.end.end(), in.end.begin() + si, in.end.begin() + si + ol);
      continue;
    }
    uint32_t b = UINT32_MAX, e = 0;
    for (size_t k = si; k < si + ol; ++k) {
      b = std::min(b, in.begin[k]);
      e = std::max(e, in.end[k]);
    }
    if (ol == 0) b = e = si < in.begin.size() ? in.begin[si] : (in.end.empty() ? 0 : in.end.back());
    out.begin.insert(out.begin.end(), nl, b);
    out.end.insert(out.end.end(), nl, e);
  }
  if (out.begin.size() != out.text.size()) return std::move(in);  // never expected
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
  return apply_normalizer2(std::move(in), *n2);
}
MappedText apply_nfkc(const MappedText& in) { return apply_nfkc(MappedText(in)); }

MappedText apply_nfkc_casefold(MappedText&& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::move(in);
  return apply_normalizer2(std::move(in), *n2);
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

#include "text/steps.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>

#include "text/char_table.h"
#include "text/nfkc_pass.h"

namespace dipmine::text {

MappedText map_code_points(const MappedText& in, const CodePointRewrite& fn) {
  MappedText out;
  out.text.reserve(in.text.size());
  std::u32string repl;
  const std::string_view s = in.text;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t cp = decode_utf8(s, i, len);
    repl.clear();
    if (fn(cp, repl)) {
      const auto [b, e] = in.original_span(i, i + len);
      for (char32_t r : repl) push_mapped(out, r, b, e);
    } else if (cp == 0xFFFD && len == 1) {
      const auto [b, e] = in.original_span(i, i + 1);
      push_mapped(out, char32_t{0xFFFD}, b, e);
    } else {
      copy_mapped(out, in, i, i + len);
    }
    i += len;
  }
  return out;
}

namespace {
constexpr char32_t keep(char32_t c) { return c; }
}  // namespace

MappedText apply_nfkc(MappedText&& in) {
  return apply_nfkc_then(std::move(in), [](char32_t c) { return keep(c); });
}
MappedText apply_nfkc(const MappedText& in) { return apply_nfkc(MappedText(in)); }

MappedText apply_nfkc_casefold(MappedText&& in) {
  return apply_nfkc_casefold_then(std::move(in), [](char32_t c) { return keep(c); });
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

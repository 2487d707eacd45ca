// Internal to the text module: the CharFlag bits of one code point, asked of
// ICU. Shared by the table built into the program for the Basic Multilingual
// Plane (gen/char_flags_gen.cpp writes it at build time, with the ICU the
// program links) and by the blocks of the other planes, filled on first use.
#pragma once
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <cstdint>

#include "text/char_table.h"

namespace dipmine::text::detail {

inline uint8_t compute_char_flags(char32_t c) {
  static UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  static const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const auto u = static_cast<UChar32>(c);
  uint8_t f = 0;
  if (u_hasBinaryProperty(u, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) f |= kIgnorable;
  if (u_getIntPropertyValue(u, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES) f |= kNfkcKeeps;
  if (!u_hasBinaryProperty(u, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED)) f |= kNfkcCfKeeps;
  if (nfkc != nullptr && nfkc->hasBoundaryBefore(u)) f |= kNfkcBoundary;
  // U+0345 folds to a base letter (ι), so ICU starts a chunk at it; but NFKC
  // reorders it after the marks that follow it and composes the letter before
  // it with them. Kept in the chunk of the letter before it, where nfkc_pass.h
  // puts the marks in canonical order first, fold(clean(x)) == fold(x).
  if (nfkc_cf != nullptr && nfkc_cf->hasBoundaryBefore(u) && u != 0x345) f |= kNfkcCfBoundary;
  if (u_isalnum(u)) f |= kAlnum;
  return f;
}

}  // namespace dipmine::text::detail

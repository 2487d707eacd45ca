// Building blocks for normalisers: each step rewrites a MappedText and keeps the
// map to the ORIGINAL text (not to the step's input), so steps chain freely.
//
//   MappedText t = sanitize_utf8(original);   // always the first step
//   t = apply_nfkc(t);
//   t = map_code_points(t, [](char32_t c, std::u32string& out) { ... return true; });
//
// A language's normaliser is a short, visible list of such steps.
#pragma once
#include <functional>
#include <string>

#include "text/normalizer.h"

namespace dipmine::text {

// The identity map over `original`, with every invalid UTF-8 byte replaced by
// U+FFFD (mapped to that byte). Later steps may assume valid UTF-8.
MappedText sanitize_utf8(std::string_view original);

// Calls `fn` on every code point of `in` (invalid bytes arrive as U+FFFD). If fn
// returns false the code point is kept as it is; if true, it is replaced by
// `out` (which may be empty: deletion). Replacements map to the code point's
// original range.
using CodePointRewrite = std::function<bool(char32_t cp, std::u32string& out)>;
MappedText map_code_points(const MappedText& in, const CodePointRewrite& fn);

// ICU NFKC, applied per normalisation segment so offsets stay exact.
MappedText apply_nfkc(const MappedText& in);
// ICU NFKC_Casefold (note: deletes ZWNJ and soft hyphens).
MappedText apply_nfkc_casefold(const MappedText& in);
// ICU full case folding only.
MappedText apply_casefold(const MappedText& in);

}  // namespace dipmine::text

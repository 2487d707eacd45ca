// Small UTF-8 helpers shared by the text module: decode one code point with
// explicit handling of invalid bytes, and append one.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace dipmine::text {

// Decodes the code point at s[i]; sets `len` to the bytes consumed (>= 1).
// An invalid or truncated sequence yields U+FFFD with len == 1.
char32_t decode_utf8(std::string_view s, size_t i, size_t& len);

void append_utf8(std::string& out, char32_t cp);

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace dipmine::text

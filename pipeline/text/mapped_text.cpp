#include "text/normalizer.h"

namespace dipmine::text {

std::pair<uint32_t, uint32_t> MappedText::original_span(size_t b, size_t e) const {
  if (text.empty()) return {0, 0};
  if (b >= text.size()) {
    const uint32_t last = end.back();
    return {last, last};
  }
  if (e <= b) return {begin[b], begin[b]};
  if (e > text.size()) e = text.size();
  uint32_t first = begin[b];
  uint32_t last = end[e - 1];
  // Reordering steps (visual-order repair) can map later output before earlier.
  for (size_t i = b; i < e; ++i) {
    if (begin[i] < first) first = begin[i];
    if (end[i] > last) last = end[i];
  }
  return {first, last};
}

MappedText MappedText::identity(std::string_view s) {
  MappedText m;
  m.text.assign(s);
  m.begin.resize(s.size());
  m.end.resize(s.size());
  size_t i = 0;
  while (i < s.size()) {
    // Every byte of a character carries the whole character's range.
    size_t len = 1;
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 >= 0xC0) {
      len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
      for (size_t k = 1; k < len; ++k) {
        if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
          len = k;
          break;
        }
      }
    }
    for (size_t k = 0; k < len; ++k) {
      m.begin[i + k] = static_cast<uint32_t>(i);
      m.end[i + k] = static_cast<uint32_t>(i + len);
    }
    i += len;
  }
  return m;
}

}  // namespace dipmine::text

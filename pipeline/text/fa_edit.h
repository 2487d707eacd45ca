// Internal helpers of the Persian steps: code points with byte ranges, Persian
// words, and an editor that copies a MappedText with a few replacements.
#pragma once
#include <string>
#include <tuple>
#include <vector>

#include "text/arabic_chars.h"
#include "text/steps.h"

namespace dipmine::text::fa {

struct Cp {
  char32_t c;
  size_t b, e;  // byte range in the step's input
};

inline std::vector<Cp> code_points(std::string_view s) {
  std::vector<Cp> out;
  out.reserve(s.size() / 2 + 1);
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t c = decode_utf8(s, i, len);
    out.push_back({c, i, i + len});
    i += len;
  }
  return out;
}

// Cheap pre-check: any byte that can start a U+0600..U+06FF character.
inline bool has_arabic_script(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0xD8 && c <= 0xDB) return true;
  }
  return false;
}

inline bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0; }

// Copies `in` to `out` with replacements at increasing byte positions.
struct Editor {
  const MappedText& in;
  MappedText out;
  MapCursor cursor;
  size_t kept = 0;
  bool changed = false;
  explicit Editor(const MappedText& t) : in(t), cursor(t) {}
  // Replaces input bytes [b, e) with `cp` (0: nothing), mapped to their range,
  // or to the empty range at b for an insertion (b == e).
  void replace(size_t b, size_t e, char32_t cp) {
    if (!changed) {
      changed = true;
      out = new_mapped_text(in.text.size() + 16, in.runs.size() + 16);
    }
    copy_mapped(out, cursor, kept, b);
    if (cp != 0) {
      uint32_t ob, oe;
      if (e > b) {
        std::tie(ob, oe) = cursor.range(b, e);
      } else {
        ob = b < in.text.size() ? cursor.range(b, b + 1).first
                                : (in.text.empty() ? 0 : in.byte_range(in.text.size() - 1).second);
        oe = ob;
      }
      push_mapped(out, cp, ob, oe);
    }
    kept = e;
  }
  // Inserts `cp` before input byte b (0 < b < size), mapped to the empty
  // range where it goes; or, when the bytes on both sides map into one range
  // (NFKC took a digit and the mark after it as one edit), to the range of
  // the byte before, so that the map stays monotone.
  void insert_between(size_t b, char32_t cp) {
    const auto prev = in.byte_range(b - 1), next = in.byte_range(b);
    if (prev.second <= next.first) {
      replace(b, b, cp);
      return;
    }
    if (!changed) {
      changed = true;
      out = new_mapped_text(in.text.size() + 16, in.runs.size() + 16);
    }
    copy_mapped(out, cursor, kept, b);
    push_mapped(out, cp, prev.first, prev.second);
    kept = b;
  }
  // Replaces input bytes [b, e) (b < e) with `bytes`, all mapped to their range.
  void replace_with(size_t b, size_t e, std::string_view bytes) {
    if (!changed) {
      changed = true;
      out = new_mapped_text(in.text.size() + 16, in.runs.size() + 16);
    }
    copy_mapped(out, cursor, kept, b);
    const auto [ob, oe] = cursor.range(b, e);
    push_mapped(out, bytes, ob, oe);
    kept = e;
  }
  MappedText finish(MappedText&& original) {
    if (!changed) return std::move(original);
    copy_mapped(out, cursor, kept, in.text.size());
    recycle_buffers(std::move(original));
    return std::move(out);
  }
};

}  // namespace dipmine::text::fa

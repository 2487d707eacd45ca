// Internal to the text module: ICU NFKC or NFKC_Casefold applied chunk by
// chunk with the map kept exact, optionally followed in the same pass by a
// per-code-point step `post` (as rewrite_each takes it: the replacement, 0 to
// delete, or the code point itself to keep). The result, map included, is
// exactly that of running apply_nfkc[_casefold] and then rewrite_each(post):
//   - a chunk runs from a code point with a normalisation boundary before it to
//     the next such code point (non-ASCII); every output byte of a chunk that
//     normalisation changes maps to the whole chunk, and so does whatever
//     `post` makes of those code points;
//   - a one-code-point chunk is looked up in char_table.h (properties and the
//     cached normalised form), so ICU runs only on letters with combining marks.
#pragma once
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <array>

#include "text/char_table.h"
#include "text/steps.h"
#include "text/two_byte_table.h"

namespace dipmine::text::detail {

// Appends `post` of each code point of `form` to out, all mapped to [b, e).
template <typename Post>
void push_form(MappedText& out, std::string_view form, uint32_t b, uint32_t e, Post& post) {
  for (size_t p = 0; p < form.size();) {
    size_t l;
    const char32_t c = decode_utf8(form, p, l);
    const char32_t r = post(c);
    // post's 0 deletes a character; a NUL itself stays (fold(clean(x)) == fold(x)).
    if (r != 0 || c == 0) push_mapped(out, r, b, e);
    p += l;
  }
}

// Writes `r` over the code point at bytes [i, i + len) of `text` if its UTF-8
// has the same length (the map of those bytes stays right); false otherwise.
inline bool overwrite_same_length(std::string& text, size_t i, size_t len, char32_t r) {
  const size_t rlen = r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
  if (r == 0 || rlen != len) return false;
  char* p = text.data() + i;
  if (len == 1) {
    p[0] = static_cast<char>(r);
  } else if (len == 2) {
    p[0] = static_cast<char>(0xC0 | (r >> 6));
    p[1] = static_cast<char>(0x80 | (r & 0x3F));
  } else if (len == 3) {
    p[0] = static_cast<char>(0xE0 | (r >> 12));
    p[1] = static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    p[2] = static_cast<char>(0x80 | (r & 0x3F));
  } else {
    p[0] = static_cast<char>(0xF0 | (r >> 18));
    p[1] = static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    p[2] = static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    p[3] = static_cast<char>(0x80 | (r & 0x3F));
  }
  return true;
}

// `post` must return ASCII code points unchanged (every step fused here does),
// and be stateless: its results on U+0080..U+07FF are tabled once.
template <typename Post>
MappedText normalize_chunks(MappedText&& in, bool casefold, Post post) {
  static const TwoByteTable two_byte = make_two_byte_table(casefold, post);
  const bool use_table = two_byte.casefold == casefold;
  std::string& text = in.text;  // same-length rewrites are made in place
  const std::string_view s = text;
  const size_t n = s.size();
  const uint8_t boundary = casefold ? kNfkcCfBoundary : kNfkcBoundary;
  const uint8_t keeps = casefold ? kNfkcCfKeeps : kNfkcKeeps;
  MappedText out;
  MapCursor cursor(in);
  bool changed = false;
  size_t kept = 0;  // input bytes [kept, i) not yet copied to out
  auto flush = [&](size_t upto) {
    if (!changed) {
      changed = true;
      out = new_mapped_text(n + 16, in.runs.size() + 16);
    }
    copy_mapped(out, cursor, kept, upto);
  };
  // `post` changed the code point cp at [p, p + l) (which normalisation left
  // alone) into r. The common case, r == cp, is tested before the call.
  auto post_changed = [&](char32_t r, size_t p, size_t l) {
    if (overwrite_same_length(text, p, l, r)) return;
    flush(p);
    if (r != 0) {
      const auto [b, e] = cursor.range(p, p + l);
      push_mapped(out, r, b, e);
    }
    kept = p + l;
  };
  // The code point after the current one, decoded while looking for its
  // boundary and reused as the next current one.
  size_t next_at = SIZE_MAX, next_len = 0;
  char32_t next_cp = 0;
  uint8_t next_flags = 0;
  const char* d = text.data();  // d[n] == 0
  // The table bits of the character at p, which starts with a lead byte (the
  // text is valid UTF-8): 0 if it is not two bytes long.
  auto two_byte_bits = [&](size_t p) -> uint8_t {
    const auto c0 = static_cast<unsigned char>(d[p]), c1 = static_cast<unsigned char>(d[p + 1]);
    return two_byte.bits[((c0 & 0x3F) << 6) | (c1 & 0x3F)];
  };
  size_t next_block = 0;  // where to try skip_common_blocks again
  for (size_t i = 0; i < n;) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (use_table && b0 >= 0xC2 && b0 <= 0xDF) {
      if (b0 >= 0xD8 && b0 <= 0xDB && i >= next_block) {  // Arabic script: try whole blocks
        const size_t k = skip_common_blocks(text, i, two_byte);
        if (k != i) {
          i = k;
          continue;
        }
        next_block = i + 16;  // this block goes character by character
      }
      // A run of two-byte characters that stay as they are, each followed by
      // a character that starts a chunk (ASCII, or a table bit): skipped. So
      // is a lone ASCII character between two of them (the space between two
      // Persian words), a chunk of its own: only case folding changes it.
      // (text[n] is the string's terminating zero, so reading one byte past
      // a character at the end is safe and reads as ASCII.)
      size_t p = i;  // a two-byte character that stays, not yet skipped
      if (two_byte_bits(p) & kUnchanged) {
        for (;;) {
          const size_t j = p + 2;
          const auto x = static_cast<unsigned char>(d[j]);
          if (x >= 0x80) {
            // (kUnchanged implies kStartsChunk: the bits are 0, kStartsChunk or both.)
            const uint8_t next = two_byte_bits(j);
            if (next == (kStartsChunk | kUnchanged)) {
              p = j;
              continue;
            }
            if (next & kStartsChunk) p = j;  // else p's chunk goes on: ICU decides
            break;
          }
          if (j < n && static_cast<unsigned char>(d[j + 1]) >= 0x80) {
            const uint8_t next = two_byte_bits(j + 1);
            if (next & kStartsChunk) {
              if (casefold && static_cast<unsigned>(x - 'A') < 26u) text[j] = static_cast<char>(x + 32);
              p = j + 1;
              if (!(next & kUnchanged)) break;
              continue;
            }
          }
          p = j;
          break;
        }
      }
      if (p != i) {
        i = p;
        continue;
      }
    }
    if (b0 < 0x80) {
      // An ASCII character followed by ASCII (or the end) is a chunk of its
      // own: skip the run but its last byte (which may start a chunk with the
      // combining mark after it), case-folding in place.
      const size_t k = ascii_run_end(s, i + 1);
      const size_t run_end = k == n ? n : k - 1;
      if (casefold) ascii_lower_in_place(text.data() + i, run_end - i);
      i = run_end;
      if (i == n) break;
    }
    size_t len;
    char32_t cp;
    uint8_t flags;
    if (next_at == i) {
      cp = next_cp;
      len = next_len;
      flags = next_flags;
    } else {
      cp = decode_utf8(s, i, len);
      flags = cp < 0x80 ? 0 : char_flags(cp);
    }
    size_t j = i + len;
    bool single = true;
    if (j < n && static_cast<unsigned char>(s[j]) >= 0x80) {
      next_at = j;
      next_cp = decode_utf8(s, j, next_len);
      next_flags = char_flags(next_cp);
      single = (next_flags & boundary) != 0;
    }
    if (single) {
      if (cp < 0x80) {  // ASCII before a non-ASCII character with a boundary
        if (casefold && cp >= 'A' && cp <= 'Z') text[i] = static_cast<char>(cp + 32);
        i = j;
        continue;
      }
      if (flags & keeps) {
        const char32_t r = post(cp);
        if (r != cp) post_changed(r, i, len);
      } else {
        const std::string& form = normalized_alone(cp, casefold);
        if (form == s.substr(i, len)) {
          const char32_t r = post(cp);
          if (r != cp) post_changed(r, i, len);
        } else {
          flush(i);
          const auto [b, e] = cursor.range(i, j);
          push_form(out, form, b, e, post);
          kept = j;
        }
      }
      i = j;
      continue;
    }
    // A character with combining marks after it: the chunk runs to the next
    // boundary, and ICU decides.
    j = next_at + next_len;
    while (j < n && static_cast<unsigned char>(s[j]) >= 0x80) {
      size_t l2;
      const char32_t c2 = decode_utf8(s, j, l2);
      if (char_flags(c2) & boundary) break;
      j += l2;
    }
    next_at = SIZE_MAX;
    thread_local std::string buf;
    buf.clear();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n2 = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                          : icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) {
      icu::StringPiece chunk(s.data() + i, static_cast<int32_t>(j - i));
      // U+0345 (the Greek iota subscript) is the one combining mark that case
      // folding makes a base letter, so NFKC_Casefold of it depends on the
      // order of the marks around it, which NFKC (clean) may change: put the
      // marks in canonical order first, or fold(clean(x)) != fold(x).
      thread_local std::string ordered;
      if (casefold && s.substr(i, j - i).find("\xCD\x85") != std::string_view::npos) {
        ordered.clear();
        icu::StringByteSink<std::string> nfkc_sink(&ordered);
        const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
        if (U_SUCCESS(status)) nfkc->normalizeUTF8(0, chunk, nfkc_sink, nullptr, status);
        chunk = icu::StringPiece(ordered.data(), static_cast<int32_t>(ordered.size()));
      }
      icu::StringByteSink<std::string> sink(&buf);
      if (U_SUCCESS(status)) n2->normalizeUTF8(0, chunk, sink, nullptr, status);
    }
    if (U_FAILURE(status) || buf == s.substr(i, j - i)) {
      for (size_t p = i; p < j;) {  // unchanged: `post` on each code point
        size_t l;
        const char32_t c = decode_utf8(s, p, l);
        const char32_t r = post(c);
        if (r != c) post_changed(r, p, l);
        p += l;
      }
    } else {
      flush(i);
      const auto [b, e] = in.original_span(i, j);
      push_form(out, buf, b, e, post);
      kept = j;
    }
    i = j;
  }
  if (!changed) return std::move(in);
  copy_mapped(out, cursor, kept, n);
  recycle_buffers(std::move(in));
  return out;
}

}  // namespace dipmine::text::detail

namespace dipmine::text {

template <typename Post>
MappedText apply_nfkc_then(MappedText&& in, Post post) {
  return detail::normalize_chunks(std::move(in), false, post);
}
template <typename Post>
MappedText apply_nfkc_casefold_then(MappedText&& in, Post post) {
  return detail::normalize_chunks(std::move(in), true, post);
}

}  // namespace dipmine::text

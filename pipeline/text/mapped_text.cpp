#include <algorithm>

#include "text/normalizer.h"
#include "text/steps.h"

namespace dipmine::text {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The range of every byte of `s` as the identity map gives it, for text that
// may hold invalid UTF-8: a lead byte and the continuation bytes after it (at
// most as many as it announces) are one character.
template <typename Fn>
void identity_chars(std::string_view s, Fn fn) {
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 >= 0xC0) {
      len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
      for (size_t k = 1; k < len; ++k) {
        if (i + k >= s.size() || !is_continuation(s[i + k])) {
          len = k;
          break;
        }
      }
    }
    fn(i, i + len);
    i += len;
  }
}

}  // namespace

size_t map_run_at(const MappedText& m, size_t i) {
  // Steps read the map at increasing positions: try a few runs on from the
  // last answer of this thread before a binary search. (The hint is only a
  // starting point: the answer is checked against the runs either way.)
  thread_local const MappedText* last_map = nullptr;
  thread_local size_t last_run = 0;
  const size_t n = m.runs.size();
  if (last_map == &m && last_run < n && m.runs[last_run].out <= i) {
    for (size_t k = last_run, steps = 0; steps < 8; ++k, ++steps) {
      if (k + 1 == n || m.runs[k + 1].out > i) {
        last_run = k;
        return k;
      }
    }
  }
  last_map = &m;
  const auto it = std::upper_bound(m.runs.begin(), m.runs.end(), i,
                                   [](size_t pos, const MappedText::Run& r) { return pos < r.out; });
  last_run = it == m.runs.begin() ? 0 : static_cast<size_t>(it - m.runs.begin()) - 1;
  return last_run;
}

std::pair<uint32_t, uint32_t> run_byte_range(const MappedText& m, size_t k, size_t i) {
  const MappedText::Run& r = m.runs[k];
  if (r.oe != MappedText::kVerbatim) return {r.ob, r.oe};
  const size_t run_end = map_run_end(m, k);
  size_t cs = i, ce = i + 1;
  while (cs > r.out && is_continuation(m.text[cs])) --cs;
  while (ce < run_end && is_continuation(m.text[ce])) ++ce;
  return {static_cast<uint32_t>(r.ob + (cs - r.out)), static_cast<uint32_t>(r.ob + (ce - r.out))};
}

std::pair<uint32_t, uint32_t> MappedText::byte_range(size_t i) const {
  if (runs.empty() || i >= text.size()) return {0, 0};  // no map (a hand-made MappedText)
  return run_byte_range(*this, map_run_at(*this, i), i);
}

std::pair<uint32_t, uint32_t> MappedText::original_span(size_t b, size_t e) const {
  if (text.empty() || runs.empty()) return {0, 0};
  if (b >= text.size()) {
    const uint32_t last = byte_range(text.size() - 1).second;
    return {last, last};
  }
  if (e <= b) {
    const uint32_t first = byte_range(b).first;
    return {first, first};
  }
  if (e > text.size()) e = text.size();
  // Reordering steps (visual-order repair) can map later output before earlier,
  // so take the minimum and maximum over every run in the range.
  uint32_t first = UINT32_MAX, last = 0;
  for (size_t k = map_run_at(*this, b); k < runs.size() && runs[k].out < e; ++k) {
    const Run& r = runs[k];
    if (r.oe != kVerbatim) {
      first = std::min(first, r.ob);
      last = std::max(last, r.oe);
      continue;
    }
    const size_t run_end = map_run_end(*this, k);
    first = std::min(first, run_byte_range(*this, k, std::max<size_t>(b, r.out)).first);
    last = std::max(last, run_byte_range(*this, k, std::min(e, run_end) - 1).second);
  }
  return {first, last};
}

namespace {

// One spare text and one spare map per thread (see new_mapped_text), each at
// most 1 MB: a bigger one is freed as before.
struct SpareBuffers {
  std::string text;
  std::vector<MappedText::Run> runs;
};
SpareBuffers& spare_buffers() {
  thread_local SpareBuffers spare;
  return spare;
}
constexpr size_t kMaxSpareBytes = size_t{1} << 20;

// Is a spare buffer of `capacity` right for `wanted` (big enough, not wasteful)?
bool fits_spare(size_t capacity, size_t wanted) {
  return capacity >= wanted && capacity <= 2 * wanted + 256;
}

}  // namespace

MappedText new_mapped_text(size_t text_bytes, size_t runs) {
  SpareBuffers& spare = spare_buffers();
  MappedText m;
  if (fits_spare(spare.text.capacity(), text_bytes)) m.text.swap(spare.text);
  if (fits_spare(spare.runs.capacity(), runs)) m.runs.swap(spare.runs);
  m.text.reserve(text_bytes);
  m.runs.reserve(runs);
  return m;
}

void recycle_buffers(MappedText&& used) {
  SpareBuffers& spare = spare_buffers();
  if (used.text.capacity() <= kMaxSpareBytes) {
    used.text.clear();
    spare.text.swap(used.text);
  }
  if (used.runs.capacity() * sizeof(MappedText::Run) <= kMaxSpareBytes) {
    used.runs.clear();
    spare.runs.swap(used.runs);
  }
}

namespace {

MappedText verbatim(std::string_view s) {
  MappedText m = new_mapped_text(s.size(), 1);
  m.text.assign(s);
  if (!s.empty()) m.runs.push_back({0, 0, MappedText::kVerbatim});
  return m;
}

}  // namespace

MappedText MappedText::identity(std::string_view s) {
  if (is_valid_utf8(s)) return verbatim(s);
  MappedText m;
  m.text.assign(s);
  identity_chars(s, [&](size_t b, size_t e) {
    add_map_run(m, {static_cast<uint32_t>(b), static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  });
  return m;
}

namespace {

// copy_map from run k of `in` on (the run holding byte i).
void copy_runs(MappedText& out, const MappedText& in, size_t k, size_t i, size_t j) {
  const size_t out_pos = out.text.size();
  for (; k < in.runs.size() && in.runs[k].out < j; ++k) {
    const MappedText::Run& r = in.runs[k];
    const size_t s = std::max<size_t>(i, r.out);
    add_map_run(out, {static_cast<uint32_t>(out_pos + (s - i)),
                      r.oe == MappedText::kVerbatim ? static_cast<uint32_t>(r.ob + (s - r.out)) : r.ob,
                      r.oe});
  }
}

}  // namespace

void copy_map(MappedText& out, const MappedText& in, size_t i, size_t j) {
  if (j > i) copy_runs(out, in, map_run_at(in, i), i, j);
}

void copy_map(MappedText& out, MapCursor& in, size_t i, size_t j) {
  if (j > i && !in.map().runs.empty()) copy_runs(out, in.map(), in.run_at(i), i, j);
}

void copy_mapped(MappedText& out, const MappedText& in, size_t i, size_t j) {
  if (j <= i) return;
  copy_map(out, in, i, j);
  out.text.append(in.text, i, j - i);
}

void copy_mapped(MappedText& out, MapCursor& in, size_t i, size_t j) {
  if (j <= i) return;
  copy_map(out, in, i, j);
  out.text.append(in.map().text, i, j - i);
}

void push_mapped(MappedText& out, char32_t cp, uint32_t b, uint32_t e) {
  add_map_run(out, {static_cast<uint32_t>(out.text.size()), b, e});
  append_utf8(out.text, cp);
}

void push_mapped(MappedText& out, std::string_view bytes, uint32_t b, uint32_t e) {
  if (bytes.empty()) return;
  add_map_run(out, {static_cast<uint32_t>(out.text.size()), b, e});
  out.text.append(bytes);
}

void append_shifted(MappedText& out, const MappedText& in, uint32_t shift) {
  const size_t out_pos = out.text.size();
  for (const MappedText::Run& r : in.runs) {
    add_map_run(out, {static_cast<uint32_t>(out_pos + r.out), r.ob + shift,
                      r.oe == MappedText::kVerbatim ? r.oe : r.oe + shift});
  }
  out.text += in.text;
}

MappedText sanitize_utf8(std::string_view original, size_t valid_prefix) {
  if (is_valid_utf8(original.substr(valid_prefix))) return verbatim(original);
  // Each invalid byte becomes U+FFFD mapped to the byte's identity range.
  std::vector<std::pair<uint32_t, uint32_t>> ranges(original.size());
  identity_chars(original, [&](size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) ranges[k] = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  });
  MappedText out;
  out.text.reserve(original.size() + 8);
  for (size_t i = 0; i < original.size();) {
    size_t len;
    const char32_t cp = decode_utf8(original, i, len);
    if (cp == 0xFFFD && len == 1) {
      push_mapped(out, char32_t{0xFFFD}, ranges[i].first, ranges[i].second);
    } else {
      add_map_run(out, {static_cast<uint32_t>(out.text.size()), static_cast<uint32_t>(i),
                        MappedText::kVerbatim});
      out.text.append(original, i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace dipmine::text

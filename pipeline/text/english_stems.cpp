// English stems (the last fold step): Snowball's stem of each word, memoised
// per thread, built straight into the offset map.
#include <libstemmer.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <bit>
#include <memory>
#include <string>
#include <vector>

#include "text/steps.h"
#include "text/word_cache.h"

namespace dipmine::text::en {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// Snowball stemmers are not thread-safe: one per thread.
sb_stemmer* stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> st(sb_stemmer_new("english", "UTF_8"));
  return st.get();
}

}  // namespace

std::string stem_word(std::string_view word) {
  sb_stemmer* st = stemmer();
  std::string cur(word);
  if (st == nullptr) return cur;
  // Until it stops changing (fold(fold(x)) == fold(x)): a round takes at
  // most one letter of a doubled ending (Snowball's "ll" -> "l"), so a word
  // such as "iectillllll" needs a round per letter; bounded all the same.
  // Each round stems the American spelling (organise → organize → organ),
  // so that British and American spellings share a stem.
  for (size_t round = 0; round < 4 + word.size(); ++round) {
    const std::string spelled = american_spelling(cur);
    const sb_symbol* r = sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>(spelled.data()),
                                         static_cast<int>(spelled.size()));
    if (r == nullptr) break;
    std::string next(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(st)));
    if (next == cur || next.empty()) break;
    cur = std::move(next);
  }
  return cur;
}

namespace {

// A stem that differs from its word (stem_len 0: the stem is the word).
// Snowball costs about a microsecond a word (rounds until the stem
// stops changing), so stems are memoised per thread (word_cache.h).
struct ChangedStem {
  uint8_t stem_len = 0;
  bool prefix = false;  // the stem is the word's first stem_len bytes (cities → citi)
  char stem[32];
};
using StemCache = WordCache<ChangedStem, 4, 2048>;  // 8,192 words, about 600 KB

// Words of up to sixteen letters (nearly all English words) are looked up
// first in a small table that stays in the core's first-level cache: a set of
// two entries in one cache line, the one used last first, where the memo
// reads a set record and a slot from the second-level cache (perf put a fifth
// of English folding there). With one entry a set, the thousand forms of one
// paper's text evicted each other a third of the time.
struct alignas(32) ShortStem {
  uint64_t lo = 0, hi = 0;  // the word's bytes, zero-padded
  uint8_t len = 0;          // 0: an empty entry
  uint8_t stem_len = 0;     // as ChangedStem
  bool prefix = false;
  char stem[13];            // a stem that is not a prefix of its word
};
constexpr size_t kShortSets = 512;  // of two: 32 KB
constexpr size_t kShortMax = 16;

// The first sixteen bytes of `word` (at most sixteen long), zero-padded, as
// two integers: whole loads when sixteen bytes may be read from its start.
std::pair<uint64_t, uint64_t> short_key(std::string_view word, size_t readable_after) {
  uint64_t v[2] = {0, 0};
  if (word.size() + readable_after >= kShortMax) {
    std::memcpy(v, word.data(), kShortMax);
    const size_t n = word.size();
    if (n < 8) {
      v[0] &= (uint64_t{1} << (8 * n)) - 1;
      v[1] = 0;
    } else if (n < 16) {
      v[1] &= (uint64_t{1} << (8 * (n - 8))) - 1;
    }
  } else {
    std::memcpy(v, word.data(), word.size());
  }
  return {v[0], v[1]};
}

// The stem of `word` if it differs from the word, else an empty view (a stem
// is never empty). A stem that is the start of the word is returned as a
// view of the word itself (append_stemmed then copies it with the text
// before it). Valid until the next call on this thread. `readable_after` as
// for WordCache::get.
std::string_view changed_stem(std::string_view word, size_t readable_after) {
  thread_local StemCache cache;
  thread_local std::string long_stem;
  thread_local std::array<std::array<ShortStem, 2>, kShortSets> short_stems;
  ShortStem* short_entry = nullptr;
  if (word.size() <= kShortMax && std::endian::native == std::endian::little) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda.
    const std::pair<uint64_t, uint64_t> key = short_key(word, readable_after);
    const uint64_t lo = key.first, hi = key.second;
    const uint64_t h = ((lo ^ word.size()) * 0x9E3779B97F4A7C15ull ^ hi) * 0x9E3779B97F4A7C15ull;
    std::array<ShortStem, 2>& set = short_stems[h >> (64 - std::countr_zero(kShortSets))];
    auto holds = [&](const ShortStem& e) { return e.len == word.size() && e.lo == lo && e.hi == hi; };
    auto stem_in = [&](const ShortStem& e) {
      return e.prefix ? word.substr(0, e.stem_len) : std::string_view(e.stem, e.stem_len);
    };
    if (holds(set[0])) return stem_in(set[0]);
    if (holds(set[1])) {
      std::swap(set[0], set[1]);  // the one used last first
      return stem_in(set[0]);
    }
    set[1] = set[0];
    set[0].len = 0;  // filled below once the stem is known
    set[0].lo = lo;
    set[0].hi = hi;
    short_entry = &set[0];
  }
  auto compute = [](std::string_view w) {
    ChangedStem c;
    const std::string stem = stem_word(w);
    if (stem != w && stem.size() <= sizeof c.stem) {
      c.stem_len = static_cast<uint8_t>(stem.size());
      c.prefix = w.starts_with(stem);
      std::copy(stem.begin(), stem.end(), c.stem);
    } else if (stem != w) {
      c.stem_len = UINT8_MAX;  // too long to keep: stemmed again each time
    }
    return c;
  };
  if (StemCache::fits(word)) {
    const ChangedStem& c = cache.get(word, compute, readable_after);
    if (short_entry != nullptr && (c.prefix || c.stem_len <= sizeof short_entry->stem)) {
      short_entry->len = static_cast<uint8_t>(word.size());
      short_entry->stem_len = c.stem_len;
      short_entry->prefix = c.prefix;
      if (!c.prefix) std::copy(c.stem, c.stem + c.stem_len, short_entry->stem);
    }
    if (c.stem_len != UINT8_MAX) return c.prefix ? word.substr(0, c.stem_len) : std::string_view(c.stem, c.stem_len);
  }
  long_stem = stem_word(word);
  if (long_stem == word) return {};
  return word.starts_with(long_stem) ? word.substr(0, long_stem.size()) : std::string_view(long_stem);
}

// Appends `stem` in place of word bytes [i, j) of `in`, after the unchanged
// bytes [kept, i). Stem byte k maps to word byte k; the last stem byte also
// covers the dropped ending, so the map stays monotone and covers the word.
// (The word and the stem are ASCII: one byte per character.)
void append_stemmed(MappedText& out, MapCursor& cursor, size_t kept, size_t i, size_t j,
                    std::string_view stem) {
  const MappedText& in = cursor.map();
  const size_t shared = std::min(stem.size() - 1, j - i);
  if (!in.runs.empty()) {  // (a hand-made text may have no map)
    size_t k = cursor.run_at(kept);
    if (map_run_end(in, k) <= i) {  // the gap spans runs (a joined line, a folded quote)
      copy_mapped(out, cursor, kept, i);
      kept = i;
      k = cursor.run_at(i);
    }
    const MappedText::Run r = in.runs[k];
    if (r.oe == MappedText::kVerbatim && j <= map_run_end(in, k)) {
      // The common case, gap and word copied from the original in one piece:
      // the runs copy_mapped and push_mapped would make, built directly.
      const uint32_t shift = r.ob - r.out;  // original offset of input byte 0
      const size_t at = out.text.size() + (i - kept);  // where the stem goes
      if (kept < i + shared) {
        add_map_run(out, {static_cast<uint32_t>(out.text.size()), static_cast<uint32_t>(shift + kept),
                          MappedText::kVerbatim});
      }
      for (size_t p = shared; p < stem.size(); ++p) {
        const auto b = static_cast<uint32_t>(shift + std::min(i + p, j - 1));
        const auto e = static_cast<uint32_t>(p + 1 == stem.size() ? shift + j : b + 1);
        add_map_run(out, {static_cast<uint32_t>(at + p), b, e});
      }
      if (stem.data() == in.text.data() + i) {  // the word's own first bytes: one copy
        out.text.append(in.text.data() + kept, i - kept + stem.size());
      } else {
        out.text.append(in.text.data() + kept, i - kept);
        out.text.append(stem);
      }
      return;
    }
  }
  copy_mapped(out, cursor, kept, i);
  copy_map(out, cursor, i, i + shared);
  out.text.append(stem.substr(0, shared));
  for (size_t p = shared; p < stem.size(); ++p) {
    const size_t src = std::min(i + p, j - 1);
    const uint32_t b = cursor.range(src, src + 1).first;
    const uint32_t e = p + 1 == stem.size() ? cursor.range(j - 1, j).second : cursor.range(src, src + 1).second;
    push_mapped(out, static_cast<char32_t>(static_cast<unsigned char>(stem[p])), b, e);
  }
}

bool bit_at(const std::vector<uint64_t>& bits, size_t i) { return (bits[i / 64] >> (i % 64)) & 1; }

// Whether the glue byte at s[g] (a digit or a byte of a non-ASCII character)
// glues a word to it: digits and letters, marks and digits of any script do
// (C40, naïve); symbols do not (Corporation⇤, cities†, Smith∗: footnote and
// affiliation marks set tight against a word, which must stem as the word).
// Asked only where a glue bit is set.
bool glues(std::string_view s, size_t g) {
  if (static_cast<unsigned char>(s[g]) < 0x80) return true;  // an ASCII digit
  while (g > 0 && (static_cast<unsigned char>(s[g]) & 0xC0) == 0x80) --g;  // its first byte
  size_t len;
  const auto c = static_cast<UChar32>(decode_utf8(s, g, len));
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

}  // namespace

MappedText stem_words(MappedText&& in) {
  const std::string_view s = in.text;
  MappedText out;
  MapCursor cursor(in);
  size_t kept = 0;
  bool changed = false;
  // The words: runs of ASCII letters, their starts read off the letter bits
  // 64 bytes at a time. Words glued to digits or other letters (C40, naïve)
  // are names or codes: kept as they are.
  thread_local std::vector<uint64_t> letters, glue;
  ascii_letter_bits(s, letters, &glue);
  const size_t n = s.size();
  uint64_t carry = 0;  // the last bit of the previous word of bits
  for (size_t w = 0; w < letters.size(); ++w) {
    const uint64_t bits = letters[w];
    for (uint64_t starts = bits & ~((bits << 1) | carry); starts != 0; starts &= starts - 1) {
      const size_t i = w * 64 + static_cast<size_t>(std::countr_zero(starts));
      if (i < kept) continue;  // the s of a possessive taken with its word
      const size_t j = next_bit(letters, i, n, false);
      // A possessive 's (Tsujii's; fold made ’ an ') goes with its word, as
      // Snowball's first step takes it off: Tsujii's is found as Tsujii.
      const bool possessive = j + 1 < n && s[j] == '\'' && s[j + 1] == 's' && (j + 2 == n || !is_ascii_letter(s[j + 2]));
      size_t end = possessive ? j + 2 : j;
      // A run of them ('s's, a typo or a cut) goes whole: fold is idempotent
      // only if what is left is no longer a word with a possessive.
      while (possessive && end + 1 < n && s[end] == '\'' && s[end + 1] == 's' &&
             (end + 2 == n || !is_ascii_letter(s[end + 2]))) {
        end += 2;
      }
      if ((i > 0 && bit_at(glue, i - 1) && glues(s, i - 1)) || (end < n && bit_at(glue, end) && glues(s, end))) {
        continue;
      }
      std::string_view stem = j - i < 3 ? std::string_view() : changed_stem(s.substr(i, j - i), n - j);
      if (stem.empty()) {
        if (!possessive) continue;
        stem = s.substr(i, j - i);  // a word too short to stem, or its own stem
      }
      if (!changed) {
        changed = true;
        out = new_mapped_text(n, in.runs.size() + n / 8);
      }
      append_stemmed(out, cursor, kept, i, end, stem);
      kept = end;
    }
    carry = bits >> 63;
  }
  if (!changed) return std::move(in);
  copy_mapped(out, cursor, kept, s.size());
  recycle_buffers(std::move(in));
  return out;
}

}  // namespace dipmine::text::en

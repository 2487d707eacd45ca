// English steps; the order they run in is in english_normalizer.cpp.
#include <libstemmer.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "text/arabic_chars.h"
#include "text/nfkc_pass.h"
#include "text/steps.h"
#include "text/word_cache.h"

namespace dipmine::text::en {
namespace {

bool is_ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Hyphenated prefixes that keep their hyphen when a line break follows them.
bool keeps_hyphen(std::string_view prefix) {
  static const std::string_view kPrefixes[] = {"non", "self", "ex", "cross", "well", "all",
                                               "quasi", "city", "state", "sub-national"};
  std::string lower(prefix);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  for (auto p : kPrefixes) {
    if (lower == p) return true;
  }
  return false;
}

}  // namespace

MappedText remove_soft_hyphens(MappedText&& in) {
  if (in.text.find("\xc2\xad") == std::string::npos) return std::move(in);
  return rewrite_each(std::move(in), [](char32_t c) -> char32_t { return c == 0xAD ? 0 : c; });
}

namespace {

// Is there a hyphen right before a line break ("-\n", "- \n", "-\r\n")? One
// scan for the hyphens instead of one search per form.
bool has_hyphen_before_break(std::string_view s) {
  for (size_t h = s.find('-'); h != std::string_view::npos; h = s.find('-', h + 1)) {
    const std::string_view rest = s.substr(h + 1, 2);
    if (rest.starts_with('\n') || rest == " \n" || rest == "\r\n") return true;
  }
  return false;
}

}  // namespace

MappedText join_hyphenated_breaks(MappedText&& in) {
  const std::string_view s = in.text;
  if (!has_hyphen_before_break(s)) return std::move(in);
  MappedText out;
  size_t kept = 0;
  bool changed = false;
  for (size_t h = s.find('-'); h != std::string_view::npos; h = s.find('-', h + 1)) {
    if (h == 0 || !is_ascii_letter(s[h - 1])) continue;
    size_t j = h + 1;
    while (j < s.size() && is_blank(s[j])) ++j;
    if (j >= s.size() || s[j] != '\n') continue;
    ++j;
    while (j < s.size() && is_blank(s[j])) ++j;
    if (j >= s.size() || !(is_ascii_letter(s[j]) || is_digit(s[j]))) continue;
    size_t pb = h;  // the word before the hyphen
    while (pb > 0 && (is_ascii_letter(s[pb - 1]) || is_digit(s[pb - 1]))) --pb;
    size_t ne = j;  // the word after the break
    while (ne < s.size() && (is_ascii_letter(s[ne]) || is_digit(s[ne]))) ++ne;
    const std::string_view before = s.substr(pb, h - pb), after = s.substr(j, ne - j);
    bool keep = keeps_hyphen(before) || is_ascii_upper(s[j]) || is_digit(s[j]);
    for (char c : before) keep = keep || is_digit(c) || (c != before[0] && is_ascii_upper(c));
    for (char c : after) keep = keep || is_digit(c);
    if (!keep) {  // the hyphenated form used elsewhere in the text is evidence too
      const std::string joined = std::string(before) + "-" + std::string(after);
      keep = s.find(joined) != std::string_view::npos;
    }
    if (!changed) {
      changed = true;
      out.text.reserve(s.size());
    }
    copy_mapped(out, in, kept, keep ? h + 1 : h);
    kept = j;
  }
  if (!changed) return std::move(in);
  copy_mapped(out, in, kept, s.size());
  return out;
}

MappedText join_wrapped_lines(MappedText&& in) {
  const std::string_view s = in.text;
  if (s.find('\n') == std::string_view::npos) return std::move(in);
  MappedText out;
  out.text.reserve(s.size());
  out.runs.reserve(in.runs.size() + s.size() / 16);  // a line break adds at most two
  MapCursor cursor(in);
  size_t kept = 0;
  for (size_t nl = s.find('\n'); nl != std::string_view::npos;) {
    size_t b = nl, e = nl + 1;
    while (b > 0 && is_blank(s[b - 1])) --b;
    while (e < s.size() && is_blank(s[e])) ++e;
    if (e < s.size() && s[e] == '\n') {  // a blank line: a paragraph break stays
      while (e < s.size() && (s[e] == '\n' || is_blank(s[e]))) ++e;
      nl = s.find('\n', e);
      continue;
    }
    copy_mapped(out, cursor, kept, b);
    if (b > 0 && e < s.size()) {
      const auto [ob, oe] = cursor.range(nl, nl + 1);
      push_mapped(out, ' ', ob, oe);
    }
    kept = e;
    nl = s.find('\n', e);
  }
  copy_mapped(out, cursor, kept, s.size());
  return out;
}

namespace {

constexpr char32_t fold_quote_or_dash(char32_t c) {
  if (c < 0x2010) return c;
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: return '-';
    default: return c;
  }
}

}  // namespace

MappedText fold_quotes_and_dashes(MappedText&& in) {
  return rewrite_each(std::move(in), [](char32_t c) { return fold_quote_or_dash(c); });
}

MappedText fold_chars(MappedText&& in) {
  return apply_nfkc_casefold_then(std::move(in), [](char32_t c) {
    if (c - 0x0600 < 0x100) return fa::fold_arabic_fast(fa::persian_letter_fast(c));
    return fold_quote_or_dash(c);
  });
}

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
  for (int round = 0; round < 4; ++round) {  // until it stops changing
    const sb_symbol* r = sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>(cur.data()),
                                         static_cast<int>(cur.size()));
    if (r == nullptr) break;
    std::string next(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(st)));
    if (next == cur || next.empty()) break;
    cur = std::move(next);
  }
  return cur;
}

namespace {

// A stem that differs from its word (stem_len 0: the stem is the word).
// Snowball costs about a microsecond a word (up to four rounds until the stem
// stops changing), so stems are memoised per thread (word_cache.h).
struct ChangedStem {
  uint8_t stem_len = 0;
  char stem[32];
};
using StemCache = WordCache<ChangedStem, 4, 2048>;  // 8,192 words, about 600 KB

// The stem of `word` if it differs from the word, else an empty view (a stem
// is never empty). Valid until the next call on this thread. `readable_after`
// as for WordCache::get.
std::string_view changed_stem(std::string_view word, size_t readable_after) {
  thread_local StemCache cache;
  thread_local std::string long_stem;
  auto compute = [](std::string_view w) {
    ChangedStem c;
    const std::string stem = stem_word(w);
    if (stem != w && stem.size() <= sizeof c.stem) {
      c.stem_len = static_cast<uint8_t>(stem.size());
      std::copy(stem.begin(), stem.end(), c.stem);
    } else if (stem != w) {
      c.stem_len = UINT8_MAX;  // too long to keep: stemmed again each time
    }
    return c;
  };
  if (StemCache::fits(word)) {
    const ChangedStem& c = cache.get(word, compute, readable_after);
    if (c.stem_len != UINT8_MAX) return {c.stem, c.stem_len};
  }
  long_stem = stem_word(word);
  return long_stem == word ? std::string_view() : std::string_view(long_stem);
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
    const size_t k = cursor.run_at(kept);
    const MappedText::Run r = in.runs[k];
    const size_t run_end = k + 1 < in.runs.size() ? in.runs[k + 1].out : in.text.size();
    if (r.oe == MappedText::kVerbatim && j <= run_end) {
      // The common case, all of it copied from the original in one piece: the
      // runs copy_mapped and push_mapped would make, built directly.
      if (kept < i + shared) {
        add_map_run(out, {static_cast<uint32_t>(out.text.size()),
                          static_cast<uint32_t>(r.ob + (kept - r.out)), MappedText::kVerbatim});
      }
      out.text.append(in.text, kept, i - kept);
      out.text.append(stem.substr(0, shared));
      for (size_t p = shared; p < stem.size(); ++p) {
        const size_t src = std::min(i + p, j - 1);
        const auto b = static_cast<uint32_t>(r.ob + (src - r.out));
        const auto e = static_cast<uint32_t>(p + 1 == stem.size() ? r.ob + (j - r.out) : b + 1);
        add_map_run(out, {static_cast<uint32_t>(out.text.size()), b, e});
        out.text.push_back(stem[p]);
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

}  // namespace

MappedText stem_words(MappedText&& in) {
  const std::string_view s = in.text;
  MappedText out;
  MapCursor cursor(in);
  size_t kept = 0;
  bool changed = false;
  for (size_t i = 0; i < s.size();) {
    if (!is_ascii_letter(s[i])) { ++i; continue; }
    const size_t j = ascii_letter_run_end(s, i + 1);
    // Words glued to digits or other letters (C40, naïve) are names or codes.
    const bool glued = (i > 0 && (is_digit(s[i - 1]) || static_cast<unsigned char>(s[i - 1]) >= 0x80)) ||
                       (j < s.size() && (is_digit(s[j]) || static_cast<unsigned char>(s[j]) >= 0x80));
    if (j - i >= 3 && !glued) {
      const std::string_view stem = changed_stem(s.substr(i, j - i), s.size() - j);
      if (!stem.empty()) {
        if (!changed) {
          changed = true;
          out.text.reserve(s.size());
          out.runs.reserve(in.runs.size() + s.size() / 8);
        }
        append_stemmed(out, cursor, kept, i, j, stem);
        kept = j;
      }
    }
    i = j;
  }
  if (!changed) return std::move(in);
  copy_mapped(out, cursor, kept, s.size());
  return out;
}

}  // namespace dipmine::text::en

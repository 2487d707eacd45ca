#include "lexicon/regex_literals.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>
#include <iterator>

#include "lexicon/regex_syntax.h"

namespace dipmine::lexicon {
namespace {

// Markers while listing (bytes no UTF-8 pattern character has); ' ' at the end.
constexpr char kRun = '\xFE';   // a run of \s
constexpr char kGlue = '\xFF';  // a run of \s and hyphens

const std::string kKelvin = "\xE2\x84\xAA", kLongS = "\xC5\xBF", kZwnj = "\xE2\x80\x8C";
const std::string kHyphen = "\xE2\x80\x90", kNoBreakHyphen = "\xE2\x80\x91";

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Lister {
 public:
  // `loose`: a wider listing (one a confirmation by RE2 narrows): a single
  // white-space character, or a class holding some of \s, as a whole run.
  Lister(size_t limit, bool loose) : limit_(limit), loose_(loose) {}
  using Set = std::vector<std::string>;

  bool list(const RegexNode& n, Set& out) {
    switch (n.kind) {
      case RegexNode::Kind::chars: {
        const Chars c = chars(n, out);
        if (c == Chars::space && loose_) out.assign(1, std::string(1, kRun));
        return c == Chars::plain || (c == Chars::space && loose_);
      }
      case RegexNode::Kind::sequence: {
        out.assign(1, "");
        for (const RegexNode& kid : n.kids) {
          Set k;
          if (!list(kid, k)) return false;
          Set next;
          if (out.size() * k.size() > limit_) return false;
          next.reserve(out.size() * k.size());
          for (const std::string& a : out) {
            for (const std::string& b : k) {
              next.push_back(a + b);
              // Loose: two runs in a row are one run of the squeezed text.
              if (loose_ && !a.empty() && !b.empty() && a.back() == kRun && b[0] == kRun) {
                next.back().erase(a.size(), 1);
              }
            }
          }
          tidy(next);
          out.swap(next);
        }
        return true;
      }
      case RegexNode::Kind::alternation:
        out.clear();
        for (const RegexNode& kid : n.kids) {
          Set k;
          if (!list(kid, k)) return false;
          out.insert(out.end(), k.begin(), k.end());
          if (out.size() > limit_) return false;
        }
        tidy(out);
        return true;
      case RegexNode::Kind::repeat: {
        const RegexNode& kid = unwrap(n.kids[0]);
        if (kid.kind == RegexNode::Kind::chars) {
          Set unused;
          const Chars c = chars(kid, unused);
          if (c == Chars::fail) return false;
          if (c == Chars::space || c == Chars::glue) {
            // A run of white space (and hyphens): only as a whole run.
            if (!n.unbounded && !(loose_ && c == Chars::space)) return false;
            const std::string run(1, c == Chars::space ? kRun : kGlue);
            out = n.min == 0 ? Set{"", run} : Set{run};
            return true;
          }
        }
        if (n.unbounded) return false;
        if (!list(n.kids[0], out)) return false;
        out.push_back("");
        tidy(out);
        return out.size() <= limit_;
      }
    }
    return false;
  }

  // What every match begins with (loose): the strings of the top-level
  // sequence's items listed from the left, as far as they can be listed
  // within the limit; an alternation's alternatives each so.
  bool prefixes(const RegexNode& node, Set& out) {
    const RegexNode& n = unwrap(node);
    if (n.kind == RegexNode::Kind::alternation) {
      out.clear();
      for (const RegexNode& kid : n.kids) {
        Set k;
        if (!prefixes(kid, k)) return false;
        out.insert(out.end(), k.begin(), k.end());
        if (out.size() > limit_) return false;
      }
      tidy(out);
      return true;
    }
    if (n.kind != RegexNode::Kind::sequence) return list(n, out);
    out.assign(1, "");
    for (const RegexNode& kid : n.kids) {
      Set k;
      if (!list(kid, k) || out.size() * k.size() > limit_) break;
      Set next;
      for (const std::string& a : out) {
        for (const std::string& b : k) {
          next.push_back(a + b);
          if (!a.empty() && !b.empty() && a.back() == kRun && b[0] == kRun) next.back().erase(a.size(), 1);
        }
      }
      tidy(next);
      out.swap(next);
    }
    return true;
  }

 private:
  enum class Chars { fail, plain, space, glue };

  static const RegexNode& unwrap(const RegexNode& n) {
    if (n.kind == RegexNode::Kind::sequence && n.kids.size() == 1) return unwrap(n.kids[0]);
    return n;
  }

  static void tidy(Set& s) {
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
  }

  // What a character node is on folded text (no capitals, U+212A, U+017F,
  // ZWNJ): plain characters (listed in `out`), all of \s (alone, or with the
  // hyphens of the English glue), or something we cannot list.
  Chars chars(const RegexNode& n, Set& out) {
    if (n.any_other) return Chars::fail;
    std::vector<std::string> others;
    for (const std::string& o : n.others) {
      if (o != kKelvin && o != kLongS && o != kZwnj) others.push_back(o);
    }
    size_t spaces = 0, rest = 0;
    for (int c = 0; c < 128; ++c) {
      if (!n.ascii[static_cast<size_t>(c)]) continue;
      if (is_space(static_cast<unsigned char>(c))) ++spaces;
      else ++rest;
    }
    if (spaces == 5) {
      if (rest == 0 && others.empty()) return Chars::space;
      std::sort(others.begin(), others.end());
      if (rest == 1 && n.ascii['-'] && others == std::vector<std::string>{kHyphen, kNoBreakHyphen}) {
        return Chars::glue;
      }
    }
    if (spaces > 0 && !loose_) return Chars::fail;
    out.clear();
    if (spaces > 0) out.emplace_back(1, kRun);
    for (int c = 0; c < 128; ++c) {
      if (n.ascii[static_cast<size_t>(c)] && !(c >= 'A' && c <= 'Z') && !is_space(static_cast<unsigned char>(c))) {
        out.emplace_back(1, static_cast<char>(c));
      }
    }
    out.insert(out.end(), others.begin(), others.end());
    tidy(out);
    return out.size() > limit_ ? Chars::fail : Chars::plain;
  }

  size_t limit_;
  bool loose_;
};

}  // namespace

namespace {

// The exact listing from the strings listed (markers in them), or nullopt.
std::optional<RegexLiterals> exact_listing(const std::vector<std::string>& set) {
  RegexLiterals out;
  bool runs = false, hyphens = false;
  const auto marker = [](char c) { return c == kRun || c == kGlue; };
  for (const std::string& listed : set) {
    std::string s = listed;  // `set` stays as listed (binary_search below)
    if (s.empty()) continue;  // a match is never empty (and lexicon forms never match "")
    // A run where a match begins: a match could begin inside a run, which
    // the squeezed text cannot show.
    if (marker(s[0])) return std::nullopt;
    // Two runs in a row (`\s*(ی)?\s*` without the ی): they match what one
    // run matches when the string with one run is listed too (a run of 2+
    // is a run); else (`\s+\s+`) a run of one character would not match.
    std::string one;
    for (size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && marker(s[i]) && marker(s[i - 1])) {
        if (s[i] != s[i - 1]) return std::nullopt;
        continue;
      }
      one += s[i];
    }
    if (one.size() != s.size()) {
      if (!std::binary_search(set.begin(), set.end(), one)) return std::nullopt;
      continue;
    }
    for (size_t i = 0; i < s.size(); ++i) {
      const bool run = marker(s[i]);
      runs |= s[i] == kRun;
      out.glue |= s[i] == kGlue;
      if (run) s[i] = ' ';
    }
    hyphens |= s.find('-') != std::string::npos || s.find(kHyphen) != std::string::npos ||
               s.find(kNoBreakHyphen) != std::string::npos;
    out.strings.push_back(std::move(s));
  }
  // Glue forms are also found on text whose hyphens count as white space:
  // then no other run or hyphen may be in them.
  if (out.glue && (runs || hyphens)) return std::nullopt;
  if (out.strings.empty()) return std::nullopt;  // matches nothing on folded text: let RE2 say
  std::sort(out.strings.begin(), out.strings.end());
  out.strings.erase(std::unique(out.strings.begin(), out.strings.end()), out.strings.end());
  return out;
}

// A loose listing from prefixes (markers in them), or nullopt when one is too
// short to pick out few places (or begins with a run, or has the glue).
std::optional<RegexLiterals> loose_listing(const std::vector<std::string>& set) {
  RegexLiterals out;
  out.exact = false;
  for (std::string s : set) {
    if (s.size() < 3 || s[0] == kRun || s.find(kGlue) != std::string::npos) return std::nullopt;
    std::string one;
    for (size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && s[i] == kRun && s[i - 1] == kRun) continue;
      one += s[i] == kRun ? ' ' : s[i];
    }
    out.strings.push_back(std::move(one));
  }
  if (out.strings.empty()) return std::nullopt;
  std::sort(out.strings.begin(), out.strings.end());
  out.strings.erase(std::unique(out.strings.begin(), out.strings.end()), out.strings.end());
  return out;
}

}  // namespace

std::optional<RegexLiterals> regex_literals(std::string_view pattern, size_t limit) {
  const std::optional<RegexNode> tree = parse_regex(pattern);
  if (!tree) return std::nullopt;
  std::vector<std::string> set;
  if (Lister(limit, false).list(*tree, set)) {
    if (std::optional<RegexLiterals> exact = exact_listing(set)) return exact;
  }
  set.clear();
  if (!Lister(limit, true).prefixes(*tree, set)) return std::nullopt;
  return loose_listing(set);
}

namespace {

// Byte classes for the squeeze: copied as is, white space, or a byte to look
// at (capitals, the lead bytes of U+212A/U+2010/U+2011/ZWNJ and of U+017F, '-').
enum : uint8_t { kCopy, kSpace, kLook };
struct ByteClasses {
  uint8_t of[256] = {};
  ByteClasses() {
    for (const unsigned char c : {' ', '\t', '\n', '\r', '\f'}) of[c] = kSpace;
    for (int c = 'A'; c <= 'Z'; ++c) of[c] = kLook;
    of[0xE2] = of[0xC5] = of['-'] = kLook;
  }
};
const ByteClasses kClasses;

#if defined(__SSE2__)
// Whether the 16 bytes at p are copied as they are: no byte to look at, no
// white space but single spaces (a space followed by white space or a hyphen,
// even as p[16], may begin a longer run). Reads p[0..16]. Most of a
// paragraph's blocks are; the others go byte by byte.
bool plain_block(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const auto eq = [](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
  // White space other than ' ', '-' and the lead bytes looked at.
  const auto odd = [&](__m128i x) {
    return _mm_or_si128(
        _mm_or_si128(_mm_or_si128(eq(x, '\t'), eq(x, '\n')), _mm_or_si128(eq(x, '\f'), eq(x, '\r'))),
        _mm_or_si128(eq(x, '-'), _mm_or_si128(eq(x, static_cast<char>(0xE2)), eq(x, static_cast<char>(0xC5)))));
  };
  // A-Z (signed compares: bytes >= 0x80 are below 'A').
  const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
  const __m128i run = _mm_and_si128(eq(v, ' '), _mm_or_si128(eq(next, ' '), odd(next)));
  return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(odd(v), capital), run)) == 0;
}
#endif

}  // namespace

uint32_t SqueezedText::to_folded(uint32_t k) const {
  // The last shift at or before k.
  const auto it = std::upper_bound(shifts.begin(), shifts.end(), k,
                                   [](uint32_t x, const std::pair<uint32_t, uint32_t>& s) { return x < s.first; });
  return k + (it == shifts.begin() ? 0 : std::prev(it)->second);
}

void squeeze_white_space(std::string_view folded, bool glue, SqueezedText& out) {
  const size_t n = folded.size();
  out.text.resize(n);
  out.shifts.clear();
  out.odd = out.hyphens = false;
  const auto* f = reinterpret_cast<const unsigned char*>(folded.data());
  // A hyphen U+2010/U+2011 at i (E2 80 90/91).
  const auto wide_hyphen = [&](size_t i) {
    return f[i] == 0xE2 && i + 2 < n && f[i + 1] == 0x80 && (f[i + 2] == 0x90 || f[i + 2] == 0x91);
  };
  const auto gap = [&](size_t i) {
    return kClasses.of[f[i]] == kSpace || (glue && (f[i] == '-' || wide_hyphen(i)));
  };
  char* t = out.text.data();
  size_t k = 0, i = 0;
  while (i < n) {
#if defined(__SSE2__)
    while (i + 17 <= n && plain_block(f + i)) std::memcpy(t + k, f + i, 16), i += 16, k += 16;
#endif
    // The bytes copied as they are, in one go.
    while (i < n && kClasses.of[f[i]] == kCopy) t[k++] = static_cast<char>(f[i++]);
    if (i == n) break;
    const unsigned char c = f[i];
    if (kClasses.of[c] == kLook) {
      out.odd |= (c >= 'A' && c <= 'Z') ||
                 (c == 0xE2 && i + 2 < n && f[i + 1] == 0x84 && f[i + 2] == 0xAA) ||
                 (c == 0xC5 && i + 1 < n && f[i + 1] == 0xBF) ||
                 (c == 0xE2 && i + 2 < n && f[i + 1] == 0x80 && f[i + 2] == 0x8C);
      out.hyphens |= c == '-' || wide_hyphen(i);
      if (!gap(i)) {
        t[k++] = static_cast<char>(c);
        ++i;
        continue;
      }
    }
    // A run: one space, and the texts' offsets shift by its length less one.
    const size_t run = i;
    while (i < n && gap(i)) i += (glue && wide_hyphen(i)) ? 3 : 1;
    t[k++] = ' ';
    if (i - run > 1) {
      const uint32_t before = out.shifts.empty() ? 0 : out.shifts.back().second;
      out.shifts.emplace_back(static_cast<uint32_t>(k), before + static_cast<uint32_t>(i - run - 1));
    }
  }
  out.text.resize(k);
}

}  // namespace dipmine::lexicon

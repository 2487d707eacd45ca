#include "lexicon/regex_reach.h"

#include <algorithm>

namespace dipmine::lexicon {
namespace {

// What a part of the pattern can match.
struct Piece {
  uint32_t max = 0;        // characters, not counting unbounded repeats
  std::bitset<128> chars;  // ASCII characters it can match
  bool other = false;      // it can match a non-ASCII character
};

// Fills `free` with what unbounded repeats match; false if one of them can
// match a non-ASCII character (then there is no bound).
bool measure(const RegexNode& n, Piece& out, std::bitset<128>& free) {
  switch (n.kind) {
    case RegexNode::Kind::chars:
      out.max = 1;
      out.chars = n.ascii;
      // Under (?i) an ASCII letter also matches non-ASCII ones (k: U+212A).
      out.other = n.any_other || !n.others.empty() || n.case_letter;
      return true;
    case RegexNode::Kind::sequence:
    case RegexNode::Kind::alternation:
      for (const RegexNode& kid : n.kids) {
        Piece p;
        if (!measure(kid, p, free)) return false;
        out.max = n.kind == RegexNode::Kind::sequence ? out.max + p.max : std::max(out.max, p.max);
        out.chars |= p.chars;
        out.other |= p.other;
      }
      return true;
    case RegexNode::Kind::repeat:
      if (!measure(n.kids[0], out, free)) return false;
      if (n.unbounded) {
        if (out.other) return false;
        free |= out.chars;
        out.max = 0;
      }
      return true;
  }
  return false;
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::optional<RegexReach> regex_reach(std::string_view pattern) {
  const std::optional<RegexNode> tree = parse_regex(pattern);
  return tree ? regex_reach(*tree) : std::nullopt;
}

std::optional<RegexReach> regex_reach(const RegexNode& tree) {
  RegexReach r;
  Piece all;
  if (!measure(tree, all, r.free)) return std::nullopt;
  r.max_counted = all.max;
  for (size_t c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    r.kind_[c] = continuation(byte)              ? RegexReach::ByteKind::continuation
                 : byte < 0x80 && r.free[byte] ? RegexReach::ByteKind::free
                                               : RegexReach::ByteKind::counted;
  }
  return r;
}

size_t RegexReach::earliest_start(std::string_view text, size_t at, size_t floor) const {
  uint32_t n = 0;
  size_t b = at;
  for (size_t i = at; i > floor;) {
    --i;
    const ByteKind k = kind_[static_cast<unsigned char>(text[i])];
    if (k == ByteKind::continuation && i > 0) continue;
    // text[i, b) is one character (a stray continuation byte at 0 counts)
    if (k != ByteKind::free) {
      if (n == max_counted) break;
      ++n;
    }
    b = i;
  }
  return b;
}

size_t RegexReach::latest_end(std::string_view text, size_t at) const {
  uint32_t n = 0;
  for (size_t i = at; i < text.size(); ++i) {
    if (kind_[static_cast<unsigned char>(text[i])] != ByteKind::counted) continue;
    if (n == max_counted) return i;
    ++n;
  }
  return text.size();
}

}  // namespace dipmine::lexicon

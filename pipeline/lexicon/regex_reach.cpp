#include "lexicon/regex_reach.h"

#include <algorithm>
#include <cctype>

namespace dipmine::lexicon {
namespace {

// What a part of the pattern can match.
struct Piece {
  uint32_t max = 0;         // characters, not counting unbounded repeats
  std::bitset<128> chars;   // ASCII characters it can match
  bool other = false;       // it can match a non-ASCII character
  void add(const Piece& p) {
    chars |= p.chars;
    other |= p.other;
  }
};

// A recursive-descent reader of the RE2 syntax the lexicon uses. Every
// method returns false on anything it does not model; then no window is used.
class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  std::optional<RegexReach> read() {
    Piece all;
    if (!alternation(all, false) || i_ != p_.size()) return std::nullopt;
    RegexReach r;
    r.max_counted = all.max;
    r.free = free_;
    return r;
  }

 private:
  bool more() const { return i_ < p_.size(); }
  char peek() const { return p_[i_]; }

  bool alternation(Piece& out, bool icase) {
    if (!sequence(out, icase)) return false;
    while (more() && peek() == '|') {
      ++i_;
      Piece next;
      if (!sequence(next, icase)) return false;
      out.max = std::max(out.max, next.max);
      out.add(next);
    }
    return true;
  }

  bool sequence(Piece& out, bool icase) {
    while (more() && peek() != '|' && peek() != ')') {
      Piece p;
      if (!repeat(p, icase)) return false;
      out.max += p.max;
      out.add(p);
    }
    return true;
  }

  bool repeat(Piece& out, bool icase) {
    if (!atom(out, icase)) return false;
    while (more() && (peek() == '?' || peek() == '*' || peek() == '+')) {
      const char op = p_[i_++];
      if (more() && peek() == '?') ++i_;  // lazy: same lengths
      if (op == '?') continue;
      // Unbounded: only ASCII characters we can leave out of the count.
      if (out.other) return false;
      free_ |= out.chars;
      out.max = 0;
    }
    return true;
  }

  bool atom(Piece& out, bool icase) {
    if (!more()) return false;
    const auto c = static_cast<unsigned char>(p_[i_]);
    if (c == '(') {
      ++i_;
      if (p_.substr(i_, 2) == "?:") {
        i_ += 2;
      } else if (p_.substr(i_, 3) == "?i:") {
        i_ += 3;
        icase = true;
      } else if (more() && peek() == '?') {
        return false;  // other flags, named groups
      }
      if (!alternation(out, icase) || !more() || peek() != ')') return false;
      ++i_;
      return true;
    }
    out.max = 1;
    if (c == '[') return char_class(out, icase);
    if (c == '\\') {
      ++i_;
      return escape(out, icase);
    }
    if (c == '.') {
      ++i_;
      out.other = true;
      return true;
    }
    if (c >= 0x80) return utf8_char(out);
    if (c == '^' || c == '$' || c == '{' || c == '}' || c == '*' || c == '+' || c == '?' ||
        c == ']') {
      return false;
    }
    ++i_;
    add_char(out, c, icase);
    return true;
  }

  // One non-ASCII character, as many bytes as UTF-8 gives it.
  bool utf8_char(Piece& out) {
    ++i_;
    while (more() && (static_cast<unsigned char>(peek()) & 0xC0) == 0x80) ++i_;
    out.other = true;
    return true;
  }

  // Under (?i) an ASCII letter also matches non-ASCII ones (k: U+212A).
  static void add_char(Piece& out, uint32_t c, bool icase) {
    if (c >= 0x80 || (icase && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) {
      out.other = true;
    } else {
      out.chars.set(c);
    }
  }

  // After a backslash, in or out of a class.
  bool escape(Piece& out, bool icase) {
    if (!more()) return false;
    const char x = p_[i_++];
    switch (x) {
      case 's':
        for (const char w : {'\t', '\n', '\f', '\r', ' '}) out.chars.set(static_cast<size_t>(w));
        return true;
      case 'd':
        for (char d = '0'; d <= '9'; ++d) out.chars.set(static_cast<size_t>(d));
        return true;
      case 'w': case 'S': case 'D': case 'W':
        out.other = true;
        return true;
      case 't': add_char(out, '\t', false); return true;
      case 'n': add_char(out, '\n', false); return true;
      case 'r': add_char(out, '\r', false); return true;
      case 'f': add_char(out, '\f', false); return true;
      case 'v': add_char(out, '\v', false); return true;
      case 'x': {
        uint32_t cp = 0;
        if (!hex(cp)) return false;
        add_char(out, cp, icase);
        return true;
      }
      default:
        // Escaped punctuation is itself; letters and digits are classes or
        // assertions we do not model.
        if (static_cast<unsigned char>(x) >= 0x80 || std::isalnum(static_cast<unsigned char>(x))) {
          return false;
        }
        add_char(out, static_cast<unsigned char>(x), icase);
        return true;
    }
  }

  // \xHH or \x{H...}, after the x.
  bool hex(uint32_t& cp) {
    const bool braced = more() && peek() == '{';
    if (braced) ++i_;
    size_t digits = 0;
    while (more() && std::isxdigit(static_cast<unsigned char>(peek())) && (braced || digits < 2)) {
      const char h = p_[i_++];
      cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                               ? h - '0' : (h | 0x20) - 'a' + 10);
      ++digits;
    }
    if (braced) {
      if (!more() || peek() != '}') return false;
      ++i_;
    }
    return digits > 0 && cp <= 0x10FFFF;
  }

  // After '[': members until ']'. Ranges of ASCII characters are kept exactly;
  // anything else non-ASCII makes the class `other`.
  bool char_class(Piece& out, bool icase) {
    ++i_;
    if (more() && peek() == '^') {
      ++i_;
      out.other = true;  // a negated class matches non-ASCII characters
    }
    bool first = true;
    while (more() && (peek() != ']' || first)) {
      first = false;
      if (p_.substr(i_, 2) == "[:") return false;
      uint32_t lo = 0;
      if (peek() == '\\') {
        ++i_;
        if (!more()) return false;
        const char x = peek();
        if (x == 's' || x == 'd' || x == 'w' || x == 'S' || x == 'D' || x == 'W') {
          if (!escape(out, icase)) return false;
          if (more() && peek() == '-' && p_.substr(i_ + 1, 1) != "]") return false;
          continue;
        }
        Piece one;
        if (x == 'x') {
          ++i_;
          if (!hex(lo)) return false;
        } else {
          if (!escape(one, false) || one.other || one.chars.count() != 1) return false;
          while (!one.chars[lo]) ++lo;
        }
      } else if (static_cast<unsigned char>(peek()) >= 0x80) {
        if (!utf8_char(out)) return false;
        if (more() && peek() == '-' && p_.substr(i_ + 1, 1) != "]") return false;
        continue;
      } else {
        lo = static_cast<unsigned char>(p_[i_++]);
      }
      uint32_t hi = lo;
      if (more() && peek() == '-' && p_.substr(i_ + 1, 1) != "]" && i_ + 1 < p_.size()) {
        ++i_;
        if (peek() == '\\' || static_cast<unsigned char>(peek()) >= 0x80) return false;
        hi = static_cast<unsigned char>(p_[i_++]);
        if (hi < lo) return false;
      }
      for (uint32_t ch = lo; ch <= hi; ++ch) add_char(out, ch, icase);
    }
    if (!more()) return false;
    ++i_;  // ']'
    return true;
  }

  std::string_view p_;
  size_t i_ = 0;
  std::bitset<128> free_;
};

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::optional<RegexReach> regex_reach(std::string_view pattern) { return Reader(pattern).read(); }

size_t RegexReach::earliest_start(std::string_view text, size_t at) const {
  uint32_t n = 0;
  size_t b = at;
  for (size_t i = at; i > 0;) {
    --i;
    const auto c = static_cast<unsigned char>(text[i]);
    if (continuation(c) && i > 0) continue;
    // text[i, b) is one character
    if (counted(c)) {
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
    const auto c = static_cast<unsigned char>(text[i]);
    if (continuation(c)) continue;
    if (counted(c)) {
      if (n == max_counted) return i;
      ++n;
    }
  }
  return text.size();
}

}  // namespace dipmine::lexicon

#include "lexicon/regex_syntax.h"

#include <cctype>
#include <cstdint>

namespace dipmine::lexicon {
namespace {

std::string utf8(uint32_t cp) {
  std::string s;
  if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  s += static_cast<char>(0x80 | (cp & 0x3F));
  return s;
}

// Blocks without case: under (?i) their characters match only themselves.
bool caseless(uint32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || cp == 0x200C || cp == 0x200D ||
         (cp >= 0x3000 && cp <= 0x9FFF);
}

// A recursive-descent reader; every method returns false on syntax it does
// not model.
class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  std::optional<RegexNode> read() {
    RegexNode root;
    if (!alternation(root, false) || i_ != p_.size()) return std::nullopt;
    return root;
  }

 private:
  bool more() const { return i_ < p_.size(); }
  char peek() const { return p_[i_]; }

  bool alternation(RegexNode& out, bool icase) {
    RegexNode first;
    if (!sequence(first, icase)) return false;
    if (!more() || peek() != '|') {
      out = std::move(first);
      return true;
    }
    out.kind = RegexNode::Kind::alternation;
    out.kids.push_back(std::move(first));
    while (more() && peek() == '|') {
      ++i_;
      out.kids.emplace_back();
      if (!sequence(out.kids.back(), icase)) return false;
    }
    return true;
  }

  bool sequence(RegexNode& out, bool icase) {
    out.kind = RegexNode::Kind::sequence;
    while (more() && peek() != '|' && peek() != ')') {
      out.kids.emplace_back();
      if (!repeat(out.kids.back(), icase)) return false;
    }
    return true;
  }

  // {n}, {n,} or {n,m} after an atom: n copies, then m - n optional ones
  // (the same strings as RE2's repeat, so the same leftmost-longest matches),
  // or a starred one for {n,}. Counts above kMaxCount: not modelled.
  static constexpr int kMaxCount = 8;
  bool counted(RegexNode& out) {
    const size_t close = p_.find('}', i_);
    if (close == std::string_view::npos) return false;
    const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
    const size_t comma = body.find(',');
    const auto number = [](std::string_view d, int& v) {
      if (d.empty() || d.size() > 2) return false;
      v = 0;
      for (const char c : d) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
      }
      return true;
    };
    int n = 0, m = 0;
    if (!number(body.substr(0, comma), n)) return false;
    const bool open = comma != std::string_view::npos && comma + 1 == body.size();
    if (comma == std::string_view::npos) m = n;
    else if (!open && !number(body.substr(comma + 1), m)) return false;
    if (open) m = n;
    if (m < n || m > kMaxCount || (m == 0 && !open)) return false;
    i_ = close + 1;
    if (more() && peek() == '?') ++i_;  // lazy: same matches, other preference
    if (more() && (peek() == '?' || peek() == '*' || peek() == '+' || peek() == '{')) return false;
    RegexNode seq;
    seq.kind = RegexNode::Kind::sequence;
    for (int k = 0; k < m; ++k) {
      if (k < n) {
        seq.kids.push_back(out);
        continue;
      }
      RegexNode r;
      r.kind = RegexNode::Kind::repeat;
      r.kids.push_back(out);
      seq.kids.push_back(std::move(r));
    }
    if (open) {
      RegexNode r;
      r.kind = RegexNode::Kind::repeat;
      r.unbounded = true;
      r.kids.push_back(out);
      seq.kids.push_back(std::move(r));
    }
    out = std::move(seq);
    return true;
  }

  bool repeat(RegexNode& out, bool icase) {
    if (!atom(out, icase)) return false;
    if (more() && peek() == '{') return counted(out);
    if (more() && (peek() == '?' || peek() == '*' || peek() == '+')) {
      const char op = p_[i_++];
      if (more() && peek() == '?') ++i_;  // lazy: same matches, other preference
      // RE2 rejects a second operator (a**, a+*): so does this reader, so
      // that what it reads RE2 compiles.
      if (more() && (peek() == '?' || peek() == '*' || peek() == '+')) return false;
      RegexNode r;
      r.kind = RegexNode::Kind::repeat;
      r.min = op == '+' ? 1 : 0;
      r.unbounded = op != '?';
      r.kids.push_back(std::move(out));
      out = std::move(r);
    }
    return true;
  }

  bool atom(RegexNode& out, bool icase) {
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
    out.kind = RegexNode::Kind::chars;
    if (c == '[') return char_class(out, icase);
    if (c == '\\') {
      ++i_;
      return escape(out, icase);
    }
    if (c == '.') {
      ++i_;
      out.any_other = true;
      for (int a = 0; a < 128; ++a) out.ascii.set(static_cast<size_t>(a), a != '\n');
      return true;
    }
    if (c >= 0x80) return utf8_char(out, icase);
    if (c == '^' || c == '$' || c == '{' || c == '}' || c == '*' || c == '+' || c == '?' ||
        c == ']') {
      return false;
    }
    ++i_;
    add_char(out, c, icase);
    return true;
  }

  // One non-ASCII character as written (its UTF-8 bytes).
  bool utf8_char(RegexNode& out, bool icase) {
    const size_t start = i_++;
    while (more() && (static_cast<unsigned char>(peek()) & 0xC0) == 0x80) ++i_;
    const std::string_view ch = p_.substr(start, i_ - start);
    // Only well-formed UTF-8 (RE2 rejects the rest).
    const auto lead = static_cast<unsigned char>(ch[0]);
    const size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (want == 0 || lead > 0xF4 || ch.size() != want) return false;
    uint32_t cp = static_cast<unsigned char>(ch[0]) & (ch.size() == 2 ? 0x1F : ch.size() == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < ch.size(); ++k) cp = cp << 6 | (static_cast<unsigned char>(ch[k]) & 0x3F);
    add_char(out, cp, icase);
    return true;
  }

  static void add_char(RegexNode& out, uint32_t c, bool icase) {
    if (c >= 0x80) {
      out.others.push_back(utf8(c));
      if (icase && !caseless(c)) out.any_other = true;  // its other cases are not listed
      return;
    }
    out.ascii.set(c);
    if (icase && std::isalpha(static_cast<int>(c))) {
      out.ascii.set(c ^ 0x20);
      out.case_letter = true;
      if ((c | 0x20) == 'k') out.others.push_back(utf8(0x212A));  // KELVIN SIGN
      if ((c | 0x20) == 's') out.others.push_back(utf8(0x017F));  // LATIN SMALL LETTER LONG S
    }
  }

  // After a backslash, in or out of a class.
  bool escape(RegexNode& out, bool icase) {
    if (!more()) return false;
    const char x = p_[i_++];
    switch (x) {
      case 's':
        for (const char w : {'\t', '\n', '\f', '\r', ' '}) out.ascii.set(static_cast<size_t>(w));
        return true;
      case 'd':
        for (char d = '0'; d <= '9'; ++d) out.ascii.set(static_cast<size_t>(d));
        return true;
      case 'w': case 'S': case 'D': case 'W':
        out.any_other = true;
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
    return digits > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp < 0xE000);
  }

  // After '[': members until ']'. Ranges only between ASCII characters.
  bool char_class(RegexNode& out, bool icase) {
    ++i_;
    if (more() && peek() == '^') {
      ++i_;
      out.any_other = true;  // a negated class matches non-ASCII characters
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
        if (x == 'x') {
          ++i_;
          if (!hex(lo)) return false;
        } else {
          RegexNode one;
          if (!escape(one, false) || one.any_other || !one.others.empty() || one.ascii.count() != 1) {
            return false;
          }
          while (!one.ascii[lo]) ++lo;
        }
      } else if (static_cast<unsigned char>(peek()) >= 0x80) {
        if (!utf8_char(out, icase)) return false;
        if (more() && peek() == '-' && p_.substr(i_ + 1, 1) != "]") return false;
        continue;
      } else {
        lo = static_cast<unsigned char>(p_[i_++]);
      }
      uint32_t hi = lo;
      if (more() && peek() == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        ++i_;
        if (peek() == '\\' || static_cast<unsigned char>(peek()) >= 0x80 || lo >= 0x80) return false;
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
};

}  // namespace

std::optional<RegexNode> parse_regex(std::string_view pattern) { return Reader(pattern).read(); }

}  // namespace dipmine::lexicon

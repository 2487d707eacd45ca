// LaTeX text as BibTeX files hold it, turned into plain Unicode. Covers what
// reference managers write: accent commands in all their brace forms, the
// special letters, escaped specials, font commands (argument kept), dashes
// and TeX quotes. A command with an argument is dropped and its argument
// kept; one without (a logo, the user's own macro) stands as its name.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>

#include "bib/readers.h"
#include "text/utf8.h"

namespace dipmine::bib::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Combining mark for an accent command, 0 if `cmd` is not an accent.
char32_t accent_mark(std::string_view cmd) {
  if (cmd.size() != 1) return 0;
  switch (cmd[0]) {
    case '"': return 0x0308;
    case '\'': return 0x0301;
    case '`': return 0x0300;
    case '^': return 0x0302;
    case '~': return 0x0303;
    case '=': return 0x0304;
    case '.': return 0x0307;
    case 'u': return 0x0306;
    case 'v': return 0x030C;
    case 'H': return 0x030B;
    case 'c': return 0x0327;
    case 'k': return 0x0328;
    case 'r': return 0x030A;
    case 'd': return 0x0323;
    case 'b': return 0x0331;
    default: return 0;
  }
}

const char* special_letter(std::string_view cmd) {
  static const std::pair<std::string_view, const char*> table[] = {
      {"ss", "ß"}, {"o", "ø"}, {"O", "Ø"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"},
      {"OE", "Œ"}, {"aa", "å"}, {"AA", "Å"}, {"l", "ł"}, {"L", "Ł"}, {"i", "ı"},
      {"j", "ȷ"}, {"textendash", "–"}, {"textemdash", "—"}, {"ldots", "…"},
      {"dots", "…"}, {"textquoteright", "’"}, {"textquoteleft", "‘"},
      {"textquotedblleft", "“"}, {"textquotedblright", "”"}, {"LaTeX", "LaTeX"},
      {"TeX", "TeX"}, {"textregistered", "®"}, {"copyright", "©"}, {"S", "§"},
      {"euro", "€"}, {"pounds", "£"}, {"textdegree", "°"}, {"guillemotleft", "«"},
      {"guillemotright", "»"}, {"DH", "Ð"}, {"dh", "ð"}, {"TH", "Þ"}, {"th", "þ"},
      {"NG", "Ŋ"}, {"ng", "ŋ"}, {"textasciitilde", "~"}, {"textbackslash", "\\"},
      {"textunderscore", "_"}, {"textbar", "|"}, {"textless", "<"}, {"textgreater", ">"},
      // biblatex's hyphens that may or may not break a line, and slashes
      {"hyphen", "-"}, {"nbhyphen", "-"}, {"slash", "/"}, {"textslash", "/"},
      // Math in titles: Greek letters and the signs of units and figures
      // (`100~$\mu$J`, `$\pm$0.1\%`).
      {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"}, {"varepsilon", "ε"},
      {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"kappa", "κ"}, {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"},
      {"xi", "ξ"}, {"pi", "π"}, {"rho", "ρ"}, {"sigma", "σ"}, {"tau", "τ"}, {"phi", "φ"}, {"varphi", "φ"},
      {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"},
      {"Lambda", "Λ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
      {"pm", "±"}, {"mp", "∓"}, {"times", "×"}, {"cdot", "·"}, {"div", "÷"}, {"leq", "≤"}, {"le", "≤"},
      {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"approx", "≈"}, {"sim", "~"}, {"infty", "∞"}, {"circ", "°"},
      {"degree", "°"}, {"rightarrow", "→"}, {"to", "→"}, {"leftarrow", "←"}, {"textmu", "μ"},
      {"textpm", "±"}, {"texttimes", "×"},
  };
  for (const auto& [name, out] : table) {
    if (name == cmd) return out;
  }
  return nullptr;
}

// ⁰..⁹ and ₀..₉ for the digit `d`.
std::string_view script_digit(char d, bool super) {
  static constexpr std::string_view kSuper[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  static constexpr std::string_view kSub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  const auto k = static_cast<size_t>(d - '0');
  return super ? kSuper[k] : kSub[k];
}

class Converter {
 public:
  explicit Converter(std::string_view s) : s_(s) {}

  std::string run() {
    std::string out;
    convert_until(out, false);
    return out;
  }
  bool used_marks() const { return marks_; }

 private:
  // Converts until the end of input, or the '}' closing the current group.
  void convert_until(std::string& out, bool in_group) {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '}') {
        ++i_;
        if (in_group) return;
        continue;  // a stray closing brace
      }
      if (c == '{') {
        ++i_;
        convert_until(out, true);
        continue;
      }
      if (c == '\\') {
        command(out);
        continue;
      }
      if (c == '~') {
        out += ' ';
        ++i_;
        continue;
      }
      if (c == '$') {  // math shift: keep the content
        math_ = !math_;
        ++i_;
        continue;
      }
      if (math_ && (c == '^' || c == '_')) {  // mm$^2$ is mm², Cu$_2$O Cu₂O (NFKC folds them to digits)
        ++i_;
        script_digits(out, c == '^');
        continue;
      }
      if (c == '-' && s_.substr(i_, 3) == "---") {
        out += "—";
        i_ += 3;
        continue;
      }
      if (c == '-' && s_.substr(i_, 2) == "--") {
        out += "–";
        i_ += 2;
        continue;
      }
      if (c == '"' && babel_shorthand(out)) continue;
      if (c == '`' && s_.substr(i_, 2) == "``") {
        out += "“";
        i_ += 2;
        continue;
      }
      if (c == '\'' && s_.substr(i_, 2) == "''") {
        out += "”";
        i_ += 2;
        continue;
      }
      out += c;
      ++i_;
    }
  }

  // The digits after ^ or _ (one, or a group of digits only) as superscript
  // or subscript digits; anything else is left to the loop, as text.
  void script_digits(std::string& out, bool super) {
    const std::string_view s = s_;
    const size_t at = i_;
    auto digit = [s](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    size_t begin = at, end = at;
    if (digit(at)) {
      end = at + 1;
    } else if (at < s.size() && s[at] == '{') {
      end = at + 1;
      while (digit(end)) ++end;
      if (end == at + 1 || end >= s.size() || s[end] != '}') return;
      begin = at + 1;
    } else {
      return;
    }
    for (size_t k = begin; k < end; ++k) out += script_digit(s[k], super);
    i_ = begin != at ? end + 1 : end;  // past the group's closing brace
  }

  // German babel's shorthands after `"` (biblatex files of German titles use
  // them): "< "> guillemets, "` "' low and high quotes, "= "~ hyphens, and
  // "- "| "" break hints inside a word (nothing). Only between letters for
  // the hints, so that a quoted "-1" stays as written. True when one was read.
  bool babel_shorthand(std::string& out) {
    if (i_ + 1 >= s_.size()) return false;
    const char next = s_[i_ + 1];
    const char* put = nullptr;
    switch (next) {
      case '<': put = "«"; break;
      case '>': put = "»"; break;
      case '`': put = "„"; break;
      case '\'': put = "“"; break;
      default: break;
    }
    // (A byte of a UTF-8 sequence counts as a letter: Schlu"-ss, über"=all.)
    auto wordish = [](char c) { return is_letter(c) || static_cast<unsigned char>(c) >= 0x80; };
    const bool between_letters = !out.empty() && wordish(out.back()) && i_ + 2 < s_.size() &&
                                 wordish(s_[i_ + 2]);
    if (put == nullptr && between_letters) {
      if (next == '=' || next == '~') put = "-";
      else if (next == '-' || next == '|' || next == '"') put = "";
    }
    if (put == nullptr) return false;
    out += put;
    i_ += 2;
    return true;
  }

  // The argument of an accent: a group, a control word (\i), or one character.
  std::string accent_argument() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
    if (i_ >= s_.size()) return {};
    std::string arg;
    if (s_[i_] == '{') {
      ++i_;
      convert_until(arg, true);
    } else if (s_[i_] == '\\') {
      command(arg);
    } else {
      size_t len = 1;
      text::decode_utf8(s_, i_, len);
      arg.assign(s_.substr(i_, len));
      i_ += len;
    }
    // A dotless i or j under an accent is the plain letter.
    if (arg == "ı") arg = "i";
    if (arg == "ȷ") arg = "j";
    return arg;
  }

  void command(std::string& out) {
    ++i_;  // the backslash
    if (i_ >= s_.size()) return;
    std::string_view name;
    const size_t start = i_;
    if (is_letter(s_[i_])) {
      while (i_ < s_.size() && is_letter(s_[i_])) ++i_;
      name = s_.substr(start, i_ - start);
    } else {
      name = s_.substr(i_, 1);
      ++i_;
    }
    const bool control_word = is_letter(name[0]);
    if (const char32_t mark = accent_mark(name)) {
      // \c c, \"u, \"{u}, \v{s}: letter accents need a non-letter after them.
      std::string arg = accent_argument();
      if (arg.empty()) return;
      out += arg;
      text::append_utf8(out, mark);
      marks_ = true;
      return;
    }
    if (!control_word) {
      // \& \% \$ \# \_ \{ \} "\ " and \\ ; anything else: the character itself.
      if (name == "\\" || name == "," || name == ";" || name == ":") out += ' ';  // thin and medium spaces too
      else if (name == "-" || name == "!") {}  // discretionary hyphen, negative thin space
      else out.append(name);
      return;
    }
    if (i_ < s_.size() && s_[i_] == ' ') ++i_;  // TeX eats the space after \word
    if (const char* letter = special_letter(name)) {
      out += letter;
      if (i_ + 1 < s_.size() && s_[i_] == '{' && s_[i_ + 1] == '}') i_ += 2;  // \ss{}
      return;
    }
    // Font and other commands with an argument: drop the name, keep the
    // argument (converted by the caller's loop as a group): \textbf{x}, \lr{x}.
    if (i_ < s_.size() && s_[i_] == '{') return;
    if (is_switch(name)) return;
    if (is_space(name)) {
      out += ' ';
      return;
    }
    // Without an argument, a logo or the user's own macro (\XePersian,
    // \BibTeX): its name is the text a reader sees, as for an undefined
    // @string. (Dropping it turned `زی‌پرشین (\lr{\XePersian})` into `زی‌پرشین ()`.)
    out.append(name);
  }

  // Commands that change the font or do nothing visible: \bf, \em, \relax.
  static bool is_switch(std::string_view n) {
    static constexpr std::string_view kSwitches[] = {
        "bf", "it", "em", "sc", "rm", "sf", "tt", "sl", "up", "md", "relax", "protect", "normalfont",
        "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
        "newblock", "par", "ignorespaces", "xspace", "noindent", "unskip", "null", "bfseries", "itshape",
        "scshape", "upshape", "mdseries", "rmfamily", "sffamily", "ttfamily", "selectfont", "nobreak",
        "allowbreak", "hfill", "hfil", "break", "linebreak", "newline", "displaystyle", "textstyle"};
    for (std::string_view s : kSwitches) {
      if (n == s) return true;
    }
    return false;
  }
  static bool is_space(std::string_view n) {
    return n == "quad" || n == "qquad" || n == "enspace" || n == "thinspace" || n == "space" || n == "enskip";
  }

  std::string_view s_;
  size_t i_ = 0;
  bool marks_ = false;
  bool math_ = false;  // between $ signs
};

}  // namespace

std::string latex_to_unicode(std::string_view s) {
  if (s.find_first_of("\\{}~$-`'\"") == std::string_view::npos) return std::string(s);
  Converter conv(s);
  std::string out = conv.run();
  if (!conv.used_marks()) return out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(out);
  icu::UnicodeString composed = nfc->normalize(u, status);
  if (U_FAILURE(status)) return out;
  std::string result;
  composed.toUTF8String(result);
  return result;
}

}  // namespace dipmine::bib::detail

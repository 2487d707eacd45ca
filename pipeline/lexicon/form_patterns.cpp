// The RE2 patterns lexicon forms compile to (lexicon.h: literal_pattern,
// regex_pattern, literal_pieces): folded like the text they meet.
#include <fmt/format.h>
#include <re2/re2.h>

#include "lexicon/lexicon.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace dipmine::lexicon {
namespace {

// A regex meets folded text only if its letters are folded too: each non-ASCII
// character goes through the fold on its own (آ -> ا, ي -> ی, ＳＣＯ -> sco,
// ZWNJ -> nothing); ASCII, where all regex syntax lives, is left alone.
// Japanese folds a run of such characters at once: the fold drops the ー
// that ends a katakana word (アドボカシー -> アドボカシ), which a character on
// its own cannot tell.
std::string fold_regex_letters(const std::string& re, text::Lang lang) {
  const text::Normalizer& norm = text::normalizer_for(lang);
  std::string out;
  for (size_t i = 0, len = 0; i < re.size(); i += len) {
    text::decode_utf8(re, i, len);
    if (static_cast<unsigned char>(re[i]) < 0x80) {
      out.append(re, i, len);
      continue;
    }
    if (lang == text::Lang::ja) {
      size_t j = i;
      while (j < re.size() && static_cast<unsigned char>(re[j]) >= 0x80) ++j;
      len = j - i;
    }
    out += norm.fold_for_prefix(std::string_view(re).substr(i, len)).text;
  }
  return out;
}

bool is_separator(char32_t cp, text::Lang lang) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x200C || cp == 0x00A0) return true;
  return lang == text::Lang::en && (cp == '-' || cp == 0x2010 || cp == 0x2011);
}

// A plain space in a regex (outside a [...] class, not escaped) matches any run
// of white space: PDF text breaks lines, and even paragraphs, inside phrases.
std::string spaces_as_runs(const std::string& re) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      out += c;
      out += re[++i];
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    out += (c == ' ' && !in_class) ? std::string("\\s+") : std::string(1, c);
  }
  return out;
}

std::string trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string regex_problem(const std::string& form, text::Lang lang) {
  RE2::Options o;
  o.set_log_errors(false);
  RE2 re(form, o);
  if (!re.ok()) return fmt::format("regex rejected by RE2: {}", re.error());
  if (re.Match("", 0, 0, RE2::UNANCHORED, nullptr, 0)) {
    return fmt::format("regex \"{}\" matches the empty string", form);
  }
  // What the matcher compiles is the folded pattern, and folding a letter can
  // make syntax (full-width （ folds to "(") or remove one (a lone ZWNJ).
  const std::string folded = regex_pattern(form, lang);
  RE2 folded_re(folded, o);
  if (!folded_re.ok()) {
    return fmt::format("regex \"{}\" is rejected by RE2 once its letters are folded ({}): {}",
                       form, folded, folded_re.error());
  }
  if (folded_re.Match("", 0, 0, RE2::UNANCHORED, nullptr, 0)) {
    return fmt::format("regex \"{}\" matches the empty string once its letters are folded ({})",
                       form, folded);
  }
  return "";
}

NearParse parse_near(const std::string& form, text::Lang lang) {
  NearParse out;
  const char* const shape = "write a near form as \"A ~N B\" (N: words between, 1-30)";
  const size_t tilde = form.find(" ~");
  if (tilde == std::string::npos) {
    out.error = fmt::format("near form \"{}\" has no \" ~N \": {}", form, shape);
    return out;
  }
  const std::string a = trim_spaces(std::string_view(form).substr(0, tilde));
  size_t i = tilde + 2, digits = 0;
  while (i + digits < form.size() && form[i + digits] >= '0' && form[i + digits] <= '9') ++digits;
  const std::string n = form.substr(i, digits);
  const std::string b = trim_spaces(std::string_view(form).substr(i + digits));
  if (digits == 0 || (i + digits < form.size() && form[i + digits] != ' ')) {
    out.error = fmt::format("near form \"{}\": N after ~ must be a whole number: {}", form, shape);
    return out;
  }
  if (digits > 2 || std::stoi(n) < 1 || std::stoi(n) > kMaxNearWords) {
    out.error = fmt::format("near form \"{}\": N = {} is out of range (1-{})", form, n,
                            kMaxNearWords);
    return out;
  }
  out.proximity.words = std::stoi(n);
  if (a.empty() || b.empty()) {
    out.error = fmt::format("near form \"{}\": {} is empty: {}", form, a.empty() ? "A" : "B", shape);
    return out;
  }
  if (a[0] == '@') {
    out.error = fmt::format("near form \"{}\": A must be a regex (only B may be @network)", form);
    return out;
  }
  if (const std::string p = regex_problem(a, lang); !p.empty()) {
    out.error = fmt::format("near form, side A: {}", p);
    return out;
  }
  out.a_pattern = regex_pattern(a, lang);
  if (b[0] == '@') {
    if (b != "@network") {
      out.error = fmt::format("near form \"{}\": unknown class \"{}\" (only @network)", form, b);
      return out;
    }
    out.proximity.any_network = true;
    return out;
  }
  if (const std::string p = regex_problem(b, lang); !p.empty()) {
    out.error = fmt::format("near form, side B: {}", p);
    return out;
  }
  out.proximity.b_pattern = regex_pattern(b, lang);
  return out;
}

std::string regex_pattern(const std::string& form, text::Lang lang) {
  return "(?i:" + spaces_as_runs(fold_regex_letters(form, lang)) + ")";
}

std::vector<std::string> literal_pieces(const std::string& form, text::Lang lang) {
  const text::Normalizer& norm = text::normalizer_for(lang);
  // Split at separators; fold each piece on its own so a ZWNJ the fold deletes
  // still marks where a space may stand in the text.
  std::vector<std::string> pieces;
  std::string piece;
  const auto flush = [&] {
    if (piece.empty()) return;
    std::string folded = norm.fold_for_prefix(piece).text;
    if (!folded.empty()) pieces.push_back(std::move(folded));
    piece.clear();
  };
  size_t i = 0;
  while (i < form.size()) {
    size_t len = 0;
    const char32_t cp = text::decode_utf8(form, i, len);
    if (is_separator(cp, lang)) {
      flush();
    } else {
      piece.append(form, i, len);
    }
    i += len;
  }
  flush();
  return pieces;
}

std::string literal_pattern(const std::string& form, text::Lang lang) {
  const std::vector<std::string> pieces = literal_pieces(form, lang);
  if (pieces.empty()) return "";
  const char* glue = lang == text::Lang::fa   ? "[\\s\\x{200c}]*"
                     : lang == text::Lang::en ? "[\\s\\-\\x{2010}\\x{2011}]+"
                                              : "\\s*";
  std::string out;
  for (size_t k = 0; k < pieces.size(); ++k) out += (k ? glue : "") + RE2::QuoteMeta(pieces[k]);
  return out;
}

}  // namespace dipmine::lexicon

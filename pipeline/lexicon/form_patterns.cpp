// The RE2 patterns lexicon forms compile to (lexicon.h: literal_pattern,
// regex_pattern, literal_pieces): folded like the text they meet.
#include <re2/re2.h>

#include "lexicon/lexicon.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace dipmine::lexicon {
namespace {

// A regex meets folded text only if its letters are folded too: each non-ASCII
// character goes through the fold on its own (آ -> ا, ي -> ی, ＳＣＯ -> sco,
// ZWNJ -> nothing); ASCII, where all regex syntax lives, is left alone.
std::string fold_regex_letters(const std::string& re, text::Lang lang) {
  const text::Normalizer& norm = text::normalizer_for(lang);
  std::string out;
  for (size_t i = 0, len = 0; i < re.size(); i += len) {
    text::decode_utf8(re, i, len);
    if (static_cast<unsigned char>(re[i]) < 0x80) {
      out.append(re, i, len);
    } else {
      out += norm.fold_for_prefix(std::string_view(re).substr(i, len)).text;
    }
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

}  // namespace

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

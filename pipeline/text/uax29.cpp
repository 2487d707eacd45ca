#include "text/uax29.h"

#include <unicode/uchar.h>

#include <array>

#include "text/char_table.h"
#include "text/utf8.h"

namespace dipmine::text {

bool has_letter_or_digit(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // ASCII without a decode or a table: u_isalnum is exactly [0-9A-Za-z] there.
    if (const auto b = static_cast<unsigned char>(s[i]); b < 0x80) {
      if (static_cast<unsigned char>(b - '0') < 10 || static_cast<unsigned char>((b | 0x20) - 'a') < 26) {
        return true;
      }
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = decode_utf8(s, i, len);
    if (char_flags(cp) & kAlnum) return true;
    i += len;
  }
  return false;
}

namespace {

// The code points handled here: U+0000..U+06FF (Latin, Greek, Cyrillic,
// Arabic) and General Punctuation U+2000..U+206F (ZWNJ, dashes, curly quotes).
constexpr char32_t kFastLimit = 0x0700, kPunctBegin = 0x2000, kPunctEnd = 0x2070;

// A class for each handled code point, computed once from ICU.
template <typename Class>
struct FastRangeTable {
  std::array<Class, kFastLimit> low;
  std::array<Class, kPunctEnd - kPunctBegin> punct;
};

template <typename Class>
FastRangeTable<Class> fast_range_table(Class (*icu_class)(UChar32)) {
  FastRangeTable<Class> t{};
  for (char32_t x = 0; x < kFastLimit; ++x) t.low[x] = icu_class(static_cast<UChar32>(x));
  for (char32_t x = kPunctBegin; x < kPunctEnd; ++x) {
    t.punct[x - kPunctBegin] = icu_class(static_cast<UChar32>(x));
  }
  return t;
}

template <typename Class>
Class fast_range_lookup(const FastRangeTable<Class>& t, char32_t c, Class unsupported) {
  if (c < kFastLimit) return t.low[c];
  if (c >= kPunctBegin && c < kPunctEnd) return t.punct[c - kPunctBegin];
  return unsupported;
}

// The end of the run of one- and two-byte characters of class `cls` from byte
// i on: the inner loop of both segmenters, where a word (or a run of letters
// between punctuation) is walked without the general per-character step.
template <typename Class>
size_t same_class_run_end(std::string_view text, size_t i, const FastRangeTable<Class>& t,
                          Class cls) {
  const size_t n = text.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      if (t.low[b0] != cls) break;
      ++i;
      continue;
    }
    if (b0 < 0xC2 || b0 > 0xDB || i + 1 >= n) break;  // U+0080..U+06FF only
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if ((b1 & 0xC0) != 0x80 || t.low[((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu)] != cls) break;
    i += 2;
  }
  return i;
}

// A character with the Extend/Format characters after it (WB4, SB5), or a
// run of characters that the rules treat as one: the unit both rule sets
// look at.
template <typename Class>
struct Base {
  Class cls;
  uint32_t b, e;
};

// The bases of `text` in `bases`; false when a character's class is
// `unsupported`. merged(previous, cls) gives the class of the previous base
// when the character joins it, or `unsupported` when it starts a new base;
// run(cls) says that a run of this class is one base, walked in a tight loop.
template <typename Class, typename Merged, typename Run>
bool build_bases(std::string_view text, const FastRangeTable<Class>& table, Class unsupported,
                 std::vector<Base<Class>>& bases, Merged merged, Run run) {
  bases.clear();
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const auto b0 = static_cast<unsigned char>(text[i]);
    const char32_t c = b0 < 0x80 ? b0 : decode_utf8(text, i, len);
    const Class cls = fast_range_lookup(table, c, unsupported);
    if (cls == unsupported) return false;
    const auto end = static_cast<uint32_t>(i + len);
    const Class joined = bases.empty() ? unsupported : merged(bases.back().cls, cls);
    if (joined != unsupported) {
      bases.back().cls = joined;
      bases.back().e = end;
    } else {
      bases.push_back({cls, static_cast<uint32_t>(i), end});
    }
    i += len;
    if (bases.back().cls == cls && run(cls)) {
      i = same_class_run_end(text, i, table, cls);
      bases.back().e = static_cast<uint32_t>(i);
    }
  }
  return true;
}

// ---- Word boundaries (UAX #29 WB1-WB999, with ICU's tailorings) ----
enum WordClass : uint8_t {
  kWcOther, kWcLetter, kWcNumeric, kWcExtend, kWcMidLetter, kWcMidNum, kWcMidNumLetQ,
  kWcExtendNumLet, kWcNewline, kWcUnsupported
};

WordClass icu_word_class(UChar32 c) {
  // Extended_Pictographic (© ®) takes part in the emoji rules: ICU's job.
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return kWcUnsupported;
  // ICU's word rules (word.txt) differ from UAX #29 here: '@' is a letter (so
  // an e-mail address is one word) and ':' does not join letters.
  if (c == '@') return kWcLetter;
  if (c == ':') return kWcOther;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER: return kWcLetter;
    case U_WB_NUMERIC: return kWcNumeric;
    case U_WB_EXTEND: case U_WB_FORMAT: return kWcExtend;
    case U_WB_MIDLETTER: return kWcMidLetter;
    case U_WB_MIDNUM: return kWcMidNum;
    case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return kWcMidNumLetQ;
    case U_WB_EXTENDNUMLET: return kWcExtendNumLet;
    case U_WB_CR: case U_WB_LF: case U_WB_NEWLINE: return kWcNewline;
    case U_WB_OTHER: case U_WB_WSEGSPACE: case U_WB_DOUBLE_QUOTE: return kWcOther;
    default: return kWcUnsupported;  // Hebrew_Letter, ZWJ, Katakana, Regional_Indicator
  }
}

const FastRangeTable<WordClass>& word_table() {
  static const auto table = fast_range_table<WordClass>(icu_word_class);
  return table;
}

}  // namespace

bool fast_words(std::string_view text, std::vector<Span>& out) {
  thread_local std::vector<Base<WordClass>> bases;
  auto letter_or_digit = [](WordClass c) { return c == kWcLetter || c == kWcNumeric; };
  const bool supported = build_bases(
      text, word_table(), kWcUnsupported, bases,
      [&](WordClass previous, WordClass c) {
        // WB4 (not after sot or a newline); a run of letters (or of digits)
        // never breaks inside and every rule looks only at the class next to
        // a boundary, so the run is one base.
        if (c == kWcExtend && previous != kWcNewline) return previous;
        return letter_or_digit(c) && previous == c ? c : kWcUnsupported;
      },
      letter_or_digit);
  if (!supported) return false;
  auto cls = [](size_t k) { return k < bases.size() ? bases[k].cls : kWcOther; };
  auto letter = [](WordClass c) { return c == kWcLetter; };
  auto numeric = [](WordClass c) { return c == kWcNumeric; };
  auto mid_letter = [](WordClass c) { return c == kWcMidLetter || c == kWcMidNumLetQ; };
  auto mid_num = [](WordClass c) { return c == kWcMidNum || c == kWcMidNumLetQ; };
  // No boundary between bases k and k + 1 (UAX #29 WB5-WB13b).
  auto joined = [&](size_t k) {
    const WordClass a = cls(k), b = cls(k + 1);
    const WordClass before = k > 0 ? cls(k - 1) : kWcOther;
    if ((letter(a) || numeric(a)) && (letter(b) || numeric(b))) return true;  // WB5, 8-10
    if (letter(a) && mid_letter(b) && letter(cls(k + 2))) return true;         // WB6
    if (letter(before) && mid_letter(a) && letter(b)) return true;             // WB7
    if (numeric(before) && mid_num(a) && numeric(b)) return true;              // WB11
    if (numeric(a) && mid_num(b) && numeric(cls(k + 2))) return true;          // WB12
    if ((letter(a) || numeric(a) || a == kWcExtendNumLet) && b == kWcExtendNumLet) return true;
    return a == kWcExtendNumLet && (letter(b) || numeric(b));                  // WB13a-b
  };
  for (size_t start = 0, k = 0; k < bases.size(); ++k) {
    if (k + 1 < bases.size() && joined(k)) continue;
    const uint32_t b = bases[start].b, e = bases[k].e;
    if (has_letter_or_digit(text.substr(b, e - b))) out.push_back({b, e});
    start = k + 1;
  }
  return true;
}

namespace {

// ---- Sentence boundaries (UAX #29 SB1-SB998) ----
enum SentenceClass : uint8_t {
  kScOther, kScCR, kScLF, kScSep, kScExtend, kScSp, kScLower, kScUpper, kScOLetter,
  kScNumeric, kScATerm, kScSTerm, kScClose, kScSContinue, kScUnsupported
};

SentenceClass icu_sentence_class(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER: return kScOther;
    case U_SB_CR: return kScCR;
    case U_SB_LF: return kScLF;
    case U_SB_SEP: return kScSep;
    case U_SB_EXTEND: case U_SB_FORMAT: return kScExtend;
    case U_SB_SP: return kScSp;
    case U_SB_LOWER: return kScLower;
    case U_SB_UPPER: return kScUpper;
    case U_SB_OLETTER: return kScOLetter;
    case U_SB_NUMERIC: return kScNumeric;
    case U_SB_ATERM: return kScATerm;
    case U_SB_STERM: return kScSTerm;
    case U_SB_CLOSE: return kScClose;
    case U_SB_SCONTINUE: return kScSContinue;
    default: return kScUnsupported;
  }
}

const FastRangeTable<SentenceClass>& sentence_table() {
  static const auto table = fast_range_table<SentenceClass>(icu_sentence_class);
  return table;
}

bool is_para_sep(SentenceClass c) { return c == kScCR || c == kScLF || c == kScSep; }
bool is_saterm(SentenceClass c) { return c == kScATerm || c == kScSTerm; }

// Classes whose runs never break inside and which the rules only test for
// being next to a boundary (SB6, SB7) or skip over in a run (SB8, SB10), so
// a run of them can be one base: a word is one base, not one per letter.
// (Not ATerm: SB7 looks at the character before a full stop, so in "a.." the
// second stop must see the first. Terminators and Close stay one per character.)
bool is_run_class(SentenceClass c) {
  return c == kScLower || c == kScUpper || c == kScOLetter || c == kScNumeric || c == kScOther ||
         c == kScSp;
}

}  // namespace

bool fast_sentences(std::string_view text, std::vector<Span>& out) {
  thread_local std::vector<Base<SentenceClass>> bases;
  const bool supported = build_bases(
      text, sentence_table(), kScUnsupported, bases,
      [](SentenceClass previous, SentenceClass c) {
        if (c == kScExtend && !is_para_sep(previous)) return previous;  // SB5 (SB4 first)
        if (c == kScLF && previous == kScCR) return kScLF;  // SB3: CR × LF, one separator
        return previous == c && is_run_class(c) ? c : kScUnsupported;
      },
      is_run_class);
  if (!supported) return false;
  const size_t n = bases.size();
  auto cls = [&](size_t k) { return k < n ? bases[k].cls : kScOther; };
  // After base k: the last SATerm at or before k when only Close* Sp* follow
  // it up to k (npos otherwise), and whether a Sp came after it.
  size_t term = std::string_view::npos;
  bool seen_sp = false;
  // SB8's lookahead from base k: ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower.
  auto lower_follows = [&](size_t k) {
    for (; k < n; ++k) {
      const SentenceClass c = bases[k].cls;
      if (c == kScLower) return true;
      if (c == kScOLetter || c == kScUpper || is_para_sep(c) || is_saterm(c)) return false;
    }
    return false;
  };
  // No boundary between bases k and k + 1 (k + 1 < n).
  auto joined = [&](size_t k) {
    const SentenceClass a = cls(k), b = cls(k + 1);
    if (is_para_sep(a)) return false;                                          // SB4
    if (a == kScATerm && b == kScNumeric) return true;                         // SB6
    if (k > 0 && (cls(k - 1) == kScUpper || cls(k - 1) == kScLower) && a == kScATerm &&
        b == kScUpper) {
      return true;                                                             // SB7
    }
    if (term == std::string_view::npos) return true;                           // SB998
    if (cls(term) == kScATerm && lower_follows(k + 1)) return true;            // SB8
    if (b == kScSContinue || is_saterm(b)) return true;                        // SB8a
    if (!seen_sp && b == kScClose) return true;                                // SB9
    if (b == kScSp || is_para_sep(b)) return true;                             // SB9, SB10
    return false;                                                              // SB11
  };
  for (size_t start = 0, k = 0; k < n; ++k) {
    // Track "SATerm Close* Sp*" ending at k.
    const SentenceClass c = bases[k].cls;
    const bool continues_term =
        term != std::string_view::npos && ((c == kScClose && !seen_sp) || c == kScSp);
    if (is_saterm(c)) {
      term = k;
      seen_sp = false;
    } else if (!continues_term) {
      term = std::string_view::npos;
    } else if (c == kScSp) {
      seen_sp = true;
    }
    if (k + 1 < n && joined(k)) continue;
    const uint32_t b = bases[start].b, e = bases[k].e;
    if (has_letter_or_digit(text.substr(b, e - b))) out.push_back({b, e});
    start = k + 1;
  }
  return true;
}

}  // namespace dipmine::text

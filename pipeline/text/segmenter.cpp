#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <array>
#include <memory>

#include "text/char_table.h"
#include "text/utf8.h"

namespace dipmine::text {
namespace {

const char* locale_for(Lang lang) {
  switch (lang) {
    case Lang::fa: return "fa";
    case Lang::ja: return "ja";
    case Lang::en: return "en";
    case Lang::none: break;
  }
  return "root";
}

// BreakIterators are not thread-safe: one per thread, language and kind.
icu::BreakIterator* iterator_for(Lang lang, bool sentence) {
  thread_local std::unique_ptr<icu::BreakIterator> cache[2][4];
  auto& slot = cache[sentence ? 1 : 0][static_cast<int>(lang)];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale loc(locale_for(lang));
    slot.reset(sentence ? icu::BreakIterator::createSentenceInstance(loc, status)
                        : icu::BreakIterator::createWordInstance(loc, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

template <typename Fn>
void each_segment(std::string_view text, Lang lang, bool sentence, Fn fn) {
  icu::BreakIterator* bi = iterator_for(lang, sentence);
  if (bi == nullptr || text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  bi->setText(ut, status);
  if (U_SUCCESS(status)) {
    int32_t start = bi->first();
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
      fn(static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    }
  }
  // Detach before closing: the iterator is reused by this thread.
  icu::UnicodeString empty;
  bi->setText(empty);
  utext_close(ut);
}

bool has_letter_or_digit(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t cp = decode_utf8(s, i, len);
    if (char_flags(cp) & kAlnum) return true;
    i += len;
  }
  return false;
}

// ---- Word boundaries without ICU for the common case ----
// ICU's BreakIterator costs ~130 instructions a byte, most of ingest's
// segmenting. Folded English and Persian text uses few code points, so for
// text made only of code points below U+0700 and of General Punctuation, the
// UAX #29 word rules are applied here to ICU's own Word_Break classes, and
// anything else (kana, Hebrew, emoji, ...) goes to ICU. A test compares both
// on the corpus and on random text.
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

// The code points handled here: U+0000..U+06FF (Latin, Greek, Cyrillic,
// Arabic) and General Punctuation U+2000..U+206F (ZWNJ, dashes, curly quotes).
constexpr char32_t kFastLimit = 0x0700, kPunctBegin = 0x2000, kPunctEnd = 0x2070;

WordClass word_class(char32_t c) {
  static const std::array<WordClass, kFastLimit> table = [] {
    std::array<WordClass, kFastLimit> t{};
    for (char32_t x = 0; x < kFastLimit; ++x) t[x] = icu_word_class(static_cast<UChar32>(x));
    return t;
  }();
  static const std::array<WordClass, kPunctEnd - kPunctBegin> punct = [] {
    std::array<WordClass, kPunctEnd - kPunctBegin> t{};
    for (char32_t x = kPunctBegin; x < kPunctEnd; ++x) {
      t[x - kPunctBegin] = icu_word_class(static_cast<UChar32>(x));
    }
    return t;
  }();
  if (c < kFastLimit) return table[c];
  if (c >= kPunctBegin && c < kPunctEnd) return punct[c - kPunctBegin];
  return kWcUnsupported;
}

// The alphanumeric word segments of `text`, as ICU's rules give them; false
// (and `out` unusable) when the text has a code point left to ICU.
bool fast_words(std::string_view text, std::vector<Span>& out) {
  struct Base {  // a character with the Extend/Format characters after it (WB4)
    WordClass cls;
    uint32_t b, e;
  };
  thread_local std::vector<Base> bases;
  bases.clear();
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const auto b0 = static_cast<unsigned char>(text[i]);
    const char32_t c = b0 < 0x80 ? b0 : decode_utf8(text, i, len);
    const WordClass cls = word_class(c);
    if (cls == kWcUnsupported) return false;
    if (cls == kWcExtend && !bases.empty() && bases.back().cls != kWcNewline) {
      bases.back().e = static_cast<uint32_t>(i + len);  // WB4 (not after sot or a newline)
    } else if ((cls == kWcLetter || cls == kWcNumeric) && !bases.empty() && bases.back().cls == cls) {
      // A run of letters (or of digits) never breaks inside, and every rule
      // looks only at the class next to a boundary: one base for the run.
      bases.back().e = static_cast<uint32_t>(i + len);
    } else {
      bases.push_back({cls, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
    }
    i += len;
  }
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

}  // namespace

std::optional<std::vector<Span>> words_without_icu(std::string_view text) {
  std::vector<Span> out;
  if (!fast_words(text, out)) return std::nullopt;
  return out;
}

std::vector<Span> icu_words(std::string_view text, Lang lang) {
  std::vector<Span> out;
  each_segment(text, lang, false, [&](uint32_t b, uint32_t e) {
    if (has_letter_or_digit(text.substr(b, e - b))) out.push_back({b, e});
  });
  return out;
}

std::vector<Span> sentences(std::string_view text, Lang lang) {
  std::vector<Span> out;
  each_segment(text, lang, true, [&](uint32_t b, uint32_t e) {
    if (has_letter_or_digit(text.substr(b, e - b))) out.push_back({b, e});
  });
  return out;
}

std::vector<Span> words(std::string_view text, Lang lang) {
  if (lang != Lang::ja) {  // Japanese needs ICU's dictionary
    std::vector<Span> out;
    if (fast_words(text, out)) return out;
  }
  return icu_words(text, lang);
}

std::vector<Span> cjk_bigrams(std::string_view text) {
  auto is_cjk = [](char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005 ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
  };
  std::vector<Span> out;
  std::vector<Span> run;  // code points of the current run
  auto flush = [&] {
    if (run.size() == 1) out.push_back(run[0]);
    for (size_t k = 0; k + 1 < run.size(); ++k) out.push_back({run[k].begin, run[k + 1].end});
    run.clear();
  };
  for (size_t i = 0; i < text.size();) {
    size_t len;
    const char32_t c = decode_utf8(text, i, len);
    if (is_cjk(c)) {
      run.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
    } else {
      flush();
    }
    i += len;
  }
  flush();
  return out;
}

}  // namespace dipmine::text

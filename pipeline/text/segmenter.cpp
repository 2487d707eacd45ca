#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <array>
#include <memory>

#include "text/uax29.h"
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
  if (fast_sentences(text, out)) return out;
  out.clear();
  return icu_sentences(text, lang);
}

std::vector<Span> icu_sentences(std::string_view text, Lang lang) {
  std::vector<Span> out;
  each_segment(text, lang, true, [&](uint32_t b, uint32_t e) {
    if (has_letter_or_digit(text.substr(b, e - b))) out.push_back({b, e});
  });
  return out;
}

std::optional<std::vector<Span>> sentences_without_icu(std::string_view text) {
  std::vector<Span> out;
  if (!fast_sentences(text, out)) return std::nullopt;
  return out;
}

namespace {

// Which side of a change of script a character is on: Arabic-script letters
// and marks (with their presentation forms), or Latin letters and digits of
// any of the three digit sets; 0 for anything else (ZWNJ, punctuation), which
// belongs to neither.
int script_side(char32_t c) {
  if (c < 0x80) return is_ascii_letter(static_cast<char>(c)) || is_ascii_digit(static_cast<char>(c)) ? 2 : 0;
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) return 2;
  if (c >= 0x00C0 && c <= 0x024F) return c == 0x00D7 || c == 0x00F7 ? 0 : 2;
  if ((c >= 0x0610 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) {
    return u_isalpha(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
                   u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK
               ? 1
               : 0;
  }
  return 0;
}

// Whether bytes [b, e) may hold both sides (a quick test on lead bytes).
bool may_mix_scripts(std::string_view text, uint32_t b, uint32_t e) {
  bool arabic = false, latin = false;
  for (uint32_t i = b; i < e; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) latin = latin || is_ascii_letter(static_cast<char>(c)) || is_ascii_digit(static_cast<char>(c));
    else if (c >= 0xD8 && c <= 0xDB && i + 1 < e) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      const bool digit = (c == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9) || (c == 0xDB && c1 >= 0xB0 && c1 <= 0xB9);
      (digit ? latin : arabic) = true;
      ++i;
    } else if (c >= 0xC3 && c <= 0xC9) {
      latin = true;
    } else if (c == 0xEF) {
      arabic = true;  // presentation forms
    }
  }
  return arabic && latin;
}

// words() with every word cut where Arabic script meets a Latin letter or a
// digit (UCLGشهر, C40در, مسافت۹): PDF extraction glues them, and UAX #29
// would keep them one word.
void split_at_script_changes(std::string_view text, std::vector<Span>& spans) {
  std::vector<Span> out;
  bool any = false;
  for (const Span& w : spans) {
    uint32_t start = w.begin;
    if (may_mix_scripts(text, w.begin, w.end)) {
      int prev = 0;
      for (size_t i = w.begin; i < w.end;) {
        size_t len;
        const int side = script_side(decode_utf8(text, i, len));
        if (side != 0 && prev != 0 && side != prev) {
          out.push_back({start, static_cast<uint32_t>(i)});
          start = static_cast<uint32_t>(i);
          any = true;
        }
        if (side != 0) prev = side;
        i += len;
      }
    }
    out.push_back({start, w.end});
  }
  if (any) spans = std::move(out);
}

// The letters of a run ending before (starting at) byte `at` of `text`
// within [lo, hi), up to two: enough to tell "e.g." from "is.another".
size_t letters_before(std::string_view text, size_t lo, size_t at) {
  size_t n = 0;
  while (at > lo && n < 2) {
    size_t start = at - 1;
    while (start > lo && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t len;
    if (!u_isalpha(static_cast<UChar32>(decode_utf8(text, start, len)))) break;
    ++n;
    at = start;
  }
  return n;
}
size_t letters_after(std::string_view text, size_t at, size_t hi) {
  size_t n = 0;
  while (at < hi && n < 2) {
    size_t len;
    if (!u_isalpha(static_cast<UChar32>(decode_utf8(text, at, len)))) break;
    ++n;
    at += len;
  }
  return n;
}
bool arabic_letter_at(std::string_view text, size_t i) {
  size_t len;
  const char32_t c = decode_utf8(text, i, len);
  return c >= 0x0620 && c <= 0x06FF && u_isalpha(static_cast<UChar32>(c));
}

// words() with every word cut at a full stop between two words that lost the
// space after it (کنند.موضوعی, is.another: UAX #29 keeps a letter, a '.' and
// a letter together, as in e.g. or c40.org). Cut where letters stand on both
// sides: any between Arabic-script letters (that script writes no
// abbreviations or addresses with a full stop), and otherwise where two or
// more letters stand on each side (e.g., U.S., i.e. stay; example.com splits,
// in a query as in the text).
void split_at_glued_full_stops(std::string_view text, std::vector<Span>& spans) {
  std::vector<Span> out;
  bool any = false;
  for (const Span& w : spans) {
    uint32_t start = w.begin;
    for (size_t i = w.begin + 1; i + 1 < w.end; ++i) {
      if (text[i] != '.') continue;
      const bool arabic = i >= 2 && arabic_letter_at(text, i - 2) && arabic_letter_at(text, i + 1);
      if (!arabic && (letters_before(text, start, i) < 2 || letters_after(text, i + 1, w.end) < 2)) continue;
      if (arabic && (letters_before(text, start, i) < 1 || letters_after(text, i + 1, w.end) < 1)) continue;
      out.push_back({start, static_cast<uint32_t>(i)});
      start = static_cast<uint32_t>(i + 1);
      any = true;
    }
    out.push_back({start, w.end});
  }
  if (any) spans = std::move(out);
}

}  // namespace

bool script_changes(char32_t before, char32_t after) {
  const int a = script_side(before), b = script_side(after);
  return a != 0 && b != 0 && a != b;
}

namespace {

bool has_arabic_lead(std::string_view text) {
  for (unsigned char c : text) {
    if ((c >= 0xD8 && c <= 0xDB) || c == 0xEF) return true;
  }
  return false;
}

}  // namespace

std::vector<Span> words(std::string_view text, Lang lang) {
  std::vector<Span> out;
  if (lang == Lang::ja || !fast_words(text, out)) {  // Japanese needs ICU's dictionary
    out = icu_words(text, lang);
  }
  if (has_arabic_lead(text)) split_at_script_changes(text, out);
  if (text.find('.') != std::string_view::npos) split_at_glued_full_stops(text, out);
  return out;
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

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

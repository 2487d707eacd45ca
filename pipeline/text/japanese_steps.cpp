// Japanese steps; the order they run in is in japanese_normalizer.cpp.
#include <unicode/uchar.h>

#include "text/arabic_chars.h"
#include "text/char_table.h"
#include "text/nfkc_pass.h"
#include "text/steps.h"

namespace dipmine::text::ja {
namespace {

bool is_katakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC; }

bool is_dash_variant(char32_t c) {
  switch (c) {
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFF0D: case 0xFF70: case 0x30FC:
      return true;
    default:
      return false;
  }
}

}  // namespace

MappedText prolonged_sound_marks(MappedText&& in) {
  char32_t prev = 0;
  return rewrite_each(std::move(in), [&prev](char32_t c) -> char32_t {
    const char32_t r = (is_dash_variant(c) && is_katakana(prev)) ? char32_t{0x30FC} : c;
    // Ignorables (ZWNJ, soft hyphen, ...) vanish in fold: look through them, so
    // that clean decides the same with or without them.
    if (c < 0x80 || !(char_flags(c) & kIgnorable)) {
      prev = r;
    }
    return r;
  });
}

MappedText drop_final_long_vowel(MappedText&& in) {
  constexpr std::string_view kMark = "\u30FC";  // ー
  if (in.text.find(kMark) == std::string::npos) return std::move(in);
  const std::string& s = in.text;
  // Lucene's JapaneseKatakanaStemFilter drops it from words of 4 characters
  // or more: カー, キー, ツアー keep theirs (カ, キ would be other words).
  constexpr size_t kMinRun = 4;
  auto in_word = [](char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF); };
  MappedText out;
  MapCursor cursor(in);
  size_t kept = 0;          // input bytes before this are in `out`
  size_t run_chars = 0;     // characters of the katakana run so far
  size_t last_letter = 0;   // start of the run's last character that is not ー
  size_t marks_from = std::string::npos;  // start of the run's trailing ー
  auto end_run = [&](size_t at) {
    if (marks_from != std::string::npos && run_chars >= kMinRun && marks_from > last_letter) {
      // The marks go; the letter before them keeps their bytes in its range,
      // so that a hit on ユーザ marks ユーザー in the original.
      copy_mapped(out, in, kept, last_letter);
      const auto [b, e] = cursor.range(last_letter, at);
      push_mapped(out, std::string_view(s).substr(last_letter, marks_from - last_letter), b, e);
      kept = at;
    }
    run_chars = 0;
    marks_from = std::string::npos;
  };
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const char32_t c = decode_utf8(s, i, len);
    if (!in_word(c)) {
      end_run(i);
      continue;
    }
    if (c == 0x30FC) {
      if (run_chars == 0) {  // a run that starts with ー has no letter to end
        ++run_chars;
        last_letter = i + len;
        continue;
      }
      if (marks_from == std::string::npos) marks_from = i;
    } else {
      last_letter = i;
      marks_from = std::string::npos;
    }
    ++run_chars;
  }
  end_run(s.size());
  if (kept == 0) return std::move(in);
  copy_mapped(out, in, kept, s.size());
  return out;
}

MappedText fold_chars(MappedText&& in) {
  return apply_nfkc_casefold_then(std::move(in), [](char32_t c) { return fa::fold_digit(c); });
}

}  // namespace dipmine::text::ja

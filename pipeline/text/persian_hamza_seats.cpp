// fold_hamza_seats (steps.h): the spellings of one word that differ in the
// seat of its hamza or in leaving it out, brought to the key of the usual
// spelling. fold_chars has already put ئ → ی, ؤ → و, أ → ا and dropped ء,
// which equates most of them (رئیس/رییس, مؤسسه/موسسه, تأثیر/تاثیر,
// مسائل/مسایل); what is left are words where the seats disagree on the
// letter: مسئول (→ مسیول) against مسؤول/مسوول (→ مسوول), مسئله (→ مسیله)
// against مسأله/مساله (→ مساله). Which letter the hamza-less spelling takes
// is a fact of the word (ویدئو/ویدیو, پنگوئن/پنگوین take ی; مسئول takes و),
// so the rule is a list of word starts, not a letter context; checked against
// lexicons/fa_dictionary.txt (docs/normalization.md: no two dictionary words
// that were apart are equated, except the variants themselves).
#include <array>

#include "text/fa_edit.h"
#include "text/fa_words.h"

namespace dipmine::text::fa {
namespace {

// A variant's folded letters and the edit that makes them the usual
// spelling's: at code point `at`, replace by `cp`, delete (`cp` 0), or insert
// `cp` before it (`insert`).
struct SeatVariant {
  std::u32string_view from;
  uint8_t at;
  char32_t cp;
  bool insert = false;
};

constexpr std::array<SeatVariant, 12> kVariants = {{
    {U"مسوول", 2, U'ی'},        // مسؤول, مسوول (مسئول)
    {U"مسول", 2, U'ی', true},   // مسول (مسئول)
    {U"شوون", 1, U'ی'},         // شؤون, شوون (شئون; = شیون "wailing", as before)
    {U"رووس", 1, U'ی'},         // رؤوس (رئوس)
    {U"مرووس", 2, U'ی'},        // مرؤوس (مرئوس)
    {U"رووف", 1, U'ی'},         // رؤوف (رئوف)
    {U"سیوال", 1, 0},           // سئوال (سؤال)
    {U"مساله", 2, U'ی'},        // مسأله, مساله (مسئله)
    {U"مسالت", 2, U'ی'},        // مسألت (مسئلت)
    {U"هیات", 2, U'ی'},         // هیأت, هیات (هیئت)
    {U"جرات", 2, U'ی'},         // جرأت, جرات (جرئت)
    {U"موونه", 1, U'ی'},        // مؤونه (مئونه)
}};
// نشأت/نشئت are left apart: hazm lists both, and نشأت is also a name.

// What may stand before a variant in one word (fold joins none of these
// with a ZWNJ): غیرمسؤول, بی‌مسؤولیت, نامسؤول, پرمساله, باجرات, مدیرمسؤول.
constexpr std::u32string_view kPrefixes[] = {U"", U"بی", U"نا", U"غیر", U"پر", U"با", U"مدیر"};

// Whether `word` (two bytes a letter) starts with `letters` at byte `at`.
bool starts_with_at(std::string_view word, size_t at, std::u32string_view letters) {
  if (word.size() < at + 2 * letters.size()) return false;
  for (size_t k = 0; k < letters.size(); ++k) {
    const auto b0 = static_cast<unsigned char>(word[at + 2 * k]);
    if ((b0 & 0xE0) != 0xC0) return false;
    const char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<unsigned char>(word[at + 2 * k + 1]) & 0x3F);
    if (c != letters[k]) return false;
  }
  return true;
}

// The variant `word` starts with (after a prefix), and the byte where it starts.
const SeatVariant* variant_of(std::string_view word, size_t& start) {
  for (const std::u32string_view p : kPrefixes) {
    if (!starts_with_at(word, 0, p)) continue;
    for (const SeatVariant& v : kVariants) {
      if (starts_with_at(word, 2 * p.size(), v.from)) {
        start = 2 * p.size();
        return &v;
      }
    }
  }
  return nullptr;
}

}  // namespace

bool has_hamza_seat_variant(std::string_view key) {
  size_t start;
  return variant_of(key, start) != nullptr;
}

std::string hamza_seat_key(std::string_view key) {
  size_t start;
  const SeatVariant* v = variant_of(key, start);
  std::string out(key);
  if (v == nullptr) return out;
  const size_t at = start + 2 * v->at;
  std::string cp;
  if (v->cp != 0) append_utf8(cp, v->cp);
  out.replace(at, v->insert ? 0 : 2, cp);
  return out;
}

MappedText fold_hamza_seats(MappedText&& in) {
  const std::string_view s = in.text;
  Editor ed(in);
  for_each_word(s, [&](size_t b, size_t e) {
    size_t start;
    const SeatVariant* v = variant_of(s.substr(b, e - b), start);
    if (v == nullptr) return;
    const size_t at = b + start + 2 * v->at;
    if (v->insert) {
      ed.replace(at, at, v->cp);
    } else {
      ed.replace(at, at + 2, v->cp);
    }
  });
  if (!ed.changed) return std::move(in);
  return ed.finish(std::move(in));
}

}  // namespace dipmine::text::fa

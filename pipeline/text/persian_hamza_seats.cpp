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

// The first four bytes of s (two letters) as one number: most words are
// turned away by comparing it, before any string is compared.
constexpr uint32_t head4(std::string_view s) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[3])) << 24;
}

// A variant's folded letters (UTF-8, two bytes a letter) and the edit that
// makes them the usual spelling's: at letter `at`, replace by `cp`, delete
// (`cp` 0), or insert `cp` before it (`insert`).
struct SeatVariant {
  std::string_view from;
  uint8_t at;
  char32_t cp;
  bool insert = false;
  uint32_t head = head4(from);
};

constexpr std::array<SeatVariant, 12> kVariants = {{
    {"مسوول", 2, U'ی'},        // مسؤول, مسوول (مسئول)
    {"مسول", 2, U'ی', true},   // مسول (مسئول)
    {"شوون", 1, U'ی'},         // شؤون, شوون (شئون; = شیون "wailing", as before)
    {"رووس", 1, U'ی'},         // رؤوس (رئوس)
    {"مرووس", 2, U'ی'},        // مرؤوس (مرئوس)
    {"رووف", 1, U'ی'},         // رؤوف (رئوف)
    {"سیوال", 1, 0},           // سئوال (سؤال)
    {"مساله", 2, U'ی'},        // مسأله, مساله (مسئله)
    {"مسالت", 2, U'ی'},        // مسألت (مسئلت)
    {"هیات", 2, U'ی'},         // هیأت, هیات (هیئت)
    {"جرات", 2, U'ی'},         // جرأت, جرات (جرئت)
    {"موونه", 1, U'ی'},        // مؤونه (مئونه)
}};
// نشأت/نشئت are left apart: hazm lists both, and نشأت is also a name.

// What may stand before a variant in one word (fold joins none of these
// with a ZWNJ): غیرمسؤول, بی‌مسؤولیت, نامسؤول, پرمساله, باجرات, مدیرمسؤول.
constexpr std::string_view kPrefixes[] = {"", "بی", "نا", "غیر", "پر", "با", "مدیر"};

// The variant `word` starts with (after a prefix), and the byte where it starts.
const SeatVariant* variant_of(std::string_view word, size_t& start) {
  if (word.size() < 8) return nullptr;  // every variant is four letters or more
  // Most words start with a letter no variant or prefix starts with (asked
  // for every new word form: one switch turns them away).
  switch (static_cast<unsigned char>(word[0]) << 8 | static_cast<unsigned char>(word[1])) {
    case 0xD985: case 0xD8B4: case 0xD8B1: case 0xD8B3: case 0xD987: case 0xD8AC:  // م ش ر س ه ج
    case 0xD8A8: case 0xD986: case 0xD8BA: case 0xD9BE:                            // ب ن غ پ
      break;
    default:
      return nullptr;
  }
  for (const std::string_view p : kPrefixes) {
    // The prefix's first letter (two bytes) is compared before the rest.
    if (!p.empty() && (word[0] != p[0] || word[1] != p[1])) continue;
    if (word.size() < p.size() + 8 || !word.starts_with(p)) continue;
    const uint32_t head = head4(word.substr(p.size(), 4));
    for (const SeatVariant& v : kVariants) {
      if (v.head == head && word.compare(p.size(), v.from.size(), v.from) == 0) {
        start = p.size();
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
    const size_t at = b + start + 2 * v->at;  // two bytes a letter
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

// Years as Persian users write them: in Persian or Arabic-Indic digits, and
// in the Solar Hijri (Iranian) calendar.
//
//   western_digits("۱۳۸۷") == "1387"
//
// Persian journals, theses and manifests date a paper 1399 where the rest of
// the world writes 2020: ranked or mapped by year beside Gregorian years,
// such a paper would sit six centuries back. A year of a Persian record
// (its language fa, or the year written in Persian or Arabic-Indic digits)
// that lies in 1300..1499 is read as Solar Hijri and stored as the Gregorian
// year in which its Nowruz (March 20/21) falls: SH + 621, which holds nine of
// its twelve months. No paper on city diplomacy is dated 1300..1499 CE.
//
//   if (auto y = solar_hijri_reading(1399, true)) { year = y->gregorian; note(y->note); }
//
// A year whose reading would lie in the future (1440 and more: in an Arabic
// record, more likely a lunar Hijri year) is not converted; the note says it
// is kept as written.
#pragma once
#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dipmine {

struct SolarHijriReading {
  std::optional<int> gregorian;  // empty: kept as written
  std::string note;              // what was done, for the user
};

// Empty when `year` is not in 1300..1499 or the record is not Persian.
inline std::optional<SolarHijriReading> solar_hijri_reading(int year, bool persian_record) {
  if (!persian_record || year < 1300 || year > 1499) return std::nullopt;
  const int gregorian = year + 621;
  const int this_year = static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()))
          .year());
  SolarHijriReading r;
  if (gregorian <= this_year + 1) {
    r.gregorian = gregorian;
    r.note = fmt::format("year {} read as Solar Hijri (the Iranian calendar): stored as {}", year, gregorian);
  } else {
    r.note = fmt::format("year {} of a Persian record is neither a Gregorian nor a past Solar Hijri year "
                         "(a lunar Hijri one?); kept as written", year);
  }
  return r;
}

// The value 0..9 of the Persian (U+06F0..9) or Arabic-Indic (U+0660..9)
// digit whose two UTF-8 bytes start at s[i]; -1 if there is none.
inline int eastern_digit_at(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return -1;
  const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
  if (a == 0xDB && b >= 0xB0 && b <= 0xB9) return b - 0xB0;
  if (a == 0xD9 && b >= 0xA0 && b <= 0xA9) return b - 0xA0;
  return -1;
}

inline bool has_eastern_digits(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (eastern_digit_at(s, i) >= 0) return true;
  }
  return false;
}

// `s` with its Persian and Arabic-Indic digits made ASCII digits.
inline std::string western_digits(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (const int d = eastern_digit_at(s, i); d >= 0) {
      out += static_cast<char>('0' + d);
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct YearRange {
  std::optional<int> from, to;  // either may be open
  std::string error;            // "" or why the text is no year or range
};

// A year or a range as every command takes it (search's year:, rank's and
// map's --year): "2018", "2015..2020", "2015..", "..2020", and map's older
// "2015-2020", "2015-", "-2020". Digits may be Persian or Arabic-Indic; a
// year written in them that reads as Solar Hijri (1300..1499) is its
// Gregorian year, as stored. `error` names the text; the caller puts the
// option's name before it.
inline YearRange parse_year_range(std::string_view text) {
  YearRange r;
  const std::string t = western_digits(text);
  const auto bad = [&] {
    r.error = fmt::format("must be YEAR or FROM..TO, like 2015..2020 (got '{}')", text);
    return r;
  };
  auto year = [&](std::string_view s, std::optional<int>& out) {
    if (s.empty()) return true;
    if (s.size() > 4 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
    int y = 0;
    for (const char c : s) y = y * 10 + (c - '0');
    if (auto sh = solar_hijri_reading(y, has_eastern_digits(text)); sh && sh->gregorian) y = *sh->gregorian;
    out = y;
    return true;
  };
  if (t.empty()) return bad();
  size_t sep = t.find("..");
  size_t sep_len = 2;
  if (sep == std::string::npos) sep = t.find('-'), sep_len = 1;
  if (sep == std::string::npos) {
    if (!year(t, r.from)) return bad();
    r.to = r.from;
    return r;
  }
  if (!year(std::string_view(t).substr(0, sep), r.from) || !year(std::string_view(t).substr(sep + sep_len), r.to)) {
    return bad();
  }
  if (!r.from && !r.to) {
    r.error = fmt::format("'{}' needs a year on at least one side", t.substr(sep, sep_len));
  } else if (r.from && r.to && *r.from > *r.to) {
    r.error = fmt::format("the range {} is empty (FROM is after TO)", text);
  }
  return r;
}

}  // namespace dipmine

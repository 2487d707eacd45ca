// British and American spellings of one English word brought to one key
// (steps.h: american_spelling, join_co_prefixes). Decided by lists, not by
// ending alone: -ise is the -ize suffix in organise but not in exercise,
// advise, enterprise, promise, otherwise, franchise, compromise, expertise,
// rise, wise, concise, precise, and prise/prize are two words.
#include <algorithm>
#include <array>
#include <string>

#include "text/steps.h"

namespace dipmine::text::en {
namespace {

// Stems whose -ise/-isation is the -ize suffix (what comes before "is"),
// sorted. A word is a stem with optional prefix, "is", and an ending.
constexpr std::array<std::string_view, 114> kIzeStems = {
    "agon", "american", "antagon", "apolog", "author", "bureaucrat", "capital", "categor",
    "central", "character", "civil", "colon", "colonial", "commercial", "commodit",
    "conceptual", "contextual", "critic", "crystall", "custom", "decentral", "democrat",
    "digit", "digital", "dramat", "econom", "emphas", "energ", "equal", "european", "external",
    "familiar", "fertil", "final", "formal", "fossil", "galvan", "general", "global", "harmon",
    "homogen", "hospital", "human", "hypothes", "ideal", "incentiv", "individual", "industrial",
    "institution", "institutional", "internal", "international", "legal", "legitim", "liberal",
    "local", "marginal", "maxim", "memor", "militar", "minim", "mobil", "modern", "monet",
    "moral", "municipal", "national", "natural", "neutral", "normal", "operational", "optim",
    "organ", "patron", "personal", "polar", "politic", "popular", "pressur", "priorit",
    "privat", "professional", "public", "radical", "random", "rational", "real", "recogn",
    "regional", "regular", "revital", "sanit", "scrutin", "secular", "securit", "sensit",
    "social", "special", "spiritual", "stabil", "standard", "steril", "stigmat", "subsid",
    "summar", "symbol", "sympath", "synchron", "synthes", "systemat", "terror", "theor",
    "urban", "vital",
};
// Stems whose -yse is -yze (analyse; not analysis).
constexpr std::array<std::string_view, 4> kYzeStems = {"anal", "catal", "dial", "paral"};
constexpr std::string_view kPrefixes[] = {"", "re", "de", "un", "non", "over", "under", "pre"};
constexpr std::string_view kIzeEndings[] = {"e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational", "able"};
constexpr std::string_view kYzeEndings[] = {"e", "es", "ed", "ing", "er", "ers"};
// Words whose British -our is American -or, as word starts (neighbourhood).
constexpr std::string_view kOurStems[] = {"behavi", "col", "endeav", "fav", "harb", "hon", "lab", "neighb"};
// Whole words.
constexpr std::pair<std::string_view, std::string_view> kWords[] = {
    {"centre", "center"}, {"centres", "centers"}, {"centred", "centered"}, {"centring", "centering"},
    {"theatre", "theater"}, {"theatres", "theaters"}, {"fibre", "fiber"}, {"fibres", "fibers"},
    {"programme", "program"}, {"programmes", "programs"},
    // A fourth new-user trial: Wikipedia's New Zealand page writes kilometres
    // and metres, and `search kilometers` missed it.
    {"metre", "meter"}, {"metres", "meters"}, {"kilometre", "kilometer"}, {"kilometres", "kilometers"},
    {"centimetre", "centimeter"}, {"centimetres", "centimeters"}, {"millimetre", "millimeter"},
    {"millimetres", "millimeters"}, {"litre", "liter"}, {"litres", "liters"},
    {"defence", "defense"}, {"defences", "defenses"}, {"offence", "offense"}, {"offences", "offenses"},
    {"licence", "license"}, {"licences", "licenses"}, {"judgement", "judgment"}, {"judgements", "judgments"},
    {"grey", "gray"}, {"catalogue", "catalog"}, {"catalogues", "catalogs"}, {"analogue", "analog"},
    {"travelled", "traveled"}, {"travelling", "traveling"}, {"modelling", "modeling"}, {"modelled", "modeled"},
    {"labelled", "labeled"}, {"labelling", "labeling"}, {"cancelled", "canceled"}, {"counselling", "counseling"},
    {"enrolment", "enrollment"}, {"enrolments", "enrollments"}, {"fulfil", "fulfill"}, {"manoeuvre", "maneuver"},
};

template <size_t N>
bool listed(const std::array<std::string_view, N>& stems, std::string_view x) {
  for (const std::string_view p : kPrefixes) {
    if (x.size() > p.size() && x.starts_with(p) &&
        std::binary_search(stems.begin(), stems.end(), x.substr(p.size()))) {
      return true;
    }
  }
  return false;
}

// False for a word no list can rewrite (nearly every word): asked on every
// stemming round of a new word form, so the lists are read only when "is" or
// "ys" stands within the longest ending's reach of the end, "our" is in the
// word, or it ends like one of kWords.
bool may_be_british(std::string_view w) {
  for (size_t i = w.size() > 8 ? w.size() - 8 : 1; i < w.size(); ++i) {
    if (w[i] == 's' && (w[i - 1] == 'i' || w[i - 1] == 'y')) return true;
  }
  return w.find("our") != std::string_view::npos || w.ends_with("re") || w.ends_with("res") ||
         w.ends_with("red") || w.ends_with("ring") || w.ends_with("mme") || w.ends_with("mmes") ||
         w.ends_with("ence") || w.ends_with("ences") || w.ends_with("ement") || w.ends_with("ements") ||
         w.ends_with("lled") || w.ends_with("lling") || w.ends_with("gue") || w.ends_with("gues") ||
         w == "grey" || w == "fulfil" || w.ends_with("olment") || w.ends_with("olments");
}

}  // namespace

std::string american_spelling(std::string_view w) {
  if (!may_be_british(w)) return std::string(w);
  for (const auto& [british, american] : kWords) {
    if (w == british) return std::string(american);
  }
  for (const std::string_view ending : kIzeEndings) {
    if (w.size() < ending.size() + 5 || !w.ends_with(ending)) continue;
    const size_t s = w.size() - ending.size() - 1;  // the s of "is"
    if (w[s] != 's' || w[s - 1] != 'i' || !listed(kIzeStems, w.substr(0, s - 1))) continue;
    std::string out(w);
    out[s] = 'z';
    return out;
  }
  for (const std::string_view ending : kYzeEndings) {
    if (w.size() < ending.size() + 5 || !w.ends_with(ending)) continue;
    const size_t s = w.size() - ending.size() - 1;
    if (w[s] != 's' || w[s - 1] != 'y' || !listed(kYzeStems, w.substr(0, s - 1))) continue;
    std::string out(w);
    out[s] = 'z';
    return out;
  }
  for (const std::string_view stem : kOurStems) {
    if (w.size() >= stem.size() + 3 && w.starts_with(stem) && w.compare(stem.size(), 3, "our") == 0) {
      std::string out(w);
      out.erase(stem.size() + 1, 1);  // "our" → "or"
      return out;
    }
  }
  return std::string(w);
}

MappedText join_co_prefixes(MappedText&& in) {
  const std::string_view s = in.text;
  static constexpr std::string_view kRests[] = {"operat", "ordinat", "occur"};
  MappedText out;
  bool changed = false;
  MapCursor cursor(in);
  size_t kept = 0;
  for (size_t h = s.find('-'); h != std::string_view::npos; h = s.find('-', h + 1)) {
    if (h < 2 || s[h - 2] != 'c' || s[h - 1] != 'o') continue;
    if (h >= 3 && (is_ascii_letter(s[h - 3]) || is_ascii_digit(s[h - 3]))) continue;
    const std::string_view rest = s.substr(h + 1);
    if (std::none_of(std::begin(kRests), std::end(kRests), [&](std::string_view r) { return rest.starts_with(r); })) {
      continue;
    }
    if (!changed) {
      changed = true;
      out = new_mapped_text(s.size(), in.runs.size() + 8);
    }
    copy_mapped(out, cursor, kept, h);
    kept = h + 1;
  }
  if (!changed) return std::move(in);
  copy_mapped(out, cursor, kept, s.size());
  recycle_buffers(std::move(in));
  return out;
}

}  // namespace dipmine::text::en

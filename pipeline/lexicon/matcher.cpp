#include "lexicon/matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/filtered_re2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <map>
#include <unordered_map>

#include "common/error.h"
#include "lexicon/multi_string.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace dipmine::lexicon {
namespace {

// Shortest atom (required substring, in bytes) the prefilter keeps: two
// Persian letters, one kana/kanji plus a byte, three ASCII letters. Shorter
// atoms would fire on nearly every paragraph.
constexpr int kMinAtomBytes = 3;

bool is_word_char(char32_t cp) {
  if (u_isalnum(static_cast<UChar32>(cp))) return true;
  const int8_t t = u_charType(static_cast<UChar32>(cp));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

bool is_latin_alnum(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return u_isalpha(static_cast<UChar32>(cp)) &&
         uscript_getScript(static_cast<UChar32>(cp), nullptr) == USCRIPT_LATIN;
}

char32_t code_point_at(std::string_view s, size_t i) {
  size_t len = 0;
  return text::decode_utf8(s, i, len);
}

// The code point ending just before byte `i` (0 if none).
char32_t code_point_before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return code_point_at(s, j);
}

bool boundaries_ok(std::string_view s, size_t b, size_t e, text::Lang lang) {
  const char32_t before = code_point_before(s, b);
  const char32_t after = e < s.size() ? code_point_at(s, e) : 0;
  if (lang == text::Lang::ja) {
    const char32_t first = code_point_at(s, b), last = code_point_before(s, e);
    if (is_latin_alnum(first) && before && is_latin_alnum(before)) return false;
    if (is_latin_alnum(last) && after && is_latin_alnum(after)) return false;
    return true;
  }
  return !(before && is_word_char(before)) && !(after && is_word_char(after));
}

// Upper (1) / lower (0) of each cased letter: what a case-sensitive literal keeps.
std::vector<bool> case_pattern(std::string_view s) {
  std::vector<bool> bits;
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const auto cp = static_cast<UChar32>(text::decode_utf8(s, i, len));
    if (u_isupper(cp) || u_istitle(cp)) bits.push_back(true);
    else if (u_islower(cp)) bits.push_back(false);
  }
  return bits;
}

std::atomic<uint64_t> next_matcher_id{1};

// One form's prefilter. RE2's FilteredRE2 computes the form's atoms
// (substrings of 3+ bytes it cannot match without, in some combination) and a
// boolean filter over them. An atom is *required* when the filter fails with
// every other atom present (the filter is monotone, so it then fails on any
// text lacking that atom). When all atoms are required the filter is just
// their AND and needs no evaluation; otherwise the form keeps its own small
// FilteredRE2 to evaluate the rest. No atoms: the form runs on every paragraph.
struct FormFilter {
  std::vector<std::string> atoms;
  std::vector<bool> required;
  uint16_t required_count = 0;
  std::unique_ptr<re2::FilteredRE2> filter;  // null when the AND is exact

  explicit FormFilter(const Form& f) {
    auto fr = std::make_unique<re2::FilteredRE2>(kMinAtomBytes);
    RE2::Options o;
    o.set_log_errors(false);
    int id = 0;
    if (fr->Add(f.pattern, o, &id) != RE2::NoError) {
      const RE2 probe(f.pattern, o);
      throw Error(fmt::format("forms.tsv:{}: RE2 cannot compile \"{}\": {}", f.line, f.form,
                              probe.error()));
    }
    fr->Compile(&atoms);
    std::vector<int> others, passing;
    for (size_t i = 0; i < atoms.size(); ++i) {
      others.clear();
      for (size_t j = 0; j < atoms.size(); ++j) {
        if (j != i) others.push_back(static_cast<int>(j));
      }
      passing.clear();
      fr->AllPotentials(others, &passing);
      required.push_back(passing.empty());
      required_count += passing.empty() ? 1 : 0;
    }
    if (required_count != atoms.size()) filter = std::move(fr);
  }
};

}  // namespace

// What all threads share: the one-pass search for every form's atoms and the
// per-form prefilters. None of it searches with RE2, so none of it locks.
struct Matcher::Shared {
  struct Use {  // an atom's use by one form
    uint32_t form;
    uint16_t local;  // the atom's index in that form's FilteredRE2
    bool required;
  };
  std::unique_ptr<MultiStringSearch> atoms;
  std::vector<std::vector<Use>> uses;  // per atom
  std::vector<FormFilter> filters;     // per form
  std::vector<uint32_t> unfiltered;    // forms with no atom: tried on every paragraph

  explicit Shared(const Lexicon& lex) {
    std::map<std::string, size_t> atom_index;
    std::vector<std::string> strings;
    filters.reserve(lex.forms.size());
    for (size_t i = 0; i < lex.forms.size(); ++i) {
      const FormFilter& ff = filters.emplace_back(lex.forms[i]);
      if (ff.atoms.empty()) unfiltered.push_back(static_cast<uint32_t>(i));
      for (size_t k = 0; k < ff.atoms.size() && k <= UINT16_MAX; ++k) {
        auto [it, added] = atom_index.emplace(ff.atoms[k], strings.size());
        if (added) {
          strings.push_back(ff.atoms[k]);
          uses.emplace_back();
        }
        uses[it->second].push_back(
            {static_cast<uint32_t>(i), static_cast<uint16_t>(k), ff.required[k]});
      }
    }
    atoms = std::make_unique<MultiStringSearch>(strings);
  }
};

// What each thread compiles for itself (a shared RE2 locks on every search).
struct Matcher::Compiled {
  std::vector<std::unique_ptr<RE2>> positions;  // per form, on folded text
  std::vector<std::unique_ptr<RE2>> confirm;    // per case-sensitive regex form
  std::vector<std::vector<bool>> cases;         // per case-sensitive literal form

  explicit Compiled(const Lexicon& lex) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_longest_match(true);
    positions.resize(lex.forms.size());
    confirm.resize(lex.forms.size());
    cases.resize(lex.forms.size());
    for (size_t i = 0; i < lex.forms.size(); ++i) {
      const Form& f = lex.forms[i];
      positions[i] = std::make_unique<RE2>(f.pattern, o);
      if (!positions[i]->ok()) {
        throw Error(fmt::format("forms.tsv:{}: RE2 cannot compile \"{}\": {}", f.line, f.form,
                                positions[i]->error()));
      }
      if (f.case_sensitive && f.regex) confirm[i] = std::make_unique<RE2>(f.form, o);
      if (f.case_sensitive && !f.regex) {
        cases[i] = case_pattern(text::normalizer_for(f.lang).clean(f.form).text);
      }
    }
  }
};

Matcher::Matcher(Lexicon lexicon)
    : lexicon_(std::move(lexicon)),
      id_(next_matcher_id++),
      shared_(std::make_unique<Shared>(lexicon_)),
      first_(std::make_shared<Compiled>(lexicon_)) {}

Matcher::~Matcher() = default;

size_t Matcher::unfiltered_forms() const { return shared_->unfiltered.size(); }

const Matcher::Compiled& Matcher::compiled() const {
  // Entries of destroyed matchers stay until the thread ends; matchers are few.
  thread_local std::unordered_map<uint64_t, std::shared_ptr<const Compiled>> mine;
  auto it = mine.find(id_);
  if (it != mine.end()) return *it->second;
  // The first thread to ask gets the constructor's copy; the others compile.
  std::shared_ptr<const Compiled> c =
      !first_claimed_.exchange(true) ? first_ : std::make_shared<Compiled>(lexicon_);
  return *mine.emplace(id_, std::move(c)).first->second;
}

std::vector<Hit> Matcher::candidates(std::string_view folded) const {
  std::vector<Hit> hits;
  // One pass over the text finds the atoms; only the forms they trigger (and
  // the few without atoms) run their RE2 for positions.
  thread_local std::vector<int> atom_ids, local;
  thread_local std::vector<uint32_t> forms, touched;
  thread_local std::vector<uint16_t> required_seen;             // per form
  thread_local std::vector<std::vector<int>> local_seen;        // per form
  const Shared& sh = *shared_;
  if (required_seen.size() < sh.filters.size()) {
    required_seen.assign(sh.filters.size(), 0);
    local_seen.assign(sh.filters.size(), {});
  }
  sh.atoms->find(folded, atom_ids);  // distinct atoms
  touched.clear();
  for (int a : atom_ids) {
    for (const Shared::Use& u : sh.uses[static_cast<size_t>(a)]) {
      if (local_seen[u.form].empty()) touched.push_back(u.form);
      local_seen[u.form].push_back(u.local);
      required_seen[u.form] += u.required ? 1 : 0;
    }
  }
  forms = sh.unfiltered;
  for (const uint32_t f : touched) {
    const FormFilter& ff = sh.filters[f];
    if (required_seen[f] == ff.required_count) {
      if (!ff.filter) {
        forms.push_back(f);
      } else {
        local.clear();
        ff.filter->AllPotentials(local_seen[f], &local);
        if (!local.empty()) forms.push_back(f);
      }
    }
    required_seen[f] = 0;
    local_seen[f].clear();
  }
  std::sort(forms.begin(), forms.end());
  if (forms.empty()) return hits;
  std::sort(forms.begin(), forms.end());
  const Compiled& c = compiled();
  for (const uint32_t form : forms) {
    const RE2& re = *c.positions[form];
    const text::Lang lang = lexicon_.forms[form].lang;
    size_t pos = 0;
    re2::StringPiece m;
    while (pos <= folded.size() &&
           re.Match(folded, pos, folded.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t b = static_cast<size_t>(m.data() - folded.data());
      const size_t e = b + m.size();
      if (e > b && boundaries_ok(folded, b, e, lang)) {
        hits.push_back({form, static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
        pos = e;
      } else {
        size_t len = 0;
        text::decode_utf8(folded, b, len);
        pos = b + std::max<size_t>(len, 1);
      }
    }
  }
  return hits;
}

std::vector<Hit> Matcher::resolve(std::vector<Hit> hits) const {
  auto kind_of = [&](const Hit& h) {
    return lexicon_.concepts[lexicon_.forms[h.form].concept_index].kind;
  };
  std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    if (kind_of(a) != kind_of(b)) return kind_of(a) < kind_of(b);
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.form < b.form;
  });
  std::vector<Hit> kept;
  uint32_t last_end = 0;
  bool first = true;
  ConceptKind kind = ConceptKind::indicator;
  for (const Hit& h : hits) {
    if (first || kind_of(h) != kind) {
      kind = kind_of(h);
      last_end = 0;
      first = false;
    } else if (h.begin < last_end) {
      continue;
    }
    kept.push_back(h);
    last_end = h.end;
  }
  std::sort(kept.begin(), kept.end(), [&](const Hit& a, const Hit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return kind_of(a) < kind_of(b);
  });
  return kept;
}

std::vector<Hit> Matcher::scan(std::string_view folded) const {
  return resolve(candidates(folded));
}

std::vector<Mention> Matcher::find(std::string_view original, text::Lang lang) const {
  const text::Normalizer& norm = text::normalizer_for(lang);
  const text::MappedText folded = norm.fold_for_prefix(original);
  std::vector<Hit> hits = candidates(folded.text);
  const Compiled& c = compiled();
  std::erase_if(hits, [&](const Hit& h) {
    const Form& f = lexicon_.forms[h.form];
    if (!f.case_sensitive) return false;
    const auto [ob, oe] = folded.original_span(h.begin, h.end);
    const std::string span = norm.clean(original.substr(ob, oe - ob)).text;
    if (f.regex) return !RE2::FullMatch(span, *c.confirm[h.form]);
    return case_pattern(span) != c.cases[h.form];
  });
  std::vector<Mention> out;
  for (const Hit& h : resolve(std::move(hits))) {
    const auto [ob, oe] = folded.original_span(h.begin, h.end);
    out.push_back({static_cast<uint32_t>(lexicon_.forms[h.form].concept_index), h.form, ob, oe});
  }
  return out;
}

}  // namespace dipmine::lexicon

#include "lexicon/matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/filtered_re2.h>
#include <unicode/uchar.h>

#include <string.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <map>
#include <unordered_map>

#include "common/error.h"
#include "lexicon/form_filter.h"
#include "lexicon/multi_string.h"
#include "lexicon/regex_program.h"
#include "lexicon/regex_reach.h"
#include "lexicon/regex_windows.h"
#include "lexicon/stop_spans.h"
#include "lexicon/word_boundaries.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace dipmine::lexicon {
namespace {

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

}  // namespace

// What all threads share: the one-pass search for every form's atoms, the
// clauses, and the literal plans. None of it uses RE2 at search time, so none
// of it locks.
struct Matcher::Shared {
  std::unique_ptr<MultiStringSearch> atoms;
  // Per atom: the forms it may make candidates. A form is listed under the
  // atoms of one clause only, its trigger (the one whose atoms are longest:
  // short atoms such as "ای" or "در" occur in nearly every paragraph); its
  // other clauses are then checked against the atoms found. Flat, as the
  // other clauses below (a vector per atom cost a cold miss per atom found
  // in a first pass): atom a's are triggered[triggered_begin[a], triggered_begin[a + 1]).
  std::vector<uint32_t> triggered, triggered_begin;
  std::vector<uint32_t> unfiltered;  // forms with no clause: tried on every paragraph
  std::vector<std::unique_ptr<LiteralPlan>> literal;   // per form, null for RE2 forms
  std::vector<int> first_piece_atom;  // per literal form: atom == its first piece, or -1
  std::vector<uint32_t> atom_size;    // per atom: bytes
  // Per form: its clauses as atom ids, and (regex forms whose syntax allows
  // it) how far a match reaches around an atom, so that RE2 runs in windows.
  std::vector<std::vector<std::vector<uint32_t>>> clause_atoms;
  // Per form, its clauses but the trigger, flat (each as its size, then its
  // atoms): what is left to check once the trigger is met, in one array
  // rather than a vector per clause. Form f's are [other_begin[f], other_begin[f + 1]).
  std::vector<uint32_t> other_clauses, other_begin;
  std::vector<std::optional<RegexReach>> reach;
  std::vector<std::optional<RegexProgram>> program;  // per windowed form: RE2's stand-in

  explicit Shared(const Lexicon& lex) {
    std::map<std::string, size_t> atom_index;
    std::vector<std::string> strings;
    for (size_t i = 0; i < lex.forms.size(); ++i) {
      const Form& form = lex.forms[i];
      const FormFilter ff(form);
      if (ff.clauses.empty()) unfiltered.push_back(static_cast<uint32_t>(i));
      clause_atoms.emplace_back();
      const std::optional<RegexNode> tree =
          ff.clauses.empty() ? std::nullopt : parse_regex(form.pattern);
      reach.push_back(tree ? regex_reach(*tree) : std::nullopt);
      program.push_back(reach.back() ? RegexProgram::compile(*tree) : std::nullopt);
      for (const auto& clause : ff.clauses) {
        clause_atoms.back().emplace_back();
        for (const uint16_t k : clause) {
          auto [it, added] = atom_index.emplace(ff.atoms[k], strings.size());
          if (added) {
            strings.push_back(ff.atoms[k]);
            atom_size.push_back(static_cast<uint32_t>(ff.atoms[k].size()));
          }
          clause_atoms.back().back().push_back(static_cast<uint32_t>(it->second));
        }
      }
      literal.emplace_back();
      if (!form.regex) {
        auto plan = std::make_unique<LiteralPlan>();
        plan->pieces = literal_pieces(form.form, form.lang);
        plan->lang = form.lang;
        // Only when the pattern is exactly what the plan checks.
        if (!plan->pieces.empty() && literal_pattern(form.form, form.lang) == form.pattern) {
          literal.back() = std::move(plan);
        }
      }
    }
    // A literal's first piece is usually one of the atoms: then the atom
    // search already knows where it occurs.
    for (size_t i = 0; i < lex.forms.size(); ++i) {
      const auto it = literal[i] ? atom_index.find(literal[i]->pieces[0]) : atom_index.end();
      first_piece_atom.push_back(it == atom_index.end() ? -1 : static_cast<int>(it->second));
    }
    std::vector<std::vector<uint32_t>> forms_of_atom(strings.size());
    for (size_t i = 0; i < lex.forms.size(); ++i) {
      const std::vector<uint32_t>* trigger = nullptr;
      uint32_t trigger_shortest = 0;
      for (const auto& clause : clause_atoms[i]) {
        uint32_t shortest = UINT32_MAX;
        for (const uint32_t a : clause) shortest = std::min(shortest, atom_size[a]);
        if (!trigger || shortest > trigger_shortest ||
            (shortest == trigger_shortest && clause.size() < trigger->size())) {
          trigger = &clause;
          trigger_shortest = shortest;
        }
      }
      other_begin.push_back(static_cast<uint32_t>(other_clauses.size()));
      for (const auto& clause : clause_atoms[i]) {
        if (&clause == trigger) continue;
        other_clauses.push_back(static_cast<uint32_t>(clause.size()));
        other_clauses.insert(other_clauses.end(), clause.begin(), clause.end());
      }
      if (!trigger) continue;
      for (const uint32_t a : *trigger) forms_of_atom[a].push_back(static_cast<uint32_t>(i));
    }
    other_begin.push_back(static_cast<uint32_t>(other_clauses.size()));
    for (const auto& forms : forms_of_atom) {
      triggered_begin.push_back(static_cast<uint32_t>(triggered.size()));
      triggered.insert(triggered.end(), forms.begin(), forms.end());
    }
    triggered_begin.push_back(static_cast<uint32_t>(triggered.size()));
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
      matched_(with_near_sides(lexicon_, b_owner_)),
      id_(next_matcher_id++),
      shared_(std::make_unique<Shared>(matched_)),
      first_(std::make_shared<Compiled>(matched_)) {}

Matcher::~Matcher() = default;

size_t Matcher::unfiltered_forms() const { return shared_->unfiltered.size(); }

const Matcher::Compiled& Matcher::compiled() const {
  // Entries of destroyed matchers stay until the thread ends; matchers are few.
  thread_local std::unordered_map<uint64_t, std::shared_ptr<const Compiled>> mine;
  // The last one asked for, without the hash lookup (once per paragraph; ids
  // are never reused, and the entry it points to stays).
  thread_local std::pair<uint64_t, const Compiled*> last{0, nullptr};
  if (last.first == id_) return *last.second;
  auto it = mine.find(id_);
  if (it == mine.end()) {
    // The first thread to ask gets the constructor's copy; the others compile.
    std::shared_ptr<const Compiled> c =
        !first_claimed_.exchange(true) ? first_ : std::make_shared<Compiled>(matched_);
    it = mine.emplace(id_, std::move(c)).first;
  }
  last = {id_, it->second.get()};
  return *last.second;
}

std::vector<Hit> Matcher::raw_hits(std::string_view folded) const {
  std::vector<Hit> hits;
  // One pass over the text finds the atoms; only the forms they trigger (and
  // the few without atoms) run their RE2 for positions.
  thread_local std::vector<MultiStringSearch::Found> found_atoms;
  thread_local std::vector<std::pair<int, uint32_t>> occurrences;  // (atom, end), grouped by atom
  thread_local std::vector<std::pair<uint32_t, uint32_t>> occ_range;  // per atom: [first, last)
  thread_local std::vector<uint32_t> forms, touched_forms;
  thread_local std::vector<uint8_t> form_seen;
  const Shared& sh = *shared_;
  if (form_seen.size() < matched_.forms.size()) form_seen.resize(matched_.forms.size(), 0);
  if (occ_range.size() < sh.atom_size.size()) occ_range.resize(sh.atom_size.size());
  sh.atoms->find_all(folded, occurrences, &found_atoms);
  for (const auto& a : found_atoms) occ_range[static_cast<size_t>(a.needle)] = {a.begin, a.end};
  const auto found = [&](uint32_t a) { return occ_range[a].second > occ_range[a].first; };
  forms = sh.unfiltered;
  touched_forms.clear();
  for (const auto& a : found_atoms) {
    const auto atom = static_cast<size_t>(a.needle);
    for (uint32_t k = sh.triggered_begin[atom]; k < sh.triggered_begin[atom + 1]; ++k) {
      const uint32_t f = sh.triggered[k];
      if (form_seen[f]) continue;
      form_seen[f] = 1;
      touched_forms.push_back(f);
      // The trigger is met (one of its atoms brought us here): the others.
      const uint32_t* clause = sh.other_clauses.data() + sh.other_begin[f];
      const uint32_t* const last = sh.other_clauses.data() + sh.other_begin[f + 1];
      bool met = true;
      for (; met && clause < last; clause += 1 + *clause) {
        met = std::any_of(clause + 1, clause + 1 + *clause, found);
      }
      if (met) forms.push_back(f);
    }
  }
  for (const uint32_t f : touched_forms) form_seen[f] = 0;
  struct ForgetAtoms {  // occ_range is all {0, 0} between calls
    ~ForgetAtoms() {
      for (const auto& a : found_atoms) occ_range[static_cast<size_t>(a.needle)] = {0, 0};
    }
  } forget_atoms;
  std::sort(forms.begin(), forms.end());
  for (const uint32_t form : forms) {
    const LiteralPlan* plan = sh.literal[form].get();
    if (!plan) continue;
    // Same scan as the RE2 loop below: leftmost match, then on from its end,
    // or one character on when a boundary fails.
    const std::string& first = plan->pieces[0];
    // Where the first piece occurs: from the atom search when it is an atom
    // (ascending ends), else memmem (not string_view::find, which stops at
    // every byte equal to the needle's first: half of Persian text is the
    // lead bytes 0xD8/0xD9).
    const int atom = sh.first_piece_atom[form];
    auto occ = occurrences.begin() + (atom >= 0 ? occ_range[static_cast<size_t>(atom)].first : 0);
    const auto occ_end = occurrences.begin() + (atom >= 0 ? occ_range[static_cast<size_t>(atom)].second : 0);
    const auto next = [&](size_t from) -> size_t {
      if (atom >= 0) {
        for (; occ != occ_end; ++occ) {
          const size_t b = occ->second - first.size();
          if (b >= from) return b;
        }
        return std::string_view::npos;
      }
      if (from > folded.size()) return std::string_view::npos;
      const void* at = memmem(folded.data() + from, folded.size() - from, first.data(), first.size());
      return at ? static_cast<size_t>(static_cast<const char*>(at) - folded.data())
                : std::string_view::npos;
    };
    for (size_t b = next(0); b != std::string_view::npos;) {
      const size_t e = plan->match_at(folded, b);
      if (e != std::string_view::npos && at_word_boundaries(folded, b, e, plan->lang)) {
        hits.push_back({form, static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
        b = next(e);
      } else {
        size_t len = 0;
        text::decode_utf8(folded, b, len);
        b = next(b + std::max<size_t>(len, 1));
      }
    }
  }
  const Compiled& c = compiled();
  thread_local RegexWindows windows;
  for (const uint32_t form : forms) {
    if (sh.literal[form]) continue;
    const RE2& re = *c.positions[form];
    const text::Lang lang = matched_.forms[form].lang;
    const RegexReach* reach = sh.reach[form] ? &*sh.reach[form] : nullptr;
    if (reach) {
      windows.start(*reach, sh.program[form] ? &*sh.program[form] : nullptr, lang);
      for (uint32_t k = 0; k < sh.clause_atoms[form].size(); ++k) {
        for (const uint32_t a : sh.clause_atoms[form][k]) {
          windows.add(k, occurrences.data() + occ_range[a].first,
                      occurrences.data() + occ_range[a].second, sh.atom_size[a]);
        }
      }
    }
    // The leftmost-longest match starting at or after `pos`.
    size_t b = 0, e = 0;
    const auto next = [&](size_t pos) {
      if (reach) return windows.next(re, folded, pos, b, e);
      re2::StringPiece m;
      if (!re.Match(folded, pos, folded.size(), RE2::UNANCHORED, &m, 1)) return false;
      b = static_cast<size_t>(m.data() - folded.data());
      e = b + m.size();
      return true;
    };
    for (size_t pos = 0; pos <= folded.size() && next(pos);) {
      if (e > b && at_word_boundaries(folded, b, e, lang)) {
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

// The hits of plain forms, and of near forms' sides (by the near form).
Matcher::Split Matcher::candidates(std::string_view folded) const {
  Split out;
  const uint32_t n_forms = static_cast<uint32_t>(lexicon_.forms.size());
  for (Hit h : raw_hits(folded)) {
    if (h.form >= n_forms) {
      h.form = b_owner_[h.form - n_forms];
      out.near_b.push_back(h);
    } else {
      (lexicon_.forms[h.form].near ? out.near_a : out.plain).push_back(h);
    }
  }
  return out;
}

std::vector<Hit> Matcher::resolve(std::vector<Hit> hits) const {
  // Indicators, networks, near forms: each resolves its overlaps on its own.
  const auto group = [&](const Hit& h) {
    const Form& f = lexicon_.forms[h.form];
    return f.near ? 2 : static_cast<int>(lexicon_.concepts[f.concept_index].kind);
  };
  std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    if (group(a) != group(b)) return group(a) < group(b);
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.form < b.form;
  });
  std::vector<Hit> kept;
  for (const Hit& h : hits) {
    if (!kept.empty() && group(kept.back()) == group(h) && h.begin < kept.back().end) continue;
    kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [&](const Hit& a, const Hit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return group(a) < group(b);
  });
  return kept;
}

std::vector<Hit> Matcher::finish(Split s, const Paragraph& para) const {
  drop_stopped(lexicon_, para.folded, {&s.plain, &s.near_a, &s.near_b});  // stop_spans.h
  std::vector<Hit> kept = resolve(std::move(s.plain));
  if (s.near_a.empty()) return kept;
  std::vector<Hit> near = near_hits(s, kept, para);
  if (near.empty()) return kept;
  kept.insert(kept.end(), near.begin(), near.end());
  return resolve(std::move(kept));
}

std::vector<Hit> Matcher::scan(std::string_view folded, text::Lang lang) const {
  return finish(candidates(folded), Paragraph{folded, folded, nullptr, lang});
}

std::vector<Mention> Matcher::find(std::string_view original, text::Lang lang) const {
  return find(original, lang, text::normalizer_for(lang).fold_for_prefix(original));
}

std::vector<Mention> Matcher::find(std::string_view original, text::Lang lang,
                                   const text::MappedText& folded) const {
  const text::Normalizer& norm = text::normalizer_for(lang);
  Split s = candidates(folded.text);
  const Compiled& c = compiled();
  std::erase_if(s.plain, [&](const Hit& h) {
    const Form& f = lexicon_.forms[h.form];
    if (!f.case_sensitive) return false;
    const auto [ob, oe] = folded.original_span(h.begin, h.end);
    const std::string span = norm.clean(original.substr(ob, oe - ob)).text;
    if (f.regex) return !RE2::FullMatch(span, *c.confirm[h.form]);
    return case_pattern(span) != c.cases[h.form];
  });
  std::vector<Mention> out;
  for (const Hit& h : finish(std::move(s), Paragraph{original, folded.text, &folded, lang})) {
    const auto [ob, oe] = folded.original_span(h.begin, h.end);
    out.push_back({static_cast<uint32_t>(lexicon_.forms[h.form].concept_index), h.form, ob, oe});
  }
  return out;
}

}  // namespace dipmine::lexicon

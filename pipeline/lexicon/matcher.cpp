#include "lexicon/matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <string.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "common/error.h"
#include "lexicon/matcher_shared.h"
#include "lexicon/regex_literals.h"
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

// What each thread keeps for itself: Hyperscan scratch space, and RE2s (a
// shared RE2 locks on every search), compiled when first needed.
struct Matcher::Compiled {
  hs_scratch_t* scratch = nullptr;
  mutable std::vector<std::unique_ptr<RE2>> positions;  // per form, on folded text
  std::vector<std::unique_ptr<RE2>> confirm;    // per case-sensitive regex form
  std::vector<std::vector<bool>> cases;         // per case-sensitive literal form
  const Lexicon* lex;

  Compiled(const Lexicon& l, const Shared& sh) : lex(&l) {
    for (const hs_database_t* db : {sh.all.db, sh.glue.db}) {
      if (db && hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
        throw Error("lexicon: Hyperscan cannot allocate its scratch space");
      }
    }
    positions.resize(l.forms.size());
    confirm.resize(l.forms.size());
    cases.resize(l.forms.size());
    RE2::Options o;
    o.set_log_errors(false);
    o.set_longest_match(true);
    for (size_t i = 0; i < l.forms.size(); ++i) {
      const Form& f = l.forms[i];
      if (f.case_sensitive && f.regex) confirm[i] = std::make_unique<RE2>(f.form, o);
      if (f.case_sensitive && !f.regex) {
        cases[i] = case_pattern(text::normalizer_for(f.lang).clean(f.form).text);
      }
    }
  }
  ~Compiled() { hs_free_scratch(scratch); }

  const RE2& position(uint32_t form) const {
    if (!positions[form]) {
      RE2::Options o;
      o.set_log_errors(false);
      o.set_longest_match(true);
      const Form& f = lex->forms[form];
      positions[form] = std::make_unique<RE2>(f.pattern, o);
      if (!positions[form]->ok()) {
        throw Error(fmt::format("forms.tsv:{}: RE2 cannot compile \"{}\": {}", f.line, f.form,
                                positions[form]->error()));
      }
    }
    return *positions[form];
  }
};

Matcher::Matcher(Lexicon lexicon)
    : lexicon_(std::move(lexicon)),
      matched_(with_near_sides(lexicon_, b_owner_)),
      first_stop_(static_cast<uint32_t>(matched_.forms.size() - lexicon_.stops.size())),
      id_(next_matcher_id++),
      shared_(std::make_unique<Shared>(matched_)),
      first_(std::make_shared<Compiled>(matched_, *shared_)) {
  // The RE2s of the forms not listed and of those listed loosely, compiled
  // now (a first pass over text would pay for them, and RE2 must compile
  // what it searches; FormFilter checked those forms already, and a listed
  // form was read by parse_regex, a subset of RE2's syntax).
  // Stop forms are never searched here (stop_spans.h has their RE2).
  for (uint32_t f = 0; f < first_stop_; ++f) {
    if (shared_->loose_form[f]) first_->position(f);
  }
  for (const uint32_t f : shared_->searched) {
    if (f < first_stop_) first_->position(f);
  }
}

Matcher::~Matcher() = default;

size_t Matcher::unfiltered_forms() const {
  return std::count_if(shared_->unfiltered.begin(), shared_->unfiltered.end(),
                       [&](uint32_t f) { return f < first_stop_; });
}

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
    std::shared_ptr<const Compiled> c = !first_claimed_.exchange(true)
                                            ? first_
                                            : std::make_shared<Compiled>(matched_, *shared_);
    it = mine.emplace(id_, std::move(c)).first;
  }
  last = {id_, it->second.get()};
  return *last.second;
}

namespace {

struct Report {
  uint32_t id, end;
  bool glue;  // from the scan of the text squeezed with hyphens
};

struct Reports {
  std::vector<Report>* out;
  bool glue;
};

int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to,
             unsigned int /*flags*/, void* context) {
  auto* r = static_cast<Reports*>(context);
  r->out->push_back({id, static_cast<uint32_t>(to), r->glue});
  return 0;
}

}  // namespace

// Every match of `form` by RE2's rule: the leftmost-longest one at or after
// a position, then on from its end, or one character on when a boundary fails.
void Matcher::search_whole(uint32_t form, std::string_view folded, std::vector<Hit>& hits) const {
  const RE2& re = compiled().position(form);
  const text::Lang lang = matched_.forms[form].lang;
  for (size_t pos = 0; pos <= folded.size();) {
    re2::StringPiece m;
    if (!re.Match(folded, pos, folded.size(), RE2::UNANCHORED, &m, 1)) break;
    const size_t b = static_cast<size_t>(m.data() - folded.data()), e = b + m.size();
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

void Matcher::raw_hits(std::string_view folded, std::vector<Hit>& hits,
                       std::vector<uint32_t>& stops) const {
  hits.clear();
  stops.clear();
  const Shared& sh = *shared_;
  const Compiled& c = compiled();
  thread_local SqueezedText squeezed, glued;
  squeeze_white_space(folded, false, squeezed);
  if (squeezed.odd) {
    // Not folded text (capitals, U+212A, U+017F, ZWNJ): the listings do not
    // hold, every form runs its RE2, and every stop form may match.
    for (uint32_t f = 0; f < first_stop_; ++f) search_whole(f, folded, hits);
    for (uint32_t k = first_stop_; k < matched_.forms.size(); ++k) stops.push_back(k - first_stop_);
    return;
  }
  thread_local std::vector<Report> reports;
  reports.clear();
  Reports to{&reports, false};
  if (sh.all.db && !squeezed.text.empty() &&
      hs_scan(sh.all.db, squeezed.text.data(), static_cast<unsigned>(squeezed.text.size()), 0,
              c.scratch, on_match, &to) != HS_SUCCESS) {
    throw Error("lexicon: Hyperscan scan failed");
  }
  // Hyphens: the English glue [\s\-‐‑]+ is not one white-space run; the glue
  // forms are found on the text squeezed with its hyphens instead.
  const bool hyphens = squeezed.hyphens && sh.glue.db;
  if (hyphens) {
    squeeze_white_space(folded, true, glued);
    to.glue = true;
    if (hs_scan(sh.glue.db, glued.text.data(), static_cast<unsigned>(glued.text.size()), 0,
                c.scratch, on_match, &to) != HS_SUCCESS) {
      throw Error("lexicon: Hyperscan scan failed");
    }
  }
  // Listed forms: every occurrence of every string, as (form, begin, end) in
  // the folded text; then per form RE2's rule over them, which needs at each
  // begin only the longest.
  thread_local std::vector<Hit> found;
  thread_local std::vector<uint8_t> atom_found;
  thread_local std::vector<uint32_t> atoms_seen;
  found.clear();
  atoms_seen.clear();
  if (atom_found.size() < sh.length.size()) atom_found.resize(sh.length.size(), 0);
  for (const Report& r : reports) {
    if (r.id >= sh.n_strings) {
      if (!atom_found[r.id]) atom_found[r.id] = 1, atoms_seen.push_back(r.id);
      continue;
    }
    // The anchor's strings that occur here (matcher_shared.h), as hits of
    // the forms listing them.
    const SqueezedText& q = r.glue ? glued : squeezed;
    const uint32_t at = r.end - sh.length[r.id];
    const uint32_t b = q.to_folded(at);
    sh.strings_at(r.id, q.text.data() + at, q.text.size() - at, [&](uint32_t id, size_t len) {
      const uint32_t e = q.to_folded(at + static_cast<uint32_t>(len));
      for (uint32_t o = sh.owners_begin[id]; o < sh.owners_begin[id + 1]; ++o) {
        const uint32_t f = sh.owners[o];
        if (hyphens && sh.glue_form[f] != r.glue) continue;
        found.push_back({f, b, e});
      }
    });
  }
  std::sort(found.begin(), found.end(), [](const Hit& x, const Hit& y) {
    if (x.form != y.form) return x.form < y.form;
    if (x.begin != y.begin) return x.begin < y.begin;
    return x.end > y.end;
  });
  uint32_t form = UINT32_MAX, pos = 0;
  for (Hit h : found) {
    if (h.form != form) {
      form = h.form, pos = 0;
      // A stop form's string occurs: it may match (`found` is by form).
      if (form >= first_stop_) stops.push_back(form - first_stop_);
    }
    if (form >= first_stop_ || h.begin < pos) continue;
    if (sh.loose_form[form]) {
      // A place where a match may begin: RE2 says where the longest ends.
      re2::StringPiece m;
      if (!c.position(form).Match(folded, h.begin, folded.size(), RE2::ANCHOR_START, &m, 1) ||
          m.empty()) {
        pos = h.begin + 1;
        continue;
      }
      h.end = h.begin + static_cast<uint32_t>(m.size());
    }
    if (at_word_boundaries(folded, h.begin, h.end, matched_.forms[form].lang)) {
      hits.push_back(h);
      pos = h.end;
    } else {
      pos = h.begin + 1;  // the next begin is a character further on
    }
  }
  // Forms RE2 searches: where all their clauses are met, and those without.
  thread_local std::vector<uint32_t> tried;
  thread_local std::vector<uint8_t> form_tried;
  if (form_tried.size() < matched_.forms.size()) form_tried.resize(matched_.forms.size(), 0);
  tried = sh.unfiltered;
  const auto met = [&](uint32_t f) {
    const uint32_t* clause = sh.clauses.data() + sh.clauses_begin[f];
    const uint32_t* const last = sh.clauses.data() + sh.clauses_begin[f + 1];
    for (; clause < last; clause += 1 + *clause) {
      if (std::none_of(clause + 1, clause + 1 + *clause,
                       [&](uint32_t a) { return atom_found[sh.n_strings + a]; })) {
        return false;
      }
    }
    return true;
  };
  for (const uint32_t id : atoms_seen) {
    const uint32_t a = id - sh.n_strings;
    for (uint32_t k = sh.atom_forms_begin[a]; k < sh.atom_forms_begin[a + 1]; ++k) {
      const uint32_t f = sh.atom_forms[k];
      if (!form_tried[f] && met(f)) form_tried[f] = 1, tried.push_back(f);
    }
  }
  for (const uint32_t id : atoms_seen) atom_found[id] = 0;
  for (const uint32_t f : tried) {
    form_tried[f] = 0;
    if (f >= first_stop_) stops.push_back(f - first_stop_);  // its clauses are met
    else search_whole(f, folded, hits);
  }
  std::sort(stops.begin(), stops.end());
}

// The hits of plain forms, and of near forms' sides (by the near form).
Matcher::Split Matcher::candidates(std::string_view folded) const {
  Split out;
  const uint32_t n_forms = static_cast<uint32_t>(lexicon_.forms.size());
  thread_local std::vector<Hit> raw;  // reused: one allocation less a paragraph
  raw_hits(folded, raw, out.stops);
  for (Hit h : raw) {
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
  drop_stopped(lexicon_, para.folded, {&s.plain, &s.near_a, &s.near_b}, &s.stops);  // stop_spans.h
  std::vector<Hit> kept = resolve(std::move(s.plain));
  if (s.near_a.empty()) return kept;
  std::vector<Hit> near = near_hits(s, kept, para);
  if (near.empty()) return kept;
  const std::vector<Hit> plain = kept;
  kept.insert(kept.end(), near.begin(), near.end());
  kept = resolve(std::move(kept));
  // A near mention over a plain mention of its own concept is one mention
  // found twice (unesco_ccn's name inside "member ... of the creative cities
  // network"): the plain form's mention stands for both. Removed after the
  // near mentions resolved their overlaps, so it shows no near mention it hid.
  std::erase_if(kept, [&](const Hit& n) {
    if (!lexicon_.forms[n.form].near) return false;
    const size_t concept_index = lexicon_.forms[n.form].concept_index;
    return std::any_of(plain.begin(), plain.end(), [&](const Hit& p) {
      return lexicon_.forms[p.form].concept_index == concept_index && p.begin < n.end && n.begin < p.end;
    });
  });
  return kept;
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

#include "lexicon/matcher.h"

#include <fmt/format.h>
#include <hs/hs.h>
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <unordered_map>

#include "common/error.h"
#include "lexicon/word_boundaries.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
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

struct FreeDatabase {
  void operator()(hs_database_t* d) const { hs_free_database(d); }
};
struct FreeScratch {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};
using Scratch = std::unique_ptr<hs_scratch_t, FreeScratch>;

// UTF-8 without the SOM flag still parses the pattern as UTF-8 (. and classes
// are characters) and keeps \w, \s, \d, \b ASCII, as RE2 does; UCP would make
// them Unicode, which is not a superset of RE2's (\W, \b).
constexpr unsigned kFlags = HS_FLAG_UTF8;

// One match Hyperscan reports: pattern, leftmost start (0 without SOM), end.
struct Event {
  uint32_t pattern;
  uint32_t from, to;
};

int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
  static_cast<std::vector<Event>*>(ctx)->push_back(
      {id, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
  return 0;
}

// Hyperscan's result on invalid UTF-8 is undefined; RE2 never matches an
// invalid byte. A copy with each invalid byte made \x01 (no form's character,
// one byte so offsets hold) keeps Hyperscan's matches a superset of RE2's.
const std::string& valid_copy(std::string_view s, std::string& out) {
  out.assign(s);
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const char32_t cp = text::decode_utf8(s, i, len);
    if (cp == 0xFFFD && s.compare(i, 3, "\xEF\xBF\xBD") != 0) {
      for (size_t k = 0; k < std::max<size_t>(len, 1); ++k) out[i + k] = '\x01';
      len = std::max<size_t>(len, 1);
    }
  }
  return out;
}

}  // namespace

// What all threads share: the patterns, the Hyperscan database and a
// prototype scratch that each thread clones.
struct Matcher::Shared {
  // Pattern p < forms.size() is form p's (a near form's side A); pattern
  // forms.size() + k is near form b_owner[k]'s side B.
  std::vector<const std::string*> patterns;
  std::vector<uint32_t> b_owner;
  std::vector<uint32_t> b_of;   // per form: its side B's pattern, or UINT32_MAX
  std::vector<uint8_t> som;     // per pattern: Hyperscan reports its starts
  std::vector<uint32_t> reach;  // per pattern without SOM: longest match, UINT_MAX unbounded
  std::vector<uint32_t> fallback;  // patterns Hyperscan cannot compile: RE2 everywhere
  std::vector<std::vector<bool>> cases;  // per case-sensitive literal form
  bool any_near = false;
  std::unique_ptr<hs_database_t, FreeDatabase> db;
  Scratch scratch;

  explicit Shared(const Lexicon& lex) {
    const uint32_t n_forms = static_cast<uint32_t>(lex.forms.size());
    for (const Form& f : lex.forms) patterns.push_back(&f.pattern);
    for (uint32_t i = 0; i < n_forms; ++i) {
      const Form& f = lex.forms[i];
      b_of.push_back(UINT32_MAX);
      cases.emplace_back(f.case_sensitive && !f.regex
                             ? case_pattern(text::normalizer_for(f.lang).clean(f.form).text)
                             : std::vector<bool>{});
      if (!f.near) continue;
      any_near = true;
      if (f.near->any_network) continue;
      b_of[i] = static_cast<uint32_t>(patterns.size());
      b_owner.push_back(i);
      patterns.push_back(&f.near->b_pattern);
    }
    som.assign(patterns.size(), 1);
    reach.assign(patterns.size(), UINT_MAX);
    // Each pattern alone first (cheap: no bytecode): with SOM, else without,
    // else RE2 takes it.
    std::vector<uint8_t> in_db(patterns.size(), 1);
    for (size_t p = 0; p < patterns.size(); ++p) {
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* err = nullptr;
      if (hs_expression_info(patterns[p]->c_str(), kFlags | HS_FLAG_SOM_LEFTMOST, &info, &err) !=
          HS_SUCCESS) {
        hs_free_compile_error(err);
        som[p] = 0;
        if (hs_expression_info(patterns[p]->c_str(), kFlags, &info, &err) != HS_SUCCESS) {
          hs_free_compile_error(err);
          in_db[p] = 0;
          continue;
        }
      }
      reach[p] = info->max_width;
      free(info);
    }
    // Then together; a pattern the database build still rejects (too large
    // with SOM, say) loses SOM, then its place.
    for (;;) {
      std::vector<const char*> exprs;
      std::vector<unsigned> flags, ids;
      for (size_t p = 0; p < patterns.size(); ++p) {
        if (!in_db[p]) continue;
        exprs.push_back(patterns[p]->c_str());
        flags.push_back(kFlags | (som[p] ? HS_FLAG_SOM_LEFTMOST : 0));
        ids.push_back(static_cast<unsigned>(p));
      }
      if (exprs.empty()) break;
      hs_database_t* db_out = nullptr;
      hs_compile_error_t* err = nullptr;
      if (hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db_out,
                           &err) == HS_SUCCESS) {
        db.reset(db_out);
        break;
      }
      const int bad = err->expression;
      const std::string message = err->message;
      hs_free_compile_error(err);
      if (bad < 0) throw Error(fmt::format("Hyperscan cannot build the lexicon's database: {}", message));
      const unsigned p = ids[static_cast<size_t>(bad)];
      if (som[p]) som[p] = 0;
      else in_db[p] = 0;
    }
    for (size_t p = 0; p < patterns.size(); ++p) {
      if (!in_db[p]) fallback.push_back(static_cast<uint32_t>(p));
    }
    if (db) {
      hs_scratch_t* s = nullptr;
      if (hs_alloc_scratch(db.get(), &s) != HS_SUCCESS) throw Error("Hyperscan: out of memory");
      scratch.reset(s);
    }
  }
};

// What each thread compiles for itself, on first use (a shared RE2 locks on
// every DFA search).
struct Matcher::Compiled {
  Scratch scratch;
  std::vector<std::unique_ptr<RE2>> positions;  // per pattern, on folded text
  std::vector<std::unique_ptr<RE2>> confirm;    // per case-sensitive regex form
};

// candidates(): the hits of plain forms, and of near forms' sides.
struct Matcher::Split {
  std::vector<Hit> plain;
  std::vector<Hit> near_a;  // form = the near form
  std::vector<Hit> near_b;  // form = the near form
};

namespace {

const RE2& compiled_re2(std::unique_ptr<RE2>& slot, const std::string& pattern, const Form& f) {
  if (!slot) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_longest_match(true);
    slot = std::make_unique<RE2>(pattern, o);
    if (!slot->ok()) {
      throw Error(fmt::format("forms.tsv:{}: RE2 cannot compile \"{}\": {}", f.line, f.form,
                              slot->error()));
    }
  }
  return *slot;
}

}  // namespace

Matcher::Matcher(Lexicon lexicon) : lexicon_(std::move(lexicon)), id_(next_matcher_id++) {
  const auto t0 = std::chrono::steady_clock::now();
  shared_ = std::make_unique<Shared>(lexicon_);
  compile_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  // What RE2 alone searches is compiled now, so that a bad pattern fails here.
  Compiled c;
  c.positions.resize(shared_->patterns.size());
  for (const uint32_t p : shared_->fallback) {
    const uint32_t form = p < lexicon_.forms.size() ? p : shared_->b_owner[p - lexicon_.forms.size()];
    compiled_re2(c.positions[p], *shared_->patterns[p], lexicon_.forms[form]);
  }
}

Matcher::~Matcher() = default;

size_t Matcher::re2_fallback_patterns() const { return shared_->fallback.size(); }

const Matcher::Compiled& Matcher::compiled() const {
  // Entries of destroyed matchers stay until the thread ends; matchers are few.
  thread_local std::unordered_map<uint64_t, std::unique_ptr<Compiled>> mine;
  // The last one asked for, without the hash lookup (ids are never reused).
  thread_local std::pair<uint64_t, Compiled*> last{0, nullptr};
  if (last.first == id_) return *last.second;
  auto it = mine.find(id_);
  if (it == mine.end()) {
    auto c = std::make_unique<Compiled>();
    if (shared_->scratch) {
      hs_scratch_t* s = nullptr;
      if (hs_clone_scratch(shared_->scratch.get(), &s) != HS_SUCCESS) {
        throw Error("Hyperscan: out of memory");
      }
      c->scratch.reset(s);
    }
    c->positions.resize(shared_->patterns.size());
    c->confirm.resize(lexicon_.forms.size());
    it = mine.emplace(id_, std::move(c)).first;
  }
  last = {id_, it->second.get()};
  return *last.second;
}

Matcher::Split Matcher::candidates(std::string_view folded) const {
  const Shared& sh = *shared_;
  // RE2 copies are filled in lazily: this thread's, so mutable here.
  auto& c = const_cast<Compiled&>(compiled());
  thread_local std::vector<Event> events;
  thread_local std::string valid;
  events.clear();
  if (sh.db) {
    const std::string_view text = text::is_valid_utf8(folded) ? folded : valid_copy(folded, valid);
    hs_scan(sh.db.get(), text.data(), static_cast<unsigned>(text.size()), 0, c.scratch.get(),
            on_match, &events);
  }
  // Per pattern: every match lies in [leftmost start, last end] of its events.
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.pattern != b.pattern ? a.pattern < b.pattern : a.to < b.to;
  });
  thread_local std::vector<Event> spans;  // (pattern, from, to)
  spans.clear();
  for (size_t i = 0; i < events.size();) {
    const uint32_t p = events[i].pattern;
    uint32_t from = UINT32_MAX, to = 0;
    for (; i < events.size() && events[i].pattern == p; ++i) {
      const Event& e = events[i];
      const uint32_t start = sh.som[p]                ? e.from
                             : sh.reach[p] < e.to ? e.to - sh.reach[p]
                                                  : 0;
      from = std::min(from, start);
      to = std::max(to, e.to);
    }
    spans.push_back({p, from, to});
  }
  for (const uint32_t p : sh.fallback) {
    spans.push_back({p, 0, static_cast<uint32_t>(folded.size())});
  }
  const uint32_t n_forms = static_cast<uint32_t>(lexicon_.forms.size());
  Split out;
  for (const Event& span : spans) {
    const uint32_t p = span.pattern;
    const uint32_t form = p < n_forms ? p : sh.b_owner[p - n_forms];
    const Form& f = lexicon_.forms[form];
    std::vector<Hit>& hits = p >= n_forms ? out.near_b : f.near ? out.near_a : out.plain;
    const RE2& re = compiled_re2(c.positions[p], *sh.patterns[p], f);
    // The leftmost-longest match at or after `pos`, then on from its end, or
    // one character on when a boundary fails.
    re2::StringPiece m;
    for (size_t pos = span.from;
         pos <= span.to && re.Match(folded, pos, span.to, RE2::UNANCHORED, &m, 1);) {
      const size_t b = static_cast<size_t>(m.data() - folded.data()), e = b + m.size();
      if (e > b && at_word_boundaries(folded, b, e, f.lang)) {
        hits.push_back({form, static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
        pos = e;
      } else {
        size_t len = 0;
        text::decode_utf8(folded, b, len);
        pos = b + std::max<size_t>(len, 1);
      }
    }
  }
  return out;
}

std::vector<Hit> Matcher::near_hits(const Split& s, const std::vector<Hit>& kept,
                                    const Paragraph& para) const {
  std::vector<Hit> out;
  if (s.near_a.empty()) return out;
  // Sentences from the original when there is one: the fold lowercases, and
  // "members. the network" is one sentence to UAX #29.
  const std::vector<text::Span> sentences = text::sentences(para.original, para.lang);
  const std::vector<text::Span> words = text::words(para.folded, para.lang);
  // Index of the sentence holding original byte `pos` (sentences are in order).
  const auto sentence_of = [&](uint32_t pos) {
    return std::upper_bound(sentences.begin(), sentences.end(), pos,
                            [](uint32_t x, const text::Span& sp) { return x < sp.begin; }) -
           sentences.begin();
  };
  const auto original = [&](const Hit& h) {
    return para.map ? para.map->original_span(h.begin, h.end)
                    : std::pair<uint32_t, uint32_t>{h.begin, h.end};
  };
  const auto same_sentence = [&](const Hit& a, const Hit& b) {
    const auto [ab, ae] = original(a);
    const auto [bb, be] = original(b);
    const auto k = sentence_of(ab);
    return sentence_of(ae - 1) == k && sentence_of(bb) == k && sentence_of(be - 1) == k;
  };
  // Words lying wholly in [from, to).
  const auto words_between = [&](uint32_t from, uint32_t to) -> size_t {
    const auto first = std::lower_bound(words.begin(), words.end(), from,
                                        [](const text::Span& w, uint32_t x) { return w.begin < x; });
    const auto last = std::upper_bound(words.begin(), words.end(), to,
                                       [](uint32_t x, const text::Span& w) { return x < w.end; });
    return last > first ? static_cast<size_t>(last - first) : 0;
  };
  for (const Hit& a : s.near_a) {
    const Proximity& near = *lexicon_.forms[a.form].near;
    const Hit* best = nullptr;
    size_t best_gap = 0;
    const auto consider = [&](const Hit& b) {
      if (b.begin < a.end && a.begin < b.end) return;  // overlapping
      if (!same_sentence(a, b)) return;
      const size_t gap = a.end <= b.begin ? words_between(a.end, b.begin) : words_between(b.end, a.begin);
      if (gap > static_cast<size_t>(near.words)) return;
      if (!best || gap < best_gap || (gap == best_gap && b.begin < best->begin)) {
        best = &b;
        best_gap = gap;
      }
    };
    if (near.any_network) {
      for (const Hit& b : kept) {
        if (lexicon_.concepts[lexicon_.forms[b.form].concept_index].kind == ConceptKind::network) {
          consider(b);
        }
      }
    } else {
      for (const Hit& b : s.near_b) {
        if (b.form == a.form) consider(b);
      }
    }
    if (best) out.push_back({a.form, std::min(a.begin, best->begin), std::max(a.end, best->end)});
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
  auto& c = const_cast<Compiled&>(compiled());
  std::erase_if(s.plain, [&](const Hit& h) {
    const Form& f = lexicon_.forms[h.form];
    if (!f.case_sensitive) return false;
    const auto [ob, oe] = folded.original_span(h.begin, h.end);
    const std::string span = norm.clean(original.substr(ob, oe - ob)).text;
    if (f.regex) return !RE2::FullMatch(span, compiled_re2(c.confirm[h.form], f.form, f));
    return case_pattern(span) != shared_->cases[h.form];
  });
  std::vector<Mention> out;
  for (const Hit& h : finish(std::move(s), Paragraph{original, folded.text, &folded, lang})) {
    const auto [ob, oe] = folded.original_span(h.begin, h.end);
    out.push_back({static_cast<uint32_t>(lexicon_.forms[h.form].concept_index), h.form, ob, oe});
  }
  return out;
}

}  // namespace dipmine::lexicon

#include "lexicon/stop_spans.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "common/error.h"
#include "lexicon/word_boundaries.h"
#include "text/utf8.h"

namespace dipmine::lexicon {

namespace {

// One RE2 for a set of stop forms, each its own capture group when the
// boundary rule depends on which one matched.
struct Alternation {
  std::vector<text::Lang> langs;  // per group
  bool groups = false;            // capture which form matched
  std::unique_ptr<RE2> re;
};

// The RE2s of one thread, rebuilt when the stop forms change; one per set of
// forms searched.
struct StopPrograms {
  std::vector<std::string> patterns;
  std::vector<text::Lang> langs;
  std::map<std::vector<uint32_t>, Alternation> by_set;
};

StopPrograms& programs_for(const std::vector<StopForm>& stops) {
  thread_local StopPrograms p;
  bool same = p.patterns.size() == stops.size();
  for (size_t i = 0; same && i < stops.size(); ++i) {
    same = p.patterns[i] == stops[i].pattern && p.langs[i] == stops[i].lang;
  }
  if (same) return p;
  p.patterns.clear();
  p.langs.clear();
  p.by_set.clear();
  for (const StopForm& s : stops) p.patterns.push_back(s.pattern), p.langs.push_back(s.lang);
  return p;
}

const Alternation& alternation(StopPrograms& p, const std::vector<uint32_t>& set) {
  auto it = p.by_set.find(set);
  if (it != p.by_set.end()) return it->second;
  if (p.by_set.size() >= 64) p.by_set.clear();  // sets seen are few; bound them anyway
  Alternation a;
  for (const uint32_t k : set) {
    a.groups = a.groups || !same_boundary_rule(p.langs[k], p.langs[set.front()]);
  }
  std::string all;
  for (const uint32_t k : set) {
    a.langs.push_back(p.langs[k]);
    all += a.groups ? (all.empty() ? "(" : "|(") + p.patterns[k] + ")"
                    : (all.empty() ? "(?:" : "|(?:") + p.patterns[k] + ")";
  }
  RE2::Options o;
  o.set_log_errors(false);
  o.set_longest_match(true);
  a.re = std::make_unique<RE2>(all, o);
  if (!a.re->ok()) {
    // load_lexicon checked each pattern alone; joined they still compile,
    // unless together they pass RE2's memory budget.
    throw Error("forms.tsv: RE2 cannot compile the stop forms together: " + a.re->error());
  }
  return p.by_set.emplace(set, std::move(a)).first->second;
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> stop_spans(const std::vector<StopForm>& stops,
                                                      std::string_view folded,
                                                      const std::vector<uint32_t>* only) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  if (stops.empty() || (only && only->empty())) return spans;
  StopPrograms& programs = programs_for(stops);
  std::vector<uint32_t> every;
  if (!only) {
    for (uint32_t k = 0; k < stops.size(); ++k) every.push_back(k);
  }
  const Alternation& p = alternation(programs, only ? *only : every);
  std::vector<re2::StringPiece> groups(p.groups ? p.langs.size() + 1 : 1);
  const re2::StringPiece text(folded.data(), folded.size());
  for (size_t pos = 0; pos <= folded.size();) {
    if (!p.re->Match(text, pos, folded.size(), RE2::UNANCHORED, groups.data(),
                     static_cast<int>(groups.size()))) {
      break;
    }
    const size_t b = static_cast<size_t>(groups[0].data() - folded.data());
    const size_t e = b + groups[0].size();
    size_t which = 0;
    while (which + 1 < groups.size() && groups[which + 1].data() == nullptr) ++which;
    if (e > b && at_word_boundaries(folded, b, e, p.langs[std::min(which, p.langs.size() - 1)])) {
      spans.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
      pos = e;
    } else {
      size_t len = 0;
      if (b < folded.size()) text::decode_utf8(folded, b, len);
      pos = b + std::max<size_t>(len, 1);
    }
  }
  return spans;
}

void drop_stopped(const Lexicon& lexicon, std::string_view folded,
                  std::initializer_list<std::vector<Hit>*> hit_lists,
                  const std::vector<uint32_t>* only) {
  if (lexicon.stops.empty() || (only && only->empty())) return;
  bool any = false;
  for (const auto* hits : hit_lists) any = any || !hits->empty();
  if (!any) return;
  const auto spans = stop_spans(lexicon.stops, folded, only);
  if (spans.empty()) return;
  for (auto* hits : hit_lists) {
    std::erase_if(*hits, [&](const Hit& h) {
      // The last span starting at or before the hit is the only one that can hold it.
      auto it = std::upper_bound(spans.begin(), spans.end(), h.begin,
                                 [](uint32_t b, const auto& s) { return b < s.first; });
      return it != spans.begin() && h.end <= std::prev(it)->second;
    });
  }
}

}  // namespace dipmine::lexicon

#include "lexicon/stop_spans.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>

#include "common/error.h"
#include "lexicon/word_boundaries.h"
#include "text/utf8.h"

namespace dipmine::lexicon {

namespace {

// One RE2 for all stop forms, each its own capture group (which one matched
// decides the boundary rule), kept per thread and rebuilt when the forms change.
struct StopProgram {
  std::vector<std::string> patterns;
  std::vector<text::Lang> langs;
  std::unique_ptr<RE2> re;
};

const StopProgram& program_for(const std::vector<StopForm>& stops) {
  thread_local StopProgram p;
  bool same = p.re && p.patterns.size() == stops.size();
  for (size_t i = 0; same && i < stops.size(); ++i) {
    same = p.patterns[i] == stops[i].pattern && p.langs[i] == stops[i].lang;
  }
  if (same) return p;
  p.patterns.clear();
  p.langs.clear();
  std::string all;
  for (const StopForm& s : stops) {
    p.patterns.push_back(s.pattern);
    p.langs.push_back(s.lang);
    all += (all.empty() ? "(" : "|(") + s.pattern + ")";
  }
  RE2::Options o;
  o.set_log_errors(false);
  o.set_longest_match(true);
  p.re = std::make_unique<RE2>(all, o);
  if (!p.re->ok()) {
    // load_lexicon checked each pattern alone; joined they still compile,
    // unless together they pass RE2's memory budget.
    const std::string why = p.re->error();
    p.re.reset();
    throw Error("forms.tsv: RE2 cannot compile the stop forms together: " + why);
  }
  return p;
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> stop_spans(const std::vector<StopForm>& stops,
                                                      std::string_view folded) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  if (stops.empty()) return spans;
  const StopProgram& p = program_for(stops);
  std::vector<re2::StringPiece> groups(stops.size() + 1);
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
                  std::initializer_list<std::vector<Hit>*> hit_lists) {
  if (lexicon.stops.empty()) return;
  bool any = false;
  for (const auto* hits : hit_lists) any = any || !hits->empty();
  if (!any) return;
  const auto spans = stop_spans(lexicon.stops, folded);
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

// Stop spans: names and phrases that hold a concept's words without meaning it
// (the Iranian ministry «سازمان میراث فرهنگی، صنایع دستی و گردشگری» is not
// the indicators tourism and heritage_identity). The lexicon's stop forms
// (lexicon.h StopForm: type stop, concept "-") are found in the folded
// paragraph, and every candidate hit that lies wholly inside one of their
// matches is dropped before the Matcher resolves overlaps, so a stopped word
// neither counts nor hides another mention, nor serves as a near form's side.
//
//   drop_stopped(lexicon, folded, {&plain_hits, &near_a_hits, &near_b_hits});
//
// Rules: stop matches are leftmost-longest over all stop forms at once, must
// stand at word boundaries by their own language's rule (word_boundaries.h),
// and do not overlap one another. A hit that only overlaps a stop match (starts
// inside, ends outside) is kept: it claims words the stop span does not.
// Cost: nothing when the lexicon has no stop form or there is no hit, or when
// the caller says no stop form can match (`only` empty); else one RE2 pass over
// the paragraph, of the stop forms in `only` (all when null). A stop form with
// no match anywhere in the paragraph changes no span, so leaving it out keeps
// the result (the Matcher knows from its listing which may match: most
// paragraphs have none). Capture groups (which form matched) only when the
// forms searched differ in their boundary rule.
// Thread safety: each thread compiles its own RE2s for the stop forms (a shared
// RE2 takes a lock on every DFA search), again only when they change; one per
// set of forms searched, at most 64 sets kept.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon/matcher.h"

namespace dipmine::lexicon {

// Byte ranges [begin, end) of the stop forms' matches in `folded`, in order.
// `only`: indices into `stops`, ascending, of the forms that may match (those
// left out must have no match in `folded`); null: all.
std::vector<std::pair<uint32_t, uint32_t>> stop_spans(const std::vector<StopForm>& stops,
                                                      std::string_view folded,
                                                      const std::vector<uint32_t>* only = nullptr);

// Removes from each list every hit lying wholly inside a stop span of `folded`.
void drop_stopped(const Lexicon& lexicon, std::string_view folded,
                  std::initializer_list<std::vector<Hit>*> hit_lists,
                  const std::vector<uint32_t>* only = nullptr);

}  // namespace dipmine::lexicon

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
// Cost: nothing when the lexicon has no stop form or there is no hit; else one
// RE2 pass over the paragraph.
// Thread safety: each thread compiles its own RE2 for the stop forms (a shared
// RE2 takes a lock on every DFA search), again only when they change.
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
std::vector<std::pair<uint32_t, uint32_t>> stop_spans(const std::vector<StopForm>& stops,
                                                      std::string_view folded);

// Removes from each list every hit lying wholly inside a stop span of `folded`.
void drop_stopped(const Lexicon& lexicon, std::string_view folded,
                  std::initializer_list<std::vector<Hit>*> hit_lists);

}  // namespace dipmine::lexicon

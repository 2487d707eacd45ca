#include "lexicon/multi_string.h"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace dipmine::lexicon {

MultiStringSearch::MultiStringSearch(const std::vector<std::string>& needles)
    : needles_(needles.size()) {
  // Bytes that occur in some needle get a class each; all others share class 0,
  // which leads back to the root from every state (no needle contains them).
  for (const auto& n : needles) {
    for (unsigned char b : n) {
      if (!class_of_[b]) class_of_[b] = static_cast<uint8_t>(classes_++);
    }
  }
  // The trie, with 0 meaning "no edge" (the root is state 0, never a target).
  std::vector<std::vector<int>> outputs(1);
  next_.assign(classes_, 0);
  depth_.assign(1, 0);
  for (size_t i = 0; i < needles.size(); ++i) {
    size_.push_back(static_cast<uint32_t>(needles[i].size()));
    if (needles[i].empty()) continue;
    uint32_t s = 0;
    for (unsigned char b : needles[i]) {
      const size_t at = size_t{s} * classes_ + class_of_[b];
      if (!next_[at]) {
        next_[at] = static_cast<uint32_t>(outputs.size());
        outputs.emplace_back();
        depth_.push_back(depth_[s] + 1);
        next_.resize(next_.size() + classes_, 0);
      }
      s = next_[at];
    }
    outputs[s].push_back(static_cast<int>(i));
  }
  // Breadth first: failure links, then missing edges become the failure's edge,
  // and each state inherits the outputs of its failure state.
  const size_t n = outputs.size();
  if (n * classes_ >= kEnds) {
    throw std::length_error("MultiStringSearch: too many needles for 31-bit state rows");
  }
  std::vector<uint32_t> fail(n, 0);
  std::deque<uint32_t> queue;
  for (uint32_t c = 1; c < classes_; ++c) {
    if (next_[c]) queue.push_back(next_[c]);
  }
  while (!queue.empty()) {
    const uint32_t s = queue.front();
    queue.pop_front();
    const std::vector<int>& inherited = outputs[fail[s]];
    outputs[s].insert(outputs[s].end(), inherited.begin(), inherited.end());
    for (uint32_t c = 1; c < classes_; ++c) {
      uint32_t& t = next_[size_t{s} * classes_ + c];
      const uint32_t via_fail = next_[size_t{fail[s]} * classes_ + c];
      if (t) {
        fail[t] = via_fail;
        queue.push_back(t);
      } else {
        t = via_fail;
      }
    }
  }
  out_begin_.reserve(n + 1);
  for (const auto& o : outputs) {
    out_begin_.push_back(static_cast<uint32_t>(out_.size()));
    out_.insert(out_.end(), o.begin(), o.end());
    most_out_ = std::max(most_out_, o.size());
  }
  out_begin_.push_back(static_cast<uint32_t>(out_.size()));
  row_divisor_ = ~uint64_t{0} / classes_ + 1;  // 0 when classes_ == 1: then no state ends a needle
  // The hot loop wants "row start of the next state" and "does it end a
  // needle" from one load: entries become state * classes_, with the top bit
  // set when the target state has outputs.
  for (uint32_t& t : next_) {
    t = t * classes_ | (out_begin_[t] != out_begin_[t + 1] ? kEnds : 0);
  }
}

void MultiStringSearch::find(std::string_view text, std::vector<int>& ids) const {
  thread_local std::vector<std::pair<int, uint32_t>> hits;
  thread_local std::vector<Found> found;
  find_all(text, hits, &found);
  ids.clear();
  for (const Found& f : found) ids.push_back(f.needle);
  std::sort(ids.begin(), ids.end());
}

void MultiStringSearch::find_all(std::string_view text,
                                 std::vector<std::pair<int, uint32_t>>& hits,
                                 std::vector<Found>* found) const {
  // The walks give occurrences in text order; the caller wants them by
  // needle. std::sort of those pairs took a third of this function's time (a
  // paragraph holds ~14, and every comparison is a coin toss for the branch
  // predictor), so they are counted per needle as found, then placed.
  thread_local Scratch scratch;
  scratch.start(needles_);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  if (n >= 4 * kMinPartBytes) {
    walk<4>(bytes, n, scratch);
  } else if (n >= 2 * kMinPartBytes) {
    walk<2>(bytes, n, scratch);
  } else {
    walk<1>(bytes, n, scratch);
  }
  scratch.place(hits, found);
}

template <bool kLaterWalks>
inline void MultiStringSearch::emit_one(Scratch& sc, uint32_t row, size_t end,
                                        size_t begun_before) const {
  const uint32_t s = state_of(row);
  std::pair<int, uint32_t>* to = sc.room(most_out_);
  for (uint32_t k = out_begin_[s]; k < out_begin_[s + 1]; ++k) {
    const int needle = out_[k];
    if (kLaterWalks && end - size_[static_cast<size_t>(needle)] >= begun_before) continue;
    *to++ = {needle, static_cast<uint32_t>(end)};
    sc.count(needle);
  }
  sc.occurrences = static_cast<size_t>(to - sc.in_order.data());
}

// Each step waits for the previous one's table load; walks over as many parts
// of the text overlap those waits. Walk w starts from the root at its part's
// start, and so finds the needles that begin there or later; then it goes on
// past its part's end (serially, a few bytes) for those that began before,
// until no needle prefix it is inside began before. (Starting each walk at
// the root longest-needle bytes early instead made it walk 45 bytes twice, a
// fifth of a paragraph of typical length.)
template <size_t kParts>
void MultiStringSearch::walk(const unsigned char* bytes, size_t n, Scratch& sc) const {
  const uint32_t* next = next_.data();
  const uint8_t* class_of = class_of_.data();
  const size_t part = n / kParts;  // the last part also takes n % kParts
  uint32_t row[kParts] = {};
  uint64_t* noted[kParts];  // next free note of each walk
  for (size_t w = 0; w < kParts; ++w) noted[w] = sc.ended_buffer(w, part + kParts);
  // Steps that end a needle are noted (end << 32 | row, the end counted
  // from the part's start) without a branch (about one step in 16, at
  // random: a branch there was mispredicted at most of them), and expanded
  // after the walks. Each walk's row and note pointer are locals of their
  // own, so that with four walks all stay in registers (as array elements
  // the compiler kept some on the stack).
  uint32_t r0 = 0, r1 = 0, r2 = 0, r3 = 0;
  uint64_t* n0 = noted[0];
  uint64_t* n1 = noted[kParts > 1 ? 1 : 0];
  uint64_t* n2 = noted[kParts > 2 ? 2 : 0];
  uint64_t* n3 = noted[kParts > 3 ? 3 : 0];
  uint64_t step_end = 0;  // (k + 1) << 32 at step k of each part
  const auto step = [&](uint32_t& row, uint64_t*& note, unsigned char byte) {
    const uint32_t t = next[row + class_of[byte]];
    row = t & ~kEnds;
    *note = step_end | row;
    note += t >> 31;
  };
  for (const unsigned char *at = bytes, *stop = bytes + part; at < stop; ++at) {
    step_end += uint64_t{1} << 32;
    step(r0, n0, at[0]);
    if constexpr (kParts > 1) step(r1, n1, at[part]);
    if constexpr (kParts > 2) {
      step(r2, n2, at[2 * part]);
      step(r3, n3, at[3 * part]);
    }
  }
  static_assert(kParts == 1 || kParts == 2 || kParts == 4);
  uint32_t& r_last = kParts == 1 ? r0 : kParts == 2 ? r1 : r3;
  uint64_t*& n_last = kParts == 1 ? n0 : kParts == 2 ? n1 : n3;
  for (size_t at = kParts * part; at < n; ++at) {
    step_end += uint64_t{1} << 32;
    step(r_last, n_last, bytes[at]);
  }
  const uint32_t rows[4] = {r0, r1, r2, r3};
  uint64_t* const notes[4] = {n0, n1, n2, n3};
  for (size_t w = 0; w < kParts; ++w) row[w] = rows[w], noted[w] = notes[w];
  // In text order: walk w's notes, then what it finds past its part's end
  // (needles that began in its part), then walk w + 1's.
  for (size_t w = 0; w < kParts; ++w) {
    emit_all(sc, sc.ended[w].data(), noted[w], w * part);
    if (w + 1 == kParts) break;
    const size_t end = (w + 1) * part;  // of walk w's part
    for (size_t at = end; at < n && depth_[state_of(row[w])] > at - end; ++at) {
      const uint32_t t = next[row[w] + class_of[bytes[at]]];
      row[w] = t & ~kEnds;
      if (t & kEnds) emit_one<true>(sc, row[w], at + 1, end);
    }
  }
}

void MultiStringSearch::emit_all(Scratch& sc, const uint64_t* first, const uint64_t* last,
                                 size_t part_start) const {
  for (const uint64_t* e = first; e < last; ++e) {
    emit_one<false>(sc, static_cast<uint32_t>(*e), part_start + (*e >> 32), 0);
  }
}

void MultiStringSearch::Scratch::start(size_t needles) {
  occurrences = 0;
  if (slot.size() < needles) {
    slot.assign(needles, 0);
    // One more than the needles: count() writes ids[found] before it knows
    // whether the needle is new, also when every needle has been found.
    ids.assign(needles + 1, 0);
  }
  found = 0;
}

uint64_t* MultiStringSearch::Scratch::ended_buffer(size_t walk, size_t steps) {
  if (ended[walk].size() < steps) ended[walk].resize(steps);
  return ended[walk].data();
}

void MultiStringSearch::Scratch::place(std::vector<std::pair<int, uint32_t>>& hits,
                                       std::vector<Found>* found_out) {
  // Counts become start offsets. (Needles in ascending order, from a bit set,
  // cost a branch per needle that the predictor missed; no caller needs it.)
  if (found_out) found_out->clear();
  uint32_t at = 0;
  for (size_t k = 0; k < found; ++k) {
    const auto id = static_cast<size_t>(ids[k]);
    const uint32_t n = slot[id];
    if (found_out) found_out->push_back({ids[k], at, at + n});
    slot[id] = at;
    at += n;
  }
  hits.resize(at);
  for (size_t k = 0; k < occurrences; ++k) {
    const auto& o = in_order[k];
    hits[slot[static_cast<size_t>(o.first)]++] = o;
  }
  for (size_t k = 0; k < found; ++k) slot[static_cast<size_t>(ids[k])] = 0;
}
}  // namespace dipmine::lexicon

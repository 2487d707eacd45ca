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
  ids.clear();
  const uint32_t* next = next_.data();
  const uint8_t* class_of = class_of_.data();
  uint32_t row = 0;  // state * classes_
  for (unsigned char b : text) {
    const uint32_t t = next[row + class_of[b]];
    row = t & ~kEnds;
    // Most states end no needle: one test per byte on the hot path.
    if (t & kEnds) {
      const uint32_t s = state_of(row);
      ids.insert(ids.end(), out_.begin() + out_begin_[s], out_.begin() + out_begin_[s + 1]);
    }
  }
  if (ids.size() > 1) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
}

void MultiStringSearch::find_all(std::string_view text,
                                 std::vector<std::pair<int, uint32_t>>& hits,
                                 std::vector<Found>* found) const {
  // The walks give occurrences in text order; the caller wants them by
  // needle. std::sort of those pairs took a third of this function's time (a
  // paragraph holds ~14, and every comparison is a coin toss for the branch
  // predictor), so they are counted per needle as found, then placed.
  thread_local Scratch scratch;
  Scratch& sc = scratch;
  sc.start(needles_);
  const uint32_t* next = next_.data();
  const uint8_t* class_of = class_of_.data();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const auto emit = [&](std::vector<std::pair<int, uint32_t>>& to, uint32_t row, size_t end) {
    const uint32_t s = state_of(row);
    for (uint32_t k = out_begin_[s]; k < out_begin_[s + 1]; ++k) {
      to.emplace_back(out_[k], static_cast<uint32_t>(end));
      sc.count(out_[k]);
    }
  };
  const auto emit_noted = [&](std::vector<std::pair<int, uint32_t>>& to, const uint64_t* ended,
                              size_t count) {
    for (size_t k = 0; k < count; ++k) emit(to, static_cast<uint32_t>(ended[k]), ended[k] >> 32);
  };
  // Each step waits for the previous one's table load; two walks over the
  // two halves of the text overlap those waits. Walk 2 starts from the root
  // at the middle and so finds the needles that begin there or later; walk 1
  // goes on past the middle (serially, a few bytes) for those that began
  // before it, until no needle prefix it is inside began before the middle.
  // (Starting walk 2 at the root longest-needle bytes early instead made it
  // walk 45 bytes twice, a fifth of a paragraph of typical length.)
  const size_t n = text.size();
  size_t i = 0;
  uint32_t row = 0;
  if (n >= kSplitBytes) {
    const size_t h = n / 2;  // walk 1: bytes [0, h), walk 2: [h, n)
    uint32_t row2 = 0;
    // Steps that end a needle are noted without a branch (about one step in
    // 16, at random: a branch there was mispredicted at most of them), and
    // expanded after the walks.
    uint64_t* ended1 = sc.ended_buffer(0, h);
    uint64_t* ended2 = sc.ended_buffer(1, h);
    size_t n1 = 0, n2 = 0;
    for (size_t k = 0; k < h; ++k) {
      const uint32_t t1 = next[row + class_of[bytes[k]]];
      const uint32_t t2 = next[row2 + class_of[bytes[h + k]]];
      row = t1 & ~kEnds;
      row2 = t2 & ~kEnds;
      ended1[n1] = uint64_t{k + 1} << 32 | row;
      ended2[n2] = uint64_t{h + k + 1} << 32 | row2;
      n1 += t1 >> 31;
      n2 += t2 >> 31;
    }
    emit_noted(sc.walks[0], ended1, n1);
    emit_noted(sc.walks[1], ended2, n2);
    if (n - h > h) {  // walk 2's last byte, n odd
      const uint32_t t = next[row2 + class_of[bytes[n - 1]]];
      if (t & kEnds) emit(sc.walks[1], t & ~kEnds, n);
    }
    for (size_t k = h; k < n && depth_[state_of(row)] > k - h; ++k) {
      const uint32_t t = next[row + class_of[bytes[k]]];
      row = t & ~kEnds;
      if (!(t & kEnds)) continue;
      const uint32_t s = state_of(row);
      for (uint32_t o = out_begin_[s]; o < out_begin_[s + 1]; ++o) {
        if (k + 1 - size_[static_cast<size_t>(out_[o])] >= h) continue;  // walk 2's
        sc.walks[0].emplace_back(out_[o], static_cast<uint32_t>(k + 1));
        sc.count(out_[o]);
      }
    }
    i = n;
  }
  if (i < n) {  // a short text, one walk
    uint64_t* ended1 = sc.ended_buffer(0, n);
    size_t n1 = 0;
    for (; i < n; ++i) {
      const uint32_t t = next[row + class_of[bytes[i]]];
      row = t & ~kEnds;
      ended1[n1] = uint64_t{i + 1} << 32 | row;
      n1 += t >> 31;
    }
    emit_noted(sc.walks[0], ended1, n1);
  }
  sc.place(hits, found);
}

void MultiStringSearch::Scratch::start(size_t needles) {
  for (auto& w : walks) w.clear();
  if (slot.size() < needles) {
    slot.assign(needles, 0);
    seen.assign((needles + 63) / 64, 0);
  }
  low = seen.size();
  high = 0;
}

uint64_t* MultiStringSearch::Scratch::ended_buffer(size_t walk, size_t steps) {
  if (ended[walk].size() < steps) ended[walk].resize(steps);
  return ended[walk].data();
}

void MultiStringSearch::Scratch::place(std::vector<std::pair<int, uint32_t>>& hits,
                                       std::vector<Found>* found) {
  // Counts become start offsets, in ascending needle order.
  if (found) found->clear();
  uint32_t at = 0;
  for (size_t w = low; w < high; ++w) {
    for (uint64_t bits = seen[w]; bits; bits &= bits - 1) {
      const size_t id = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
      const uint32_t n = slot[id];
      if (found) found->push_back({static_cast<int>(id), at, at + n});
      slot[id] = at;
      at += n;
    }
  }
  hits.resize(at);
  for (const auto& w : walks) {
    for (const auto& o : w) hits[slot[static_cast<size_t>(o.first)]++] = o;
  }
  for (size_t w = low; w < high; ++w) {
    for (uint64_t bits = seen[w]; bits; bits &= bits - 1) {
      slot[w * 64 + static_cast<size_t>(__builtin_ctzll(bits))] = 0;
    }
    seen[w] = 0;
  }
}
}  // namespace dipmine::lexicon

#include "lexicon/regex_windows.h"

#include <algorithm>
#include <cstdint>

#include "text/utf8.h"

namespace dipmine::lexicon {
namespace {
constexpr size_t kProgramWindowBytes = 4096;
}  // namespace

void RegexWindows::start(const RegexReach& reach, const RegexProgram* program, text::Lang lang) {
  reach_ = &reach;
  program_ = program;
  lang_ = lang;
  cursors_.clear();
  counts_.clear();
  lead_ = -1;
}

void RegexWindows::add(uint32_t clause, const Occurrence* first, const Occurrence* last,
                       uint32_t atom_size) {
  if (counts_.size() <= clause) counts_.resize(clause + 1, 0);
  counts_[clause] += static_cast<size_t>(last - first);
  if (first != last) cursors_.push_back({first, last, atom_size, clause});
}

size_t RegexWindows::first_from(uint32_t clause, size_t pos) {
  size_t at = SIZE_MAX;
  for (Cursor& k : cursors_) {
    if (k.clause != clause) continue;
    while (k.at < k.last && k.begin() < pos) ++k.at;
    if (k.at < k.last) at = std::min(at, k.begin());
  }
  return at;
}

bool RegexWindows::inside(uint32_t clause, size_t from, size_t to) {
  for (Cursor& k : cursors_) {
    if (k.clause != clause) continue;
    // `from` never decreases between calls, so passed occurrences stay passed;
    // of one atom's occurrences, the first starting after `from` ends first.
    while (k.at < k.last && k.begin() < from) ++k.at;
    if (k.at < k.last && k.at->second <= to) return true;
  }
  return false;
}

bool RegexWindows::next(const RE2& re, std::string_view text, size_t pos, size_t& b, size_t& e) {
  if (lead_ < 0) {
    lead_ = static_cast<int>(std::min_element(counts_.begin(), counts_.end()) - counts_.begin());
  }
  const auto lead = static_cast<uint32_t>(lead_);
  while (true) {
    const size_t at = first_from(lead, pos);
    if (at == SIZE_MAX) return false;
    const size_t from = reach_->earliest_start(text, at, pos);
    const size_t to = reach_->latest_end(text, at);
    bool possible = true;
    for (uint32_t c = 0; c < counts_.size() && possible; ++c) {
      if (c != lead) possible = inside(c, from, to);
    }
    // The NFA's visited set grows with the window: long white-space runs can
    // make one huge, and RE2 searches those.
    const bool small = program_ && to - from <= kProgramWindowBytes;
    if (possible && small && program_->find(text, from, at, to, b, e, &lang_)) return true;
    re2::StringPiece m;
    if (possible && !small && re.Match(text, from, to, RE2::UNANCHORED, &m, 1) &&
        static_cast<size_t>(m.data() - text.data()) <= at) {
      b = static_cast<size_t>(m.data() - text.data());
      e = b + m.size();
      return true;
    }
    // No match starts in [pos, at]: on past the first character of `at`.
    size_t len = 0;
    text::decode_utf8(text, at, len);
    pos = at + std::max<size_t>(len, 1);
  }
}

}  // namespace dipmine::lexicon

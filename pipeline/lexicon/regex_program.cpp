#include "lexicon/regex_program.h"

#include "lexicon/word_boundaries.h"

#include <string.h>

#include <algorithm>
#include <cstdint>

namespace dipmine::lexicon {
namespace {

// A character node that is exactly one byte string: a Persian or Japanese
// letter, or ASCII without (?i). Runs of them become one literal step.
bool exact(const RegexNode& n, std::string& bytes) {
  if (n.kind != RegexNode::Kind::chars || n.any_other) return false;
  if (n.ascii.none() && n.others.size() == 1) {
    bytes = n.others[0];
    return true;
  }
  if (n.ascii.count() == 1 && n.others.empty()) {
    size_t c = 0;
    while (!n.ascii[c]) ++c;
    bytes = std::string(1, static_cast<char>(c));
    return true;
  }
  return false;
}

}  // namespace

// Thompson's construction: one instruction per character set (or literal
// run), splits for alternation and repetition. Which branch is preferred does
// not matter: the search keeps every reachable (step, position) pair.
bool RegexProgram::emit(const RegexNode& n, std::vector<Inst>& code) {
  const auto here = [&] { return static_cast<uint32_t>(code.size()); };
  const auto push = [&](Inst::Op op) {
    code.push_back({});
    code.back().op = op;
    return here() - 1;
  };
  switch (n.kind) {
    case RegexNode::Kind::chars: {
      if (n.any_other) return false;
      const uint32_t c = push(Inst::Op::chars);
      code[c].ascii = n.ascii;
      code[c].others = n.others;
      return true;
    }
    case RegexNode::Kind::sequence:
      for (size_t k = 0; k < n.kids.size(); ++k) {
        std::string run, one;
        while (k < n.kids.size() && exact(n.kids[k], one)) run += one, ++k;
        if (!run.empty()) {
          code[push(Inst::Op::chars)].literal = run;
          if (k == n.kids.size()) break;
        }
        if (!emit(n.kids[k], code)) return false;
      }
      return true;
    case RegexNode::Kind::alternation: {
      std::vector<uint32_t> to_end;
      for (size_t k = 0; k < n.kids.size(); ++k) {
        const bool last = k + 1 == n.kids.size();
        const uint32_t split = last ? 0 : push(Inst::Op::split);
        if (!last) code[split].x = here();
        if (!emit(n.kids[k], code)) return false;
        if (!last) {
          to_end.push_back(push(Inst::Op::jump));
          code[split].y = here();
        }
      }
      for (const uint32_t j : to_end) code[j].x = here();
      return true;
    }
    case RegexNode::Kind::repeat: {
      if (n.min == 1) {  // x+: x, then back to x or on
        const uint32_t start = here();
        if (!emit(n.kids[0], code)) return false;
        const uint32_t split = push(Inst::Op::split);
        code[split].x = start;
        code[split].y = here();
        return true;
      }
      // x? and x*: a split before x; x* jumps back to it.
      const uint32_t split = push(Inst::Op::split);
      code[split].x = here();
      if (!emit(n.kids[0], code)) return false;
      if (n.unbounded) code[push(Inst::Op::jump)].x = split;
      code[split].y = here();
      return true;
    }
  }
  return false;
}

void RegexProgram::closure(const std::vector<Inst>& code, uint32_t pc,
                           std::vector<uint32_t>& steps, bool& match) {
  std::vector<bool> seen(code.size(), false);
  std::vector<uint32_t> stack{pc};
  while (!stack.empty()) {
    const uint32_t at = stack.back();
    stack.pop_back();
    if (seen[at]) continue;
    seen[at] = true;
    const Inst& in = code[at];
    if (in.op == Inst::Op::chars) steps.push_back(at);  // an instruction index for now
    if (in.op == Inst::Op::match) match = true;
    if (in.op == Inst::Op::split) stack.push_back(in.y);
    if (in.op == Inst::Op::split || in.op == Inst::Op::jump) stack.push_back(in.x);
  }
}

std::optional<RegexProgram> RegexProgram::compile(const RegexNode& tree) {
  RegexProgram p;
  std::vector<Inst> code;
  if (!p.emit(tree, code)) return std::nullopt;
  code.push_back({});  // match
  // Steps are the chars instructions; renumber them.
  std::vector<uint32_t> step_of(code.size(), 0);
  for (uint32_t pc = 0; pc < code.size(); ++pc) {
    if (code[pc].op != Inst::Op::chars) continue;
    step_of[pc] = static_cast<uint32_t>(p.steps_.size());
    const Step& s = p.steps_.emplace_back(
        Step{code[pc].literal, code[pc].ascii, code[pc].others, {}, false});
    std::bitset<256>& first = p.first_byte_.emplace_back();
    if (!s.literal.empty()) first.set(static_cast<unsigned char>(s.literal[0]));
    for (size_t c = 0; c < 128; ++c) first[c] = first[c] || s.ascii[c];
    for (const std::string& o : s.others) first.set(static_cast<unsigned char>(o[0]));
  }
  for (uint32_t pc = 0; pc < code.size(); ++pc) {
    if (code[pc].op != Inst::Op::chars) continue;
    Step& s = p.steps_[step_of[pc]];
    closure(code, pc + 1, s.next, s.then_match);
    for (uint32_t& n : s.next) n = step_of[n];
  }
  closure(code, 0, p.start_, p.can_be_empty_);
  for (uint32_t& n : p.start_) n = step_of[n];
  // What a match can start with.
  for (const uint32_t k : p.start_) {
    const Step& s = p.steps_[k];
    const std::vector<std::string> literal{s.literal};
    p.first_ascii_ |= s.ascii;
    for (const std::string& o : s.literal.empty() ? s.others : literal) {
      const auto b0 = static_cast<unsigned char>(o[0]);
      if (b0 < 0x80) p.first_ascii_.set(b0);
      else p.first_pair_.set(pair_hash(b0, static_cast<unsigned char>(o[1])));
    }
  }
  return p;
}

size_t RegexProgram::Step::consume(std::string_view text, size_t pos, size_t to) const {
  if (!literal.empty()) {
    // Most tries fail at the first byte or two: those are compared here
    // (memcmp is a call through the PLT).
    if (pos + literal.size() > to || text[pos] != literal[0]) return SIZE_MAX;
    return memcmp(text.data() + pos + 1, literal.data() + 1, literal.size() - 1) == 0
               ? pos + literal.size() : SIZE_MAX;
  }
  if (pos >= to) return SIZE_MAX;
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return ascii[byte] ? pos + 1 : SIZE_MAX;
  for (const std::string& o : others) {
    if (pos + o.size() <= to && memcmp(text.data() + pos, o.data(), o.size()) == 0) {
      return pos + o.size();  // UTF-8: at most one character starts here
    }
  }
  return SIZE_MAX;
}

size_t RegexProgram::longest_at(std::string_view text, size_t s, size_t to) const {
  // Every (step, start position) reachable from s, each visited once: stamps
  // instead of clearing a visited set for every start.
  thread_local std::vector<uint32_t> stamp;
  thread_local uint32_t generation = 0;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> stack;  // (step, pos)
  const size_t width = to - s + 1;
  if (stamp.size() < steps_.size() * width) stamp.assign(steps_.size() * width, 0);
  if (++generation == 0) {
    std::fill(stamp.begin(), stamp.end(), 0);
    generation = 1;
  }
  size_t longest = can_be_empty_ ? s : SIZE_MAX;
  stack.clear();
  // A step is pushed only if the byte where it would begin can begin it:
  // most would fail there (a consume call and a visited mark each).
  const auto push = [&](uint32_t k, size_t pos) {
    if (pos < to && first_byte_[k][static_cast<unsigned char>(text[pos])]) {
      stack.emplace_back(k, static_cast<uint32_t>(pos));
    }
  };
  for (const uint32_t k : start_) push(k, s);
  while (!stack.empty()) {
    const auto [k, pos] = stack.back();
    stack.pop_back();
    uint32_t& mark = stamp[k * width + (pos - s)];
    if (mark == generation) continue;
    mark = generation;
    const Step& step = steps_[k];
    const size_t end = step.consume(text, pos, to);
    if (end == SIZE_MAX) continue;
    if (step.then_match && (longest == SIZE_MAX || end > longest)) longest = end;
    for (const uint32_t n : step.next) push(n, end);
  }
  return longest;
}

bool RegexProgram::find(std::string_view text, size_t from, size_t last_start, size_t to,
                        size_t& b, size_t& e, const text::Lang* word_lang) const {
  for (size_t s = from; s <= last_start && s <= to; ++s) {
    if (!can_be_empty_ && (s >= to || !may_start(text, s))) continue;
    if (word_lang && !opens_word(text, s, *word_lang)) continue;
    const size_t end = longest_at(text, s, to);
    if (end != SIZE_MAX) {
      b = s;
      e = end;
      return true;
    }
  }
  return false;
}

}  // namespace dipmine::lexicon

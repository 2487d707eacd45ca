// A regex form compiled for the Matcher's windows (regex_windows.h): a small
// NFA over bytes that finds the leftmost-longest match in a window of a few
// dozen characters. RE2 gives the same answers, but each call pays a setup
// (two DFA searches, locks) that dwarfs such a window, and a fresh process
// pays again for building the DFA states.
//
//   std::optional<RegexProgram> p = RegexProgram::compile(*parse_regex(pattern));
//   size_t b, e;
//   if (p->find(text, from, last_start, to, b, e)) use(b, e);
//
// compile() returns nullopt when the tree holds a character set it cannot list
// exactly (`.`, \w, \S, negated classes, non-ASCII letters with case under
// (?i)); the Matcher then keeps RE2. Characters are matched as their UTF-8
// bytes, as RE2 matches them; under (?i) ASCII letters match both cases and k,
// s also U+212A, U+017F (RE2's case folding for ASCII letters; checked by
// regex_program_test against RE2 itself).
// Thread safety: immutable after compile(); find() uses thread_local scratch.
#pragma once
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/regex_syntax.h"
#include "text/lang.h"

namespace dipmine::lexicon {

class RegexProgram {
 public:
  static std::optional<RegexProgram> compile(const RegexNode& tree);

  // The leftmost match starting in [from, last_start] and ending at or before
  // `to`, then the longest from that start: what RE2 (longest_match) finds in
  // text[from, to) when it starts there. False if none. With `word_lang`,
  // only starts where opens_word(text, start, *word_lang) holds (the Matcher
  // drops matches starting elsewhere anyway: word_boundaries.h).
  bool find(std::string_view text, size_t from, size_t last_start, size_t to, size_t& b,
            size_t& e, const text::Lang* word_lang = nullptr) const;

 private:
  struct Inst {  // Thompson's construction
    enum class Op : uint8_t { chars, split, jump, match };
    Op op = Op::match;
    uint32_t x = 0, y = 0;            // split: both; jump: x
    std::string literal;              // chars: these bytes exactly, or else
    std::bitset<128> ascii;           // chars: one of these ASCII characters
    std::vector<std::string> others;  //   or of these non-ASCII ones (UTF-8)
  };
  // What the search walks: the consuming instructions, each with the ones
  // reachable after it without consuming anything.
  struct Step {
    std::string literal;
    std::bitset<128> ascii;
    std::vector<std::string> others;
    std::vector<uint32_t> next;  // into steps_
    bool then_match = false;     // a match may end right after it
    // End of this step's bytes at `pos` (within `to`), or SIZE_MAX.
    size_t consume(std::string_view text, size_t pos, size_t to) const;
  };
  bool emit(const RegexNode& n, std::vector<Inst>& code);
  // The steps reachable from instruction `pc` without consuming; `match`:
  // the match instruction is among them.
  static void closure(const std::vector<Inst>& code, uint32_t pc, std::vector<uint32_t>& steps,
                      bool& match);
  // End of the longest match starting at s, or SIZE_MAX.
  size_t longest_at(std::string_view text, size_t s, size_t to) const;

  std::vector<Step> steps_;
  // Per step, the bytes it can begin with: checked before a step is tried,
  // apart from the steps (a few cache lines, not one per step).
  std::vector<std::bitset<256>> first_byte_;
  std::vector<uint32_t> start_;  // steps a match can begin with
  // What a nonempty match can start with: ASCII bytes, and the first two
  // bytes of non-ASCII characters (hashed; a false hit only costs a search).
  std::bitset<128> first_ascii_;
  std::bitset<2048> first_pair_;
  // The payload bits of a two-byte character, exact for those (Persian);
  // no modulo: this runs at every byte of every window.
  static size_t pair_hash(unsigned char b0, unsigned char b1) {
    return ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
  }
  bool may_start(std::string_view text, size_t s) const {
    const auto b0 = static_cast<unsigned char>(text[s]);
    if (b0 < 0x80) return first_ascii_[b0];
    return s + 1 < text.size() && first_pair_[pair_hash(b0, static_cast<unsigned char>(text[s + 1]))];
  }
  bool can_be_empty_ = false;
};

}  // namespace dipmine::lexicon

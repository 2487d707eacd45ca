// Matcher::Shared (matcher.cpp): what all threads of a Matcher share, in a
// file of its own. Private to the Matcher; included by matcher.cpp and
// matcher_shared.cpp only.
#pragma once
#include <hs/hs.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/matcher.h"

namespace dipmine::lexicon {

// What all threads share: one Hyperscan literal database for every form
// whose matches regex_literals can list (on squeezed text), holding also the
// atoms of the forms it cannot list (those run RE2 where their clauses are
// met), and one for the English glue forms on text whose hyphens are squeezed
// too. Hyperscan databases are read-only at search time; each thread scans
// with scratch space of its own.
struct Matcher::Shared {
  struct Database {
    hs_database_t* db = nullptr;
    ~Database() { hs_free_database(db); }
  };
  Database all, glue;
  // Hyperscan finds anchors, each listed string's first kAnchorBytes bytes
  // (the whole string if shorter), not the strings: its scan slowed with the
  // number of literals (shipped lexicon: 21,867 strings 48 MB/s, their 2,115
  // anchors of 8 bytes 269 MB/s). Each anchor found is extended to its
  // strings in place. Ids [0, n_strings): anchors; [n_strings, ...): atoms.
  static constexpr size_t kAnchorBytes = 8;
  // Strings listed a form at most; past it the listing is loose (RE2 confirms
  // each place). 256 left 92 of the shipped 1,135 patterns loose, 1,024 leaves
  // 44: fewer RE2 calls, the same anchors mostly (build 111 -> 185 ms).
  static constexpr size_t kMaxStrings = 1024;
  uint32_t n_strings = 0;
  std::vector<uint32_t> length;  // per id: bytes
  std::vector<std::string> strings;  // listed strings
  // Per anchor: its strings sorted, [group_begin[a], group_begin[a + 1]) of
  // `group` (string ids) and of `group_at` (their bytes in `pool`, group by
  // group: the walk down them reads nearby bytes).
  std::vector<uint32_t> group, group_begin, group_at;
  std::string pool;
  // Per string: the forms listing it, [owners_begin[id], owners_begin[id + 1]).
  std::vector<uint32_t> owners, owners_begin;
  std::vector<uint8_t> glue_form;  // per form: an English glue form
  std::vector<uint8_t> loose_form;  // per form: a loose listing (RE2 confirms each place)
  // Forms RE2 searches: those without a listing. Per atom, the searched forms
  // with it in a clause; per searched form, its clauses (flat: size, atoms).
  std::vector<uint32_t> searched, unfiltered;
  std::vector<uint32_t> atom_forms, atom_forms_begin;
  std::vector<uint32_t> clauses, clauses_begin;  // by form index (empty for listed forms)

  explicit Shared(const Lexicon& lex);

  // Calls on(string id, length) for each string of anchor `anchor` that
  // occurs at `text` (`room` bytes from there to the text's end), shortest
  // first: a walk down the anchor's sorted strings, one byte at a time. At
  // depth d every string in [lo, hi) equals the text's d bytes; the one of
  // length d (if any) sorts first and occurs; the rest narrow to those whose
  // byte d is the text's, and the bytes they all share are compared at once.
  template <typename Fn>
  void strings_at(uint32_t anchor, const char* text, size_t room, Fn on) const {
    const auto string_at = [&](uint32_t g) {
      const uint32_t end = g + 1 < group_at.size() ? group_at[g + 1] : static_cast<uint32_t>(pool.size());
      return std::string_view(pool.data() + group_at[g], end - group_at[g]);
    };
    uint32_t lo = group_begin[anchor], hi = group_begin[anchor + 1];
    for (size_t d = length[anchor]; lo < hi; ++d) {
      std::string_view x = string_at(lo);
      if (x.size() == d) {
        on(group[lo++], d);
        if (lo == hi) break;
        x = string_at(lo);
      }
      if (hi - lo == 1) {  // the last candidate: the rest of it at once
        if (x.size() <= room && std::equal(x.begin() + static_cast<std::ptrdiff_t>(d), x.end(), text + d)) {
          on(group[lo], x.size());
        }
        break;
      }
      // Bytes all of [lo, hi) share (those the first and the last share): the
      // text's must be the same, no search needed until they branch.
      const std::string_view y = string_at(hi - 1);
      size_t common = d;
      while (common < x.size() && x[common] == y[common]) ++common;
      if (common > d) {
        if (common > room || !std::equal(x.begin() + static_cast<std::ptrdiff_t>(d),
                                         x.begin() + static_cast<std::ptrdiff_t>(common), text + d)) {
          break;
        }
        d = common - 1;  // the loop's ++d
        continue;
      }
      if (d >= room) break;
      const unsigned char c = static_cast<unsigned char>(text[d]);
      const auto byte = [&](uint32_t g) { return static_cast<unsigned char>(pool[group_at[g] + d]); };
      uint32_t l = lo, h = hi;  // lo = first with byte >= c
      while (l < h) {
        const uint32_t mid = l + (h - l) / 2;
        if (byte(mid) < c) l = mid + 1;
        else h = mid;
      }
      lo = l, h = hi;  // hi = first with byte > c
      while (l < h) {
        const uint32_t mid = l + (h - l) / 2;
        if (byte(mid) <= c) l = mid + 1;
        else h = mid;
      }
      hi = l;
    }
  }

 private:
  static void compile(const std::vector<std::string>& strings, const std::vector<uint32_t>& ids,
                      Database& out);
};

}  // namespace dipmine::lexicon

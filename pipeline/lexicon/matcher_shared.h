// Matcher::Shared (matcher.cpp): what all threads of a Matcher share, in a
// file of its own. Private to the Matcher; included by matcher.cpp and
// matcher_shared.cpp only.
#pragma once
#include <hs/hs.h>

#include <string>
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

 private:
  static void compile(const std::vector<std::string>& strings, const std::vector<uint32_t>& ids,
                      Database& out);
};

}  // namespace dipmine::lexicon

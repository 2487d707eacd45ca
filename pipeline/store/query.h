// The search query language for people, translated into a safe FTS5 MATCH
// expression plus SQL filters.
//
//   Query q = parse_query("\"city diplomacy\" OR شهرخواهر -tourism lang:fa year:2015..2020");
//   // q.match: an FTS5 expression in which every term is a quoted, pre-folded key
//   // q.langs == {"fa"}, q.year_min == 2015, q.year_max == 2020
//
// Syntax (terms are separated by spaces; every word must occur):
//   word          a word, folded like the documents (spelling variants match)
//   "a phrase"    the words in this order, adjacent
//   prefix*       words that start with `prefix`
//   a OR b        either (binds tighter than the implicit AND)
//   -word         paragraphs without it (also -"a phrase")
//   NEAR(a b, 5)  all of a, b within 5 words of each other (default 10)
//   lang:fa       fa, en or ja (repeat for several)
//   year:2015  year:2015..2020  year:2015..  year:..2020
//   doc:ID        one document (repeat for several)
// A Japanese term matches anywhere inside a word (substring), ranking whole
// words higher; Persian words written with or without a space/half-space
// (بین المللی, بینالمللی, بین‌المللی) are the same term. Compounds the
// tokenizer does not join are found in their other spellings as
// alternatives: two plain Persian words A B are (A OR AB) AND (B OR AB); a
// Persian word with a ZWNJ also its parts in a row, a quoted Persian phrase
// also its words joined, a solid Persian word that splits one way into two
// dictionary words also those in a row; an English word with hyphens
// (non-parallel) also the solid word (nonparallel), which documents index
// beside the first part. Not inside NEAR, and not for prefixes.
//
// Errors: parse_query throws dipmine::UsageError "query column N: <what>"
// pointing at the first offending character (1-based, in characters). It never
// produces an expression FTS5 would reject: user text reaches MATCH only as
// folded keys inside quotes. Pure function, thread-safe.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipmine::store {

// One FTS5 phrase of a query's expression: what ranking and the top-k index
// need to know about it.
struct QueryPhrase {
  std::vector<std::string> keys;  // its folded keys, in order
  bool prefix = false;            // the last key is a prefix
  int clause = -1;                // the AND clause it is an alternative of; -1: excluded (-word)
  int alternative = 0;            // which alternative of its clause (a NEAR's phrases share one)
};

struct Query {
  std::string match;               // the FTS5 expression
  std::vector<QueryPhrase> phrases;  // FTS5's phrases of `match`, in its order
  int clauses = 0;                 // positive clauses: a row matches one alternative of each
  std::vector<std::string> langs;  // empty: any language
  std::optional<int> year_min, year_max;
  std::vector<int64_t> docs;       // empty: any document
};

Query parse_query(std::string_view text);

}  // namespace dipmine::store

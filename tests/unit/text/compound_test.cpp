// Issue 16.4: Persian compounds the dictionary writes with ZWNJ, typed with a
// space, a ZWNJ or nothing between their parts (زمین لرزه ای, زمین‌لرزه‌ای,
// زمینلرزهای). fold gives all three one key; index_terms gives that key its
// parts (and the compound without its suffix) as colocated keys, so a search
// for any spelling, or for a part alone, finds each of them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "text/fa_vocabulary.h"
#include "text/normalizer.h"
#include "text/segmenter.h"

using namespace dipmine::text;

namespace {

std::string fold(const std::string& s) { return normalizer_for(Lang::fa).fold(s).text; }

// The keys at their own positions (colocated == false) or the alternatives.
std::vector<std::string> keys(const std::string& s, TermMode mode, bool colocated = false) {
  std::vector<std::string> out;
  for (const Term& t : index_terms(s, Lang::fa, mode)) {
    if (t.colocated == colocated) out.push_back(t.key);
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& k) { return std::find(v.begin(), v.end(), k) != v.end(); }

// The one query key of a word or phrase that folds to one word.
std::string query_key(const std::string& q) {
  const auto k = keys(q, TermMode::query);
  REQUIRE(k.size() == 1);
  return k[0];
}

const char* const kSpellings[] = {"زمین لرزه ای", "زمین\u200cلرزه\u200cای", "زمینلرزهای"};

}  // namespace

TEST_CASE("a compound written apart, with ZWNJ or joined folds alike", "[compound][fold]") {
  const std::string joined = fold("زمین\u200cلرزه\u200cای");
  CHECK(joined == fold("زمینلرزهای"));
  CHECK(fold("زمین لرزه ای") == joined);
  CHECK(fold("زمین لرزه") == fold("زمین\u200cلرزه"));
  CHECK(fold("وقوع زمین لرزه ای شدید") == fold("وقوع زمین\u200cلرزه\u200cای شدید"));
  // Two words that are no compound stay apart; so do the parts of a compound
  // with punctuation between them.
  CHECK(fold("کار بر") == "کار بر");
  // A word said twice stays two words, though the dictionary knows به‌به.
  CHECK(fold("به به") == "به به");
  CHECK(fold("یکی یکی") == "یکی یکی");
  CHECK(fold("زمین، لرزه") != fold("زمین لرزه"));
  // fold is idempotent on it.
  CHECK(fold(joined) == joined);
}

TEST_CASE("the dictionary splits a compound run together", "[compound][vocabulary]") {
  const std::string k = fa_key("زمینلرزه");
  CHECK(fa_compound_split(k) == fa_key("زمین").size());
  CHECK(fa_compound_split(fa_key("زمین")) == 0);
  CHECK(fa_compound_split(fa_key("کاربر")) == 0);
  CHECK(fa_compound_split("") == 0);
}

TEST_CASE("every spelling of a compound and each part find each other in the index", "[compound][index_terms]") {
  const std::string zamin = query_key("زمین"), larzeh = query_key("لرزه");
  const std::string compound = query_key("زمین\u200cلرزه"), with_suffix = query_key("زمین\u200cلرزه\u200cای");
  CHECK(query_key("زمین لرزه") == compound);
  CHECK(query_key("زمینلرزه") == compound);
  CHECK(query_key("زمین لرزه ای") == with_suffix);
  CHECK(query_key("زمینلرزهای") == with_suffix);
  CHECK(compound != zamin);
  for (const char* s : kSpellings) {
    INFO(s);
    // One position, the joined key, with the parts colocated.
    const auto at = keys(s, TermMode::document);
    REQUIRE(at.size() == 1);
    CHECK(at[0] == with_suffix);
    const auto alts = keys(s, TermMode::document, true);
    CHECK(has(alts, zamin));
    CHECK(has(alts, larzeh));
    CHECK(has(alts, compound));
    CHECK(has(alts, query_key("لرزه ای")));  // what the index held before the join
    CHECK(!has(alts, with_suffix));          // never the joined key again
    CHECK(!has(alts, query_key("ای")));      // never a lone suffix
    // Every key spans the whole word's original bytes.
    for (const Term& t : index_terms(s, Lang::fa, TermMode::document)) {
      CHECK(t.begin == 0);
      CHECK(t.end == std::string(s).size());
    }
  }
  // In a sentence the phrase keeps its positions: the parts sit at the
  // compound's position, the next word right after it.
  const auto doc = keys("وقوع زمین لرزه ای شدید", TermMode::document);
  CHECK(doc == keys("وقوع زمین\u200cلرزه\u200cای شدید", TermMode::query));
  CHECK(doc.size() == 3);
  // A query writes no alternatives: one key per word.
  CHECK(keys("زمین لرزه ای", TermMode::query, true).empty());
  // A word that is no compound gets none of this.
  CHECK(keys("کاربر", TermMode::document, true).empty());
}

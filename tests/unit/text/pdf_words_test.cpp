// Issue 15: words of real PDFs (tests/data/pdf/phrases.tsv) that the
// tokenizer cut or glued wrongly: a ZWNJ the page shows as a space, a curly
// possessive, a compound hyphenated at a line break, a footnote mark set
// against a word. Each through index_terms, as search sees it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "text/normalizer.h"
#include "text/segmenter.h"

using namespace dipmine::text;

namespace {

// The keys of `s` at their own positions (colocated == false), or the
// alternatives (colocated == true).
std::vector<std::string> keys(const std::string& s, Lang lang, TermMode mode, bool colocated = false) {
  std::vector<std::string> out;
  for (const Term& t : index_terms(s, lang, mode)) {
    if (t.colocated == colocated) out.push_back(t.key);
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& k) { return std::find(v.begin(), v.end(), k) != v.end(); }

std::string en_clean(const std::string& s) { return normalizer_for(Lang::en).clean(s).text; }
std::string en_fold(const std::string& s) { return normalizer_for(Lang::en).fold(s).text; }

}  // namespace

TEST_CASE("a ZWNJ between two dictionary words is a word boundary (عنوان‌پیوست)", "[pdf_words][zwnj]") {
  const std::string zwnj = "عنوان\u200cپیوست", spaced = "عنوان پیوست";
  const auto apart = keys(spaced, Lang::fa, TermMode::query);
  REQUIRE(apart.size() == 2);
  // Both spellings, in documents and in queries, are the same two positions.
  CHECK(keys(zwnj, Lang::fa, TermMode::query) == apart);
  CHECK(keys(zwnj, Lang::fa, TermMode::document) == apart);
  CHECK(keys(spaced, Lang::fa, TermMode::document) == apart);
  CHECK(keys("در " + zwnj + " آمده", Lang::fa, TermMode::document) ==
        keys("در " + spaced + " آمده", Lang::fa, TermMode::query));
  // The word written joined still finds it: the whole key is colocated with
  // the first piece.
  const auto joined = keys("عنوانپیوست", Lang::fa, TermMode::query);
  REQUIRE(joined.size() == 1);
  CHECK(has(keys(zwnj, Lang::fa, TermMode::document, true), joined[0]));
  // Each piece spans its own original bytes (the ZWNJ goes with the first).
  const std::vector<Term> terms = index_terms(zwnj, Lang::fa, TermMode::query);
  REQUIRE(terms.size() == 2);
  CHECK(terms[0].begin == 0);
  CHECK(terms[0].end == 13);
  CHECK(terms[1].begin == 13);
  CHECK(terms[1].end == zwnj.size());
  // A ZWNJ before or after an affix, or inside a word the dictionary knows
  // whole (همچنین) or as a compound, keeps the word one key, as before.
  for (const char* w : {"می\u200cشود", "کتاب\u200cها", "خانه\u200cای", "بین\u200cالمللی", "هم\u200cچنین",
                        "کتاب\u200cهای\u200cشان"}) {
    INFO(w);
    CHECK(keys(w, Lang::fa, TermMode::query).size() == 1);
  }
}

TEST_CASE("a curly or straight possessive 's is found as its word (Tsujii’s)", "[pdf_words][possessive]") {
  CHECK(en_fold("Tsujii’s") == en_fold("Tsujii"));
  CHECK(en_fold("Tsujii's") == en_fold("Tsujii"));
  // A run of them goes whole, so that a second fold changes nothing.
  CHECK(en_fold("sity's's") == en_fold("sity"));
  CHECK(en_fold(en_fold("city’sity’s's")) == en_fold("city’sity’s's"));
  CHECK(en_fold("city’s networks") == en_fold("city networks"));
  CHECK(en_fold("UN's agencies") == "un agenc");  // too short to stem, the 's still goes
  CHECK(en_fold(en_fold("Tsujii’s")) == en_fold("Tsujii’s"));
  // A phrase ending at the possessive's word finds it.
  const auto doc = keys("Itoh and Tsujii’s method", Lang::en, TermMode::document);
  const auto q = keys("Itoh and Tsujii", Lang::en, TermMode::query);
  REQUIRE(doc.size() >= q.size());
  CHECK(std::vector<std::string>(doc.begin(), doc.begin() + static_cast<std::ptrdiff_t>(q.size())) == q);
  // Not a possessive: an apostrophe before other letters, or 's glued to a digit.
  CHECK(en_fold("o'clock") == "o'clock");
  CHECK(en_fold("Tsujii'sX").find('\'') != std::string::npos);
}

TEST_CASE("a compound hyphenated at a line break keeps its hyphen (mixed- and mode on the next line)", "[pdf_words][hyphen]") {
  CHECK(en_clean("uses a mixed-\nmode execution approach") == "uses a mixed-mode execution approach");
  CHECK(en_clean("shared-\nmemory and closed-\nform") == "shared-memory and closed-form");
  // Words broken by hyphenation are still joined, -ed words among them.
  CHECK(en_clean("proceed-\nings of the govern-\nments") == "proceedings of the governments");
  CHECK(en_clean("succeed-\ning and exceed-\ningly") == "succeeding and exceedingly");
  CHECK(en_clean("bed-\nroom") == "bedroom");
  // ex- keeps its hyphen before a compound's head, not inside an ex- word
  // (pdfminer.six's naacl06 paper: `Ex-\nisting IE systems`).
  CHECK(en_clean("systems. Ex-\nisting IE systems") == "systems. Existing IE systems");
  CHECK(en_clean("most ex-\nisting work, an ex-\nample, Ex-\ntracting") == "most existing work, an example, Extracting");
  CHECK(en_clean("the ex-\npresident and the ex-\nmayor") == "the ex-president and the ex-mayor");
  // The last part of a hyphenated compound keeps its hyphen.
  CHECK(en_clean("state-of-the-\nart and up-to-\ndate") == "state-of-the-art and up-to-date");
  // Found as "mixed-mode" and as "mixed mode".
  const auto doc = keys(std::string("a mixed-\nmode execution"), Lang::en, TermMode::document);
  CHECK(doc == keys("a mixed mode execution", Lang::en, TermMode::query));
  CHECK(doc == keys("a mixed-mode execution", Lang::en, TermMode::query));
}

TEST_CASE("a footnote mark against a word is a token boundary (Corporation⇤)", "[pdf_words][marks]") {
  const auto plain = keys("Mozilla Corporation", Lang::en, TermMode::query);
  for (const char* mark : {"⇤", "∗", "†", "‡", "§", "¶", "¹", "²³", "⁴"}) {
    const std::string text = std::string("Mozilla Corporation") + mark;
    INFO(text);
    const auto doc = keys(text, Lang::en, TermMode::document);
    REQUIRE(doc.size() >= plain.size());
    CHECK(std::vector<std::string>(doc.begin(), doc.begin() + 2) == plain);
  }
  CHECK(en_fold("cities†") == "citi†");
  CHECK(en_clean("Smith¹") == "Smith 1");
  // Letters and digits still glue: codes, names, powers of short units.
  CHECK(en_fold("C40 naïve") == "c40 naiv");  // the accent folded, then the stem
  CHECK(en_fold("naïve") == en_fold("naive"));
  CHECK(keys("km²", Lang::en, TermMode::query) == std::vector<std::string>{"km2"});
  CHECK(keys("Smith¹", Lang::en, TermMode::query) == std::vector<std::string>{"smith", "1"});
}

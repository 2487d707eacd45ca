// The VOSviewer thesaurus, concept mode, and the keyword table it feeds.
#include <catch2/catch.hpp>

#include <filesystem>

#include "analysis/keyword_table.h"
#include "analysis/thesaurus.h"
#include "common/error.h"
#include "lexicon/lexicon.h"
#include "store/corpus.h"

using namespace dipmine;
using analysis::keyword_key;
using analysis::Thesaurus;

namespace {
const std::string kThesaurus = std::string(DIPMINE_TEST_DATA) + "/bib/thesaurus.txt";

std::string error_of(const std::string& text) {
  try {
    Thesaurus::parse(text, "t.txt");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("a thesaurus file merges synonyms on folded keys and drops noise", "[thesaurus]") {
  const Thesaurus t = Thesaurus::load(kThesaurus);
  CHECK(t.size() == 4);  // header, comment and blank line skipped
  // Any spelling that folds like the label is caught.
  CHECK(t.apply(keyword_key("city diplomacy")) == keyword_key("urban diplomacy"));
  CHECK(t.label(keyword_key("urban diplomacy")) == "urban diplomacy");
  // Persian: the file writes Arabic yeh, the keyword Persian yeh.
  CHECK(t.apply(keyword_key("شهرهای خواهرخوانده")) == keyword_key("sister cities"));
  CHECK_FALSE(t.apply(keyword_key("Elsevier")).has_value());  // empty replacement drops
  CHECK(t.apply(keyword_key("Public diplomacy")) == keyword_key("Public diplomacy"));
  // Keys the file does not mention pass unchanged; no chaining.
  CHECK(t.apply("tourism") == "tourism");
  CHECK(t.label("tourism").empty());
  const Thesaurus identity;
  CHECK(identity.apply("anything") == "anything");
}

TEST_CASE("thesaurus errors name the file and line", "[thesaurus]") {
  CHECK(error_of("a\tb\tc\n") == "t.txt:1: more than two tab-separated fields (want label<TAB>replace by)");
  CHECK(error_of("x\ty\n\tz\n") == "t.txt:2: empty label");
  CHECK(error_of("a\tb\nA\tc\n") == "t.txt:2: `A` is already mapped to another replacement");
  CHECK(error_of("...\tb\n") == "");  // punctuation folds to itself, not to nothing
  CHECK(error_of("a\tb\nA\tb\n") == "");  // a repeated identical entry is fine
  CHECK(error_of("noise\n") == "");       // no tab: dropped
  CHECK_FALSE(Thesaurus::parse("noise\n", "t").apply(keyword_key("Noise")).has_value());
  CHECK_THROWS_WITH(Thesaurus::load("/no/such/thesaurus.txt"),
                    "/no/such/thesaurus.txt: cannot read thesaurus file");
}

TEST_CASE("concept mode maps keywords equal to a concept form to the concept", "[thesaurus]") {
  const Thesaurus t = Thesaurus::from_concepts({{"sister_city", "sister cities", "Sister cities"},
                                                {"sister_city", "شهرهای خواهرخوانده", ""},
                                                {"other", "Sister Cities", "Other"}});
  CHECK(t.apply(keyword_key("Sister cities")) == "sister_city");  // the first concept wins
  CHECK(t.apply(keyword_key("شهرهاي خواهرخوانده")) == "sister_city");
  CHECK(t.label("sister_city") == "Sister cities");
  CHECK(t.apply(keyword_key("city diplomacy")) == keyword_key("city diplomacy"));
}

TEST_CASE("concept mode from the shipped lexicon", "[thesaurus]") {
  const std::string dir = std::string(DIPMINE_SOURCE_DIR) + "/lexicons";
  if (!std::filesystem::exists(dir + "/forms.tsv")) return;  // lexicon not shipped yet
  const Thesaurus t = Thesaurus::from_option("lexicons", dir);
  CHECK(t.size() > 0);
  const lexicon::Lexicon lex = lexicon::load_lexicon(dir);
  for (const auto& f : lex.forms) {
    if (f.regex) continue;
    // Every literal form maps to a concept (possibly an earlier one with the same key).
    auto node = t.apply(keyword_key(f.form));
    REQUIRE(node.has_value());
    CHECK(lex.find(*node).has_value());
  }
}

TEST_CASE("the keyword table counts records, occurrences and years", "[thesaurus][keywords]") {
  const auto path = std::filesystem::temp_directory_path() / "dipmine-thesaurus-test.db";
  std::filesystem::remove(path);
  {
    auto corpus = store::Corpus::open(path.string(), store::OpenMode::create);
    store::Transaction tx(corpus->db());
    auto doc = [&](const char* sha, int year, std::vector<store::KeywordRecord> kws) {
      store::DocumentRecord d;
      d.path = d.name = sha;
      d.sha256 = sha;
      d.year = year;
      d.format = "ris";
      d.charset = "UTF-8";
      d.keywords = std::move(kws);
      corpus->insert(d);
    };
    auto kw = [](const char* kind, const char* word, const char* lang) {
      return store::KeywordRecord{kind, word, keyword_key(word), lang};
    };
    doc("a", 2018, {kw("author", "City diplomacy", "en"), kw("index", "city diplomacy", "en"),
                    kw("author", "Elsevier", "en")});
    doc("b", 2021, {kw("author", "City Diplomacy", "en"), kw("author", "شهرهاي خواهرخوانده", "fa")});
    doc("c", 2020, {kw("author", "city diplomacy", "en"), kw("author", "شهرهای خواهرخوانده", "fa")});
    tx.commit();
    analysis::KeywordTableOptions o;
    auto rows = analysis::keyword_table(corpus->db(), o);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].key == keyword_key("city diplomacy"));
    CHECK(rows[0].records == 3);
    CHECK(rows[0].occurrences == 4);
    CHECK(rows[0].first_year == 2018);
    CHECK(rows[0].last_year == 2021);
    CHECK(rows[0].label == "city diplomacy");  // the spelling written most often
    CHECK(rows[1].records == 2);               // the two yeh spellings meet
    CHECK(rows[1].lang == "fa");
    o.kind = "author";
    o.lang = "en";
    rows = analysis::keyword_table(corpus->db(), o);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].occurrences == 3);
    o = {};
    o.top = 1;
    CHECK(analysis::keyword_table(corpus->db(), o).size() == 1);
    const Thesaurus t = Thesaurus::load(kThesaurus);
    o = {};
    o.thesaurus = &t;
    rows = analysis::keyword_table(corpus->db(), o);
    REQUIRE(rows.size() == 2);  // Elsevier dropped
    CHECK(rows[0].label == "urban diplomacy");
    CHECK(rows[1].label == "sister cities");
  }
  std::filesystem::remove(path);
}

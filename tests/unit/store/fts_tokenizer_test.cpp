// The FTS5 tokenizer `dipmine`: hand-over of pre-computed terms, offsets into
// the original text, index kept in step with paragraphs.
#include "store/fts_tokenizer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "store/corpus.h"
#include "store/query.h"
#include "store/search.h"
#include "store_test_util.h"
#include "text/lang.h"
#include "text/normalizer.h"

using namespace dipmine::store;
using dipmine::text::Lang;
using dipmine::text::normalizer_for;
namespace fs = std::filesystem;
using store_test::corpus_paragraphs;
using store_test::document;
using store_test::TempDir;

namespace {

using Instance = std::tuple<std::string, int64_t, int64_t>;  // term, rowid, offset

std::vector<Instance> index_instances(Corpus& c) {
  c.db().exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, paragraphs_fts, instance)");
  std::vector<Instance> out;
  Statement q(c.db(), "SELECT term, doc, offset FROM temp.vocab ORDER BY term, doc, offset");
  while (q.step()) out.emplace_back(q.column_text(0), q.column_int(1), q.column_int(2));
  return out;
}

void integrity_check(Corpus& c) {
  // rank = 1 also checks the index against the content table.
  c.db().exec("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('integrity-check', 1)");
}

}  // namespace

TEST_CASE("pre-computed terms give the same index as tokenizing in the writer", "[fts]") {
  const auto paragraphs = corpus_paragraphs();
  REQUIRE(paragraphs.size() > 50);
  TempDir t;
  auto handed = Corpus::open((t.dir / "a.db").string(), OpenMode::create);
  auto computed = Corpus::open((t.dir / "b.db").string(), OpenMode::create);

  const size_t served0 = PrecomputedTerms::served(), computed0 = PrecomputedTerms::computed();
  {
    Transaction tx(handed->db());
    handed->insert(document("a", paragraphs, true));
    tx.commit();
  }
  // Every paragraph with words was served from the hand-over, none computed.
  CHECK(PrecomputedTerms::served() - served0 >= paragraphs.size() - 5);
  CHECK(PrecomputedTerms::computed() == computed0 + (paragraphs.size() - (PrecomputedTerms::served() - served0)));
  {
    Transaction tx(computed->db());
    computed->insert(document("a", paragraphs, false));
    tx.commit();
  }
  const auto a = index_instances(*handed), b = index_instances(*computed);
  REQUIRE(a.size() > 10000);
  CHECK(a == b);
  integrity_check(*handed);
}

TEST_CASE("terms from a shared prefix fold equal the terms the tokenizer computes", "[fts]") {
  const std::pair<std::string, Lang> cases[] = {
      {"Cities and networks of cities: the C40 and UCLG", Lang::en},
      {"دیپلماسی شهری در شهرهای بین المللی می شود", Lang::fa},
      {"東京都の都市外交と平和首長会議", Lang::ja},
      {"An English paragraph given as Persian", Lang::fa},  // folded again: other language
  };
  for (const auto& [text, lang] : cases) {
    INFO(text);
    const auto direct = paragraph_terms(text);
    // The language detected or given (as ingest knows it already).
    for (const Lang detected : {Lang::none, dipmine::text::detect_lang(text)}) {
      auto shared = paragraph_terms(text, lang, normalizer_for(lang).fold_for_prefix(text), detected);
      REQUIRE(shared.size() == direct.size());
      for (size_t i = 0; i < shared.size(); ++i) {
        CHECK(shared[i].key == direct[i].key);
        CHECK(shared[i].begin == direct[i].begin);
        CHECK(shared[i].end == direct[i].end);
        CHECK(shared[i].colocated == direct[i].colocated);
      }
    }
  }
}

TEST_CASE("terms handed over for another text are not used", "[fts]") {
  const std::string text = "City diplomacy", other = "Town planning";
  const auto terms = paragraph_terms(other);
  PrecomputedTerms hand(other, terms);
  TempDir t;
  auto c = Corpus::open((t.dir / "c.db").string(), OpenMode::create);
  Transaction tx(c->db());
  c->insert(document("x", {text}, false));
  tx.commit();
  CHECK(count_matches(*c, parse_query("diplomacy")).paragraphs == 1);
  CHECK(count_matches(*c, parse_query("planning")).paragraphs == 0);
}

TEST_CASE("removing documents removes them from the index (ON DELETE CASCADE)", "[fts]") {
  TempDir t;
  auto c = Corpus::open((t.dir / "c.db").string(), OpenMode::create);
  int64_t first = 0;
  {
    Transaction tx(c->db());
    first = c->insert(document("1", {"دیپلماسی شهری در تهران", "City diplomacy"}, true));
    c->insert(document("2", {"دیپلماسی شهری در ژاپن"}, true));
    tx.commit();
  }
  CHECK(count_matches(*c, parse_query("دیپلماسی")).paragraphs == 2);
  {
    Transaction tx(c->db());
    CHECK(c->remove(first));
    tx.commit();
  }
  CHECK(count_matches(*c, parse_query("دیپلماسی")).paragraphs == 1);
  CHECK(count_matches(*c, parse_query("diplomacy")).paragraphs == 0);
  CHECK(count_matches(*c, parse_query("تهران")).paragraphs == 0);
  integrity_check(*c);
  // An update of the text re-indexes the row.
  c->db().exec("UPDATE paragraphs SET text = 'Sister cities' WHERE doc_id = 2");
  CHECK(count_matches(*c, parse_query("ژاپن")).paragraphs == 0);
  CHECK(count_matches(*c, parse_query("sister")).paragraphs == 1);
  integrity_check(*c);
}

TEST_CASE("highlight marks exactly the original characters of the match", "[fts]") {
  const std::string zwnj = "\u200c";
  struct Case {
    std::string paragraph, query, marked;
  };
  const std::vector<Case> cases = {
      // ZWNJ, Arabic kaf/yeh, tatweel and harakat stay in the original.
      {"روابط بین" + zwnj + "المللی شهرها", "بینالمللی", "بین" + zwnj + "المللی"},
      {"روابط بین المللی شهرها", "بین‌المللی", "بین المللی"},
      {"نقش شــهرها در سياست", "شهرها", "شــهرها"},
      {"توسعةُ پايدار شهری", "\"توسعه پایدار\"", "توسعةُ پايدار"},
      {"Ｃｉｔｙ DIPLOMACY now", "\"city diplomacy\"", "Ｃｉｔｙ DIPLOMACY"},
      {"東京都に住む人々", "京都", "京都"},
      {"東京都に住む人々", "東京都", "東京都"},
      {"SCO都市協力で新たな連携", "都市協力", "都市協力"},
  };
  TempDir t;
  auto c = Corpus::open((t.dir / "c.db").string(), OpenMode::create);
  std::vector<std::string> texts;
  for (const auto& k : cases) texts.push_back(k.paragraph);
  int64_t doc = 0;
  {
    Transaction tx(c->db());
    doc = c->insert(document("h", texts, true));
    tx.commit();
  }
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO(cases[i].paragraph << " / " << cases[i].query);
    Statement id(c->db(), "SELECT id FROM paragraphs WHERE doc_id = ? AND ordinal = ?");
    id.bind(1, doc).bind(2, static_cast<int64_t>(i));
    REQUIRE(id.step());
    const auto parts = highlight_paragraph(*c, parse_query(cases[i].query), id.column_int(0));
    std::string whole, hits;
    for (const auto& p : parts) {
      whole += p.text;
      if (p.hit) hits += p.text;
    }
    CHECK(whole == cases[i].paragraph);  // nothing added, nothing lost
    CHECK(hits == cases[i].marked);
  }
}

TEST_CASE("a query string that is not pre-tokenised is tokenised like a query", "[fts]") {
  TempDir t;
  auto c = Corpus::open((t.dir / "c.db").string(), OpenMode::create);
  {
    Transaction tx(c->db());
    c->insert(document("q", {"روابط بین‌المللی", "City Diplomacy"}, true));
    tx.commit();
  }
  Statement q(c->db(), "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?");
  for (const char* raw : {"\"بین المللی\"", "\"CITY diplomacy\""}) {
    q.bind(1, raw);
    REQUIRE(q.step());
    CHECK(q.column_int(0) == 1);
    q.reset();
  }
}

TEST_CASE("the index fingerprint: fresh is current, a changed one is rebuilt", "[fts]") {
  TempDir t;
  auto c = Corpus::open((t.dir / "c.db").string(), OpenMode::create);
  CHECK_FALSE(index_is_stale(*c));
  CHECK_FALSE(refresh_stale_index(*c));
  c->db().exec("UPDATE fts_state SET value = 'old' WHERE key = 'tokenizer'");
  CHECK(index_is_stale(*c));
  CHECK(refresh_stale_index(*c));
  CHECK_FALSE(index_is_stale(*c));
}

TEST_CASE("optimize rebuilds an index that another tokenizer made", "[fts]") {
  TempDir t;
  auto c = Corpus::open((t.dir / "c.db").string(), OpenMode::create);
  CHECK_FALSE(optimize_index(*c, false).stale);
  c->db().exec("INSERT OR REPLACE INTO fts_state(key, value) VALUES ('tokenizer', 'old')");
  const OptimizeReport r = optimize_index(*c, false);
  CHECK(r.stale);
  CHECK(r.topk_built);
  CHECK_FALSE(index_is_stale(*c));
  CHECK_FALSE(optimize_index(*c, false).stale);
}

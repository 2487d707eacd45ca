// Rankings of concepts and dimensions on a small store filled with SQL, so that
// the expected counts can be worked out by hand (and do not depend on the
// lexicon, the matcher or ingest).
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include "analysis/rank.h"
#include "common/error.h"
#include "store/corpus.h"

using namespace dipmine;
using analysis::RankOptions;
using analysis::RankRow;

namespace {

namespace fs = std::filesystem;

// documents: 1 (2015; en paragraph 11), 2 (2020; fa 21), 3 (2022; fa 31, en 32),
//            4 (no year; ja 41)
// mentions (doc/paragraph: concept x count):
//   peace: 1/11, 2/21, 3/32       -> 3 docs, 3 mentions (en 2 docs, fa 1)
//   trade: 1/11 x5                -> 1 doc,  5 mentions
//   fest:  2/21, 3/31 x2          -> 2 docs, 3 mentions (all fa)
//   visit: 2/21, 4/41             -> 2 docs, 2 mentions
//   mou, zeta: none; net_a: 1/11, 3/31; net_b: 4/41
struct RankStore {
  fs::path dir;
  std::unique_ptr<store::Corpus> corpus;

  RankStore() {
    std::string t = (fs::temp_directory_path() / "dipmine-rank-XXXXXX").string();
    dir = mkdtemp(t.data());
    corpus = store::Corpus::open((dir / "rank.db").string(), store::OpenMode::create);
    corpus->db().exec(R"sql(
INSERT INTO concepts(id, kind, dimension, label_en) VALUES
  ('peace', 'indicator', 'security', 'Peace'),
  ('mou', 'indicator', 'security', 'MoU'),
  ('trade', 'indicator', 'economy', 'Trade'),
  ('fest', 'indicator', 'culture', 'Festivals'),
  ('visit', 'indicator', 'representation', 'Visits'),
  ('zeta', 'indicator', 'research', 'Zeta'),
  ('net_a', 'network', '', 'Network A'),
  ('net_b', 'network', '', 'Network B');
INSERT INTO documents(id, path, name, sha256, title, year, lang, format, charset, bytes) VALUES
  (1, '/d/1.txt', '1.txt', 's1', '', 2015, 'en', 'text', 'UTF-8', 1),
  (2, '/d/2.txt', '2.txt', 's2', '', 2020, 'fa', 'text', 'UTF-8', 1),
  (3, '/d/3.txt', '3.txt', 's3', '', 2022, 'fa', 'text', 'UTF-8', 1),
  (4, '/d/4.txt', '4.txt', 's4', '', NULL, 'ja', 'text', 'UTF-8', 1);
INSERT INTO paragraphs(id, doc_id, ordinal, lang, text) VALUES
  (11, 1, 0, 'en', 'p'), (21, 2, 0, 'fa', 'p'), (31, 3, 0, 'fa', 'p'),
  (32, 3, 1, 'en', 'p'), (41, 4, 0, 'ja', 'p');
INSERT INTO mentions(doc_id, paragraph_id, sentence, concept_id, start, end, form) VALUES
  (1, 11, 0, 'peace', 0, 1, 'f'), (2, 21, 0, 'peace', 0, 1, 'f'), (3, 32, 0, 'peace', 0, 1, 'f'),
  (1, 11, 0, 'trade', 0, 1, 'f'), (1, 11, 0, 'trade', 2, 3, 'f'), (1, 11, 1, 'trade', 0, 1, 'f'),
  (1, 11, 1, 'trade', 2, 3, 'f'), (1, 11, 2, 'trade', 0, 1, 'f'),
  (2, 21, 0, 'fest', 2, 3, 'f'), (3, 31, 0, 'fest', 0, 1, 'f'), (3, 31, 1, 'fest', 0, 1, 'f'),
  (2, 21, 1, 'visit', 0, 1, 'f'), (4, 41, 0, 'visit', 0, 1, 'f'),
  (1, 11, 3, 'net_a', 0, 1, 'f'), (3, 31, 2, 'net_a', 0, 1, 'f'), (4, 41, 1, 'net_b', 0, 1, 'f');
)sql");
  }
  ~RankStore() {
    corpus.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

// "rank:id:documents:mentions" per row, in order.
std::vector<std::string> summary(const std::vector<RankRow>& rows) {
  std::vector<std::string> out;
  for (const RankRow& r : rows) {
    out.push_back(std::to_string(r.rank) + ":" + r.concept_id + ":" + std::to_string(r.documents) +
                  ":" + std::to_string(r.mentions));
  }
  return out;
}

const RankRow& row(const std::vector<RankRow>& rows, const std::string& id) {
  for (const RankRow& r : rows) {
    if (r.concept_id == id) return r;
  }
  FAIL("no row " << id);
  throw;  // unreachable
}

using V = std::vector<std::string>;

RankOptions indicators() {
  RankOptions o;
  o.kind = "indicator";
  return o;
}

}  // namespace

TEST_CASE("rank by documents: ties share a rank, zeros listed, ties ordered by mentions then id",
          "[rank]") {
  RankStore s;
  const auto rows = analysis::rank_concepts(*s.corpus, indicators());
  CHECK(summary(rows) == V{"1:peace:3:3", "2:fest:2:3", "2:visit:2:2", "4:trade:1:5",
                           "5:mou:0:0", "5:zeta:0:0"});
  // Share: documents mentioning / documents in scope (all 4).
  CHECK(row(rows, "peace").share == Approx(0.75));
  CHECK(row(rows, "mou").share == 0.0);
  CHECK(row(rows, "peace").docs_by_lang == std::map<std::string, int64_t>{{"en", 2}, {"fa", 1}, {"ja", 0}});
  CHECK(row(rows, "peace").dimension == "security");
  CHECK(row(rows, "peace").label == "Peace");
}

TEST_CASE("rank by mentions orders differently from by documents", "[rank]") {
  RankStore s;
  RankOptions o = indicators();
  o.by = "mentions";
  CHECK(summary(analysis::rank_concepts(*s.corpus, o)) ==
        V{"1:trade:1:5", "2:peace:3:3", "2:fest:2:3", "4:visit:2:2", "5:mou:0:0", "5:zeta:0:0"});
}

TEST_CASE("rank --kind: networks only, both kinds without it", "[rank]") {
  RankStore s;
  RankOptions o;
  o.kind = "network";
  CHECK(summary(analysis::rank_concepts(*s.corpus, o)) == V{"1:net_a:2:2", "2:net_b:1:1"});
  o.kind = "";
  CHECK(analysis::rank_concepts(*s.corpus, o).size() == 8);
}

TEST_CASE("rank --lang counts only paragraphs in that language, share over its documents",
          "[rank]") {
  RankStore s;
  RankOptions o = indicators();
  o.lang = "fa";
  CHECK(analysis::documents_in_scope(*s.corpus, o) == 2);  // docs 2 and 3
  const auto rows = analysis::rank_concepts(*s.corpus, o);
  CHECK(summary(rows) == V{"1:fest:2:3", "2:peace:1:1", "2:visit:1:1", "4:mou:0:0",
                           "4:trade:0:0", "4:zeta:0:0"});
  CHECK(row(rows, "fest").share == Approx(1.0));
  CHECK(row(rows, "peace").docs_by_lang == std::map<std::string, int64_t>{{"en", 0}, {"fa", 1}, {"ja", 0}});
}

TEST_CASE("rank --dimension keeps that dimension's indicators only", "[rank]") {
  RankStore s;
  RankOptions o = indicators();
  o.dimension = "security";
  CHECK(summary(analysis::rank_concepts(*s.corpus, o)) == V{"1:peace:3:3", "2:mou:0:0"});
}

TEST_CASE("rank --year: a range leaves out other years and undated documents", "[rank]") {
  RankStore s;
  RankOptions o = indicators();
  analysis::parse_year_range("2016..2022", o);
  CHECK(analysis::documents_in_scope(*s.corpus, o) == 2);  // docs 2, 3 (4 has no year)
  const auto rows = analysis::rank_concepts(*s.corpus, o);
  CHECK(summary(rows) == V{"1:fest:2:3", "1:peace:2:2", "3:visit:1:1", "4:mou:0:0",
                           "4:trade:0:0", "4:zeta:0:0"});
  CHECK(row(rows, "peace").share == Approx(1.0));

  RankOptions single = indicators();
  analysis::parse_year_range("2015", single);
  CHECK(summary(analysis::rank_concepts(*s.corpus, single)).front() == "1:trade:1:5");

  RankOptions open_end = indicators();
  analysis::parse_year_range("2020..", open_end);
  CHECK(open_end.year_from == 2020);
  CHECK(!open_end.year_to);
  CHECK(analysis::documents_in_scope(*s.corpus, open_end) == 2);
  RankOptions open_start = indicators();
  analysis::parse_year_range("..2015", open_start);
  CHECK(analysis::documents_in_scope(*s.corpus, open_start) == 1);
}

TEST_CASE("rank --dimensions sums indicators by dimension", "[rank]") {
  RankStore s;
  const auto dims = analysis::rank_dimensions(*s.corpus, RankOptions{});
  std::vector<std::string> got;
  for (const auto& d : dims) {
    got.push_back(std::to_string(d.rank) + ":" + d.dimension + ":" + std::to_string(d.indicators) +
                  "/" + std::to_string(d.indicators_found) + ":" + std::to_string(d.documents) + ":" +
                  std::to_string(d.mentions));
  }
  CHECK(got == V{"1:security:2/1:3:3", "2:culture:1/1:2:3", "2:representation:1/1:2:2",
                 "4:economy:1/1:1:5", "5:cooperation:0/0:0:0", "5:development:0/0:0:0",
                 "5:research:1/0:0:0"});
  // Networks never count towards a dimension, even when kind says network.
  RankOptions o;
  o.kind = "network";
  o.by = "mentions";
  o.dimension = "economy";
  const auto economy = analysis::rank_dimensions(*s.corpus, o);
  REQUIRE(economy.size() == 1);
  CHECK(economy[0].mentions == 5);
  CHECK(economy[0].share == Approx(0.25));
}

TEST_CASE("rank option errors name the option", "[rank][errors]") {
  RankStore s;
  const auto fails = [&](RankOptions o, const std::string& starts) {
    try {
      analysis::rank_concepts(*s.corpus, o);
    } catch (const UsageError& e) {
      return std::string(e.what()).rfind(starts, 0) == 0;
    }
    return false;
  };
  RankOptions o;
  o.kind = "city";
  CHECK(fails(o, "--kind: \"city\" is not indicator or network"));
  o = {};
  o.by = "words";
  CHECK(fails(o, "--by: \"words\" is not docs or mentions"));
  o = {};
  o.lang = "de";
  CHECK(fails(o, "--lang: \"de\" is not fa, en or ja"));
  o = {};
  o.dimension = "sport";
  CHECK(fails(o, "--dimension: \"sport\" is not one of security"));
  const std::pair<const char*, const char*> bad_years[] = {
      {"abc", "--year: must be YEAR or FROM..TO, like 2015..2020 (got 'abc')"},
      {"..", "--year: '..' needs a year on at least one side"},
      {"2022..2016", "--year: the range 2022..2016 is empty (FROM is after TO)"},
      {"20x0..", "--year: must be YEAR or FROM..TO, like 2015..2020 (got '20x0..')"},
      {"..y", "--year: must be YEAR or FROM..TO, like 2015..2020 (got '..y')"}};
  for (const auto& [bad, message] : bad_years) {
    RankOptions y;
    CHECK_THROWS_WITH(analysis::parse_year_range(bad, y), message);
  }
  RankOptions sh;
  analysis::parse_year_range("۱۳۹۹..", sh);  // Solar Hijri in Persian digits, as stored
  CHECK(sh.year_from == 2020);
  CHECK_FALSE(sh.year_to);
}

// Document-level gold: loading labels-<lang>.tsv folders (with FILE:LINE errors)
// and scoring given match results, on a tiny gold whose precision and recall
// are worked out by hand below (the lexicon and matcher are not involved).
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "analysis/accuracy.h"
#include "common/error.h"

using namespace dipmine;
using analysis::DocAccuracyRow;
using analysis::DocGrouping;

namespace {

namespace fs = std::filesystem;

lexicon::Lexicon tiny_lexicon() {
  lexicon::Lexicon lex;
  auto add = [&](const char* id, lexicon::ConceptKind k) {
    lexicon::Concept c;
    c.id = id;
    c.kind = k;
    lex.concepts.push_back(c);
  };
  add("sister_city", lexicon::ConceptKind::indicator);
  add("tourism", lexicon::ConceptKind::indicator);
  add("c40", lexicon::ConceptKind::network);
  add("uclg", lexicon::ConceptKind::network);
  return lex;
}

struct GoldDir {
  fs::path dir;
  GoldDir() {
    std::string t = (fs::temp_directory_path() / "dipmine-docgold-XXXXXX").string();
    dir = mkdtemp(t.data());
    for (const char* f : {"en/a.txt", "en/b.txt", "en/c.txt", "fa/d.txt"}) write(f, "text\n");
  }
  ~GoldDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void write(const std::string& rel, const std::string& data) const {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel, std::ios::binary) << data;
  }
  std::string labels(const std::string& lang) const { return (dir / ("labels-" + lang + ".tsv")).string(); }
};

const char* kHeader = "file\tsplit\tsource\tlicence\ttitle\tyear\tindicators\tnetworks\tnote\n";

// a (dev):  gold sister_city tourism | c40          found sister_city c40 uclg
// b (dev):  gold -                   | new:foo_net  found tourism
// c (test): gold sister_city         | -            found (nothing)
// d (fa, dev): gold tourism          | c40          found tourism c40 (and an id of no kind)
// dev  indicators: gold 3 (a:2, d:1), found 3 (a, b, d), correct 2 -> P 2/3, R 2/3
// dev  networks:   gold 3 (c40 a, new:foo_net b, c40 d), found 3 (c40, uclg, c40), correct 2
// test indicators: gold 1, found 0 -> P 1, R 0
void write_tiny_gold(const GoldDir& g) {
  g.write("labels-en.tsv", std::string("# a comment\n") + kHeader +
                               "en/a.txt\tdev\thttp://a\tCC BY 4.0\tA\t2020\tsister_city tourism\tc40\t\n"
                               "en/b.txt\tdev\thttp://b\tCC BY 4.0\tB\t\t-\tnew:foo_net\tnew:foo_net=Foo\n"
                               "en/c.txt\ttest\thttp://c\tCC BY 4.0\tC\t\tsister_city\t-\n");
  g.write("labels-fa.tsv", std::string(kHeader) + "fa/d.txt\tdev\thttp://d\tCC BY 4.0\tD\t\ttourism\tc40\t\n");
}

const DocAccuracyRow& row(const std::vector<DocAccuracyRow>& rows, const std::string& split,
                          const std::string& kind, const std::string& lang,
                          const std::string& concept_id = "") {
  for (const auto& r : rows) {
    if (r.split == split && r.kind == kind && r.lang == lang && r.concept_id == concept_id) return r;
  }
  FAIL("no row " << split << " " << kind << " " << lang << " " << concept_id);
  throw 0;
}

std::string load_error(const GoldDir& g) {
  try {
    analysis::load_doc_gold(g.dir.string(), tiny_lexicon());
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("doc gold: scores per split, kind and language by hand", "[analysis][docgold]") {
  GoldDir g;
  write_tiny_gold(g);
  const lexicon::Lexicon lex = tiny_lexicon();
  const analysis::DocGold gold = analysis::load_doc_gold(g.dir.string(), lex);
  REQUIRE(gold.docs.size() == 4);
  CHECK(gold.docs[0].file == "en/a.txt");  // labels-en.tsv before labels-fa.tsv
  CHECK(gold.docs[3].lang == "fa");
  CHECK(gold.new_networks == 1);
  const std::vector<std::set<std::string>> found = {
      {"sister_city", "c40", "uclg"}, {"tourism"}, {}, {"tourism", "c40", "not_a_concept"}};

  const auto rows = analysis::evaluate_doc_gold(gold, found, lex, DocGrouping::kind_lang);
  const auto& dev_ind = row(rows, "dev", "indicator", "all");
  CHECK(dev_ind.docs == 3);
  CHECK(dev_ind.gold == 3);
  CHECK(dev_ind.found == 3);
  CHECK(dev_ind.true_positives == 2);
  CHECK(dev_ind.precision == Approx(2.0 / 3));
  CHECK(dev_ind.recall == Approx(2.0 / 3));
  CHECK(dev_ind.f1 == Approx(2.0 / 3));
  const auto& dev_net = row(rows, "dev", "network", "all");
  CHECK(dev_net.gold == 3);  // the new: network counts as gold
  CHECK(dev_net.found == 3);
  CHECK(dev_net.true_positives == 2);
  const auto& dev_net_en = row(rows, "dev", "network", "en");
  CHECK(dev_net_en.gold == 2);
  CHECK(dev_net_en.found == 2);
  CHECK(dev_net_en.true_positives == 1);
  CHECK(dev_net_en.recall == Approx(0.5));
  const auto& test_ind = row(rows, "test", "indicator", "en");
  CHECK(test_ind.precision == Approx(1.0));  // nothing found: nothing wrong
  CHECK(test_ind.recall == Approx(0.0));
  CHECK(test_ind.f1 == Approx(0.0));
  const auto& all = row(rows, "all", "all", "all");
  CHECK(all.docs == 4);
  CHECK(all.gold == 7);
  CHECK(all.found == 6);
  CHECK(all.true_positives == 4);
  for (const auto& r : rows) CHECK(r.lang != "ja");  // no Japanese documents, no rows

  SECTION("one split only") {
    for (const auto& r : analysis::evaluate_doc_gold(gold, found, lex, DocGrouping::kind_lang, "test")) {
      CHECK(r.split == "test");
    }
  }
  SECTION("per concept, with the new: network as a miss") {
    const auto by = analysis::evaluate_doc_gold(gold, found, lex, DocGrouping::concepts, "dev");
    const auto& sc = row(by, "dev", "indicator", "all", "sister_city");
    CHECK(sc.gold == 1);
    CHECK(sc.true_positives == 1);
    CHECK(sc.docs == 3);
    const auto& foo = row(by, "dev", "network", "all", "new:foo_net");
    CHECK(foo.gold == 1);
    CHECK(foo.found == 0);
    CHECK(foo.recall == Approx(0.0));
    const auto& uclg = row(by, "dev", "network", "all", "uclg");
    CHECK(uclg.precision == Approx(0.0));
  }
  SECTION("per kind and per language") {
    for (const auto& r : analysis::evaluate_doc_gold(gold, found, lex, DocGrouping::kind)) CHECK(r.lang == "all");
    for (const auto& r : analysis::evaluate_doc_gold(gold, found, lex, DocGrouping::lang)) CHECK(r.kind == "all");
    CHECK(row(analysis::evaluate_doc_gold(gold, found, lex, DocGrouping::lang), "dev", "all", "fa").true_positives == 2);
  }
}

TEST_CASE("doc gold: every bad row is an error naming its file and line", "[analysis][docgold]") {
  GoldDir g;
  const std::string row_a = "en/a.txt\tdev\ts\tl\tt\t\tsister_city\tc40\t\n";
  auto with = [&](const std::string& body) {
    g.write("labels-en.tsv", std::string(kHeader) + body);
    return load_error(g);
  };
  const std::string at2 = g.labels("en") + ":2: ", at3 = g.labels("en") + ":3: ";
  CHECK_THAT(with("en/a.txt\tdev\ts\tl\tt\t\tsister_town\t-\t\n"),
             Catch::StartsWith(at2) && Catch::Contains("unknown concept \"sister_town\""));
  CHECK_THAT(with("en/a.txt\tdev\ts\tl\tt\t\tc40\t-\t\n"),
             Catch::StartsWith(at2) && Catch::Contains("\"c40\" is a network"));
  CHECK_THAT(with("en/a.txt\tdev\ts\tl\tt\t\t-\tnew:Bad-Id\t\n"),
             Catch::StartsWith(at2) && Catch::Contains("new:Bad-Id"));
  CHECK_THAT(with("en/a.txt\tholdout\ts\tl\tt\t\t-\t-\t\n"), Catch::StartsWith(at2) && Catch::Contains("dev or test"));
  CHECK_THAT(with("en/zzz.txt\tdev\ts\tl\tt\t\t-\t-\t\n"), Catch::StartsWith(at2) && Catch::Contains("no such document"));
  CHECK_THAT(with("en/a.txt\tdev\ts\tl\tt\t20xx\t-\t-\t\n"), Catch::StartsWith(at2) && Catch::Contains("year"));
  CHECK_THAT(with("en/a.txt\tdev\ts\n"), Catch::StartsWith(at2) && Catch::Contains("9 tab-separated columns"));
  CHECK_THAT(with("en/a.txt\tdev\ts\tl\tt\t\t\t-\t\n"), Catch::StartsWith(at2) && Catch::Contains("empty indicators"));
  CHECK_THAT(with("../x.txt\tdev\ts\tl\tt\t\t-\t-\t\n"), Catch::StartsWith(at2) && Catch::Contains("inside"));
  CHECK_THAT(with(row_a + row_a), Catch::StartsWith(at3) && Catch::Contains("labelled twice"));
  g.write("labels-en.tsv", "file\tsplit\tsource\n" + row_a);
  CHECK_THAT(load_error(g), Catch::StartsWith(g.labels("en") + ":1: ") && Catch::Contains("header"));
  g.write("labels-en.tsv", std::string(kHeader) + row_a);
  CHECK(load_error(g).empty());
  g.write("labels-xx.tsv", std::string(kHeader));
  CHECK_THAT(load_error(g), Catch::StartsWith(g.labels("xx")) && Catch::Contains("fa, en or ja"));
}

TEST_CASE("doc gold: a missing folder or one without labels files is an error", "[analysis][docgold]") {
  GoldDir g;
  CHECK_THAT(load_error(g), Catch::Contains("no labels-<lang>.tsv"));
  CHECK_THROWS_WITH(analysis::load_doc_gold((g.dir / "nope").string(), tiny_lexicon()),
                    Catch::Contains("no such gold folder"));
}

TEST_CASE("doc gold: a fetched document not yet fetched is counted absent, not scored", "[analysis][docgold]") {
  GoldDir g;
  write_tiny_gold(g);
  g.write("labels-ja.tsv", std::string(kHeader) +
                               "ja/fetched/e.txt\tdev\thttp://e\tnot stored\tE\t\ttourism\t-\t\n");
  const analysis::DocGold gold = analysis::load_doc_gold(g.dir.string(), tiny_lexicon());
  CHECK(gold.docs.size() == 4);
  REQUIRE(gold.absent.size() == 1);
  CHECK(gold.absent[0] == "ja/fetched/e.txt");
  // Once fetched, it is read and scored like any other document.
  g.write("ja/fetched/e.txt", "text\n");
  const analysis::DocGold fetched = analysis::load_doc_gold(g.dir.string(), tiny_lexicon());
  CHECK(fetched.docs.size() == 5);
  CHECK(fetched.absent.empty());
  // Outside a fetched/ folder a missing file is still a broken gold.
  g.write("labels-ja.tsv", std::string(kHeader) + "ja/e2.txt\tdev\thttp://e\tx\tE\t\ttourism\t-\t\n");
  CHECK_THAT(load_error(g), Catch::Matchers::Contains("labels-ja.tsv:2: no such document"));
}

// Loading map input from the store and building whole maps (overlays,
// selection, splits), checked against the hand-worked fixture in map_fixture.h.
#include <catch2/catch.hpp>
#include <fstream>
#include <tuple>

#include "analysis/map.h"
#include "analysis/thesaurus.h"
#include "common/error.h"
#include "map_fixture.h"

using namespace dipmine::analysis;
using Catch::Matchers::Contains;
using maptest::MapStore;

namespace {

const MapNodeInfo& node(const Map& m, const std::string& key) {
  for (const auto& n : m.nodes) {
    if (n.node.key == key) return n;
  }
  FAIL("no node " << key);
  throw 0;
}

std::vector<std::string> keys(const MapInput& in) {
  std::vector<std::string> out;
  for (const auto& n : in.nodes) out.push_back(n.key);
  return out;
}

}  // namespace

TEST_CASE("map input per unit", "[map][nodes]") {
  MapStore s;
  NodeQuery q;
  q.unit = Unit::sentence;
  auto in = load_map_input(*s.corpus, q);
  CHECK(keys(in) == std::vector<std::string>{"A", "B", "C"});
  REQUIRE(in.units.size() == 5);
  CHECK(in.units[0].counts == std::vector<std::pair<int32_t, int32_t>>{{0, 1}, {1, 1}});  // 11,0: A B
  CHECK(in.units[3].counts == std::vector<std::pair<int32_t, int32_t>>{{0, 1}, {1, 2}});  // 21,0: A B B
  q.unit = Unit::paragraph;
  in = load_map_input(*s.corpus, q);
  REQUIRE(in.units.size() == 4);
  CHECK(in.units[0].counts == std::vector<std::pair<int32_t, int32_t>>{{0, 2}, {1, 1}});
  CHECK(in.units[2].lang == "fa");
  CHECK(in.units[2].year == 2020);
  q.unit = Unit::document;
  in = load_map_input(*s.corpus, q);
  REQUIRE(in.units.size() == 3);
  CHECK(in.units[0].counts == std::vector<std::pair<int32_t, int32_t>>{{0, 3}, {1, 1}, {2, 1}});
  CHECK(!in.units[2].year);
  CHECK(in.nodes[0].label == "Alpha");
  CHECK(in.nodes[0].dimension == "cooperation");
}

TEST_CASE("map input filters", "[map][nodes]") {
  MapStore s;
  NodeQuery q;
  q.kinds = {"network"};
  CHECK(keys(load_map_input(*s.corpus, q)) == std::vector<std::string>{"B"});
  q.kinds.clear();
  q.lang = "fa";
  auto in = load_map_input(*s.corpus, q);
  REQUIRE(in.units.size() == 1);
  CHECK(in.units[0].paragraph_id == 21);
  q.lang.clear();
  q.year_from = 2015;
  in = load_map_input(*s.corpus, q);
  REQUIRE(in.units.size() == 1);
  CHECK(in.units[0].doc_id == 2);
  q.year_from.reset();
  q.year_to = 2015;  // doc 3 has no year: dropped as soon as a range is given
  in = load_map_input(*s.corpus, q);
  REQUIRE(in.units.size() == 2);
  CHECK(in.units[1].doc_id == 1);
  q.year_to.reset();
  q.label_lang = "fa";
  in = load_map_input(*s.corpus, q);
  CHECK(in.nodes[0].label == "آلفا");
  CHECK(in.nodes[1].label == "Beta");  // no Persian label: falls back to English
}

TEST_CASE("a mention of an unknown concept becomes a node named by its id", "[map][nodes]") {
  MapStore s;
  s.corpus->db().exec("INSERT INTO mentions(doc_id, paragraph_id, sentence, concept_id, start, end, form) "
                      "VALUES (3, 31, 0, 'Z', 0, 1, 'z')");
  const auto in = load_map_input(*s.corpus, NodeQuery{});
  REQUIRE(in.nodes.size() == 4);
  CHECK(in.nodes[3].key == "Z");
  CHECK(in.nodes[3].label == "Z");
  CHECK(in.nodes[3].kind.empty());
}

TEST_CASE("map input rejects bad options", "[map][nodes]") {
  MapStore s;
  NodeQuery q;
  q.lang = "de";
  CHECK_THROWS_WITH(load_map_input(*s.corpus, q), Contains("--lang: 'de'"));
  q.lang.clear();
  q.year_from = 2020, q.year_to = 2010;
  CHECK_THROWS_WITH(load_map_input(*s.corpus, q), Contains("--year: the range 2020..2010 is empty (FROM is after TO)"));
  q = NodeQuery{};
  q.source = NodeSource::keywords;
  CHECK_THROWS_WITH(load_map_input(*s.corpus, q), Contains("--unit: keywords belong to whole records"));
  q.unit = Unit::document;
  q.keyword_kind = "plus";
  CHECK_THROWS_WITH(load_map_input(*s.corpus, q), Contains("--keywords: 'plus'"));
  q = NodeQuery{};
  q.source = NodeSource::terms;
  CHECK_THROWS_WITH(load_map_input(*s.corpus, q), Contains("--unit: terms are counted per document"));
  q = NodeQuery{};
  q.thesaurus = "t.txt";
  CHECK_THROWS_WITH(load_map_input(*s.corpus, q), Contains("--thesaurus: applies to --nodes keywords only"));
  CHECK_THROWS_WITH(parse_node_source("words"), Contains("--nodes: 'words'"));
  CHECK_THROWS_WITH(parse_unit("page"), Contains("--unit: 'page'"));
}

TEST_CASE("keyword nodes with a thesaurus", "[map][nodes]") {
  MapStore s;
  // keywords.key holds keyword_key(keyword), as ingest stores it.
  dipmine::store::Statement ins(s.corpus->db(),
                                "INSERT INTO keywords(doc_id, kind, keyword, key, lang) VALUES (?, ?, ?, ?, 'en')");
  const std::vector<std::tuple<int, std::string, std::string>> rows = {
      {1, "author", "City diplomacy"}, {1, "author", "Paradiplomacy"}, {2, "index", "city diplomacy"},
      {2, "author", "Sister cities"},  {3, "author", "City Diplomacy"}, {3, "author", "Twin towns"}};
  for (const auto& [doc, kind, keyword] : rows) {
    ins.bind(1, doc).bind(2, kind).bind(3, keyword).bind(4, keyword_key(keyword));
    ins.run();
  }
  const auto thesaurus = s.dir / "thesaurus.txt";
  std::ofstream(thesaurus) << "label\treplace by\nTwin towns\tSister cities\nParadiplomacy\t\n";
  NodeQuery q;
  q.source = NodeSource::keywords;
  q.unit = Unit::document;
  q.thesaurus = thesaurus.string();
  auto in = load_map_input(*s.corpus, q);
  const std::string city = keyword_key("city diplomacy"), sister = keyword_key("Sister cities");
  CHECK(keys(in) == std::vector<std::string>{city, sister});  // paradiplomacy dropped, twin towns merged
  CHECK(in.nodes[0].label == "City Diplomacy");  // spellings 1:1:1, the first in byte order wins
  CHECK(in.nodes[1].label == "Sister cities");
  REQUIRE(in.units.size() == 3);
  CHECK(in.units[2].counts == std::vector<std::pair<int32_t, int32_t>>{{0, 1}, {1, 1}});  // doc 3
  q.keyword_kind = "index";
  q.thesaurus.clear();
  in = load_map_input(*s.corpus, q);
  CHECK(keys(in) == std::vector<std::string>{city});
}

TEST_CASE("overlay years and language shares by hand", "[map][build]") {
  MapStore s;
  MapOptions opt;
  opt.query.unit = Unit::document;
  Map m = build_map(*s.corpus, opt);
  REQUIRE(m.nodes.size() == 3);
  CHECK(m.nodes[0].node.key == "B");  // 3 documents, before A (2) and C (2)
  CHECK(*node(m, "A").avg_year == Approx(2015));  // docs 1 (2010) and 2 (2020)
  CHECK(*node(m, "B").avg_year == Approx(2015));  // doc 3 has no year
  CHECK(*node(m, "C").avg_year == Approx(2010));
  opt.counting = Counting::full;
  m = build_map(*s.corpus, opt);
  CHECK(*node(m, "A").avg_year == Approx((3 * 2010 + 2020) / 4.0));
  CHECK(*node(m, "B").avg_year == Approx((2010 + 2 * 2020) / 3.0));
  CHECK(node(m, "A").occurrences == 4);
  opt.counting = Counting::binary;
  opt.query.unit = Unit::paragraph;
  m = build_map(*s.corpus, opt);
  const auto& a = node(m, "A");  // paragraphs 11 (en), 12 (en), 21 (fa)
  CHECK(a.lang_share[0] == Approx(1.0 / 3));
  CHECK(a.lang_share[1] == Approx(2.0 / 3));
  CHECK(a.lang_share[2] == 0);
  CHECK(a.documents == 2);
  CHECK(a.doc_ids == std::vector<int64_t>{1, 2});
  REQUIRE(m.documents.size() == 3);
  CHECK(m.documents[0].title == "First paper");
  CHECK(m.documents[1].title == "2.txt");  // no title: the file name
}

TEST_CASE("node selection, links and determinism", "[map][build]") {
  MapStore s;
  MapOptions opt;
  opt.query.unit = Unit::document;
  opt.min_docs = 3;
  Map m = build_map(*s.corpus, opt);
  REQUIRE(m.nodes.size() == 1);
  CHECK(m.nodes[0].node.key == "B");
  opt.min_docs = 1;
  opt.top = 2;
  m = build_map(*s.corpus, opt);
  REQUIRE(m.nodes.size() == 2);
  CHECK(m.nodes[1].node.key == "A");  // A and C tie on 2 documents; A wins by key
  REQUIRE(m.links.size() == 1);
  CHECK(m.links[0].weight == 2);  // B and A share documents 1 and 2
  CHECK(m.links[0].strength == Approx(2.0));  // a 2m / (s_a s_b) = 2 * 4 / (2 * 2)
  opt.top = 0;
  const Map x = build_map(*s.corpus, opt), y = build_map(*s.corpus, opt);
  for (size_t i = 0; i < x.nodes.size(); ++i) {
    CHECK(x.nodes[i].xy.x == y.nodes[i].xy.x);
    CHECK(x.nodes[i].cluster == y.nodes[i].cluster);
  }
}

TEST_CASE("splits recount per slice on the shared layout", "[map][build]") {
  MapStore s;
  MapOptions opt;
  opt.query.unit = Unit::document;
  opt.split = parse_split("period:2015");
  Map m = build_map(*s.corpus, opt);
  REQUIRE(m.slices.size() == 2);
  CHECK(m.slices[0].name == "before-2015");
  CHECK(m.slices[1].name == "2015-");
  const auto a = static_cast<size_t>(&node(m, "A") - &m.nodes[0]);
  const auto c = static_cast<size_t>(&node(m, "C") - &m.nodes[0]);
  CHECK(m.slices[0].occurrences[a] == 1);
  CHECK(m.slices[1].occurrences[a] == 1);
  CHECK(m.slices[1].occurrences[c] == 0);
  CHECK(m.slices[1].links.size() == 1);  // doc 2: A and B
  opt.query.unit = Unit::paragraph;
  opt.split = parse_split("lang");
  m = build_map(*s.corpus, opt);
  REQUIRE(m.slices.size() == 2);
  CHECK(m.slices[0].name == "fa");
  CHECK(m.slices[1].name == "en");
  CHECK(parse_split("period:2000,2010,2020").bounds == std::vector<int>{2000, 2010, 2020});
  CHECK_THROWS_WITH(parse_split("period:2010,2000"), Contains("--split: years must ascend"));
  CHECK_THROWS_WITH(parse_split("period:20x0"), Contains("--split: '20x0'"));
  CHECK_THROWS_WITH(parse_split("decade"), Contains("--split: 'decade' is not lang or period"));
}

TEST_CASE("an empty selection is an error", "[map][build]") {
  MapStore s;
  MapOptions opt;
  opt.min_docs = 4;
  CHECK_THROWS_WITH(build_map(*s.corpus, opt), Contains("map: no nodes"));
  opt.min_docs = 0;
  CHECK_THROWS_WITH(build_map(*s.corpus, opt), Contains("--min-docs: must be >= 1"));
  opt.min_docs = 1;
  opt.top = -1;
  CHECK_THROWS_WITH(build_map(*s.corpus, opt), Contains("--top: must be >= 0"));
}

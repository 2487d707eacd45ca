// Stop spans: a stop form's match drops the hits wholly inside it, before
// overlaps and near forms; a hit reaching out of it stays.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "lexicon/matcher.h"
#include "lexicon/stop_spans.h"

using namespace dipmine::lexicon;
using dipmine::text::Lang;

namespace {

// tourism and heritage (indicators), c40 (network), a near form for
// membership, and the stop forms given.
Lexicon stop_lexicon(const std::vector<std::pair<Lang, std::string>>& stops) {
  Lexicon lex;
  for (const char* id : {"tourism", "heritage", "c40", "membership"}) {
    Concept c;
    c.id = id;
    c.kind = std::string(id) == "c40" ? ConceptKind::network : ConceptKind::indicator;
    lex.concepts.push_back(c);
  }
  const auto add = [&](size_t k, Lang lang, const std::string& form) {
    lex.forms.push_back({.concept_index = k, .lang = lang, .form = form, .regex = false, .case_sensitive = false,
                         .note = "", .line = 0, .pattern = literal_pattern(form, lang), .near = std::nullopt});
  };
  add(0, Lang::fa, "گردشگری");
  add(1, Lang::fa, "میراث فرهنگی");
  add(0, Lang::en, "tourism");
  add(1, Lang::en, "heritage");
  add(2, Lang::en, "C40");
  NearParse p = parse_near("member ~3 @network", Lang::en);
  REQUIRE(p.error.empty());
  Form near;
  near.concept_index = 3;
  near.lang = Lang::en;
  near.form = "member ~3 @network";
  near.regex = true;
  near.pattern = p.a_pattern;
  near.near = p.proximity;
  lex.forms.push_back(near);
  for (const auto& [lang, form] : stops) lex.stops.push_back({lang, form, regex_pattern(form, lang), "", 0});
  return lex;
}

// "concept@start" for each mention (offsets into the original text).
std::vector<std::string> found(const Matcher& m, const std::string& text, Lang lang) {
  const std::vector<Mention> mentions = m.find(text, lang);
  std::vector<std::string> ids(mentions.size());
  std::transform(mentions.begin(), mentions.end(), ids.begin(), [&](const Mention& x) {
    return m.lexicon().concepts[x.concept_index].id + "@" + std::to_string(x.start);
  });
  return ids;
}

using V = std::vector<std::string>;

const std::string kMinistry =
    "(سازمان|وزارت|وزیر) میراث\\s*فرهنگی،?\\s*(صنایع\\s*دستی و گردشگری|گردشگری و صنایع\\s*دستی)";

}  // namespace

TEST_CASE("a ministry's name is no tourism or heritage mention, the words elsewhere are", "[stop]") {
  const Matcher plain(stop_lexicon({}));
  const Matcher stopped(stop_lexicon({{Lang::fa, kMinistry}}));
  const std::string name = "سازمان میراث فرهنگی، صنایع دستی و گردشگری";
  CHECK(found(plain, "معاون " + name + " گفت", Lang::fa) ==
        V{"heritage@24", "tourism@73"});
  CHECK(found(stopped, "معاون " + name + " گفت", Lang::fa).empty());
  // Other word orders, ZWNJ and joined spellings of the same name.
  CHECK(found(stopped, "وزارت میراث‌فرهنگی، گردشگری و صنایع‌دستی", Lang::fa).empty());
  CHECK(found(stopped, "وزیر میراثفرهنگی، گردشگری و صنایعدستی", Lang::fa).empty());
  // The same words outside the name still count, in the same paragraph.
  CHECK(found(stopped, name + " از رونق گردشگری خبر داد", Lang::fa) == V{"tourism@91"});
  CHECK(found(stopped, "حفظ میراث فرهنگی شهر", Lang::fa) == V{"heritage@7"});
}

TEST_CASE("stop spans: boundaries, partial overlaps, networks and near sides", "[stop]") {
  const Matcher m(stop_lexicon({{Lang::en, "Ministry of Tourism"},
                                {Lang::en, "C40 Street"},
                                {Lang::en, "member of staff"}}));
  CHECK(found(m, "The Ministry of Tourism said so.", Lang::en).empty());
  CHECK(found(m, "The Ministry of Tourism-led tourism fair", Lang::en) == V{"tourism@28"});
  // Network hits inside a stop span go too; a stop form keeps word boundaries.
  CHECK(found(m, "a shop on C40 Street", Lang::en).empty());
  CHECK(found(m, "C40 Streets", Lang::en) == V{"c40@0"});
  // A near form loses a side that lies in a stop span.
  CHECK(found(m, "a member of staff at C40", Lang::en) == V{"c40@21"});
  CHECK(found(m, "a member of C40", Lang::en) == V{"membership@2", "c40@12"});
}

TEST_CASE("stop_spans lists leftmost-longest, non-overlapping matches", "[stop]") {
  const std::vector<StopForm> stops = {{Lang::en, "", regex_pattern("ab", Lang::en), "", 1},
                                       {Lang::en, "", regex_pattern("ab cd", Lang::en), "", 2},
                                       {Lang::ja, "", regex_pattern("観光庁", Lang::ja), "", 3}};
  using S = std::vector<std::pair<uint32_t, uint32_t>>;
  CHECK(stop_spans(stops, "x ab cd ab") == S{{2, 7}, {8, 10}});
  CHECK(stop_spans(stops, "xab cd").empty());  // en keeps word boundaries
  CHECK(stop_spans(stops, "国の観光庁が") == S{{6, 15}});  // ja has none
  CHECK(stop_spans({}, "ab").empty());
  // Only the forms that may match: the same spans as all of them.
  const std::vector<uint32_t> en_only = {0}, ja_only = {2}, mixed = {0, 2}, none;
  CHECK(stop_spans(stops, "x ab ab", &en_only) == stop_spans(stops, "x ab ab"));
  CHECK(stop_spans(stops, "xab 観光庁が", &ja_only) == S{{4, 13}});
  CHECK(stop_spans(stops, "xab ab 観光庁が", &mixed) == S{{4, 6}, {7, 16}});
  CHECK(stop_spans(stops, "x ab cd ab", &none).empty());
  std::vector<Hit> inside = {{0, 2, 4}, {0, 2, 7}, {0, 5, 9}, {0, 0, 1}};
  Lexicon lex;
  lex.stops = stops;
  drop_stopped(lex, "x ab cd ab", {&inside});
  CHECK(inside.size() == 2);  // {5, 9} reaches out of [2, 7); {0, 1} is outside
  CHECK(inside[0].begin == 5);
  CHECK(inside[1].begin == 0);
}

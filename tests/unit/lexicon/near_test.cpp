// Near forms in the matcher: A within N words of B (or of any network
// mention) in one sentence, either order; the mention spans both.
#include <catch2/catch.hpp>

#include <string>

#include "lexicon/matcher.h"

using namespace dipmine::lexicon;
using dipmine::text::Lang;

namespace {

// Concepts: membership (indicator, near forms), c40 and ubc (networks, literals).
Lexicon make(const std::vector<std::pair<Lang, std::string>>& near_forms) {
  Lexicon lex;
  lex.concepts.resize(3);
  lex.concepts[0].id = "membership";
  lex.concepts[1].id = "c40";
  lex.concepts[1].kind = ConceptKind::network;
  lex.concepts[2].id = "ubc";
  lex.concepts[2].kind = ConceptKind::network;
  const auto literal = [&](size_t k, Lang lang, const std::string& form) {
    Form f;
    f.concept_index = k;
    f.lang = lang;
    f.form = form;
    f.pattern = literal_pattern(form, lang);
    lex.forms.push_back(f);
  };
  literal(1, Lang::en, "C40");
  literal(2, Lang::en, "Union of the Baltic Cities");
  literal(1, Lang::fa, "سی۴۰");
  for (const auto& [lang, form] : near_forms) {
    NearParse p = parse_near(form, lang);
    REQUIRE(p.error.empty());
    Form f;
    f.concept_index = 0;
    f.lang = lang;
    f.form = form;
    f.regex = true;
    f.pattern = p.a_pattern;
    f.near = p.proximity;
    lex.forms.push_back(f);
  }
  return lex;
}

// "concept@original text" per mention, in order.
std::vector<std::string> found(const Matcher& m, const std::string& text, Lang lang) {
  std::vector<std::string> out;
  for (const Mention& x : m.find(text, lang)) {
    out.push_back(m.lexicon().concepts[x.concept_index].id + "@" + text.substr(x.start, x.end - x.start));
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("near: within N words in either order, not beyond N", "[matcher][near]") {
  const Matcher m(make({{Lang::en, "members?|join(ed)? ~3 network(s)?"}}));
  // Three words between: within.
  CHECK(found(m, "Cities that joined this big new network", Lang::en) ==
        V{"membership@joined this big new network"});
  // Four words between: beyond.
  CHECK(found(m, "Cities that joined this big and new network", Lang::en).empty());
  // B before A.
  CHECK(found(m, "A network with many members.", Lang::en) == V{"membership@network with many members"});
  // Word boundaries hold on each side: "membership" is not "member(s)".
  CHECK(found(m, "membership of the network", Lang::en).empty());
  // The closest B is taken.
  CHECK(found(m, "networks, members and a network", Lang::en) == V{"membership@networks, members"});
}

TEST_CASE("near: a sentence boundary between A and B means no mention", "[matcher][near]") {
  const Matcher m(make({{Lang::en, "members? ~5 networks?"}}));
  CHECK(found(m, "We are members. The network grows.", Lang::en).empty());
  CHECK(found(m, "We are members of the network. It grows.", Lang::en) ==
        V{"membership@members of the network"});
}

TEST_CASE("near: @network pairs with any network mention", "[matcher][near]") {
  const Matcher m(make({{Lang::en, "members?|join(ed)? ~4 @network"},
                        {Lang::fa, "عضو(یت)? ~3 @network"}}));
  CHECK(found(m, "Kyoto joined the C40 in 2015.", Lang::en) ==
        V{"membership@joined the C40", "c40@C40"});
  CHECK(found(m, "The Union of the Baltic Cities has 70 members.", Lang::en) ==
        V{"ubc@Union of the Baltic Cities", "membership@Union of the Baltic Cities has 70 members"});
  CHECK(found(m, "Kyoto joined many groups and later, in 2015, the C40.", Lang::en) ==
        V{"c40@C40"});
  CHECK(found(m, "Kyoto joined. C40 grew.", Lang::en) == V{"c40@C40"});
  CHECK(found(m, "تهران به عضویت سی۴۰ درآمد", Lang::fa) ==
        V{"membership@عضویت سی۴۰", "c40@سی۴۰"});
  CHECK(found(m, "Members met.", Lang::en).empty());
}

TEST_CASE("near: the sides are found by Hyperscan like any form", "[matcher][near]") {
  const Matcher m(make({{Lang::en, "member ~2 network"}}));
  CHECK(m.re2_fallback_patterns() == 0);
  CHECK(m.scan("member of network", Lang::en).size() == 1);
}

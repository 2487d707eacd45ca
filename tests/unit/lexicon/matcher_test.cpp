// The matcher: fold variants, word boundaries, overlaps, case flags, offsets;
// near forms (A within N words of B or of a network mention, one sentence).
#include <catch2/catch.hpp>

#include <string>
#include <thread>

#include "lexicon/matcher.h"

using namespace dipmine::lexicon;
using dipmine::text::Lang;

namespace {

// A lexicon built in memory: (concept, kind, lang, form, regex, case-sensitive).
struct F {
  std::string concept_id;
  ConceptKind kind;
  Lang lang;
  std::string form;
  bool regex = false, cs = false;
};

Lexicon make(const std::vector<F>& forms) {
  Lexicon lex;
  for (const F& f : forms) {
    auto k = lex.find(f.concept_id);
    if (!k) {
      Concept c;
      c.id = f.concept_id;
      c.kind = f.kind;
      lex.concepts.push_back(c);
      k = lex.concepts.size() - 1;
    }
    Form x;
    x.concept_index = *k;
    x.lang = f.lang;
    x.form = f.form;
    x.regex = f.regex;
    x.case_sensitive = f.cs;
    x.pattern = f.regex ? "(?i:" + f.form + ")" : literal_pattern(f.form, f.lang);
    lex.forms.push_back(x);
  }
  return lex;
}

// "concept@matched-original-text" for each mention.
std::vector<std::string> found(const Matcher& m, const std::string& text, Lang lang) {
  std::vector<std::string> out;
  for (const Mention& x : m.find(text, lang)) {
    out.push_back(m.lexicon().concepts[x.concept_index].id + "@" + text.substr(x.start, x.end - x.start));
  }
  return out;
}

using V = std::vector<std::string>;

// Concepts: membership (indicator, near forms), c40 and ubc (networks, literals).
Lexicon near_lexicon(const std::vector<std::pair<Lang, std::string>>& near_forms) {
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

constexpr auto I = ConceptKind::indicator;
constexpr auto N = ConceptKind::network;

}  // namespace

TEST_CASE("English: case-insensitive literal, hyphen/space variants, boundaries", "[matcher]") {
  Matcher m(make({{"sister_city", I, Lang::en, "sister city"}}));
  CHECK(found(m, "Sister City links and a sister-city pact.", Lang::en) ==
        V{"sister_city@Sister City", "sister_city@sister-city"});
  CHECK(found(m, "sister\ncity", Lang::en) == V{"sister_city@sister\ncity"});
  CHECK(found(m, "sistercity, sister cityhood, foster city", Lang::en).empty());
}

TEST_CASE("Persian: one literal matches ZWNJ, no-ZWNJ and space forms, yeh/kaf", "[matcher][fold]") {
  Matcher m(make({{"intl", I, Lang::fa, "بین\u200cالمللی"}}));
  CHECK(found(m, "همکاری بین\u200cالمللی", Lang::fa) == V{"intl@بین\u200cالمللی"});
  CHECK(found(m, "همکاری بینالمللی", Lang::fa) == V{"intl@بینالمللی"});
  CHECK(found(m, "همکاری بین المللی", Lang::fa) == V{"intl@بین المللی"});
  // Arabic yeh: needs the Persian fold (yeh/kaf unification).
  CHECK(found(m, "همکاري بين المللي", Lang::fa) == V{"intl@بين المللي"});
}

TEST_CASE("Persian: word boundaries hold on letters, not on punctuation", "[matcher]") {
  Matcher m(make({{"tourism", I, Lang::fa, "گردشگری"}}));
  CHECK(found(m, "توسعه گردشگری، و (گردشگری)", Lang::fa) ==
        V{"tourism@گردشگری", "tourism@گردشگری"});
  CHECK(found(m, "گردشگریها", Lang::fa).empty());
}

TEST_CASE("Japanese: substrings match, Latin words keep their boundaries", "[matcher]") {
  Matcher m(make({{"sco", N, Lang::ja, "上海協力機構"}, {"sco", N, Lang::ja, "SCO"}}));
  CHECK(found(m, "上海協力機構(SCO)が", Lang::ja) == V{"sco@上海協力機構", "sco@SCO"});
  CHECK(found(m, "SCOサミット都市", Lang::ja) == V{"sco@SCO"});
  CHECK(found(m, "DISCOの夜", Lang::ja).empty());
}

TEST_CASE("Japanese: full-width Latin meets a half-width form", "[matcher][fold]") {
  Matcher m(make({{"sco", N, Lang::ja, "SCO"}}));
  CHECK(found(m, "ＳＣＯ都市", Lang::ja) == V{"sco@ＳＣＯ"});
}

TEST_CASE("Japanese: a word-final long vowel mark, written or not, in literal and regex forms",
          "[matcher][fold]") {
  Lexicon lex = make({{"network_membership", I, Lang::ja, "メンバー都市"},
                      {"advocacy_lobbying", I, Lang::ja, "(政策提言|アドボカシー)", true}});
  lex.forms[1].pattern = regex_pattern(lex.forms[1].form, Lang::ja);  // as the loader does
  CHECK(lex.forms[1].pattern == "(?i:(政策提言|アドボカシ))");
  Matcher m(std::move(lex));
  CHECK(found(m, "メンバ都市とアドボカシ活動", Lang::ja) ==
        V{"network_membership@メンバ都市", "advocacy_lobbying@アドボカシ"});
  // The hit covers the mark in the original text.
  CHECK(found(m, "メンバー都市とアドボカシー活動", Lang::ja) ==
        V{"network_membership@メンバー都市", "advocacy_lobbying@アドボカシー"});
}

TEST_CASE("case-sensitive literal and regex forms", "[matcher]") {
  Matcher m(make({{"metropolis", N, Lang::en, "Metropolis", false, true},
                  {"ubc", N, Lang::en, "UBC", false, true},
                  {"mou", I, Lang::en, "MoUs?", true, true}}));
  CHECK(found(m, "Metropolis and UBC signed MoUs", Lang::en) ==
        V{"metropolis@Metropolis", "ubc@UBC", "mou@MoUs"});
  CHECK(found(m, "a metropolis, the ubc campus, METROPOLIS, mous", Lang::en).empty());
}

TEST_CASE("overlaps: leftmost then longest, per kind", "[matcher]") {
  Matcher m(make({{"unesco_ccn", N, Lang::en, "Creative Cities Network"},
                  {"seaccn", N, Lang::en, "Southeast Asian Creative Cities Network"},
                  {"network_membership", I, Lang::en, "cities network"},
                  {"sd_mou", I, Lang::en, "memorandum of understanding on sustainable development"},
                  {"bilateral", I, Lang::en, "memorandum of understanding"}}));
  CHECK(found(m, "the Southeast Asian Creative Cities Network", Lang::en) ==
        V{"seaccn@Southeast Asian Creative Cities Network", "network_membership@Cities Network"});
  CHECK(found(m, "a memorandum of understanding on sustainable development and a memorandum of "
                 "understanding",
              Lang::en) ==
        V{"sd_mou@memorandum of understanding on sustainable development",
          "bilateral@memorandum of understanding"});
}

TEST_CASE("regex forms: spaces, alternation, offsets map to the original", "[matcher]") {
  Lexicon lex = make({{"fi", I, Lang::en, "(foreign|international)\\s+investments?", true}});
  Matcher m(std::move(lex));
  const std::string t = "Attracting FOREIGN   Investment matters.";
  const auto ms = m.find(t, Lang::en);
  REQUIRE(ms.size() == 1);
  CHECK(t.substr(ms[0].start, ms[0].end - ms[0].start) == "FOREIGN   Investment");
}

TEST_CASE("scan on folded text and use from several threads", "[matcher]") {
  Matcher m(make({{"tourism", I, Lang::en, "tourism"}, {"c40", N, Lang::en, "c40"}}));
  CHECK(m.scan("tourism and c40, not c400").size() == 2);
  int counts[2] = {0, 0};
  std::thread a([&] { counts[0] = static_cast<int>(m.find("Tourism, C40 tourism", Lang::en).size()); });
  std::thread b([&] { counts[1] = static_cast<int>(m.find("C40", Lang::en).size()); });
  a.join();
  b.join();
  CHECK(counts[0] == 3);
  CHECK(counts[1] == 1);
}

TEST_CASE("invalid UTF-8 and empty text never crash", "[matcher]") {
  Matcher m(make({{"tourism", I, Lang::en, "tourism"}}));
  CHECK(m.find("", Lang::en).empty());
  CHECK(found(m, std::string("\xff\xfe tourism \xc3"), Lang::en).size() == 1);
}

TEST_CASE("forms without a usable atom still match, the atom filter never loses a match",
          "[matcher]") {
  // u\w+: no atom (under 3 bytes), no string to list (\w+ unbounded, "u"
  // too short a beginning): the form runs its RE2 on every paragraph.
  Matcher m(make({{"un", N, Lang::en, "u\\w+", true},
                  {"cultural_exchange", I, Lang::en, "(cultural|cross-cultural) (exchanges?|ties)", true},
                  {"tourism", I, Lang::en, "touris(m|ts?)", true}}));
  CHECK(m.unfiltered_forms() == 1);
  CHECK(found(m, "The UN and cultural ties", Lang::en) == V{"un@UN", "cultural_exchange@cultural ties"});
  // Atoms present but no match: "cultural" and "exchange" far apart, "tourist" inside a word.
  CHECK(found(m, "cultural policy and an exchange; tourists", Lang::en) == V{"tourism@tourists"});
  CHECK(found(m, "cultural policy and an exchange; pretourism", Lang::en).empty());
}

TEST_CASE("a pattern RE2 rejects: the matcher names the form's line", "[matcher][errors]") {
  Lexicon lex = make({{"tourism", I, Lang::en, "touris(m", true}});
  lex.forms[0].line = 7;
  CHECK_THROWS_WITH(Matcher(std::move(lex)),
                    Catch::Matchers::StartsWith("forms.tsv:7: RE2 cannot compile \"touris(m\": "));
}

TEST_CASE("near: within N words in either order, not beyond N", "[matcher][near]") {
  const Matcher m(near_lexicon({{Lang::en, "members?|join(ed)? ~3 network(s)?"}}));
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
  const Matcher m(near_lexicon({{Lang::en, "members? ~5 networks?"}}));
  CHECK(found(m, "We are members. The network grows.", Lang::en).empty());
  CHECK(found(m, "We are members of the network. It grows.", Lang::en) ==
        V{"membership@members of the network"});
}

TEST_CASE("near: @network pairs with any network mention", "[matcher][near]") {
  const Matcher m(near_lexicon({{Lang::en, "members?|join(ed)? ~4 @network"},
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

TEST_CASE("near: scan() on folded text, sentences from the folded text", "[matcher][near]") {
  const Matcher m(near_lexicon({{Lang::en, "member ~2 network"}}));
  CHECK(m.scan("member of network", Lang::en).size() == 1);
  CHECK(m.scan("member of the big network", Lang::en).empty());
}

TEST_CASE("near: a near mention over a plain mention of its concept is one mention",
          "[matcher][near]") {
  // membership has a plain literal too; its near form spans the literal.
  Lexicon lex = near_lexicon({{Lang::en, "members? ~5 network"}});
  Form plain;
  plain.concept_index = 0;
  plain.lang = Lang::en;
  plain.form = "creative cities network";
  plain.pattern = literal_pattern(plain.form, Lang::en);
  lex.forms.push_back(plain);
  const Matcher m(std::move(lex));
  // Before: membership@member of the creative cities network and
  // membership@creative cities network (two mentions of one concept over
  // the same words). Now the plain form's mention alone.
  CHECK(found(m, "Our city is a member of the creative cities network.", Lang::en) ==
        V{"membership@creative cities network"});
  // A near mention beside, not over, a plain one stays.
  CHECK(found(m, "A member of a network. The creative cities network.", Lang::en) ==
        V{"membership@member of a network", "membership@creative cities network"});
  // Over a plain mention of another concept: both stay (c40 is a network).
  CHECK(found(m, "Members of the C40 network", Lang::en) ==
        V{"membership@Members of the C40 network", "c40@C40"});
}

TEST_CASE("scan() of text that is not folded: every form by its own RE2", "[matcher]") {
  // Capitals (or ZWNJ, U+212A, U+017F) void the listed strings, which assume
  // folded text: the forms' RE2s decide, as for any text.
  const Matcher m(make({{"sister_city", I, Lang::en, "sister city"},
                        {"tourism", I, Lang::en, "touris(m|ts?)", true}}));
  // The literal's pattern is case-sensitive (folded forms meet folded text);
  // the regex is (?i).
  CHECK(m.scan("Sister City and TOURISM", Lang::en).size() == 1);
  CHECK(m.scan("sister city and tourism", Lang::en).size() == 2);
  // ZWNJ between the words of the English glue is no glue.
  CHECK(m.scan("sister\xE2\x80\x8C" "city tourists", Lang::en).size() == 1);
}

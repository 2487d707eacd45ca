// End-to-end: proximity (near) forms, checked by `lexicon check` with
// FILE:LINE, and matched by ingest (membership near a network's name).
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

void write_lexicon(const Sandbox& s, const std::string& extra_forms) {
  e2e::write_file(s.dir() / "lex" / "concepts.tsv",
                  "id\tkind\tdimension\tlabel_en\tlabel_fa\tlabel_ja\tfounded\tseat\tscale\n"
                  "membership\tindicator\tcooperation\tnetwork membership\tعضویت\t加盟\t\t\t\n"
                  "c40\tnetwork\t\tC40\tسی۴۰\tC40\t2005\tLondon\tglobal\n");
  e2e::write_file(s.dir() / "lex" / "forms.tsv",
                  "concept\tlang\tform\ttype\tcase\tnote\n"
                  "membership\tfa\tعضویت\tliteral\t\t\n"
                  "membership\tja\t加盟\tliteral\t\t\n"
                  "c40\ten\tC40\tliteral\t\t\n"
                  "c40\tfa\tسی۴۰\tliteral\t\t\n"
                  "c40\tja\tC40\tliteral\t\t\n" + extra_forms);
}

}  // namespace

TEST_CASE("lexicon check reports each broken near form with file:line", "[lexicon][near]") {
  Sandbox s;
  write_lexicon(s,
                "membership\ten\tmember|join ~5 @network\tnear\t\tfine\n"
                "membership\ten\tmember ~40 network\tnear\t\tN too large\n"
                "membership\ten\tmember ~ network\tnear\t\tno N\n"
                "membership\ten\t(member ~5 network\tnear\t\tbad A\n"
                "membership\ten\tmember ~5 @town\tnear\t\tunknown class\n");
  const std::string forms = (s.dir() / "lex" / "forms.tsv").string();
  const auto r = s.run({"lexicon", "check", (s.dir() / "lex").string()});
  CHECK(r.code == 1);
  CHECK(r.out.find(forms + ":8: near form \"member ~40 network\": N = 40 is out of range (1-30)") !=
        std::string::npos);
  CHECK(r.out.find(forms + ":9: near form \"member ~ network\": N after ~ must be a whole number") !=
        std::string::npos);
  CHECK(r.out.find(forms + ":10: near form, side A: regex rejected by RE2: missing )") !=
        std::string::npos);
  CHECK(r.out.find(forms + ":11: near form \"member ~5 @town\": unknown class \"@town\" (only @network)") !=
        std::string::npos);
  CHECK(r.out.find(":7:") == std::string::npos);
  CHECK(r.out.find("4 errors") != std::string::npos);
}

TEST_CASE("ingest counts a near form: membership within N words of a network", "[lexicon][near]") {
  Sandbox s;
  write_lexicon(s, "membership\ten\tmembers?|join(ed|s)? ~4 @network\tnear\t\t\n");
  e2e::write_file(s.dir() / "a.txt",
                  "Our city joined the C40 network in 2015.\n\n"
                  "Members of the press met. Later the C40 mayors came.\n\n"
                  "The C40 welcomes members.\n");
  auto r = s.ingest_with_lexicons(s.dir() / "lex", "a.txt");
  INFO(r.err);
  REQUIRE(r.code == 0);
  r = s.run({"mentions"});
  // Paragraphs 1 and 3 (either order); paragraph 2 has them in two sentences.
  CHECK(r.out == "doc\tfile\tconcept\tkind\tmentions\tparagraphs\n"
                 "1\ta.txt\tc40\tnetwork\t3\t3\n"
                 "1\ta.txt\tmembership\tindicator\t2\t2\n");
}

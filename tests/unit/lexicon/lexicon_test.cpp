// The lexicon loader: a good folder loads; every error message has a case.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "lexicon/lexicon.h"

namespace fs = std::filesystem;
using namespace dipmine::lexicon;

namespace {

const char* kConceptHeader = "id\tkind\tdimension\tlabel_en\tlabel_fa\tlabel_ja\tfounded\tseat\tscale\n";
const char* kFormHeader = "concept\tlang\tform\ttype\tcase\tnote\n";

struct TempLexicon {
  fs::path dir;
  TempLexicon(const std::string& concepts, const std::string& forms) {
    dir = fs::temp_directory_path() / ("dipmine-lex-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(counter()++));
    fs::create_directories(dir);
    std::ofstream(dir / "concepts.tsv") << concepts;
    std::ofstream(dir / "forms.tsv") << forms;
  }
  ~TempLexicon() { fs::remove_all(dir); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

std::string good_concepts() {
  return std::string(kConceptHeader) +
         "sister_city\tindicator\tcooperation\tsister cities\tخواهرخواندگی\t姉妹都市\t\t\t\n"
         "ubc\tnetwork\t\tUnion of the Baltic Cities\tاتحادیه شهرهای بالتیک\tバルト海都市連合\t1991\tGdańsk\tregional\n";
}

std::string all_langs(const std::string& extra = "") {
  return std::string(kFormHeader) +
         "sister_city\ten\tsister city\tliteral\t\t\n"
         "sister_city\tfa\tخواهرخواندگی\tliteral\t\t\n"
         "sister_city\tja\t姉妹都市\tliteral\t\t\n"
         "ubc\ten\tUBC\tliteral\tyes\t\n"
         "ubc\tfa\tاتحادیه شهرهای بالتیک\tliteral\t\t\n"
         "ubc\tja\tバルト海都市連合\tliteral\t\t\n" + extra;
}

// The one error message of checking these files.
std::string only_error(const std::string& concepts, const std::string& forms) {
  TempLexicon t(concepts, forms);
  const LexiconCheck c = check_lexicon(t.dir.string());
  std::string errors;
  for (const auto& i : c.issues) {
    if (!i.warning) errors += i.text().substr(t.dir.string().size() + 1) + "\n";
  }
  return errors;
}

}  // namespace

TEST_CASE("a good lexicon loads with concepts, forms and metadata", "[lexicon]") {
  TempLexicon t(good_concepts(), all_langs());
  const Lexicon lex = load_lexicon(t.dir.string());
  REQUIRE(lex.concepts.size() == 2);
  REQUIRE(lex.forms.size() == 6);
  CHECK(lex.warnings.empty());
  CHECK(lex.concepts[1].meta_json() == R"({"founded":1991,"seat":"Gdańsk","scale":"regional"})");
  CHECK(lex.forms[3].case_sensitive);
  CHECK(lex.find("ubc") == 1u);
  // A space in a regex matches any run of white space (PDF line breaks).
  TempLexicon r(good_concepts(), all_langs("ubc\ten\tbaltic [a-z]ities\tregex\t\t\n"));
  CHECK(load_lexicon(r.dir.string()).forms.back().pattern == "(?i:baltic\\s+[a-z]ities)");
}

TEST_CASE("the shipped lexicon checks clean with 32 indicators", "[lexicon]") {
  const LexiconCheck c = check_lexicon(std::string(DIPMINE_SOURCE_DIR) + "/lexicons");
  for (const auto& i : c.issues) INFO(i.text());
  REQUIRE(c.ok());
  CHECK(c.issues.empty());
  int indicators = 0;
  for (const auto& k : c.lexicon.concepts) indicators += k.kind == ConceptKind::indicator;
  CHECK(indicators == 32);
  for (const char* id : {"intl_membership", "sd_mou", "knowledge_services_exchange", "cultural_exchange",
                         "dialogue", "urban_projects", "foreign_taxes", "mayors_for_peace", "metropolis",
                         "ubc", "sco", "anmc21", "global_parliament_mayors"}) {
    CHECK(c.lexicon.find(id));
  }
}

TEST_CASE("every loader error names file and line", "[lexicon]") {
  const std::string C = good_concepts();
  CHECK(only_error(C, all_langs("nosuch\ten\tx\tliteral\t\t\n")) ==
        "forms.tsv:8: unknown concept \"nosuch\" (not in concepts.tsv)\n");
  CHECK(only_error(C, all_langs("ubc\tde\tx\tliteral\t\t\n")) ==
        "forms.tsv:8: bad language \"de\" (fa, en or ja)\n");
  CHECK(only_error(C, all_langs("ubc\ten\tx\tglob\t\t\n")) ==
        "forms.tsv:8: bad type \"glob\" (literal, regex, near or stop)\n");
  CHECK(only_error(C, all_langs("ubc\ten\tx\tliteral\tmaybe\t\n")) ==
        "forms.tsv:8: bad case flag \"maybe\" (yes, no or empty)\n");
  CHECK(only_error(C, all_langs("ubc\ten\t\tliteral\t\t\n")) == "forms.tsv:8: empty form\n");
  CHECK(only_error(C, all_langs("ubc\ten\tbaltic (cities\tregex\t\t\n")).rfind(
            "forms.tsv:8: regex rejected by RE2: missing )", 0) == 0);
  CHECK(only_error(C, all_langs("ubc\ten\t(baltic)?\tregex\t\t\n")) ==
        "forms.tsv:8: regex \"(baltic)?\" matches the empty string\n");
  // Found by fuzzing (tests/fuzz/regressions/lexicon): the matcher compiles the
  // folded pattern, where a full-width paren is syntax and a lone ZWNJ is gone.
  CHECK(only_error(C, all_langs("ubc\tfa\tشهر\uff08ها\tregex\t\t\n")).rfind(
            "forms.tsv:8: regex \"شهر\uff08ها\" is rejected by RE2 once its letters are folded "
            "((?i:شهر(ها)): missing )", 0) == 0);
  CHECK(only_error(C, all_langs("ubc\tfa\t\u200c\tregex\t\t\n")) ==
        "forms.tsv:8: regex \"\u200c\" matches the empty string once its letters are folded "
        "((?i:))\n");
  CHECK(only_error(C, all_langs("ubc\ten\t\u200c - \tliteral\t\t\n")) ==
        "forms.tsv:8: form \"\u200c -\" folds to nothing\n");
  CHECK(only_error(C, all_langs("sister_city\ten\tSister-City\tliteral\t\t\n")) ==
        "forms.tsv:8: duplicate form \"Sister-City\" (forms.tsv line 2 has the same form after folding)\n");
  CHECK(only_error(C, all_langs("ubc\ten\tx\tliteral\n")) ==
        "forms.tsv:8: expected 6 tab-separated columns, found 4\n");
  CHECK(only_error(C, "concept\tlanguage\tform\n") ==
        "forms.tsv:1: header must be \"concept\tlang\tform\ttype\tcase\tnote\"\n");
  CHECK(only_error(C, "") ==
        "forms.tsv: empty file (header \"concept\tlang\tform\ttype\tcase\tnote\" missing)\n");

  const std::string F = all_langs();
  CHECK(only_error(C + "Bad-Id\tindicator\tculture\t\t\t\t\t\t\n", F) ==
        "concepts.tsv:4: bad concept id \"Bad-Id\" (use a-z, 0-9 and _)\n");
  CHECK(only_error(C + "ubc\tnetwork\t\t\t\t\t\t\t\n", F) ==
        "concepts.tsv:4: duplicate concept id \"ubc\" (first on line 3)\n");
  CHECK(only_error(C + "x\tthing\t\t\t\t\t\t\t\n", F) ==
        "concepts.tsv:4: bad kind \"thing\" (indicator or network)\n");
  CHECK(only_error(C + "x\tindicator\tsport\t\t\t\t\t\t\n", F) ==
        "concepts.tsv:4: bad dimension \"sport\" for indicator x (one of: security, economy, culture, "
        "cooperation, representation, development, research)\n");
  CHECK(only_error(C + "x\tnetwork\tculture\t\t\t\t\t\t\n", F) ==
        "concepts.tsv:4: network x has a dimension \"culture\" (leave it empty)\n");
  CHECK(only_error(C + "x\tnetwork\t\t\t\t\t19x1\t\t\n", F) ==
        "concepts.tsv:4: bad founded year \"19x1\" (four digits or empty)\n");
}

TEST_CASE("near forms: read into two patterns and N, each broken one named with its line",
          "[lexicon][near]") {
  const std::string C = good_concepts();
  {
    TempLexicon t(C, all_langs("sister_city\ten\tmember|join(ed)? ~5 @network\tnear\t\t\n"
                               "sister_city\tfa\tعضو ~3 شبکه(ها)?\tnear\t\t\n"));
    const Lexicon lex = load_lexicon(t.dir.string());
    REQUIRE(lex.forms.size() == 8);
    const Form& en = lex.forms[6];
    REQUIRE(en.near);
    CHECK(en.regex);
    CHECK(en.pattern == "(?i:member|join(ed)?)");
    CHECK(en.near->any_network);
    CHECK(en.near->words == 5);
    REQUIRE(lex.forms[7].near);
    CHECK(lex.forms[7].near->b_pattern == "(?i:شبکه(ها)?)");
    CHECK(lex.forms[7].near->words == 3);
  }
  const auto near = [&](const std::string& form, const std::string& c = "") {
    return only_error(C, all_langs("sister_city\ten\t" + form + "\tnear\t" + c + "\t\n"));
  };
  CHECK(near("member network") ==
        "forms.tsv:8: near form \"member network\" has no \" ~N \": write a near form as \"A ~N B\" "
        "(N: words between, 1-30)\n");
  CHECK(near("member ~ network") ==
        "forms.tsv:8: near form \"member ~ network\": N after ~ must be a whole number: write a near "
        "form as \"A ~N B\" (N: words between, 1-30)\n");
  CHECK(near("member ~5x network").rfind("forms.tsv:8: near form \"member ~5x network\": N after ~", 0) == 0);
  CHECK(near("member ~31 network") ==
        "forms.tsv:8: near form \"member ~31 network\": N = 31 is out of range (1-30)\n");
  CHECK(near("member ~0 network") ==
        "forms.tsv:8: near form \"member ~0 network\": N = 0 is out of range (1-30)\n");
  CHECK(near("member ~5 @city") ==
        "forms.tsv:8: near form \"member ~5 @city\": unknown class \"@city\" (only @network)\n");
  CHECK(near("@network ~5 member") ==
        "forms.tsv:8: near form \"@network ~5 member\": A must be a regex (only B may be @network)\n");
  CHECK(near("(member ~5 network").rfind("forms.tsv:8: near form, side A: regex rejected by RE2: missing )", 0) == 0);
  CHECK(near("member ~5 net(work").rfind("forms.tsv:8: near form, side B: regex rejected by RE2: missing )", 0) == 0);
  CHECK(near("member ~5 (x)?") == "forms.tsv:8: near form, side B: regex \"(x)?\" matches the empty string\n");
  CHECK(near("member ~5 \uff08x").rfind(
            "forms.tsv:8: near form, side B: regex \"\uff08x\" is rejected by RE2 once", 0) == 0);
  CHECK(near("member ~5") .rfind("forms.tsv:8: near form \"member ~5\": B is empty", 0) == 0);
  CHECK(near("member ~5 network", "yes") ==
        "forms.tsv:8: a near form is matched without case (leave case empty)\n");
  CHECK(only_error(C, all_langs("sister_city\ten\tmember ~5 network\tnear\t\t\n"
                                "ubc\ten\tmember  ~5  network\tnear\t\t\n")) ==
        "forms.tsv:9: duplicate form \"member  ~5  network\" (forms.tsv line 8 has the same form after folding)\n");
}

TEST_CASE("missing folder and files are errors", "[lexicon]") {
  const LexiconCheck none = check_lexicon("/nonexistent/lexicons");
  REQUIRE(none.issues.size() == 1);
  CHECK(none.issues[0].text() == "/nonexistent/lexicons: no lexicon folder here");
  TempLexicon t(good_concepts(), all_langs());
  fs::remove(t.dir / "forms.tsv");
  const LexiconCheck c = check_lexicon(t.dir.string());
  REQUIRE(c.errors() == 1);
  CHECK(c.issues[0].text() == (t.dir / "forms.tsv").string() + ": cannot read the file (No such file or directory)");
}

TEST_CASE("warning: a concept missing a language, regex letters are folded", "[lexicon]") {
  TempLexicon t(good_concepts(), std::string(kFormHeader) +
                                     "sister_city\ten\tsister city\tliteral\t\t\n"
                                     "ubc\ten\tUBC\tliteral\tyes\t\n"
                                     "ubc\tfa\tاتحادیه\\s*شهرهاي\tregex\t\t\n"
                                     "ubc\tja\tバルト海都市連合\tliteral\t\t\n");
  const LexiconCheck c = check_lexicon(t.dir.string());
  REQUIRE(c.ok());
  std::vector<std::string> texts;
  for (const auto& i : c.issues) texts.push_back(i.text().substr(t.dir.string().size() + 1));
  REQUIRE(texts.size() == 1);
  CHECK(texts[0] == "concepts.tsv:2: warning: concept sister_city has no form in fa, ja");
  CHECK(c.lexicon.forms[2].pattern == "(?i:اتحادیه\\s*شهرهای)");  // Arabic yeh folded
}

TEST_CASE("load_lexicon throws the first error and how many more", "[lexicon]") {
  TempLexicon t(good_concepts(), all_langs("nosuch\ten\tx\tliteral\t\t\nubc\tde\tx\tliteral\t\t\n"));
  try {
    load_lexicon(t.dir.string());
    FAIL("no exception");
  } catch (const dipmine::Error& e) {
    const std::string m = e.what();
    CHECK(m.find("forms.tsv:8: unknown concept \"nosuch\"") != std::string::npos);
    CHECK(m.find("(and 1 more: run `dipmine lexicon check") != std::string::npos);
  }
}

TEST_CASE("resolve_lexicon_dir: flag, then environment", "[lexicon]") {
  CHECK(resolve_lexicon_dir("/x") == "/x");
  ::setenv("DIPMINE_LEXICONS", "/from/env", 1);
  CHECK(resolve_lexicon_dir("") == "/from/env");
  ::unsetenv("DIPMINE_LEXICONS");
  CHECK(!resolve_lexicon_dir("").empty());
}

TEST_CASE("lexicon folders: ./lexicons, beside the program, then the source tree", "[lexicon]") {
  const std::vector<std::string> c = lexicon_dir_candidates("/opt/dipmine/bin/dipmine");
  REQUIRE(c.size() == 4);
  CHECK(c[0] == "lexicons");
  CHECK(c[1] == "/opt/dipmine/share/dipmine/lexicons");
  CHECK(c[2] == "/opt/dipmine/bin/lexicons");
  CHECK(c[3] == std::string(DIPMINE_SOURCE_DIR) + "/lexicons");
  CHECK(lexicon_dir_candidates("").size() == 2);
  CHECK(first_lexicon_dir({"/nonexistent/a", DIPMINE_SOURCE_DIR}) == DIPMINE_SOURCE_DIR);
  try {
    first_lexicon_dir({"/nonexistent/a", "/nonexistent/b"});
    FAIL("no error");
  } catch (const dipmine::Error& e) {
    const std::string m = e.what();
    CHECK(m.find("no lexicon folder found") != std::string::npos);
    CHECK(m.find("/nonexistent/a, /nonexistent/b") != std::string::npos);
    CHECK(m.find("--lexicons DIR") != std::string::npos);
  }
}

TEST_CASE("stop forms: read apart from the forms, each broken one named with its line",
          "[lexicon][stop]") {
  const std::string C = good_concepts();
  {
    TempLexicon t(C, all_langs("-\tfa\tسازمان میراث\\s*فرهنگی\tstop\t\tthe ministry\n"
                               "-\ten\tTwin Towers\tstop\t\t\n"));
    const Lexicon lex = load_lexicon(t.dir.string());
    CHECK(lex.forms.size() == 6);  // stop forms are not forms of a concept
    REQUIRE(lex.stops.size() == 2);
    CHECK(lex.stops[0].lang == dipmine::text::Lang::fa);
    CHECK(lex.stops[0].line == 8);
    CHECK(lex.stops[0].note == "the ministry");
    CHECK(lex.stops[1].pattern == regex_pattern("Twin Towers", dipmine::text::Lang::en));
  }
  const auto stop = [&](const std::string& row) { return only_error(C, all_langs(row + "\n")); };
  CHECK(stop("-\ten\ttwin (towers\tstop\t\t").rfind(
            "forms.tsv:8: stop form: regex rejected by RE2: missing )", 0) == 0);
  CHECK(stop("-\ten\t(towers)?\tstop\t\t") ==
        "forms.tsv:8: stop form: regex \"(towers)?\" matches the empty string\n");
  CHECK(stop("sister_city\ten\ttwin towers\tstop\t\t") ==
        "forms.tsv:8: a stop form claims no concept: write - in the concept column, not \"sister_city\"\n");
  CHECK(stop("-\ten\ttwin towers\tliteral\t\t") ==
        "forms.tsv:8: concept \"-\" is for stop forms only (type stop), not type \"literal\"\n");
  CHECK(stop("-\ten\ttwin towers\tstop\tyes\t") ==
        "forms.tsv:8: a stop form is matched without case (leave case empty)\n");
  CHECK(stop("-\tde\ttwin towers\tstop\t\t") == "forms.tsv:8: bad language \"de\" (fa, en or ja)\n");
  CHECK(stop("-\ten\t\tstop\t\t") == "forms.tsv:8: empty form\n");
  CHECK(only_error(C, all_langs("-\ten\ttwin towers\tstop\t\t\n-\ten\ttwin towers\tstop\t\tagain\n")) ==
        "forms.tsv:9: duplicate stop form \"twin towers\" (forms.tsv line 8 has the same form after folding)\n");
  // The same text as a concept's regex form is not a duplicate of the stop form.
  CHECK(only_error(C, all_langs("-\ten\ttwin towers\tstop\t\t\nsister_city\ten\ttwin towers\tregex\t\t\n"))
            .empty());
}

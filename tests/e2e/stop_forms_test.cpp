// End-to-end: stop forms (spans no concept claims), checked by `lexicon check`
// with FILE:LINE, and applied by ingest: the Iranian heritage and tourism
// ministry's name is no tourism or heritage mention, the words elsewhere are.
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

void write_lexicon(const Sandbox& s, const std::string& extra_forms) {
  e2e::write_file(s.dir() / "lex" / "concepts.tsv",
                  "id\tkind\tdimension\tlabel_en\tlabel_fa\tlabel_ja\tfounded\tseat\tscale\n"
                  "tourism\tindicator\tculture\ttourism\tگردشگری\t観光\t\t\t\n"
                  "heritage_identity\tindicator\tculture\theritage\tمیراث\t遺産\t\t\t\n");
  e2e::write_file(s.dir() / "lex" / "forms.tsv",
                  "concept\tlang\tform\ttype\tcase\tnote\n"
                  "tourism\tfa\tگردشگری\tliteral\t\t\n"
                  "tourism\ten\ttourism\tliteral\t\t\n"
                  "tourism\tja\t観光\tliteral\t\t\n"
                  "heritage_identity\tfa\tمیراث فرهنگی\tliteral\t\t\n"
                  "heritage_identity\ten\theritage\tliteral\t\t\n"
                  "heritage_identity\tja\t遺産\tliteral\t\t\n" + extra_forms);
}

const char* kMinistry =
    "-\tfa\t(سازمان|وزارت) میراث\\s*فرهنگی،?\\s*(صنایع\\s*دستی و گردشگری|گردشگری و صنایع\\s*دستی)"
    "\tstop\t\tIran's ministry\n";

}  // namespace

TEST_CASE("lexicon check reports each broken stop form with file:line", "[lexicon][stop]") {
  Sandbox s;
  write_lexicon(s, std::string(kMinistry) +
                       "-\ten\tMinistry of (Tourism\tstop\t\tbad regex\n"
                       "tourism\ten\tMinistry of Tourism\tstop\t\tconcept given\n"
                       "-\ten\tMinistry of Tourism\tliteral\t\tnot a stop\n");
  const std::string forms = (s.dir() / "lex" / "forms.tsv").string();
  const auto r = s.run({"lexicon", "check", (s.dir() / "lex").string()});
  CHECK(r.code == 1);
  CHECK(r.out.find(forms + ":9: stop form: regex rejected by RE2: missing )") != std::string::npos);
  CHECK(r.out.find(forms + ":10: a stop form claims no concept: write - in the concept column") !=
        std::string::npos);
  CHECK(r.out.find(forms + ":11: concept \"-\" is for stop forms only") != std::string::npos);
  CHECK(r.out.find(":8:") == std::string::npos);
  CHECK(r.out.find("3 errors") != std::string::npos);
  // The good stop form alone checks clean.
  write_lexicon(s, kMinistry);
  const auto ok = s.run({"lexicon", "check", (s.dir() / "lex").string()});
  CHECK(ok.code == 0);
  CHECK(ok.out.find(": ok, 2 indicators, 0 networks, 6 forms, 1 stop form") != std::string::npos);
}

TEST_CASE("ingest drops the hits inside a stop span, not the words elsewhere", "[lexicon][stop]") {
  Sandbox s;
  write_lexicon(s, kMinistry);
  e2e::write_file(s.dir() / "a.txt",
                  "معاون سازمان میراث فرهنگی، صنایع دستی و گردشگری استان گفت.\n\n"
                  "وزارت میراث‌فرهنگی، گردشگری و صنایع‌دستی از همکاری خبر داد.\n\n"
                  "شهر برای رونق گردشگری و حفظ میراث فرهنگی با شهر خواهرخوانده همکاری می‌کند.\n");
  auto r = s.ingest_with_lexicons(s.dir() / "lex", "a.txt");
  INFO(r.err);
  REQUIRE(r.code == 0);
  r = s.run({"mentions"});
  // Only the third paragraph counts: without the stop form all three would.
  CHECK(r.out == "doc\tfile\tconcept\tkind\tmentions\tparagraphs\n"
                 "1\ta.txt\theritage_identity\tindicator\t1\t1\n"
                 "1\ta.txt\ttourism\tindicator\t1\t1\n");
}

TEST_CASE("shipped lexicon: twinned dots and crystal twinning are no sister city", "[lexicon][stop]") {
  // A new-user trial ingested a WoS export on magnetism: "twinned dots"
  // counted as the sister_city indicator. The city senses still count.
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt",
                  "Magnetic twinned dots show domain walls. Crystal twinning in martensite. "
                  "Twin boundaries were imaged.\n\n"
                  "Tehran is twinned with Kyoto; town twinning grew after the war.\n");
  REQUIRE(s.run({"ingest", (s.dir() / "a.txt").string()}).code == 0);
  const auto r = s.run({"mentions", "--detail", "--format", "tsv"});
  REQUIRE(r.code == 0);
  CHECK(e2e::count_lines(r.out) == 3);  // the header and the two city mentions
  CHECK(r.out.find("twinned with") != std::string::npos);
  CHECK(r.out.find("dots") == std::string::npos);
}

TEST_CASE("shipped lexicon: a controlled or office environment is no climate and environment", "[lexicon][stop]") {
  // A second trial's 1,000 WoS records on Bluetooth Low Energy ranked
  // climate_environment first on "a controlled environment", "lights in an
  // office environment", "environment fingerprinting". The city sense counts.
  Sandbox s;
  e2e::write_file(s.dir() / "a.txt",
                  "Beacons were tested in a controlled environment and in an office environment.\n\n"
                  "Trilateration or environment fingerprinting locates the phone.\n\n"
                  "The city protects its urban environment.\n");
  REQUIRE(s.run({"ingest", (s.dir() / "a.txt").string()}).code == 0);
  const auto r = s.run({"mentions", "--detail", "--format", "tsv"});
  REQUIRE(r.code == 0);
  CHECK(e2e::count_lines(r.out) == 2);  // the header and the urban environment
  CHECK(r.out.find("climate_environment") != std::string::npos);
  CHECK(r.out.find("controlled") == std::string::npos);
}

TEST_CASE("shipped lexicon: environment, sustainability and ブランド need a city or ecology context", "[lexicon][stop]") {
  // The first 100 of ScientoPy's 1,000 real WoS records on Bluetooth Low
  // Energy (tests/data/bib/real/trial, MIT): a bare `environment(al)`,
  // `sustainability` and `energy efficiency` of devices counted 19 records as
  // climate_environment; only noise and traffic pollution in cities are left.
  Sandbox s;
  auto r = s.run({"ingest", (e2e::data_dir() / "bib" / "real" / "trial" / "scientopy_wos_tab_first100.txt").string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  r = s.run({"kwic", "climate_environment", "--width", "30"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("pollution") != std::string::npos);
  for (const char* hit : {"nvironment]", "nvironmental]", "nvironments]"}) CHECK(r.out.find(hit) == std::string::npos);
  CHECK(r.out.find("energy efficiency") == std::string::npos);
  CHECK(r.out.find("sustainability") == std::string::npos);
  CHECK(e2e::sql_column(s.db(), "SELECT count(DISTINCT doc_id) FROM mentions WHERE concept_id = 'climate_environment'") == "3");
  // The ecology and city senses still count; so does a city's brand.
  e2e::write_file(s.dir() / "a.txt",
                  "Mayors work together to protect the environment.\n\n"
                  "Environmental policies of the city reduce waste.\n\n"
                  "The sustainability of cities depends on energy efficiency in buildings.\n\n"
                  "新ブランドの商品を展示販売した。\n\n"
                  "観光都市として都市ブランドを高める。\n");
  REQUIRE(s.run({"ingest", (s.dir() / "a.txt").string()}).code == 0);
  const std::string doc = e2e::sql_column(s.db(), "SELECT max(id) FROM documents");
  const std::string rows = e2e::sql_column(
      s.db(), "SELECT DISTINCT m.concept_id || ':' || p.ordinal FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id "
              "WHERE m.doc_id = " + doc + " AND m.concept_id IN ('climate_environment', 'city_branding') ORDER BY p.ordinal");
  CHECK(rows == "climate_environment:0\nclimate_environment:1\nclimate_environment:2\ncity_branding:4");
}

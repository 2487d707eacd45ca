// The five readers on one export of the same three papers, and what makes
// every format give the same records.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "bib/bib.h"

namespace bib = dipmine::bib;

namespace {

std::string slurp(const std::string& name) {
  std::ifstream in(std::string(DIPMINE_TEST_DATA) + "/bib/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What must agree between formats: everything but the ids, paths and formats.
struct Summary {
  std::string title, authors, venue, doi, lang;
  std::optional<int> year;
  std::vector<std::string> paragraphs;
  std::set<std::string> author_keys;
  bool operator==(const Summary& o) const {
    return title == o.title && authors == o.authors && venue == o.venue && doi == o.doi &&
           lang == o.lang && year == o.year && paragraphs == o.paragraphs &&
           author_keys == o.author_keys;
  }
};

std::ostream& operator<<(std::ostream& os, const Summary& s) {
  os << s.title << " | " << s.authors << " | " << s.venue << " | " << s.doi << " | " << s.lang
     << " | " << (s.year ? *s.year : 0) << " |";
  for (const auto& p : s.paragraphs) os << " [" << p << "]";
  for (const auto& k : s.author_keys) os << " {" << k << "}";
  return os;
}

std::vector<Summary> summarize(const bib::ExportRead& r) {
  std::vector<Summary> out;
  for (const auto& rec : r.records) {
    Summary s{rec.title, rec.authors, rec.venue, lower(rec.doi), rec.lang, rec.year, {}, {}};
    for (const auto& p : rec.paragraphs) s.paragraphs.push_back(p.text);
    for (const auto& k : rec.keywords) {
      if (k.kind == "author") s.author_keys.insert(k.key);
    }
    out.push_back(s);
  }
  return out;
}

bib::ExportRead read(const std::string& name) {
  const std::string text = slurp(name);
  auto format = bib::detect_format(name, text);
  REQUIRE(format.has_value());
  return bib::read_export(name, text, *format);
}

}  // namespace

TEST_CASE("all five formats of the same three papers give the same records", "[bib]") {
  const bib::ExportRead ris = read("three_papers.ris");
  REQUIRE(ris.messages.empty());
  REQUIRE(ris.records.size() == 3);
  const std::vector<Summary> want = summarize(ris);
  for (const char* name : {"three_papers.bib", "three_papers.json", "three_papers.csv",
                           "three_papers_wos.txt"}) {
    INFO(name);
    const bib::ExportRead r = read(name);
    CHECK(r.messages.empty());
    CHECK(r.skipped == 0);
    const std::vector<Summary> got = summarize(r);
    REQUIRE(got.size() == 3);
    for (size_t i = 0; i < 3; ++i) CHECK(got[i] == want[i]);
  }
}

TEST_CASE("a RIS record carries its metadata, paragraphs and keywords", "[bib][ris]") {
  const bib::ExportRead r = read("three_papers.ris");
  const auto& en = r.records[0];
  CHECK(en.path == "three_papers.ris#1");
  CHECK(en.name == "mueller2020");
  CHECK(en.format == "ris");
  CHECK(en.title == "City diplomacy & sustainable development: the role of Barcelona's networks");
  CHECK(en.authors == "Müller, Jürgen; Çelik, Ayşe");
  CHECK(en.year == 2020);
  CHECK(en.venue == "Cities");
  CHECK(en.doi == "10.1016/j.cities.2020.102345");
  CHECK(en.lang == "en");
  REQUIRE(en.paragraphs.size() == 2);
  CHECK(en.paragraphs[1].text.rfind("Cities act abroad", 0) == 0);
  CHECK(en.paragraphs[1].text.find("compares São Paulo and Barcelona, where 50% of projects are") !=
        std::string::npos);
  REQUIRE(en.keywords.size() == 3);
  CHECK(en.keywords[0].kind == "author");
  CHECK(en.keywords[0].keyword == "City diplomacy");
  CHECK(en.keywords[0].key == bib::keyword_key("city diplomacy"));  // the English fold
  CHECK(en.keywords[0].lang == "en");
  const auto& fa = r.records[1];
  CHECK(fa.lang == "fa");
  CHECK(fa.paragraphs[0].lang == dipmine::text::Lang::fa);
  CHECK(fa.keywords[0].lang == "fa");
  const auto& ja = r.records[2];
  CHECK(ja.lang == "ja");
  REQUIRE(ja.keywords.size() == 3);
  CHECK(ja.keywords[2].lang == "en");  // an English keyword on a Japanese paper
}

TEST_CASE("Scopus and WoS keep index keywords apart from author keywords", "[bib]") {
  for (const char* name : {"three_papers.csv", "three_papers_wos.txt"}) {
    INFO(name);
    const bib::ExportRead r = read(name);
    std::set<std::string> index;
    for (const auto& k : r.records[0].keywords) {
      if (k.kind == "index") index.insert(k.key);
    }
    CHECK(index.count(bib::keyword_key("sustainable development")) == 1);
    CHECK(index.count(bib::keyword_key("urban planning")) == 1);
  }
}

TEST_CASE("keyword keys fold case, spacing and Persian yeh", "[bib]") {
  CHECK(bib::keyword_key("City diplomacy") == bib::keyword_key("city  DIPLOMACY "));
  // Hyphen or space, any case: one keyword (a WoS and a Scopus export of one
  // field wrote these three; the keyword map drew three nodes).
  CHECK(bib::keyword_key("BIT-PATTERNED MEDIA") == bib::keyword_key("Bit patterned media"));
  CHECK(bib::keyword_key("BIT-PATTERNED-MEDIA") == bib::keyword_key("bit\u2010patterned media"));
  CHECK(bib::keyword_key("co-operation") == bib::keyword_key("cooperation"));
  // A bound prefix joins its word however it is written (real exports write
  // multilevel and multi-level, non-profit and nonprofit).
  CHECK(bib::keyword_key("Multi-level governance") == bib::keyword_key("multilevel governance"));
  CHECK(bib::keyword_key("multi level governance") == bib::keyword_key("MULTILEVEL GOVERNANCE"));
  CHECK(bib::keyword_key("Non-profit organizations") == bib::keyword_key("nonprofit organisation"));
  CHECK(bib::keyword_key("sub-national governments") == bib::keyword_key("subnational government"));
  CHECK(bib::keyword_key("E-Government") == bib::keyword_key("eGovernment"));
  CHECK(bib::keyword_key("cyber security") == bib::keyword_key("cybersecurity"));
  // Not a prefix where it is a word of its own, or at the end.
  CHECK(bib::keyword_key("vitamin E deficiency") != bib::keyword_key("vitamin edeficiency"));
  CHECK(bib::keyword_key("post-conflict") == bib::keyword_key("postconflict"));
  CHECK(bib::keyword_key("Internet of Things") == bib::keyword_key("internet of things"));
  CHECK(bib::keyword_key("the multi") == "the multi");
  CHECK(bib::keyword_key("city diplomacy") != bib::keyword_key("city-states"));
  CHECK(bib::keyword_key("شهرهای خواهرخوانده") == bib::keyword_key("شهرهاي خواهرخوانده"));
  CHECK(bib::keyword_key("Public diplomacy") != bib::keyword_key("City diplomacy"));
  // A trailing abbreviation of the words before it is no part of the key (a
  // second trial's WoS file: "Bluetooth Low Energy (BLE)" beside "Bluetooth
  // Low Energy", 158 and 590 records, two map nodes).
  CHECK(bib::keyword_key("Bluetooth Low Energy (BLE)") == bib::keyword_key("Bluetooth Low Energy"));
  CHECK(bib::keyword_key("Bluetooth Low Energy(BLE)") == bib::keyword_key("Bluetooth Low Energy"));  // no space
  CHECK(bib::keyword_key("COVID(19)") != bib::keyword_key("COVID"));
  CHECK(bib::keyword_key("Internet of Things (IoT)") == bib::keyword_key("internet of things"));
  CHECK(bib::keyword_key("Geographic Information Systems (GIS)") == bib::keyword_key("geographic information systems"));
  // Not initials: kept.
  CHECK(bib::keyword_key("coronavirus disease 2019 (COVID-19)") != bib::keyword_key("coronavirus disease 2019"));
  CHECK(bib::keyword_key("Paris (France)") != bib::keyword_key("Paris"));
  CHECK(bib::keyword_key("sister cities (SC) and twinning") == bib::keyword_key("sister cities (SC) and twinning"));
}

TEST_CASE("English keyword keys merge plurals and spellings, never different words", "[bib]") {
  // A second trial's WoS file: LOCALIZATION had the key `local`, so
  // `indoor localization` and `indoor local` were one keyword.
  CHECK(bib::keyword_key("LOCALIZATION") != bib::keyword_key("local"));
  CHECK(bib::keyword_key("indoor localization") != bib::keyword_key("indoor local"));
  CHECK(bib::keyword_key("Organization") != bib::keyword_key("organ"));
  CHECK(bib::keyword_key("International relations") != bib::keyword_key("intern relations"));
  CHECK(bib::keyword_key("Computing") != bib::keyword_key("computer"));
  // Plurals and British spellings are one keyword.
  CHECK(bib::keyword_key("Smart Cities") == bib::keyword_key("smart city"));
  CHECK(bib::keyword_key("organisations") == bib::keyword_key("Organization"));
  CHECK(bib::keyword_key("LOCALISATION") == bib::keyword_key("localization"));
  CHECK(bib::keyword_key("Business processes") == bib::keyword_key("business process"));
  CHECK(bib::keyword_key("Policies") == bib::keyword_key("policy"));
  CHECK(bib::keyword_key("Approaches") == bib::keyword_key("approach"));
  CHECK(bib::keyword_key("Sister cities") == bib::keyword_key("sister city"));
  CHECK(bib::keyword_key("Networks") == bib::keyword_key("network"));
  CHECK(bib::keyword_key("Lotka\u2019s law") == bib::keyword_key("Lotka law"));
  CHECK(bib::keyword_key("cities' networks") == bib::keyword_key("city network"));
  // A real WoS export (tests/data/map/wos_management.txt) had these as one
  // keyword each under the Snowball stem.
  CHECK(bib::keyword_key("publication") != bib::keyword_key("publicness"));
  CHECK(bib::keyword_key("success") != bib::keyword_key("succession"));
  CHECK(bib::keyword_key("Japan") != bib::keyword_key("Japanese"));
  CHECK(bib::keyword_key("competition") != bib::keyword_key("competitiveness"));
  // Words that only look plural.
  CHECK(bib::keyword_key("analysis") == "analysis");
  CHECK(bib::keyword_key("International politics") == "international politics");
  CHECK(bib::keyword_key("Time series") == "time series");
  CHECK(bib::keyword_key("Status") == "status");
  CHECK(bib::keyword_key("Class") == "class");
}

TEST_CASE("DOIs lose their resolver prefix", "[bib]") {
  CHECK(bib::clean_doi(" https://doi.org/10.1/ABC ") == "10.1/ABC");
  CHECK(bib::clean_doi("doi:10.1/x") == "10.1/x");
  CHECK(bib::clean_doi("10.1/x") == "10.1/x");
}

TEST_CASE("identity_text is the same for the same paper in two formats", "[bib]") {
  const auto a = read("three_papers.ris"), b = read("three_papers.bib");
  for (size_t i = 0; i < 3; ++i) CHECK(bib::identity_text(a.records[i]) == bib::identity_text(b.records[i]));
  CHECK(bib::identity_text(a.records[0]) != bib::identity_text(a.records[1]));
}

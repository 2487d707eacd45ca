// The new-user trial's losses, each on a real export (tests/data/bib/real/
// trial, sources in real/SOURCES.md): every one of these lost records or
// stored junk before.
#include <catch2/catch.hpp>

#include "harness.h"

using namespace e2e;

namespace {
std::string trial(const std::string& name) { return (data_dir() / "bib" / "real" / "trial" / name).string(); }
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("records sharing a DOI are merged only when their titles agree", "[bib][e2e][trial]") {
  Sandbox sb;
  // Four DOIs, two records each (Better BibTeX fixture 1296): two pairs are
  // different papers, one pair a title and its subtitled form, one pair the
  // same title with other braces.
  const Result r = sb.run({"ingest", trial("bbt_1296_shared_dois.bib")});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "6 added"));
  CHECK(has(r.out, "8 records read: 6 added, 2 merged as duplicates"));
  const std::string titles = sql_column(sb.db(), "SELECT title FROM documents ORDER BY id");
  CHECK(has(titles, "Electric Materialities and Interactive Technology"));
  CHECK(has(titles, "A Preliminary Investigation of Human Adaptations"));
  CHECK(has(titles, "Sketch It, Make It: Sketching Precise Drawings for Laser Cutting"));
  CHECK(has(titles, "Sketching User Experiences"));
  CHECK(!has(titles, "Balancing Shapes"));  // merged into "Make It Stand"
  CHECK(has(r.err, "bbt_1296_shared_dois.bib#2: warning: DOI 10.1145/2470654.2470672 is also on "
                   "document 1"));
  CHECK(has(r.err, "(\"Electric Materialities and Interactive Technology\" vs \"A Preliminary "
                   "Investigation"));
  CHECK(has(r.err, "kept both"));
  CHECK(has(r.err, "#6: DOI 10.1145/2461912.2461957 is already in the store (document 5"));
  CHECK(has(r.err, "#8: DOI 10.1145/1520340.1520525 is already in the store"));
  CHECK(sql_column(sb.db(), "SELECT count(*) FROM documents WHERE doi = '10.1145/2470654.2470672'") == "2");
}

TEST_CASE("merge of shard stores keeps two papers that share a DOI", "[bib][e2e][trial][merge]") {
  Sandbox a, b, all;
  REQUIRE(a.run({"ingest", trial("bbt_1296_shared_dois.bib")}).code == 0);
  REQUIRE(b.run({"ingest", trial("bbt_1296_shared_dois.bib")}).code == 0);
  const Result r = all.run({"merge", all.db().string(), a.db().string()}, "", false);
  REQUIRE(r.code == 0);
  CHECK(sql_column(all.db(), "SELECT count(*) FROM documents") == "6");
}

TEST_CASE("BibTeX keys with ampersand, parentheses, star, semicolon or brackets are read as biber reads them", "[bib][e2e][trial]") {
  Sandbox sb;
  const Result r = sb.run({"ingest", trial("bbt_2252_ampersand_key.biblatex"),
                           trial("bbt_2366_paren_key.biblatex"), trial("bbt_1933_semicolon_key.biblatex"),
                           trial("bbt_1733_ads_key.bib"), trial("bbt_bracket_key.bibtex")});
  CHECK(has(r.out, "4 added"));
  const std::string names = sql_column(sb.db(), "SELECT name FROM documents ORDER BY id");
  CHECK(names == "Vaishnavi&Kuechler2004\nAgilent(2022)ModificationsImproveType\nLadyman;ea\n"
                 "2004A&A...424..927C");
  CHECK(!has(r.err, "citation key"));
  // The [NOTITLE]2017 entry is read; it has no title, and says so.
  CHECK(has(r.err, "bbt_bracket_key.bibtex:1: record has no title; skipped"));
}

TEST_CASE("Zotero and Better BibTeX JSON exports are read with tags as keywords", "[bib][e2e][trial]") {
  Sandbox sb;
  const Result r = sb.run({"ingest", trial("bbt_2320_chinese.json"), trial("bbt_565_zotero.json")});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "10 added"));
  CHECK(!has(r.err, "no title"));
  CHECK(sql_column(sb.db(), "SELECT authors || '|' || doi || '|' || venue || '|' || year FROM documents "
                            "WHERE title LIKE '数字化转型是否促进了企业内共同富裕%'") ==
        "方, 明月; 林, 佳妮; 聂, 辉华|10.13653/j.cnki.jqte.2022.11.003|数量经济技术经济研究|2022");
  CHECK(sql_column(sb.db(), "SELECT count(*) FROM keywords k JOIN documents d ON d.id = k.doc_id "
                            "WHERE d.title LIKE '数字化转型与企业创新效率%'") == "11");
  CHECK(sql_column(sb.db(), "SELECT DISTINCT format FROM documents") == "zotero-json");
  CHECK(sql_column(sb.db(), "SELECT authors FROM documents WHERE title LIKE 'Le spectre nominal%'") ==
        "van de Velde, Danièle");
}

TEST_CASE("CSL-YAML is refused with advice and WoS files with other headers are read", "[bib][e2e][trial]") {
  Sandbox sb;
  Result r = sb.run({"ingest", trial("bbt_860.csl.yml")});
  CHECK(r.code == 1);
  CHECK(has(r.err, "bbt_860.csl.yml: looks like a CSL-YAML export, which dipmine does not read; not "
                   "stored; export CSL JSON instead"));
  // The list of what is read names every reader, the newest too.
  CHECK(has(r.err, "(supported: RIS, BibTeX, CSL JSON, "));
  CHECK(has(r.err, ", Zotero JSON, EndNote tagged, other CSVs with a title column, EndNote XML, ProQuest plain text, PubMed XML)"));
  CHECK(has(r.out, "0 added, 0 updated, 0 unchanged, 1 failed"));
  r = sb.run({"ingest", trial("metaknowledge_OnePaper2_xx_line.txt")});
  CHECK(r.code == 0);
  r = sb.run({"ingest", trial("metaknowledge_OnePaper2_vr_first.txt")});
  CHECK(r.code == 0);
  CHECK(sql_column(sb.db(), "SELECT DISTINCT format FROM documents") == "wos");
  CHECK(sql_column(sb.db(), "SELECT count(*) FROM keywords WHERE kind = 'author'") == "7");
}

TEST_CASE("Zoological Record descriptors are keywords of their own", "[bib][e2e][trial]") {
  Sandbox sb;
  const Result r = sb.run({"ingest", trial("litsearchr_zoorec_first3.txt")});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "3 added"));
  // One keyword of 400-1,077 characters a record before.
  CHECK(std::stoi(sql_column(sb.db(), "SELECT max(length(keyword)) FROM keywords")) < 60);
  CHECK(sql_column(sb.db(), "SELECT count(*) FROM keywords WHERE keyword = 'Nest survival'") == "2");
}

TEST_CASE("a Scopus CSV without an Authors column is read as a table of records", "[bib][e2e][trial]") {
  Sandbox sb;
  const Result r = sb.run({"ingest", trial("litstudy_scopus_5_columns.csv")});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "5 added"));
  CHECK(sql_column(sb.db(), "SELECT title || '|' || year || '|' || doi FROM documents ORDER BY id LIMIT 1") ==
        "Scalable molecular dynamics with NAMD|2005|10.1002/jcc.20289");
  CHECK(sql_column(sb.db(), "SELECT count(*) FROM paragraphs") == "10");  // title + abstract each
}

TEST_CASE("a GBK BibTeX is decoded as GB18030 and the guess is named", "[bib][e2e][trial]") {
  Sandbox sb;
  // Few CJK bytes (the entry's Chinese names only, title cut): ICU's first
  // answer is ISO-8859-1 (confidence 23), which decoded the names as junk.
  Result r = sb.run({"ingest", trial("bbt_2320_author_gbk.bib")});
  CHECK(has(r.err, "bbt_2320_author_gbk.bib: warning: not UTF-8; decoded as GB18030 (a guess"));
  CHECK(has(r.err, "bbt_2320_author_gbk.bib:1: record has no title; skipped"));
  r = sb.run({"ingest", trial("bbt_2320_chinese_gbk.biblatex")});
  REQUIRE(r.code == 0);
  CHECK(has(r.err, "decoded as GB18030"));
  CHECK(has(sql_column(sb.db(), "SELECT title FROM documents"), "数字化转型与企业创新效率"));
}

TEST_CASE("EndNote tagged text is read", "[bib][e2e][trial]") {
  Sandbox sb;
  const Result r = sb.run({"ingest", trial("zotero_refer_bibix_tests.enw"),
                           trial("jabref_Endnote.book.example.enw")});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "3 added"));
  CHECK(sql_column(sb.db(), "SELECT title || '|' || year || '|' || authors || '|' || venue || '|' || doi "
                            "FROM documents ORDER BY id") ==
        "参考文献管理工具研究|2009|余敏; 朱江; 丁照蕾|现代情报|10.3969/j.issn.1008-0821.2009.02.027\n"
        "Usynlige byer|1982|Calvino, Italo||\n"
        "Git : dezentrale Versionsverwaltung im Team : Grundlagen und Workflows|2016|Preißel, René; "
        "Stachmann, Bjørn||");
  CHECK(sql_column(sb.db(), "SELECT group_concat(keyword, '/') FROM keywords WHERE doc_id = 2") ==
        "Italiensk litteratur/Idealbyer/kjernelitteratur");
}

TEST_CASE("EndNote XML is read, styles joined", "[bib][e2e][trial]") {
  Sandbox sb;
  const Result r = sb.run({"ingest", trial("zotero_endnote_xml_tests.xml"), trial("zotero_endnote_xml_styles.xml")});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "11 added"));
  CHECK(sql_column(sb.db(), "SELECT DISTINCT format FROM documents") == "endnote-xml");
  CHECK(sql_column(sb.db(), "SELECT authors || '|' || year || '|' || venue FROM documents WHERE title = "
                            "'Firms and the welfare state: When, why, and how does social policy matter "
                            "to employers?'") ==
        "Mares, Isabela|2001|Varieties of capitalism. The institutional foundations of comparative advantage");
  // Editors stand in for authors; the label is the record's name.
  // (The file writes Hancke\u0301 decomposed, and it is stored as written.)
  CHECK(sql_column(sb.db(), "SELECT authors LIKE 'Hancke%, Bob; Rhodes, Martin; Thatcher, Mark' FROM "
                            "documents WHERE title LIKE 'Beyond varieties%'") == "1");
  CHECK(sql_column(sb.db(), "SELECT name FROM documents WHERE title = 'A test item (with a citekey)'") ==
        "test_item_2021");
  CHECK(sql_column(sb.db(), "SELECT source FROM documents WHERE title = 'CSL search by example'") ==
        "http://editor.citationstyles.org/searchByExample/");
}

TEST_CASE("a file of no letters and MEDLINE fields without a PMID are refused, not stored as text",
          "[bib][e2e][trial]") {
  // JabRef's IsiImporterTestEmpty.isi is ` ##`: it was stored as a document
  // of no language. MedlinePlainImporterTestMultiAbstract.txt is MEDLINE
  // field lines with no `PMID-` line: it was stored as one text document of
  // tags. The same block inside a file of records was noted line by line.
  Sandbox sb;
  Result r = sb.run({"ingest", trial("jabref_IsiImporterTestEmpty.isi"),
                     trial("jabref_MedlinePlainImporterTestMultiAbstract.txt")});
  CHECK(r.code == 1);
  CHECK(has(r.out, "0 added, 0 updated, 0 unchanged, 2 failed"));
  CHECK(has(r.err, "jabref_IsiImporterTestEmpty.isi: no letters or digits, only punctuation and symbols; skipped"));
  CHECK(has(r.err, "jabref_MedlinePlainImporterTestMultiAbstract.txt:1: 19 MEDLINE field lines (lines 1-20: "
                   "PMC, BTI, FAU, FED, PT, ...) outside a record: no `PMID-` line opens it; ignored"));
  CHECK(has(r.err, "jabref_MedlinePlainImporterTestMultiAbstract.txt: no record could be read"));
  CHECK(count_lines(r.err) == 3);
  CHECK(sql_column(sb.db(), "SELECT count(*) FROM documents") == "0");
  r = sb.run({"ingest", trial("jabref_MedlinePlainImporterTestMultipleEntries.txt")});
  CHECK(has(r.out, "5 records read: 1 added, 0 merged as duplicates, 4 skipped"));
  CHECK(has(r.err, ":55: 29 MEDLINE field lines (lines 55-85: PMC, BTI, FAU, FED, PT, ...) outside a record"));
  CHECK(count_lines(r.err) == 7);
  CHECK(sql_column(sb.db(), "SELECT title FROM documents") ==
        "From danger and motherhood to health and beauty: health advice for the factory girl in early "
        "twentieth-century Britain.");
}

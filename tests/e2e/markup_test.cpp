// Web pages and Word/OpenDocument files, end to end: real pages from mozilla
// readability's and goose3's tests and real documents from pandoc's tests are
// ingested; words read off them are found by `dipmine search`, and what a
// reader does not see (scripts, styles, tags, entities, navigation, deleted
// text, field codes) is not. Sources: tests/data/markup/SOURCES.md.
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

namespace {

std::string query(const e2e::fs::path& db, const std::string& sql) { return e2e::sql_column(db, sql); }
using e2e::contains;

std::string markup(const std::string& name) { return (e2e::data_dir() / "markup" / name).string(); }

const std::vector<std::string> kGood = {
    "readability-ars-1.html", "readability-hukumusume.html", "readability-qq.html",
    "goose3-cnn-arabic.html", "pandoc-notes.docx", "pandoc-instrText_hyperlink.docx",
    "pandoc-track_changes_deletion.docx", "pandoc-text_in_shape_format.docx",
    "pandoc-golden-document-properties.docx", "pandoc-odt-footnote.odt",
    "pandoc-odt-trackedChanges.odt", "tinbox-sample_ar.docx"};

void ingest_good(const Sandbox& s) {
  std::vector<std::string> args = {"ingest"};
  for (const auto& f : kGood) args.push_back(markup(f));
  const auto r = s.run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  REQUIRE(contains(r.out, std::to_string(kGood.size()) + " added, 0 updated, 0 unchanged, 0 failed"));
}

}  // namespace

TEST_CASE("web pages: words read off the page are found, script, CSS and markup are not", "[markup]") {
  Sandbox s;
  ingest_good(s);
  // Read off the pages as a browser shows them.
  for (const char* q : {"\"Ammar Askar\"", "\"Named Binary Tag\"", "\"المرصد السوري لحقوق الإنسان\"",
                        "肉をくわえたイヌ", "欲張りなイヌ", "DeepMind", "伦敦地铁网络地图"}) {
    INFO(q);
    CHECK(s.search_count(q) >= 1);
  }
  // Only in <script> or <style> bodies, in tags, or as entities.
  for (const char* q : {"dataLayer", "getElementsByTagName", "adHeadCookie", "google_ad_client",
                        "AlphaImageLoader", "href", "nbsp", "charset", "DOCTYPE", "stylesheet"}) {
    INFO(q);
    CHECK(s.search_count(q) == 0);
  }
  // Navigation outside the article is left out (ars-1's footer <nav>).
  CHECK(s.search_count("\"Orbital Transmission\"") == 0);
  // Each paragraph has its language: the Arabic page's paragraphs are Arabic script,
  // the Japanese page's Japanese.
  CHECK(query(s.db(), "SELECT lang FROM documents WHERE name = 'goose3-cnn-arabic.html'") == "fa");
  CHECK(query(s.db(), "SELECT lang FROM documents WHERE name = 'readability-hukumusume.html'") == "ja");
  CHECK(query(s.db(), "SELECT format || ' ' || charset FROM documents WHERE name = 'readability-qq.html'") ==
        "html UTF-8");
}

TEST_CASE("titles come from the page's <title> and the document's properties", "[markup]") {
  Sandbox s;
  ingest_good(s);
  auto title = [&](const std::string& name) {
    return query(s.db(), "SELECT title FROM documents WHERE name = '" + name + "'");
  };
  // As readability's expected-metadata.json gives them (hukumusume) or the <title> reads.
  CHECK(title("readability-hukumusume.html") == "欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞");
  CHECK(title("readability-ars-1.html") ==
        "Just-released Minecraft exploit makes it easy to crash game servers | Ars Technica");
  CHECK(title("goose3-cnn-arabic.html") == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق - CNNArabic.com");
  CHECK(title("pandoc-golden-document-properties.docx") == "Testing custom properties");
  CHECK(title("pandoc-odt-footnote.odt") == "Some text with a footnote.");
  // --title still wins.
  Sandbox t;
  REQUIRE(t.run({"ingest", markup("pandoc-notes.docx"), "--title", "Interview 1"}).code == 0);
  CHECK(query(t.db(), "SELECT title FROM documents") == "Interview 1");
}

TEST_CASE("Word and OpenDocument: text, notes after the body, no deleted text or field codes", "[markup]") {
  Sandbox s;
  ingest_good(s);
  for (const char* q : {"\"Classic Set Theory\"", "Kiisk", "\"Footnote text\"", "\"Test footnote\"",
                        "\"inserted text\"", "\"endnote at the end\""}) {
    INFO(q);
    CHECK(s.search_count(q) >= 1);
  }
  // The Arabic Word document: words read off its text, and its paragraphs' language by script.
  CHECK(s.search_count("\"شاعر سوري معاصر\"") == 1);
  CHECK(s.search_count("\"السفارة العراقية\"") == 2);
  CHECK(s.search_count("ودبلوماسي") == 2);
  CHECK(query(s.db(), "SELECT lang || ' ' || title FROM documents WHERE name = 'tinbox-sample_ar.docx'") ==
        "fa معلومات شخصية");
  CHECK(s.search_count("Kiisk") == 1);  // a text box's text once, not its fallback copy too
  // Field codes, a tracked deletion ("n excessively modified") and a change's author.
  for (const char* q : {"HYPERLINK", "excessively", "Linnemann"}) {
    INFO(q);
    CHECK(s.search_count(q) == 0);
  }
  CHECK(query(s.db(), "SELECT format FROM documents WHERE name LIKE '%.odt' LIMIT 1") == "odt");
  // The notes come after the body.
  CHECK(query(s.db(), "SELECT group_concat(text, '|') FROM (SELECT p.text FROM paragraphs p JOIN documents d "
                           "ON d.id = p.doc_id WHERE d.name = 'pandoc-odt-footnote.odt' ORDER BY p.ordinal)") ==
        "Some text with a footnote.|Footnote text");
}

TEST_CASE("broken, encrypted, old, empty and RTF office files: one line each, counted as failed", "[markup]") {
  Sandbox s;
  const auto r = s.run({"ingest", markup("broken-truncated.docx"), markup("zip-password.docx"),
                        markup("ole2-header.docx"), markup("python-docx-doc-coreprops.docx"),
                        markup("pandoc-rtf-footnote.rtf"), markup("pandoc-tabs.docx")});
  CHECK(r.code == 1);
  CHECK(contains(r.out, "1 added, 0 updated, 0 unchanged, 5 failed"));
  CHECK(contains(r.err, "pandoc-rtf-footnote.rtf: an RTF document, which dipmine does not read; save it as .docx"));
  CHECK(contains(r.err, "broken-truncated.docx: broken Word or OpenDocument file: not a readable ZIP archive"));
  CHECK(contains(r.err, "zip-password.docx: encrypted (password-protected) archive"));
  CHECK(contains(r.err, "ole2-header.docx: encrypted (password-protected) office document"));
  CHECK(contains(r.err, "python-docx-doc-coreprops.docx: no text in this docx document; skipped"));
  CHECK(query(s.db(), "SELECT count(*) FROM documents") == "1");
}

TEST_CASE("a page saved complete: its NAME_files folder is skipped with a note", "[markup]") {
  Sandbox s;
  const auto dir = s.dir() / "saved";
  e2e::write_file(dir / "page.html", e2e::read_file(markup("readability-hukumusume.html")));
  e2e::write_file(dir / "page_files" / "app.js", "var trackingVariable = 1;\n");
  e2e::write_file(dir / "page_files" / "style.css", "body { color: red }\n");
  e2e::write_file(dir / "page_files" / "logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  // A folder named _files with no page beside it is read as any other.
  e2e::write_file(dir / "notes_files" / "n.txt", "Interview notes on sister cities.\n");
  const auto r = s.run({"ingest", dir.string()});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(contains(r.out, "2 added, 0 updated, 0 unchanged, 0 failed"));
  CHECK(contains(r.err, "skipped 1 folder of saved web pages' scripts, styles and images"));
  CHECK(s.search_count("trackingVariable") == 0);
  CHECK(s.search_count("\"sister cities\"") == 1);
}

TEST_CASE("Word drop caps: the framed first letter is part of its word", "[markup]") {
  // jgm/pandoc's test/docx/drop_cap.docx (pandoc's expected text:
  // "Drop cap." and "Drop cap in margin."): the letter was a paragraph of its
  // own, `D` the document's title and `drop` not found.
  Sandbox s;
  const auto r = s.run({"ingest", markup("pandoc-drop_cap.docx")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(query(s.db(), "SELECT group_concat(text, '|') FROM (SELECT text FROM paragraphs ORDER BY ordinal)") ==
        "Drop cap.|Next paragraph.|Drop cap in margin.|Drop cap (not really).");
  CHECK(query(s.db(), "SELECT title FROM documents") == "Drop cap.");
  CHECK(s.run({"search", "--count", "drop"}).out == "3 paragraphs in 1 document\n");
}

TEST_CASE("web pages: numbers in neighbouring elements stay two numbers", "[markup]") {
  // Real pages from mozilla/readability's tests, where the page's style lays
  // two numbers apart: medium-2's date and reading time
  // (`Feb 24</time><span>4 min read`) and heise's share button `+1` beside its
  // count `2`. They were stored as `Feb 244` and `+12`, numbers on no page.
  // The share bar is page furniture: kept here, for its numbers.
  Sandbox s;
  const auto r = s.run({"ingest", "--keep-page-furniture", markup("readability-medium-2.html"),
                        markup("readability-heise.html")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE text LIKE '%on Feb 24 4 min'") == "1");
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE text = '+1 2'") == "1");
  CHECK(s.search_count("244") == 0);
  CHECK(s.search_count("\"Feb 24 4 min\"") == 1);
  // A number inside one element is one number: the article's date.
  CHECK(s.search_count("08.04.2015") == 1);
}

TEST_CASE("Aozora web pages: accented letters drawn as images are letters, other images counted", "[markup]") {
  // aozora2html's sample page (tests/data/markup/SOURCES.md) draws é, à, ü
  // as gaiji images named in their alt text: "étiquette" was stored as
  // "tiquette" without a word (a new-user trial).
  Sandbox s;
  const auto r = s.run({"ingest", markup("aozora2html-chukiichiran_kinyurei.html")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.err, "left out 21 characters drawn as images (Aozora gaiji; their alt text names them)"));
  CHECK(s.search_count("étiquette") == 1);
  CHECK(s.search_count("étranger") >= 1);
  CHECK(query(s.db(), "SELECT count(*) FROM paragraphs WHERE text LIKE '% tiquette%' OR text LIKE '%、tiquette%'") == "0");
}

TEST_CASE("OpenDocument: text in a hidden style is left out, and the count is said", "[markup]") {
  // pandoc's test/odt/odt/hiddenTextByStyle.odt: its one paragraph has a style
  // with text:display="none". It was stored and searchable (a new-user trial).
  Sandbox s;
  const auto r = s.run({"ingest", markup("pandoc-odt-hiddenTextByStyle.odt")});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "pandoc-odt-hiddenTextByStyle.odt: left out 1 hidden paragraph or span (a style with "
                        "text:display=\"none\")\n"));
  CHECK(contains(r.err, "pandoc-odt-hiddenTextByStyle.odt: no text in this odt document; skipped\n"));
  CHECK(contains(r.out, "0 added, 0 updated, 0 unchanged, 1 failed"));
}

TEST_CASE("web pages: a site's menus in plain divs are left out and counted, and kept when asked", "[markup]") {
  // readability's yahoo-4 page (Yahoo! News Japan, tests/data/markup/SOURCES.md):
  // its menus are <div id="header">, <div id="globalNav"> and lists of links,
  // not <nav>. Before, 129 paragraphs were stored, about ten of them the
  // article, and the menu's words (意識調査, ログイン) were found as if the
  // article said them.
  Sandbox s;
  const std::string page = markup("readability-yahoo-4.html");
  auto r = s.run({"ingest", page});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.err, "left out 18 blocks of page furniture (menus, headers, footers, share and comment bars: "
                        "1945 of the page's 3577 characters)"));
  CHECK(s.search_count("意識調査") == 0);
  CHECK(s.search_count("ログイン") == 0);
  // The article, from its first words to its last.
  CHECK(s.search_count("\"フリーWi-Fiプロテクション\"") >= 3);
  CHECK(s.search_count("暗号化") == 4);
  CHECK(s.search_count("\"Trend Micro Smart Protection Network\"") == 1);
  // What ingest said is stored with the document.
  CHECK(contains(s.run({"docs", "--notes"}).out, "left out 18 blocks of page furniture"));
  // --keep-page-furniture stores the page whole.
  r = s.run({"ingest", "--force", "--keep-page-furniture", page});
  REQUIRE(r.code == 0);
  CHECK_FALSE(contains(r.err, "furniture"));
  CHECK(s.search_count("意識調査") >= 1);
  CHECK(s.search_count("暗号化") == 4);
}

TEST_CASE("web pages: a Persian news page keeps its article, a card inside an article keeps its header", "[markup]") {
  // Real pages not used to write the rules (tests/data/markup/SOURCES.md):
  // Khabar Online (htmldate's test set), whose related headlines and
  // copyright line are furniture; and a Tabelog magazine article (magic-html's
  // benchmark) whose restaurant cards are <article>s with a
  // <header class="rstinfo-widget__header"> holding the name, station and
  // address: they were left out as page headers (17% of the article) until a
  // header inside an <article> became the article's own.
  Sandbox s;
  const auto r = s.run({"ingest", markup("htmldate-khabaronline-1523806243.html"),
                        markup("magic-html-tabelog-f01449a2.html")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.err, "htmldate-khabaronline-1523806243.html: left out 13 blocks of page furniture"));
  CHECK(s.search_count("\"اصلاح‌طلبان رادیکالی\"") == 1);
  CHECK(s.search_count("\"کال جنی\"") == 0);               // a related headline
  CHECK(s.search_count("\"تمامی حقوق این سایت\"") == 0);  // the copyright line
  CHECK(s.search_count("\"クレスト泉\"") == 1);
  CHECK(s.search_count("高岳駅") == 2);
  CHECK(s.search_count("\"名田庄三重\"") == 1);
}

TEST_CASE("web pages saved as one file (MHTML) are read, a broken one refused with why", "[markup]") {
  // Chrome's "Webpage, Single File" of a portfolio page and the broken files
  // of mhtml2html's tests (tests/data/markup/SOURCES.md). Before, every
  // MHTML file was refused.
  Sandbox s;
  auto r = s.run({"ingest", markup("mhtml2html-portfolio.mhtml")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "1 added"));
  CHECK(query(s.db(), "SELECT format || ' ' || charset || ' ' || title FROM documents") == "mhtml UTF-8 Max Sindwani");
  CHECK(s.search_count("JCONF") >= 1);
  CHECK(s.search_count("\"software engineering student\"") == 1);
  CHECK(s.search_count("3D") == 0);  // quoted-printable undone
  r = s.run({"ingest", markup("mhtml2html-missing_boundary_header.mhtml"), markup("mhtml2html-missing_boundary.mhtml"),
             markup("mhtml2html-unexpected_eof.mhtml")});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "mhtml2html-missing_boundary_header.mhtml: a web page saved as one file (MHTML), but its "
                        "Content-Type (multipart/related; type=\"text/html\";) names no multipart boundary"));
  CHECK(contains(r.err, "mhtml2html-missing_boundary.mhtml: a web page saved as one file (MHTML), but no part "
                        "starts with its boundary line"));
  CHECK(contains(r.err, "mhtml2html-unexpected_eof.mhtml: the file ends inside its last part"));
  CHECK(contains(r.out, "0 added, 0 updated, 0 unchanged, 3 failed"));
}

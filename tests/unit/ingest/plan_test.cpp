// The shard planner: balance by bytes, stability (re-runs, added files, input
// order), edge cases (no files, more shards than files, empty files, one huge
// file), the plan file's round trip and its errors.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "common/error.h"
#include "ingest/plan.h"

using namespace dipmine;
using namespace dipmine::ingest;

namespace {

std::vector<PlannedFile> random_files(size_t n, unsigned seed, const std::string& prefix = "f") {
  std::mt19937 rng(seed);
  // Sizes spread like a real corpus: many small texts, some large PDFs.
  std::lognormal_distribution<double> size(10.0, 1.5);
  std::vector<PlannedFile> files;
  for (size_t i = 0; i < n; ++i) {
    files.push_back({fmt::format("corpus/{}{:05}.pdf", prefix, i), static_cast<uint64_t>(size(rng)), 0});
  }
  return files;
}

std::map<std::string, int> shard_of(const ShardPlan& plan) {
  std::map<std::string, int> m;
  for (const auto& f : plan.files) m[f.path] = f.shard;
  return m;
}

uint64_t max_weight(const ShardPlan& p) {
  uint64_t w = 0;
  for (int i = 1; i <= p.shards; ++i) w = std::max(w, p.weight_of(i));
  return w;
}

uint64_t total_weight(const ShardPlan& p) {
  uint64_t w = 0;
  for (int i = 1; i <= p.shards; ++i) w += p.weight_of(i);
  return w;
}

}  // namespace

TEST_CASE("plan: shards balanced by bytes within the slack", "[plan]") {
  for (int n : {2, 4, 7, 16}) {
    const ShardPlan p = plan_shards(random_files(2000, 7), n);
    REQUIRE(p.files.size() == 2000);
    const double mean = static_cast<double>(total_weight(p)) / n;
    INFO("n = " << n << ", max " << max_weight(p) << ", mean " << mean);
    CHECK(max_weight(p) <= mean * (1 + kSlack) + 1);
    for (const auto& f : p.files) CHECK((f.shard >= 1 && f.shard <= n));
  }
}

TEST_CASE("plan: the same files give the same plan, whatever their order", "[plan]") {
  std::vector<PlannedFile> files = random_files(500, 3);
  const ShardPlan a = plan_shards(files, 4);
  std::reverse(files.begin(), files.end());
  std::shuffle(files.begin(), files.end(), std::mt19937(11));
  const ShardPlan b = plan_shards(files, 4);
  CHECK(shard_of(a) == shard_of(b));
  CHECK(a.digest() == b.digest());
}

TEST_CASE("plan: adding files moves few of the old ones", "[plan]") {
  std::vector<PlannedFile> files = random_files(2000, 5);
  const auto before = shard_of(plan_shards(files, 4));
  for (const auto& f : random_files(100, 6, "new")) files.push_back(f);  // 5% more files
  const ShardPlan after_plan = plan_shards(files, 4);
  const auto after = shard_of(after_plan);
  size_t moved = 0;
  for (const auto& [path, shard] : before) moved += after.at(path) != shard ? 1 : 0;
  // A greedy plan (LPT) would move about 3/4 of them; the rendezvous order
  // with a cap moves only those near the cap.
  // The same with a plain greedy plan (LPT: heaviest first, to the lightest shard).
  auto lpt = [](std::vector<PlannedFile> fs) {
    std::sort(fs.begin(), fs.end(), [](const PlannedFile& a, const PlannedFile& b) {
      return a.bytes != b.bytes ? a.bytes > b.bytes : a.path < b.path;
    });
    std::vector<uint64_t> load(4, 0);
    std::map<std::string, int> out;
    for (const auto& f : fs) {
      const size_t s = static_cast<size_t>(std::min_element(load.begin(), load.end()) - load.begin());
      load[s] += f.bytes + kFileWeight;
      out[f.path] = static_cast<int>(s) + 1;
    }
    return out;
  };
  const auto lpt_after = lpt(files);
  const auto lpt_before = lpt(std::vector<PlannedFile>(files.begin(), files.begin() + 2000));
  size_t lpt_moved = 0;
  for (const auto& [path, shard] : lpt_before) lpt_moved += lpt_after.at(path) != shard ? 1 : 0;
  INFO("moved " << moved << " of " << before.size() << ", LPT " << lpt_moved);
  CHECK(moved < before.size() / 20);
  CHECK(moved * 2 < lpt_moved);
  CHECK(max_weight(after_plan) <= total_weight(after_plan) / 4.0 * (1 + kSlack) + 1);
}

TEST_CASE("plan: no files gives a plan with no rows", "[plan]") {
  const ShardPlan p = plan_shards({}, 3);
  CHECK(p.shards == 3);
  CHECK(p.files.empty());
  for (int i = 1; i <= 3; ++i) CHECK(p.files_of(i).empty());
}

TEST_CASE("plan: more shards than files leaves shards empty, one file each at most", "[plan]") {
  const ShardPlan p = plan_shards(random_files(3, 1), 8);
  std::map<int, int> count;
  for (const auto& f : p.files) ++count[f.shard];
  CHECK(count.size() == 3);
  for (const auto& [shard, n] : count) CHECK(n == 1);
}

TEST_CASE("plan: empty files still count (opening one costs) and spread out", "[plan]") {
  std::vector<PlannedFile> files;
  for (int i = 0; i < 40; ++i) files.push_back({fmt::format("e{:02}.txt", i), 0, 0});
  const ShardPlan p = plan_shards(files, 4);
  for (int i = 1; i <= 4; ++i) CHECK(p.files_of(i).size() == 10);
}

TEST_CASE("plan: one huge file gets a shard to itself, the rest share the others", "[plan]") {
  std::vector<PlannedFile> files = random_files(300, 9);
  files.push_back({"corpus/huge.pdf", 4'000'000'000ull, 0});
  const ShardPlan p = plan_shards(files, 4);
  const auto shards = shard_of(p);
  const int huge = shards.at("corpus/huge.pdf");
  CHECK(p.files_of(huge).size() == 1);
  // The other three share the rest within the slack: the huge file does not
  // raise the cap they are held to.
  uint64_t others_max = 0, others_total = 0;
  for (int i = 1; i <= 4; ++i) {
    if (i == huge) continue;
    others_max = std::max(others_max, p.weight_of(i));
    others_total += p.weight_of(i);
  }
  CHECK(others_max <= others_total / 3.0 * (1 + kSlack) + 1);
}

TEST_CASE("plan: bad shard counts are errors", "[plan]") {
  CHECK_THROWS_AS(plan_shards({}, 0), Error);
  CHECK_THROWS_AS(plan_shards({}, kMaxShards + 1), Error);
}

TEST_CASE("plan file: written and read back the same, odd paths escaped", "[plan]") {
  std::vector<PlannedFile> files = random_files(50, 2);
  files.push_back({"odd\tname\\with\nbreaks.txt", 12, 0});
  const ShardPlan p = plan_shards(files, 3, {"corpus/manifest.tsv", 99, 0});
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / fmt::format("dipmine-plan-{}.tsv", getpid());
  {
    std::ofstream out(file, std::ios::binary);
    write_plan(p, out);
  }
  const ShardPlan q = read_plan(file.string());
  CHECK(q.shards == 3);
  CHECK(shard_of(q) == shard_of(p));
  CHECK(q.manifest() == "corpus/manifest.tsv");
  CHECK(q.digest() == p.digest());
  fs::remove(file);
}

TEST_CASE("plan file: a broken row is FILE:LINE", "[plan]") {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / fmt::format("dipmine-badplan-{}.tsv", getpid());
  auto error_for = [&](const std::string& text) -> std::string {
    {
      std::ofstream out(file, std::ios::binary);
      out << text;
    }
    try {
      read_plan(file.string());
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  };
  const std::string h = "shard\tshards\tbytes\tpath\n";
  const std::string f = file.string();
  CHECK(error_for("file\tshard\n") == f + ":1: not a dipmine plan: the header must be 'shard\\tshards\\tbytes\\tpath'");
  CHECK(error_for(h + "1\t2\t10\ta\n1\t2\n").rfind(f + ":3: a row has 4", 0) == 0);
  CHECK(error_for(h + "3\t2\t10\ta\n").rfind(f + ":2: shard '3' is not a number from 0 to 2", 0) == 0);
  CHECK(error_for(h + "1\t2\t10\ta\n1\t3\t10\tb\n").rfind(f + ":3: shards 3 differs", 0) == 0);
  CHECK(error_for(h + "1\t2\tx\ta\n").rfind(f + ":2: bytes 'x'", 0) == 0);
  CHECK(error_for(h + "1\t2\t1\ta\n2\t2\t1\ta\n").rfind(f + ":3: a: listed twice", 0) == 0);
  CHECK(error_for(h + "1\t2\t1\ta\\q\n").rfind(f + ":2: the path is empty", 0) == 0);
  CHECK(error_for("").rfind(f + ":1: empty file", 0) == 0);
  CHECK(error_for(h + "1\t2\t10\ta\n2\t2\t5\tb\n").empty());
  fs::remove(file);
  CHECK_THROWS_WITH(read_plan(f), Catch::Contains("cannot read"));
}

TEST_CASE("shard spec: I/N with I from 1 to N", "[plan]") {
  CHECK(parse_shard_spec("2/4") == std::pair<int, int>{2, 4});
  CHECK(parse_shard_spec("1/1") == std::pair<int, int>{1, 1});
  for (const char* bad : {"0/4", "5/4", "2", "2/", "/4", "a/b", "2/4x", "-1/4", "1/0", ""}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_shard_spec(bad), Error);
  }
}

#include "ingest/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <filesystem>
#include <ostream>
#include <set>

#include "common/error.h"
#include "common/stable_hash.h"
#include "ingest/ingest.h"

namespace dipmine::ingest {
namespace {

constexpr const char* kHeader = "shard\tshards\tbytes\tpath";

// A fixed function of the bytes on every machine (common/stable_hash.h), so
// that every array task computes the same plan.
uint64_t stable_hash(std::string_view s, uint64_t seed) { return StableHash(seed).add(s).value(); }

std::string escape_path(const std::string& path) {
  std::string out;
  for (const char c : path) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

// The path of a row, or "" when an escape is not one of the four.
std::string unescape_path(std::string_view cell) {
  std::string out;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] != '\\') {
      out += cell[i];
      continue;
    }
    if (++i == cell.size()) return {};
    switch (cell[i]) {
      case '\\': out += '\\'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      default: return {};
    }
  }
  return out;
}

template <typename Int>
bool parse_int(std::string_view s, Int& value) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

}  // namespace

std::vector<std::string> ShardPlan::files_of(int i) const {
  std::vector<std::string> out;
  for (const PlannedFile& f : files) {
    if (f.shard == i) out.push_back(f.path);
  }
  return out;
}

std::string ShardPlan::manifest() const {
  for (const PlannedFile& f : files) {
    if (f.shard == 0) return f.path;
  }
  return {};
}

uint64_t ShardPlan::weight_of(int i) const {
  uint64_t w = 0;
  for (const PlannedFile& f : files) {
    if (f.shard == i) w += f.bytes + kFileWeight;
  }
  return w;
}

std::string ShardPlan::digest() const {
  StableHash h;
  h.add(std::to_string(shards));
  for (const PlannedFile& f : files) h.add(std::to_string(f.shard)).add(std::to_string(f.bytes)).add(f.path);
  return h.hex();
}

ShardPlan plan_shards(std::vector<PlannedFile> files, int n, const PlannedFile& manifest) {
  if (n < 1 || n > kMaxShards) {
    throw Error(fmt::format("the number of shards must be from 1 to {}, got {}", kMaxShards, n));
  }
  // Heaviest first (LPT); ties by path, so that the input order never matters.
  std::sort(files.begin(), files.end(), [](const PlannedFile& a, const PlannedFile& b) {
    return a.bytes != b.bytes ? a.bytes > b.bytes : a.path < b.path;
  });
  uint64_t total = 0;
  for (const PlannedFile& f : files) total += f.bytes + kFileWeight;
  // A file heavier than the mean of what is left gets a shard to itself, and
  // the cap is the mean of the rest over the other shards: else one huge file
  // would raise the cap so high that it never binds on the small ones.
  size_t alone = 0;
  uint64_t rest = total;
  int shards_left = n;
  while (alone < files.size() && shards_left > 1 &&
         (files[alone].bytes + kFileWeight) * static_cast<uint64_t>(shards_left) > rest) {
    rest -= files[alone].bytes + kFileWeight;
    --shards_left;
    ++alone;
  }
  const double cap = static_cast<double>(rest) / shards_left * (1.0 + kSlack);

  std::vector<uint64_t> load(static_cast<size_t>(n), 0);
  std::vector<std::pair<uint64_t, int>> preference(static_cast<size_t>(n));
  for (PlannedFile& f : files) {
    const uint64_t w = f.bytes + kFileWeight;
    // Rendezvous order: the file's own ranking of the shards.
    const uint64_t key = stable_hash(f.path, 0);
    for (int s = 0; s < n; ++s) {
      preference[static_cast<size_t>(s)] = {stable_hash(std::to_string(s + 1), key), s};
    }
    std::sort(preference.begin(), preference.end(), std::greater<>());
    int chosen = -1;
    for (const auto& [rank, s] : preference) {
      if (static_cast<double>(load[static_cast<size_t>(s)] + w) <= cap) {
        chosen = s;
        break;
      }
    }
    if (chosen < 0) {  // fits nowhere under the cap: the lightest shard (LPT's choice)
      chosen = preference.front().second;
      for (const auto& [rank, s] : preference) {
        if (load[static_cast<size_t>(s)] < load[static_cast<size_t>(chosen)]) chosen = s;
      }
    }
    load[static_cast<size_t>(chosen)] += w;
    f.shard = chosen + 1;
  }
  if (!manifest.path.empty()) {
    files.push_back(manifest);
    files.back().shard = 0;
  }
  std::sort(files.begin(), files.end(), [](const PlannedFile& a, const PlannedFile& b) {
    return a.shard != b.shard ? a.shard < b.shard : a.path < b.path;
  });
  ShardPlan plan;
  plan.shards = n;
  plan.files = std::move(files);
  return plan;
}

ShardPlan plan_paths(const std::vector<std::string>& paths, int n,
                     std::vector<std::string>& messages, std::vector<std::string>* notes,
                     bool allow_special) {
  std::vector<PlannedFile> files;
  for (std::string& path : expand_paths(paths, messages, notes, allow_special)) {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(path, ec);
    // A size that cannot be read weighs nothing here; ingest reports the file.
    files.push_back({std::move(path), ec ? 0 : static_cast<uint64_t>(size), 0});
  }
  PlannedFile manifest;
  manifest.path = default_manifest(paths);
  if (!manifest.path.empty()) {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(manifest.path, ec);
    manifest.bytes = ec ? 0 : static_cast<uint64_t>(size);
  }
  return plan_shards(std::move(files), n, manifest);
}

void write_plan(const ShardPlan& plan, std::ostream& out) {
  out << kHeader << '\n';
  for (const PlannedFile& f : plan.files) {
    out << f.shard << '\t' << plan.shards << '\t' << f.bytes << '\t' << escape_path(f.path) << '\n';
  }
}

ShardPlan read_plan(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read the plan file", file));
  ShardPlan plan;
  std::set<std::string> seen;
  std::string line;
  int line_no = 0;
  auto fail = [&](const std::string& why) {
    throw Error(fmt::format("{}:{}: {}", file, line_no, why));
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1) {
      if (line != kHeader) fail(fmt::format("not a dipmine plan: the header must be '{}'", one_line(kHeader)));
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string_view> cells;
    std::string_view rest = line;
    for (size_t tab; (tab = rest.find('\t')) != std::string_view::npos && cells.size() < 3;) {
      cells.push_back(rest.substr(0, tab));
      rest.remove_prefix(tab + 1);
    }
    cells.push_back(rest);
    if (cells.size() != 4 || cells[3].find('\t') != std::string_view::npos) {
      fail(fmt::format("a row has 4 tab-separated cells (shard, shards, bytes, path), this one {}",
                       cells.size() == 4 ? "more" : std::to_string(cells.size())));
    }
    int shard = 0, shards = 0;
    PlannedFile f;
    if (!parse_int(cells[1], shards) || shards < 1 || shards > kMaxShards) {
      fail(fmt::format("shards '{}' is not a number from 1 to {}", one_line(cells[1]), kMaxShards));
    }
    if (plan.shards != 0 && shards != plan.shards) {
      fail(fmt::format("shards {} differs from {} on the rows above", shards, plan.shards));
    }
    plan.shards = shards;
    if (!parse_int(cells[0], shard) || shard < 0 || shard > shards) {
      fail(fmt::format("shard '{}' is not a number from 0 to {}", one_line(cells[0]), shards));
    }
    if (!parse_int(cells[2], f.bytes)) fail(fmt::format("bytes '{}' is not a number", one_line(cells[2])));
    f.path = unescape_path(cells[3]);
    if (f.path.empty()) fail("the path is empty or has a bad \\ escape (\\\\, \\t, \\n, \\r)");
    if (!seen.insert(f.path).second) fail(fmt::format("{}: listed twice", one_line(f.path)));
    if (shard == 0 && !plan.manifest().empty()) fail("a second manifest row (shard 0)");
    f.shard = shard;
    plan.files.push_back(std::move(f));
  }
  if (line_no == 0) throw Error(fmt::format("{}:1: empty file, not a dipmine plan", file));
  return plan;
}

std::pair<int, int> parse_shard_spec(const std::string& spec) {
  const size_t slash = spec.find('/');
  int i = 0, n = 0;
  if (slash == std::string::npos || !parse_int(std::string_view(spec).substr(0, slash), i) ||
      !parse_int(std::string_view(spec).substr(slash + 1), n)) {
    throw Error(fmt::format("'{}' is not I/N (shard I of N, e.g. 2/4)", one_line(spec)));
  }
  if (n < 1 || n > kMaxShards) {
    throw Error(fmt::format("'{}': N must be from 1 to {}", one_line(spec), kMaxShards));
  }
  if (i < 1 || i > n) throw Error(fmt::format("'{}': I must be from 1 to {}", one_line(spec), n));
  return {i, n};
}

}  // namespace dipmine::ingest

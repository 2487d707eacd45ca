// Shard plans: which files each of N ingest jobs reads (docs/shards.md).
//
//   ShardPlan plan = plan_shards({{"a.txt", 120}, {"b.pdf", 9000}}, 4);
//   write_plan(plan, std::cout);                 // the TSV `dipmine plan` prints
//   ShardPlan again = read_plan("plan.tsv");     // throws "plan.tsv:3: ..."
//   for (const PlannedFile& f : plan.files) if (f.shard == 2) ingest(f.path);
//
// Balanced: each file weighs its bytes plus kFileWeight (opening and reading
// a file costs something even when it is empty), and the heaviest files are
// placed first. Stable: the plan is a function of the set of (path, bytes)
// only, not of the order the files were listed in, so a re-run on the same
// files gives the same plan. When files are added, most files keep their
// shard: each file has its own order of preference over the shards
// (rendezvous hashing of its path) and goes to the first one in that order
// whose load stays under the cap (the mean load plus kSlack); only files that
// no longer fit under the cap move. A pure hash would keep every file in place
// but balance poorly; a pure greedy (LPT) would move most files when one is
// added. Changing N moves files, as it must.
//
// Plan file (UTF-8 TSV, one header line "shard\tshards\tbytes\tpath"): one row
// per file, sorted by shard then path; `shard` from 1 to `shards` (the N of
// the plan, the same on every row); `bytes` the file's size when planned;
// `path` as the walk found it (relative paths are relative to the folder the
// plan was made in), with backslash, tab, newline and carriage return written
// \\, \t, \n, \r. A row with shard 0 is not a document but the corpus
// manifest that every shard reads (ingest's manifest.tsv).
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace dipmine::ingest {

struct PlannedFile {
  std::string path;
  uint64_t bytes = 0;
  int shard = 0;  // 1..N; 0 = the manifest
};

struct ShardPlan {
  int shards = 0;
  std::vector<PlannedFile> files;  // sorted by shard, then path
  // Files of shard `i` (1..N), in path order.
  std::vector<std::string> files_of(int i) const;
  // The manifest every shard reads, "" if none.
  std::string manifest() const;
  // Weight (bytes + kFileWeight per file) of shard `i`.
  uint64_t weight_of(int i) const;
  // 16 hex digits that change when any row changes (logs compare it).
  std::string digest() const;
};

constexpr uint64_t kFileWeight = 4096;
constexpr double kSlack = 0.05;
constexpr int kMaxShards = 100000;

// Assigns `files` (shard ignored; paths must be distinct) to shards 1..n.
// `manifest` (may be empty) becomes a shard-0 row. Throws dipmine::Error for
// n outside 1..kMaxShards.
ShardPlan plan_shards(std::vector<PlannedFile> files, int n, const PlannedFile& manifest = {});

// What `dipmine plan` does: walks `paths` as ingest does (expand_paths: the
// same files, the same messages and notes), sizes each file and plans n shards,
// with the manifest ingest would use (default_manifest) as the shard-0 row.
ShardPlan plan_paths(const std::vector<std::string>& paths, int n,
                     std::vector<std::string>& messages, std::vector<std::string>* notes,
                     bool allow_special);

void write_plan(const ShardPlan& plan, std::ostream& out);
// Reads a plan file. Throws dipmine::Error "FILE:LINE: problem" for a missing
// or wrong header, a row without 4 cells, a shard outside 0..shards, shards
// that differ between rows, a bad byte count, an empty or repeated path;
// "FILE: cannot read" when it cannot be opened.
ShardPlan read_plan(const std::string& file);

// "I/N" as `--shard` takes it (I from 1 to N): {I, N}. Throws dipmine::Error
// naming the problem (the caller names the option).
std::pair<int, int> parse_shard_spec(const std::string& spec);

}  // namespace dipmine::ingest

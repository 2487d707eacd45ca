// Merging stores: the shards of a sharded ingest (docs/shards.md) into one.
//
//   MergeReport r = merge_stores("all.db", {"s1.db", "s2.db"}, {});
//   for (const ShardMerge& s : r.shards) print(s.path, s.documents, s.added, s.duplicates());
//
// Every document of every shard, in the order the shards are given and by id
// within a shard, goes through ingest's writer rules (ingest/placer.h), so
// duplicates by identity and DOI are dropped or merged exactly as one ingest
// of all the files would; each one is counted and has a message.
//
// Refused before anything is written (one-line dipmine::Error naming the
// file): a shard that does not exist or is not a dipmine store, one with
// another schema version, lexicon or tokenizer fingerprint than the output (or
// than the first shard when the output holds no documents yet), a shard given
// twice (the same file, or a copy: same content fingerprint), the output
// given as a shard.
//
// Resumable: each shard is merged in one transaction that also records it
// ("merged:FINGERPRINT" in store_state, with its counts). After a kill at any
// moment the next open rolls an unfinished shard back, and re-running the same
// command skips the shards recorded (reporting their recorded counts) and
// merges the rest: the store is the one an uninterrupted merge makes, and no
// reader ever sees half a shard. Last, the full-text index is merged into one
// segment and the top-k index rebuilt (store::optimize_index, one
// transaction, repeated by a re-run).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/search.h"

namespace dipmine::ingest {

struct ShardMerge {
  std::string path;
  std::string shard;          // "I/N plan DIGEST" when made by ingest --shard, else ""
  bool earlier_run = false;   // recorded by an earlier run: counts are that run's
  int64_t documents = 0;      // documents in the shard
  int64_t added = 0;          // inserted as new documents
  int64_t replaced = 0;       // replaced a stored document of the same path (other text)
  int64_t same_text = 0;      // dropped: the same text is stored already
  int64_t merged = 0;         // bibliographic duplicates merged into a stored record
  int64_t attached = 0;       // PDFs attached to a stored record of the same paper
  int64_t duplicates() const { return same_text + merged + attached; }
  std::vector<std::string> messages;  // one per duplicate or replacement
};

struct MergeReport {
  std::vector<ShardMerge> shards;
  store::OptimizeReport index;
  std::vector<std::string> notes;  // e.g. shards of one plan missing
  double shard_seconds = 0;        // reading and inserting the shards
  double index_seconds = 0;        // the full-text index optimize and top-k build
};

struct MergeOptions {
  // Called after each shard's commit (progress, and the kill test's hook).
  std::function<void(const ShardMerge&)> shard_done;
};

MergeReport merge_stores(const std::string& out, const std::vector<std::string>& shards,
                         const MergeOptions& options);

}  // namespace dipmine::ingest

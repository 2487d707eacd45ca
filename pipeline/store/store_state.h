// Facts about a store as a whole, in its store_state table (key -> text):
//
//   "lexicon"       fingerprint of the lexicon the mentions were found with
//                   (written whenever the concepts table is, by ingest and
//                   extract: analysis/mentions.h sync_concepts)
//   "shard"         "I/N plan DIGEST": the store holds shard I of that plan
//                   (ingest --shard)
//   "merged:ID"     a shard merged into this store (ingest/merge.h): its
//                   path and counts, written in the shard's transaction
//
//   set_state(db, "lexicon", fp);                 // inside a Transaction
//   if (auto v = get_state(db, "shard")) ...
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/sqlite.h"

namespace dipmine::store {

std::optional<std::string> get_state(Database& db, const std::string& key);
void set_state(Database& db, const std::string& key, const std::string& value);
// Every (key, value) whose key starts with `prefix`, by key.
std::vector<std::pair<std::string, std::string>> states_with_prefix(Database& db,
                                                                    const std::string& prefix);

}  // namespace dipmine::store

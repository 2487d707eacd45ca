#include "ingest/merge.h"

#include <fmt/format.h>
#include <tbb/parallel_pipeline.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "common/error.h"
#include "ingest/placer.h"
#include "store/corpus.h"
#include "store/fts_tokenizer.h"
#include "store/schema.h"
#include "store/store_state.h"
#include "store/stored_records.h"

namespace dipmine::ingest {
namespace {

namespace fs = std::filesystem;

struct Shard {
  std::string path, canonical;
  std::unique_ptr<store::Corpus> corpus;
  std::string fingerprint, lexicon, tokenizer, note;
  int64_t documents = 0;
};

std::string canonical_path(const std::string& path) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? path : p.string();
}

std::string tokenizer_of(store::Corpus& corpus) {
  store::Statement q(corpus.db(), "SELECT value FROM fts_state WHERE key = 'tokenizer'");
  return q.step() ? q.column_text(0) : std::string();
}

int64_t document_count(store::Corpus& corpus) {
  store::Statement q(corpus.db(), "SELECT count(*) FROM documents");
  q.step();
  return q.column_int(0);
}

// PRAGMA user_version of the SQLite file at `path`, or -1 when it cannot be
// read (Corpus::open then says why).
int raw_schema_version(const std::string& path) {
  try {
    store::Database db(path, store::Database::Access::read_only);
    store::Statement q(db, "PRAGMA user_version");
    q.step();
    return static_cast<int>(q.column_int(0));
  } catch (const Error&) {
    return -1;
  }
}

Shard open_shard(const std::string& path) {
  Shard s;
  s.path = path;
  s.canonical = canonical_path(path);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw Error(fmt::format("{}: no such store (not a file)", path));
  const int version = raw_schema_version(path);
  if (version > 0 && version != store::current_schema_version()) {
    throw Error(fmt::format("{}: schema version {}, but this dipmine writes {}: merge only stores "
                            "of one version (a writing command of this dipmine, such as `dipmine "
                            "optimize --db {}`, upgrades an older one)",
                            path, version, store::current_schema_version(), path));
  }
  s.corpus = store::Corpus::open(path, store::OpenMode::read_only);
  store::ReadSnapshot snap(s.corpus->db());
  s.documents = document_count(*s.corpus);
  s.lexicon = store::get_state(s.corpus->db(), "lexicon").value_or("");
  s.tokenizer = tokenizer_of(*s.corpus);
  s.note = store::get_state(s.corpus->db(), "shard").value_or("");
  s.fingerprint = store::content_fingerprint(*s.corpus);
  if (s.lexicon.empty()) {
    throw Error(fmt::format("{}: no lexicon fingerprint recorded (a store made before merge "
                            "existed): `dipmine extract --db {}` records it",
                            path, path));
  }
  return s;
}

// The marker a merged shard leaves in the output: path, shard note, counts.
std::string marker_value(const ShardMerge& m) {
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", m.documents, m.added, m.replaced,
                     m.same_text, m.merged, m.attached, m.shard, m.path);
}

ShardMerge parse_marker(const std::string& value) {
  ShardMerge m;
  std::istringstream in(value);
  std::string cell;
  std::vector<std::string> cells;
  while (std::getline(in, cell, '\t')) cells.push_back(cell);
  if (cells.size() >= 8) {
    m.documents = std::stoll(cells[0]);
    m.added = std::stoll(cells[1]);
    m.replaced = std::stoll(cells[2]);
    m.same_text = std::stoll(cells[3]);
    m.merged = std::stoll(cells[4]);
    m.attached = std::stoll(cells[5]);
    m.shard = cells[6];
    m.path = cells[7];
  }
  return m;
}

void copy_concepts(store::Corpus& from, store::Corpus& to) {
  to.db().exec("DELETE FROM concepts");
  store::Statement q(from.db(),
                     "SELECT id, kind, dimension, label_en, label_fa, label_ja, meta FROM concepts");
  store::Statement ins(to.db(),
                       "INSERT INTO concepts(id, kind, dimension, label_en, label_fa, label_ja, "
                       "meta) VALUES(?,?,?,?,?,?,?)");
  while (q.step()) {
    for (int c = 0; c < 7; ++c) ins.bind(c + 1, q.column_text(c));
    ins.run();
  }
}

// Shards of one plan ("I/N plan DIGEST") that were neither given now nor
// merged before: their files are not in the output.
std::vector<std::string> missing_shards(const std::vector<std::string>& notes) {
  std::map<std::string, std::pair<int, std::set<int>>> plans;  // digest -> N, shards seen
  for (const std::string& note : notes) {
    int i = 0, n = 0;
    char digest[64] = {};
    if (std::sscanf(note.c_str(), "%d/%d plan %63s", &i, &n, digest) != 3) continue;
    plans[digest].first = n;
    plans[digest].second.insert(i);
  }
  std::vector<std::string> out;
  for (const auto& [digest, seen] : plans) {
    std::string list;
    for (int i = 1; i <= seen.first; ++i) {
      if (!seen.second.count(i)) list += (list.empty() ? "" : ", ") + std::to_string(i);
    }
    if (!list.empty()) {
      out.push_back(fmt::format("plan {} has {} shards; shard {} not merged, so its files are not "
                                "in the output",
                                digest, seen.first, list));
    }
  }
  return out;
}

}  // namespace

MergeReport merge_stores(const std::string& out_path, const std::vector<std::string>& shard_paths,
                         const MergeOptions& options) {
  // Every check first: a refused merge writes nothing.
  const std::string out_canonical = canonical_path(out_path);
  std::vector<Shard> shards;
  std::map<std::string, std::string> by_canonical, by_fingerprint;
  for (const std::string& path : shard_paths) {
    if (canonical_path(path) == out_canonical) {
      throw UsageError(fmt::format("{}: is the output store itself; give it once, as OUT", path));
    }
    if (auto it = by_canonical.find(canonical_path(path)); it != by_canonical.end()) {
      throw UsageError(fmt::format("{}: given twice (also as {})", path, it->second));
    }
    by_canonical[canonical_path(path)] = path;
    Shard s = open_shard(path);
    if (s.documents > 0 || !s.note.empty()) {
      if (auto it = by_fingerprint.find(s.fingerprint); it != by_fingerprint.end()) {
        throw UsageError(fmt::format("{}: holds the same documents as {} (a copy given twice)", path,
                                it->second));
      }
      by_fingerprint[s.fingerprint] = path;
    }
    shards.push_back(std::move(s));
  }
  if (shards.empty()) throw Error("no shard to merge");

  // An output that is not there yet is created only once every check passed.
  // `create` also for a file that exists: a merge killed while creating it
  // left a file without the schema, which the re-run completes.
  std::error_code ec;
  std::unique_ptr<store::Corpus> out;
  if (fs::exists(out_path, ec)) out = store::Corpus::open(out_path, store::OpenMode::create);
  const int64_t out_documents = out ? document_count(*out) : 0;
  std::string lexicon = out ? store::get_state(out->db(), "lexicon").value_or("") : "";
  std::string tokenizer = out ? tokenizer_of(*out) : "";
  std::string reference = out_path;
  if (out_documents > 0 && lexicon.empty()) {
    throw Error(fmt::format("{}: no lexicon fingerprint recorded (a store made before merge "
                            "existed): `dipmine extract --db {}` records it",
                            out_path, out_path));
  }
  if (out_documents == 0) {  // an empty output takes the first shard's
    lexicon = shards.front().lexicon;
    tokenizer = shards.front().tokenizer;
    reference = shards.front().path;
  }
  for (const Shard& s : shards) {
    if (s.lexicon != lexicon) {
      throw Error(fmt::format("{}: made with another lexicon than {} (fingerprint {}, not {}): "
                              "run `dipmine extract` on both with one lexicon first",
                              s.path, reference, s.lexicon, lexicon));
    }
    if (s.tokenizer != tokenizer && !tokenizer.empty()) {
      throw Error(fmt::format("{}: its full-text index was made by other normalisers than {}'s "
                              "(tokenizer fingerprint {}, not {}): `dipmine optimize --rebuild` "
                              "both with one dipmine first",
                              s.path, reference, s.tokenizer, tokenizer));
    }
  }

  MergeReport report;
  if (!out) out = store::Corpus::open(out_path, store::OpenMode::create);
  store::refresh_stale_index(*out);  // as ingest: new rows and old use this build's tokens
  if (out_documents == 0) {
    store::Transaction tx(out->db());
    copy_concepts(*shards.front().corpus, *out);
    store::set_state(out->db(), "lexicon", lexicon);
    tx.commit();
  }
  std::vector<std::string> plan_notes;
  for (const auto& [key, value] : store::states_with_prefix(out->db(), "merged:")) {
    const ShardMerge earlier = parse_marker(value);
    if (!earlier.shard.empty()) plan_notes.push_back(earlier.shard);
  }
  const auto start = std::chrono::steady_clock::now();
  {
    store::BulkWrite bulk(*out);
    out->start_remembering_keys();
    for (Shard& s : shards) {
      const std::string key = "merged:" + s.fingerprint;
      if (auto value = store::get_state(out->db(), key)) {
        ShardMerge m = parse_marker(*value);
        m.earlier_run = true;
        m.path = s.path;
        report.shards.push_back(std::move(m));
        continue;
      }
      ShardMerge m;
      m.path = s.path;
      m.shard = s.note;
      if (!s.note.empty()) plan_notes.push_back(s.note);
      store::Transaction tx(out->db());
      out->check_remembered_keys();
      DocumentPlacer placer(*out, false);
      IngestReport counts;
      store::Statement stamp(out->db(), "UPDATE documents SET added_at = ? WHERE id = ?");
      store::StoredRecords records(*s.corpus);
      // As in ingest: one thread reads, the index terms are computed in
      // parallel (the writer's tokenizer then only takes them), one writes.
      struct Batch {
        std::vector<store::DocumentRecord> records;
        std::vector<std::string> added_at;
      };
      tbb::parallel_pipeline(
          8,
          tbb::make_filter<void, Batch*>(
              tbb::filter_mode::serial_in_order,
              [&](tbb::flow_control& fc) -> Batch* {
                auto batch = std::make_unique<Batch>();
                int64_t bytes = 0;
                store::DocumentRecord rec;
                std::string added_at;
                while (batch->records.size() < 64 && bytes < (4 << 20) && records.next(rec, added_at)) {
                  bytes += rec.bytes;
                  batch->records.push_back(std::move(rec));
                  batch->added_at.push_back(std::move(added_at));
                }
                if (batch->records.empty()) {
                  fc.stop();
                  return nullptr;
                }
                return batch.release();
              }) &
              tbb::make_filter<Batch*, Batch*>(tbb::filter_mode::parallel,
                                               [](Batch* batch) {
                                                 for (auto& rec : batch->records) {
                                                   for (auto& p : rec.paragraphs) {
                                                     p.terms = store::paragraph_terms(p.text);
                                                   }
                                                 }
                                                 return batch;
                                               }) &
              tbb::make_filter<Batch*, void>(tbb::filter_mode::serial_in_order, [&](Batch* batch) {
                const std::unique_ptr<Batch> owned(batch);
                for (size_t i = 0; i < batch->records.size(); ++i) {
                  store::DocumentRecord& rec = batch->records[i];
                  ++m.documents;
                  const Placed placed = placer.place(rec, is_export_format(rec.format),
                                                     fmt::format("{}: {}", s.path, rec.path), counts);
                  if (placed.doc_id != 0 && !batch->added_at[i].empty()) {
                    stamp.reset();  // when it was read, not when merged
                    stamp.bind(1, batch->added_at[i]).bind(2, placed.doc_id);
                    stamp.run();
                  }
                }
              }));
      m.added = static_cast<int64_t>(counts.added);
      m.replaced = static_cast<int64_t>(counts.updated - counts.attached);
      m.same_text = static_cast<int64_t>(counts.unchanged);
      m.merged = static_cast<int64_t>(counts.records_merged);
      m.attached = static_cast<int64_t>(counts.attached);
      m.messages = std::move(counts.messages);
      store::set_state(out->db(), key, marker_value(m));
      tx.commit();
      if (options.shard_done) options.shard_done(m);
      report.shards.push_back(std::move(m));
    }
  }
  report.notes = missing_shards(plan_notes);
  const auto inserted = std::chrono::steady_clock::now();
  report.index = store::optimize_index(*out, false);
  report.shard_seconds = std::chrono::duration<double>(inserted - start).count();
  report.index_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - inserted).count();
  return report;
}

}  // namespace dipmine::ingest

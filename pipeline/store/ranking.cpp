#include "store/ranking.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "common/error.h"
#include "store/fts_tokenizer.h"

namespace dipmine::store {
namespace {

thread_local const KnownLengths* known_lengths = nullptr;

// FTS5's bm25() (fts5_aux.c) step by step, with the idfs given: the same
// operations in the same order, so that equal inputs give equal bits. A
// phrase's hits come from its own position list (xPhraseFirst: no merged
// instance array to build); a group's hits are its phrases' hits at
// distinct positions.
void rank_function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx,
                   int n_args, sqlite3_value** args) {
  const int n_phrases = api->xPhraseCount(fts);
  if (n_args < 1 || n_args > 2 || sqlite3_value_type(args[0]) != SQLITE_BLOB) {
    sqlite3_result_error(ctx, "dipmine_rank(fts, idfs [, groups]): idfs must be a blob of doubles", -1);
    return;
  }
  const auto* idf_bytes = static_cast<const char*>(sqlite3_value_blob(args[0]));
  const int n_groups = sqlite3_value_bytes(args[0]) / static_cast<int>(sizeof(double));
  const bool grouped = n_args == 2;
  const auto* groups = grouped ? static_cast<const unsigned char*>(sqlite3_value_blob(args[1])) : nullptr;
  if (grouped && sqlite3_value_bytes(args[1]) < n_phrases) {
    sqlite3_result_error(ctx, "dipmine_rank: the group blob names fewer phrases than the query has", -1);
    return;
  }
  thread_local std::vector<double> freq;
  thread_local std::vector<std::pair<int, int>> shared;  // (group, offset) of groups of several phrases
  freq.assign(static_cast<size_t>(n_groups), 0.0);
  shared.clear();
  auto group_of = [&](int phrase) { return grouped ? static_cast<int>(groups[phrase]) : phrase; };
  for (int i = 0; i < n_phrases; ++i) {
    const int g = group_of(i);
    if (g >= n_groups) continue;
    const bool alone = !grouped || ((i == 0 || group_of(i - 1) != g) && (i + 1 == n_phrases || group_of(i + 1) != g));
    Fts5PhraseIter iter;
    int column = 0, offset = 0;
    for (api->xPhraseFirst(fts, i, &iter, &column, &offset); column >= 0;
         api->xPhraseNext(fts, &iter, &column, &offset)) {
      if (alone) {
        freq[static_cast<size_t>(g)] += 1.0;
      } else {
        shared.emplace_back(g, offset);
      }
    }
  }
  std::sort(shared.begin(), shared.end());
  for (size_t k = 0; k < shared.size(); ++k) {
    if (k == 0 || shared[k] != shared[k - 1]) freq[static_cast<size_t>(shared[k].first)] += 1.0;
  }
  int rc = SQLITE_OK;
  int n_tokens = 0;
  if (const auto known = KnownLengths::of(api->xRowid(fts))) {
    n_tokens = *known;
  } else if (rc == SQLITE_OK) {
    rc = api->xColumnSize(fts, -1, &n_tokens);
  }
  sqlite3_int64 n_rows = 0, total = 0;
  if (rc == SQLITE_OK) rc = api->xRowCount(fts, &n_rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &total);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const double avgdl = static_cast<double>(total) / static_cast<double>(n_rows);
  const double len = static_cast<double>(n_tokens);
  double score = 0.0;
  for (int g = 0; g < n_groups; ++g) {
    double idf;
    std::memcpy(&idf, idf_bytes + static_cast<size_t>(g) * sizeof(double), sizeof idf);
    score = Bm25::add_weighted(score, idf, Bm25::tf_part(freq[static_cast<size_t>(g)], len, avgdl));
  }
  sqlite3_result_double(ctx, score);
}

}  // namespace

KnownLengths::KnownLengths(int64_t first_rowid, std::string_view codes)
    : previous_(known_lengths), first_rowid_(first_rowid), codes_(codes) {
  known_lengths = this;
}

KnownLengths::~KnownLengths() { known_lengths = previous_; }

std::optional<int> KnownLengths::of(int64_t rowid) {
  const KnownLengths* k = known_lengths;
  if (k == nullptr || rowid < k->first_rowid_) return std::nullopt;
  const auto at = static_cast<uint64_t>(rowid - k->first_rowid_);
  if (at >= k->codes_.size()) return std::nullopt;
  const auto code = static_cast<unsigned char>(k->codes_[at]);
  if (code == 255) return std::nullopt;
  return code;
}

[[gnu::noinline]] double Bm25::tf_part(double freq, double len, double avgdl) {
  return (freq * (k1 + 1.0)) / (freq + k1 * (1 - b + b * len / avgdl));
}

[[gnu::noinline]] double Bm25::add_weighted(double sum, double idf, double part) { return sum + idf * part; }

std::string pack_idfs(const std::vector<double>& idfs) {
  std::string blob(idfs.size() * sizeof(double), '\0');
  if (!idfs.empty()) std::memcpy(blob.data(), idfs.data(), blob.size());
  return blob;
}

double Bm25::idf(int64_t n_rows, int64_t n_hit) {
  double idf = std::log((static_cast<double>(n_rows - n_hit) + 0.5) / (static_cast<double>(n_hit) + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

void register_rank_function(Database& db) {
  fts5_api* api = fts5_api_for(db);
  if (api->xCreateFunction(api, "dipmine_rank", nullptr, rank_function, nullptr) != SQLITE_OK) {
    db.fail("registering the FTS5 function 'dipmine_rank'");
  }
}

uint64_t read_fts_varint(const unsigned char*& p, const unsigned char* end) {
  uint64_t v = 0;
  for (int i = 0; i < 9 && p < end; ++i) {
    const unsigned char c = *p++;
    if (i == 8) return (v << 8) | c;  // the ninth byte carries 8 bits
    v = (v << 7) | (c & 0x7f);
    if ((c & 0x80) == 0) return v;
  }
  return v;
}

IndexTotals index_totals(Database& db) {
  // FTS5_AVERAGES_ROWID: the row count, then each column's token total.
  Statement q(db, "SELECT block FROM paragraphs_fts_data WHERE id = 1");
  IndexTotals t;
  if (!q.step()) return t;
  const std::string blob = q.column_text(0);
  const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
  const auto* end = p + blob.size();
  t.rows = static_cast<int64_t>(read_fts_varint(p, end));
  t.tokens = static_cast<int64_t>(read_fts_varint(p, end));
  return t;
}

VocabFrequencies::VocabFrequencies(Database& db) {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, paragraphs_fts, row)");
  term_ = std::make_unique<Statement>(db, "SELECT doc FROM temp.search_vocab WHERE term = ?");
  prefix_ = std::make_unique<Statement>(
      db, "SELECT coalesce(sum(doc), 0) FROM temp.search_vocab WHERE term >= ?1 AND term < ?2");
}

int64_t VocabFrequencies::term(std::string_view key) {
  term_->bind(1, key);
  const int64_t df = term_->step() ? term_->column_int(0) : 0;
  term_->reset();
  return df;
}

int64_t VocabFrequencies::prefix(std::string_view prefix) {
  prefix_->bind(1, prefix).bind(2, prefix_successor(prefix));
  prefix_->step();
  const int64_t df = prefix_->column_int(0);
  prefix_->reset();
  return df;
}

std::string prefix_successor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xFF) s.pop_back();
  if (s.empty()) return std::string(prefix.size() + 1, '\xFF');  // no key is all 0xFF bytes
  s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

}  // namespace dipmine::store

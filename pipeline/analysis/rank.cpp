#include "analysis/rank.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "common/error.h"
#include "common/years.h"
#include "lexicon/lexicon.h"

namespace dipmine::analysis {
namespace {

void validate(const RankOptions& o) {
  if (!o.kind.empty() && o.kind != "indicator" && o.kind != "network") {
    throw UsageError(fmt::format("--kind: \"{}\" is not indicator or network", o.kind));
  }
  if (o.by != "docs" && o.by != "mentions") {
    throw UsageError(fmt::format("--by: \"{}\" is not docs or mentions", o.by));
  }
  if (!o.lang.empty() && o.lang != "fa" && o.lang != "en" && o.lang != "ja") {
    throw UsageError(fmt::format("--lang: \"{}\" is not fa, en or ja", o.lang));
  }
  const auto& dims = lexicon::dimensions();
  if (!o.dimension.empty() && std::find(dims.begin(), dims.end(), o.dimension) == dims.end()) {
    throw UsageError(fmt::format("--dimension: \"{}\" is not one of {}", o.dimension,
                                 fmt::join(dims, ", ")));
  }
}

// SQL condition on documents d and paragraphs p, with ?1 lang, ?2 from, ?3 to.
std::string scope_sql(const RankOptions& o) {
  std::string w = "1";
  if (!o.lang.empty()) w += " AND p.lang = ?1";
  if (o.year_from) w += " AND d.year >= ?2";
  if (o.year_to) w += " AND d.year <= ?3";
  return w;
}

void bind_scope(store::Statement& q, const RankOptions& o) {
  if (!o.lang.empty()) q.bind(1, o.lang);
  if (o.year_from) q.bind(2, *o.year_from);
  if (o.year_to) q.bind(3, *o.year_to);
}

template <typename Row>
void assign_ranks(std::vector<Row>& rows, bool by_docs) {
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const int64_t pa = by_docs ? a.documents : a.mentions, pb = by_docs ? b.documents : b.mentions;
    const int64_t sa = by_docs ? a.mentions : a.documents, sb = by_docs ? b.mentions : b.documents;
    if (pa != pb) return pa > pb;
    return sa > sb;
  });
  for (size_t i = 0; i < rows.size(); ++i) {
    const int64_t p = by_docs ? rows[i].documents : rows[i].mentions;
    const int64_t prev = i ? (by_docs ? rows[i - 1].documents : rows[i - 1].mentions) : -1;
    rows[i].rank = (i > 0 && p == prev) ? rows[i - 1].rank : static_cast<int>(i + 1);
  }
}

}  // namespace

void parse_year_range(const std::string& text, RankOptions& o) {
  const YearRange range = dipmine::parse_year_range(text);
  if (!range.error.empty()) throw UsageError("--year: " + range.error);
  o.year_from = range.from;
  o.year_to = range.to;
}

int64_t documents_in_scope(store::Corpus& corpus, const RankOptions& o) {
  validate(o);
  store::Statement q(corpus.db(), fmt::format("SELECT count(DISTINCT d.id) FROM documents d "
                                              "JOIN paragraphs p ON p.doc_id = d.id WHERE {}",
                                              scope_sql(o)));
  bind_scope(q, o);
  q.step();
  return q.column_int(0);
}

std::vector<RankRow> rank_concepts(store::Corpus& corpus, const RankOptions& o) {
  validate(o);
  const int64_t scope = documents_in_scope(corpus, o);
  std::vector<RankRow> rows;
  std::map<std::string, size_t> index;
  {
    std::string where = "1";
    if (!o.kind.empty()) where += " AND kind = ?1";
    if (!o.dimension.empty()) where += " AND dimension = ?2";
    store::Statement q(corpus.db(), fmt::format("SELECT id, kind, dimension, label_en FROM "
                                                "concepts WHERE {} ORDER BY id",
                                                where));
    if (!o.kind.empty()) q.bind(1, o.kind);
    if (!o.dimension.empty()) q.bind(2, o.dimension);
    while (q.step()) {
      RankRow r;
      r.concept_id = q.column_text(0);
      r.kind = q.column_text(1);
      r.dimension = q.column_text(2);
      r.label = q.column_text(3);
      r.docs_by_lang = {{"fa", 0}, {"en", 0}, {"ja", 0}};
      index[r.concept_id] = rows.size();
      rows.push_back(std::move(r));
    }
  }
  const std::string from =
      "FROM mentions m JOIN documents d ON d.id = m.doc_id "
      "JOIN paragraphs p ON p.id = m.paragraph_id WHERE " + scope_sql(o);
  store::Statement totals(corpus.db(), "SELECT m.concept_id, count(DISTINCT m.doc_id), count(*) " +
                                           from + " GROUP BY m.concept_id");
  bind_scope(totals, o);
  while (totals.step()) {
    auto it = index.find(totals.column_text(0));
    if (it == index.end()) continue;
    rows[it->second].documents = totals.column_int(1);
    rows[it->second].mentions = totals.column_int(2);
  }
  store::Statement by_lang(corpus.db(), "SELECT m.concept_id, p.lang, count(DISTINCT m.doc_id) " +
                                            from + " GROUP BY m.concept_id, p.lang");
  bind_scope(by_lang, o);
  while (by_lang.step()) {
    auto it = index.find(by_lang.column_text(0));
    if (it == index.end()) continue;
    rows[it->second].docs_by_lang[by_lang.column_text(1)] = by_lang.column_int(2);
  }
  for (RankRow& r : rows) r.share = scope ? static_cast<double>(r.documents) / scope : 0.0;
  assign_ranks(rows, o.by == "docs");
  return rows;
}

std::vector<DimensionRow> rank_dimensions(store::Corpus& corpus, const RankOptions& o) {
  RankOptions io = o;
  io.kind = "indicator";
  validate(io);
  const int64_t scope = documents_in_scope(corpus, io);
  std::vector<DimensionRow> rows;
  for (const std::string& dim : lexicon::dimensions()) {
    if (!o.dimension.empty() && dim != o.dimension) continue;
    DimensionRow r;
    r.dimension = dim;
    store::Statement n(corpus.db(),
                       "SELECT count(*) FROM concepts WHERE kind = 'indicator' AND dimension = ?4");
    n.bind(4, dim);
    n.step();
    r.indicators = n.column_int(0);
    store::Statement q(corpus.db(),
                       "SELECT count(DISTINCT m.doc_id), count(*), count(DISTINCT m.concept_id) "
                       "FROM mentions m JOIN documents d ON d.id = m.doc_id "
                       "JOIN paragraphs p ON p.id = m.paragraph_id "
                       "JOIN concepts c ON c.id = m.concept_id "
                       "WHERE c.kind = 'indicator' AND c.dimension = ?4 AND " +
                           scope_sql(io));
    bind_scope(q, io);
    q.bind(4, dim);
    q.step();
    r.documents = q.column_int(0);
    r.mentions = q.column_int(1);
    r.indicators_found = q.column_int(2);
    r.share = scope ? static_cast<double>(r.documents) / scope : 0.0;
    rows.push_back(r);
  }
  assign_ranks(rows, o.by == "docs");
  return rows;
}

}  // namespace dipmine::analysis

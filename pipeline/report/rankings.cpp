#include "report/rankings.h"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/whole_file.h"

namespace dipmine::report {
namespace {

namespace fs = std::filesystem;

std::string share_text(double s) { return fmt::format("{:.3f}", s); }

}  // namespace

Table ranking_table(const std::vector<analysis::RankRow>& rows) {
  Table t({"rank", "concept", "label", "dimension", "documents", "mentions", "share", "docs_fa",
           "docs_en", "docs_ja"});
  for (const auto& r : rows) {
    t.add({std::to_string(r.rank), r.concept_id, r.label, r.dimension, std::to_string(r.documents),
           std::to_string(r.mentions), share_text(r.share), std::to_string(r.docs_by_lang.at("fa")),
           std::to_string(r.docs_by_lang.at("en")), std::to_string(r.docs_by_lang.at("ja"))});
  }
  return t;
}

Table dimension_table(const std::vector<analysis::DimensionRow>& rows) {
  Table t({"rank", "dimension", "indicators", "indicators_found", "documents", "mentions", "share"});
  for (const auto& r : rows) {
    t.add({std::to_string(r.rank), r.dimension, std::to_string(r.indicators),
           std::to_string(r.indicators_found), std::to_string(r.documents),
           std::to_string(r.mentions), share_text(r.share)});
  }
  return t;
}

std::vector<std::string> write_rankings(store::Corpus& corpus, const std::string& dir) {
  analysis::RankOptions ind, net, all;
  ind.kind = "indicator";
  net.kind = "network";
  const auto indicators = analysis::rank_concepts(corpus, ind);
  const auto networks = analysis::rank_concepts(corpus, net);
  const auto dims = analysis::rank_dimensions(corpus, all);
  const int64_t docs = analysis::documents_in_scope(corpus, all);

  std::string md = "# Rankings\n\n";
  md += fmt::format(
      "Concepts ranked by the number of documents that mention them (the source paper's "
      "measure), over {} documents. Ties share a rank. Regenerate with `dipmine report`.\n\n",
      docs);
  md += "## Indicators\n\n" + ranking_table(indicators).render(Format::md);
  md += "\n## Networks\n\n" + ranking_table(networks).render(Format::md);
  md += "\n## Dimensions\n\n" + dimension_table(dims).render(Format::md);

  std::string csv = "table,rank,id,label,dimension,documents,mentions,share,docs_fa,docs_en,docs_ja\n";
  for (const auto* rows : {&indicators, &networks}) {
    for (const auto& r : *rows) {
      csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n",
                         rows == &indicators ? "indicators" : "networks", r.rank, r.concept_id,
                         csv_cell(r.label), r.dimension, r.documents, r.mentions,
                         share_text(r.share), r.docs_by_lang.at("fa"), r.docs_by_lang.at("en"),
                         r.docs_by_lang.at("ja"));
    }
  }
  for (const auto& d : dims) {
    csv += fmt::format("dimensions,{},{},,{},{},{},{},,,\n", d.rank, d.dimension, d.dimension,
                       d.documents, d.mentions, share_text(d.share));
  }

  using nlohmann::ordered_json;
  ordered_json j;
  j["documents"] = docs;
  for (const auto* rows : {&indicators, &networks}) {
    ordered_json arr = ordered_json::array();
    for (const auto& r : *rows) {
      arr.push_back({{"rank", r.rank}, {"id", r.concept_id}, {"label", r.label},
                     {"dimension", r.dimension}, {"documents", r.documents},
                     {"mentions", r.mentions}, {"share", std::stod(share_text(r.share))},
                     {"documents_by_lang", r.docs_by_lang}});
    }
    j[rows == &indicators ? "indicators" : "networks"] = arr;
  }
  ordered_json darr = ordered_json::array();
  for (const auto& d : dims) {
    darr.push_back({{"rank", d.rank}, {"dimension", d.dimension}, {"indicators", d.indicators},
                    {"indicators_found", d.indicators_found}, {"documents", d.documents},
                    {"mentions", d.mentions}, {"share", std::stod(share_text(d.share))}});
  }
  j["dimensions"] = darr;

  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(fmt::format("{}: cannot create the folder: {}", dir, ec.message()));
  std::vector<std::string> paths;
  for (const auto& [name, data] :
       std::vector<std::pair<std::string, std::string>>{{"rankings.md", md},
                                                        {"rankings.csv", csv},
                                                        {"rankings.json", j.dump(2) + "\n"}}) {
    const fs::path p = fs::path(dir) / name;
    write_whole_file(p, data);
    paths.push_back(p.string());
  }
  return paths;
}

}  // namespace dipmine::report

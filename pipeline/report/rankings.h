// The rankings report: indicators and networks ranked by the documents that
// mention them (the paper's measure), and the per-dimension summary, written as
// DIR/rankings.md, DIR/rankings.csv and DIR/rankings.json.
//
//   write_rankings(corpus, "reports");   // -> the three files' paths
//
// Deterministic: the same store gives the same bytes (no dates, fixed order,
// shares with three decimals). The CSV has one header and a `table` column
// (indicators, networks, dimensions). Files are written to a temporary name and
// renamed, so a failure never leaves half a report. Errors: dipmine::Error
// naming the file that could not be written.
#pragma once
#include <string>
#include <vector>

#include "analysis/rank.h"
#include "report/table.h"
#include "store/corpus.h"

namespace dipmine::report {

// The table a `rank` command prints (rank, concept, label, dimension, docs, ...).
Table ranking_table(const std::vector<analysis::RankRow>& rows);
Table dimension_table(const std::vector<analysis::DimensionRow>& rows);

std::vector<std::string> write_rankings(store::Corpus& corpus, const std::string& dir);

}  // namespace dipmine::report

// Co-occurrence counting and normalisation, as VOSviewer defines them.
//
//   CooccurrenceMatrix m = count_cooccurrences(n_nodes, units, Counting::binary);
//   std::vector<double> s = normalize(m, Normalization::association_strength);
//   // s[k] is the normalised strength of m.links()[k]
//
// Counting: a unit (document, paragraph or sentence) holds (node, count) pairs.
// Binary counting only asks whether a node occurs in a unit (count -> 1); full
// counting keeps every occurrence. With c_ui the (binary or full) count of node
// i in unit u: occurrences o_i = sum_u c_ui and the link weight
// a_ij = sum_u c_ui * c_uj (i != j), i.e. the co-occurrence matrix A'A of the
// unit-by-node matrix A, which is how VOSviewer builds term maps.
// Normalisation (s_i = sum_j a_ij, the total link strength; 2m = sum_i s_i):
//   association_strength: s_ij = a_ij / (s_i s_j / 2m)     (VOSviewer's default)
//   fractional:           s_ij = a_ij (n / s_i + n / s_j) / 2,  n = number of nodes
//   none:                 s_ij = a_ij
// Links are kept with i < j, sorted by (i, j); only pairs that co-occur appear.
// Pure functions; thread-safe. Node indices out of range throw dipmine::Error.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dipmine::analysis {

enum class Counting { binary, full };
enum class Normalization { association_strength, fractional, none };

// "binary" | "full"; UsageError "--counting: ..." otherwise.
Counting parse_counting(const std::string& name);
// "association" | "association-strength" | "fractional" | "none"; UsageError otherwise.
Normalization parse_normalization(const std::string& name);

struct Link {
  int32_t i = 0, j = 0;  // i < j
  double weight = 0;     // a_ij
};

class CooccurrenceMatrix {
 public:
  CooccurrenceMatrix(std::vector<double> occurrences, std::vector<Link> links);

  size_t size() const { return occurrences_.size(); }
  const std::vector<double>& occurrences() const { return occurrences_; }
  const std::vector<Link>& links() const { return links_; }
  // s_i: the sum of the weights of i's links.
  const std::vector<double>& total_link_strength() const { return strength_; }

 private:
  std::vector<double> occurrences_;
  std::vector<Link> links_;
  std::vector<double> strength_;
};

using UnitCounts = std::vector<std::pair<int32_t, int32_t>>;  // (node, count), by node

CooccurrenceMatrix count_cooccurrences(size_t n_nodes, const std::vector<const UnitCounts*>& units,
                                       Counting counting);

std::vector<double> normalize(const CooccurrenceMatrix& m, Normalization method);

}  // namespace dipmine::analysis

// Build tool: writes the C++ source of the Persian compound tables
// (text/fa_compound_tables.h) to standard output, built from the compounds of
// text/fa_dictionary_data.cpp, which CMake compiles into this tool too.
#include <cstdio>
#include <span>
#include <string_view>

#include "text/fa_compound_tables.h"
#include "text/gen/table_printer.h"

namespace dipmine::text::detail {
extern const char kFaDictionaryCompounds[];
}

using dipmine::gen::print_array;

int main() {
  using namespace dipmine::text::detail;
  const CompoundTables t{std::string_view(kFaDictionaryCompounds)};
  std::printf(
      "// Generated at build time by pipeline/text/gen/fa_compounds_gen.cpp; do not edit.\n"
      "#include \"text/fa_compound_tables.h\"\n\n"
      "namespace dipmine::text::detail {\n\n");
  print_array<uint64_t>("kFaCompoundHeads", "uint64_t", t.heads.slots());
  print_array<uint64_t>("kFaCompoundTails", "uint64_t", t.tails.slots());
  print_array<uint64_t>("kFaCompoundPairs", "uint64_t", t.pairs.slots());
  print_array<uint64_t>("kFaCompoundPairBits", "uint64_t", std::span<const uint64_t>(t.pair_bits));
  std::printf("}  // namespace dipmine::text::detail\n");
  return std::ferror(stdout) ? 1 : 0;
}

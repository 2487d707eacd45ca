// Build tool: writes the C++ source of the Persian compound tables
// (text/fa_compound_tables.h) to standard output, built from the compounds of
// text/fa_dictionary_data.cpp, which CMake compiles into this tool too.
#include <cinttypes>
#include <cstdio>
#include <span>
#include <string_view>

#include "text/fa_compound_tables.h"

namespace dipmine::text::detail {
extern const char kFaDictionaryCompounds[];
}

namespace {

void print_array(const char* name, std::span<const uint64_t> slots) {
  std::printf("const uint64_t %s_data[] = {\n", name);
  for (size_t i = 0; i < slots.size(); ++i) {
    std::printf("0x%" PRIx64 "u,%s", slots[i], (i % 8 == 7) ? "\n" : "");
  }
  std::printf("};\nextern const std::span<const uint64_t> %s{%s_data};\n\n", name, name);
}

}  // namespace

int main() {
  using namespace dipmine::text::detail;
  const CompoundTables t{std::string_view(kFaDictionaryCompounds)};
  std::printf(
      "// Generated at build time by pipeline/text/gen/fa_compounds_gen.cpp; do not edit.\n"
      "#include \"text/fa_compound_tables.h\"\n\n"
      "namespace dipmine::text::detail {\n\n");
  print_array("kFaCompoundHeads", t.heads.slots());
  print_array("kFaCompoundTails", t.tails.slots());
  print_array("kFaCompoundPairs", t.pairs.slots());
  print_array("kFaCompoundPairBits", t.pair_bits);
  std::printf("}  // namespace dipmine::text::detail\n");
  return std::ferror(stdout) ? 1 : 0;
}

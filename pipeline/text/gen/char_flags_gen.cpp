// Build tool: writes the C++ source of detail::kCharFlagsBmp, the CharFlag
// bits of U+0000..U+FFFF, to standard output. Built and run by CMake with the
// ICU the program links, so the table and the program's ICU always agree.
// Filling these 256 blocks from ICU at run time cost every process that
// normalised text (a search's query and snippets, too) about 200,000
// instructions per block it touched.
#include <cstdio>

#include "text/char_flags_compute.h"

int main() {
  std::printf(
      "// Generated at build time by pipeline/text/gen/char_flags_gen.cpp; do not edit.\n"
      "#include \"text/char_table.h\"\n\n"
      "namespace dipmine::text::detail {\n"
      "extern const uint8_t kCharFlagsBmp[0x10000] = {\n");
  for (char32_t c = 0; c < 0x10000; ++c) {
    std::printf("%u,%s", static_cast<unsigned>(dipmine::text::detail::compute_char_flags(c)), (c % 32 == 31) ? "\n" : "");
  }
  std::printf("};\n}  // namespace dipmine::text::detail\n");
  return std::ferror(stdout) ? 1 : 0;
}

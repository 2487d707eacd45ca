// Build tool: writes the C++ source of the Persian vocabulary's tables
// (text/fa_vocabulary_tables.h) to standard output, built from the list in
// text/fa_vocabulary_data.cpp, which CMake compiles into this tool too.
#include <cinttypes>
#include <cstdio>
#include <span>
#include <string_view>

#include "text/fa_vocabulary_tables.h"
#include "text/gen/table_printer.h"

namespace dipmine::text::detail {
extern const char kFaVocabularyTsv[];
}

namespace {

using dipmine::text::FaWord;

// Keys as octal escapes: every byte, so no escape runs into the next one.
void print_words(const char* name, std::span<const FaWord> words) {
  std::printf("const FaWord %s_data[] = {\n", name);
  for (const FaWord& w : words) {
    std::printf("{std::string_view(\"");
    for (unsigned char c : w.key) std::printf("\\%03o", c);
    std::printf("\", %zu), %" PRIu32 "},\n", w.key.size(), w.count);
  }
  std::printf("{}};\nextern const std::span<const FaWord> %s{%s_data, %zu};\n\n", name, name,
              words.size());
}

}  // namespace

int main() {
  using namespace dipmine::text::detail;
  const VocabularyTables t{std::string_view(kFaVocabularyTsv)};
  std::printf(
      "// Generated at build time by pipeline/text/gen/fa_vocabulary_gen.cpp; do not edit.\n"
      "#include \"text/fa_vocabulary_tables.h\"\n\n"
      "namespace dipmine::text::detail {\n\n");
  print_words("kFaVocabularyEntries", t.entries);
  print_words("kFaVocabularyCounts", t.counts);
  dipmine::gen::print_array<uint64_t>("kFaVocabularyCountSlots", "uint64_t", t.count_index.slots());
  dipmine::gen::print_array<uint32_t>("kFaVocabularyCountValues", "uint32_t", t.count_index.values());
  dipmine::gen::print_array<uint64_t>("kFaAnagramSignatureSlots", "uint64_t", t.signature_set.slots());
  dipmine::gen::print_array<uint64_t>("kFaAnagramSignatures", "uint64_t", t.signatures);
  print_words("kFaAnagramWords", t.anagram_words);
  std::printf("}  // namespace dipmine::text::detail\n");
  return std::ferror(stdout) ? 1 : 0;
}

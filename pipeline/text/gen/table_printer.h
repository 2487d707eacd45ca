// Build tools' shared part: prints a C++ array and a std::span over it, the
// form the generated tables take (text/gen/*_gen.cpp, pipeline/CMakeLists.txt
// dipmine_generated_table). A trailing 0 keeps an empty table valid C++; the
// span has the real size.
#pragma once
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <span>

namespace dipmine::gen {

inline void print_value(uint64_t x) { std::printf("0x%" PRIx64 "u", x); }
inline void print_value(uint32_t x) { std::printf("%" PRIu32 "u", x); }

template <typename T>
void print_array(const char* name, const char* type, std::span<const T> xs) {
  std::printf("const %s %s_data[] = {\n", type, name);
  for (size_t i = 0; i < xs.size(); ++i) {
    print_value(xs[i]);
    std::printf(",%s", (i % 8 == 7) ? "\n" : "");
  }
  std::printf("0};\nextern const std::span<const %s> %s{%s_data, %zu};\n\n", type, name, name,
              xs.size());
}

}  // namespace dipmine::gen

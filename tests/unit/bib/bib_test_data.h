// Shared by the bib unit tests: the bytes of a file under tests/data/bib/.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

inline std::string bib_test_data(const std::string& relative) {
  std::ifstream in(std::string(DIPMINE_TEST_DATA) + "/bib/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

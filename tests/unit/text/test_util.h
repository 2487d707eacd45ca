// Helpers shared by the text unit tests.
#pragma once
#include <fstream>
#include <initializer_list>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/normalizer.h"
#include "text/utf8.h"

namespace text_test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string data(const std::string& rel) {
  return read_file(std::string(DIPMINE_TEST_DATA) + "/" + rel);
}

inline std::string corpus(const std::string& prefix) {
  static const char* kFiles[] = {"000_e4dc5931b483c3b1.txt", "001_b6af51548a562a81.txt",
                                 "002_f4fad4ff95203346.txt", "003_3964fd2fec2828ab.txt",
                                 "004_635347e6668643bb.txt"};
  for (const char* f : kFiles) {
    if (std::string(f).rfind(prefix, 0) == 0) {
      return read_file(std::string(DIPMINE_SOURCE_DIR) + "/corpus/" + f);
    }
  }
  return {};
}

// The paragraphs (blank-line separated) of the seed corpus files whose names
// start with the given prefixes, in order.
inline std::vector<std::string> corpus_paragraphs(std::initializer_list<const char*> prefixes) {
  std::vector<std::string> out;
  for (const char* prefix : prefixes) {
    const std::string t = corpus(prefix);
    for (size_t b = 0; b < t.size();) {
      size_t e = t.find("\n\n", b);
      if (e == std::string::npos) e = t.size();
      out.push_back(t.substr(b, e - b));
      b = e + 2;
    }
  }
  return out;
}

// `n` random concatenations of min_pieces..max_pieces `pieces` (random text
// made of what the code under test looks at), the same for the same seed.
inline std::vector<std::string> random_texts(const std::vector<std::string>& pieces, size_t n,
                                             unsigned seed, size_t min_pieces, size_t max_pieces) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> len(min_pieces, max_pieces), pick(0, pieces.size() - 1);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    for (size_t k = len(rng); k > 0; --k) s += pieces[pick(rng)];
    out.push_back(std::move(s));
  }
  return out;
}

// Undoes the escapes of cases.tsv: \n \t \\ \uXXXX.
inline std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) { out += s[i]; continue; }
    const char c = s[++i];
    if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c == 'r') out += '\r';
    else if (c == '\\') out += '\\';
    else if (c == 'u' && i + 4 < s.size()) {
      dipmine::text::append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 1, 4), nullptr, 16)));
      i += 4;
    } else {
      out += '\\';
      out += c;
    }
  }
  return out;
}

// Makes invisible characters visible in failure messages.
inline std::string visible(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t c = dipmine::text::decode_utf8(s, i, len);
    if (c == 0x200C) out += "<ZWNJ>";
    else if (c == '\n') out += "\\n";
    else if (c < 0x20 || (c >= 0x200B && c <= 0x200F) || c == 0xAD) out += "<U+" + std::to_string(c) + ">";
    else out.append(s, i, len);
    i += len;
  }
  return out;
}

// True if every map entry is a valid range of `original` (begin <= end <= size).
inline bool map_valid(const dipmine::text::MappedText& m, size_t original_size) {
  if (m.begin.size() != m.text.size() || m.end.size() != m.text.size()) return false;
  for (size_t i = 0; i < m.text.size(); ++i) {
    if (m.begin[i] > m.end[i] || m.end[i] > original_size) return false;
  }
  return true;
}

inline bool map_monotone(const dipmine::text::MappedText& m) {
  for (size_t i = 1; i < m.text.size(); ++i) {
    if (m.begin[i] < m.begin[i - 1] || m.end[i] < m.end[i - 1]) return false;
  }
  return true;
}

}  // namespace text_test

// Helpers shared by the store tests: a temporary directory, the shipped
// corpus's paragraphs and a document record made of paragraphs.
#pragma once
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "store/document.h"
#include "store/fts_tokenizer.h"
#include "text/lang.h"

namespace store_test {

namespace fs = std::filesystem;

struct TempDir {
  fs::path dir;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "dipmine-store-XXXXXX").string();
    dir = mkdtemp(t.data());
  }
  ~TempDir() { fs::remove_all(dir); }
  std::string path(const char* name) const { return (dir / name).string(); }
};

// The paragraphs of the shipped corpus (blank-line separated blocks), files
// in name order.
inline std::vector<std::string> corpus_paragraphs() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(DIPMINE_SOURCE_DIR) / "corpus")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const fs::path& file : files) {
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string all = ss.str();
    size_t start = 0;
    while (start < all.size()) {
      size_t end = all.find("\n\n", start);
      if (end == std::string::npos) end = all.size();
      std::string p = all.substr(start, end - start);
      if (p.find_first_not_of(" \n\r\t") != std::string::npos) out.push_back(p);
      start = end + 2;
    }
  }
  return out;
}

// A document named `sha` of `paragraphs`, their index terms pre-computed
// (as ingest hands them over) when `precompute`.
inline dipmine::store::DocumentRecord document(const std::string& sha,
                                               const std::vector<std::string>& paragraphs,
                                               bool precompute) {
  dipmine::store::DocumentRecord d;
  d.path = d.name = sha;
  d.sha256 = sha;
  d.format = "text";
  d.charset = "UTF-8";
  for (const auto& text : paragraphs) {
    dipmine::store::ParagraphRecord p;
    p.text = text;
    p.lang = p.detected = dipmine::text::detect_lang(text);
    if (precompute) p.terms = dipmine::store::paragraph_terms(text);
    d.paragraphs.push_back(std::move(p));
  }
  return d;
}

}  // namespace store_test

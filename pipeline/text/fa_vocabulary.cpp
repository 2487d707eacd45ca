#include "text/fa_vocabulary.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "text/arabic_chars.h"
#include "text/utf8.h"

namespace dipmine::text {
namespace detail {
extern const char kFaVocabularyTsv[];  // fa_vocabulary_data.cpp (generated)
}

namespace {

std::string sorted_letters(std::string_view key) {
  std::u32string cps;
  for (size_t i = 0; i < key.size();) {
    size_t len;
    cps.push_back(decode_utf8(key, i, len));
    i += len;
  }
  std::sort(cps.begin(), cps.end());
  std::string out;
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

struct Vocabulary {
  std::vector<FaWord> entries;
  std::unordered_map<std::string_view, uint32_t> counts;
  std::unordered_map<std::string, std::vector<FaWord>> anagrams;

  Vocabulary() {
    const std::string_view tsv = detail::kFaVocabularyTsv;
    for (size_t pos = 0; pos < tsv.size();) {
      size_t nl = tsv.find('\n', pos);
      if (nl == std::string_view::npos) nl = tsv.size();
      const std::string_view line = tsv.substr(pos, nl - pos);
      pos = nl + 1;
      const size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      uint32_t n = 0;
      for (char c : line.substr(tab + 1)) {
        if (c >= '0' && c <= '9') n = n * 10 + static_cast<uint32_t>(c - '0');
      }
      entries.push_back({line.substr(0, tab), n});
    }
    counts.reserve(entries.size());
    for (const FaWord& w : entries) {
      counts[w.key] = std::max(counts[w.key], w.count);
      anagrams[sorted_letters(w.key)].push_back(w);
    }
  }
};

const Vocabulary& vocabulary() {
  static const Vocabulary v;
  return v;
}

}  // namespace

std::string fa_key(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    size_t len;
    char32_t c = decode_utf8(word, i, len);
    i += len;
    if (!fa::is_letter(c) || c == 0x0621) continue;  // marks, ZWNJ, tatweel, ء
    c = fa::persian_letter(c);
    switch (c) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: c = 0x0627; break;  // ا
      case 0x0624: c = 0x0648; break;                                          // و
      case 0x0626: c = 0x06CC; break;                                          // ی
      default: break;
    }
    append_utf8(out, c);
  }
  return out;
}

uint32_t fa_word_count(std::string_view key) {
  const auto& v = vocabulary();
  const auto it = v.counts.find(key);
  return it == v.counts.end() ? 0 : it->second;
}

std::span<const FaWord> fa_anagrams(std::string_view key) {
  const auto& v = vocabulary();
  const auto it = v.anagrams.find(sorted_letters(key));
  if (it == v.anagrams.end()) return {};
  return it->second;
}

size_t fa_vocabulary_size() { return vocabulary().entries.size(); }

std::span<const FaWord> fa_vocabulary_entries() { return vocabulary().entries; }

}  // namespace dipmine::text

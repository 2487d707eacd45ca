// fa_is_word and the compound questions: the shipped vocabulary, then the
// compiled-in dictionary (sorted keys and compound splits, one a line;
// fa_dictionary_data.cpp), searched by halves. Asked only of word forms the
// memo has not seen and of the few words a rule would make.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "text/fa_vocabulary.h"

namespace dipmine::text {
namespace detail {
extern const char kFaDictionaryKeys[];       // fa_dictionary_data.cpp (generated)
extern const char kFaDictionaryCompounds[];  // "first|second", one a line
}

namespace {

std::vector<std::string_view> lines_of(std::string_view all) {
  std::vector<std::string_view> out;
  for (size_t pos = 0; pos < all.size();) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    if (nl > pos) out.push_back(all.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

struct Dictionary {
  std::vector<std::string_view> keys;       // sorted by bytes (as generated)
  std::vector<std::string_view> compounds;  // "first|second", sorted
  std::vector<std::string_view> heads, tails;  // their parts, sorted, distinct
  Dictionary() : keys(lines_of(detail::kFaDictionaryKeys)), compounds(lines_of(detail::kFaDictionaryCompounds)) {
    for (std::string_view c : compounds) {
      const size_t bar = c.find('|');
      heads.push_back(c.substr(0, bar));
      tails.push_back(c.substr(bar + 1));
    }
    for (auto* v : {&heads, &tails}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
  }
};

const Dictionary& dictionary() {
  static const Dictionary d;
  return d;
}

bool contains(const std::vector<std::string_view>& sorted, std::string_view key) {
  return std::binary_search(sorted.begin(), sorted.end(), key);
}

}  // namespace

bool fa_is_word(std::string_view key) {
  if (key.empty()) return false;
  return fa_word_count(key) > 0 || contains(dictionary().keys, key);
}

bool fa_compound_head(std::string_view key) { return !key.empty() && contains(dictionary().heads, key); }
bool fa_compound_tail(std::string_view key) { return !key.empty() && contains(dictionary().tails, key); }

bool fa_is_compound(std::string_view first, std::string_view second) {
  thread_local std::string joined;
  joined.assign(first);
  joined += '|';
  joined += second;
  return contains(dictionary().compounds, joined);
}

}  // namespace dipmine::text

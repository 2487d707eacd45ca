#include "analysis/thesaurus.h"

#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "bib/bib.h"
#include "common/error.h"
#include "common/lines.h"

namespace dipmine::analysis {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string keyword_key(std::string_view keyword) { return bib::keyword_key(keyword); }

const std::string& KeywordKeys::of(const std::string& keyword) {
  auto it = memo_.find(keyword);
  if (it == memo_.end()) it = memo_.emplace(keyword, bib::keyword_key(keyword)).first;
  return it->second;
}

Thesaurus Thesaurus::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read thesaurus file", path));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse(text, path);
}

Thesaurus Thesaurus::parse(std::string_view text, const std::string& name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Thesaurus t;
  LineReader lines(text);
  size_t line_no = 0;
  for (std::string_view line; lines.next(line);) {
    line_no = lines.number();
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const size_t tab = line.find('\t');
    std::string_view label = trim(line.substr(0, tab));
    std::string_view replacement;
    if (tab != std::string_view::npos) {
      replacement = line.substr(tab + 1);
      if (replacement.find('\t') != std::string_view::npos) {
        throw Error(fmt::format("{}:{}: more than two tab-separated fields (want label<TAB>replace by)",
                                name, line_no));
      }
      replacement = trim(replacement);
    }
    if (line_no == 1 && label == "label") continue;  // VOSviewer's header
    if (label.empty()) throw Error(fmt::format("{}:{}: empty label", name, line_no));
    const std::string key = keyword_key(label);
    if (key.empty()) throw Error(fmt::format("{}:{}: label has no letters or digits", name, line_no));
    const std::string target = replacement.empty() ? std::string() : keyword_key(replacement);
    if (auto it = t.replace_.find(key); it != t.replace_.end()) {
      if (it->second != target) {
        throw Error(fmt::format("{}:{}: `{}` is already mapped to another replacement", name,
                                line_no, label));
      }
      continue;
    }
    t.replace_.emplace(key, target);
    if (!target.empty()) t.labels_.emplace(target, std::string(replacement));
  }
  return t;
}

Thesaurus Thesaurus::from_concepts(const std::vector<ConceptForm>& forms) {
  Thesaurus t;
  for (const ConceptForm& f : forms) {
    const std::string key = keyword_key(f.form);
    if (key.empty() || f.concept_id.empty()) continue;
    t.replace_.emplace(key, f.concept_id);  // first concept wins
    if (!f.label.empty()) t.labels_.emplace(f.concept_id, f.label);
  }
  return t;
}

std::optional<std::string> Thesaurus::apply(const std::string& key) const {
  auto it = replace_.find(key);
  if (it == replace_.end()) return key;
  if (it->second.empty()) return std::nullopt;
  return it->second;
}

std::string Thesaurus::label(const std::string& node_key) const {
  auto it = labels_.find(node_key);
  return it == labels_.end() ? std::string() : it->second;
}

}  // namespace dipmine::analysis

#include "lexicon/matcher_shared.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "common/error.h"
#include "lexicon/form_filter.h"
#include "lexicon/regex_literals.h"

namespace dipmine::lexicon {

void Matcher::Shared::compile(const std::vector<std::string>& strings,
                              const std::vector<uint32_t>& ids, Database& out) {
  if (strings.empty()) return;
  std::vector<const char*> expr;
  std::vector<size_t> lens;
  for (const std::string& x : strings) expr.push_back(x.data()), lens.push_back(x.size());
  const std::vector<unsigned> flags(strings.size(), 0);
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expr.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(strings.size()), HS_MODE_BLOCK, nullptr,
                           &out.db, &error) != HS_SUCCESS) {
    const std::string message = error && error->message ? error->message : "unknown error";
    hs_free_compile_error(error);
    throw Error("lexicon: Hyperscan cannot compile the forms' strings: " + message);
  }
}

Matcher::Shared::Shared(const Lexicon& lex) {
  std::unordered_map<std::string, uint32_t> string_id, atom_id;
  std::vector<std::string> atoms;
  std::vector<std::vector<uint32_t>> owners_of;
  std::vector<uint32_t> glue_strings;
  std::vector<std::vector<std::vector<uint32_t>>> form_clauses(lex.forms.size());
  glue_form.assign(lex.forms.size(), 0);
  loose_form.assign(lex.forms.size(), 0);
  for (uint32_t f = 0; f < lex.forms.size(); ++f) {
    const std::optional<RegexLiterals> listed = regex_literals(lex.forms[f].pattern, kMaxStrings);
    if (listed) {
      glue_form[f] = listed->glue;
      loose_form[f] = !listed->exact;
      for (const std::string& x : listed->strings) {
        auto [it, added] = string_id.emplace(x, static_cast<uint32_t>(strings.size()));
        if (added) strings.push_back(x), owners_of.emplace_back();
        owners_of[it->second].push_back(f);
      }
      continue;
    }
    searched.push_back(f);
    // Atoms without white space only: the scanned text is squeezed (a
    // clause losing one is dropped: fewer clauses only try RE2 more often).
    const FormFilter ff(lex.forms[f]);
    for (const auto& clause : ff.clauses) {
      std::vector<uint32_t> ids;
      for (const uint16_t k : clause) {
        const std::string& a = ff.atoms[k];
        if (a.find_first_of(" \t\n\r\f") != std::string::npos) {
          ids.clear();
          break;
        }
        auto [it, added] = atom_id.emplace(a, static_cast<uint32_t>(atoms.size()));
        if (added) atoms.push_back(a);
        ids.push_back(it->second);
      }
      if (!ids.empty()) form_clauses[f].push_back(std::move(ids));
    }
    if (form_clauses[f].empty()) unfiltered.push_back(f);
  }
  std::vector<uint8_t> glue_string(strings.size(), 0);
  for (uint32_t id = 0; id < strings.size(); ++id) {
    owners_begin.push_back(static_cast<uint32_t>(owners.size()));
    owners.insert(owners.end(), owners_of[id].begin(), owners_of[id].end());
    glue_string[id] = std::any_of(owners_of[id].begin(), owners_of[id].end(),
                                  [&](uint32_t f) { return glue_form[f]; });
  }
  owners_begin.push_back(static_cast<uint32_t>(owners.size()));
  std::map<std::string, std::vector<uint32_t>> by_anchor;
  for (uint32_t id = 0; id < strings.size(); ++id) {
    by_anchor[strings[id].substr(0, kAnchorBytes)].push_back(id);
  }
  std::vector<std::string> every;
  for (auto& [anchor, ids] : by_anchor) {
    const auto a = static_cast<uint32_t>(every.size());
    every.push_back(anchor);
    std::sort(ids.begin(), ids.end(), [&](uint32_t x, uint32_t y) { return strings[x] < strings[y]; });
    group_begin.push_back(static_cast<uint32_t>(group.size()));
    group.insert(group.end(), ids.begin(), ids.end());
    for (const uint32_t id : ids) group_at.push_back(static_cast<uint32_t>(pool.size())), pool += strings[id];
    if (std::any_of(ids.begin(), ids.end(), [&](uint32_t id) { return glue_string[id]; })) {
      glue_strings.push_back(a);
    }
  }
  group_begin.push_back(static_cast<uint32_t>(group.size()));
  n_strings = static_cast<uint32_t>(every.size());
  std::vector<std::vector<uint32_t>> forms_of_atom(atoms.size());
  for (uint32_t f = 0; f < lex.forms.size(); ++f) {
    clauses_begin.push_back(static_cast<uint32_t>(clauses.size()));
    for (const auto& c : form_clauses[f]) {
      clauses.push_back(static_cast<uint32_t>(c.size()));
      clauses.insert(clauses.end(), c.begin(), c.end());
      for (const uint32_t a : c) {
        if (forms_of_atom[a].empty() || forms_of_atom[a].back() != f) forms_of_atom[a].push_back(f);
      }
    }
  }
  clauses_begin.push_back(static_cast<uint32_t>(clauses.size()));
  for (const auto& forms : forms_of_atom) {
    atom_forms_begin.push_back(static_cast<uint32_t>(atom_forms.size()));
    atom_forms.insert(atom_forms.end(), forms.begin(), forms.end());
  }
  atom_forms_begin.push_back(static_cast<uint32_t>(atom_forms.size()));
  every.insert(every.end(), atoms.begin(), atoms.end());
  std::vector<uint32_t> ids(every.size());
  for (uint32_t id = 0; id < ids.size(); ++id) ids[id] = id, length.push_back(static_cast<uint32_t>(every[id].size()));
  compile(every, ids, all);
  std::vector<std::string> glued;
  for (const uint32_t id : glue_strings) glued.push_back(every[id]);
  compile(glued, glue_strings, glue);
}

}  // namespace dipmine::lexicon

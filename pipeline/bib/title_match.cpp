// Whether two titles name the same paper, for DOI de-duplication: a DOI
// shared by two records of different papers (a publisher's or a reference
// manager's mistake, common in real libraries) must not lose one of them.
#include <algorithm>
#include <set>
#include <string_view>
#include <string>
#include <vector>

#include "bib/bib.h"
#include <cctype>

namespace dipmine::bib {
namespace {

// The words of a folded title: runs of letters and digits (any byte >= 0x80
// counts as a letter, so every script stays whole); ASCII punctuation splits.
std::vector<std::string> words(std::string_view folded) {
  std::vector<std::string> out;
  std::string cur;
  for (const char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || std::isalnum(c)) {
      cur += ch;
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Scripts written without spaces (CJK) give one "word" per phrase: compare
// their code-point bigrams instead.
std::vector<std::string> bigrams(const std::vector<std::string>& ws) {
  std::vector<std::string> out;
  for (const std::string& w : ws) {
    std::vector<size_t> starts;
    for (size_t i = 0; i < w.size(); ++i) {
      if ((static_cast<unsigned char>(w[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(w.size());
    if (starts.size() <= 2) {
      out.push_back(w);
      continue;
    }
    for (size_t i = 0; i + 2 < starts.size(); ++i) out.push_back(w.substr(starts[i], starts[i + 2] - starts[i]));
  }
  return out;
}

// Dice coefficient of the code-point trigrams of two strings. Titles written
// with other markup for the same formula ("In[Sub x]Ga[Sub 1-x]N",
// "InxGa_1-xN", "In$_x$Ga$_{1-x}$N") or spelling ("Atom by Atom ... Ppm",
// "Atom-by-Atom ... Parts Per Million") share most of their trigrams once
// everything but letters and digits is gone.
double trigram_dice(const std::string& a, const std::string& b) {
  auto grams = [](const std::string& s) {
    std::vector<size_t> starts;
    for (size_t i = 0; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(s.size());
    std::multiset<std::string> out;
    for (size_t i = 0; i + 3 < starts.size(); ++i) out.insert(s.substr(starts[i], starts[i + 3] - starts[i]));
    return out;
  };
  const std::multiset<std::string> ga = grams(a), gb = grams(b);
  if (ga.empty() || gb.empty()) return 0.0;
  size_t shared = 0;
  auto ia = ga.begin();
  auto ib = gb.begin();
  while (ia != ga.end() && ib != gb.end()) {
    if (*ia < *ib) ++ia;
    else if (*ib < *ia) ++ib;
    else ++shared, ++ia, ++ib;
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(ga.size() + gb.size());
}

std::string joined(const std::vector<std::string>& ws) {
  std::string out;
  for (const std::string& w : ws) out += w;
  return out;
}

bool is_prefix(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  return shorter.size() <= longer.size() && std::equal(shorter.begin(), shorter.end(), longer.begin());
}

}  // namespace

bool titles_agree(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = words(keyword_key(a)), wb = words(keyword_key(b));
  if (wa.empty() || wb.empty()) return true;  // nothing to disagree with
  if (wa == wb) return true;
  // "Make It Stand" and "Make It Stand: Balancing Shapes for 3D Fabrication":
  // the title without its subtitle. One word alone is too little to say so.
  const auto& shorter = wa.size() <= wb.size() ? wa : wb;
  const auto& longer = wa.size() <= wb.size() ? wb : wa;
  if (shorter.size() >= 2 && is_prefix(shorter, longer)) return true;
  // The same at the level of letters (a subtitle cut inside a formula).
  const std::string ja = joined(wa), jb = joined(wb);
  const std::string& js = ja.size() <= jb.size() ? ja : jb;
  const std::string& jl = ja.size() <= jb.size() ? jb : ja;
  if (js.size() >= 24 && jl.compare(0, js.size(), js) == 0) return true;
  if (trigram_dice(ja, jb) >= 0.8) return true;
  const auto spaced = [](const std::vector<std::string>& ws) {
    return ws.size() >= 3 || std::all_of(ws.begin(), ws.end(), [](const std::string& w) {
             return std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
           });
  };
  if (!spaced(wa) || !spaced(wb)) wa = bigrams(wa), wb = bigrams(wb);
  // High overlap: a word or two changed (a typo, a dropped article, British
  // and American spelling). Shared distinct words over the larger set.
  const std::set<std::string> sa(wa.begin(), wa.end()), sb(wb.begin(), wb.end());
  size_t shared = 0;
  for (const std::string& w : sa) shared += sb.count(w);
  return shared * 5 >= std::max(sa.size(), sb.size()) * 4;
}

}  // namespace dipmine::bib

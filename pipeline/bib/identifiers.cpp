// How the same person and the same paper are recognised across exports:
// names turned into "Family, Given", DOIs stripped of resolvers and labels.
#include <cctype>
#include <string>
#include <vector>

#include "bib/bib.h"
#include "bib/entry.h"

namespace dipmine::bib {
namespace detail {

std::string family_given(std::string_view name) {
  name = trim(name);
  // Words split at spaces (and ~) outside braces; a comma outside braces
  // means the name is already "Family, Given".
  std::vector<std::string_view> words;
  int depth = 0;
  size_t start = 0;
  bool has_letters = false;
  for (size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : ' ';
    if (c == '{') ++depth;
    else if (c == '}') --depth;
    else if (depth == 0 && c == ',') return std::string(name);
    if (static_cast<unsigned char>(c) >= 0xE3 && static_cast<unsigned char>(c) <= 0xED) {
      return std::string(name);  // CJK, kana, hangul: family name first already, no case
    }
    if (std::isalpha(static_cast<unsigned char>(c))) has_letters = true;
    if (depth == 0 && (c == ' ' || c == '~' || c == '\t' || c == '\n')) {
      if (i > start) words.push_back(name.substr(start, i - start));
      start = i + 1;
    }
  }
  if (words.size() < 2 || !has_letters) return std::string(name);
  // The first letter of a word, looking inside braces; a control sequence
  // (\"{o}) counts as a letter of unknown case, as bibtex does.
  auto lower_word = [](std::string_view w) {
    for (char c : w) {
      if (c == '{' || c == '}') continue;
      if (c == '\\') return false;
      return c >= 'a' && c <= 'z';
    }
    return false;
  };
  size_t family = words.size() - 1;
  while (family > 1 && lower_word(words[family - 1])) --family;
  std::string out;
  for (size_t i = family; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out.append(words[i]);
  }
  out += ',';
  for (size_t i = 0; i < family; ++i) {
    out += ' ';
    out.append(words[i]);
  }
  return out;
}

}  // namespace detail

std::string clean_doi(std::string_view doi) {
  std::string_view d = detail::trim(doi);
  auto lower_starts = [&](std::string_view prefix) {
    if (d.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(d[i])) != prefix[i]) return false;
    }
    return true;
  };
  // Resolver URLs (doi.org, dx.doi.org, ACM's old doi.acm.org) and "doi:"
  // labels, in any case; the rest is the DOI itself (short DOIs "10/abc" too).
  bool cut = true;
  while (cut) {
    cut = false;
    for (std::string_view prefix : {"https://", "http://", "www.", "dx.doi.org/", "doi.org/",
                                    "doi.acm.org/", "doi:", "doi "}) {
      if (lower_starts(prefix)) {
        d.remove_prefix(prefix.size());
        d = detail::trim(d);
        cut = true;
      }
    }
  }
  std::string out;
  out.reserve(d.size());
  // %-escapes (DOIs copied from URLs: "10.1002/%28SICI%29...") decoded.
  for (size_t i = 0; i < d.size(); ++i) {
    if (d[i] == '%' && i + 2 < d.size() && std::isxdigit(static_cast<unsigned char>(d[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(d[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(d.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += d[i];
    }
  }
  // MEDLINE writes "10.1000/x [doi]"; a URL may end in '/' or '.'.
  if (const size_t sp = out.find_first_of(" \t\r\n"); sp != std::string::npos) out.resize(sp);
  while (!out.empty() && (out.back() == '.' || out.back() == '/' || out.back() == ',')) out.pop_back();
  if (out.rfind("10.", 0) != 0 && out.rfind("10/", 0) != 0) {
    // Not a DOI after all (a URL to a landing page): keep it as written.
    return std::string(detail::trim(doi));
  }
  return out;
}

}  // namespace dipmine::bib

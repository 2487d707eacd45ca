#include "bib/entry.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>

#include "common/years.h"
#include "text/lang.h"
#include "text/normalizer.h"
#include "text/steps.h"
#include "text/utf8.h"

namespace dipmine::bib {
namespace detail {
namespace {

bool is_space(char c) {
  // One compare and one bit test instead of six compares: ' ' is 32, \t..\r are 9..13.
  const auto u = static_cast<unsigned char>(c);
  return u <= ' ' && ((1ULL << u) & ((1ULL << ' ') | (0x1FULL << '\t'))) != 0;
}

// Abstract paragraphs: cut at blank lines, each squeezed.
std::vector<std::string> abstract_paragraphs(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  auto flush = [&](size_t end) {
    std::string p = squeeze(s.substr(start, end - start));
    if (!p.empty()) out.push_back(std::move(p));
  };
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '\n') {
      size_t j = i + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
      if (j < s.size() && s[j] == '\n') {
        flush(i);
        while (j < s.size() && is_space(s[j])) ++j;
        start = i = j;
        continue;
      }
    }
    ++i;
  }
  flush(s.size());
  return out;
}

// Body paragraphs: cut at blank lines when the text has one (hard-wrapped
// text), else at every line end (one paragraph a line, as CSV cells and
// scraped news keep them).
std::vector<std::string> body_paragraphs(std::string_view s) {
  bool blank_line = false;
  for (size_t nl = s.find('\n'); nl != std::string_view::npos && !blank_line; nl = s.find('\n', nl + 1)) {
    size_t j = nl + 1;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
    blank_line = j < s.size() && s[j] == '\n';
  }
  if (blank_line) return abstract_paragraphs(s);
  return split_list(s, "\n");
}

bool is_placeholder_abstract(std::string_view s) {
  return s == "[No abstract available]" || s == "No abstract available";
}

// Words that say "no year yet" rather than give a wrong one.
bool is_no_year(std::string_view s) {
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == "in press" || l == "forthcoming" || l == "n.d." || l == "nd" || l == "n.d" ||
         l == "no date" || l == "submitted";
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string squeeze(std::string_view s) {
  // Whole runs of non-space bytes are appended at once: this runs over every
  // title, abstract and keyword of an export, so it is on the hot path.
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j == i) break;
    if (!out.empty()) out += ' ';
    out.append(s.data() + i, j - i);
    i = j;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view s, std::string_view seps) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find_first_of(seps, start);
    if (end == std::string_view::npos) end = s.size();
    std::string part = squeeze(s.substr(start, end - start));
    if (!part.empty()) out.push_back(std::move(part));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split_keywords(std::string_view s) {
  return split_list(s, s.find(';') != std::string_view::npos ? ";" : ",");
}

std::optional<int> parse_year(std::string_view s) {
  int value = 0, digits = 0;
  for (size_t i = 0; i <= s.size();) {
    size_t len = 1;
    const char32_t c = i < s.size() ? text::decode_utf8(s, i, len) : U' ';
    int d = -1;
    if (c >= U'0' && c <= U'9') d = static_cast<int>(c - U'0');
    else if (c >= 0x06F0 && c <= 0x06F9) d = static_cast<int>(c - 0x06F0);  // Persian
    else if (c >= 0x0660 && c <= 0x0669) d = static_cast<int>(c - 0x0660);  // Arabic-Indic
    if (d >= 0) {
      value = digits < 9 ? value * 10 + d : value;
      ++digits;
    } else {
      if (digits == 4 && value >= 1000 && value <= 2999) return value;
      value = digits = 0;
    }
    i += len;
  }
  return std::nullopt;
}

bool ExportLines::next(std::string_view& line) {
  if (pos_ >= text_.size()) return false;
  size_t nl = text_.find('\n', pos_);
  if (nl == std::string_view::npos) nl = text_.size();
  size_t end = nl, next = nl + 1;
  // A CR before the LF ends the line with it; a CR anywhere else is a line
  // end of its own. memchr over the line only: most exports have none.
  if (const void* cr = std::memchr(text_.data() + pos_, '\r', nl - pos_); cr != nullptr) {
    const size_t at = static_cast<size_t>(static_cast<const char*>(cr) - text_.data());
    end = at;
    next = at + 1 == nl ? nl + 1 : at + 1;
  }
  line = text_.substr(pos_, end - pos_);
  pos_ = next;
  ++number_;
  return true;
}

void Sink::skip(size_t line, std::string_view what, std::string_view reason) {
  ++ordinal;
  ++out.entries;
  ++out.skipped;
  ++skip_reasons[std::string(reason.empty() ? what : reason)];
  out.messages.push_back(fmt::format("{}:{}: {}; skipped", path, line, what));
}

void Sink::unread(std::string_view field) {
  for (auto& [name, n] : unread_fields) {
    if (name == field) {
      ++n;
      return;
    }
  }
  unread_fields.emplace_back(std::string(field), 1);
}

void Sink::summarise() {
  if (solar_hijri > 1) {
    note(0, fmt::format("{} records in all have a year read as Solar Hijri (the first above)", solar_hijri));
  }
  if (!unread_fields.empty()) {
    std::string list;
    for (const auto& [name, n] : unread_fields) {
      if (!list.empty()) list += ", ";
      list += fmt::format("{} ({} record{})", name, n, n == 1 ? "" : "s");
    }
    note(0, fmt::format("note: fields not read: {}", list));
  }
  if (out.skipped == 0) return;
  std::string reasons;
  for (const auto& [reason, n] : skip_reasons) {
    if (!reasons.empty()) reasons += "; ";
    reasons += fmt::format("{} × {}", n, reason);
  }
  note(0, fmt::format("{} of {} records skipped: {}", out.skipped, out.entries, reasons));
}

const std::pair<std::string, text::Lang>& Sink::keyword_key_and_lang(const std::string& keyword) {
  if (const auto it = keyword_keys.find(keyword); it != keyword_keys.end()) return it->second;
  if (keyword_keys.size() >= 65536) keyword_keys.clear();
  return keyword_keys.emplace(keyword, std::pair{keyword_key(keyword), text::detect_lang(keyword)})
      .first->second;
}

void Sink::note(size_t line, std::string_view what) {
  out.messages.push_back(line > 0 ? fmt::format("{}:{}: {}", path, line, what)
                                  : fmt::format("{}: {}", path, what));
}

void Sink::add(Entry&& e) {
  std::string title = squeeze(e.title);
  std::string abstract(trim(e.abstract));
  if (is_placeholder_abstract(abstract)) abstract.clear();
  if (title.empty()) {
    skip(e.line, "record has no title");
    return;
  }
  std::optional<int> year;
  const std::string year_text = squeeze(e.year);
  if (const std::string& y = year_text; !y.empty() && !is_no_year(y)) {
    year = parse_year(y);
    if (!year) {
      // bibtex keeps such an entry too; a record without a year is still a
      // record (its text, authors and keywords count).
      note(e.line, fmt::format("no plausible year in `{}`; record kept without a year", y));
    }
  }
  ++ordinal;
  ++out.entries;
  store::DocumentRecord rec;
  rec.path = fmt::format("{}#{}", path, ordinal);
  rec.name = e.id.empty() ? rec.path : squeeze(e.id);
  rec.format = std::string(format_name(format));
  rec.charset = "UTF-8";
  rec.title = title;
  rec.year = year;
  rec.doi = clean_doi(e.doi);
  rec.venue = squeeze(e.venue);
  rec.source = squeeze(e.url);
  std::string authors;
  for (const std::string& a : e.authors) {
    std::string s = squeeze(a);
    if (s.empty()) continue;
    if (!authors.empty()) authors += "; ";
    authors += s;
  }
  rec.authors = std::move(authors);

  std::vector<std::string> texts{title};
  for (std::string& p : abstract_paragraphs(abstract)) texts.push_back(std::move(p));
  for (const std::string& b : e.body) {
    for (std::string& p : body_paragraphs(b)) texts.push_back(std::move(p));
  }
  std::map<text::Lang, size_t> bytes_by_lang;
  for (std::string& t : texts) {
    store::ParagraphRecord p;
    p.lang = text::detect_lang(t);
    bytes_by_lang[p.lang] += t.size();
    rec.bytes += static_cast<int64_t>(t.size());
    p.text = std::move(t);
    rec.paragraphs.push_back(std::move(p));
  }
  size_t best = 0;
  for (const auto& [lang, n] : bytes_by_lang) {
    if (lang != text::Lang::none && n > best) {
      best = n;
      rec.lang = std::string(text::lang_name(lang));
    }
  }

  if (rec.year) {
    if (auto sh = solar_hijri_reading(*rec.year, rec.lang == "fa" || has_eastern_digits(year_text))) {
      if (!sh->gregorian) note(e.line, sh->note);
      else if (rec.year = sh->gregorian; solar_hijri++ == 0) note(e.line, sh->note);  // the rest: summarise()
    }
  }

  std::set<std::pair<std::string, std::string>> seen;
  auto add_keywords = [&](const std::vector<std::string>& list, const char* kind) {
    for (const std::string& k : list) {
      store::KeywordRecord kw;
      kw.kind = kind;
      kw.keyword = squeeze(k);
      const auto& [key, lang] = keyword_key_and_lang(kw.keyword);
      kw.key = key;
      if (kw.key.empty() || !seen.emplace(kw.kind, kw.key).second) continue;
      kw.lang = lang == text::Lang::none ? rec.lang : std::string(text::lang_name(lang));
      rec.keywords.push_back(std::move(kw));
    }
  };
  add_keywords(e.author_keywords, "author");
  add_keywords(e.index_keywords, "index");
  if (emit != nullptr) (*emit)(std::move(rec));
  else out.records.push_back(std::move(rec));
}

}  // namespace detail

std::string_view format_name(Format f) {
  switch (f) {
    case Format::ris: return "ris";
    case Format::bibtex: return "bibtex";
    case Format::csl_json: return "csl-json";
    case Format::scopus_csv: return "scopus-csv";
    case Format::wos: return "wos";
    case Format::wos_tab: return "wos-tab";
    case Format::medline: return "medline";
    case Format::pubmed_csv: return "pubmed-csv";
    case Format::openalex_csv: return "openalex-csv";
    case Format::openalex_json: return "openalex-json";
    case Format::lens_csv: return "lens-csv";
    case Format::zotero_json: return "zotero-json";
    case Format::endnote: return "endnote";
    case Format::csv_table: return "csv-table";
    case Format::endnote_xml: return "endnote-xml";
    case Format::proquest: return "proquest";
    case Format::pubmed_xml: return "pubmed-xml";
  }
  return "";
}

std::string_view format_title(Format f) {
  switch (f) {
    case Format::ris: return "RIS";
    case Format::bibtex: return "BibTeX";
    case Format::csl_json: return "CSL JSON";
    case Format::scopus_csv: return "Scopus CSV";
    case Format::wos: return "WoS plain text";
    case Format::wos_tab: return "WoS tab-delimited";
    case Format::medline: return "PubMed/MEDLINE";
    case Format::pubmed_csv: return "PubMed CSV";
    case Format::openalex_csv: return "OpenAlex CSV";
    case Format::openalex_json: return "OpenAlex JSON";
    case Format::lens_csv: return "Lens CSV";
    case Format::zotero_json: return "Zotero JSON";
    case Format::endnote: return "EndNote tagged";
    case Format::csv_table: return "other CSVs with a title column";
    case Format::endnote_xml: return "EndNote XML";
    case Format::proquest: return "ProQuest plain text";
    case Format::pubmed_xml: return "PubMed XML";
  }
  return "";
}

const std::vector<Format>& all_formats() {
  static const std::vector<Format> formats = {
      Format::ris,        Format::bibtex,       Format::csl_json,      Format::scopus_csv,
      Format::wos,        Format::wos_tab,      Format::medline,       Format::pubmed_csv,
      Format::openalex_csv, Format::openalex_json, Format::lens_csv, Format::zotero_json,
      Format::endnote,    Format::csv_table,    Format::endnote_xml, Format::proquest,
      Format::pubmed_xml};
  return formats;
}

bool is_format_name(std::string_view name) {
  for (Format f : all_formats()) {
    if (format_name(f) == name) return true;
  }
  return false;
}

namespace {

// `Bluetooth Low Energy (BLE)` without ` (BLE)`: a trailing parenthesis whose
// letters are the initials of the words before it, in order, the first
// word's first (capitals only when it has any: IoT gives I, T against
// Internet of Things). Otherwise the keyword as written.
std::string_view without_own_abbreviation(std::string_view k) {
  if (k.size() < 4 || k.back() != ')') return k;
  const size_t open = k.rfind('(');
  // With or without a space before it: `Bluetooth Low Energy(BLE)` (a WoS
  // export) is `Bluetooth Low Energy (BLE)`.
  if (open == std::string_view::npos || open < 2) return k;
  if (k[open - 1] != ' ' && !std::isalpha(static_cast<unsigned char>(k[open - 1]))) return k;
  const std::string_view abbr = k.substr(open + 1, k.size() - open - 2),
                         words = k.substr(0, k[open - 1] == ' ' ? open - 1 : open);
  std::string letters, capitals;
  for (char c : abbr) {
    if (std::isupper(static_cast<unsigned char>(c))) capitals += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (c != '-' && c != '.' && c != '&') return k;  // (COVID-19), (2020): not initials
  }
  if (letters.size() < 2) return k;
  std::string initials;
  bool start = true;
  for (char c : words) {
    if (c == ' ' || c == '-') {
      start = true;
    } else if (start) {
      if (!std::isalpha(static_cast<unsigned char>(c))) return k;
      initials += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      start = false;
    }
  }
  auto spells = [&](const std::string& a) {
    if (a.size() < 2 || initials.empty() || a[0] != initials[0]) return false;
    size_t j = 0;
    for (char c : initials) j += j < a.size() && c == a[j];
    return j == a.size();
  };
  return spells(letters) || spells(capitals) ? words : k;
}

}  // namespace

namespace {

// The singular of an English plural, as a keyword key needs it: networks,
// policies, processes, approaches -> network, policy, process, approach.
// Only the plural: the search fold's Snowball stem would make localization
// `local` and organization `organ`, two keywords one node. Words that only
// look plural (analysis, status, series, politics) stay as they are.
std::string singular(std::string w) {
  // The possessive goes first: Lotka's law, Lotka law; cities' networks.
  if (w.size() > 3 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
  else if (w.size() > 3 && w.back() == '\'' && w[w.size() - 2] == 's') w.pop_back();
  static const std::set<std::string_view> kInvariant = {
      "series", "species", "news", "means", "politics", "economics", "physics", "mathematics",
      "ethics", "logistics", "analytics", "dynamics", "linguistics", "diabetes", "aids", "gis"};
  const size_t n = w.size();
  auto ends = [&](std::string_view e) { return n > e.size() && w.compare(n - e.size(), e.size(), e) == 0; };
  if (n <= 3 || w.back() != 's' || kInvariant.count(w) != 0) return w;
  if (ends("ss") || ends("us") || ends("is")) return w;
  if (ends("ies") && n > 4 && w[n - 4] != 'a' && w[n - 4] != 'e') return w.substr(0, n - 3) + "y";
  if (ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("zzes")) return w.substr(0, n - 2);
  return w.substr(0, n - 1);
}

}  // namespace

namespace {

// An English bound prefix (no word by itself) joins the word after it, as
// writers join it with a hyphen, a space or nothing: `multi-level
// governance`, `multilevel governance` and `multi level governance` are one
// keyword, as are `non-profit` and `nonprofit`, `e-government` and
// `eGovernment`. `e` only opens a keyword (`vitamin e deficiency` stays).
std::string join_bound_prefixes(std::string key) {
  static constexpr std::string_view kPrefixes[] = {
      "anti", "bio", "co", "cyber", "eco", "geo", "inter", "intra", "macro", "meso", "micro", "multi", "neo",
      "non", "para", "post", "pre", "pseudo", "quasi", "re", "semi", "socio", "sub", "supra", "trans"};
  std::string out;
  size_t i = 0;
  while (i < key.size()) {
    const size_t end = std::min(key.find(' ', i), key.size());
    const std::string_view word(key.data() + i, end - i);
    out.append(word);
    const bool prefix = (word == "e" && i == 0) || std::find(std::begin(kPrefixes), std::end(kPrefixes), word) !=
                                                         std::end(kPrefixes);
    const bool word_follows = end + 1 < key.size() && std::isalpha(static_cast<unsigned char>(key[end + 1]));
    if (end < key.size() && !(prefix && word_follows)) out += ' ';
    i = end + 1;
  }
  return out;
}

}  // namespace

std::string keyword_key(std::string_view keyword) {
  const std::string squeezed(without_own_abbreviation(detail::squeeze(keyword)));
  const text::Lang lang = text::detect_lang(squeezed);
  // A hyphen the fold keeps joins as a space does: `BIT-PATTERNED MEDIA`,
  // `Bit patterned media` and `BIT-PATTERNED-MEDIA` are one keyword (three
  // map nodes, in two clusters, before). After the fold, which joins what
  // is one word (`co-operation`). Hyphens: - U+2010 U+2011.
  std::string key;
  if (lang == text::Lang::en) {
    // English: the fold without its stem, each word in its American
    // spelling and singular (`Smart Cities`, `smart city`; `organisations`,
    // `organization`).
    const std::string folded = text::normalizer_for(lang).fold_for_prefix(squeezed).text;
    for (size_t i = 0; i < folded.size();) {
      size_t j = i;
      while (j < folded.size() && ((folded[j] >= 'a' && folded[j] <= 'z') || folded[j] == '\'')) ++j;
      if (j == i) {
        key += folded[i++];
        continue;
      }
      key += singular(text::en::american_spelling(std::string_view(folded).substr(i, j - i)));
      i = j;
    }
  } else {
    key = text::normalizer_for(lang).fold(squeezed).text;
  }
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] == '-') {
      key[i] = ' ';
    } else if (key.compare(i, 2, "\xE2\x80") == 0 && i + 2 < key.size() &&
               (key[i + 2] == '\x90' || key[i + 2] == '\x91')) {
      key.replace(i, 3, " ");
    }
  }
  key = detail::squeeze(key);
  return lang == text::Lang::en ? join_bound_prefixes(std::move(key)) : key;
}

std::string identity_text(const store::DocumentRecord& rec) {
  std::string t;
  for (const store::ParagraphRecord& p : rec.paragraphs) {
    t += p.text;
    t += "\n\n";
  }
  t += rec.authors;
  t += '\n';
  if (rec.year) t += std::to_string(*rec.year);
  t += '\n';
  for (char c : rec.doi) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // A database's own record id (Scopus EID, WoS UT, PMID, OpenAlex and Lens
  // ids): two records with different ids are two records, even when their
  // fields agree (Scopus lists each volume of a proceedings with the same
  // title and abstract, no DOI). A citation key or a library's record number
  // is not such an id: two entries of one library that agree are a duplicate.
  static const std::set<std::string_view> kDatabaseIds = {
      "scopus-csv", "wos", "wos-tab", "medline", "pubmed-csv", "pubmed-xml", "openalex-csv", "openalex-json",
      "lens-csv"};
  const bool accession = kDatabaseIds.count(rec.format) != 0 ||
                         (rec.format == "csv-table" && (rec.name.rfind("2-s2.0-", 0) == 0 || rec.name.rfind("WOS:", 0) == 0));
  if (accession && rec.name != rec.path) (t += '\n') += rec.name;
  return t;
}

}  // namespace dipmine::bib

// JSON exports: Zotero / Better BibTeX JSON ({"config": ..., "items": [...]},
// Zotero's own field names) and OpenAlex works (the API's {"results": [...]},
// an array of works, or one work); the parsing all JSON readers share
// (json_items.h). CSL-JSON and other JSON items: json_records.cpp.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "bib/entry.h"
#include "bib/json_items.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {
namespace {

using nlohmann::json;

size_t line_at(std::string_view text, size_t pos) {
  size_t line = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// The line of each element of the top-level array (a JSON parser does not
// keep positions, so a small scanner finds them; strings are skipped whole).
std::vector<size_t> element_lines(std::string_view text, size_t from = 0, size_t first_line = 1) {
  text = text.substr(std::min(from, text.size()));
  std::vector<size_t> lines;
  int depth = 0;
  size_t line = first_line;
  bool expect_element = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (depth == 1 && expect_element && c != ']') {
      lines.push_back(line);
      expect_element = false;
    }
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '\n') ++line;
      }
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
      if (depth == 1 && c == '[') expect_element = true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_element = true;
    }
  }
  return lines;
}

}  // namespace

std::string str(const json& item, const char* key) {
  auto it = item.find(key);
  if (it == item.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  if (it->is_array()) {
    std::string joined;
    for (const json& part : *it) {
      if (!part.is_string()) continue;
      if (!joined.empty()) joined += "; ";
      joined += part.get<std::string>();
    }
    return joined;
  }
  return {};
}

// issued: {"date-parts": [[2020, 5]]}, or {"raw": "2020"}, or {"literal": ...}.
std::string year_of(const json& item) {
  auto it = item.find("issued");
  if (it == item.end() || !it->is_object()) return {};
  if (auto dp = it->find("date-parts"); dp != it->end()) {
    if (dp->is_array() && !dp->empty() && (*dp)[0].is_array() && !(*dp)[0].empty()) {
      const json& y = (*dp)[0][0];
      if (y.is_number_integer()) return std::to_string(y.get<int64_t>());
      if (y.is_string()) return y.get<std::string>();
      return y.dump();
    }
    return dp->dump();
  }
  for (const char* k : {"raw", "literal"}) {
    if (auto r = it->find(k); r != it->end() && r->is_string()) return r->get<std::string>();
  }
  return {};
}

namespace {

// JSON Lines (.jsonl, .ndjson: one object a line, as news and web corpora
// are kept): the objects as an array, each with its line; a line that is no
// JSON is skipped with its number. False when the first line is no object
// (then the text is no JSON Lines either).
bool json_lines(std::string_view text, Sink& sink, json& doc, std::vector<size_t>& lines) {
  doc = json::array();
  lines.clear();
  size_t line_no = 0, bad = 0;
  for (size_t at = 0; at < text.size();) {
    const size_t nl = std::min(text.find('\n', at), text.size());
    const std::string_view line = trim(text.substr(at, nl - at));
    ++line_no;
    at = nl + 1;
    if (line.empty()) continue;
    json item = json::parse(line.begin(), line.end(), nullptr, false);
    if (item.is_discarded() || !item.is_object()) {
      if (doc.empty()) return false;
      ++bad;
      sink.skip(line_no, "JSON Lines: the line is no JSON object");
      continue;
    }
    doc.push_back(std::move(item));
    lines.push_back(line_no);
  }
  return !doc.empty() && (doc.size() > 1 || bad > 0);
}

}  // namespace

bool parse_items(std::string_view text, Sink& sink, const char* what, json& doc,
                 std::vector<size_t>& lines) {
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    if (json_lines(text, sink, doc, lines)) return true;
    std::string why = e.what();
    if (const size_t colon = why.rfind(": "); colon != std::string::npos) why = why.substr(colon + 2);
    sink.note(line_at(text, e.byte > 0 ? e.byte - 1 : 0),
              fmt::format("invalid JSON ({}); no records read", why));
    return false;
  } catch (const json::exception& e) {
    // Not a syntax error but a value the parser cannot hold (a number of
    // 10^2930: found by fuzzing), which has no byte position.
    std::string why = e.what();
    if (const size_t bracket = why.find("] "); bracket != std::string::npos) why = why.substr(bracket + 2);
    sink.note(1, fmt::format("invalid JSON ({}); no records read", why));
    return false;
  }
  if (doc.is_object() && doc.contains("items") && doc["items"].is_array()) {
    // Zotero / Better BibTeX JSON: the items array follows a "config" object.
    json items = std::move(doc["items"]);
    doc = std::move(items);
    const size_t key = text.find("\"items\"");
    const size_t open = key == std::string_view::npos ? key : text.find('[', key);
    if (open == std::string_view::npos) lines.clear();
    else lines = element_lines(text, open, line_at(text, open));
    return true;
  }
  if (doc.is_object() && doc.contains("results") && doc["results"].is_array()) {
    // An API page: the works are one level down, so the scanner's lines are not theirs.
    json results = std::move(doc["results"]);
    doc = std::move(results);
    lines.clear();
    return true;
  }
  lines = element_lines(text);
  if (doc.is_object()) {
    doc = json::array({doc});
    lines.assign(1, line_at(text, text.find('{')));
  }
  if (!doc.is_array()) {
    sink.note(1, fmt::format("{} must be an array of items; no records read", what));
    return false;
  }
  return true;
}

namespace {

// OpenAlex keeps abstracts as {"word": [positions]}: put the words back.
std::string inverted_abstract(const json& index) {
  std::vector<std::pair<int64_t, const std::string*>> words;
  for (const auto& [word, positions] : index.items()) {
    if (!positions.is_array()) continue;
    for (const json& p : positions) {
      if (p.is_number_integer()) words.emplace_back(p.get<int64_t>(), &word);
    }
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const auto& [pos, word] : words) {
    if (!out.empty()) out += ' ';
    out += *word;
  }
  return out;
}

const json* path(const json& item, std::initializer_list<const char*> keys) {
  const json* at = &item;
  for (const char* k : keys) {
    if (!at->is_object()) return nullptr;
    auto it = at->find(k);
    if (it == at->end() || it->is_null()) return nullptr;
    at = &*it;
  }
  return at;
}

}  // namespace

void read_openalex_json(std::string_view text, Sink& sink) {
  json doc;
  std::vector<size_t> lines;
  if (!parse_items(text, sink, "OpenAlex JSON", doc, lines)) return;
  for (size_t n = 0; n < doc.size(); ++n) {
    const json& work = doc[n];
    const size_t line = n < lines.size() ? lines[n] : 1;
    if (!work.is_object()) {
      sink.skip(line, "OpenAlex work is not an object");
      continue;
    }
    Entry e;
    e.line = line;
    e.id = str(work, "id");
    e.title = str(work, "title");
    if (trim(e.title).empty()) e.title = str(work, "display_name");
    e.year = str(work, "publication_year");
    e.doi = str(work, "doi");
    e.language = str(work, "language");
    for (auto keys : {std::initializer_list<const char*>{"primary_location", "source", "display_name"},
                      std::initializer_list<const char*>{"host_venue", "display_name"}}) {
      if (const json* v = path(work, keys); v != nullptr && v->is_string()) {
        e.venue = v->get<std::string>();
        break;
      }
    }
    if (const json* url = path(work, {"primary_location", "landing_page_url"}); url && url->is_string()) {
      e.url = url->get<std::string>();
    }
    if (const json* a = path(work, {"abstract_inverted_index"}); a != nullptr && a->is_object()) {
      e.abstract = inverted_abstract(*a);
    }
    if (const json* a = path(work, {"authorships"}); a != nullptr && a->is_array()) {
      for (const json& ship : *a) {
        const json* name = path(ship, {"author", "display_name"});
        if (name == nullptr) name = path(ship, {"raw_author_name"});
        if (name != nullptr && name->is_string()) e.authors.push_back(family_given(name->get<std::string>()));
      }
    }
    // OpenAlex's keywords are assigned by OpenAlex, not by the authors.
    if (const json* k = path(work, {"keywords"}); k != nullptr && k->is_array()) {
      for (const json& kw : *k) {
        const std::string name = kw.is_string() ? kw.get<std::string>()
                                                : !str(kw, "display_name").empty() ? str(kw, "display_name")
                                                                                   : str(kw, "keyword");
        if (!name.empty()) e.index_keywords.push_back(name);
      }
    }
    sink.add(std::move(e));
  }
}

void read_zotero_json(std::string_view text, Sink& sink) {
  json doc;
  std::vector<size_t> lines;
  if (!parse_items(text, sink, "Zotero JSON", doc, lines)) return;
  size_t left_out = 0;
  for (size_t n = 0; n < doc.size(); ++n) {
    const json& item = doc[n];
    const size_t line = n < lines.size() ? lines[n] : 1;
    if (!item.is_object()) {
      sink.skip(line, "Zotero item is not an object");
      continue;
    }
    const std::string type = str(item, "itemType");
    if (type == "note" || type == "attachment" || type == "annotation") {
      ++left_out;  // a standalone note or file is no bibliographic record
      continue;
    }
    Entry e;
    e.line = line;
    for (const char* k : {"citationKey", "citekey", "key", "itemKey", "itemID"}) {
      if (e.id = str(item, k); !e.id.empty()) break;
    }
    e.title = str(item, "title");
    if (trim(e.title).empty()) e.title = str(item, "caseName");  // legal cases
    e.abstract = str(item, "abstractNote");
    e.year = str(item, "date");
    for (const char* k : {"publicationTitle", "bookTitle", "proceedingsTitle", "conferenceName",
                          "websiteTitle", "blogTitle", "forumTitle", "programTitle", "university",
                          "institution", "publisher"}) {
      if (e.venue = str(item, k); !e.venue.empty()) break;
    }
    e.doi = str(item, "DOI");
    if (e.doi.empty()) {
      // Item types without a DOI field keep it in Extra as "DOI: 10...".
      const std::string extra = str(item, "extra");
      for (size_t at = 0; at < extra.size();) {
        const size_t nl = std::min(extra.find('\n', at), extra.size());
        const std::string_view l = trim(std::string_view(extra).substr(at, nl - at));
        if (l.substr(0, 4) == "DOI:") e.doi = std::string(trim(l.substr(4)));
        at = nl + 1;
      }
    }
    e.url = str(item, "url");
    e.language = str(item, "language");
    if (auto c = item.find("creators"); c != item.end() && c->is_array()) {
      std::vector<std::string> authors, others;
      for (const json& person : *c) {
        if (!person.is_object()) continue;
        const std::string family = str(person, "lastName"), given = str(person, "firstName");
        std::string name = str(person, "name");  // a one-field name (institution)
        if (name.empty()) name = given.empty() ? family : family + ", " + given;
        if (name.empty()) continue;
        const std::string role = str(person, "creatorType");
        (role.empty() || role == "author" ? authors : others).push_back(std::move(name));
      }
      // Editors of an edited book, inventors, ... when no one is an author.
      e.authors = authors.empty() ? std::move(others) : std::move(authors);
    }
    // Tags are the record's keywords (Zotero writes them as RIS KW too).
    if (auto t = item.find("tags"); t != item.end() && t->is_array()) {
      for (const json& tag : *t) {
        std::string name = tag.is_string() ? tag.get<std::string>() : str(tag, "tag");
        if (!trim(name).empty()) e.author_keywords.push_back(std::move(name));
      }
    }
    sink.add(std::move(e));
  }
  if (left_out > 0) {
    sink.note(0, fmt::format("{} Zotero notes and attachments are no bibliographic records; left out",
                             left_out));
  }
}

}  // namespace dipmine::bib::detail

// CSL-JSON and any other JSON array (or JSON Lines) of items with a title.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cctype>

#include "bib/entry.h"
#include "bib/json_items.h"
#include "bib/readers.h"

namespace dipmine::bib::detail {

using nlohmann::json;
namespace {

// The keys of one JSON item, found without regard to case ("Title",
// "DOI"), each remembered when a reader takes it; the rest are named.
class ItemFields {
 public:
  explicit ItemFields(const json& item) {
    for (auto it = item.begin(); it != item.end(); ++it) {
      std::string key = it.key();
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      keys_.push_back({std::move(key), it.key(), &it.value(), false});
    }
  }
  // The first of `names` (lower case) that the item has with a value; marks it read.
  const json* take(std::initializer_list<const char*> names) {
    for (const char* n : names) {
      for (Key& k : keys_) {
        if (k.lower == n && !k.value->is_null()) {
          k.read = true;
          return k.value;
        }
      }
    }
    return nullptr;
  }
  std::string text(std::initializer_list<const char*> names) {
    const json* v = take(names);
    if (v == nullptr) return {};
    if (v->is_string()) return v->get<std::string>();
    if (v->is_number()) return v->dump();
    return {};
  }
  // Every key not taken that holds something (not null, "", [] or {}).
  void report_unread(Sink& sink) const {
    for (const Key& k : keys_) {
      const json& v = *k.value;
      if (k.read || v.is_null() || (v.is_string() && trim(v.get<std::string>()).empty()) ||
          ((v.is_array() || v.is_object()) && v.empty())) {
        continue;
      }
      sink.unread(k.name);
    }
  }

 private:
  struct Key {
    std::string lower, name;
    const json* value;
    bool read;
  };
  std::vector<Key> keys_;
};

// Strings of a value: a string, or the strings of an array (one level of
// objects with a "tag"/"name"/"text" string, as tag lists often are).
std::vector<std::string> strings_of(const json* v) {
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (v->is_string()) {
    out.push_back(v->get<std::string>());
  } else if (v->is_array()) {
    for (const json& part : *v) {
      if (part.is_string()) {
        out.push_back(part.get<std::string>());
      } else if (part.is_object()) {
        for (const char* k : {"tag", "name", "text", "keyword"}) {
          if (auto it = part.find(k); it != part.end() && it->is_string()) {
            out.push_back(it->get<std::string>());
            break;
          }
        }
      }
    }
  }
  return out;
}

}  // namespace

// CSL-JSON, and any other JSON array of items with a title: the CSL
// variables are read as CSL defines them; items that are no CSL (news and
// scraped articles) keep their text under other names, read as body
// (body, text, content, full_text, fulltext, article, paragraphs: a string or
// an array of paragraphs), keywords (tags, keywords, categories), the link,
// a plain year or date and plain author names. Every other key that holds
// something is named once for the file (Sink::unread): never dropped unsaid.
void read_csl_json(std::string_view text, Sink& sink) {
  json doc;
  std::vector<size_t> lines;
  if (!parse_items(text, sink, "CSL-JSON", doc, lines)) return;
  for (size_t n = 0; n < doc.size(); ++n) {
    const json& item = doc[n];
    const size_t line = n < lines.size() ? lines[n] : 1;
    if (!item.is_object()) {
      sink.skip(line, "CSL-JSON item is not an object");
      continue;
    }
    ItemFields f(item);
    Entry e;
    e.line = line;
    e.id = f.text({"id"});
    f.take({"type"});  // CSL's item type: what kind of record, no text of it
    e.title = f.text({"title"});
    e.abstract = f.text({"abstract", "summary"});
    if (f.take({"issued"}) != nullptr) e.year = year_of(item);
    if (e.year.empty()) e.year = f.text({"year", "date", "published", "publication_year"});
    e.venue = f.text({"container-title"});
    e.doi = f.text({"doi"});
    e.url = f.text({"url", "link"});
    e.language = f.text({"language", "lang"});
    if (const json* a = f.take({"author", "authors"}); a != nullptr) {
      if (a->is_string()) {
        e.authors = split_list(a->get<std::string>(), ";");
      } else if (a->is_array()) {
        for (const json& person : *a) {
          if (person.is_string()) {
            e.authors.push_back(person.get<std::string>());
            continue;
          }
          if (!person.is_object()) continue;
          const std::string family = str(person, "family"), given = str(person, "given");
          std::string name = str(person, "literal");
          if (name.empty()) name = str(person, "name");
          if (name.empty()) name = given.empty() ? family : family + ", " + given;
          if (!name.empty()) e.authors.push_back(std::move(name));
        }
      }
    }
    for (const std::string& k : strings_of(f.take({"keyword", "keywords", "tags"}))) {
      for (std::string& one : split_keywords(k)) e.author_keywords.push_back(std::move(one));
    }
    for (const std::string& k : strings_of(f.take({"categories", "category"}))) {
      for (std::string& one : split_keywords(k)) e.index_keywords.push_back(std::move(one));
    }
    for (const char* name : {"body", "text", "content", "full_text", "fulltext", "full text",
                             "article", "paragraphs"}) {
      for (std::string& p : strings_of(f.take({name}))) e.body.push_back(std::move(p));
    }
    f.report_unread(sink);
    sink.add(std::move(e));
  }
}

}  // namespace dipmine::bib::detail

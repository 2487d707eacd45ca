// Map input: the nodes of a co-occurrence map and the units (documents,
// paragraphs or sentences) they occur in, read from the store. It is the first
// step of `dipmine map`; counting and everything after work on this alone.
//
//   NodeQuery q;  q.source = NodeSource::concepts;  q.unit = Unit::paragraph;
//   MapInput in = load_map_input(corpus, q);
//   for (const MapUnit& u : in.units) for (auto [node, count] : u.counts) ...
//
// What goes in: the store. Concepts come from `mentions` joined with `concepts`
// (a mention of an id missing from `concepts` becomes a node labelled by its id,
// kind ""); keywords from `keywords` (node = the folded `key`, after an optional
// thesaurus; co-occurrence unit = the record, i.e. the document); terms from
// analysis/terms.h (document units only: terms carry document ids, no offsets).
// Filters: `kinds` (concept kinds such as indicator, network; empty = all),
// `lang` (the language of the paragraph holding a mention, or the keyword's
// language, falling back to the document's), `year_from`/`year_to` (documents
// without a year are dropped when either is set).
// What comes out: nodes sorted by key; units sorted by (doc, paragraph,
// sentence) with their (node, count) pairs sorted by node; a unit's year and
// language are its document's year and, for paragraph and sentence units, the
// paragraph's language (for document units the document's language).
// Errors: a combination that cannot be served (e.g. keywords with sentence
// units) throws dipmine::UsageError naming the option; store errors throw
// dipmine::Error. Thread safety: uses the Corpus; one thread at a time.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/corpus.h"

namespace dipmine::analysis {

enum class NodeSource { concepts, terms, both, keywords };
enum class Unit { document, paragraph, sentence };

// "concepts" | "terms" | "both" | "keywords"; UsageError "--nodes: ..." otherwise.
NodeSource parse_node_source(const std::string& name);
// "document" | "paragraph" | "sentence"; UsageError "--unit: ..." otherwise.
Unit parse_unit(const std::string& name);

struct NodeQuery {
  NodeSource source = NodeSource::concepts;
  Unit unit = Unit::paragraph;
  std::vector<std::string> kinds;   // concept kinds to keep; empty = all
  std::string lang;                 // "fa", "en", "ja"; empty = all
  std::optional<int> year_from, year_to;
  std::string label_lang = "en";    // which concept label to show (falls back to the others)
  std::string keyword_kind = "all"; // keywords: "author", "index" or "all"
  std::string thesaurus;            // keywords: a VOSviewer thesaurus file; empty = none
  std::string stopwords_dir = "lexicons";  // terms: DIR/stopwords-<lang>.txt
};

struct MapNode {
  std::string key;        // stable identity: concept id, folded keyword or term key
  std::string label;      // what the map shows
  std::string kind;       // indicator, network, keyword, term, ...
  std::string dimension;  // concept dimension; "" otherwise
};

struct MapUnit {
  int64_t doc_id = 0;
  int64_t paragraph_id = 0;  // 0 for document units
  int sentence = -1;         // -1 unless sentence units
  std::optional<int> year;
  std::string lang;
  std::vector<std::pair<int32_t, int32_t>> counts;  // (node index, occurrences), by node
};

struct MapInput {
  std::vector<MapNode> nodes;
  std::vector<MapUnit> units;
};

MapInput load_map_input(store::Corpus& corpus, const NodeQuery& query);

// Title (or file name) and year of each listed document, in the order given.
struct DocumentRef {
  int64_t id = 0;
  std::string title;
  std::optional<int> year;
};
std::vector<DocumentRef> document_refs(store::Corpus& corpus, const std::vector<int64_t>& ids);

}  // namespace dipmine::analysis

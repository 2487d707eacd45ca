// A Thesaurus merges synonyms and drops noise among keyword (or term) keys
// before they become map nodes.
//
//   Thesaurus t = Thesaurus::load("thesaurus.txt");     // VOSviewer format
//   std::optional<std::string> node = t.apply(kw.key);  // nullopt: drop the keyword
//   if (node) { label = t.label(*node); if (label.empty()) label = kw.keyword; }
//
// Keys are folded text (see keyword_key below, the same fold ingest stores in
// keywords.key), so a thesaurus line written `City Diplomacy` also catches
// `city diplomacy`, and a Persian line catches its yeh/kaf/ZWNJ variants.
//
// File format (VOSviewer's thesaurus file): UTF-8 (a BOM is allowed), one entry
// per line, `label<TAB>replace by`. A first line whose first field is `label`
// is a header and is skipped. Blank lines and lines starting with `#` are
// skipped. An empty `replace by` (or a line with no tab) drops the label.
// Replacements are not chained: `a -> b` and `b -> c` map a to b, as VOSviewer
// does. Errors (file missing, a line with more than two fields, an empty label,
// the same label twice with different replacements) throw dipmine::Error as one
// line "PATH:LINE: what".
//
// Concept mode (`--thesaurus lexicons`): from_concepts() maps a keyword whose
// key equals the folded form of a lexicon concept to that concept's id
// (e.g. `Sister cities` -> `sister_city`), so keyword maps and full-text
// concept maps share node ids. Keywords matching no concept are kept as they
// are. label(id) gives the concept's label. Forms are compared whole: the
// keyword `city diplomacy` becomes a concept only if some form is exactly that.
//
// An identity thesaurus (default-constructed) keeps every key.
// Immutable after construction: safe to share between threads.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dipmine::lexicon {
struct Lexicon;
}

namespace dipmine::analysis {

// The folded key of a keyword or label: trimmed, inner whitespace collapsed,
// folded with text::normalizer_for(text::detect_lang(s)). Ingest stores exactly
// this in keywords.key, so thesaurus labels and stored keys compare equal.
std::string keyword_key(std::string_view keyword);

// Keyword keys as this build computes them, one computation per distinct
// keyword: keywords.key holds the key of the build that ingested the record,
// and an older store must not keep `localization` under `local`.
class KeywordKeys {
 public:
  const std::string& of(const std::string& keyword);

 private:
  std::unordered_map<std::string, std::string> memo_;
};

// One surface form of a lexicon concept (for concept mode).
struct ConceptForm {
  std::string concept_id;  // the node id the keyword becomes
  std::string form;        // surface form as written in the lexicon (literal forms only)
  std::string label;       // display label of the concept (may be empty)
};

class Thesaurus {
 public:
  Thesaurus() = default;  // identity: keeps every key

  // Reads a VOSviewer thesaurus file. Throws dipmine::Error "PATH:LINE: ...".
  static Thesaurus load(const std::string& path);
  // Parses thesaurus text; `name` is used in error messages in place of a path.
  static Thesaurus parse(std::string_view text, const std::string& name);
  // Concept mode: keys equal to a form's folded key become the concept id.
  // A key that two concepts claim goes to the first one given.
  static Thesaurus from_concepts(const std::vector<ConceptForm>& forms);

  // Concept mode from a loaded lexicon: its literal forms (regex forms cannot
  // be compared with a key and are left out), labelled label_en (else fa, ja).
  static Thesaurus from_lexicon(const lexicon::Lexicon& lex);
  // What `--thesaurus VALUE` means: "lexicons" -> from_lexicon(load_lexicon(
  // lexicon_dir)), anything else -> load(VALUE). Throws dipmine::Error.
  static Thesaurus from_option(const std::string& value, const std::string& lexicon_dir);

  // The node key for a keyword key: the replacement's key, the key itself when
  // the thesaurus does not mention it, or nullopt when the entry drops it.
  std::optional<std::string> apply(const std::string& key) const;

  // The display label the thesaurus gives a node key it produced (the
  // replacement as written, or a concept's label); "" when it has none, and
  // then the caller shows the most frequent keyword as written.
  std::string label(const std::string& node_key) const;

  size_t size() const { return replace_.size(); }

 private:
  // folded label -> folded replacement ("" = drop)
  std::unordered_map<std::string, std::string> replace_;
  // folded replacement -> replacement as written
  std::unordered_map<std::string, std::string> labels_;
};

}  // namespace dipmine::analysis

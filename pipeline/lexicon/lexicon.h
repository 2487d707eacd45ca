// A Lexicon is the validated content of a lexicon folder: the concepts (32
// city-diplomacy indicators, city networks) and the surface forms that name them
// in Persian, English and Japanese. Researchers edit the two TSV files; this
// module reads them, checks every row and compiles each form into the RE2
// pattern the Matcher runs on folded text (Normalizer::fold_for_prefix: fold
// without the English stem).
//
//   LexiconCheck c = check_lexicon("lexicons");       // every problem, file:line
//   for (const Issue& i : c.issues) puts(i.text().c_str());
//   Lexicon lex = load_lexicon("lexicons");           // throws on the first error
//
// Files (UTF-8, tab-separated, one header line, blank lines and lines starting
// with '#' ignored; described for researchers in lexicons/README.md):
//   concepts.tsv  id kind dimension label_en label_fa label_ja founded seat scale
//   forms.tsv     concept lang form type case note
// A form's type is literal, regex or near: "A ~N B", a mention where regex A
// and regex B (or any network mention, B = "@network") stand within N words
// (1..30) of each other in one sentence (Proximity). A form of type stop
// (concept "-") is a span no concept claims: a regex whose matches drop every
// hit inside them (StopForm, stop_spans.h).
// Errors (each "FILE:LINE: message"): unreadable file, wrong header, wrong number
// of columns, bad or duplicate concept id, bad kind or dimension, bad founded
// year, unknown concept, bad language, bad type, bad case flag, empty form, a
// regex RE2 rejects or that matches the empty string (as written or once
// folded), a literal that folds to nothing, a duplicate form (same
// language and the same compiled pattern as an earlier line); a near form
// not written "A ~N B", with N missing or outside 1..30, a side RE2 rejects or
// that matches the empty string, an unknown @-class, or case=yes; a stop form
// with a concept other than "-", case=yes, or a regex RE2 rejects or that
// matches the empty string; a concept "-" on a form that is not a stop form.
// Warnings: a concept with no form in one of fa/en/ja. A regex's non-ASCII
// characters are folded one by one (آ -> ا, ي -> ی, full width -> half width).
// A lexicon with any error never loads: load_lexicon throws and nothing is half
// used. Lexicon objects are immutable values, safe to share between threads.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "text/lang.h"

namespace dipmine::lexicon {

enum class ConceptKind { indicator, network };
std::string_view kind_name(ConceptKind kind);

// The dimensions an indicator belongs to (networks have none).
const std::vector<std::string>& dimensions();

struct Concept {
  std::string id;
  ConceptKind kind = ConceptKind::indicator;
  std::string dimension;  // one of dimensions() for indicators, "" for networks
  std::string label_en, label_fa, label_ja;
  std::string founded, seat, scale;  // networks' metadata, may be empty
  int line = 0;                      // line in concepts.tsv
  // {"founded":..,"seat":..,"scale":..} with the non-empty fields (for the store).
  std::string meta_json() const;
};

// A near form's two sides: A (Form::pattern) and, within `words` words of it
// in the same sentence, B (`b_pattern`) or any network mention (`any_network`).
struct Proximity {
  std::string b_pattern;  // regex_pattern of B; empty when any_network
  bool any_network = false;
  int words = 0;  // N: at most N words between A and B
};
constexpr int kMaxNearWords = 30;

struct Form {
  size_t concept_index = 0;  // index into Lexicon::concepts
  text::Lang lang = text::Lang::none;
  std::string form;    // as written in the file
  bool regex = false;
  bool case_sensitive = false;
  std::string note;
  int line = 0;  // line in forms.tsv
  // What the matcher runs on folded text. Literals: the folded form quoted,
  // with flexible separators (a ZWNJ or space in Persian matches space, ZWNJ or
  // nothing; a space or hyphen in English matches any run of them). Regexes:
  // the form itself, matched case-insensitively. Near forms: side A's regex.
  std::string pattern;
  std::optional<Proximity> near;  // type near (then regex is true as well)
};

// A stop form: a name or phrase that holds a concept's words without meaning
// it (Iran's «سازمان میراث فرهنگی، صنایع دستی و گردشگری» is a ministry, not
// tourism or heritage). Written in forms.tsv with concept "-" and type stop,
// the form in regex syntax (folded and matched like a regex form). Every hit of
// any concept (and either side of a near form) that lies wholly inside a match
// is dropped before overlaps are resolved (drop_stopped, stop_spans.h).
struct StopForm {
  text::Lang lang = text::Lang::none;  // the boundary rule its matches keep
  std::string form;                    // as written in the file
  std::string pattern;                 // regex_pattern(form, lang)
  std::string note;
  int line = 0;  // line in forms.tsv
};

struct Issue {
  std::string file;  // path of the file
  int line = 0;      // 0: the file as a whole
  std::string message;
  bool warning = false;
  std::string text() const;  // "FILE:LINE: message" ("FILE: message" when line is 0),
                             // or the same with "warning: " before the message
};

struct Lexicon {
  std::string dir;
  std::vector<Concept> concepts;
  std::vector<Form> forms;
  std::vector<StopForm> stops;  // spans no concept claims
  std::vector<Issue> warnings;
  // Index of the concept `id`, or nullopt.
  std::optional<size_t> find(const std::string& id) const;
};

struct LexiconCheck {
  Lexicon lexicon;            // complete only when ok()
  std::vector<Issue> issues;  // errors and warnings in file order
  bool ok() const;            // no errors (warnings allowed)
  size_t errors() const;
};

// Reads and validates DIR/concepts.tsv and DIR/forms.tsv; never throws.
LexiconCheck check_lexicon(const std::string& dir);

// check_lexicon, then throws dipmine::Error with the first error's text (and
// how many more) when there is any error.
Lexicon load_lexicon(const std::string& dir);

// The lexicon folder to use: `flag` (--lexicons) if given, else
// $DIPMINE_LEXICONS, else the first of lexicon_dir_candidates(this program)
// that is a folder. Throws dipmine::Error naming every place tried when none is.
std::string resolve_lexicon_dir(const std::string& flag);
// Where a lexicon folder is looked for, in order: ./lexicons, beside the
// program `program` (its ../share/dipmine/lexicons, then its own folder's
// lexicons/; skipped when `program` is ""), the source tree's lexicons/
// (DIPMINE_SOURCE_DIR, for a program run from its build folder).
std::vector<std::string> lexicon_dir_candidates(const std::string& program);
// The first of `candidates` that is a folder; else throws dipmine::Error
// naming them all.
std::string first_lexicon_dir(const std::vector<std::string>& candidates);

// The RE2 pattern for a literal form (see Form::pattern); "" if it folds to nothing.
std::string literal_pattern(const std::string& form, text::Lang lang);
// The RE2 pattern for a regex form: case-insensitive, its non-ASCII letters
// folded, a plain space matching any run of white space.
std::string regex_pattern(const std::string& form, text::Lang lang);

// A literal form's folded pieces between separators (what literal_pattern
// quotes and joins with the language's separator pattern); empty if it folds
// to nothing.
std::vector<std::string> literal_pieces(const std::string& form, text::Lang lang);

// Why RE2 cannot use `form` as a regex form in `lang` (rejected, or it
// matches the empty string, as written or as regex_pattern folds it: a
// full-width "（" folds to "("), or "" when it can.
std::string regex_problem(const std::string& form, text::Lang lang);

// A near form "A ~N B" read: A's and B's regex_pattern and N, or the reason it
// is not one (the lexicon check's message).
struct NearParse {
  std::string a_pattern;
  Proximity proximity;
  std::string error;  // empty when the form is valid
};
NearParse parse_near(const std::string& form, text::Lang lang);

}  // namespace dipmine::lexicon

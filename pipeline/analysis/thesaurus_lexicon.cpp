// Concept mode of the thesaurus: lexicon forms as keyword replacements.
#include "analysis/thesaurus.h"
#include "lexicon/lexicon.h"

namespace dipmine::analysis {

Thesaurus Thesaurus::from_lexicon(const lexicon::Lexicon& lex) {
  std::vector<ConceptForm> forms;
  forms.reserve(lex.forms.size());
  for (const lexicon::Form& f : lex.forms) {
    if (f.regex || f.concept_index >= lex.concepts.size()) continue;
    const lexicon::Concept& c = lex.concepts[f.concept_index];
    std::string label = !c.label_en.empty() ? c.label_en : !c.label_fa.empty() ? c.label_fa : c.label_ja;
    forms.push_back({c.id, f.form, std::move(label)});
  }
  return from_concepts(forms);
}

Thesaurus Thesaurus::from_option(const std::string& value, const std::string& lexicon_dir) {
  if (value == "lexicons") return from_lexicon(lexicon::load_lexicon(lexicon_dir));
  return load(value);
}

}  // namespace dipmine::analysis

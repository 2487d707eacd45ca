// English: the ordered steps of clean and fold (each step is in steps.h).
#include "text/language_normalizers.h"
#include "text/steps.h"

namespace dipmine::text {
namespace {

// fold without the stem: shared by fold and fold_for_prefix.
MappedText fold_unstemmed(MappedText t) {
  t = apply_nfkc_casefold(std::move(t));       // case; drops soft hyphens
  t = en::fold_quotes_and_dashes(std::move(t));  // “ ” – → " -
  t = fa::letter_variants(std::move(t));       // a quoted Persian word meets its key
  t = fa::fold_marks_and_hamza(std::move(t));
  t = fa::fold_digits(std::move(t));
  return t;
}

}  // namespace

MappedText EnglishNormalizer::clean(std::string_view original) const {
  MappedText t = sanitize_utf8(original);
  t = apply_nfkc(std::move(t));                   // ligatures: ﬁ → fi
  t = en::remove_soft_hyphens(std::move(t));
  t = en::join_hyphenated_breaks(std::move(t));   // govern-\nments → governments
  t = en::join_wrapped_lines(std::move(t));       // hard-wrapped lines → one line
  return t;
}

MappedText EnglishNormalizer::fold(std::string_view original) const {
  return en::stem_words(fold_unstemmed(clean(original)));  // cities → citi
}

MappedText EnglishNormalizer::fold_for_prefix(std::string_view original) const {
  return fold_unstemmed(clean(original));
}

}  // namespace dipmine::text

// English: the ordered steps of clean and fold (each step is in steps.h).
#include "text/language_normalizers.h"
#include "text/steps.h"

namespace dipmine::text {
namespace {

// fold without the stem: shared by fold and fold_for_prefix.
// One fused pass, exactly these steps in turn: apply_nfkc_casefold (case;
// drops soft hyphens), en::fold_quotes_and_dashes (“ ” – → " -),
// fa::letter_variants (a quoted Persian word meets its key),
// fa::fold_marks_and_hamza, fa::fold_digits.
// Then en::join_co_prefixes (co-operation → cooperation).
MappedText fold_unstemmed(MappedText t) { return en::join_co_prefixes(en::fold_chars(std::move(t))); }

}  // namespace

MappedText EnglishNormalizer::clean(std::string_view original) const {
  MappedText t = sanitize_utf8(original);
  t = en::space_before_superscripts(std::move(t));  // Smith¹ → Smith ¹
  t = apply_nfkc(std::move(t));                   // ligatures: ﬁ → fi
  t = en::remove_soft_hyphens(std::move(t));
  t = en::join_hyphenated_breaks(std::move(t));   // govern-\nments → governments
  t = en::join_wrapped_lines(std::move(t));       // hard-wrapped lines → one line
  return t;
}

MappedText EnglishNormalizer::fold(std::string_view original) const {
  return finish_fold(fold_for_prefix(original));  // cities → citi
}

MappedText EnglishNormalizer::fold_for_prefix(std::string_view original) const {
  return fold_unstemmed(clean(original));
}

MappedText EnglishNormalizer::finish_fold(MappedText&& prefix_folded) const {
  return en::stem_words(std::move(prefix_folded));
}

}  // namespace dipmine::text

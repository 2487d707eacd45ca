// Persian: the ordered steps of clean and fold (each step is in steps.h).
#include "text/language_normalizers.h"
#include "text/steps.h"

namespace dipmine::text {

namespace {

// clean up to the steps that only insert ZWNJ into a word written joined.
MappedText clean_to_joined_words(std::string_view original) {
  MappedText t = sanitize_utf8(original);
  // Before NFKC, so that marks a tatweel kept apart are put in canonical order.
  t = fa::remove_tatweel_and_controls(std::move(t));  // شــهر, LRM, ZWJ
  // apply_nfkc (presentation forms → letters), then letter_variants (ي ك ة →
  // ی ک ه), fused into one pass.
  t = fa::nfkc_and_letter_variants(std::move(t));
  t = fa::fix_reversed_punctuation(std::move(t));    // »...« → «...»
  // repair_visual_order (یپلماسید → دیپلماسی), zwnj_tidy (doubled / stray
  // ZWNJ), zwnj_join_words (می شود, کتاب ها → ‌), fused to share the word scan.
  t = fa::repair_tidy_and_join(std::move(t));
  return t;
}

}  // namespace

MappedText PersianNormalizer::clean(std::string_view original) const {
  MappedText t = clean_to_joined_words(original);
  t = fa::zwnj_verb_prefix(std::move(t));            // میشود → می‌شود
  t = fa::zwnj_suffixes(std::move(t));               // واژههای → واژه‌های
  return t;
}

MappedText PersianNormalizer::fold(std::string_view original) const {
  // fold is built on clean, but the last two clean steps only insert a ZWNJ
  // inside a plain word (no marks), which fold drops again without a trace in
  // the text or the map: skipping them gives the same result, faster. (The
  // properties test checks fold(clean(x)) == fold(x) on every seed paragraph.)
  MappedText t = clean_to_joined_words(original);
  // apply_nfkc_casefold (Latin case; drops ZWNJ), fold_marks_and_hamza
  // (harakat, أ إ آ → ا), fold_digits (۲۰۱۵ → 2015), fused into one pass.
  t = fa::fold_chars(std::move(t));
  return t;
}

}  // namespace dipmine::text

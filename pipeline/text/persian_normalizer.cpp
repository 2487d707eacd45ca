// Persian: the ordered steps of clean and fold (each step is in steps.h).
#include "text/lang.h"
#include "text/language_normalizers.h"
#include "text/steps.h"

namespace dipmine::text {

MappedText PersianNormalizer::clean(std::string_view original) const {
  // sanitize_utf8 then remove_tatweel_and_controls (شــهر, LRM, ZWJ; before
  // NFKC, so that marks a tatweel kept apart are put in canonical order).
  MappedText t = fa::sanitize_and_remove_controls(original);
  t = fa::unpack_compat_forms(std::move(t));         // ﹿ → ْ, （ → (
  t = fa::fix_reversed_punctuation(std::move(t));    // »...« → «...»
  t = apply_nfkc(std::move(t));                      // presentation forms → letters
  // drop_kashida_ampersands (دیپلماس&&ی), repair_letters (األمل, خیلییییی,
  // UCLGشهر), repair_visual_order (یپلماسید → دیپلماسی), zwnj_tidy (doubled /
  // stray ZWNJ), zwnj_join_words (می شود, کتاب ها → ‌, ر وش → روش), fused to
  // share the word scan. They decide on word keys, which letter_variants keeps.
  t = fa::repair_tidy_and_join(std::move(t));
  // Arabic text (الصيانة) keeps its Arabic spelling: no Persian letters or
  // ZWNJ rules (fold still equates the two). Decided on the repaired text, so
  // that clean(clean(x)) decides the same (letter_variants only takes Arabic
  // letters away).
  if (reads_as_arabic(t.text)) return t;
  t = fa::letter_variants(std::move(t));             // ي ك ة → ی ک ه
  t = fa::zwnj_verb_prefix(std::move(t));            // میشود → می‌شود
  t = fa::zwnj_suffixes(std::move(t));               // واژههای → واژه‌های
  return t;
}

MappedText PersianNormalizer::fold(std::string_view original) const {
  // clean's steps and fold_chars, with fold_chars moved before the word steps:
  // they decide on the words' keys alone, which fold_chars keeps, so they
  // decide the same, and one normalisation pass does for two. Its ZWNJs gone,
  // zwnj_tidy finds nothing, and words written apart are joined by deleting
  // the space, not by a ZWNJ fold would delete. The two steps that insert a
  // ZWNJ inside a word written joined change nothing fold keeps: skipped.
  // (The properties test checks fold(x) against fold_chars(clean(x)) on
  // every seed paragraph.)
  MappedText t = fa::sanitize_and_remove_controls(original);
  t = fa::unpack_compat_forms(std::move(t));
  t = fa::fix_reversed_punctuation(std::move(t));
  // apply_nfkc_casefold (Latin case; drops ZWNJ), letter_variants,
  // fold_marks_and_hamza (harakat, أ إ آ → ا), fold_digits (۲۰۱۵ → 2015), fused.
  t = fa::fold_chars(std::move(t));
  t = fa::repair_tidy_and_join(std::move(t), /*folded=*/true);
  return t;
}

}  // namespace dipmine::text

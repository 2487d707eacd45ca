// Japanese: the ordered steps of clean and fold (each step is in steps.h).
// Word segmentation and character bigrams are in segmenter.h.
#include "text/language_normalizers.h"
#include "text/steps.h"

namespace dipmine::text {

MappedText JapaneseNormalizer::clean(std::string_view original) const {
  MappedText t = sanitize_utf8(original);
  t = apply_nfkc(std::move(t));                 // ＳＣＯ → SCO, ｶﾀｶﾅ → カタカナ
  t = ja::prolonged_sound_marks(std::move(t));  // サ－ビス → サービス
  return t;
}

MappedText JapaneseNormalizer::fold(std::string_view original) const {
  MappedText t = clean(original);
  t = ja::fold_chars(std::move(t));  // apply_nfkc_casefold (Latin case), fa::fold_digits, 國 → 国
  t = ja::drop_final_long_vowel(std::move(t));  // ユーザー → ユーザ
  // A voiced sound mark left beside a kana it now composes with (ヶ became ケ;
  // the ーーー between カ and ﾞ went): once more now, or a second fold would
  // (ヶﾞ and ｶ---ﾞ, found by fuzzing).
  if (t.text.find("\u3099") != std::string::npos || t.text.find("\u309A") != std::string::npos) {
    t = apply_nfkc(std::move(t));
  }
  return t;
}

}  // namespace dipmine::text

// The normaliser registry: one line per language.
#include "text/normalizer.h"

#include "text/language_normalizers.h"
#include "text/steps.h"

namespace dipmine::text {
namespace {

// Language-neutral: NFKC for clean, NFKC_Casefold for fold.
class NeutralNormalizer final : public Normalizer {
 public:
  Lang lang() const override { return Lang::none; }
  MappedText clean(std::string_view original) const override {
    return apply_nfkc(sanitize_utf8(original));
  }
  MappedText fold(std::string_view original) const override {
    return apply_nfkc_casefold(clean(original));
  }
};

}  // namespace

const Normalizer& normalizer_for(Lang lang) {
  static const NeutralNormalizer neutral;
  static const PersianNormalizer fa;
  static const EnglishNormalizer en;
  static const JapaneseNormalizer ja;
  switch (lang) {
    case Lang::fa: return fa;
    case Lang::en: return en;
    case Lang::ja: return ja;
    case Lang::none: break;
  }
  return neutral;
}

}  // namespace dipmine::text

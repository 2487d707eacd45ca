// The three language normalisers (one .cpp each: persian_normalizer.cpp,
// english_normalizer.cpp, japanese_normalizer.cpp). Use them through
// normalizer_for(lang); they are declared here for the registry and for tests.
#pragma once
#include "text/normalizer.h"

namespace dipmine::text {

class PersianNormalizer final : public Normalizer {
 public:
  Lang lang() const override { return Lang::fa; }
  MappedText clean(std::string_view original) const override;
  MappedText fold(std::string_view original) const override;
};

class EnglishNormalizer final : public Normalizer {
 public:
  Lang lang() const override { return Lang::en; }
  MappedText clean(std::string_view original) const override;
  MappedText fold(std::string_view original) const override;
  MappedText fold_for_prefix(std::string_view original) const override;
  MappedText finish_fold(MappedText&& prefix_folded) const override;
};

class JapaneseNormalizer final : public Normalizer {
 public:
  Lang lang() const override { return Lang::ja; }
  MappedText clean(std::string_view original) const override;
  MappedText fold(std::string_view original) const override;
};

}  // namespace dipmine::text

// Fuzz target: the normalisers (fa, en, ja and the language-neutral one) as
// ingest and search use them: clean, fold, fold_for_prefix + finish_fold.
// Input: the first byte picks the language (or detect_lang), the rest is text.
// Checks normalizer.h's contract: output is valid UTF-8 (invalid input bytes
// become U+FFFD), every output byte maps to a range inside the input (empty
// only for an inserted ZWNJ or space), fold(fold(x)) == fold(x), fold(clean(x)) ==
// fold(x), finish_fold(fold_for_prefix(x)) == fold(x).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "fuzz_check.h"
#include "text/lang.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace {

using dipmine::text::Lang;
using dipmine::text::MappedText;

void check_map(const MappedText& m, std::string_view original) {
  FUZZ_CHECK(dipmine::text::is_valid_utf8(m.text), "output is not valid UTF-8");
  for (size_t i = 0; i < m.text.size(); ++i) {
    const auto [b, e] = m.byte_range(i);
    FUZZ_CHECK(e <= original.size(), "an output byte maps past the input's end");
    if (b == e) {
      // Only an inserted ZWNJ (E2 80 8C) or a space put at a change of script
      // has an empty range.
      const size_t start = i >= 2 && static_cast<unsigned char>(m.text[i]) == 0x8C ? i - 2
                           : i >= 1 && static_cast<unsigned char>(m.text[i]) == 0x80 ? i - 1
                                                                                      : i;
      const bool inserted = m.text[i] == ' ' || m.text.compare(start, 3, "\u200c") == 0;
      if (!inserted) {
        std::fprintf(stderr, "output byte %zu of \"%s\" maps to [%u, %u)\n", i, m.text.c_str(), b, e);
      }
      FUZZ_CHECK(inserted, "an output byte other than an inserted ZWNJ or space maps to an empty range");
    } else {
      FUZZ_CHECK(b < e, "an output byte maps to a reversed range");
    }
  }
  if (!m.text.empty()) {
    const auto [b, e] = m.original_span(0, m.text.size());
    FUZZ_CHECK(b <= e && e <= original.size(), "original_span of the whole text is out of range");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static constexpr Lang kLangs[] = {Lang::none, Lang::fa, Lang::en, Lang::ja};
  const Lang lang = data[0] % 5 == 4 ? dipmine::text::detect_lang(text) : kLangs[data[0] % 5];
  const dipmine::text::Normalizer& n = dipmine::text::normalizer_for(lang);

  const MappedText clean = n.clean(text);
  check_map(clean, text);
  const MappedText fold = n.fold(text);
  check_map(fold, text);
  if (n.fold(fold.text).text != fold.text) {
    std::fprintf(stderr, "fold \"%s\" folds to \"%s\"\n", fold.text.c_str(), n.fold(fold.text).text.c_str());
  }
  FUZZ_CHECK(n.fold(fold.text).text == fold.text, "fold(fold(x)) != fold(x)");
  if (n.fold(clean.text).text != fold.text) {
    std::fprintf(stderr, "clean \"%s\" folds to \"%s\", the input to \"%s\"\n", clean.text.c_str(),
                 n.fold(clean.text).text.c_str(), fold.text.c_str());
  }
  FUZZ_CHECK(n.fold(clean.text).text == fold.text, "fold(clean(x)) != fold(x)");
  MappedText prefix = n.fold_for_prefix(text);
  check_map(prefix, text);
  FUZZ_CHECK(n.finish_fold(std::move(prefix)).text == fold.text,
             "finish_fold(fold_for_prefix(x)) != fold(x)");
  return 0;
}

#include "text/normalize_text.h"

#include "text/segmenter.h"
#include "text/steps.h"

namespace dipmine::text {
namespace {

struct Paragraph {
  size_t b, e;  // input bytes; [e, next b) is the separator
};

// Paragraphs are cut at blank lines (lines of only spaces).
std::vector<Paragraph> paragraphs(std::string_view s) {
  std::vector<Paragraph> out;
  size_t start = 0, pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) break;
    size_t next = nl + 1, probe = next;
    while (probe < s.size() && (s[probe] == ' ' || s[probe] == '\t' || s[probe] == '\r')) ++probe;
    if (probe < s.size() && s[probe] == '\n') {  // blank line: a paragraph ends at nl
      out.push_back({start, nl});
      while (probe < s.size() && (s[probe] == '\n' || s[probe] == ' ' || s[probe] == '\t' ||
                                  s[probe] == '\r')) {
        ++probe;
      }
      start = probe;
      pos = probe;
      continue;
    }
    pos = next;
  }
  if (start < s.size()) out.push_back({start, s.size()});
  return out;
}

Lang lang_of(std::string_view para, std::optional<Lang> lang) {
  return lang ? *lang : detect_lang(para);
}

MappedText normalize_one(std::string_view para, Lang lang, bool fold) {
  const Normalizer& n = normalizer_for(lang);
  return fold ? n.fold(para) : n.clean(para);
}

}  // namespace

MappedText normalize_text(std::string_view input, std::optional<Lang> lang, bool fold) {
  MappedText out;
  out.text.reserve(input.size());
  size_t kept = 0;
  for (const Paragraph& p : paragraphs(input)) {
    // The separator before this paragraph, sanitised like any text.
    append_shifted(out, sanitize_utf8(input.substr(kept, p.b - kept)), static_cast<uint32_t>(kept));
    const std::string_view para = input.substr(p.b, p.e - p.b);
    append_shifted(out, normalize_one(para, lang_of(para, lang), fold), static_cast<uint32_t>(p.b));
    kept = p.e;
  }
  append_shifted(out, sanitize_utf8(input.substr(kept)), static_cast<uint32_t>(kept));
  return out;
}

std::vector<TextToken> text_tokens(std::string_view input, std::optional<Lang> lang, bool fold) {
  std::vector<TextToken> out;
  for (const Paragraph& p : paragraphs(input)) {
    const std::string_view para = input.substr(p.b, p.e - p.b);
    const Lang l = lang_of(para, lang);
    const MappedText m = normalize_one(para, l, fold);
    const std::vector<Span> grams = l == Lang::ja ? cjk_bigrams(m.text) : std::vector<Span>{};
    size_t g = 0;
    auto add = [&](Span s, bool bigram) {
      const auto [b, e] = m.original_span(s.begin, s.end);
      out.push_back({m.text.substr(s.begin, s.end - s.begin), static_cast<uint32_t>(p.b + b),
                     static_cast<uint32_t>(p.b + e), l, bigram});
    };
    for (const Span& w : words(m.text, l)) {
      add(w, false);
      while (g < grams.size() && grams[g].begin < w.end) {
        if (grams[g].begin >= w.begin && !(grams[g].begin == w.begin && grams[g].end == w.end)) {
          add(grams[g], true);
        }
        ++g;
      }
    }
  }
  return out;
}

}  // namespace dipmine::text

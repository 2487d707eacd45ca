// Near forms in the Matcher (matcher.h: "Near forms"): the lexicon the
// matcher searches, with each near form's side B as a form of its own, and
// the pairing of side A's matches with B's (or with network mentions).
#include <algorithm>

#include "lexicon/matcher.h"
#include "text/segmenter.h"

namespace dipmine::lexicon {

// The forms the matcher searches: the lexicon's (a near form's pattern is its
// side A), then one per near form with a side B of its own (its pattern).
Lexicon Matcher::with_near_sides(const Lexicon& lex, std::vector<uint32_t>& b_owner) {
  Lexicon out;
  out.concepts = lex.concepts;
  out.forms = lex.forms;
  for (uint32_t i = 0; i < lex.forms.size(); ++i) {
    const Form& f = lex.forms[i];
    if (!f.near || f.near->any_network) continue;
    Form b = f;
    b.pattern = f.near->b_pattern;
    b.near.reset();
    out.forms.push_back(std::move(b));
    b_owner.push_back(i);
  }
  return out;
}

std::vector<Hit> Matcher::near_hits(const Split& s, const std::vector<Hit>& kept,
                                    const Paragraph& para) const {
  std::vector<Hit> out;
  if (s.near_a.empty()) return out;
  const auto is_network = [&](const Hit& b) {
    return lexicon_.concepts[lexicon_.forms[b.form].concept_index].kind == ConceptKind::network;
  };
  const auto overlap = [](const Hit& a, const Hit& b) { return b.begin < a.end && a.begin < b.end; };
  // Segmenting the paragraph cost more than all the rest of the matching
  // (sides A such as شهر or 参加 match in most paragraphs): it is done only
  // when some side A has a partner that does not overlap it, which few have.
  const auto partnered = [&](const Hit& a) {
    if (lexicon_.forms[a.form].near->any_network) {
      return std::any_of(kept.begin(), kept.end(),
                         [&](const Hit& b) { return is_network(b) && !overlap(a, b); });
    }
    return std::any_of(s.near_b.begin(), s.near_b.end(),
                       [&](const Hit& b) { return b.form == a.form && !overlap(a, b); });
  };
  if (std::none_of(s.near_a.begin(), s.near_a.end(), partnered)) return out;
  // Sentences from the original when there is one: the fold lowercases, and
  // "members. the network" is one sentence to UAX #29.
  const std::vector<text::Span> sentences = text::sentences(para.original, para.lang);
  // Words (ICU's dictionary for Japanese: the dearer half) only once a pair
  // is known to share a sentence.
  std::vector<text::Span> words;
  bool have_words = false;
  // Index of the sentence holding original byte `pos` (sentences are in order).
  const auto sentence_of = [&](uint32_t pos) {
    return std::upper_bound(sentences.begin(), sentences.end(), pos,
                            [](uint32_t x, const text::Span& sp) { return x < sp.begin; }) -
           sentences.begin();
  };
  const auto original = [&](const Hit& h) {
    return para.map ? para.map->original_span(h.begin, h.end)
                    : std::pair<uint32_t, uint32_t>{h.begin, h.end};
  };
  const auto same_sentence = [&](const Hit& a, const Hit& b) {
    const auto [ab, ae] = original(a);
    const auto [bb, be] = original(b);
    const auto k = sentence_of(ab);
    return sentence_of(ae - 1) == k && sentence_of(bb) == k && sentence_of(be - 1) == k;
  };
  // Words lying wholly in [from, to).
  const auto words_between = [&](uint32_t from, uint32_t to) -> size_t {
    if (!have_words) words = text::words(para.folded, para.lang), have_words = true;
    const auto first = std::lower_bound(words.begin(), words.end(), from,
                                        [](const text::Span& w, uint32_t x) { return w.begin < x; });
    const auto last = std::upper_bound(words.begin(), words.end(), to,
                                       [](uint32_t x, const text::Span& w) { return x < w.end; });
    return last > first ? static_cast<size_t>(last - first) : 0;
  };
  for (const Hit& a : s.near_a) {
    const Proximity& near = *lexicon_.forms[a.form].near;
    const Hit* best = nullptr;
    size_t best_gap = 0;
    const auto consider = [&](const Hit& b) {
      if (overlap(a, b)) return;
      if (!same_sentence(a, b)) return;
      const size_t gap = a.end <= b.begin ? words_between(a.end, b.begin) : words_between(b.end, a.begin);
      if (gap > static_cast<size_t>(near.words)) return;
      if (!best || gap < best_gap || (gap == best_gap && b.begin < best->begin)) {
        best = &b;
        best_gap = gap;
      }
    };
    if (near.any_network) {
      for (const Hit& b : kept) {
        if (is_network(b)) consider(b);
      }
    } else {
      for (const Hit& b : s.near_b) {
        if (b.form == a.form) consider(b);
      }
    }
    if (best) out.push_back({a.form, std::min(a.begin, best->begin), std::max(a.end, best->end)});
  }
  return out;
}

}  // namespace dipmine::lexicon

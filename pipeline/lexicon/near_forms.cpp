// Near forms in the Matcher (matcher.h: "Near forms"): the lexicon the
// matcher searches, with each near form's side B as a form of its own, and
// the pairing of side A's matches with B's (or with network mentions).
#include <algorithm>
#include <array>

#include "lexicon/matcher.h"
#include "text/segmenter.h"

namespace dipmine::lexicon {
namespace {

// Whether the character at s[i] is surely a letter or digit: ASCII ones,
// Arabic letters (U+0621..U+064A), the Persian letters beyond them and the
// Persian digits. (Other letters count as nothing here: this only bounds.)
bool sure_letter_or_digit(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if ((c & 0xE0) != 0xC0 || i + 1 >= s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80) {
    return false;
  }
  const unsigned cp = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
  return (cp >= 0x621 && cp <= 0x64A) || cp == 0x67E || cp == 0x686 || cp == 0x698 ||
         cp == 0x6A9 || cp == 0x6AF || cp == 0x6CC || (cp >= 0x6F0 && cp <= 0x6F9);
}

// A lower bound on the words text::words finds wholly inside s[from, to),
// counting no further than `limit` + 1: a word never spans ASCII white space
// (UAX #29 breaks on both sides of it), so each white-space-free run lying
// wholly inside that holds a letter or digit holds a word of its own.
size_t words_at_least(std::string_view s, size_t from, size_t to, size_t limit) {
  static constexpr auto kSpace = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = true;
    return t;
  }();
  const auto space = [&](size_t i) { return kSpace[static_cast<unsigned char>(s[i])]; };
  size_t n = 0;
  // A run that begins before `from` is not wholly inside.
  size_t i = from;
  if (i > 0 && !space(i - 1)) {
    while (i < to && !space(i)) ++i;
  }
  while (i < to && n <= limit) {
    while (i < to && space(i)) ++i;
    bool letter = false;
    size_t j = i;
    for (; j < to && !space(j) && !letter; ++j) letter = sure_letter_or_digit(s, j);
    while (j < to && !space(j)) ++j;  // the rest of the run, once it has a letter
    // Wholly inside only when white space (or the text's end) follows.
    if (letter && j > i && (j < s.size() ? space(j) : true) && j <= to) ++n;
    i = j;
  }
  return n;
}

}  // namespace

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
  // Stop forms: only to learn which may match a paragraph (Split::stops).
  for (const StopForm& s : lex.stops) {
    Form f;
    f.lang = s.lang;
    f.form = s.form;
    f.regex = true;
    f.line = s.line;
    f.pattern = s.pattern;
    out.forms.push_back(std::move(f));
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
  // "members. the network" is one sentence to UAX #29. Computed once some
  // pair is not too far apart by words_at_least; words (ICU's dictionary
  // for Japanese: the dearer half) once a pair shares a sentence.
  std::vector<text::Span> sentences;
  bool have_sentences = false;
  // Words of the lines holding a pair (line: [after a '\n', up to the next
  // '\n')), not of the paragraph: a line feed is a word boundary on both
  // sides (UAX #29 WB3a/b), no word or dictionary run spans one, and the
  // rules look no further back than the line, so a line's words are the
  // paragraph's words inside it. (One Japanese paragraph of the seeds holds
  // 47 lines: its dictionary segmentation was most of the near forms' cost.)
  struct LineWords {
    uint32_t begin, end;
    std::vector<text::Span> words;  // offsets in the folded paragraph
  };
  std::vector<LineWords> lines;
  // Index of the sentence holding original byte `pos` (sentences are in order).
  const auto sentence_of = [&](uint32_t pos) {
    if (!have_sentences) sentences = text::sentences(para.original, para.lang), have_sentences = true;
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
    const std::string_view f = para.folded;
    const size_t nl = from == 0 ? std::string_view::npos : f.rfind('\n', from - 1);
    const auto line_begin = static_cast<uint32_t>(nl == std::string_view::npos ? 0 : nl + 1);
    auto line = std::find_if(lines.begin(), lines.end(),
                             [&](const LineWords& l) { return l.begin == line_begin; });
    if (line == lines.end() || line->end < to) {
      const size_t next = f.find('\n', to);
      const auto line_end = static_cast<uint32_t>(next == std::string_view::npos ? f.size() : next);
      LineWords l{line_begin, line_end, text::words(f.substr(line_begin, line_end - line_begin), para.lang)};
      for (text::Span& w : l.words) w.begin += line_begin, w.end += line_begin;
      lines.push_back(std::move(l));
      line = lines.end() - 1;
    }
    const std::vector<text::Span>& words = line->words;
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
      const size_t limit = static_cast<size_t>(near.words);
      if (a.end <= b.begin ? words_at_least(para.folded, a.end, b.begin, limit) > limit
                           : words_at_least(para.folded, b.end, a.begin, limit) > limit) {
        return;
      }
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

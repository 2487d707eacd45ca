#include "analysis/terms.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

#include "common/error.h"
#include "lexicon/matcher.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/utf8.h"

namespace dipmine::analysis {
namespace {

struct Tally {
  text::Lang lang = text::Lang::none;
  int words = 1;
  int64_t count = 0;
  std::set<int64_t> docs;
  std::map<std::string, int64_t> spellings;
};

bool only_digits(std::string_view s) {
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const char32_t cp = text::decode_utf8(s, i, len);
    const bool digit = (cp >= '0' && cp <= '9') || (cp >= 0x06F0 && cp <= 0x06F9) ||
                       (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0xFF10 && cp <= 0xFF19);
    if (!digit && cp != '.' && cp != ',') return false;
  }
  return true;
}

// A piece of Japanese that is no word of its own: one kana, or one or two
// hiragana (ICU cuts inflections and particles so: てい of ている, しま of
// しました, ン). Content words are written in kanji or katakana, or are longer
// (まちづくり); a lone kanji suffix (化, 性) is in stopwords-ja.txt.
bool japanese_fragment(std::string_view s) {
  size_t n = 0;
  bool hiragana = true, kana = true;
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const char32_t cp = text::decode_utf8(s, i, len);
    ++n;
    hiragana = hiragana && cp >= 0x3041 && cp <= 0x309F;
    kana = kana && ((cp >= 0x3041 && cp <= 0x309F) || (cp >= 0x30A1 && cp <= 0x30FF));
  }
  return (n == 1 && kana) || (n <= 2 && hiragana);
}

bool only_space(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

const std::set<std::string>& StopWords::of(text::Lang lang) const {
  static const std::set<std::string> none;
  switch (lang) {
    case text::Lang::fa: return fa;
    case text::Lang::en: return en;
    case text::Lang::ja: return ja;
    case text::Lang::none: break;
  }
  return none;
}

StopWords load_stop_words(const std::string& dir) {
  StopWords out;
  for (text::Lang lang : {text::Lang::fa, text::Lang::en, text::Lang::ja}) {
    const auto path = std::filesystem::path(dir) / fmt::format("stopwords-{}.txt", text::lang_name(lang));
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      // A missing list is allowed (no stop words); one that is there but
      // cannot be read would silently change every ranking: say so.
      const int err = errno;
      std::error_code ec;
      if (!std::filesystem::exists(path, ec) && !ec) continue;
      throw Error(fmt::format("{}: cannot read the file ({})", path.string(), std::strerror(err)));
    }
    std::set<std::string>& set = lang == text::Lang::fa ? out.fa : lang == text::Lang::en ? out.en : out.ja;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      const std::string key = text::normalizer_for(lang).fold(line).text;
      if (!key.empty()) set.insert(key);
    }
  }
  return out;
}

std::vector<CandidateTerm> candidate_terms(store::Corpus& corpus, const lexicon::Matcher* matcher,
                                           const StopWords& stop_words, const TermOptions& o) {
  const int max_n = std::clamp(o.max_n, 1, 4);
  std::map<std::pair<text::Lang, std::string>, Tally> tally;  // (lang, key)
  store::Statement q(corpus.db(), "SELECT doc_id, lang, text FROM paragraphs ORDER BY id");
  std::set<int64_t> wanted;
  if (o.doc_ids) wanted.insert(o.doc_ids->begin(), o.doc_ids->end());
  while (q.step()) {
    const int64_t doc = q.column_int(0);
    if (o.doc_ids && !wanted.count(doc)) continue;
    const auto lang = text::parse_lang(q.column_text(1));
    if (!lang || (o.lang && *o.lang != *lang)) continue;
    const std::string original = q.column_text(2);
    const text::Normalizer& norm = text::normalizer_for(*lang);
    const text::MappedText clean = norm.clean(original);
    const std::set<std::string>& stops = stop_words.of(*lang);
    std::vector<std::pair<uint32_t, uint32_t>> covered;  // original spans of lexicon matches
    if (matcher) {
      for (const auto& m : matcher->find(original, *lang)) covered.push_back({m.start, m.end});
    }
    struct Word {
      text::Span span;
      std::string key;
      bool stop, digits;
      size_t sentence;
      uint32_t ob, oe;
    };
    std::vector<Word> words;
    const auto sentences = text::sentences(clean.text, *lang);
    size_t s = 0;
    for (const text::Span& w : text::words(clean.text, *lang)) {
      while (s + 1 < sentences.size() && sentences[s + 1].begin <= w.begin) ++s;
      const std::string_view surface(clean.text.data() + w.begin, w.end - w.begin);
      std::string key = norm.fold(surface).text;
      if (key.empty()) continue;
      const auto [ob, oe] = clean.original_span(w.begin, w.end);
      const bool stop = stops.count(key) > 0 || (*lang == text::Lang::ja && japanese_fragment(surface));
      words.push_back({w, key, stop, only_digits(surface), s, ob, oe});
    }
    const std::string glue = *lang == text::Lang::ja ? "" : " ";
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i].stop || words[i].digits) continue;
      std::string key;
      for (int n = 1; n <= max_n && i + n - 1 < words.size(); ++n) {
        const Word& last = words[i + n - 1];
        if (last.sentence != words[i].sentence || last.digits) break;
        if (n > 1) {
          const Word& prev = words[i + n - 2];
          const std::string_view gap(clean.text.data() + prev.span.end, last.span.begin - prev.span.end);
          if (!only_space(gap)) break;
          key += glue;
        }
        key += last.key;
        if (last.stop) continue;
        const uint32_t ob = words[i].ob, oe = last.oe;
        const bool hit = std::any_of(covered.begin(), covered.end(),
                                     [&](const auto& c) { return c.first < oe && ob < c.second; });
        if (hit) continue;
        Tally& t = tally[{*lang, key}];
        t.lang = *lang;
        t.words = n;
        t.count++;
        t.docs.insert(doc);
        t.spellings[clean.text.substr(words[i].span.begin, last.span.end - words[i].span.begin)]++;
      }
    }
  }
  std::vector<CandidateTerm> out;
  for (auto& [lang_key, t] : tally) {
    const std::string& key = lang_key.second;
    if (static_cast<int64_t>(t.docs.size()) < o.min_docs) continue;
    CandidateTerm c;
    c.key = key;
    c.lang = t.lang;
    c.words = t.words;
    c.count = t.count;
    c.documents = static_cast<int64_t>(t.docs.size());
    c.doc_ids.assign(t.docs.begin(), t.docs.end());
    int64_t best = -1;
    for (const auto& [spelling, n] : t.spellings) {
      if (n > best) best = n, c.term = spelling;
    }
    for (char& ch : c.term) {
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const CandidateTerm& a, const CandidateTerm& b) {
    if (a.documents != b.documents) return a.documents > b.documents;
    if (a.count != b.count) return a.count > b.count;
    return a.key < b.key;
  });
  if (o.top > 0 && out.size() > static_cast<size_t>(o.top)) out.resize(static_cast<size_t>(o.top));
  return out;
}

}  // namespace dipmine::analysis

#include "analysis/kwic.h"

#include <fmt/format.h>

#include "analysis/mentions.h"
#include "common/error.h"
#include "lexicon/matcher.h"
#include "report/table.h"
#include "text/utf8.h"

namespace dipmine::analysis {
namespace {

std::string flatten(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

// Code point start offsets of `s`.
std::vector<size_t> boundaries(std::string_view s) {
  std::vector<size_t> b;
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    b.push_back(i);
    text::decode_utf8(s, i, len);
  }
  b.push_back(s.size());
  return b;
}

// Where the last UTF-8 sequence of `s` starts if it is cut short, else s.size().
size_t incomplete_tail(std::string_view s) {
  size_t i = s.size();
  while (i > 0 && s.size() - i < 3 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i == 0) return s.size();
  const auto lead = static_cast<unsigned char>(s[i - 1]);
  const size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return s.size() - (i - 1) < need ? i - 1 : s.size();
}

// The last `width` columns of `s` (whole characters).
std::string tail_columns(std::string_view s, int width) {
  const auto b = boundaries(s);
  size_t k = b.size() - 1;
  while (k > 0) {
    const std::string_view piece = s.substr(b[k - 1]);
    if (static_cast<int>(report::display_width(piece)) > width) break;
    --k;
  }
  return std::string(s.substr(b[k]));
}

std::string head_columns(std::string_view s, int width) {
  const auto b = boundaries(s);
  size_t k = 0;
  while (k + 1 < b.size() &&
         static_cast<int>(report::display_width(s.substr(0, b[k + 1]))) <= width) {
    ++k;
  }
  return std::string(s.substr(0, b[k]));
}

KwicLine make_line(int64_t doc, int64_t ordinal, const std::string& lang, const std::string& text,
                   uint32_t start, uint32_t end, int width) {
  KwicLine l;
  l.doc_id = doc;
  l.paragraph = ordinal;
  l.lang = lang;
  // Take generous byte windows first (a column is at most 4 bytes), then cut.
  const size_t span = static_cast<size_t>(width) * 4 + 4;
  const size_t lb = start > span ? start - span : 0;
  std::string left = flatten(text.substr(lb, start - lb));
  std::string right = flatten(text.substr(end, span));
  // Do not start or end inside a UTF-8 sequence.
  while (!left.empty() && (static_cast<unsigned char>(left[0]) & 0xC0) == 0x80) left.erase(0, 1);
  // The right window may end inside its last character: cut that one only
  // (a whole last character stays, as the paragraph's own last one).
  right.erase(incomplete_tail(right));
  l.left = tail_columns(left, width);
  l.keyword = flatten(text.substr(start, end - start));
  l.right = head_columns(right, width);
  return l;
}

}  // namespace

std::vector<KwicLine> kwic(store::Corpus& corpus, const std::string& query,
                           const KwicOptions& options) {
  if (query.empty()) throw UsageError("kwic: give a concept id or a word");
  std::vector<KwicLine> out;
  std::string lang_where = options.lang ? " AND p.lang = ?2" : "";
  store::Statement is_concept(corpus.db(), "SELECT 1 FROM concepts WHERE id = ?");
  is_concept.bind(1, query);
  if (is_concept.step()) {
    store::Statement q(corpus.db(),
                       "SELECT m.doc_id, p.ordinal, p.lang, p.text, m.start, m.end FROM mentions m "
                       "JOIN paragraphs p ON p.id = m.paragraph_id WHERE m.concept_id = ?1" +
                           lang_where + " ORDER BY m.doc_id, p.ordinal, m.start");
    q.bind(1, query);
    if (options.lang) q.bind(2, text::lang_name(*options.lang));
    while (q.step()) {
      out.push_back(make_line(q.column_int(0), q.column_int(1), q.column_text(2),
                              q.column_text(3), static_cast<uint32_t>(q.column_int(4)),
                              static_cast<uint32_t>(q.column_int(5)), options.width));
    }
    return out;
  }
  // A word: a one-concept lexicon with the word as a literal in every language.
  lexicon::Lexicon lex;
  lex.concepts.push_back({});
  lex.concepts[0].id = "word";
  for (text::Lang l : {text::Lang::fa, text::Lang::en, text::Lang::ja}) {
    lexicon::Form f;
    f.lang = l;
    f.form = query;
    f.pattern = lexicon::literal_pattern(query, l);
    if (!f.pattern.empty()) lex.forms.push_back(f);
  }
  if (lex.forms.empty()) throw UsageError(fmt::format("kwic: \"{}\" has no letters to find", query));
  const lexicon::Matcher matcher(std::move(lex));
  store::Statement q(corpus.db(), "SELECT p.doc_id, p.ordinal, p.lang, p.text FROM paragraphs p "
                                  "WHERE 1" + lang_where + " ORDER BY p.doc_id, p.ordinal");
  if (options.lang) q.bind(2, text::lang_name(*options.lang));
  while (q.step()) {
    const std::string lang = q.column_text(2), text = q.column_text(3);
    for (const lexicon::Mention& m :
         matcher.find(text, text::parse_lang(lang).value_or(text::Lang::none))) {
      out.push_back(make_line(q.column_int(0), q.column_int(1), lang, text, m.start, m.end,
                              options.width));
    }
  }
  return out;
}

std::string render_kwic(const std::vector<KwicLine>& lines, int width, bool isolates) {
  std::string out;
  for (const KwicLine& l : lines) {
    const std::string where = fmt::format("{}:{}", l.doc_id, l.paragraph);
    const int pad = width - static_cast<int>(report::display_width(l.left));
    // A hit inside a word (المللی in بین‌المللی, a suffix after it) stays
    // joined to it: the space that sets the keyword apart goes into the
    // padding, so the keyword column stays aligned.
    const bool joined_left = !l.left.empty() && l.left.back() != ' ';
    const bool joined_right = !l.right.empty() && l.right.front() != ' ';
    const std::string padding(static_cast<size_t>(std::max(pad, 0)) + (joined_left ? 1 : 0), ' ');
    const char* before = joined_left ? "" : " ";
    const char* after = joined_right ? "" : " ";
    if (l.lang == "fa" && isolates) {
      // Logical order inside an RTL isolate: the padding (logically first)
      // ends up on the far right, so keywords align for a right-to-left reader.
      // The keyword in [ ] as on every line (a file or grep shows no isolate;
      // bidi mirrors the brackets, so they face the word on screen too).
      out += fmt::format("{:<8} \u2067{}{}{}\u2068[{}]\u2069{}{}\u2069\n", where, padding, l.left, before,
                         l.keyword, after, l.right);
    } else {
      out += fmt::format("{:<8} {}{}{}[{}]{}{}\n", where, padding, l.left, before, l.keyword, after, l.right);
    }
  }
  return out;
}

}  // namespace dipmine::analysis

// The query language: a small hand-written scanner over the user's text that
// builds the FTS5 expression from folded keys (never from raw user text).
#include "store/query.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "common/error.h"
#include "common/years.h"
#include "store/fts_tokenizer.h"
#include "text/fa_vocabulary.h"
#include "text/lang.h"
#include "text/segmenter.h"
#include "text/utf8.h"

namespace dipmine::store {
namespace {

constexpr int kDefaultNear = 10;
constexpr int kMaxNear = 1000;

// One searchable unit typed by the user: a word, a quoted phrase, or a NEAR group.
struct Atom {
  size_t pos = 0;  // byte offset in the query, for errors
  std::string text;
  bool quoted = false;
  bool star = false;
  bool negated = false;
  bool near = false;
  bool solid = false;  // added by add_solid_alternatives: its words joined, and nothing else
  std::vector<Atom> near_parts;
  int near_distance = kDefaultNear;
};

class Parser {
 public:
  explicit Parser(std::string_view q) : q_(q) {}

  Query run() {
    std::vector<std::vector<Atom>> clauses;  // AND of ORs
    bool pending_or = false;
    size_t or_pos = 0;
    bool any_filter = false;
    // A NUL would end the FTS5 expression inside a quoted key (SQLite reads
    // it as a C string): a raw "unterminated string" error otherwise.
    if (const size_t nul = q_.find('\0'); nul != std::string_view::npos) {
      fail(nul, "a NUL byte is not allowed in a query");
    }
    for (skip_space(); i_ < q_.size(); skip_space()) {
      const size_t start = i_;
      if (word_is("OR")) {
        if (clauses.empty() || pending_or) fail(start, "'OR' needs a word before it");
        if (clauses.back().back().negated) fail(start, "'OR' cannot follow an excluded -word");
        i_ += 2;
        pending_or = true;
        or_pos = start;
        continue;
      }
      if (auto filter = scan_filter()) {
        if (pending_or) fail(start, "'OR' cannot join a filter; use it between words");
        any_filter = true;
        continue;
      }
      Atom atom = scan_atom();
      if (pending_or) {
        if (atom.negated) fail(atom.pos, "an excluded -word cannot follow 'OR'");
        clauses.back().push_back(std::move(atom));
        pending_or = false;
      } else {
        clauses.push_back({std::move(atom)});
      }
    }
    if (pending_or) fail(or_pos, "'OR' needs a word after it");
    merge_split_compounds(clauses);
    add_solid_alternatives(clauses);

    // FTS5 numbers phrases in the order they appear in the expression: the
    // positive clauses first, then the exclusions.
    std::vector<std::string> positive, negative;
    std::vector<QueryPhrase> positive_phrases, negative_phrases;
    for (const auto& alternatives : clauses) {
      const bool negated = alternatives[0].negated;
      auto& phrases = negated ? negative_phrases : positive_phrases;
      const int clause = negated ? -1 : static_cast<int>(positive.size());
      int alternative = 0;
      std::vector<std::string> exprs;
      for (const Atom& a : alternatives) exprs.push_back(expression(a, phrases, clause, alternative));
      std::string e = exprs.size() == 1 ? exprs[0] : "(" + join(exprs, " OR ") + ")";
      (negated ? negative : positive).push_back(std::move(e));
    }
    query_.phrases = std::move(positive_phrases);
    for (QueryPhrase& p : negative_phrases) query_.phrases.push_back(std::move(p));
    query_.clauses = static_cast<int>(positive.size());
    if (positive.empty()) {
      if (!negative.empty()) fail(clauses[0][0].pos, "an excluded -word needs a word to search for as well");
      if (any_filter) fail(q_.size(), "nothing to search for besides the filters; add a word");
      fail(0, "empty query; give a word, a \"phrase\" or a prefix*");
    }
    query_.match = "(" + join(positive, " AND ") + ")";
    for (const auto& n : negative) query_.match += " NOT " + n;
    return std::move(query_);
  }

 private:
  [[noreturn]] void fail(size_t byte_pos, std::string_view what) const {
    size_t column = 1;
    for (size_t k = 0; k < byte_pos && k < q_.size();) {
      size_t len;
      text::decode_utf8(q_, k, len);
      k += len;
      ++column;
    }
    throw UsageError(fmt::format("query column {}: {}", column, what));
  }

  static std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string s;
    for (size_t k = 0; k < parts.size(); ++k) s += (k ? std::string(sep) : "") + parts[k];
    return s;
  }

  bool space_at(size_t k, size_t* len = nullptr) const {
    if (k >= q_.size()) return false;
    size_t n;
    const char32_t cp = text::decode_utf8(q_, k, n);
    if (len) *len = n;
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0 || cp == 0x3000;
  }
  bool end_or_space(size_t k) const { return k >= q_.size() || space_at(k); }
  void skip_space() {
    size_t n;
    while (space_at(i_, &n)) i_ += n;
  }
  bool word_is(std::string_view w) const {
    return q_.substr(i_, w.size()) == w && end_or_space(i_ + w.size());
  }
  // The end of a bare word starting at k: the next space or quote.
  size_t word_end(size_t k) const {
    while (k < q_.size() && !space_at(k) && q_[k] != '"') {
      size_t n;
      text::decode_utf8(q_, k, n);
      k += n;
    }
    return k;
  }

  // A word shaped like a field filter: two or more ASCII letters, a colon and
  // a value ("title:city", "author:Acuto").
  static bool looks_like_field(std::string_view name, std::string_view value) {
    if (name.size() < 2 || value.empty() || value[0] == '/') return false;  // not http://
    for (const char c : name) {
      if (!text::is_ascii_letter(c)) return false;
    }
    return true;
  }

  // lang:xx, year:..., doc:N. Returns true (and consumes) when the word is a filter.
  std::optional<bool> scan_filter() {
    const size_t end = word_end(i_);
    const std::string_view w = q_.substr(i_, end - i_);
    const size_t colon = w.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view name = w.substr(0, colon), value = w.substr(colon + 1);
    const size_t vpos = i_ + colon + 1;
    if (name == "lang") {
      if (value != "fa" && value != "en" && value != "ja") {
        fail(vpos, fmt::format("lang: must be fa, en or ja (got '{}')", value));
      }
      query_.langs.emplace_back(value);
    } else if (name == "year") {
      const YearRange range = parse_year_range(value);
      if (!range.error.empty()) fail(vpos, "year: " + range.error);
      query_.year_min = range.from;
      query_.year_max = range.to;
    } else if (name == "doc") {
      int64_t id = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), id);
      if (value.empty() || ec != std::errc() || p != value.data() + value.size() || id <= 0) {
        fail(vpos, fmt::format("doc: must be a document id as `dipmine docs` lists it (got '{}')", value));
      }
      query_.docs.push_back(id);
    } else if (looks_like_field(name, value)) {
      // title:city would quietly find nothing: a filter this parser lacks.
      fail(i_, fmt::format("{}: is not a filter (the filters are lang:, year: and doc:); "
                           "to search for the text, quote it: \"{}\"",
                           name, w));
    } else {
      return std::nullopt;  // "3:2", "a:b" are ordinary words
    }
    i_ = end;
    return true;
  }

  Atom scan_atom() {
    const size_t start = i_;
    Atom a;
    a.pos = i_;
    if (q_[i_] == '-') {
      if (end_or_space(i_ + 1)) fail(i_, "'-' must be followed by the word to exclude, as in -word");
      a.negated = true;
      ++i_;
    }
    if (q_.substr(i_, 5) == "NEAR(") {
      scan_near(a);
    } else if (q_[i_] == '"') {
      scan_quoted(a);
    } else {
      scan_word(a);
    }
    if (a.negated) a.pos = start;  // errors about the exclusion point at its '-'

    return a;
  }

  void scan_quoted(Atom& a) {
    const size_t open = i_;
    const size_t close = q_.find('"', open + 1);
    if (close == std::string_view::npos) fail(open, "unclosed quote; end the phrase with another \"");
    a.quoted = true;
    a.text = std::string(q_.substr(open + 1, close - open - 1));
    a.pos = open;
    i_ = close + 1;
    if (i_ < q_.size() && q_[i_] == '*') {
      a.star = true;
      ++i_;
    }
    if (a.text.find_first_not_of(" \t") == std::string::npos) fail(open, "empty phrase \"\"");
  }

  void scan_word(Atom& a) {
    const size_t begin = i_, end = word_end(i_);
    std::string_view w = q_.substr(begin, end - begin);
    if (!w.empty() && w.back() == '*') {
      a.star = true;
      w.remove_suffix(1);
    }
    if (w.empty()) fail(begin, "'*' must follow a word, as in prefix*");
    if (const size_t star = w.find('*'); star != std::string_view::npos) {
      fail(begin + star, "'*' may only end a word, as in prefix*");
    }
    a.pos = begin;
    a.text = std::string(w);
    i_ = end;
  }

  void scan_near(Atom& a) {
    const size_t open = i_;
    i_ += 5;
    a.near = true;
    for (;;) {
      skip_space();
      if (i_ >= q_.size()) fail(open, "NEAR( has no closing ')'");
      if (q_[i_] == ')') {
        ++i_;
        break;
      }
      if (q_[i_] == ',') {
        const size_t comma = i_++;
        skip_space();
        size_t k = i_;
        while (k < q_.size() && q_[k] >= '0' && q_[k] <= '9') ++k;
        int n = -1;
        if (k > i_) std::from_chars(q_.data() + i_, q_.data() + k, n);
        if (k == i_ || k - i_ > 4 || n > kMaxNear) {
          fail(comma, fmt::format("NEAR(..., N): N must be a number of words from 0 to {}", kMaxNear));
        }
        a.near_distance = n;
        i_ = k;
        skip_space();
        if (i_ >= q_.size() || q_[i_] != ')') fail(i_, "NEAR(a b, N) must end with ')' after N");
        ++i_;
        break;
      }
      Atom part;
      part.pos = i_;
      if (q_[i_] == '"') {
        scan_quoted(part);
      } else {
        const size_t begin = i_;
        while (i_ < q_.size() && !space_at(i_) && q_[i_] != ')' && q_[i_] != ',' && q_[i_] != '"') ++i_;
        std::string_view w = q_.substr(begin, i_ - begin);
        if (!w.empty() && w.back() == '*') {
          part.star = true;
          w.remove_suffix(1);
        }
        if (w.empty()) fail(begin, "'*' must follow a word, as in prefix*");
        if (w.find('*') != std::string_view::npos) fail(begin + w.find('*'), "'*' may only end a word, as in prefix*");
        part.text = std::string(w);
      }
      a.near_parts.push_back(std::move(part));
    }
    if (a.near_parts.size() < 2) fail(open, "NEAR( needs at least two words, as in NEAR(a b, 5)");
  }

  static size_t key_count(const std::string& t) { return plain_keys(t).size(); }

  // Persian compounds typed with a space (بین المللی, می شود, کتاب ها) are one
  // term, as in the documents: two plain neighbouring words become one when the
  // tokenizer joins them into fewer keys than they make apart.
  static void merge_split_compounds(std::vector<std::vector<Atom>>& clauses) {
    auto plain = [](const std::vector<Atom>& c) {
      return c.size() == 1 && !c[0].negated && !c[0].quoted && !c[0].near && !c[0].star;
    };
    for (size_t k = 0; k + 1 < clauses.size();) {
      if (plain(clauses[k]) && plain(clauses[k + 1])) {
        const std::string together = clauses[k][0].text + " " + clauses[k + 1][0].text;
        if (key_count(together) < key_count(clauses[k][0].text) + key_count(clauses[k + 1][0].text)) {
          clauses[k][0].text = together;
          clauses.erase(clauses.begin() + static_cast<std::ptrdiff_t>(k) + 1);
          continue;
        }
      }
      ++k;
    }
  }

  // Persian text of Arabic-script words only: its ZWNJs made spaces, or its
  // spaces made ZWNJs (`اصلاح‌طلبان` / `اصلاح طلبان`).
  static std::optional<std::string> persian_respelling(const std::string& t) {
    constexpr std::string_view kZwnj = "\u200C";
    if (text::detect_lang(t) != text::Lang::fa) return std::nullopt;
    for (size_t i = 0; i < t.size();) {
      size_t len;
      const char32_t c = text::decode_utf8(t, i, len);
      if (c < 0x0600 && c != ' ') return std::nullopt;  // a Latin letter, a digit, punctuation
      i += len;
    }
    std::string out;
    const bool has_zwnj = t.find(kZwnj) != std::string::npos;
    if (!has_zwnj && t.find(' ') == std::string::npos) return std::nullopt;
    for (size_t i = 0; i < t.size();) {
      if (has_zwnj && t.compare(i, kZwnj.size(), kZwnj) == 0) {
        out += ' ';
        i += kZwnj.size();
      } else if (!has_zwnj && t[i] == ' ') {
        out += kZwnj;
        ++i;
      } else {
        out += t[i++];
      }
    }
    return out;
  }

  static std::vector<std::string> plain_keys(const std::string& t) {
    std::vector<std::string> keys;
    for (const text::Term& term : text::index_terms(t, text::detect_lang(t), text::TermMode::query)) {
      if (!term.colocated) keys.push_back(term.key);
    }
    return keys;
  }

  // The one way a Persian key splits into two dictionary words of four
  // letters or more; none when there is no such way or more than one.
  // (Three let دیپلماسی be دیپلم + اسی.)
  static std::optional<std::vector<std::string>> dictionary_halves(const std::string& key) {
    std::vector<size_t> starts;  // character boundaries
    for (size_t i = 0; i < key.size();) {
      starts.push_back(i);
      size_t len;
      text::decode_utf8(key, i, len);
      i += len;
    }
    std::optional<std::vector<std::string>> found;
    for (size_t c = 4; c + 4 <= starts.size(); ++c) {
      const std::string left = key.substr(0, starts[c]), right = key.substr(starts[c]);
      if (!text::fa_is_word(text::fa_key(left)) || !text::fa_is_word(text::fa_key(right))) continue;
      if (found) return std::nullopt;  // two ways: which is meant is not known
      found = std::vector<std::string>{left, right};
    }
    return found;
  }

  // Persian compounds the dictionary does not know are written with a ZWNJ,
  // a space or nothing (اصلاح‌طلبان, اصلاح طلبان, اصلاحطلبان), and a document
  // written with the ZWNJ or solid holds one key for it. Two plain
  // neighbouring Persian words A B (AND) become (A OR AB) AND (B OR AB):
  // either the words, or the compound written as one.
  static void add_solid_alternatives(std::vector<std::vector<Atom>>& clauses) {
    auto plain = [](const std::vector<Atom>& c) {
      return c.size() == 1 && !c[0].negated && !c[0].quoted && !c[0].near && !c[0].star && !c[0].solid;
    };
    std::vector<std::pair<size_t, Atom>> added;
    for (size_t k = 0; k + 1 < clauses.size(); ++k) {
      if (!plain(clauses[k]) || !plain(clauses[k + 1])) continue;
      const std::string spaced = clauses[k][0].text + " " + clauses[k + 1][0].text;
      const auto joined = persian_respelling(spaced);
      if (!joined) continue;
      const std::vector<std::string> keys = plain_keys(*joined);
      if (keys.size() != 1 || plain_keys(spaced).size() != 2) continue;
      Atom a;
      a.pos = clauses[k][0].pos;
      a.text = *joined;
      a.solid = true;
      added.push_back({k, a});
      added.push_back({k + 1, a});
    }
    for (auto& [k, a] : added) clauses[k].push_back(std::move(a));
  }

  // The FTS5 phrase for one word or quoted phrase, from its folded keys.
  std::string phrase(const Atom& a, bool allow_boost, std::vector<QueryPhrase>& out, int clause,
                     int& alternative) const {
    const std::vector<text::Term> terms =
        text::index_terms(a.text, text::detect_lang(a.text), text::TermMode::query);
    std::vector<std::string> keys, boosts;
    std::vector<const text::Term*> solid;  // a hyphenated compound written solid
    const text::Term* last = nullptr;
    uint32_t lo = UINT32_MAX, hi = 0;
    for (const text::Term& t : terms) {
      if (t.colocated) {
        if (t.key.rfind(text::kWholeWordMark, 0) == 0) boosts.push_back(t.key);
        else solid.push_back(&t);
        continue;
      }
      keys.push_back(t.key);
      last = &t;
      lo = std::min(lo, t.begin);
      hi = std::max(hi, t.end);
    }
    if (keys.empty()) {
      fail(a.pos, fmt::format("'{}' has no letters or digits to search for", a.text));
    }
    std::string e = query_key_string(keys);
    const bool prefix = a.star || last->prefix;
    if (prefix) e += "*";
    const std::vector<std::string> written = keys;
    out.push_back({std::move(keys), prefix, clause, alternative});
    // A Persian word or phrase in the other spelling: a ZWNJ as a space
    // (اصلاح‌طلبان finds اصلاح طلبان) or a quoted phrase's spaces as ZWNJs
    // ("اصلاح طلبان" finds اصلاح‌طلبان and اصلاحطلبان).
    if (allow_boost && !a.star && !a.solid) {
      if (const auto respelled = persian_respelling(a.text)) {
        std::vector<std::string> other = plain_keys(*respelled);
        if (!other.empty() && other != written) {
          const std::string alt = query_key_string(other);
          out.push_back({std::move(other), false, clause, ++alternative});
          return "(" + e + " OR " + alt + ")";
        }
      }
    }
    // A Persian word typed solid (سرمایهگذاری) that is two dictionary words
    // of four letters or more run together, in one way only: also those
    // words in a row (سرمایه گذاری), as documents write it with a space.
    if (allow_boost && !a.star && !a.solid && written.size() == 1 && text::detect_lang(a.text) == text::Lang::fa &&
        !persian_respelling(a.text)) {
      // (Only where the words in a row stay two keys: بین المللی is one.)
      if (auto parts = dictionary_halves(written[0]); parts && plain_keys((*parts)[0] + " " + (*parts)[1]).size() == 2) {
        const std::string alt = query_key_string(*parts);
        out.push_back({std::move(*parts), false, clause, ++alternative});
        return "(" + e + " OR " + alt + ")";
      }
    }
    // A word written with hyphens (non-parallel): its parts in a row, or the
    // compound written solid (nonparallel), which documents index as a
    // colocated key of the first part. Only when the word is the whole
    // phrase: an FTS5 phrase (or NEAR group) has no alternatives inside.
    if (allow_boost && !a.star && solid.size() == 1 && solid[0]->begin <= lo && solid[0]->end >= hi) {
      out.push_back({{solid[0]->key}, false, clause, ++alternative});
      return "(" + e + " OR " + query_key_string({solid[0]->key}) + ")";
    }
    if (allow_boost && !a.star && boosts.size() == 1) {
      // A query that is one Japanese word: whole-word hits rank higher. The word
      // occurs only where its bigrams do, so this adds score, never matches.
      for (const text::Term& t : terms) {
        if (t.colocated && t.begin <= lo && t.end >= hi) {
          out.push_back({{boosts[0]}, false, clause, ++alternative});
          return "(" + e + " OR " + query_key_string({boosts[0]}) + ")";
        }
      }
    }
    return e;
  }

  // The FTS5 expression of one alternative of a clause; appends its phrases
  // to `out` and advances `alternative` past it.
  std::string expression(const Atom& a, std::vector<QueryPhrase>& out, int clause,
                         int& alternative) const {
    std::string e;
    if (!a.near) {
      e = phrase(a, true, out, clause, alternative);
    } else {
      std::vector<std::string> parts;
      for (const Atom& p : a.near_parts) parts.push_back(phrase(p, false, out, clause, alternative));
      e = fmt::format("NEAR({}, {})", join(parts, " "), a.near_distance);
    }
    ++alternative;
    return e;
  }

  std::string_view q_;
  size_t i_ = 0;
  Query query_;
};

}  // namespace

Query parse_query(std::string_view text) { return Parser(text).run(); }

}  // namespace dipmine::store

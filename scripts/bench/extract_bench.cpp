// Matching throughput on folded text: the shipped lexicon and synthetic
// 5,000- and 20,000-form lexicons through lexicon::Matcher, beside (shipped
// lexicon only) one RE2 alternation of the same patterns and a plain
// substring scan of the literal forms; the Matcher's build time per lexicon.
// The synthetic lexicons are grown from the shipped one (synthetic() says
// how), so they keep its share of literal, regex and near forms, of
// languages and of networks. Each paragraph is scanned with its language, as
// ingest does (near forms segment by it). Built and run by scripts/bench/extract.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "lexicon/matcher.h"
#include "text/segmenter.h"
#include "text/lang.h"
#include "text/normalizer.h"

using namespace dipmine;
// CPU time of this thread, not wall time: the 2 shared cores run other jobs,
// and wall-clock rates came out 4-5x lower and unrepeatable.
struct Clock {
  static double now() {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
};

static double mbps(size_t bytes, double seconds) { return bytes / 1e6 / seconds; }

struct Corpus {
  std::vector<std::string> paragraphs;  // folded: the seed paragraphs, repeated
  std::vector<text::Lang> langs;        // of each paragraph
  size_t bytes = 0;
  size_t distinct = 0, distinct_bytes = 0;  // the first pass over the seeds
};

static Corpus load(const std::string& dir, size_t target) {
  Corpus c;
  std::vector<std::pair<std::string, text::Lang>> base;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line, para;
    const auto flush = [&] {
      const text::Lang lang = text::detect_lang(para);
      base.emplace_back(text::normalizer_for(lang).fold_for_prefix(para).text, lang);
      para.clear();
    };
    while (std::getline(in, line)) {
      if (line.empty() && !para.empty()) {
        flush();
      } else {
        para += line + "\n";
      }
    }
    if (!para.empty()) flush();
  }
  // Directory order varies between file systems: the same order everywhere,
  // so that the synthetic lexicons are the same everywhere.
  std::sort(base.begin(), base.end());
  c.distinct = base.size();
  for (const auto& p : base) c.distinct_bytes += p.first.size();
  while (c.bytes < target) {
    for (const auto& [p, lang] : base) {
      c.paragraphs.push_back(p), c.langs.push_back(lang), c.bytes += p.size();
    }
  }
  return c;
}

// `target`: the MB/s per core the steady state should reach (0: none).
static void run(const char* name, const lexicon::Lexicon& lex, const Corpus& c, bool baselines,
                double target) {
  const double t = Clock::now();
  const lexicon::Matcher m{lexicon::Lexicon(lex)};
  const double build_ms = (Clock::now() - t) * 1e3;
  // The first pass over the seed paragraphs also pays for building RE2's lazy
  // DFA states (what a fresh ingest of new text pays); the repeats show the
  // steady state.
  size_t hits = 0;
  double t0 = Clock::now();
  // A checksum of the first pass's hits (form, begin, end, in order): the
  // same before and after a change to the matcher that keeps its results.
  uint64_t sum = 1469598103934665603ull;
  for (size_t i = 0; i < c.distinct; ++i) {
    for (const lexicon::Hit& h : m.scan(c.paragraphs[i], c.langs[i])) {
      for (const uint32_t v : {static_cast<uint32_t>(i), h.form, h.begin, h.end}) sum = (sum ^ v) * 1099511628211ull;
      ++hits;
    }
  }
  const double first_rate = mbps(c.distinct_bytes, Clock::now() - t0);
  t0 = Clock::now();
  for (size_t i = c.distinct; i < c.paragraphs.size(); ++i) hits += m.scan(c.paragraphs[i], c.langs[i]).size();
  const double set_rate = mbps(c.bytes - c.distinct_bytes, Clock::now() - t0);

  size_t literal_forms = 0, near_forms = 0;
  for (const auto& f : lex.forms) literal_forms += f.regex ? 0 : 1, near_forms += f.near ? 1 : 0;
  std::printf("%-23s %5zu forms (%5zu literal, %4zu near)  matcher %7.1f MB/s (first pass %.1f; "
              "%zu hits, sum %016llx)  build %.0f ms CPU; %zu forms without atoms\n",
              name, lex.forms.size(), literal_forms, near_forms, set_rate, first_rate, hits,
              static_cast<unsigned long long>(sum), build_ms, m.unfiltered_forms());
  if (target > 0) {
    std::printf("%-23s target >= %.0f MB/s steady: %s\n", "", target,
                set_rate >= target ? "met" : "NOT met");
  }
  std::fflush(stdout);
  if (!baselines || std::getenv("EXTRACT_NO_BASELINES")) return;
  std::string alt;
  for (const auto& f : lex.forms) alt += (alt.empty() ? "" : "|") + f.pattern;
  RE2::Options o;
  o.set_max_mem(int64_t{1} << 30);
  o.set_log_errors(false);
  RE2 one(alt, o);
  size_t alt_hits = 0;
  t0 = Clock::now();
  for (const auto& p : c.paragraphs) {
    re2::StringPiece in(p), m1;
    while (RE2::FindAndConsume(&in, one)) ++alt_hits;
  }
  const double alt_rate = one.ok() ? mbps(c.bytes, Clock::now() - t0) : 0;

  std::vector<std::string> literals;
  for (const auto& f : lex.forms) {
    if (!f.regex) literals.push_back(text::normalizer_for(f.lang).fold_for_prefix(f.form).text);
  }
  size_t sub_hits = 0;
  t0 = Clock::now();
  for (const auto& p : c.paragraphs) {
    for (const auto& l : literals) {
      for (size_t at = p.find(l); at != std::string::npos; at = p.find(l, at + 1)) sub_hits += 1 + (at & 0);
    }
  }
  const double sub_rate = mbps(c.bytes, Clock::now() - t0);
  std::printf("%-23s one RE2 alternation %7.1f MB/s%s  substring scan %7.1f MB/s (%zu hits)\n",
              "", alt_rate, one.ok() ? "" : " (did not compile)", sub_rate, sub_hits);
}

// A synthetic lexicon of n forms grown from the shipped one: its forms, then
// copies of forms drawn at random (so literal, regex and near forms, the
// languages and the networks keep their shares) with every word of two or
// more characters (three in English) replaced by a content word of the seeds
// (not a stop word of lexicons/stopwords-*.txt, not a number, as long) of
// about the same frequency: half to twice as many occurrences; a word the
// seeds lack by another word they lack (a seed word spelt backwards). So
// each synthetic form is triggered about as often as the form it copies,
// and its regex syntax (alternations, optional suffixes, \s*, near sides)
// is the shipped syntax. Reproducible: a fixed seed over the seeds'
// paragraphs in a fixed order.
struct Vocabulary {
  std::map<std::string, size_t> count;  // folded content word -> occurrences in the seeds
  std::vector<std::pair<size_t, std::string>> by_count;  // ascending
  std::set<std::string> stop;            // folded stop words
  // A word worth replacing, or using as a replacement.
  bool content(std::string_view w, text::Lang lang) const {
    size_t chars = 0;
    bool letter = false;
    for (const char ch : w) {
      chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      letter |= !std::isdigit(static_cast<unsigned char>(ch));
    }
    return letter && chars >= (lang == text::Lang::en ? 3u : 2u) &&
           !stop.count(text::normalizer_for(lang).fold_for_prefix(w).text);
  }
};

static std::string reversed(std::string_view w) {  // by code point
  std::vector<std::string_view> cps;
  for (size_t i = 0; i < w.size();) {
    size_t len = 1;
    while (i + len < w.size() && (static_cast<unsigned char>(w[i + len]) & 0xC0) == 0x80) ++len;
    cps.push_back(w.substr(i, len));
    i += len;
  }
  std::string out;
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) out += *it;
  return out;
}

// The replacement for `word` (as written in a form of language `lang`).
static std::string replacement(const Vocabulary& v, std::string_view word, text::Lang lang,
                               std::mt19937& rng) {
  const std::string key = text::normalizer_for(lang).fold_for_prefix(word).text;
  const auto it = v.count.find(key);
  const size_t f = it == v.count.end() ? 0 : it->second;
  if (f == 0) {  // a word the seeds lack: another one they lack
    for (int tries = 0; tries < 20; ++tries) {
      std::string w = reversed(v.by_count[rng() % v.by_count.size()].second);
      if (!v.count.count(w)) return w;
    }
    return std::string(word);
  }
  const auto lo = std::lower_bound(v.by_count.begin(), v.by_count.end(),
                                   std::make_pair(std::max<size_t>(1, f / 2), std::string()));
  const auto hi = std::upper_bound(v.by_count.begin(), v.by_count.end(),
                                   std::make_pair(2 * f, std::string("\xff")));
  if (hi <= lo) return std::string(word);
  return (lo + static_cast<ptrdiff_t>(rng() % static_cast<size_t>(hi - lo)))->second;
}

// `form` with its words replaced: outside regex syntax (escapes, [classes],
// {counts}, operators) and near syntax (~N, @network) when `regex`.
static std::string regrown(const Vocabulary& v, const std::string& form, bool regex,
                           text::Lang lang, std::mt19937& rng) {
  std::string out, run;
  const auto flush = [&] {
    size_t at = 0;
    for (const text::Span w : text::words(run, lang)) {
      out += run.substr(at, w.begin - at);
      const std::string_view word = std::string_view(run).substr(w.begin, w.end - w.begin);
      std::string r = v.content(word, lang) ? replacement(v, word, lang, rng) : std::string(word);
      out += regex ? RE2::QuoteMeta(r) : r;
      at = w.end;
    }
    out += run.substr(at);
    run.clear();
  };
  for (size_t i = 0; i < form.size();) {
    const char ch = form[i];
    size_t len = 0;
    if (!regex) {
      len = 0;
    } else if (ch == '\\') {
      len = (i + 2 < form.size() && (form[i + 1] == 'p' || form[i + 1] == 'P') && form[i + 2] == '{')
                ? form.find('}', i) + 1 - i
                : 2;
    } else if (ch == '[') {
      size_t j = i + 1;
      if (j < form.size() && form[j] == '^') ++j;
      if (j < form.size() && form[j] == ']') ++j;
      while (j < form.size() && form[j] != ']') j += form[j] == '\\' ? 2 : 1;
      len = j + 1 - i;
    } else if (ch == '{') {
      len = form.find('}', i) + 1 - i;
    } else if (std::strchr("()|?*+^$.", ch)) {
      len = 1;
    } else if (ch == '~') {
      len = 1;
      while (i + len < form.size() && std::isdigit(static_cast<unsigned char>(form[i + len]))) ++len;
    } else if (ch == '@') {
      len = 1;
      while (i + len < form.size() && std::isalpha(static_cast<unsigned char>(form[i + len]))) ++len;
    }
    if (len == 0) {
      run += ch;
      ++i;
      continue;
    }
    flush();
    out += form.substr(i, len);
    i += len;
  }
  flush();
  return out;
}

static lexicon::Lexicon synthetic(const lexicon::Lexicon& shipped, const Corpus& c, size_t n,
                                   const std::string& lexicon_dir) {
  Vocabulary vocab[4];  // by text::Lang
  for (const text::Lang lang : {text::Lang::fa, text::Lang::en, text::Lang::ja}) {
    std::ifstream in(lexicon_dir + "/stopwords-" + std::string(text::lang_name(lang)) + ".txt");
    for (std::string w; std::getline(in, w);) {
      if (!w.empty() && w[0] != '#') {
        vocab[static_cast<int>(lang)].stop.insert(text::normalizer_for(lang).fold_for_prefix(w).text);
      }
    }
  }
  for (size_t i = 0; i < c.distinct; ++i) {
    const std::string& p = c.paragraphs[i];
    Vocabulary& v = vocab[static_cast<int>(c.langs[i])];
    for (const text::Span w : text::words(p, c.langs[i])) {
      const std::string word = p.substr(w.begin, w.end - w.begin);
      if (v.content(word, c.langs[i])) ++v.count[word];
    }
  }
  for (Vocabulary& v : vocab) {
    for (const auto& [w, k] : v.count) v.by_count.emplace_back(k, w);
    std::sort(v.by_count.begin(), v.by_count.end());
  }
  std::mt19937 rng(42);
  lexicon::Lexicon syn = shipped;
  std::set<std::string> seen;
  for (const auto& f : syn.forms) seen.insert(f.pattern + "\x02" + (f.near ? f.near->b_pattern : ""));
  size_t misses = 0;
  while (syn.forms.size() < n && misses < 100 * n) {
    lexicon::Form f = shipped.forms[rng() % shipped.forms.size()];
    const Vocabulary& v = vocab[static_cast<int>(f.lang)];
    if (v.by_count.empty()) continue;
    f.form = regrown(v, f.form, f.regex, f.lang, rng);
    if (f.near) {
      lexicon::NearParse p = lexicon::parse_near(f.form, f.lang);
      if (!p.error.empty()) { ++misses; continue; }
      f.pattern = p.a_pattern;
      f.near = p.proximity;
    } else if (f.regex) {
      if (!lexicon::regex_problem(f.form, f.lang).empty()) { ++misses; continue; }
      f.pattern = lexicon::regex_pattern(f.form, f.lang);
    } else {
      f.pattern = lexicon::literal_pattern(f.form, f.lang);
    }
    if (f.pattern.empty() || !lexicon::regex_problem(f.pattern, f.lang).empty() ||
        !seen.insert(f.pattern + "\x02" + (f.near ? f.near->b_pattern : "")).second) {
      ++misses;
      continue;
    }
    syn.forms.push_back(std::move(f));
  }
  return syn;
}

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : ".";
  const lexicon::Lexicon shipped = lexicon::load_lexicon(root + "/lexicons");
  // Optional second argument: megabytes of text (default 5; smaller for callgrind).
  const size_t mb = argc > 2 ? std::stoul(argv[2]) : 5;
  const Corpus c = load(root + "/corpus", std::max<size_t>(mb, 1) << 20);
  std::printf("folded text: %.1f MB in %zu paragraphs (%zu distinct), one thread, MB per CPU second\n",
              c.bytes / 1e6, c.paragraphs.size(), c.distinct);
  std::fflush(stdout);
  std::printf("figures before this round (the windows matcher, 1,095 forms, load 11-12): shipped "
              "26.1-27.4 MB/s steady, 5,000 forms 4.8-5.6, 20,000 forms 0.9-1.2\n");
  std::printf("targets: >= 200 MB/s at 5,000 forms, >= 100 MB/s at 20,000, the shipped lexicon "
              "at least as fast as at 5,000\n");
  // For profiling one lexicon: EXTRACT_ONLY=shipped|5000|20000 (or EXTRACT_SHIPPED_ONLY=1).
  const char* only_env = std::getenv("EXTRACT_ONLY");
  const std::string only = std::getenv("EXTRACT_SHIPPED_ONLY") ? "shipped" : only_env ? only_env : "";
  if (only.empty() || only == "shipped") run("shipped lexicon", shipped, c, true, 200);
  if (only.empty() || only == "5000") {
    run("synthetic 5,000 forms", synthetic(shipped, c, 5000, root + "/lexicons"), c, false, 200);
  }
  if (only.empty() || only == "20000") {
    run("synthetic 20,000 forms", synthetic(shipped, c, 20000, root + "/lexicons"), c, false, 100);
  }
  return 0;
}

// Matching throughput on folded text: the shipped lexicon and a synthetic
// 5,000-form lexicon through lexicon::Matcher (atom search + per-form RE2),
// beside one RE2 alternation of the same patterns and a plain substring scan of
// the literal forms. Built and run by scripts/bench/extract.
#include <re2/re2.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "lexicon/matcher.h"
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
  size_t bytes = 0;
  size_t distinct = 0, distinct_bytes = 0;  // the first pass over the seeds
};

static Corpus load(const std::string& dir, size_t target) {
  Corpus c;
  std::vector<std::string> base;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line, para;
    while (std::getline(in, line)) {
      if (line.empty() && !para.empty()) {
        base.push_back(text::normalizer_for(text::detect_lang(para)).fold_for_prefix(para).text);
        para.clear();
      } else {
        para += line + "\n";
      }
    }
    if (!para.empty()) base.push_back(text::normalizer_for(text::detect_lang(para)).fold_for_prefix(para).text);
  }
  c.distinct = base.size();
  for (const auto& p : base) c.distinct_bytes += p.size();
  while (c.bytes < target) {
    for (const auto& p : base) c.paragraphs.push_back(p), c.bytes += p.size();
  }
  return c;
}

static void run(const char* name, const lexicon::Lexicon& lex, const Corpus& c) {
  const lexicon::Matcher m{lexicon::Lexicon(lex)};
  // The first pass over the seed paragraphs also pays for building RE2's lazy
  // DFA states (what a fresh ingest of new text pays); the repeats show the
  // steady state.
  size_t hits = 0;
  double t0 = Clock::now();
  for (size_t i = 0; i < c.distinct; ++i) hits += m.scan(c.paragraphs[i]).size();
  const double first_rate = mbps(c.distinct_bytes, Clock::now() - t0);
  t0 = Clock::now();
  for (size_t i = c.distinct; i < c.paragraphs.size(); ++i) hits += m.scan(c.paragraphs[i]).size();
  const double set_rate = mbps(c.bytes - c.distinct_bytes, Clock::now() - t0);

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
  std::printf("%-22s %5zu forms (%4zu literal)  matcher %7.1f MB/s (first pass %.1f; %zu hits)  one RE2 alternation %7.1f MB/s%s  substring scan %7.1f MB/s (%zu hits)\n",
              name, lex.forms.size(), literals.size(), set_rate, first_rate, hits, alt_rate,
              one.ok() ? "" : " (did not compile)", sub_rate, sub_hits);
}

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : ".";
  const lexicon::Lexicon shipped = lexicon::load_lexicon(root + "/lexicons");
  // Optional second argument: megabytes of text (default 5; smaller for callgrind).
  const size_t mb = argc > 2 ? std::stoul(argv[2]) : 5;
  const Corpus c = load(root + "/corpus", std::max<size_t>(mb, 1) << 20);
  std::printf("folded text: %.1f MB in %zu paragraphs (%zu distinct), one thread, MB per CPU second\n",
              c.bytes / 1e6, c.paragraphs.size(), c.distinct);
  run("shipped lexicon", shipped, c);

  // Synthetic: 5,000 literal forms of two or three corpus-like words.
  std::vector<std::string> words;
  for (const auto& p : c.paragraphs) {
    std::istringstream ss(p);
    std::string w;
    while (ss >> w && words.size() < 20000) words.push_back(w);
    if (words.size() >= 20000) break;
  }
  std::mt19937 rng(42);
  lexicon::Lexicon syn;
  syn.concepts.push_back({});
  syn.concepts[0].id = "synthetic";
  std::set<std::string> seen;
  while (syn.forms.size() < 5000) {
    std::string f = words[rng() % words.size()] + " " + words[rng() % words.size()];
    if (rng() % 3 == 0) f += " " + words[rng() % words.size()];
    const text::Lang lang = text::detect_lang(f);
    std::string pat = lexicon::literal_pattern(f, lang == text::Lang::none ? text::Lang::en : lang);
    if (pat.empty() || !seen.insert(pat).second) continue;
    lexicon::Form form;
    form.lang = lang == text::Lang::none ? text::Lang::en : lang;
    form.form = f;
    form.pattern = pat;
    syn.forms.push_back(form);
  }
  run("synthetic 5,000 forms", syn, c);
  return 0;
}

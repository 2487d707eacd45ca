// Driver for scripts/bench/normalize: MB/s of clean and fold per language on
// the corpus paragraphs, beside a bare ICU NFKC_Casefold pass over the same
// bytes in the same run (fold and ICU in alternating passes, so that their
// ratio does not depend on when a neighbour was busy). Rates are per CPU
// second of one thread.
// Usage: normalize_bench CORPUS_DIR [SECONDS_PER_ROW]
//        normalize_bench CORPUS_DIR --profile fa|en|ja icu|clean|fold|cold|seg ROUNDS
// "cold" is fold with empty word memos (English stems, Persian word facts:
// they are per thread, and each round runs in a new thread), as on text whose
// words were never seen; "fold" repeats the same text, so after the first
// round every word is found in them.
// The --profile form runs one row a fixed number of times and prints nothing
// else: run it under `valgrind --tool=callgrind` for instruction counts, which
// stay stable on a busy shared machine where timings do not.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "text/lang.h"
#include "text/normalizer.h"
#include "text/segmenter.h"

using namespace dipmine::text;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> paragraphs(const std::string& t) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t p; (p = t.find("\n\n", start)) != std::string::npos; start = p + 2) {
    if (p > start) out.push_back(t.substr(start, p - start));
  }
  if (start < t.size()) out.push_back(t.substr(start));
  return out;
}

// CPU time of this thread: the machine is shared, so wall time would measure
// the neighbours.
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Runs fn over all paragraphs repeatedly for about `seconds` of CPU; returns MB/s.
template <typename Fn>
double rate(const std::vector<std::string>& paras, double seconds, Fn fn) {
  size_t bytes = 0, sink = 0;
  for (const auto& p : paras) sink += fn(p);  // warm-up: vocabulary, ICU data
  const double t0 = cpu_seconds();
  double elapsed = 0;
  do {
    for (const auto& p : paras) {
      sink += fn(p);
      bytes += p.size();
    }
    elapsed = cpu_seconds() - t0;
  } while (elapsed < seconds);
  if (sink == 42) std::puts("");  // keep the work observable
  return bytes / elapsed / 1e6;
}

// The rates of fn_a and fn_b measured in alternating passes over all the
// paragraphs for about `seconds` of CPU in all: the machine is shared, and a
// ratio of two rates taken seconds apart measures the neighbours' load as
// much as the code.
template <typename FnA, typename FnB>
std::pair<double, double> paired_rates(const std::vector<std::string>& paras, double seconds, FnA fn_a,
                                       FnB fn_b) {
  size_t bytes = 0, sink = 0;
  for (const auto& p : paras) sink += fn_a(p) + fn_b(p);  // warm-up
  double ta = 0, tb = 0;
  do {
    const double t0 = cpu_seconds();
    for (const auto& p : paras) sink += fn_a(p);
    const double t1 = cpu_seconds();
    for (const auto& p : paras) sink += fn_b(p);
    ta += t1 - t0;
    tb += cpu_seconds() - t1;
    for (const auto& p : paras) bytes += p.size();
  } while (ta + tb < seconds);
  if (sink == 42) std::puts("");
  return {bytes / ta / 1e6, bytes / tb / 1e6};
}

// One fold of every paragraph in a new thread (so with empty per-thread word
// memos); returns that thread's CPU seconds.
double cold_fold_seconds(const Normalizer& n, const std::vector<std::string>& paras, size_t& sink) {
  double seconds = 0;
  std::thread worker([&] {
    const double t0 = cpu_seconds();
    for (const auto& p : paras) sink += n.fold(p).text.size();
    seconds = cpu_seconds() - t0;
  });
  worker.join();
  return seconds;
}

// MB/s of cold folds, repeated for about `seconds` of CPU.
double cold_rate(const Normalizer& n, const std::vector<std::string>& paras, double seconds) {
  size_t bytes = 0, sink = 0;
  for (const auto& p : paras) bytes += p.size();
  cold_fold_seconds(n, paras, sink);  // warm-up: vocabulary, ICU data, tables
  double elapsed = 0;
  size_t rounds = 0;
  do {
    elapsed += cold_fold_seconds(n, paras, sink);
    ++rounds;
  } while (elapsed < seconds);
  if (sink == 42) std::puts("");
  return static_cast<double>(bytes * rounds) / elapsed / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: normalize_bench CORPUS_DIR [SECONDS_PER_ROW]\n");
    return 2;
  }
  const bool profile = argc > 2 && std::string(argv[2]) == "--profile";
  if (profile && argc < 6) {
    std::fprintf(stderr, "usage: normalize_bench CORPUS_DIR --profile LANG ROW ROUNDS\n");
    return 2;
  }
  const double seconds = argc > 2 && !profile ? std::atof(argv[2]) : 1.0;
  std::vector<std::string> by_lang[4];
  for (const auto& entry : fs::directory_iterator(argv[1])) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    for (auto& p : paragraphs(ss.str())) by_lang[static_cast<int>(detect_lang(p))].push_back(p);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  auto icu_pass = [&](const std::string& p) {
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode st = U_ZERO_ERROR;
    cf->normalizeUTF8(0, icu::StringPiece(p.data(), static_cast<int32_t>(p.size())), sink,
                      nullptr, st);
    return out.size();
  };
  auto fold_seg = [](const Normalizer& n, const std::string& p) {
    const MappedText f = n.fold(p);
    size_t k = words(f.text, n.lang()).size();
    if (n.lang() == Lang::ja) k += cjk_bigrams(f.text).size();
    return k;
  };
  if (profile) {
    const Lang lang = parse_lang(argv[3]).value_or(Lang::none);
    const std::string row = argv[4];
    const int rounds = std::atoi(argv[5]);
    const Normalizer& n = normalizer_for(lang);
    size_t sink = 0;
    for (int r = 0; r < rounds; ++r) {
      if (row == "cold") {
        cold_fold_seconds(n, by_lang[static_cast<int>(lang)], sink);
        continue;
      }
      for (const auto& p : by_lang[static_cast<int>(lang)]) {
        if (row == "icu") sink += icu_pass(p);
        else if (row == "clean") sink += n.clean(p).text.size();
        else if (row == "fold") sink += n.fold(p).text.size();
        else sink += fold_seg(n, p);
      }
    }
    return sink == 42 ? 1 : 0;
  }
  std::printf("%-4s %9s %10s %10s %10s %10s %12s %9s %9s\n", "lang", "KB", "icu MB/s", "clean MB/s",
              "fold MB/s", "cold MB/s", "fold+seg MB/s", "fold/icu", "cold/icu");
  for (Lang lang : {Lang::fa, Lang::en, Lang::ja}) {
    const auto& paras = by_lang[static_cast<int>(lang)];
    size_t kb = 0;
    for (const auto& p : paras) kb += p.size();
    const Normalizer& n = normalizer_for(lang);
    const auto [icu, fold] = paired_rates(paras, 2 * seconds, icu_pass,
                                          [&](const std::string& p) { return n.fold(p).text.size(); });
    const double clean = rate(paras, seconds, [&](const std::string& p) { return n.clean(p).text.size(); });
    const double cold = cold_rate(n, paras, seconds);
    const double seg = rate(paras, seconds, [&](const std::string& p) { return fold_seg(n, p); });
    std::printf("%-4s %9zu %10.1f %10.1f %10.1f %10.1f %12.1f %8.2fx %8.2fx\n",
                std::string(lang_name(lang)).c_str(), kb / 1024, icu, clean, fold, cold, seg,
                icu / fold, icu / cold);
  }
  return 0;
}

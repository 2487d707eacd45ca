// Behaviour fingerprint of the text module, for speed work that must change
// nothing: for each of ~74,000 inputs (the corpus files, their paragraphs and
// lines, random texts from the pieces the rules look at, random texts of
// corpus words with a quarter reversed, random code-point strings, random
// bytes) one line of hashes: clean, fold, fold_for_prefix and finish_fold of
// every language with every map entry, index_terms (document, query, given
// fold), normalize_text and text_tokens. Build it against the library of two
// commits and compare the outputs:
//   g++ -std=c++20 -O2 -I pipeline scripts/bench/normalize_dump.cpp LIB -licui18n
//       -licuuc -licudata -lstemmer -lfmt -o dump    (LIB: $BUILD_DIR/pipeline/libdipmine_text.a)
//   ./dump corpus > after.txt; cmp before.txt after.txt
// Usage: normalize_dump CORPUS_DIR [SCALE]   (SCALE multiplies the random inputs)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/lang.h"
#include "text/normalize_text.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/utf8.h"

using namespace dipmine::text;
namespace fs = std::filesystem;

// FNV-1a over everything fed to it.
struct H {
  uint64_t h = 1469598103934665603ull;
  void b(const void* p, size_t n) {
    auto c = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) h = (h ^ c[i]) * 1099511628211ull;
  }
  void s(std::string_view x) { u(x.size()); b(x.data(), x.size()); }
  void u(uint64_t v) { b(&v, sizeof v); }
};

// The text, every byte's original range, and the span of the whole text.
void mapped(H& h, const MappedText& m) {
  h.s(m.text);
  for (size_t i = 0; i < m.text.size(); ++i) {
    auto r = m.byte_range(i);
    h.u(r.first);
    h.u(r.second);
  }
  auto sp = m.original_span(0, m.text.size());
  h.u(sp.first);
  h.u(sp.second);
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::vector<std::string> kPieces = {
    "شهر", "ی", "می", "نمی", "شود", "ها", "های", "ای", "تر", "ه", "یپلماسید", "یشهر",
    "دیپلماسی", "المللیبین", "\u200c", "\u200c\u200c", "\u200d", "\u200e", "ـ", "ة", "ي",
    "ك", "أ", "آ", "ؤ", "ء", "\u064b", "\u0651", "ﻛ", "ﺘ", "ﻻ", "۲", "٣", "٫", "»", "«", ")",
    "(", " ", " ", "  ", "\n", "\n\n", "\r\n", "-", "-\n", "\u00ad", "“", "”", "’", "—", "–",
    "govern", "ments", "non", "City", "cities", "C40", "UN", "Habitat", "ﬁ", "ß", "e\u0301",
    "ＳＣＯ", "ｶﾀｶﾅ", "サ", "－", "ー", "東京", "都", "に", "住む", "。", "、", "２０", "㈱",
    "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", ".", ",", "12", "؟", "،",
    "\ufeff", "\t", "A", "z", "'", "\"", "خانه", "کتاب", "ترین", "هایی", "ام", "ات", "اش",
    "برای", "یبرا", "بین", "المللی", "هایی", "می\u200cشود", "واژههای", "منطقهای", "running",
    "Governments", "cities'", "re-", "\n  ", "ﻫ", "ﺔ", "\u0670", "\u0654", "ٱ", "ى", "ے", "ۀ"};

std::string reverse_cps(std::string_view w) {
  std::vector<std::string> cps;
  for (size_t i = 0; i < w.size();) {
    size_t l;
    decode_utf8(w, i, l);
    cps.emplace_back(w.substr(i, l));
    i += l;
  }
  std::string out;
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) out += *it;
  return out;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: normalize_dump CORPUS_DIR [SCALE]\n");
    return 2;
  }
  const fs::path corpus = argv[1];
  const long scale = argc > 2 ? std::atol(argv[2]) : 1;
  std::vector<std::string> inputs;
  std::vector<std::string> words;  // corpus words for word-soup texts
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.path().extension() != ".txt") continue;
    const std::string t = read(e.path());
    inputs.push_back(t);
    size_t start = 0;
    for (size_t p; (p = t.find("\n\n", start)) != std::string::npos; start = p + 2) inputs.push_back(t.substr(start, p - start));
    inputs.push_back(t.substr(start));
    start = 0;
    for (size_t p; (p = t.find('\n', start)) != std::string::npos; start = p + 1) inputs.push_back(t.substr(start, p - start));
    for (size_t i = 0; i < t.size();) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\n')) ++i;
      size_t j = i;
      while (j < t.size() && t[j] != ' ' && t[j] != '\n') ++j;
      if (j > i) words.push_back(t.substr(i, j - i));
      i = j;
    }
  }
  std::mt19937 rng(12345);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  for (long k = 0; k < 36000 * scale; ++k) {
    std::string s;
    for (size_t n = pick(31); n > 0; --n) s += kPieces[pick(kPieces.size())];
    inputs.push_back(s);
  }
  const char* seps[] = {" ", " ", " ", "\u200c", "", "\n", "  ", " ", "، ", ". "};
  for (long k = 0; k < 12000 * scale; ++k) {  // word soup, some reversed
    std::string s;
    for (size_t n = pick(25); n > 0; --n) {
      std::string w = words[pick(words.size())];
      if (pick(4) == 0) w = reverse_cps(w);
      s += w;
      s += seps[pick(10)];
    }
    inputs.push_back(s);
  }
  const char32_t ranges[][2] = {{0x20, 0x7f}, {0x80, 0x2ff}, {0x300, 0x36f}, {0x600, 0x6ff}, {0xfb50, 0xfeff},
                                {0x2000, 0x206f}, {0x3000, 0x30ff}, {0xff00, 0xffef}, {0x4e00, 0x4eff}, {0x1, 0x10ffff}};
  for (long k = 0; k < 20000 * scale; ++k) {
    std::string s;
    for (size_t n = pick(40); n > 0; --n) {
      auto& r = ranges[pick(10)];
      char32_t c = r[0] + static_cast<char32_t>(pick(r[1] - r[0] + 1));
      if (c >= 0xD800 && c < 0xE000) c = 0x41;
      append_utf8(s, c);
    }
    inputs.push_back(s);
  }
  for (long k = 0; k < 3000 * scale; ++k) {
    std::string s;
    for (size_t n = pick(60); n > 0; --n) s += static_cast<char>(pick(256));
    inputs.push_back(s);
  }
  std::fprintf(stderr, "%zu inputs\n", inputs.size());
  // NORMALIZE_DUMP_INPUTS=FILE: each input's fa clean, fold and index terms
  // too, one line each (k, clean, fold, keys; newlines and tabs as \n \t),
  // to read what a changed hash changed.
  if (const char* path = std::getenv("NORMALIZE_DUMP_INPUTS")) {
    std::ofstream out(path, std::ios::binary);
    auto esc = [](std::string_view t) {
      std::string e;
      for (char c : t) e += c == '\n' ? std::string("\\n") : c == '\t' ? std::string("\\t") : std::string(1, c);
      return e;
    };
    const Normalizer& fa = normalizer_for(Lang::fa);
    for (size_t k = 0; k < inputs.size(); ++k) {
      std::string keys;  // fa index_terms in document mode: key, "+" before a colocated one
      for (const Term& t : index_terms(inputs[k], Lang::fa, TermMode::document)) keys += (t.colocated ? "+" : " ") + t.key;
      out << k << '\t' << esc(fa.clean(inputs[k]).text) << '\t' << esc(fa.fold(inputs[k]).text) << '\t' << esc(keys) << '\n';
    }
  }
  const Lang langs[] = {Lang::fa, Lang::en, Lang::ja, Lang::none};
  for (size_t k = 0; k < inputs.size(); ++k) {
    const std::string& x = inputs[k];
    std::printf("%zu", k);
    for (Lang l : langs) {
      const Normalizer& n = normalizer_for(l);
      H h;
      mapped(h, n.clean(x));
      std::printf(" %016llx", (unsigned long long)h.h);
      H g;
      const MappedText f = n.fold(x);
      mapped(g, f);
      std::printf(" %016llx", (unsigned long long)g.h);
      H p;
      const MappedText fp = n.fold_for_prefix(x);
      mapped(p, fp);
      mapped(p, n.finish_fold(MappedText(fp)));
      std::printf(" %016llx", (unsigned long long)p.h);
      H t;
      for (TermMode m : {TermMode::document, TermMode::query}) {
        for (const Term& term : index_terms(x, l, m)) {
          t.s(term.key); t.u(term.begin); t.u(term.end); t.u(term.colocated); t.u(term.prefix);
        }
      }
      for (const Term& term : index_terms(x, l, TermMode::document, f)) {
        t.s(term.key); t.u(term.begin); t.u(term.end); t.u(term.colocated);
      }
      std::printf(" %016llx", (unsigned long long)t.h);
    }
    H z;
    for (std::optional<Lang> l : {std::optional<Lang>(), std::optional<Lang>(Lang::fa), std::optional<Lang>(Lang::en), std::optional<Lang>(Lang::ja)}) {
      for (bool fold : {false, true}) {
        mapped(z, normalize_text(x, l, fold));
        for (const TextToken& tok : text_tokens(x, l, fold)) {
          z.s(tok.text); z.u(tok.begin); z.u(tok.end); z.u(static_cast<int>(tok.lang)); z.u(tok.bigram);
        }
      }
    }
    std::printf(" %016llx\n", (unsigned long long)z.h);
  }
}

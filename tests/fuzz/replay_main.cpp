// A short fuzz run without libFuzzer, for the GCC build that scripts/test runs
// (GCC has no libFuzzer): linked with one target's LLVMFuzzerTestOneInput, it
// feeds the target every file named (folders: every file in them, sorted),
// then `--mutations N` inputs made from them by seeded, deterministic
// mutations: bit flips, byte changes, inserts, deletes, copies inside the
// input, splices of two inputs, and dictionary tokens (`--dict`, libFuzzer's
// format: one "token" per line). No coverage feedback: it finds what is near
// the seeds, libFuzzer (scripts/fuzz) goes further.
//
//   fuzz_exports --mutations 3000 --max-len 8192 --dict exports.dict corpus/exports regressions/exports
//   fuzz_exports replay-crash-exports          # run one input again
//
// When the target crashes, fails a check or trips a sanitizer, the input is
// written to ./replay-crash-<target> (and its file or mutation number printed)
// before the process dies, so it can be run again and kept as a regression.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// The sanitizers call this before they end the process (weak: absent without them).
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

namespace {

// What is running now, for the crash handlers (async-signal-safe reads only).
const std::string* g_current = nullptr;
char g_crash_path[512] = "replay-crash";
char g_label[1024] = "";  // the file or mutation number being run

void save_current() {
  static volatile sig_atomic_t saved = 0;
  if (saved || g_current == nullptr) return;
  saved = 1;
  const int fd = open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    const char* p = g_current->data();
    size_t left = g_current->size();
    while (left > 0) {
      const ssize_t n = write(fd, p, left);
      if (n <= 0) break;
      p += n;
      left -= static_cast<size_t>(n);
    }
    close(fd);
  }
  const char msg[] = "replay: the failing input (";
  (void)!write(2, msg, sizeof msg - 1);
  (void)!write(2, g_label, strlen(g_label));
  const char msg2[] = ") is in ";
  (void)!write(2, msg2, sizeof msg2 - 1);
  (void)!write(2, g_crash_path, strlen(g_crash_path));
  (void)!write(2, "\n", 1);
}

void on_signal(int sig) {
  save_current();
  signal(sig, SIG_DFL);
  raise(sig);
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// libFuzzer's dictionary format: `name="token"` or `"token"`, with \\, \" and \xNN.
std::vector<std::string> read_dict(const std::string& path) {
  std::vector<std::string> tokens;
  std::istringstream lines(read_file(path));
  for (std::string line; std::getline(lines, line);) {
    const size_t open = line.find('"');
    const size_t close = line.rfind('"');
    if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open) continue;
    std::string tok;
    for (size_t i = open + 1; i < close; ++i) {
      if (line[i] == '\\' && i + 1 < close) {
        if (line[i + 1] == 'x' && i + 3 < close) {
          tok += static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16));
          i += 3;
        } else {
          tok += line[++i];
        }
      } else {
        tok += line[i];
      }
    }
    if (!tok.empty()) tokens.push_back(tok);
  }
  return tokens;
}

struct Rng {  // splitmix64: the same inputs on every machine
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n == 0 ? 0 : next() % n; }
};

void mutate(std::string& s, const std::vector<std::string>& corpus,
            const std::vector<std::string>& dict, Rng& rng) {
  static const char kInteresting[] = {'\0', '\n', '\r', '\t', ' ', '"', '\'', ',', ';', '{', '}',
                                      '\\', '@', '-', '~', '*', '(', ')', '[', ']', '\x7F',
                                      '\x80', '\xBF', '\xC0', '\xE2', '\xEF', '\xF0', '\xFF'};
  switch (rng.below(dict.empty() ? 7 : 9)) {
    case 0:  // flip a bit
      if (!s.empty()) s[rng.below(s.size())] ^= static_cast<char>(1u << rng.below(8));
      break;
    case 1:  // set a byte to a telling value
      if (!s.empty()) s[rng.below(s.size())] = kInteresting[rng.below(sizeof kInteresting)];
      break;
    case 2: {  // insert 1-4 bytes
      const size_t at = rng.below(s.size() + 1);
      for (size_t n = 1 + rng.below(4); n > 0; --n) {
        s.insert(s.begin() + static_cast<long>(at), rng.below(2)
                     ? kInteresting[rng.below(sizeof kInteresting)]
                     : static_cast<char>(rng.below(256)));
      }
      break;
    }
    case 3:  // delete 1-32 bytes
      if (!s.empty()) {
        const size_t at = rng.below(s.size());
        s.erase(at, 1 + rng.below(std::min<size_t>(32, s.size() - at)));
      }
      break;
    case 4:  // copy a piece of the input elsewhere in it
      if (!s.empty()) {
        const size_t from = rng.below(s.size());
        const std::string piece = s.substr(from, 1 + rng.below(64));
        s.insert(rng.below(s.size() + 1), piece);
      }
      break;
    case 5: {  // splice: this input's head, another's tail
      const std::string& other = corpus[rng.below(corpus.size())];
      s = s.substr(0, rng.below(s.size() + 1)) + other.substr(rng.below(other.size() + 1));
      break;
    }
    case 6:  // cut the input short
      s.resize(rng.below(s.size() + 1));
      break;
    case 7:  // insert a dictionary token
      s.insert(rng.below(s.size() + 1), dict[rng.below(dict.size())]);
      break;
    default: {  // overwrite with a dictionary token
      const std::string& tok = dict[rng.below(dict.size())];
      const size_t at = rng.below(s.size() + 1);
      s.replace(at, std::min(tok.size(), s.size() - at), tok);
      break;
    }
  }
}

void run(const std::string& input) {
  g_current = &input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  g_current = nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  size_t mutations = 0, max_len = 4096;
  uint64_t seed = 1;
  std::string dict_path;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--mutations" && i + 1 < argc) {
      mutations = std::stoul(argv[++i]);
    } else if (a == "--max-len" && i + 1 < argc) {
      max_len = std::stoul(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::stoull(argv[++i]);
    } else if (a == "--dict" && i + 1 < argc) {
      dict_path = argv[++i];
    } else if (std::filesystem::is_directory(a)) {
      std::vector<std::filesystem::path> in_dir;
      for (const auto& e : std::filesystem::recursive_directory_iterator(a)) {
        if (e.is_regular_file() && e.path().filename().string()[0] != '.') {
          in_dir.push_back(e.path());
        }
      }
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (std::filesystem::is_regular_file(a)) {
      files.emplace_back(a);
    } else {
      std::fprintf(stderr, "replay: %s: no such file or folder\n", a.c_str());
      return 2;
    }
  }
  const std::string name = std::filesystem::path(argv[0]).filename().string();
  std::snprintf(g_crash_path, sizeof g_crash_path, "replay-crash-%s",
                name.rfind("fuzz_", 0) == 0 ? name.c_str() + 5 : name.c_str());
  // Under the sanitizers their report comes first and their death callback
  // saves the input (a handler of ours for SIGSEGV would replace ASan's);
  // abort() (a failed check, an uncaught exception) is ours in any build.
  std::signal(SIGABRT, on_signal);
  if (__sanitizer_set_death_callback != nullptr) {
    __sanitizer_set_death_callback(save_current);
  } else {
    for (const int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, on_signal);
  }

  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> corpus;
  for (const auto& f : files) {
    corpus.push_back(read_file(f));
    std::snprintf(g_label, sizeof g_label, "%s", f.c_str());
    run(corpus.back());
  }
  if (corpus.empty()) corpus.emplace_back();
  const std::vector<std::string> dict = dict_path.empty() ? std::vector<std::string>{}
                                                          : read_dict(dict_path);
  Rng rng{seed};
  for (size_t m = 0; m < mutations; ++m) {
    std::string s = corpus[rng.below(corpus.size())];
    for (size_t k = 1 + rng.below(4); k > 0; --k) mutate(s, corpus, dict, rng);
    if (s.size() > max_len) s.resize(max_len);
    std::snprintf(g_label, sizeof g_label, "mutation %zu (seed %llu)", m,
                  static_cast<unsigned long long>(seed));
    run(s);
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("replay %s: %zu files, %zu mutations (seed %llu), %.1f s, no finding\n",
              name.c_str(), files.size(), mutations, static_cast<unsigned long long>(seed), secs);
  return 0;
}

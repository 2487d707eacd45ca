// Fuzz target: the lexicon readers (lexicon/lexicon.h check_lexicon): forms.tsv
// with literal, regex and near forms, and concepts.tsv. Input: forms.tsv, read
// beside the shipped concepts.tsv; or, when it holds a form feed (\f), the
// part before it is concepts.tsv and the part after it forms.tsv. Both are
// written to a scratch folder on tmpfs, as check_lexicon reads a folder.
// Checks: check_lexicon never throws; every issue names one of the two files
// and a line that is in it; a lexicon that passes has only forms the Matcher
// can compile (RE2 accepts every pattern and near side, as matcher.cpp
// compiles them, and none matches the empty string), each naming a concept, in fa, en or ja, with 1..30 words for
// a near form, and no more forms than lines.
#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "lexicon/lexicon.h"

namespace {

using namespace dipmine::lexicon;

const std::string& shipped_concepts() {
  static const std::string text = [] {
    std::ifstream in(DIPMINE_SOURCE_DIR "/lexicons/concepts.tsv", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    FUZZ_CHECK(!ss.str().empty(), "cannot read the shipped lexicons/concepts.tsv");
    return ss.str();
  }();
  return text;
}

size_t lines_in(std::string_view s) { return std::count(s.begin(), s.end(), '\n') + 1; }

// As matcher.cpp compiles a form's pattern; a pattern that matches the empty
// string would find a mention at every position.
bool compiles(const std::string& pattern) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_longest_match(true);
  const RE2 re(pattern, o);
  return re.ok() && !re.Match("", 0, 0, RE2::UNANCHORED, nullptr, 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view concepts = shipped_concepts(), forms = input;
  if (const size_t ff = input.find('\f'); ff != std::string_view::npos) {
    concepts = input.substr(0, ff);
    forms = input.substr(ff + 1);
  }
  const std::string& dir = fuzz::scratch_dir();
  const std::string concepts_path = dir + "/concepts.tsv", forms_path = dir + "/forms.tsv";
  fuzz::write_file(concepts_path, concepts);
  fuzz::write_file(forms_path, forms);

  const LexiconCheck c = check_lexicon(dir);
  for (const Issue& i : c.issues) {
    FUZZ_CHECK(i.file == concepts_path || i.file == forms_path, "an issue names another file");
    FUZZ_CHECK(i.line >= 0, "an issue with a negative line");
    const size_t lines = lines_in(i.file == concepts_path ? concepts : forms);
    FUZZ_CHECK(static_cast<size_t>(i.line) <= lines, "an issue names a line past the file's end");
  }
  if (!c.ok()) return 0;
  const Lexicon& lex = c.lexicon;
  FUZZ_CHECK(lex.concepts.size() <= lines_in(concepts), "more concepts than lines");
  FUZZ_CHECK(lex.forms.size() <= lines_in(forms), "more forms than lines");
  for (const Form& f : lex.forms) {
    FUZZ_CHECK(f.concept_index < lex.concepts.size(), "a form names no concept");
    FUZZ_CHECK(f.lang == dipmine::text::Lang::fa || f.lang == dipmine::text::Lang::en ||
                   f.lang == dipmine::text::Lang::ja,
               "a form in no language");
    FUZZ_CHECK(!f.pattern.empty(), "a form with an empty pattern");
    if (!compiles(f.pattern)) {
      std::fprintf(stderr, "forms.tsv:%d: pattern %s\n", f.line, f.pattern.c_str());
      FUZZ_CHECK(false, "a form that passed the check has a pattern RE2 rejects or that matches \"\"");
    }
    if (f.near) {
      FUZZ_CHECK(f.near->words >= 1 && f.near->words <= kMaxNearWords, "near words out of 1..30");
      FUZZ_CHECK(f.near->any_network || compiles(f.near->b_pattern),
                 "a near form that passed the check has a B side RE2 rejects or that matches \"\"");
    }
  }
  return 0;
}

// The whole matcher, near forms included, against the plain reference
// (reference_matcher.h) on real text: the seed paragraphs and the real-text
// gold documents (tests/data/gold/real, also their fetched/ copies when
// present), form by form, with the shipped lexicon. A speed-up that loses or
// adds a match of any form fails here, naming the form.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "lexicon/matcher.h"
#include "reference_matcher.h"
#include "text/normalizer.h"

using namespace dipmine;
using lexicon::Hit;

TEST_CASE("shipped lexicon with near forms on the seeds and the real gold documents: "
          "every form's hits as the plain reference",
          "[matcher][reference][near]") {
  const lexicon::Lexicon lex = lexicon::load_lexicon(DIPMINE_SOURCE_DIR "/lexicons");
  const lexicon::Matcher m{lexicon::Lexicon(lex)};
  const reference::Reference ref(lex);
  std::vector<std::pair<std::string, text::Lang>> paras;
  const std::string gold = DIPMINE_SOURCE_DIR "/tests/data/gold/real/";
  for (const std::string& dir : {std::string(DIPMINE_SOURCE_DIR "/corpus"), gold + "fa", gold + "en",
                                gold + "ja", gold + "fa/fetched", gold + "en/fetched",
                                gold + "ja/fetched"}) {
    const auto more = reference::paragraphs_of(dir);
    paras.insert(paras.end(), more.begin(), more.end());
  }
  REQUIRE(paras.size() > 1000);  // 1,499 with the fetched copies
  size_t hits = 0, near = 0;
  std::map<uint32_t, size_t> wrong;  // form -> paragraphs where it differs
  for (const auto& [p, lang] : paras) {
    const std::string s = text::normalizer_for(lang).fold_for_prefix(p).text;
    const std::vector<Hit> want = ref.scan(s, lang);
    const std::vector<Hit> got = m.scan(s, lang);
    hits += want.size();
    for (const Hit& h : want) near += lex.forms[h.form].near ? 1 : 0;
    if (reference::show(got, s) == reference::show(want, s)) continue;
    // Form by form: which forms differ, and how.
    std::map<uint32_t, std::pair<std::vector<Hit>, std::vector<Hit>>> by_form;
    for (const Hit& h : got) by_form[h.form].first.push_back(h);
    for (const Hit& h : want) by_form[h.form].second.push_back(h);
    for (const auto& [form, both] : by_form) {
      const std::string g = reference::show(both.first, s), w = reference::show(both.second, s);
      if (g == w) continue;
      if (wrong[form]++ < 2) {
        INFO("forms.tsv:" << lex.forms[form].line << " " << lex.forms[form].form);
        CHECK(g == w);  // prints both
      }
    }
  }
  INFO(paras.size() << " paragraphs, " << hits << " hits, " << near << " near");
  CHECK(wrong.empty());
  CHECK(hits > 1500);  // 2,229 without the fetched copies' extra
  CHECK(near > 50);    // the near forms are exercised
}

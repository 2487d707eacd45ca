// dipmine normalize: the real binary on stdin.
#include <catch2/catch.hpp>

#include "harness.h"

using e2e::Sandbox;

TEST_CASE("normalize writes the clean text, auto language per paragraph", "[normalize]") {
  Sandbox sb;
  const auto r = sb.run({"normalize"}, "میشود شهري\n\ngovern-\nments\n\nＳＣＯ首脳会議", false);
  CHECK(r.code == 0);
  CHECK(r.out == "می\u200cشود شهری\n\ngovernments\n\nSCO首脳会議");
  CHECK(r.err.empty());
}

TEST_CASE("normalize --fold gives one key for every spelling", "[normalize]") {
  Sandbox sb;
  for (const char* in : {"می‌شود", "میشود", "می شود"}) {
    const auto r = sb.run({"normalize", "--lang", "fa", "--fold"}, in, false);
    CHECK(r.code == 0);
    CHECK(r.out == "میشود");
  }
  CHECK(sb.run({"normalize", "--lang", "en", "--fold"}, "Cities", false).out == "citi");
}

TEST_CASE("normalize repairs 003's visual order", "[normalize]") {
  Sandbox sb;
  const auto r = sb.run({"normalize", "--lang", "fa"}, "نقش یشهر یپلماسید در", false);
  CHECK(r.out == "نقش دیپلماسی شهری در");
}

TEST_CASE("normalize --tokens prints byte offsets into the input", "[normalize]") {
  Sandbox sb;
  const auto r = sb.run({"normalize", "--lang", "ja", "--fold", "--tokens"}, "東京都にＳＣＯ", false);
  CHECK(r.code == 0);
  CHECK(r.out == "0\t6\t東京\n3\t9\t京都\tbigram\n6\t9\t都\n9\t12\tに\n12\t21\tsco\n");
}

TEST_CASE("normalize survives invalid UTF-8 and empty input", "[normalize]") {
  Sandbox sb;
  const auto r = sb.run({"normalize", "--fold"}, std::string("a\xff\xfe شهر\xc3"), false);
  CHECK(r.code == 0);
  CHECK(r.out == "a\xef\xbf\xbd\xef\xbf\xbd شهر\xef\xbf\xbd");
  const auto empty = sb.run({"normalize", "--tokens"}, "", false);
  CHECK(empty.code == 0);
  CHECK(empty.out.empty());
}

TEST_CASE("normalize rejects an unknown --lang with exit 2", "[normalize]") {
  Sandbox sb;
  const auto r = sb.run({"normalize", "--lang", "de"}, "x", false);
  CHECK(r.code == 2);
  CHECK(r.err.find("--lang") != std::string::npos);
  CHECK(r.out.empty());
}

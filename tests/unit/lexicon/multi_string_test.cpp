// The atom search behind the matcher: every needle found once, overlaps,
// suffixes of other needles, non-ASCII bytes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "lexicon/multi_string.h"

using dipmine::lexicon::MultiStringSearch;

namespace {
std::vector<int> found(const MultiStringSearch& s, const std::string& text) {
  std::vector<int> ids{42};  // find() clears what was there
  s.find(text, ids);
  return ids;
}

using Hits = std::vector<std::pair<int, uint32_t>>;

// find_all's hits, checked to be grouped by needle (each needle's in one run,
// by end), then sorted to compare with a list.
Hits grouped(const Hits& hits) {
  std::vector<int> runs;
  for (size_t k = 0; k < hits.size(); ++k) {
    if (k == 0 || hits[k].first != hits[k - 1].first) {
      runs.push_back(hits[k].first);
    } else {
      CHECK(hits[k].second > hits[k - 1].second);
    }
  }
  std::sort(runs.begin(), runs.end());
  CHECK(std::adjacent_find(runs.begin(), runs.end()) == runs.end());  // one run per needle
  Hits sorted = hits;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

// What find_all should give (sorted), by brute force.
std::vector<std::pair<int, uint32_t>> every_occurrence(const std::vector<std::string>& needles,
                                                       const std::string& text) {
  std::vector<std::pair<int, uint32_t>> out;
  for (size_t k = 0; k < needles.size(); ++k) {
    for (size_t at = text.find(needles[k]); at != std::string::npos;
         at = text.find(needles[k], at + 1)) {
      out.emplace_back(static_cast<int>(k), static_cast<uint32_t>(at + needles[k].size()));
    }
  }
  return out;
}
}  // namespace

TEST_CASE("multi-string search: overlapping needles and needles inside needles", "[multi_string]") {
  const MultiStringSearch s({"he", "she", "his", "hers"});
  CHECK(found(s, "ushers") == std::vector<int>{0, 1, 3});
  CHECK(found(s, "this is his") == std::vector<int>{2});
  CHECK(found(s, "hehehe") == std::vector<int>{0});  // each needle once
  CHECK(found(s, "").empty());
  CHECK(found(s, "xyz").empty());
}

TEST_CASE("multi-string search: raw bytes, Persian and Japanese, empty needles ignored",
          "[multi_string]") {
  const MultiStringSearch s({"", "شهر", "شهرها", "交流", "ها"});
  CHECK(found(s, "در شهرهای بزرگ") == std::vector<int>{1, 2, 4});
  CHECK(found(s, "文化交流") == std::vector<int>{3});
  CHECK(found(s, "\xff\xfe\xd8") == std::vector<int>{});
  CHECK(MultiStringSearch({}).states() == 1);
}

TEST_CASE("multi-string search: every occurrence, also where the walks of a long text meet",
          "[multi_string]") {
  const MultiStringSearch s({"abc", "bcd", "cd", "شهر"});
  std::vector<std::pair<int, uint32_t>> hits;
  s.find_all("abcd شهر", hits);
  CHECK(grouped(hits) == Hits{{0, 3}, {1, 4}, {2, 4}, {3, 11}});
  // Long texts are walked in parts: put occurrences at every offset
  // around the middle and at both ends.
  for (size_t n = 28; n < 140; ++n) {
    for (size_t at = 0; at + 4 <= n; at += 3) {
      std::string t(n, 'x');
      t.replace(at, 4, "abcd");
      s.find_all(t, hits);
      INFO(n << " " << at);
      CHECK(grouped(hits) == Hits{
                        {0, static_cast<uint32_t>(at + 3)},
                        {1, static_cast<uint32_t>(at + 4)},
                        {2, static_cast<uint32_t>(at + 4)}});
    }
  }
}

TEST_CASE("multi-string search: a needle longer than a walk's part, at every offset",
          "[multi_string]") {
  // Texts of 32 bytes and more are walked in 2 or 4 parts: a walk goes on
  // past its part's end while a needle it is inside began before it; the
  // next walk reports only what begins in its part or later.
  const std::string longer = "0123456789abcdefghijklmnopqrstuvwxyzABCD";  // 40 bytes
  const std::vector<std::string> needles{longer, "0123", "9abc", "xyzA", longer.substr(0, 39) + "!"};
  const MultiStringSearch s(needles);
  std::vector<std::pair<int, uint32_t>> hits;
  for (size_t n = 40; n < 140; ++n) {
    for (size_t at = 0; at + longer.size() <= n; ++at) {
      std::string t(n, '0');  // '0' starts a needle everywhere: walk 1 keeps going
      t.replace(at, longer.size(), longer);
      s.find_all(t, hits);
      INFO(n << " " << at);
      CHECK(hits.size() == 4);
      CHECK(grouped(hits) == every_occurrence(needles, t));
    }
  }
}

TEST_CASE("multi-string search: occurrences come grouped by needle, with their ranges",
          "[multi_string]") {
  // 150 needles; the text names them out of order, some twice, several walks
  // find some, and a second call must not see the first one's counts.
  std::vector<std::string> needles;
  for (int k = 0; k < 150; ++k) needles.push_back("<" + std::to_string(k) + ">");
  const MultiStringSearch s(needles);
  std::vector<std::pair<int, uint32_t>> hits;
  for (const std::string text : {"<149> <3> <70> <3> <64> <0> <149> <63> <128> <70> <1>",
                                 "<70>", "", "<5><5><5> and then a longer stretch of text <5>"}) {
    std::vector<MultiStringSearch::Found> found{{7, 7, 7}};  // cleared first
    s.find_all(text, hits, &found);
    INFO(text);
    CHECK(grouped(hits) == every_occurrence(needles, text));
    // Each needle found once, with the range of its hits.
    std::vector<MultiStringSearch::Found> ranges;
    for (uint32_t k = 0; k < hits.size(); ++k) {
      if (k == 0 || hits[k].first != hits[k - 1].first) ranges.push_back({hits[k].first, k, k});
      ++ranges.back().end;
    }
    REQUIRE(found.size() == ranges.size());
    for (size_t k = 0; k < found.size(); ++k) {
      CHECK(found[k].needle == ranges[k].needle);
      CHECK(found[k].begin == ranges[k].begin);
      CHECK(found[k].end == ranges[k].end);
    }
  }
}

TEST_CASE("multi-string search: a needle at every byte, in texts walked in 1, 2 and 4 parts",
          "[multi_string]") {
  // Every step ends needles here (and a state ends several): the occurrence
  // buffer grows well past its first size, and each end is counted from the
  // start of its walk's part.
  const std::vector<std::string> needles{"a", "aa", "aab", "ba", "aaa"};
  const MultiStringSearch s(needles);
  std::vector<std::pair<int, uint32_t>> hits;
  for (const size_t n : {1, 7, 31, 32, 33, 63, 64, 65, 66, 67, 127, 128, 129, 600}) {
    std::string t;
    for (size_t k = 0; k < n; ++k) t += k % 7 == 6 ? 'b' : 'a';
    s.find_all(t, hits);
    INFO(n);
    CHECK(grouped(hits) == every_occurrence(needles, t));
  }
}

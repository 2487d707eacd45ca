// The scanning helpers the fast paths rest on, each against the plain loop
// it replaces: UTF-8 validation and block skips (utf8.h), the word memo
// (word_cache.h), and the stem memo behind en::stem_words.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "text/arabic_chars.h"
#include "text/steps.h"
#include "text/two_byte_table.h"
#include "text/utf8.h"
#include "test_util.h"
#include "text/word_cache.h"

using namespace dipmine::text;

namespace {

// Random strings long enough for the sixteen-byte paths: ASCII, two-byte
// characters (Arabic, Latin), ZWNJ, longer characters, and invalid bytes.
std::vector<std::string> random_strings(size_t n, unsigned seed) {
  static const std::vector<std::string> pieces = {
      "a", "Z", " ", "(", ")", "\n", "ش", "ه", "ی", "ـ", "\u061c", "\u00ad", "\u034f", "é", "«",
      "»", "\u200c", "\u200b", "東", "😀", "\xc2", "\x80", "\xe2\x80", "\xc0\xaf", "\xed\xa0\x80",
      "\xf4\x90\x80\x80", "\xff", "abcdefgh", "شهرهای"};
  return text_test::random_texts(pieces, n, seed, 0, 40);
}

// The definition: every character decodes, and no one-byte U+FFFD (an error).
bool valid_by_decoding(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (decode_utf8(s, i, len) == 0xFFFD && len == 1) return false;
    i += len;
  }
  return true;
}

}  // namespace

TEST_CASE("is_valid_utf8 agrees with decoding on random strings", "[utf8]") {
  size_t valid = 0;
  for (const std::string& s : random_strings(20000, 1)) {
    INFO(s);
    CHECK(is_valid_utf8(s) == valid_by_decoding(s));
    valid += valid_by_decoding(s);
  }
  CHECK(valid > 1000);  // both answers occur
  CHECK_FALSE(is_valid_utf8(std::string(40, 'a') + "\xd8"));  // a lead cut off at the end
  CHECK(is_valid_utf8(std::string(15, 'a') + "\xd8\xb4" + std::string(20, 'b')));  // across blocks
  CHECK_FALSE(is_valid_utf8(std::string(15, 'a') + "\xd8"));
  CHECK_FALSE(is_valid_utf8(std::string(15, 'a') + "\xd8" + std::string(20, 'b')));
}

TEST_CASE("skip_blocks_without skips only valid UTF-8", "[utf8]") {
  const std::u32string wanted = {0x0640, 0x061C, 0x00AD};
  size_t invalid = 0, skipped_some = 0;
  for (const std::string& s : random_strings(20000, 3)) {
    INFO(s);
    const size_t k = skip_blocks_without(s, 0, wanted);
    REQUIRE(is_valid_utf8(s.substr(0, k)));
    invalid += !is_valid_utf8(s);
    skipped_some += !is_valid_utf8(s) && k > 0;
  }
  CHECK(invalid > 1000);
  CHECK(skipped_some > 100);  // blocks before an invalid byte are still skipped
  // A stray continuation byte, an overlong lead and a lead without its
  // continuation, each inside the first block.
  for (const std::string bad : {"\x80", "\xc0\xaf", "\xc1\x81", "\xd8 "}) {
    const std::string s = "abcd" + bad + std::string(40, 'x');
    CHECK(skip_blocks_without(s, 0, wanted) == 0);
  }
}

TEST_CASE("skip_blocks_without stops before a wanted or longer character", "[utf8]") {
  const std::u32string wanted = {0x0640, 0x061C, 0x00AD};
  for (const std::string& s : random_strings(20000, 2)) {
    if (!is_valid_utf8(s)) continue;
    INFO(s);
    for (size_t i = 0; i < s.size();) {
      const size_t k = skip_blocks_without(s, i, wanted);
      REQUIRE(k >= i);
      REQUIRE(k <= s.size());
      // Every character skipped is ASCII or two bytes and not wanted, and k
      // is a character boundary.
      size_t p = i;
      while (p < k) {
        size_t len;
        const char32_t c = decode_utf8(s, p, len);
        REQUIRE(len <= 2);
        REQUIRE(wanted.find(c) == std::u32string::npos);
        p += len;
      }
      REQUIRE(p == k);
      size_t len;
      decode_utf8(s, k == i ? i : k, len);
      i = k == i ? i + len : k;
    }
  }
}

TEST_CASE("find_first_byte_of, ascii_run_end and ascii_lower_in_place equal plain loops",
          "[utf8]") {
  for (const std::string& s : random_strings(5000, 3)) {
    for (size_t i = 0; i <= s.size(); i += 3) {
      size_t want = i;
      while (want < s.size() && s[want] != '(' && s[want] != ')' && s[want] != '\xc2') ++want;
      CHECK(find_first_byte_of(s, i, s.size(), "()\xc2") == want);
      size_t ascii = i;
      while (ascii < s.size() && static_cast<unsigned char>(s[ascii]) < 0x80) ++ascii;
      CHECK(ascii_run_end(s, i) == ascii);
      std::string lowered = s.substr(i, ascii - i), expected = lowered;
      for (char& c : expected) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      ascii_lower_in_place(lowered.data(), lowered.size());
      CHECK(lowered == expected);
    }
  }
}

TEST_CASE("ascii_letter_bits marks exactly the ASCII letters, and the glue bytes", "[utf8]") {
  std::vector<uint64_t> bits, glue;
  size_t digits = 0;
  for (std::string s : random_strings(5000, 5)) {
    if (s.size() % 3 == 0) s += "0123456789";
    ascii_letter_bits(s, bits, &glue);
    REQUIRE(bits.size() == (s.size() + 63) / 64);
    REQUIRE(glue.size() == bits.size());
    for (size_t i = 0; i < 64 * bits.size(); ++i) {
      const bool letter = i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'));
      const bool glues = i < s.size() && ((s[i] >= '0' && s[i] <= '9') || static_cast<unsigned char>(s[i]) >= 0x80);
      CHECK(((bits[i / 64] >> (i % 64)) & 1) == (letter ? 1u : 0u));
      CHECK(((glue[i / 64] >> (i % 64)) & 1) == (glues ? 1u : 0u));
      digits += i < s.size() && s[i] >= '0' && s[i] <= '9';
    }
  }
  CHECK(digits > 10000);
}

TEST_CASE("skip_common_blocks skips only characters the chunk pass leaves alone", "[utf8]") {
  // Persian letters (common and not), marks, digits, tatweel, quotes, ZWNJ,
  // spaces and ASCII of both cases, in runs long enough for whole blocks.
  static const std::vector<std::string> pieces = {
      "کتاب", "های", "\u0647", "\u06cc", "\u064a", "\u0629", "\u064e", "\u0670", "\u06f1", "\u0640",
      "\u060c", "«", "»", "\u200c", " ", "  ", "A", "b", "Z.", "é", "\u0301", "شهرهای بزرگ"};
  const auto table = detail::make_two_byte_table(true, [](char32_t c) { return fa::fold_arabic_fast(c); });
  for (const std::string& s : text_test::random_texts(pieces, 3000, 7, 0, 60)) {
    for (size_t i = 0; i < s.size();) {
      std::string t = s;
      const size_t k = detail::skip_common_blocks(t, i, table);
      INFO(s << " from " << i);
      REQUIRE(k >= i);
      REQUIRE(k <= s.size());
      size_t p = i;
      while (p < k) {  // ASCII, or a character with both bits
        size_t l;
        const char32_t c = decode_utf8(s, p, l);
        if (c >= 0x80) REQUIRE(table.bits[c] == (detail::kUnchanged | detail::kStartsChunk));
        p += l;
      }
      REQUIRE(p == k);
      if (k < s.size() && k > i) {  // the character after them starts a chunk
        size_t l;
        const char32_t c = decode_utf8(s, k, l);
        REQUIRE((c < 0x80 || (c < 0x800 && (table.bits[c] & detail::kStartsChunk))));
      }
      std::string lowered = s;  // only the skipped ASCII letters lower-cased
      for (size_t q = i; q < k; ++q) lowered[q] = (s[q] >= 'A' && s[q] <= 'Z') ? static_cast<char>(s[q] + 32) : s[q];
      REQUIRE(t == lowered);
      size_t l;
      decode_utf8(s, i, l);
      i += l;
    }
  }
}

TEST_CASE("WordCache answers what compute answers, and evicts the least recently used", "[memo]") {
  WordCache<size_t, 2, 1, 2> cache;  // one set of two slots: every word shares it
  size_t calls = 0;
  auto length_times_ten = [&](std::string_view w) {
    ++calls;
    return w.size() * 10;
  };
  CHECK(cache.get("abc", length_times_ten) == 30);
  CHECK(cache.get("abc", length_times_ten) == 30);
  CHECK(calls == 1);
  CHECK(cache.get(std::string_view("abc\0", 4), length_times_ten) == 40);  // not "abc"
  CHECK(calls == 2);
  CHECK(cache.get("abc", length_times_ten) == 30);  // still held: now the newer
  CHECK(cache.get("sixteen-bytes-xx", length_times_ten) == 160);  // evicts "abc\0"
  CHECK(calls == 3);
  CHECK(cache.get("abc", length_times_ten) == 30);
  CHECK(calls == 3);
  CHECK(cache.get(std::string_view("abc\0", 4), length_times_ten) == 40);
  CHECK(calls == 4);
  CHECK(WordCache<size_t, 2, 1, 2>::fits("sixteen-bytes-xx"));
  CHECK_FALSE(WordCache<size_t, 2, 1, 2>::fits("seventeen-bytes-x"));
}

TEST_CASE("stem_words through the stem memo equals stem_word on each word", "[memo]") {
  // More word forms than the memo holds (8,192), each used twice: some are
  // found in the memo, others were evicted and are stemmed again.
  std::vector<std::string> words = {"governments", "cities", "diplomacy", "running"};
  std::mt19937 rng(4);
  std::uniform_int_distribution<int> letter('a', 'z');
  for (int i = 0; i < 12000; ++i) {
    std::string w;
    for (int k = 0; k < 6; ++k) w += static_cast<char>(letter(rng));
    words.push_back(w + (i % 2 ? "ings" : "ies"));
  }
  // Words of up to eight letters go through the small table in front of the
  // memo first: thousands of them, so that they share its slots.
  static const char* endings[] = {"s", "ed", "y", "ies", "ly", "ing", ""};
  for (int i = 0; i < 6000; ++i) {
    std::string w;
    for (int k = 0; k < 3 + i % 3; ++k) w += static_cast<char>(letter(rng));
    words.push_back(w + endings[i % 7]);
  }
  std::string text, expected;
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& w : words) {
      text += w + " ";
      expected += en::stem_word(w) + " ";
    }
  }
  text += "flies";  // a short word last: fewer than eight bytes after it
  expected += en::stem_word("flies");
  const MappedText stemmed = en::stem_words(sanitize_utf8(text));
  CHECK(stemmed.text == expected);
  CHECK(stemmed.text.rfind("citi ", 40) != std::string::npos);
  // A hand-made text without a map is stemmed too (no map to follow).
  MappedText bare;
  bare.text = "the cities govern";
  CHECK(en::stem_words(std::move(bare)).text == "the citi govern");
}

namespace {

// The words for_each_word finds, and the words of the character-at-a-time scan.
std::vector<std::pair<size_t, size_t>> words_of(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> out;
  fa::for_each_word(s, [&](size_t b, size_t e) { out.emplace_back(b, e); });
  return out;
}
std::vector<std::pair<size_t, size_t>> words_bytewise(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> out;
  fa::for_each_word_bytewise(s, [&](size_t b, size_t e) { out.emplace_back(b, e); });
  return out;
}

}  // namespace

TEST_CASE("arabic_word_bits classes every U+06xx character as kInWordArabic does", "[utf8]") {
  // Each U+06xx character at every position of a sixteen-byte block (and
  // past the blocks, where the bytes are looked at one by one), between
  // letters and between spaces.
  for (char32_t c = 0x0600; c < 0x0700; ++c) {
    std::string ch;
    append_utf8(ch, c);
    for (size_t at = 0; at < 40; ++at) {
      for (const std::string& fill : {std::string("a"), std::string("\u0634")}) {
        std::string s;
        while (s.size() + fill.size() <= at) s += fill;
        if (s.size() < at) s += "a";
        const size_t pos = s.size();
        s += ch + fill + fill + "abc";
        INFO("U+" << std::hex << static_cast<uint32_t>(c) << std::dec << " at byte " << pos);
        std::vector<uint64_t> starts, inside;
        fa::arabic_word_bits(s, starts, inside);
        const bool bit = (starts[pos / 64] >> (pos % 64)) & 1;
        REQUIRE(bit == fa::kInWordArabic[c - 0x0600]);
        REQUIRE(words_of(s) == words_bytewise(s));
      }
    }
  }
}

TEST_CASE("for_each_word finds the words of the character-at-a-time scan", "[utf8]") {
  static const std::vector<std::string> pieces = {
      "a", " ", "\n", "ش", "ه", "ی", "ـ", "\u064e", "\u200c", "\u200c\u200c", "۲", "،", "؟", "é",
      "«", "東", "😀", "شهرهای", "می\u200cشود", "\u06d4", "\u06dd", "\u06f0"};
  size_t with_words = 0;
  for (const std::string& s : text_test::random_texts(pieces, 5000, 7, 0, 120)) {
    INFO(s);
    const auto words = words_of(s);
    REQUIRE(words == words_bytewise(s));
    with_words += !words.empty();
  }
  CHECK(with_words > 4000);
  // Words across the 64-byte words of bits, and a ZWNJ alone or first.
  const std::string long_word = std::string(63, 'a') + "شهرهای\u200cشهر" + " \u200cشهر\u200c";
  CHECK(words_of(long_word) == words_bytewise(long_word));
  CHECK(words_of(long_word).size() == 2);
  CHECK(words_of("\u200c").empty());
  CHECK(words_of("").empty());
}

TEST_CASE("for_each_word nested in another's callback still finds its words", "[utf8]") {
  const std::string outer = "یک دو", inner = "سه چهار پنج";
  std::vector<size_t> inner_counts;
  fa::for_each_word(outer, [&](size_t, size_t) { inner_counts.push_back(words_of(inner).size()); });
  CHECK(inner_counts == std::vector<size_t>{3, 3});
}

// A MultiStringSearch finds which of many byte strings occur in a text, in one
// pass (Aho–Corasick compiled to a dense automaton over byte classes). The
// Matcher uses it to find the atoms (required substrings) of all lexicon forms
// at once, so that only the forms whose atoms occur are run as RE2s.
//
//   MultiStringSearch s({"peace", "صلح"});
//   std::vector<int> ids;
//   s.find("world peace", ids);   // ids == {0}
//
// Needles are raw bytes, matched exactly (the caller folds text and needles the
// same way). Empty needles are ignored. Memory: states x byte classes x 4 bytes
// (a few MB for thousands of needles).
// Searches walk the text in up to four interleaved parts, and note needle
// ends without branches (multi_string.cpp says why).
// Thread safety: immutable after construction; find() and find_all() may run
// on many threads (their scratch space is per thread).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dipmine::lexicon {

class MultiStringSearch {
 public:
  explicit MultiStringSearch(const std::vector<std::string>& needles);

  // Appends to `ids` the index of every needle occurring in `text`, each once,
  // in ascending order (clears `ids` first).
  void find(std::string_view text, std::vector<int>& ids) const;

  // A needle that occurs, and where its occurrences are in find_all's hits.
  struct Found {
    int needle;
    uint32_t begin, end;  // [begin, end) in hits
  };
  // Every occurrence: (needle index, end offset in text), grouped by needle
  // (the needles in no particular order), each needle's by end (clears
  // `hits` first). With `found`: also each needle found (cleared first).
  void find_all(std::string_view text, std::vector<std::pair<int, uint32_t>>& hits,
                std::vector<Found>* found = nullptr) const;

  size_t states() const { return next_.size() / classes_; }

 private:
  static constexpr uint32_t kEnds = 0x80000000u;  // in next_: target ends a needle
  static constexpr size_t kMinPartBytes = 16;     // walks take parts of this or more
  // Per thread: the occurrences in text order, and per needle its count,
  // then where its next occurrence goes (zero between calls); the needles
  // found, in the order first found.
  struct Scratch {
    std::vector<std::pair<int, uint32_t>> in_order;
    size_t occurrences = 0;  // in_order[0, occurrences)
    std::array<std::vector<uint64_t>, 4> ended;  // per walk: end << 32 | row
    uint64_t* ended_buffer(size_t walk, size_t steps);  // room for `steps`
    std::vector<uint32_t> slot;
    std::vector<int> ids;  // needles + 1 (see start)
    size_t found = 0;  // ids[0, found)
    void start(size_t needles);
    // Room for `more` occurrences; a pointer to the next free one.
    std::pair<int, uint32_t>* room(size_t more) {
      if (in_order.size() < occurrences + more) in_order.resize(2 * (occurrences + more));
      return in_order.data() + occurrences;
    }
    void count(int id) {  // without a branch on "first time"
      ids[found] = id;
      found += slot[static_cast<size_t>(id)]++ == 0;
    }
    // the occurrences into `hits`, grouped by needle.
    void place(std::vector<std::pair<int, uint32_t>>& hits, std::vector<Found>* found);
  };
  // kParts interleaved walks over as many parts of bytes[0, n).
  template <size_t kParts>
  void walk(const unsigned char* bytes, size_t n, Scratch& sc) const;
  // The needles the state at `row` ends, ending at `end`, to the
  // occurrences; with kLaterWalks, only those that began before begun_before
  // (the others are a later walk's).
  template <bool kLaterWalks>
  void emit_one(Scratch& sc, uint32_t row, size_t end, size_t begun_before) const;
  // emit_one for notes [first, last) of the walk over the part starting at
  // part_start (end in the part << 32 | row), in one call: a call per note
  // cost as much as the note's work.
  void emit_all(Scratch& sc, const uint64_t* first, const uint64_t* last, size_t part_start) const;

  std::array<uint8_t, 256> class_of_{};  // byte -> class (0: no needle has it)
  uint32_t classes_ = 1;
  size_t needles_ = 0;
  std::vector<uint32_t> next_;  // state * classes_ + class -> next state * classes_ (| kEnds)
  std::vector<uint32_t> depth_;        // per state: bytes from the root
  std::vector<uint32_t> size_;         // per needle: bytes
  std::vector<uint32_t> out_begin_;    // per state, into out_ (size states + 1)
  std::vector<int> out_;               // needles ending at a state (with suffixes)
  size_t most_out_ = 0;                // of any state
  // row / classes_ without a division instruction (exact for 32-bit rows:
  // Lemire, Kaser, Kurz, "Faster remainder by direct computation", 2019).
  uint64_t row_divisor_ = 0;
  uint32_t state_of(uint32_t row) const {
    return static_cast<uint32_t>((static_cast<__uint128_t>(row_divisor_) * row) >> 64);
  }
};

}  // namespace dipmine::lexicon

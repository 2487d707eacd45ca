// HashTable64: a set of 64-bit hashes, each with an optional 32-bit value, in
// one flat array probed linearly. For tables of many small keys asked often:
// the Persian vocabulary and dictionary, their compounds, the keys a store
// has seen. A lookup is one cache miss or two, where a
// std::unordered_set<std::string> of 100,000 keys took several.
//
//   HashTable64 seen(expected_keys);
//   seen.insert(hash(key));                     // a set: answers by hash only
//   if (seen.contains(hash(other))) ...         // maybe present (n / 2^64)
//
//   HashTable64 index(entries.size());
//   index.insert_entry(hash(entries[i].key), i);  // distinct keys may share
//   index.find_each(hash(key), [&](uint32_t i) { return entries[i].key == key; });
//
// A table can also be built at build time and read from its slots:
//
//   generator:  print table.slots()                 // into a C++ array
//   program:    HashTable64::contains(kSlots, h)    // the same probes
//
// Hashes are stored with bit 0 set (0 marks an empty slot), so hashes that
// differ only there are one: callers that need exact answers verify their
// keys through find_each. The table doubles when half full; built once, it
// is read by any number of threads.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace dipmine {

class HashTable64 {
 public:
  // Room for `expected` hashes without growing, at one in `spread` slots
  // used (2 or more; sparser tables probe fewer slots for absent hashes).
  explicit HashTable64(size_t expected = 0, size_t spread = 2) {
    size_t cap = 16;
    while (cap < expected * (spread < 2 ? 2 : spread)) cap <<= 1;
    hashes_.assign(cap, 0);
  }

  // Adds `h`; false, adding nothing, when it is there already.
  bool insert(uint64_t h) {
    h |= 1;
    for (size_t i = first_slot(h);; i = next(i)) {
      if (hashes_[i] == h) return false;
      if (hashes_[i] == 0) {
        place(i, h, 0);
        return true;
      }
    }
  }

  // Adds `h` with `value`, beside any entry of the same hash (two keys may
  // share one: find_each visits both).
  void insert_entry(uint64_t h, uint32_t value) {
    h |= 1;
    if (values_.empty()) values_.assign(hashes_.size(), 0);
    size_t i = first_slot(h);
    while (hashes_[i] != 0) i = next(i);
    place(i, h, value);
  }

  bool contains(uint64_t h) const { return contains(hashes_, h); }

  // contains() over the slots of a table (slots() of one built elsewhere).
  static bool contains(std::span<const uint64_t> slots, uint64_t h) {
    h |= 1;
    const size_t mask = slots.size() - 1;
    for (size_t i = first_slot(h, mask); slots[i] != 0; i = (i + 1) & mask) {
      if (slots[i] == h) return true;
    }
    return false;
  }

  // find_each() over the slots and values of a table built elsewhere.
  template <class Accept>
  static bool find_each(std::span<const uint64_t> slots, std::span<const uint32_t> values,
                        uint64_t h, Accept&& accept) {
    h |= 1;
    const size_t mask = slots.size() - 1;
    for (size_t i = first_slot(h, mask); slots[i] != 0; i = (i + 1) & mask) {
      if (slots[i] == h && accept(values.empty() ? 0u : values[i])) return true;
    }
    return false;
  }

  // The slots, a power of two in number, 0 for an empty one, and the values
  // beside them (empty for a set).
  std::span<const uint64_t> slots() const { return hashes_; }
  std::span<const uint32_t> values() const { return values_; }

  // Calls accept(value) for each entry of hash `h` until it returns true;
  // whether one did.
  template <class Accept>
  bool find_each(uint64_t h, Accept&& accept) const {
    return find_each(hashes_, values_, h, std::forward<Accept>(accept));
  }

  size_t size() const { return size_; }

 private:
  size_t mask() const { return hashes_.size() - 1; }
  static size_t first_slot(uint64_t h, size_t mask) { return static_cast<size_t>(h ^ (h >> 29)) & mask; }
  size_t first_slot(uint64_t h) const { return first_slot(h, mask()); }
  size_t next(size_t i) const { return (i + 1) & mask(); }

  void place(size_t i, uint64_t h, uint32_t value) {
    hashes_[i] = h;
    if (!values_.empty()) values_[i] = value;
    if (++size_ * 2 > hashes_.size()) grow();
  }

  void grow() {
    std::vector<uint64_t> old_hashes(hashes_.size() * 2, 0);
    std::vector<uint32_t> old_values(values_.empty() ? 0 : old_hashes.size(), 0);
    old_hashes.swap(hashes_);
    old_values.swap(values_);
    for (size_t j = 0; j < old_hashes.size(); ++j) {
      if (old_hashes[j] == 0) continue;
      size_t i = first_slot(old_hashes[j]);
      while (hashes_[i] != 0) i = next(i);
      hashes_[i] = old_hashes[j];
      if (!values_.empty()) values_[i] = old_values[j];
    }
  }

  std::vector<uint64_t> hashes_;  // a power of two in size, 0 = empty
  std::vector<uint32_t> values_;  // beside hashes_, once an entry has a value
  size_t size_ = 0;
};

}  // namespace dipmine

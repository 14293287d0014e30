// A hash index over the items of a vector, by a name each item holds: the
// table keeps only the items' positions (8 bytes a slot, with a fragment of
// the name's hash), where a map of strings would copy every name. A
// million people's ids or scenario titles take 16 MB instead of 70.
//
// The names stay with their items, so every call is given `name_of`, which
// maps a position to its name; the table holds no pointer to the items
// (their vector may move).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace smr {

class IndexTable {
 public:
  // Room for `count` items without growing.
  template <typename NameOf>
  void reserve(size_t count, const NameOf& name_of) {
    size_t want = 16;
    while (want < count * 2) want *= 2;
    if (want > slots_.size()) rehash(want, name_of);
  }

  // The position of the item named `name`, or -1.
  template <typename NameOf>
  int64_t find(std::string_view name, const NameOf& name_of) const {
    if (slots_.empty()) return -1;
    uint64_t h = hash(name);
    for (size_t i = h & mask(); slots_[i].used(); i = (i + 1) & mask()) {
      if (slots_[i].tag == tag_of(h) && name_of(slots_[i].index) == name) return slots_[i].index;
    }
    return -1;
  }

  // Adds the item at `index` under its name unless an item of that name is
  // there: returns that item's position, or -1 when `index` was added.
  template <typename NameOf>
  int64_t insert(uint32_t index, const NameOf& name_of) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2, name_of);
    std::string_view name = name_of(index);
    uint64_t h = hash(name);
    size_t i = h & mask();
    for (; slots_[i].used(); i = (i + 1) & mask()) {
      if (slots_[i].tag == tag_of(h) && name_of(slots_[i].index) == name) return slots_[i].index;
    }
    slots_[i] = Slot{index, tag_of(h)};
    ++size_;
    return -1;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    slots_.clear();
    size_ = 0;
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t index = kEmpty;
    uint32_t tag = 0;  // the hash's high half: most other names differ in it
    bool used() const { return index != kEmpty; }
  };

  // Eight bytes at a time, each step multiplied in, then mixed so that the
  // low bits (the slot) and the high half (the tag) both depend on every
  // byte: a third of std::hash's instructions on the short ids of an org.
  static uint64_t hash(std::string_view name) {
    const char* p = name.data();
    size_t n = name.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      h = (h ^ word) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    uint64_t last = 0;
    for (size_t i = 0; i < n; ++i) last |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    h = (h ^ last) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 29);
  }
  static uint32_t tag_of(uint64_t h) { return static_cast<uint32_t>(h >> 32); }
  size_t mask() const { return slots_.size() - 1; }

  template <typename NameOf>
  void rehash(size_t capacity, const NameOf& name_of) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(capacity, Slot{});
    for (const Slot& s : old) {
      if (!s.used()) continue;
      uint64_t h = hash(name_of(s.index));
      size_t i = h & mask();
      while (slots_[i].used()) i = (i + 1) & mask();
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t size_ = 0;
};

}  // namespace smr

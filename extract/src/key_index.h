#pragma once
// Numbers found by a text key, for lists that keep their keys themselves (the vocabulary's
// words, the entities' IRIs): an open-addressed table, probed linearly, at most half full.
// A slot holds a number and the high bits of its key's hash, so a look-up touches one slot and
// reads a key only on a likely match, and the table copies no key.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace diplograph::extract {

class KeyIndex {
 public:
  // Numbers are 1 and up; 0 is none.
  static constexpr std::uint32_t kNone = 0;

  // The number stored for `key`, whose hash is `hash`, or kNone. keyOf(number) gives the key
  // stored with a number.
  template <typename KeyOf>
  std::uint32_t find(std::string_view key, std::uint64_t hash, const KeyOf& keyOf) const {
    return slots_[slotOf(key, hash, keyOf)].number;
  }
  // Stores `number` for `key`, which must not be in yet. hashOf(key) gives a key's hash, to
  // place the stored keys again when the table grows.
  template <typename KeyOf, typename HashOf>
  void insert(std::string_view key, std::uint64_t hash, std::uint32_t number, const KeyOf& keyOf, const HashOf& hashOf) {
    if (2 * (++count_) > slots_.size()) {
      reserve(count_, keyOf, hashOf);
    }
    slots_[slotOf(key, hash, keyOf)] = {number, static_cast<std::uint32_t>(hash >> 32)};
  }
  // Room for `count` keys, so that adding them grows no table.
  template <typename KeyOf, typename HashOf>
  void reserve(std::size_t count, const KeyOf& keyOf, const HashOf& hashOf) {
    if (2 * count <= slots_.size()) return;
    std::vector<Slot> old(std::bit_ceil(2 * count));
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.number != kNone) slots_[slotOf(keyOf(slot.number), hashOf(keyOf(slot.number)), keyOf)] = slot;
    }
  }

 private:
  struct Slot {
    std::uint32_t number = kNone;  // kNone: empty
    std::uint32_t hashBits = 0;    // the high half of the key's hash
  };
  // The slot holding `key`, or the empty slot where it would go.
  template <typename KeyOf>
  std::size_t slotOf(std::string_view key, std::uint64_t hash, const KeyOf& keyOf) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.number == kNone || (slot.hashBits == static_cast<std::uint32_t>(hash >> 32) && same(keyOf(slot.number), key)))
        return i;
    }
  }
  // Compared byte by byte, inline: keys are short, and a call to memcmp at each look-up costs
  // more than the comparison.
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
      if (a[k] != b[k]) return false;
    return true;
  }
  std::vector<Slot> slots_ = std::vector<Slot>(64);  // a power of two
  std::size_t count_ = 0;
};

}  // namespace diplograph::extract

#pragma once
// Numbers found by a text key, for lists that keep their keys themselves (the vocabulary's
// words, the entities' IRIs): an open-addressed table, probed linearly, at most half full.
// A slot holds a number with its key's length and last eight bytes, so a look-up touches one
// slot, reads no key at all for a key of eight bytes or fewer (most words), and reads a longer
// key only on a likely match. The table copies no key.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
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
    return slots_[slotOf(key, tailOf(key), hash, keyOf)].number;
  }
  // With the key's tailOf given, by a caller that reads it more cheaply.
  template <typename KeyOf>
  std::uint32_t find(std::string_view key, std::uint64_t tail, std::uint64_t hash, const KeyOf& keyOf) const {
    return slots_[slotOf(key, tail, hash, keyOf)].number;
  }
  // Stores `number` for `key`, which must not be in yet. hashOf(key) gives a key's hash, to
  // place the stored keys again when the table grows.
  template <typename KeyOf, typename HashOf>
  void insert(std::string_view key, std::uint64_t hash, std::uint32_t number, const KeyOf& keyOf, const HashOf& hashOf) {
    if (2 * (++count_) > slots_.size()) {
      reserve(count_, keyOf, hashOf);
    }
    const std::uint64_t tail = tailOf(key);
    slots_[slotOf(key, tail, hash, keyOf)] = {number, static_cast<std::uint32_t>(key.size()), tail};
  }
  // Room for `count` keys, so that adding them grows no table.
  template <typename KeyOf, typename HashOf>
  void reserve(std::size_t count, const KeyOf& keyOf, const HashOf& hashOf) {
    if (2 * count <= slots_.size()) return;
    std::vector<Slot> old(std::bit_ceil(2 * count));
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.number != kNone) slots_[slotOf(keyOf(slot.number), slot.tail, hashOf(keyOf(slot.number)), keyOf)] = slot;
    }
  }

  // A key's last eight bytes, or the whole of a shorter one (then zero-padded): with its
  // length, it tells a key of eight bytes or fewer from every other. Read without a loop and
  // without reading past the key.
  static std::uint64_t tailOf(std::string_view key) {
    static_assert(std::endian::native == std::endian::little, "the overlapping reads below assume it");
    const char* const p = key.data();
    const std::size_t n = key.size();
    std::uint64_t tail = 0;
    if (n >= 8) {
      std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {
      // Two reads of four that overlap on the same bytes, which the OR leaves as they are.
      std::uint32_t low = 0;
      std::uint32_t high = 0;
      std::memcpy(&low, p, 4);
      std::memcpy(&high, p + n - 4, 4);
      tail = low | (std::uint64_t{high} << (8 * (n - 4)));
    } else if (n > 0) {
      const auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k); };
      tail = byte(0) | byte(n / 2) | byte(n - 1);
    }
    return tail;
  }

 private:
  // Sixteen bytes, aligned: four slots to a cache line, none across two.
  struct alignas(16) Slot {
    std::uint32_t number = kNone;  // kNone: empty
    std::uint32_t size = 0;        // the key's length in bytes
    std::uint64_t tail = 0;        // tailOf(key)
  };
  // The slot holding `key`, or the empty slot where it would go.
  template <typename KeyOf>
  std::size_t slotOf(std::string_view key, std::uint64_t tail, std::uint64_t hash, const KeyOf& keyOf) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.number == kNone ||
          (slot.tail == tail && slot.size == key.size() && (key.size() <= 8 || sameHead(keyOf(slot.number), key))))
        return i;
    }
  }
  // Keys of the same length, over eight bytes, whose last eight bytes are the same: the same
  // key if the bytes before those are, compared eight at a time (the last eight overlapping
  // the tail) rather than by a call to memcmp, which costs more on keys this short.
  static bool sameHead(std::string_view a, std::string_view b) {
    for (std::size_t k = 0; k + 8 < a.size(); k += 8) {
      std::uint64_t x = 0;
      std::uint64_t y = 0;
      std::memcpy(&x, a.data() + k, 8);
      std::memcpy(&y, b.data() + k, 8);
      if (x != y) return false;
    }
    return true;
  }
  std::vector<Slot> slots_ = std::vector<Slot>(64);  // a power of two
  std::size_t count_ = 0;
};

}  // namespace diplograph::extract

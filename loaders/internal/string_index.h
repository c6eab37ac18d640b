// A flat hash table from strings (views whose text outlives the table) to 32-bit ids, for the
// loaders' address and configuration-key indexes: open addressing with the full hash kept in each
// slot, so that a lookup usually touches one slot and compares text only on a hash match (a
// node-based map costs a cache miss per node, which dominates at 100k+ resources).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace edict::loaders::internal {

class StringIndex {
 public:
  // Room for n keys without growing (the table is at most 3/4 full).
  void reserve(size_t n) {
    if (n * 4 > slots_.size() * 3) rehash(n * 4 / 3 + 1);
  }
  size_t size() const { return used_; }
  void clear() {
    slots_.clear();
    used_ = 0;
  }

  // Inserts key -> value unless the key is there; returns the stored value and whether it was
  // inserted. The pointer is valid until the next insertion.
  std::pair<uint32_t*, bool> emplace(std::string_view key, uint32_t value) {
    if ((used_ + 1) * 4 > slots_.size() * 3) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    uint64_t h = hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == 0) {
        s = {h, key.data(), static_cast<uint32_t>(key.size()), value};
        ++used_;
        return {&s.value, true};
      }
      if (s.hash == h && equal(s, key)) return {&s.value, false};
    }
  }

  const uint32_t* find(std::string_view key) const {
    if (used_ == 0) return nullptr;
    uint64_t h = hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && equal(s, key)) return &s.value;
    }
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }

  // Never 0, which marks an empty slot.
  static uint64_t hash(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xC2B2AE3D27D4EB4FULL);
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 29;
    }
    uint64_t w = 0;
    if (n > 0) std::memcpy(&w, p, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 32;
    return h != 0 ? h : 1;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* data = nullptr;
    uint32_t size = 0;
    uint32_t value = 0;
  };

  static bool equal(const Slot& s, std::string_view key) {
    return s.size == key.size() && (key.empty() || std::memcmp(s.data, key.data(), key.size()) == 0);
  }

  void rehash(size_t wanted) {
    size_t n = 16;
    while (n < wanted) n *= 2;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
};

}  // namespace edict::loaders::internal

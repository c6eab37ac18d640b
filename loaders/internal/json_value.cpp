// simdjson DOM -> Value conversion and the key-interning cache in front of the global interner.
#include "loaders/internal/json_value.h"

#include <algorithm>

#include <array>
#include <cstdint>
#include <cstring>
#include <new>
#include <vector>

#include "loaders/json.h"

namespace edict::loaders::internal {

namespace {

// Direct-mapped: a collision just evicts. `data` points into the interner's own storage, which
// never moves or dies, so an entry stays valid for the life of the process.
struct KeyCacheEntry {
  const char* data = nullptr;
  uint32_t size = 0;
  Symbol symbol = 0;
};
constexpr size_t kKeyCacheSize = 4096;  // power of two

uint64_t hash_key(std::string_view key) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}

}  // namespace

Symbol intern_key(std::string_view key) {
  thread_local std::array<KeyCacheEntry, kKeyCacheSize> cache;
  KeyCacheEntry& slot = cache[hash_key(key) & (kKeyCacheSize - 1)];
  if (slot.data != nullptr && slot.size == key.size() && std::memcmp(slot.data, key.data(), key.size()) == 0) {
    return slot.symbol;
  }
  Symbol s = intern(key);
  std::string_view stored = symbol_name(s);
  slot = {stored.data(), static_cast<uint32_t>(stored.size()), s};
  return s;
}

bool has_duplicate_key(const Member* members, size_t n) {
  if (n <= 16) {  // the usual object: no allocation
    for (size_t i = 1; i < n; ++i)
      for (size_t j = 0; j < i; ++j)
        if (members[i].key == members[j].key) return true;
    return false;
  }
  std::vector<Symbol> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = members[i].key;
  std::sort(keys.begin(), keys.end());
  return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

Value to_value(Arena& arena, simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::ARRAY: {
      simdjson::dom::array array = e.get_array().value_unsafe();
      Value* items = arena.make_array<Value>(array.size());
      size_t n = 0;
      for (simdjson::dom::element item : array) items[n++] = to_value(arena, item);
      return Value::list(items, n);
    }
    case element_type::OBJECT: {
      simdjson::dom::object object = e.get_object().value_unsafe();
      Member* members = arena.make_array<Member>(object.size());
      size_t n = 0;
      for (simdjson::dom::key_value_pair field : object) {
        members[n++] = {intern_key(field.key), to_value(arena, field.value)};
      }
      if (has_duplicate_key(members, n)) throw DuplicateKey{};
      return Value::object(members, n);
    }
    case element_type::INT64: return Value::number(static_cast<double>(e.get_int64().value_unsafe()));
    case element_type::UINT64: return Value::number(static_cast<double>(e.get_uint64().value_unsafe()));
    case element_type::DOUBLE: return Value::number(e.get_double().value_unsafe());
    case element_type::STRING: return Value::string(arena, e.get_string().value_unsafe());
    case element_type::BOOL: return Value::boolean(e.get_bool().value_unsafe());
    case element_type::NULL_VALUE: return Value::null();
  }
  return Value::null();
}

simdjson::dom::parser make_parser() {
  simdjson::dom::parser parser;
  // A small first allocation only fixes the depth limit; parse() grows the capacity as needed.
  if (parser.allocate(4096, kMaxJsonDepth) != simdjson::SUCCESS) throw std::bad_alloc();
  return parser;
}

}  // namespace edict::loaders::internal

// The value model shared by loaders, builtins and the VM: a 16-byte, trivially copyable Value
// whose heap parts (strings, lists, objects) live in an Arena owned by whoever made them.
// Invariant: a Value never outlives the arena its parts were allocated in.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace edict::model {
struct Resource;
}

namespace edict {

// Bump allocator: everything allocated is freed at once when the arena is reset or destroyed.
// An arena may carry a byte limit (the VM's memory budget, vm::Budget): an allocation past it
// throws MemoryLimit, which the VM turns into an `error` result. Arenas without one never throw it.
struct MemoryLimit {
  size_t limit;
};

class Arena {
 public:
  Arena() : pool_(std::pmr::new_delete_resource()) {}
  explicit Arena(size_t initial) : pool_(initial, std::pmr::new_delete_resource()) {}
  void* allocate(size_t bytes, size_t align = alignof(std::max_align_t)) {
    charge(bytes);
    return pool_.allocate(bytes == 0 ? 1 : bytes, align);
  }
  // Counts `bytes` against the limit without allocating (for temporaries a builtin is about to
  // build outside the arena); throws MemoryLimit when the total would pass it.
  void charge(size_t bytes) {
    if (bytes > limit_ - used_) throw MemoryLimit{limit_};
    used_ += bytes;
  }
  // Throws MemoryLimit when `bytes` more would pass the limit, without counting them.
  void ensure(size_t bytes) const {
    if (bytes > limit_ - used_) throw MemoryLimit{limit_};
  }
  void set_limit(size_t bytes) { limit_ = bytes; }
  size_t used() const { return used_; }
  template <class T>
  T* make_array(size_t n) {
    return static_cast<T*>(allocate(sizeof(T) * n, alignof(T)));
  }
  std::string_view copy(std::string_view s) {
    char* p = make_array<char>(s.size());
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }
  void reset() {
    pool_.release();
    used_ = 0;
  }

 private:
  std::pmr::monotonic_buffer_resource pool_;
  size_t used_ = 0;
  size_t limit_ = SIZE_MAX;
};

// The step budget of the VM run on this thread, if any (vm::Interpreter installs it). Walks over
// values and builtins that loop charge it too: a value that shares its parts ([x, x] nested 64
// times) stands for exponentially many nodes, so counting instructions alone would not bound time.
struct StepLimit {
  uint64_t limit;
};
struct WorkMeter {
  uint64_t steps = 0;
  uint64_t max_steps = UINT64_MAX;
};
inline thread_local WorkMeter* current_meter = nullptr;
inline void charge_steps(uint64_t n) {
  WorkMeter* m = current_meter;
  if (m != nullptr && (m->steps += n) > m->max_steps) throw StepLimit{m->max_steps};
}

// Interned attribute and object-key names. Ids are dense and stable for the life of the process,
// so the compiler can resolve `storage_encrypted` to an integer once and the VM compares integers.
// Safe from any thread; looking up a name already interned takes no lock (evaluation threads
// intern object keys they build and read attributes by computed name).
using Symbol = uint32_t;
Symbol intern(std::string_view name);
std::string_view symbol_name(Symbol s);

class Value;
struct Member;

enum class Kind : uint8_t { Null, Unknown, Bool, Number, String, List, Object, Resource };

// What the plan's configuration says of an unknown attribute value (see `is_set`): set to an
// expression known only after apply, left out (the provider computes the value), or no word on it
// (unknowns made by operators, fixtures written with a bare `!unknown`, plans without configuration).
enum class Setness : uint8_t { Unsure, Set, Unset };

std::string_view kind_name(Kind k);

class Value {
 public:
  constexpr Value() : kind_(Kind::Null), depth_(0), size_(0), u_{} {}

  static constexpr Value null() { return Value(); }
  static Value unknown(Setness setness = Setness::Unsure) {
    Value v;
    v.kind_ = Kind::Unknown;
    v.size_ = static_cast<uint32_t>(setness);  // unknowns have no size: the field holds the setness
    return v;
  }
  static Value boolean(bool b) {
    Value v;
    v.kind_ = Kind::Bool;
    v.u_.b = b;
    return v;
  }
  static Value number(double n) {
    Value v;
    v.kind_ = Kind::Number;
    v.u_.n = n;
    return v;
  }
  // The characters must outlive the value (arena, program constants, or a static string).
  static Value string(std::string_view s) {
    Value v;
    v.kind_ = Kind::String;
    v.size_ = static_cast<uint32_t>(s.size());
    v.u_.s = s.data();
    return v;
  }
  static Value string(Arena& arena, std::string_view s) { return string(arena.copy(s)); }
  // The items must be filled in before the call: the value's depth is computed from them.
  static Value list(const Value* items, size_t n) {
    Value v;
    v.kind_ = Kind::List;
    v.size_ = static_cast<uint32_t>(n);
    v.u_.items = items;
    uint32_t d = 0;
    for (size_t i = 0; i < n; ++i) d = items[i].depth_ > d ? items[i].depth_ : d;
    v.depth_ = static_cast<uint16_t>(d < kMaxDepth ? d + 1 : kMaxDepth);
    return v;
  }
  static Value list(Arena& arena, std::span<const Value> items);
  static Value object(const Member* members, size_t n);  // defined below, once Member is complete
  static Value object(Arena& arena, std::span<const Member> members);
  static Value resource(const model::Resource* r) {
    Value v;
    v.kind_ = Kind::Resource;
    v.u_.res = r;
    return v;
  }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_unknown() const { return kind_ == Kind::Unknown; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_true() const { return kind_ == Kind::Bool && u_.b; }
  bool is_false() const { return kind_ == Kind::Bool && !u_.b; }
  bool is_number() const { return kind_ == Kind::Number; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_object() const { return kind_ == Kind::Object; }
  bool is_resource() const { return kind_ == Kind::Resource; }

  bool as_bool() const { return u_.b; }
  double as_number() const { return u_.n; }
  std::string_view as_string() const { return {u_.s, size_}; }
  std::span<const Value> as_list() const { return {u_.items, size_}; }
  std::span<const Member> as_object() const;  // defined below, once Member is complete
  const model::Resource* as_resource() const { return u_.res; }
  uint32_t size() const { return size_; }
  // Of an unknown: what the configuration says of it (Unsure for every other kind).
  Setness setness() const { return kind_ == Kind::Unknown ? static_cast<Setness>(size_) : Setness::Unsure; }
  // Nesting depth: 0 for scalars, 1 + the deepest item for lists and objects, saturating at
  // kMaxDepth. Stored (in what would be padding) so the VM's depth budget costs O(1) per value.
  uint32_t depth() const { return depth_; }
  static constexpr uint32_t kMaxDepth = UINT16_MAX;

  // Object member by key; nullptr when absent. Objects are small, so this is a linear scan.
  const Value* find(Symbol key) const;
  const Value* find(std::string_view key) const;

 private:
  Kind kind_;
  uint16_t depth_;
  uint32_t size_;
  union U {
    bool b;
    double n;
    const char* s;
    const Value* items;
    const Member* members;
    const model::Resource* res;
  } u_;
};

struct Member {
  Symbol key;
  Value value;
};

inline std::span<const Member> Value::as_object() const { return {u_.members, size_}; }

inline Value Value::object(const Member* members, size_t n) {
  Value v;
  v.kind_ = Kind::Object;
  v.size_ = static_cast<uint32_t>(n);
  v.u_.members = members;
  uint32_t d = 0;
  for (size_t i = 0; i < n; ++i) d = members[i].value.depth_ > d ? members[i].value.depth_ : d;
  v.depth_ = static_cast<uint16_t>(d < kMaxDepth ? d + 1 : kMaxDepth);
  return v;
}

static_assert(sizeof(Value) == 16, "Value must stay two words");

// Structural equality for known values (null == null; unknowns are not compared here).
// Like every walk over a value below, it uses an explicit stack, never the C++ one.
bool equal(const Value& a, const Value& b);

// Whether v is unknown or holds an unknown anywhere inside (resources count as known).
bool contains_unknown(const Value& v);

// Renders a value as compact JSON-like text for messages (`unknown` for unknowns, resources by
// address). `limit` truncates long renderings with "...".
std::string to_display(const Value& v, size_t limit = 200);

// Renders a value as JSON (unknown becomes null, resources their address).
std::string to_json(const Value& v);

// Builds a mutable list in an arena, then freezes it into a Value.
class ListBuilder {
 public:
  void push(const Value& v) { items_.push_back(v); }
  size_t size() const { return items_.size(); }
  Value build(Arena& arena) const { return Value::list(arena, items_); }

 private:
  std::vector<Value> items_;
};

}  // namespace edict

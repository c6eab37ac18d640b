// Value helpers: the symbol interner (lock-free for readers), structural equality and the two renderings (display, JSON).
#include "vm/value.h"

#include <atomic>
#include <cmath>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/text.h"
#include "model/resource.h"

namespace edict {

namespace {
// The symbol interner. Lookups of names already interned are lock-free (atomics and storage that
// never moves), so evaluation threads that read attribute names by string never wait on each
// other; only a new name takes the mutex. Invariant: an entry is written before the release store
// that publishes its id (in a hash slot or a chunk pointer), so whoever sees the id sees the name.
class Interner {
 public:
  Interner() { table_.store(new Table(kInitialSlots), std::memory_order_relaxed); }

  Symbol intern(std::string_view name) {
    uint64_t h = std::hash<std::string_view>{}(name);
    if (Symbol s; find(table_.load(std::memory_order_acquire), name, h, s)) return s;
    std::lock_guard<std::mutex> lock(mutex_);
    Table* t = table_.load(std::memory_order_relaxed);
    if (Symbol s; find(t, name, h, s)) return s;  // another thread added it meanwhile
    if (count_ >= kMaxChunks * kChunkSize - 1) throw std::length_error("too many distinct attribute names");
    auto id = static_cast<Symbol>(count_);
    if (id % kChunkSize == 0) chunks_[id / kChunkSize].store(new std::string_view[kChunkSize], std::memory_order_release);
    storage_.emplace_back(name);
    chunks_[id / kChunkSize].load(std::memory_order_relaxed)[id % kChunkSize] = storage_.back();
    if (2 * (count_ + 1) > t->mask + 1) t = grow(t);
    place(t, h, id);
    count_published_.store(++count_, std::memory_order_release);
    return id;
  }

  std::string_view name(Symbol s) const {
    if (s >= count_published_.load(std::memory_order_acquire)) throw std::out_of_range("unknown symbol");
    return chunks_[s / kChunkSize].load(std::memory_order_acquire)[s % kChunkSize];
  }

 private:
  static constexpr size_t kChunkSize = 1 << 16;
  static constexpr size_t kMaxChunks = 1 << 16;
  static constexpr size_t kInitialSlots = 1 << 12;
  // Open addressing; a slot holds (hash high bits << 32) | (id + 1), 0 when empty.
  struct Table {
    explicit Table(size_t n) : mask(n - 1), slots(new std::atomic<uint64_t>[n]()) {}
    uint64_t mask;
    std::unique_ptr<std::atomic<uint64_t>[]> slots;
  };

  bool find(const Table* t, std::string_view name, uint64_t h, Symbol& out) const {
    auto tag = static_cast<uint32_t>(h >> 32);
    for (uint64_t i = h & t->mask;; i = (i + 1) & t->mask) {
      uint64_t slot = t->slots[i].load(std::memory_order_acquire);
      if (slot == 0) return false;
      if (static_cast<uint32_t>(slot >> 32) != tag) continue;
      auto id = static_cast<Symbol>((slot & 0xffffffffu) - 1);
      if (chunks_[id / kChunkSize].load(std::memory_order_acquire)[id % kChunkSize] == name) {
        out = id;
        return true;
      }
    }
  }

  static void place(Table* t, uint64_t h, Symbol id) {
    uint64_t i = h & t->mask;
    while (t->slots[i].load(std::memory_order_relaxed) != 0) i = (i + 1) & t->mask;
    t->slots[i].store((h >> 32 << 32) | (uint64_t{id} + 1), std::memory_order_release);
  }

  // A table twice the size, published once complete. The old one is kept: a reader may still be
  // probing it (it then misses new names and takes the mutex, which finds them here).
  Table* grow(Table* old) {
    auto* t = new Table(2 * (old->mask + 1));
    for (uint64_t i = 0; i <= old->mask; ++i) {
      uint64_t slot = old->slots[i].load(std::memory_order_relaxed);
      if (slot == 0) continue;
      auto id = static_cast<Symbol>((slot & 0xffffffffu) - 1);
      place(t, std::hash<std::string_view>{}(name(id)), id);
    }
    retired_.emplace_back(old);
    table_.store(t, std::memory_order_release);
    return t;
  }

  std::atomic<Table*> table_;
  std::atomic<std::string_view*> chunks_[kMaxChunks] = {};
  std::atomic<size_t> count_published_{0};
  std::mutex mutex_;                          // guards everything below
  size_t count_ = 0;
  std::deque<std::string> storage_;           // deque: the names never move
  std::vector<std::unique_ptr<Table>> retired_;
};

// Never destroyed: evaluation threads and static destructors may still look names up at exit.
Interner& interner() {
  static Interner* in = new Interner;
  return *in;
}

void append_number(std::string& out, double n) {
  if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
    out += std::to_string(static_cast<long long>(n));
  } else if (!std::isfinite(n)) {
    out += "null";
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", n);
    // Prefer the shortest text that round-trips.
    for (int prec = 1; prec <= 17; ++prec) {
      char b2[32];
      std::snprintf(b2, sizeof b2, "%.*g", prec, n);
      if (std::strtod(b2, nullptr) == n) {
        out += b2;
        return;
      }
    }
    out += buf;
  }
}

void render_scalar(std::string& out, const Value& v, bool json) {
  switch (v.kind()) {
    case Kind::Null: out += "null"; return;
    case Kind::Unknown: out += json ? "null" : "unknown"; return;
    case Kind::Bool: out += v.as_bool() ? "true" : "false"; return;
    case Kind::Number: append_number(out, v.as_number()); return;
    case Kind::String: text::append_json_string(out, v.as_string()); return;
    case Kind::Resource:
      if (json) {
        text::append_json_string(out, v.as_resource()->address);
      } else {
        out += v.as_resource()->address;
      }
      return;
    case Kind::List:
    case Kind::Object: return;
  }
}

// Renders with an explicit stack (values may be nested tens of thousands deep) and stops once the
// text passes `cap` bytes, so a display of a huge value costs no more than its limit.
void render(std::string& out, const Value& root, bool json, size_t cap = SIZE_MAX) {
  struct Open {
    const Value* v;
    uint32_t next;
  };
  std::vector<Open> stack;
  auto enter = [&](const Value& v) {
    if (v.is_list() || v.is_object()) {
      out += v.is_list() ? '[' : '{';
      stack.push_back({&v, 0});
    } else {
      render_scalar(out, v, json);
    }
  };
  enter(root);
  size_t charged = 0;
  while (!stack.empty() && out.size() <= cap) {
    Open& top = stack.back();
    const Value& v = *top.v;
    if (top.next == v.size()) {
      out += v.is_list() ? ']' : '}';
      stack.pop_back();
      continue;
    }
    uint32_t i = top.next++;
    charge_steps(1 + (out.size() - charged) / 16);  // rendering is work (see WorkMeter): per node and per 16 bytes
    charged = out.size();
    if (i != 0) out += json ? "," : ", ";
    if (v.is_list()) {
      enter(v.as_list()[i]);  // may grow `stack`: `top` is not used after this
    } else {
      const Member& m = v.as_object()[i];
      text::append_json_string(out, symbol_name(m.key));
      out += json ? ":" : ": ";
      enter(m.value);
    }
  }
}
}  // namespace

Symbol intern(std::string_view name) { return interner().intern(name); }

std::string_view symbol_name(Symbol s) { return interner().name(s); }

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::Null: return "null";
    case Kind::Unknown: return "unknown";
    case Kind::Bool: return "bool";
    case Kind::Number: return "number";
    case Kind::String: return "string";
    case Kind::List: return "list";
    case Kind::Object: return "object";
    case Kind::Resource: return "resource";
  }
  return "?";
}

Value Value::list(Arena& arena, std::span<const Value> items) {
  Value* p = arena.make_array<Value>(items.size());
  std::copy(items.begin(), items.end(), p);
  return list(p, items.size());
}

Value Value::object(Arena& arena, std::span<const Member> members) {
  Member* p = arena.make_array<Member>(members.size());
  std::copy(members.begin(), members.end(), p);
  return object(p, members.size());
}

const Value* Value::find(Symbol key) const {
  if (kind_ != Kind::Object) return nullptr;
  for (uint32_t i = 0; i < size_; ++i) {
    if (u_.members[i].key == key) return &u_.members[i].value;
  }
  return nullptr;
}

const Value* Value::find(std::string_view key) const { return find(intern(key)); }

bool equal(const Value& a0, const Value& b0) {
  std::vector<std::pair<const Value*, const Value*>> todo{{&a0, &b0}};
  while (!todo.empty()) {
    auto [a, b] = todo.back();
    todo.pop_back();
    charge_steps(1);
    if (a->kind() != b->kind()) return false;
    switch (a->kind()) {
      case Kind::Null:
      case Kind::Unknown: break;
      case Kind::Bool:
        if (a->as_bool() != b->as_bool()) return false;
        break;
      case Kind::Number:
        if (a->as_number() != b->as_number()) return false;
        break;
      case Kind::String:
        if (a->as_string() != b->as_string()) return false;
        break;
      case Kind::Resource:
        if (a->as_resource() != b->as_resource()) return false;
        break;
      case Kind::List:
        if (a->size() != b->size()) return false;
        for (uint32_t i = 0; i < a->size(); ++i) todo.push_back({&a->as_list()[i], &b->as_list()[i]});
        break;
      case Kind::Object:
        if (a->size() != b->size()) return false;
        for (const Member& m : a->as_object()) {
          const Value* other = b->find(m.key);
          if (other == nullptr) return false;
          todo.push_back({&m.value, other});
        }
        break;
    }
  }
  return true;
}

bool contains_unknown(const Value& v) {
  if (v.depth() == 0) return v.is_unknown();
  std::vector<const Value*> todo{&v};
  while (!todo.empty()) {
    const Value* x = todo.back();
    todo.pop_back();
    charge_steps(1 + x->size());
    if (x->is_list()) {
      for (const Value& item : x->as_list()) {
        if (item.is_unknown()) return true;
        if (item.depth() != 0) todo.push_back(&item);
      }
    } else if (x->is_object()) {
      for (const Member& m : x->as_object()) {
        if (m.value.is_unknown()) return true;
        if (m.value.depth() != 0) todo.push_back(&m.value);
      }
    }
  }
  return false;
}

std::string to_display(const Value& v, size_t limit) {
  std::string out;
  render(out, v, false, limit);
  if (out.size() > limit && limit > 3) {
    out.resize(limit - 3);
    out += "...";
  }
  return out;
}

std::string to_json(const Value& v) {
  std::string out;
  render(out, v, true);
  return out;
}

}  // namespace edict

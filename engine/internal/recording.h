// A vm::EvalListener that keeps what it hears, in order: each expression's value and each
// iteration's binding. The explanations (engine/trace.cpp, engine/explain.cpp) are built from it.
#pragma once

#include <algorithm>
#include <memory>
#include <vector>

#include "vm/listener.h"

namespace edict::engine::internal {

struct Event {
  uint32_t node = 0;     // a key of Program::nodes
  bool binding = false;  // an iteration of quantifier or comprehension `node` bound its names
  Value value;           // the value; for a binding the element, or [index or key, element]
  Value element;         // for a binding, what the iteration is about: the list element or object key
};

class Recording : public vm::EvalListener {
 public:
  void value(uint32_t node, const Value& v) override {
    if (wants(node)) events.push_back({node, false, v, {}});
  }
  void bound(uint32_t node, std::span<const Value> vars) override;

  // The last value `node` had among events [0, end), or null.
  const Event* last_value(uint32_t node, size_t end = SIZE_MAX) const;
  // The binding of `node` that came last before event `end`, or null: for a quantifier an element
  // decided, the element that decided it.
  const Event* last_binding(uint32_t node, size_t end) const;
  // Forgets every event (values of the interpreter must not be read after its reset() anyway).
  void clear() {
    events.clear();
    if (arena_) arena_->reset();
  }

  std::vector<Event> events;
  // When not empty, only these nodes are recorded (an explanation that needs a few values does
  // not keep those of every iteration below them).
  std::vector<uint32_t> wanted;

 private:
  bool wants(uint32_t node) const {
    return wanted.empty() || std::find(wanted.begin(), wanted.end(), node) != wanted.end();
  }
  std::unique_ptr<Arena> arena_;  // the [index or key, element] lists of two-name bindings (made on first use)
};

}  // namespace edict::engine::internal

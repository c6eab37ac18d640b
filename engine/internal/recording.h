// A vm::EvalListener that keeps what it hears, in order: each expression's value and each
// iteration's binding. The explanations (engine/trace.cpp, engine/explain.cpp) are built from it.
#pragma once

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
  void value(uint32_t node, const Value& v) override { events.push_back({node, false, v, {}}); }
  void bound(uint32_t node, std::span<const Value> vars) override;

  // The last value `node` had among events [0, end), or null.
  const Event* last_value(uint32_t node, size_t end = SIZE_MAX) const;
  // The binding of `node` that came last before event `end`, or null: for a quantifier an element
  // decided, the element that decided it.
  const Event* last_binding(uint32_t node, size_t end) const;
  // Forgets every event (values of the interpreter must not be read after its reset() anyway).
  void clear() {
    events.clear();
    arena_.reset();
  }

  std::vector<Event> events;

 private:
  Arena arena_;  // the [index or key, element] lists of two-name bindings
};

}  // namespace edict::engine::internal

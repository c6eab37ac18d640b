// The recording listener's helpers: two-name bindings become one [key, element] value, and
// lookups of the last value or binding of a node.
#include "engine/internal/recording.h"

namespace edict::engine::internal {

void Recording::bound(uint32_t node, std::span<const Value> vars) {
  if (!wants(node)) return;
  Event e{node, true, {}, {}};
  if (vars.size() == 2) {
    if (!arena_) arena_ = std::make_unique<Arena>();
    e.value = Value::list(*arena_, vars);
    // Over a list the names are (index, element); over an object (key, value), about the key.
    e.element = vars[0].is_number() ? vars[1] : vars[0];
  } else if (vars.size() == 1) {
    e.value = e.element = vars[0];
  }
  events.push_back(e);
}

const Event* Recording::last_value(uint32_t node, size_t end) const {
  for (size_t i = std::min(end, events.size()); i > 0; --i) {
    if (events[i - 1].node == node && !events[i - 1].binding) return &events[i - 1];
  }
  return nullptr;
}

const Event* Recording::last_binding(uint32_t node, size_t end) const {
  for (size_t i = std::min(end, events.size()); i > 0; --i) {
    if (events[i - 1].node == node && events[i - 1].binding) return &events[i - 1];
  }
  return nullptr;
}

}  // namespace edict::engine::internal

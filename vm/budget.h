// Limits on one (rule, resource) evaluation: instructions, allocated bytes and value depth. Set by
// the CLI (--max-steps, --max-memory) through engine::EvalOptions; enforced by vm::Interpreter.
#pragma once

#include <cstddef>
#include <cstdint>

namespace edict::vm {

struct Budget {
  // Instructions, plus the work of walks over values and of looping builtins (one step per
  // element or per 16 bytes). The shipped rules take at most a few hundred per resource.
  uint64_t max_steps = 10'000'000;
  // Bytes allocated for the values the rule makes (lists, objects, strings), per evaluation.
  size_t max_memory = size_t{64} << 20;
  // Nesting of the values the rule makes; input documents are limited to 1024 by the loaders.
  uint32_t max_depth = 2048;
};

}  // namespace edict::vm

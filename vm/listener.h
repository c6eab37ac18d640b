// The evaluation listener: what the VM reports, keyed by AST node id (lang::Expr::id, the keys of
// bytecode::Program::nodes), while it runs with one attached (Interpreter::set_listener). The
// explanations (engine/trace.h, engine/explain.h) are its users. A run without a listener takes a
// dispatch loop with no hooks compiled in, so ordinary evaluation pays nothing for this.
#pragma once

#include <cstdint>
#include <span>

#include "vm/value.h"

namespace edict::vm {

class EvalListener {
 public:
  virtual ~EvalListener() = default;
  // Expression `node` evaluated to `v`. Calls come in post-order (an expression after its
  // operands, a def call after the body it ran); an operand that a short circuit skipped is not
  // reported. `v` lives in the interpreter's scratch arena until its next reset().
  virtual void value(uint32_t node, const Value& v) = 0;
  // One iteration of quantifier or comprehension `node` bound its names: `vars` holds the element
  // (one name), or the index or key and the element (two names). Reported before the body runs.
  virtual void bound(uint32_t node, std::span<const Value> vars) = 0;
};

}  // namespace edict::vm

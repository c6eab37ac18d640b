// The VM: runs one entry of a bytecode::Program against one resource of a ResourceSet.
// Made by the engine (engine/evaluate.h), the REPL and `edict eval`. An Interpreter is one
// thread's activation: everything it changes is per-run state (stacks, scratch arena, budget
// meter, recorded unknowns); what all runs read is a const vm::Context, shareable across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/resource.h"
#include "vm/budget.h"
#include "vm/bytecode.h"
#include "vm/listener.h"
#include "vm/context.h"

namespace edict::vm {

// A rule's own logic failed on this resource (type error, bad regex input, ...): an `error` result.
struct RunError {
  std::string message;
  lang::Span span;
  bool budget = false;  // the evaluation ran out of its Budget (steps, memory or depth)
};

class Interpreter {
 public:
  // Runs over a context shared with other interpreters (one per thread).
  explicit Interpreter(const Context& context);
  // Builds a context of its own (the REPL, `edict eval`, one-off runs).
  Interpreter(const bytecode::Program& program, const model::ResourceSet& resources, int64_t now_unix);

  // Runs `entry` with `self` (may be null for `edict eval` on a plain document, see self_value).
  // Returns false on a run-time error (see error()). Values live in scratch() until reset().
  bool run(const bytecode::Entry& entry, const model::Resource* self, Value& out);
  // For `edict eval`: `self` is an arbitrary value rather than a resource.
  bool run_value(const bytecode::Entry& entry, const Value& self, Value& out);
  // Runs only the code of expression `node` (Program::nodes) inside `entry`, for an explanation
  // that needs the value of an operand a short circuit skipped. False when `node` has no code.
  bool run_node(const bytecode::Entry& entry, uint32_t node, const model::Resource* self, Value& out);

  const RunError& error() const { return error_; }
  // The limits every run() until the next reset() shares; reset() starts a fresh count.
  void set_budget(const Budget& b) {
    budget_ = b;
    meter_.max_steps = b.max_steps;
    scratch_.set_limit(b.max_memory);
  }
  const Budget& budget() const { return budget_; }
  uint64_t steps_used() const { return meter_.steps; }
  const bytecode::Program& program() const { return program_; }
  const Context& context() const { return ctx_; }
  Arena& scratch() { return scratch_; }
  // Frees every value made since the last reset and clears the recorded unknowns and witness.
  void reset();
  // Attribute reads that gave unknown, in first-seen order: `attr` for the resource under
  // evaluation, `address.attr` for other resources, else the expression's source text.
  // Built on demand: while running, only a small key per read is kept (the hot path allocates nothing).
  std::vector<std::string> unknown_paths() const;
  // The element that decided the last quantifier that short-circuited (null if none).
  const Value& witness() const { return witness_; }
  // Reports the values of expressions to `l` in every run() until it is set to null again.
  void set_listener(EvalListener* l) { listener_ = l; }

 private:
  struct Frame {
    uint32_t return_pc;
    uint32_t base;  // first local slot
  };
  struct Iter {
    Value domain;
    uint32_t pos = 0;
    bool pairs = false;
    bool unknown_domain = false;
    bool has_unknown = false;
    bool decided = false;
    Value result;
    double count = 0;
    std::vector<Value> items;
  };

  // The dispatch loop, twice: Observed adds the listener's hooks and a stop at `stop` (run_node).
  bool execute(uint32_t pc, uint16_t locals, Value& out, uint32_t stop = UINT32_MAX);
  template <bool Observed>
  bool dispatch(uint32_t pc, uint16_t locals, Value& out, uint32_t stop);
  void report(uint32_t pc, bytecode::ValueSite::When when, uint32_t base);
  bool fail(uint32_t pc, std::string message);
  bool fail_budget(uint32_t pc, std::string what);
  void record_unknown(const Value& holder, Symbol attr, uint32_t display);
  // One unknown read: an attribute of a resource (self or another), or a display path string.
  struct UnknownRead {
    const model::Resource* resource;  // null: use Program::strings[display]
    Symbol attr;
    uint32_t display;
    bool operator==(const UnknownRead&) const = default;
  };

  std::unique_ptr<const Context> own_ctx_;  // only when made without a shared context
  const Context& ctx_;
  const bytecode::Program& program_;
  const model::ResourceSet& set_;
  Arena scratch_;
  Budget budget_;
  WorkMeter meter_;
  Value self_;
  std::vector<Value> stack_;
  std::vector<Value> locals_;
  std::vector<Frame> frames_;
  std::vector<Iter> iters_;
  std::vector<UnknownRead> unknown_reads_;
  Value witness_;
  RunError error_;
  EvalListener* listener_ = nullptr;
};

}  // namespace edict::vm

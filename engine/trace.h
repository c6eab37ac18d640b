// Evaluation traces: the value of every sub-expression of a rule's guard and asserts on one
// resource, as indented "source text => value" lines, including inside def calls. Used by
// `edict explain`, `evaluate --explain`, `edict test` and the REPL through EvalOptions::trace.
//
// Any program can be traced: the rule runs once more with a recording vm::EvalListener attached
// (vm/listener.h). Evaluation without a listener runs code with no hooks, so it pays nothing.
#pragma once

#include <string>
#include <vector>

#include "engine/evaluate.h"
#include "vm/interpreter.h"

namespace edict::engine {

struct TraceOptions {
  size_t max_elements = 5;   // iterations shown per quantifier or comprehension
  size_t max_lines = 400;    // the trace is cut after this many lines
  size_t value_width = 120;  // longer values are shortened with "..."
  size_t text_width = 100;   // longer source text is shortened with "..."
};

// Re-runs `rule` on `resource` with recording on, as evaluate() runs it: the guard, then each
// assert until one is false or fails. `status` is the result being explained: when it is not
// `pass`, asserts that held are shown on one line and only the others in full. A quantifier that
// an element decided shows that element; others show their first elements. Resets `vm`.
std::vector<std::string> trace_rule(vm::Interpreter& vm, const bytecode::Rule& rule, const model::Resource& resource,
                                    Status status, const TraceOptions& opts = {});

}  // namespace edict::engine

// Evaluation traces: the value of every sub-expression of a rule's guard and asserts on one
// resource, as indented "source text => value" lines, including inside def calls. Used by
// `edict explain`, `evaluate --explain`, `edict test` and the REPL through EvalOptions::trace.
//
// Only programs compiled with CompileOptions::trace can be traced: they carry a TRACE instruction
// after each expression, which records a value only while Interpreter::record_trace is on. Normal
// programs have no TRACE instructions, so ordinary evaluation pays nothing for this.
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
// an element decided shows that element; others show their first elements. Resets `vm`; returns
// nothing when the program was not compiled with CompileOptions::trace.
std::vector<std::string> trace_rule(vm::Interpreter& vm, const bytecode::Rule& rule, const model::Resource& resource,
                                    Status status, const TraceOptions& opts = {});

}  // namespace edict::engine

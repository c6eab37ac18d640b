// Explanations: why an assert failed, from the values of its sub-expressions that a recording
// listener heard (vm/listener.h). Each line names the expression, the expected and the actual
// value, e.g. "storage_encrypted: expected true, got false".
#pragma once

#include <string>
#include <vector>

#include "vm/interpreter.h"

namespace edict::engine {

// Lines explaining why assert `a` evaluated to false for `self`: re-runs it with a listener and
// walks its and/or/not/comparison/quantifier structure (Program::nodes). Never fails: values that
// cannot be computed are shown as errors in the text.
std::vector<std::string> explain_failure(vm::Interpreter& vm, const bytecode::Assert& a, const model::Resource* self);

}  // namespace edict::engine

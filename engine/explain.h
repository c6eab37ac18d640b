// Explanations: why an assert failed, from its bytecode::Explain tree. Each line names the
// expression, the expected and the actual value, e.g. "storage_encrypted: expected true, got false".
#pragma once

#include <string>
#include <vector>

#include "vm/interpreter.h"

namespace edict::engine {

// Lines explaining why `x` evaluated to false for `self`. Never fails: values that cannot be
// computed are shown as errors in the text.
std::vector<std::string> explain_failure(vm::Interpreter& vm, const bytecode::Explain& x, const model::Resource* self);

}  // namespace edict::engine

// Operator semantics shared by the VM and the compiler's constant folder, so folding can never
// disagree with run time. Unknown propagates; null reads as "absent" (see docs/language.md).
#pragma once

#include <string>

#include "vm/opcodes.h"
#include "vm/value.h"

namespace edict::vm {

struct OpResult {
  Value value;
  std::string error;  // non-empty: a run-time error
};

// NOT, NEG.
OpResult apply_unary(bytecode::OpCode op, const Value& a, Arena& arena);
// ADD SUB MUL DIV MOD EQ NE LT LE GT GE IN, and AND / OR for two evaluated operands.
OpResult apply_binary(bytecode::OpCode op, const Value& a, const Value& b, Arena& arena);

// The boolean view used by guards, asserts, and/or and quantifiers: null reads as false.
enum class Truth { True, False, Unknown, NotBool };
Truth truth(const Value& v);

// Whether v is unknown or holds an unknown anywhere inside (vm/value.h, without recursion).
using edict::contains_unknown;

}  // namespace edict::vm

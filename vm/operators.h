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

// The one semantics of equality and membership with unknowns, used by ==, !=, in, not in, the
// constant folder and every builtin that compares (contains, unique): Kleene logic over the
// structure. Two values are unequal when a known part tells them apart (different kinds, list
// lengths, object keys, or scalars), whatever unknowns they hold elsewhere; else unknown when
// either holds an unknown; else equal. Numbers compare by value (1 == 1.0); null equals only null;
// an absent object key is not a key holding null. Resources compare by identity.
enum class Tri : uint8_t { False, True, Unknown };
Tri equals(const Value& a, const Value& b);
// Whether `needle` is an element of the list `items`: true when some element equals it, else
// unknown when some element may, else false (so never true or unknown for an empty list).
Tri member(const Value& needle, const Value& items);
// Tri::True -> true, Tri::False -> false, Tri::Unknown -> unknown.
Value to_value(Tri t);

}  // namespace edict::vm

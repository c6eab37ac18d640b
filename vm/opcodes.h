// The opcode table, defined once. The enum, the name table, the disassembler's operand printing,
// jump detection, the verifier (vm/verify.h) and max-stack are all expansions of EDICT_OPCODES.
// Each instruction has two operands: A (16 bits) and B (32 bits), each of an OperandKind.
//
// X(NAME, kind of A, kind of B, pops, pushes, flow, iterator effect, meaning)
//
// pops / pushes: values taken from and left on the value stack when the instruction falls through
// to the next one. Negative pop counts are read from an operand: kPopA (A values), kPopB (B values),
// kPop2B (2*B values). A jump taken leaves the stack as falling through would, except for
// Flow::BranchKeep, whose popped values stay when it jumps.
//
// Notes:
// - Jump targets are absolute code offsets in B (OperandKind::Target).
// - Kleene logic: `and`/`or` are JUMP_IF_*_KEEP followed by the right operand and AND/OR, which
//   combine two operands of which the left is known not to decide the result alone.
// - Iteration keeps its state (domain, position, accumulator) on the VM's iterator stack, not on
//   the value stack: ITER_START pushes an iterator, QUANT_END / COMPR_END pop it (IterEffect).
// - Every opcode that can fail at run time has a span in Program::spans for the error message.
// - An entry or function starts with an empty stack and reaches every RETURN with one value.
// - Order matters: LT..GE and ADD..MOD are contiguous (vm/operators.cpp indexes names by them).
// - No opcode exists for explanations: a vm::EvalListener learns values from Program::sites
//   (vm/listener.h), so the code is the same whether or not anyone listens.
#pragma once

#include <cstdint>

// clang-format off
#define EDICT_OPCODES(X)                                                                                  \
  X(CONST,        None,     Const,    0, 1, Next,   None, "push K[B]")                                   \
  X(SELF,         None,     None,     0, 1, Next,   None, "push the resource under evaluation")          \
  X(LOAD,         Slot,     None,     0, 1, Next,   None, "push local A")                                \
  X(POP,          None,     None,     1, 0, Next,   None, "drop the top value")                          \
  X(ATTR,         Path,     Symbol,   1, 1, Next,   None, "o -- o.B: member B of o (attributes for resources); null when absent; S[A] is the display path recorded when it is unknown") \
  X(META,         Meta,     None,     1, 1, Next,   None, "r -- r.@A: resource metadata field A (address, type, ...)") \
  X(INDEX,        None,     None,     2, 1, Next,   None, "o i -- o[i] for lists (number) and objects (string); null when out of range") \
  X(NOT,          None,     None,     1, 1, Next,   None, "a -- not a (Kleene)")                         \
  X(NEG,          None,     None,     1, 1, Next,   None, "a -- -a")                                     \
  X(ADD,          None,     None,     2, 1, Next,   None, "a b -- a + b: numbers, string or list concatenation") \
  X(SUB,          None,     None,     2, 1, Next,   None, "a b -- a - b")                                \
  X(MUL,          None,     None,     2, 1, Next,   None, "a b -- a * b")                                \
  X(DIV,          None,     None,     2, 1, Next,   None, "a b -- a / b (error on division by zero)")    \
  X(MOD,          None,     None,     2, 1, Next,   None, "a b -- a % b (error on zero)")                \
  X(EQ,           None,     None,     2, 1, Next,   None, "a b -- a == b (vm::equals: unknown when an unknown could decide it)") \
  X(NE,           None,     None,     2, 1, Next,   None, "a b -- a != b")                               \
  X(LT,           None,     None,     2, 1, Next,   None, "a b -- a < b for numbers or strings; null when either is null") \
  X(LE,           None,     None,     2, 1, Next,   None, "a b -- a <= b")                               \
  X(GT,           None,     None,     2, 1, Next,   None, "a b -- a > b")                                \
  X(GE,           None,     None,     2, 1, Next,   None, "a b -- a >= b")                               \
  X(IN,           None,     None,     2, 1, Next,   None, "a b -- a in b: list element (vm::member), object key or substring") \
  X(AND,          None,     None,     2, 1, Next,   None, "a b -- Kleene and of a (true or unknown) and b") \
  X(OR,           None,     None,     2, 1, Next,   None, "a b -- Kleene or of a (false, null or unknown) and b") \
  X(JUMP,         None,     Target,   0, 0, Goto,   None, "continue at B")                               \
  X(JUMP_IF_FALSE_KEEP,   None, Target, 1, 1, Branch, None, "a -- a: and: if a is false or null, jump to B leaving false") \
  X(JUMP_IF_TRUE_KEEP,    None, Target, 1, 1, Branch, None, "a -- a: or: if a is true, jump to B leaving a") \
  X(JUMP_IF_NONNULL_KEEP, None, Target, 1, 0, BranchKeep, None, "a -- (a when jumping): ??: if a is not null jump to B leaving a, else pop it") \
  X(JUMP_IF_UNKNOWN_KEEP, None, Target, 1, 1, Branch, None, "c -- c: if: when c is unknown jump to B leaving it as the result") \
  X(JUMP_IF_NOT_TRUE,     None, Target, 1, 0, Branch, None, "c --: if: jump to B when c is false or null (error if not bool)") \
  X(CALL,         Argc,     Function, kPopA, 1, Next, None, "a1..aA -- v: call user function B with A arguments") \
  X(BUILTIN,      Argc,     Builtin,  kPopA, 1, Next, None, "a1..aA -- v: call builtin B with A arguments") \
  X(RETURN,       None,     None,     1, 0, Return, None, "v --: return v from the current function or entry") \
  X(RESOURCES,    ResMode,  Type,     0, 1, Next,   None, "-- list: resources of type S[B] (A: managed or data)") \
  X(REFERRERS,    Type,     Symbol,   1, 1, Next,   None, "t -- list: resources of type S[A] whose attribute path B refers to resource t (hash index)") \
  X(REFERENCED,   Type,     Symbol,   1, 1, Next,   None, "s -- list: resources of type S[A] that attribute path B of resource s refers to (all of them when unknown and unresolved)") \
  X(REFERS,       Path,     Symbol,   2, 1, Next,   None, "s t -- r: whether attribute path B of resource s refers to t (edge, or equal identity value)") \
  X(ITER_START,   IterShape, None,    1, 0, Next,   Push, "d --: push an iterator over d (A: bind values, or index/key and value)") \
  X(ITER_NEXT,    Slot,     Target,   0, 0, Branch, Use,  "bind the next element to local A (and A+1 for pairs), or jump to B when done") \
  X(QUANT_STEP,   Quant,    Target,   1, 0, Branch, Use,  "b --: fold body result b into quantifier A's accumulator; jump to B when decided") \
  X(QUANT_END,    Quant,    None,     0, 1, Next,   Pop,  "-- r: pop the iterator and push quantifier A's result") \
  X(COMPR_TEST,   None,     Target,   1, 0, Branch, Use,  "c --: comprehension filter: when c is not true jump to B (unknown marks the result unknown)") \
  X(COMPR_PUSH,   None,     None,     1, 0, Next,   Use,  "v --: append v to the comprehension result") \
  X(COMPR_END,    None,     None,     0, 1, Next,   Pop,  "-- list: pop the iterator and push the collected list") \
  X(MAKE_LIST,    None,     Count,    kPopB, 1, Next, None, "v1..vB -- l: build a list of B values")     \
  X(MAKE_OBJECT,  None,     Count,    kPop2B, 1, Next, None, "k1 v1..kB vB -- o: build an object of B key/value pairs") \
  X(TEMPLATE,     None,     Count,    kPopB, 1, Next, None, "p1..pB -- s: concatenate B parts (strings as is, others as JSON)")
// clang-format on

namespace edict::bytecode {

enum class OpCode : uint8_t {
#define EDICT_OP_ENUM(name, a, b, pops, pushes, flow, iter, meaning) name,
  EDICT_OPCODES(EDICT_OP_ENUM)
#undef EDICT_OP_ENUM
};

// What an operand means, so that printing and range checks are table-driven.
enum class OperandKind : uint8_t {
  None,
  Const,      // index into Program::constants
  Slot,       // local variable of the running entry or function
  Path,       // index into Program::strings: the source text shown for an unknown
  Symbol,     // an interned attribute name or dotted path (vm/value.h)
  Meta,       // a MetaField
  Target,     // a code offset
  Argc,       // number of arguments on the stack
  Function,   // index into Program::functions
  Builtin,    // index into stdlib::builtins()
  ResMode,    // a ResourceMode
  Type,       // index into Program::strings: a resource type name
  IterShape,  // an IterShape
  Quant,      // a Quant
  Count,      // number of values (or key/value pairs) on the stack
};

// How control leaves an instruction: jumps are the opcodes with Goto, Branch or BranchKeep, whose
// B operand (OperandKind::Target) is where they may continue.
enum class Flow : uint8_t {
  Next,        // to the next instruction
  Goto,        // to B only
  Branch,      // to B or the next instruction
  BranchKeep,  // the same, and the popped values stay on the stack when it jumps
  Return,      // out of the entry or function
};

// What an instruction does to the iterator stack.
enum class IterEffect : uint8_t { None, Push, Use, Pop };

// Pop counts read from an operand (see the table's header).
inline constexpr int kPopA = -1;
inline constexpr int kPopB = -2;
inline constexpr int kPop2B = -3;

// Typed operands: what the bare 16-bit A means for the opcodes that take these kinds.
enum class Quant : uint16_t { All, Some, None, Count };           // QUANT_STEP, QUANT_END
enum class ResourceMode : uint16_t { Managed, Data };             // RESOURCES
enum class IterShape : uint16_t { Values, Pairs };                // ITER_START
const char* quant_name(Quant q);

struct OpInfo {
  const char* name;
  OperandKind a, b;
  int pops, pushes;
  Flow flow;
  IterEffect iter;
  const char* meaning;
};

const OpInfo& op_info(OpCode op);
// The number of opcodes in the table.
inline constexpr int kOpCount = 0
#define EDICT_OP_COUNT(name, a, b, pops, pushes, flow, iter, meaning) +1
    EDICT_OPCODES(EDICT_OP_COUNT)
#undef EDICT_OP_COUNT
    ;

}  // namespace edict::bytecode

// The opcode table, defined once. The enum, the name table, the disassembler and the dispatch
// table are all expansions of EDICT_OPCODES. Each instruction has two operands: A (16 bits) and
// B (32 bits); "-" means unused.
//
// X(NAME, operand A, operand B, stack effect, meaning)
//
// Notes:
// - Jump targets are absolute code offsets in B.
// - Kleene logic: `and`/`or` are JUMP_IF_*_KEEP followed by the right operand and AND/OR, which
//   combine two operands of which the left is known not to decide the result alone.
// - Iteration keeps its state (domain, position, accumulator) on the VM's iterator stack, not on
//   the value stack: ITER_START pushes an iterator, QUANT_END / COMPR_END pop it.
// - Every opcode that can fail at run time has a span in Program::spans for the error message.
// - No opcode exists for explanations: a vm::EvalListener learns values from Program::sites
//   (vm/listener.h), so the code is the same whether or not anyone listens.
#pragma once

// clang-format off
#define EDICT_OPCODES(X)                                                                                  \
  X(CONST,        "k",      "-",      "-- v",          "push K[B]")                                     \
  X(SELF,         "-",      "-",      "-- r",          "push the resource under evaluation")            \
  X(LOAD,         "slot",   "-",      "-- v",          "push local A")                                  \
  X(STORE,        "slot",   "-",      "v --",          "pop into local A")                              \
  X(POP,          "-",      "-",      "v --",          "drop the top value")                            \
  X(ATTR,         "path",   "sym",    "o -- v",        "member B of o (attributes for resources); null when absent; A names the display path recorded when v is unknown") \
  X(META,         "field",  "-",      "r -- v",        "resource metadata field A (address, type, ...)") \
  X(INDEX,        "-",      "-",      "o i -- v",      "o[i] for lists (number) and objects (string); null when out of range") \
  X(NOT,          "-",      "-",      "a -- r",        "Kleene not")                                    \
  X(NEG,          "-",      "-",      "a -- r",        "arithmetic negation")                           \
  X(ADD,          "-",      "-",      "a b -- r",      "a + b: numbers, string or list concatenation")  \
  X(SUB,          "-",      "-",      "a b -- r",      "a - b")                                         \
  X(MUL,          "-",      "-",      "a b -- r",      "a * b")                                         \
  X(DIV,          "-",      "-",      "a b -- r",      "a / b (error on division by zero)")             \
  X(MOD,          "-",      "-",      "a b -- r",      "a % b (error on zero)")                         \
  X(EQ,           "-",      "-",      "a b -- r",      "a == b; unknown if either is unknown")          \
  X(NE,           "-",      "-",      "a b -- r",      "a != b")                                        \
  X(LT,           "-",      "-",      "a b -- r",      "a < b for numbers or strings; null when either is null") \
  X(LE,           "-",      "-",      "a b -- r",      "a <= b")                                        \
  X(GT,           "-",      "-",      "a b -- r",      "a > b")                                         \
  X(GE,           "-",      "-",      "a b -- r",      "a >= b")                                        \
  X(IN,           "-",      "-",      "a b -- r",      "a in b: list element, object key or substring") \
  X(AND,          "-",      "-",      "a b -- r",      "Kleene and of a (true or unknown) and b")       \
  X(OR,           "-",      "-",      "a b -- r",      "Kleene or of a (false, null or unknown) and b") \
  X(JUMP,         "-",      "target", "--",            "continue at B")                                 \
  X(JUMP_IF_FALSE_KEEP, "-", "target", "a -- a",       "and: if a is false or null, jump to B leaving a (as false)") \
  X(JUMP_IF_TRUE_KEEP,  "-", "target", "a -- a",       "or: if a is true, jump to B leaving a")        \
  X(JUMP_IF_NONNULL_KEEP, "-", "target", "a -- a | --", "??: if a is not null jump to B leaving a, else pop it") \
  X(JUMP_IF_UNKNOWN_KEEP, "-", "target", "c -- c | c", "if: when c is unknown jump to B leaving it as the result") \
  X(JUMP_IF_NOT_TRUE, "-",  "target", "c --",          "if: pop c; jump to B when false or null (error if not bool)") \
  X(CALL,         "argc",   "fn",     "args -- v",     "call user function B with A arguments")         \
  X(BUILTIN,      "argc",   "id",     "args -- v",     "call builtin B with A arguments")               \
  X(RETURN,       "-",      "-",      "v --",          "return v from the current function or entry")   \
  X(RESOURCES,    "mode",   "type",   "-- list",       "resources of type S[B] (A: 0 managed, 1 data)") \
  X(REFERRERS,    "type",   "sym",    "t -- list",     "resources of type S[A] whose attribute path B refers to resource t (hash index)") \
  X(REFERENCED,   "type",   "sym",    "s -- list",     "resources of type S[A] that attribute path B of resource s refers to (all of them when unknown and unresolved)") \
  X(REFERS,       "path",   "sym",    "s t -- r",      "whether attribute path B of resource s refers to t (edge, or equal identity value)") \
  X(ITER_START,   "pairs",  "-",      "d --",          "push an iterator over d (A=1: bind index/key and value)") \
  X(ITER_NEXT,    "slot",   "target", "--",            "bind the next element to local A (and A+1), or jump to B when done") \
  X(QUANT_STEP,   "quant",  "target", "b --",          "fold body result b into the accumulator; jump to B when decided") \
  X(QUANT_END,    "quant",  "-",      "-- r",          "pop the iterator and push the quantifier's result") \
  X(COMPR_TEST,   "-",      "target", "c --",          "comprehension filter: when c is not true jump to B (unknown marks the result unknown)") \
  X(COMPR_PUSH,   "-",      "-",      "v --",          "append v to the comprehension result")          \
  X(COMPR_END,    "-",      "-",      "-- list",       "pop the iterator and push the collected list")  \
  X(MAKE_LIST,    "-",      "n",      "v1..vn -- l",   "build a list of B values")                      \
  X(MAKE_OBJECT,  "-",      "n",      "k1 v1..kn vn -- o", "build an object of B key/value pairs")      \
  X(TEMPLATE,     "-",      "n",      "p1..pn -- s",   "concatenate B parts (strings as is, others as JSON)")
// clang-format on

namespace edict::bytecode {

enum class OpCode : uint8_t {
#define EDICT_OP_ENUM(name, a, b, effect, meaning) name,
  EDICT_OPCODES(EDICT_OP_ENUM)
#undef EDICT_OP_ENUM
};

struct OpInfo {
  const char* name;
  const char* operand_a;
  const char* operand_b;
  const char* effect;
  const char* meaning;
};

const OpInfo& op_info(OpCode op);

}  // namespace edict::bytecode

// The bytecode verifier: checks a bytecode::Program against the opcode table (vm/opcodes.h) and
// computes its max stack. The compiler runs it after every compile; problems are fatal in debug
// builds and whenever EDICT_VERIFY=1 (every ctest test sets it), ignored otherwise.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "vm/bytecode.h"

namespace edict::bytecode {

struct VerifyProblem {
  uint32_t pc = 0;
  std::string message;
};

struct VerifyResult {
  std::vector<VerifyProblem> problems;
  uint32_t max_stack = 0;  // the deepest value stack of any entry, calls included
  uint32_t checked = 0;    // instructions reached from some entry or function
  bool ok() const { return problems.empty(); }
};

// Checks every function and every entry of every rule (and `extra` entries, such as the one
// compiler::compile_expression returns): starting from an empty stack, the stack depth never goes
// negative, is the same whichever way an instruction is reached and is one at each RETURN; the
// iterator stack is balanced likewise; every jump lands on an instruction of its own entry; every
// operand is in range (constants, strings, locals, functions and their arity, builtins and their
// arity, metadata fields, quantifier kinds, trace nodes); calls are not recursive.
VerifyResult verify(const Program& p, std::span<const Entry> extra = {});

// Whether problems are fatal: debug builds, or the environment variable EDICT_VERIFY=1.
bool verify_enabled();

// A compiler bug: the compiler made bytecode the verifier rejects.
struct VerifyError : std::logic_error {
  using std::logic_error::logic_error;
};

// Runs verify(), stores max_stack in `p`, and throws VerifyError when there are problems and
// verify_enabled().
void verify_or_throw(Program& p, std::span<const Entry> extra = {});

}  // namespace edict::bytecode

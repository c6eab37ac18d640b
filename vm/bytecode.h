// bytecode::Program: what the compiler (compiler/compiler.h) makes and the VM (vm/interpreter.h)
// runs. Code is one flat vector; rules, asserts, guards, messages and explanations are entry
// points into it, each ending in RETURN. A span table parallel to the code locates errors.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lang/source.h"
#include "vm/opcodes.h"
#include "vm/value.h"

namespace edict::bytecode {

// Resource metadata readable with `@field`.
enum class MetaField : uint8_t { Address, Type, Name, Module, Index, Source, Action, Mode, File };
inline constexpr uint16_t kMetaFieldCount = 9;

// One instruction; what A and B mean is the opcode's OperandKind (vm/opcodes.h). The typed
// accessors read the operand kinds that are enums.
struct Instr {
  OpCode op;
  uint16_t a = 0;
  uint32_t b = 0;

  Quant quant() const { return static_cast<Quant>(a); }
  MetaField meta() const { return static_cast<MetaField>(a); }
  ResourceMode mode() const { return static_cast<ResourceMode>(a); }
  IterShape shape() const { return static_cast<IterShape>(a); }
};

// An enum operand as the A field it is stored in.
template <class E>
constexpr uint16_t operand(E e) {
  return static_cast<uint16_t>(e);
}
const char* meta_field_name(MetaField f);
bool meta_field_from_name(std::string_view name, MetaField& out);

// A code sequence that leaves one value and returns. `locals` slots are reserved for it.
// Entries and functions never share code: each is a contiguous run ending in RETURN.
struct Entry {
  uint32_t pc = 0;
  uint16_t locals = 0;
};

struct Function {
  std::string name;  // qualified: package.name
  uint32_t pc = 0;
  uint16_t params = 0;
  uint16_t locals = 0;  // including params
  lang::Span span;
};

// How to explain a failing boolean expression (see engine/explain.h). A tree mirroring the
// assert's top-level and/or/not/comparison/quantifier structure.
struct Explain {
  enum class Kind : uint8_t { Other, And, Or, Not, Compare, Quantifier } kind = Kind::Other;
  std::string text;  // the expression's source text
  lang::Span span;
  Entry value;       // evaluates the whole node
  Entry lhs, rhs;    // Compare: the two operands
  std::string lhs_text, rhs_text;
  bool lhs_literal = false;  // Compare: the left operand is a literal (`"::/0" in cidrs`)
  std::string op;    // Compare: "==", "in", ...; Quantifier: "all", "some", "none", "count"
  std::vector<Explain> kids;
};

// Tracing builds only (compiler::CompileOptions::trace): the expressions whose values TRACE
// instructions record, so that engine/trace.h can show each value next to its source text.
struct TraceNode {
  enum class Kind : uint8_t {
    Expr,           // an expression (a guard's or assert's root has parent -1)
    Quantifier,     // all/some/none/count: the domain, then per element a Binding and the body
    Comprehension,  // [E for x in D if C]: the domain, then per element a Binding, C and E
    Binding,        // the element bound by one iteration of its parent
    DefBody,        // the body of def `function`; parent -1, attached to the call that ran it
  } kind = Kind::Expr;
  lang::Span span;
  int32_t parent = -1;    // the enclosing traced expression
  int32_t function = -1;  // DefBody: its def; Expr calling a def: the callee (Program::functions)
  bool join = false;      // a quantifier's domain found through the reference index (REFERRERS)
  bool flatten = false;   // an and/or directly inside the same operator: shown as its operands
  bool variable = false;  // a variable or `self`, whose value shows where it was bound
  std::string label;      // Binding: the names ("r", "k, v"); Quantifier: all/some/none/count;
                          // DefBody: the signature ("covers(r, port)")
};

struct Assert {
  Entry entry;
  lang::Span span;
  std::string text;     // source text of the asserted expression
  bool has_message = false;
  Entry message;        // `assert ... else "template"`
  Explain explain;
};

struct Rule {
  std::string id;
  std::string package;
  std::string title, severity, category, remediation;
  bool default_severity = false;  // no `severity` clause: `severity` is "medium"
  std::vector<std::string> controls;
  std::vector<std::string> types;
  std::string doc;  // the doc comment above the rule (lang::RuleDecl::doc)
  bool data_sources = false;
  bool has_guard = false;
  Entry guard;
  std::vector<Assert> asserts;
  bool has_message = false;
  Entry message;
  lang::Span span;
  std::string file;
};

struct Program {
  std::vector<Instr> code;
  std::vector<lang::Span> spans;      // parallel to code
  std::vector<Value> constants;       // K
  std::vector<std::string> strings;   // S: type names and display paths
  std::vector<Function> functions;
  std::vector<Rule> rules;
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();  // constant storage
  std::shared_ptr<const lang::SourceManager> sources;
  std::vector<TraceNode> trace_nodes;  // empty unless compiled with CompileOptions::trace
  bool traced = false;                 // compiled with CompileOptions::trace
  // The deepest the value stack gets in any entry, calls included (vm/verify.h computes it).
  uint32_t max_stack = 0;

  uint32_t add_string(std::string s);
  uint32_t add_constant(Value v);
  const Rule* find_rule(std::string_view id) const;
};

// One entry of a rule, named for listings: "when", "assert #1 TEXT", "explain #1: TEXT", ... The
// one list of a rule's entries that the verifier and the disassembler walk.
struct EntryRef {
  const Rule* rule = nullptr;
  std::string label;
  Entry entry;
};
std::vector<EntryRef> entries(const Program& p);
std::vector<EntryRef> entries(const Rule& r);

// Human-readable listing: every instruction of the program exactly once, in code order, with its
// source span, under a heading for each function, rule and entry (vm/disasm.cpp).
std::string disassemble(const Program& p);
// One rule's code (guard, asserts, messages, explanations) and the functions it calls.
std::string disassemble_rule(const Program& p, const Rule& r);

}  // namespace edict::bytecode

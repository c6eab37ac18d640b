// bytecode::Program: what the compiler (compiler/compiler.h) makes and the VM (vm/interpreter.h)
// runs. Code is one flat vector; rules, asserts, guards, messages and explanations are entry
// points into it, each ending in RETURN. A span table parallel to the code locates errors.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/source.h"
#include "vm/opcodes.h"
#include "vm/value.h"

namespace edict::bytecode {

struct Instr {
  OpCode op;
  uint16_t a = 0;
  uint32_t b = 0;
};

// Resource metadata readable with `@field`.
enum class MetaField : uint8_t { Address, Type, Name, Module, Index, Source, Action, Mode, File };
const char* meta_field_name(MetaField f);
bool meta_field_from_name(std::string_view name, MetaField& out);

// A code sequence that leaves one value and returns. `locals` slots are reserved for it.
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

  // Both de-duplicate through a hash index (below), so compiling many rules stays linear.
  uint32_t add_string(std::string s);
  uint32_t add_constant(Value v);
  std::unordered_map<std::string, uint32_t> string_index;    // strings[i] -> i
  std::unordered_map<std::string, uint32_t> constant_index;  // scalar constant's key -> index
  const Rule* find_rule(std::string_view id) const;
};

// Human-readable listing of the whole program or one rule's entries.
std::string disassemble(const Program& p);
std::string disassemble_rule(const Program& p, const Rule& r);

}  // namespace edict::bytecode

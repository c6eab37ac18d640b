// bytecode::Program: what the compiler (compiler/compiler.h) makes and the VM (vm/interpreter.h)
// runs. Code is one flat vector; rules, asserts, guards and messages are entry points into it,
// each ending in RETURN. A span table parallel to the code locates errors; a node table and a site
// table map values back to the expressions they belong to, for explanations (vm/listener.h).
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
  uint32_t node = 0;  // the expression it evaluates (a key of Program::nodes); 0 for messages
};

struct Function {
  std::string name;  // qualified: package.name
  uint32_t pc = 0;
  uint16_t params = 0;
  uint16_t locals = 0;  // including params
  lang::Span span;
};

// One expression of a guard, an assert or a def body, keyed by its AST node id (lang::Expr::id):
// what explanations need to know about it besides its value (which a vm::EvalListener receives).
struct ExprNode {
  enum class Kind : uint8_t {
    Other,
    And, Or, Not,   // `a and b`, `a or b`, `not a`
    Compare,        // ==, !=, <, <=, >, >=, in, not in (`op`)
    Quantifier,     // all/some/none/count (`op`): kids {domain, body}, bound names `vars`
    Comprehension,  // [E for x in D if C]: kids {D, E, C?}, bound names `vars`
  } kind = Kind::Other;
  lang::Span span;
  uint32_t parent = 0;         // the enclosing expression's node; 0 for a root (guard, assert, def body)
  std::vector<uint32_t> kids;  // operand nodes, in source order
  uint32_t begin = 0, end = 0; // its code: running [begin, end) leaves its value on the stack
  int32_t def = -1;            // a def body's root: that def (Program::functions)
  int32_t callee = -1;         // a call of a def (not a def body's root): the def it calls
  std::string op;              // Compare: "==", "in", ...; Quantifier: "all", "some", "none", "count"
  std::string vars;            // Quantifier, Comprehension: the bound names ("r", "k, v")
  std::string label;           // a def body's root: the def's signature ("covers(r, port)")
  bool folded = false;         // a constant the compiler folded: its code is one CONST
  bool join = false;           // a quantifier's domain found through the reference index (REFERRERS)
  bool flatten = false;        // an and/or directly inside the same operator: shown as its operands
  bool variable = false;       // a variable or `self`, whose value shows where it was bound
};

// Where a listener learns a value (vm/listener.h): when the instruction at a pc completes (falls
// through; a CALL when its callee returns), when its jump is taken, or, at ITER_NEXT, the binding
// of an iteration. The nodes of one pc and event are listed innermost first.
struct ValueSite {
  enum class When : uint8_t { Done, Taken, Bind } when = When::Done;
  uint32_t node = 0;
};

struct Assert {
  Entry entry;
  lang::Span span;
  std::string text;     // source text of the asserted expression
  bool has_message = false;
  Entry message;        // `assert ... else "template"`
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
  // Explanations only: read while a vm::EvalListener is attached, never by ordinary evaluation.
  std::unordered_map<uint32_t, ExprNode> nodes;  // by AST node id
  std::vector<ValueSite> sites;                  // grouped by pc, in pc order
  std::vector<uint32_t> site_begin;              // the sites of pc are [site_begin[pc], site_begin[pc + 1])
  // The deepest the value stack gets in any entry, calls included (vm/verify.h computes it).
  uint32_t max_stack = 0;

  // Both de-duplicate through a hash index (below), so compiling many rules stays linear.
  uint32_t add_string(std::string s);
  uint32_t add_constant(Value v);
  std::unordered_map<std::string, uint32_t> string_index;    // strings[i] -> i
  std::unordered_map<std::string, uint32_t> constant_index;  // scalar constant's key -> index
  const Rule* find_rule(std::string_view id) const;
  const ExprNode* node(uint32_t id) const;  // null when `id` is not in the table
};

// One entry of a rule, named for listings: "when", "assert #1 TEXT", "assert #1 message", ... The
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

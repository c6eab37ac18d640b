// State shared by the compiler passes: the modules, the symbol tables built by resolve, and the
// side tables keyed by expression id that check, fold and lower read. Internal to compiler/.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/diagnostics.h"
#include "vm/bytecode.h"

namespace edict::compiler::internal {

// What a Name expression means.
struct NameRes {
  enum class Kind { Local, Attr } kind = Kind::Attr;
  uint16_t slot = 0;  // Local
  Symbol sym = 0;     // Attr: an attribute of self
};

// What a Call expression calls.
struct CallRes {
  enum class Kind { Def, Builtin, Resources, Data } kind = Kind::Builtin;
  uint32_t index = 0;  // Def: function index; Builtin: builtins() index
  std::string type;    // Resources / Data
};

struct DefInfo {
  const lang::DefDecl* decl = nullptr;
  const lang::Module* module = nullptr;
  std::string qualified;
  uint16_t locals = 0;
  std::vector<uint32_t> calls;  // defs it calls (for the recursion check)
};

struct RuleInfo {
  const lang::RuleDecl* decl = nullptr;
  const lang::Module* module = nullptr;
  std::unordered_map<const lang::Expr*, uint16_t> entry_locals;  // root expr -> local slots needed
};

struct Context {
  std::shared_ptr<lang::SourceManager> sources;
  lang::DiagnosticSink* sink = nullptr;
  std::vector<lang::Module> modules;
  std::vector<DefInfo> defs;
  std::vector<RuleInfo> rules;
  // package -> def name -> index into defs
  std::map<std::string, std::map<std::string, uint32_t>> packages;

  // Side tables keyed by Expr::id.
  std::unordered_map<uint32_t, NameRes> names;
  std::unordered_map<uint32_t, CallRes> calls;
  std::unordered_map<uint32_t, uint16_t> binding_slots;  // Quantifier / Comprehension -> first slot
  std::unordered_map<uint32_t, Value> folded;            // constant expressions

  double max_cost = 0;  // CompileOptions::max_cost
  // The cost pass's estimate per rule (rule id, steps per resource), in rule order.
  std::vector<std::pair<std::string, double>> rule_costs;

  // Extra entries for `edict eval` (compile_expression).
  const lang::Expr* eval_expr = nullptr;
  uint16_t eval_locals = 0;

  std::unique_ptr<bytecode::Program> program;
  bytecode::Entry eval_entry;

  void error(lang::Code code, lang::Span span, std::string message, std::vector<lang::Note> notes = {}) {
    sink->report(code, span, std::move(message), std::move(notes));
  }
  std::string text(const lang::Span& span) const { return std::string(sources->text(span)); }
};

// The passes (compiler/*.cpp). Each reads and writes the Context.
void run_parse(Context& cx);
void run_resolve(Context& cx);
void run_check(Context& cx);
// Above this estimated cost a rule gets a warning (E0309); CompileOptions::max_cost overrides it.
constexpr double kCostWarning = 1e9;
void run_cost(Context& cx);
void run_fold(Context& cx);
void run_lower(Context& cx);

// Calls f on e and every expression below it (pre-order).
template <class F>
void walk(const lang::Expr& e, F&& f) {
  f(e);
  for (const auto& k : e.kids) {
    if (k) walk(*k, f);
  }
}

// Fills program->nodes with every expression of guards, asserts and def bodies (node_table.cpp),
// all but their code ranges, which lowering sets.
void build_node_table(Context& cx);

// AWS resource types known by name (known_types.cpp), for "did you mean" on misspelt types.
const std::vector<std::string>& known_resource_types();

// Severity names in order, lowest first.
const std::vector<std::string>& severities();

}  // namespace edict::compiler::internal

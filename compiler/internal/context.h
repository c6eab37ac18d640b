// State shared by the compiler passes: the checking passes fill in a CheckedProgram
// (compiler/checked.h); lower reads it. Internal to compiler/.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/checked.h"
#include "lang/ast.h"
#include "lang/diagnostics.h"
#include "vm/bytecode.h"

namespace edict::compiler::internal {

using compiler::CallRes;
using compiler::DefInfo;
using compiler::NameRes;
using compiler::RuleInfo;

// State of the checking passes (resolve, check, cost, fold): the CheckedProgram they fill in,
// and where their diagnostics go. compiler::check hands the CheckedProgram part on.
struct CheckContext : CheckedProgram {
  lang::DiagnosticSink* sink = nullptr;
  double max_cost = 0;  // CompileOptions::max_cost
  const lang::Expr* eval_expr = nullptr;  // `expression`, when checking one for `edict eval`

  void error(lang::Code code, lang::Span span, std::string message, std::vector<lang::Note> notes = {}) {
    sink->report(code, span, std::move(message), std::move(notes));
  }
};

// State of the lower pass: a read-only view of a CheckedProgram and the Program being built.
// Folded constants are copied into the Program's own arena, so the Program outlives the
// CheckedProgram it came from.
struct Context {
  explicit Context(const CheckedProgram& c);

  const CheckedProgram& checked;
  const std::shared_ptr<const lang::SourceManager>& sources;
  const std::vector<DefInfo>& defs;
  const std::vector<RuleInfo>& rules;
  const std::unordered_map<uint32_t, NameRes>& names;
  const std::unordered_map<uint32_t, CallRes>& calls;
  const std::unordered_map<uint32_t, uint16_t>& binding_slots;
  std::unordered_map<uint32_t, Value> folded;  // checked.folded, in program->arena


  // The extra entry for `edict eval` (compile_expression).
  const lang::Expr* eval_expr = nullptr;
  uint16_t eval_locals = 0;

  std::unique_ptr<bytecode::Program> program;
  bytecode::Entry eval_entry;

  std::string text(const lang::Span& span) const { return checked.text(span); }
};

// The passes (compiler/*.cpp): the checking passes write their context, lower reads its view.
void run_resolve(CheckContext& cx);
void run_check(CheckContext& cx);
// Above this estimated cost a rule gets a warning (E0309); CompileOptions::max_cost overrides it.
constexpr double kCostWarning = 1e9;
void run_cost(CheckContext& cx);
void run_fold(CheckContext& cx);
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

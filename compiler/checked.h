// The checked program: what compiler::check makes of parsed modules (from any front end), and what
// compiler::lower, the rule history (history/fingerprint.cpp) and the REPL read instead of
// resolving names again. Analysis results are side tables keyed by lang::Expr::id, so the parsed
// and the checked AST are the same objects.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lang/ast.h"
#include "lang/diagnostics.h"
#include "lang/source.h"
#include "vm/value.h"

namespace edict::compiler {

// What a Name expression means.
struct NameRes {
  enum class Kind { Local, Attr } kind = Kind::Attr;
  uint16_t slot = 0;  // Local: the binding's slot, which is also its depth among the names in scope
  Symbol sym = 0;     // Attr: an attribute of self
};

// What a Call expression calls.
struct CallRes {
  // Resources / Data: a builtin whose `domain` (stdlib/builtins.h) is resources or data sources
  // of the type its one argument names; that argument is a type name, not an expression.
  enum class Kind { Def, Builtin, Resources, Data } kind = Kind::Builtin;
  uint32_t index = 0;  // Def: index into defs; the others: index into stdlib::builtins()
  std::string type;    // Resources / Data: the type named
};

struct DefInfo {
  const lang::DefDecl* decl = nullptr;
  const lang::Module* module = nullptr;
  std::string qualified;        // package.name, or name outside a package
  uint16_t locals = 0;          // local slots its body needs (parameters first)
  std::vector<uint32_t> calls;  // defs it calls, by index (for the recursion check and costs)
};

struct RuleInfo {
  const lang::RuleDecl* decl = nullptr;
  const lang::Module* module = nullptr;
  std::unordered_map<const lang::Expr*, uint16_t> entry_locals;  // root expr -> local slots needed
};

// The cost pass's static estimate of one evaluation of a rule on one resource.
struct RuleCost {
  std::string rule;  // rule id
  double steps = 0;
};

struct CheckedProgram {
  // The text every span points into; lower reads it for file paths and assert texts.
  std::shared_ptr<const lang::SourceManager> sources;
  // The modules, in the order given to check (the history hands over modules it parsed and
  // keeps, so they are shared; pointers below point into them and stay valid while they live).
  std::vector<std::shared_ptr<const lang::Module>> modules;
  // `edict eval`: one expression checked with the modules; bare names read attributes of self.
  lang::ExprPtr expression;
  uint16_t expression_locals = 0;

  // Symbols. Duplicates (already errors) are left out: the first definition wins.
  std::vector<DefInfo> defs;    // in module order
  std::vector<RuleInfo> rules;  // in module order
  std::map<std::string, std::map<std::string, uint32_t>> packages;  // package -> def name -> index

  // Side tables keyed by Expr::id. There is no type table: the checker only types literals.
  std::unordered_map<uint32_t, NameRes> names;
  std::unordered_map<uint32_t, CallRes> calls;
  std::unordered_map<uint32_t, uint16_t> binding_slots;  // Quantifier / Comprehension -> first slot
  std::unordered_map<uint32_t, Value> folded;            // constant expressions; values live in `arena`
  std::shared_ptr<Arena> arena = std::make_shared<Arena>();

  std::vector<RuleCost> costs;  // per rule, in rule order

  // The outcome: counts of what went to the sink during check (parse errors included when the
  // modules were parsed into the same sink). A program with errors is never lowered.
  size_t errors = 0;
  size_t warnings = 0;
  bool ok() const { return errors == 0; }

  std::string text(const lang::Span& span) const { return std::string(sources->text(span)); }
};

}  // namespace edict::compiler

// The cost pass: a static estimate, per rule, of the steps one evaluation takes on one resource.
// Quantifiers and comprehensions multiply their body's cost by their domain's estimated size, and
// a call costs its function's body, so nesting shows as a product (docs/language.md, "Limits").
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "compiler/internal/context.h"

namespace edict::compiler::internal {

using lang::Expr;
using lang::ExprKind;

namespace {

// Domains whose size the source does not show: attribute lists, function parameters, builtin
// results. Resources of a type: a plan's usual count of one type is well below this.
constexpr double kUnknownSize = 10;
constexpr double kResourcesSize = 100;
constexpr double kSaturate = 1e300;

double cap(double x) { return std::min(x, kSaturate); }

class CostModel {
 public:
  explicit CostModel(const CheckContext& cx) : cx_(cx) {}

  // Steps to evaluate e once.
  double cost(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Quantifier:
      case ExprKind::Comprehension: {
        const Expr* domain = e.kid(0);
        double per_item = 2;  // ITER_NEXT and the step or push
        for (size_t i = 1; i < e.kids.size(); ++i) {
          if (e.kids[i]) per_item += cost(*e.kids[i]);
        }
        return cap(2 + (domain ? cost(*domain) : 0) + (domain ? size(*domain) : 0) * per_item);
      }
      case ExprKind::Call: {
        double total = 1;
        for (const auto& k : e.kids) {
          if (k) total += cost(*k);
        }
        auto it = cx_.calls.find(e.id);
        if (it != cx_.calls.end() && it->second.kind == CallRes::Kind::Def) total += def_cost(it->second.index);
        return cap(total);
      }
      default: {
        double total = 1;
        for (const auto& k : e.kids) {
          if (k) total += cost(*k);
        }
        return cap(total);
      }
    }
  }

  // Estimated number of elements when e is iterated over.
  double size(const Expr& e) {
    switch (e.kind) {
      case ExprKind::List: return static_cast<double>(e.kids.size());
      case ExprKind::Object: return static_cast<double>(e.keys.size());
      case ExprKind::Comprehension: return e.kid(0) ? size(*e.kid(0)) : 0;
      case ExprKind::If: return std::max(e.kid(1) ? size(*e.kid(1)) : 0, e.kid(2) ? size(*e.kid(2)) : 0);
      case ExprKind::Binary:
        if (e.op == lang::Op::Add || e.op == lang::Op::Coalesce) {
          return cap((e.kid(0) ? size(*e.kid(0)) : 0) + (e.kid(1) ? size(*e.kid(1)) : 0));
        }
        return kUnknownSize;
      case ExprKind::Call: {
        auto it = cx_.calls.find(e.id);
        if (it == cx_.calls.end()) return kUnknownSize;
        switch (it->second.kind) {
          case CallRes::Kind::Resources:
          case CallRes::Kind::Data: return kResourcesSize;
          case CallRes::Kind::Def: return def_size(it->second.index);
          case CallRes::Kind::Builtin: return kUnknownSize;
        }
        return kUnknownSize;
      }
      default: return kUnknownSize;
    }
  }

  // Memoised per function; run_cost fills the table callees first, so that a chain of 200,000
  // definitions is not 200,000 nested C++ calls.
  // A recursive definition (already an E0205 error) counts as 1.
  double def_cost(uint32_t index) { return memo(index, def_costs_, [&](const Expr& body) { return cost(body); }); }
  double def_size(uint32_t index) { return memo(index, def_sizes_, [&](const Expr& body) { return size(body); }); }

 private:
  template <class F>
  double memo(uint32_t index, std::unordered_map<uint32_t, double>& table, F&& f) {
    auto it = table.find(index);
    if (it != table.end()) return it->second;
    if (index >= cx_.defs.size() || !cx_.defs[index].decl || !cx_.defs[index].decl->body) return 1;
    table[index] = 1;  // in progress
    double v = f(*cx_.defs[index].decl->body);
    table[index] = v;
    return v;
  }

  const CheckContext& cx_;
  std::unordered_map<uint32_t, double> def_costs_, def_sizes_;
};

std::string cost_text(double c) {
  char buf[32];
  if (c < 1e6) {
    std::snprintf(buf, sizeof buf, "%.0f", c);
  } else {
    std::snprintf(buf, sizeof buf, "%.1e", c);
  }
  return buf;
}

}  // namespace

void run_cost(CheckContext& cx) {
  CostModel model(cx);
  // Callees before callers: an iterative post-order walk over the call graph.
  std::vector<uint8_t> state(cx.defs.size(), 0);  // 0 new, 1 on the stack, 2 done
  for (uint32_t root = 0; root < cx.defs.size(); ++root) {
    if (state[root] != 0) continue;
    std::vector<std::pair<uint32_t, size_t>> stack{{root, 0}};
    state[root] = 1;
    while (!stack.empty()) {
      auto& [d, next] = stack.back();
      const std::vector<uint32_t>& callees = cx.defs[d].calls;
      if (next < callees.size()) {
        uint32_t c = callees[next++];
        if (c < state.size() && state[c] == 0) {
          state[c] = 1;
          stack.push_back({c, 0});
        }
        continue;
      }
      model.def_cost(d);
      model.def_size(d);
      state[d] = 2;
      stack.pop_back();
    }
  }
  double limit = cx.max_cost > 0 ? cx.max_cost : kCostWarning;
  for (const RuleInfo& r : cx.rules) {
    const lang::RuleDecl& d = *r.decl;
    double total = 0;
    if (d.when) total += model.cost(*d.when);
    for (const lang::Assert& a : d.asserts) {
      if (a.expr) total += model.cost(*a.expr);
    }
    total = cap(total);
    cx.costs.push_back({d.id, total});
    if (total <= limit) continue;
    lang::Diagnostic diag;
    diag.code = lang::Code::ExpensiveRule;
    diag.severity = cx.max_cost > 0 ? lang::Severity::Error : lang::Severity::Warning;
    diag.span = d.id_span;
    diag.message = "rule '" + d.id + "' may take about " + cost_text(total) + " steps per resource (" +
                   (cx.max_cost > 0 ? "--max-cost is " : "the warning threshold is ") + cost_text(limit) + ")";
    diag.notes.push_back({false, {}, "a quantifier or comprehension costs its body once per element, and a function its body at every call"});
    cx.sink->report(std::move(diag));
  }
}

}  // namespace edict::compiler::internal

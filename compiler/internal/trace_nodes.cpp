// Tracing builds: numbers every expression of the guards, asserts and def bodies as a
// bytecode::TraceNode with its static parent, so that recorded values map back to rule source.
#include "compiler/internal/context.h"

namespace edict::compiler::internal {

namespace {

using bytecode::TraceNode;
using lang::Expr;
using lang::ExprKind;

class NodeBuilder {
 public:
  NodeBuilder(const Context& cx, TraceIndex& index) : cx_(cx), p_(*cx.program), index_(index) {}

  // A root: a guard, an assert, or (with `function` set) the body of that def.
  void root(const Expr& e, int32_t function, std::string label) {
    uint32_t id = add(e, -1, nullptr);
    if (function >= 0) {
      p_.trace_nodes[id].kind = TraceNode::Kind::DefBody;
      p_.trace_nodes[id].function = function;
      p_.trace_nodes[id].label = std::move(label);
    }
    kids(e, id);
  }

 private:
  uint32_t add(const Expr& e, int32_t parent, const Expr* parent_expr) {
    TraceNode n;
    n.span = e.span;
    n.parent = parent;
    n.flatten = parent_expr != nullptr && e.kind == ExprKind::Binary &&
                (e.op == lang::Op::And || e.op == lang::Op::Or) && parent_expr->kind == ExprKind::Binary &&
                parent_expr->op == e.op;
    if (e.kind == ExprKind::Self) n.variable = true;
    if (e.kind == ExprKind::Name) {
      auto r = cx_.names.find(e.id);
      n.variable = r != cx_.names.end() && r->second.kind == NameRes::Kind::Local;
    }
    if (e.kind == ExprKind::Quantifier) {
      n.kind = TraceNode::Kind::Quantifier;
      n.label = lang::quant_text(e.quant);
    } else if (e.kind == ExprKind::Comprehension) {
      n.kind = TraceNode::Kind::Comprehension;
    } else if (e.kind == ExprKind::Call) {
      auto c = cx_.calls.find(e.id);
      if (c != cx_.calls.end() && c->second.kind == CallRes::Kind::Def)
        n.function = static_cast<int32_t>(c->second.index);
    }
    p_.trace_nodes.push_back(std::move(n));
    auto id = static_cast<uint32_t>(p_.trace_nodes.size() - 1);
    index_.nodes.emplace(e.id, id);
    return id;
  }

  void kids(const Expr& e, uint32_t id) {
    if (e.kind == ExprKind::Quantifier || e.kind == ExprKind::Comprehension) {
      // The binding sits between the domain and the body, as it is evaluated.
      if (e.kids[0]) kids(*e.kids[0], add(*e.kids[0], static_cast<int32_t>(id), &e));
      TraceNode b;
      b.kind = TraceNode::Kind::Binding;
      b.span = e.var_span;
      b.parent = static_cast<int32_t>(id);
      b.label = e.var2.empty() ? e.var : e.var + ", " + e.var2;
      p_.trace_nodes.push_back(std::move(b));
      index_.bindings.emplace(e.id, static_cast<uint32_t>(p_.trace_nodes.size() - 1));
      for (size_t i = 1; i < e.kids.size(); ++i) {
        if (e.kids[i]) kids(*e.kids[i], add(*e.kids[i], static_cast<int32_t>(id), &e));
      }
      return;
    }
    for (const auto& k : e.kids) {
      if (k) kids(*k, add(*k, static_cast<int32_t>(id), &e));
    }
  }

  const Context& cx_;
  bytecode::Program& p_;
  TraceIndex& index_;
};

}  // namespace

TraceIndex build_trace_nodes(const Context& cx) {
  TraceIndex index;
  NodeBuilder b(cx, index);
  for (size_t i = 0; i < cx.defs.size(); ++i) {
    const lang::DefDecl& d = *cx.defs[i].decl;
    if (!d.body) continue;
    std::string sig = d.name + "(";
    for (size_t k = 0; k < d.params.size(); ++k) sig += (k ? ", " : "") + d.params[k].name;
    b.root(*d.body, static_cast<int32_t>(i), sig + ")");
  }
  for (const RuleInfo& r : cx.rules) {
    if (r.decl->when) b.root(*r.decl->when, -1, {});
    for (const lang::Assert& a : r.decl->asserts) {
      if (a.expr) b.root(*a.expr, -1, {});
    }
  }
  return index;
}

}  // namespace edict::compiler::internal

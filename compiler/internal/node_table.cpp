// The node table: every expression of the guards, asserts and def bodies as a bytecode::ExprNode
// keyed by its AST node id, with its static parent and operands, so that the values a listener
// receives (vm/listener.h) map back to rule source and to the shape explanations walk.
#include "compiler/internal/context.h"

namespace edict::compiler::internal {

namespace {

using bytecode::ExprNode;
using lang::Expr;
using lang::ExprKind;
using lang::Op;

class NodeBuilder {
 public:
  explicit NodeBuilder(Context& cx) : cx_(cx), nodes_(cx.program->nodes) {}

  // A root: a guard, an assert, or (with `def` set) the body of that def.
  void root(const Expr& e, int32_t def, std::string label) {
    ExprNode& n = add(e, nullptr);
    if (def >= 0) {
      n.def = def;
      n.callee = -1;  // a def body's root is attached by its def, not by what it calls
      n.label = std::move(label);
    }
  }

 private:
  ExprNode& add(const Expr& e, const Expr* parent) {
    ExprNode n;
    n.span = e.span;
    n.parent = parent ? parent->id : 0;
    n.folded = cx_.folded.count(e.id) > 0;
    n.flatten = parent != nullptr && e.kind == ExprKind::Binary && (e.op == Op::And || e.op == Op::Or) &&
                parent->kind == ExprKind::Binary && parent->op == e.op;
    if (e.kind == ExprKind::Self) n.variable = true;
    switch (e.kind) {
      case ExprKind::Name: {
        auto r = cx_.names.find(e.id);
        n.variable = r != cx_.names.end() && r->second.kind == NameRes::Kind::Local;
        break;
      }
      case ExprKind::Binary:
        if (e.op == Op::And || e.op == Op::Or) {
          n.kind = e.op == Op::And ? ExprNode::Kind::And : ExprNode::Kind::Or;
        } else if (e.op >= Op::Eq && e.op <= Op::NotIn) {
          n.kind = ExprNode::Kind::Compare;
          n.op = lang::op_text(e.op);
        }
        break;
      case ExprKind::Unary:
        if (e.op == Op::Not) n.kind = ExprNode::Kind::Not;
        break;
      case ExprKind::Quantifier:
      case ExprKind::Comprehension:
        n.kind = e.kind == ExprKind::Quantifier ? ExprNode::Kind::Quantifier : ExprNode::Kind::Comprehension;
        if (e.kind == ExprKind::Quantifier) n.op = lang::quant_text(e.quant);
        n.vars = e.var2.empty() ? e.var : e.var + ", " + e.var2;
        break;
      case ExprKind::Call: {
        auto c = cx_.calls.find(e.id);
        if (c != cx_.calls.end() && c->second.kind == CallRes::Kind::Def) n.callee = static_cast<int32_t>(c->second.index);
        break;
      }
      default: break;
    }
    for (const auto& k : e.kids) {
      if (k) n.kids.push_back(k->id);
    }
    ExprNode& placed = nodes_[e.id] = std::move(n);  // stays valid: map nodes never move
    for (const auto& k : e.kids) {
      if (k) add(*k, &e);
    }
    return placed;
  }

  Context& cx_;
  std::unordered_map<uint32_t, ExprNode>& nodes_;
};

}  // namespace

void build_node_table(Context& cx) {
  NodeBuilder b(cx);
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
}

}  // namespace edict::compiler::internal

// Small constructors for lang::Expr trees, so the c7n front end builds rule ASTs in code the way
// the DSL parser would (every node gets a fresh id and the YAML span it came from).
#pragma once

#include <string>
#include <vector>

#include "lang/ast.h"

namespace edict::c7n::internal {

using lang::ExprPtr;
using lang::Span;

inline ExprPtr node(lang::ExprKind k, Span s) {
  auto e = std::make_unique<lang::Expr>();
  e->kind = k;
  e->id = lang::next_expr_id();
  e->span = s;
  return e;
}

inline ExprPtr null_expr(Span s) { return node(lang::ExprKind::Null, s); }

inline ExprPtr bool_expr(bool b, Span s) {
  ExprPtr e = node(lang::ExprKind::Bool, s);
  e->boolean = b;
  return e;
}

inline ExprPtr number_expr(double n, Span s) {
  ExprPtr e = node(lang::ExprKind::Number, s);
  e->number = n;
  return e;
}

inline ExprPtr string_expr(std::string text, Span s) {
  ExprPtr e = node(lang::ExprKind::String, s);
  e->text = std::move(text);
  return e;
}

inline ExprPtr name_expr(std::string name, Span s) {
  ExprPtr e = node(lang::ExprKind::Name, s);
  e->text = std::move(name);
  return e;
}

inline ExprPtr member_expr(ExprPtr target, std::string name, Span s) {
  ExprPtr e = node(lang::ExprKind::Member, s);
  e->text = std::move(name);
  e->kids.push_back(std::move(target));
  return e;
}

inline ExprPtr index_expr(ExprPtr target, ExprPtr index, Span s) {
  ExprPtr e = node(lang::ExprKind::Index, s);
  e->kids.push_back(std::move(target));
  e->kids.push_back(std::move(index));
  return e;
}

inline ExprPtr call_expr(std::string fn, std::vector<ExprPtr> args, Span s) {
  ExprPtr e = node(lang::ExprKind::Call, s);
  e->text = std::move(fn);
  e->kids = std::move(args);
  return e;
}

inline ExprPtr unary_expr(lang::Op op, ExprPtr a, Span s) {
  ExprPtr e = node(lang::ExprKind::Unary, s);
  e->op = op;
  e->kids.push_back(std::move(a));
  return e;
}

inline ExprPtr binary_expr(lang::Op op, ExprPtr a, ExprPtr b, Span s) {
  ExprPtr e = node(lang::ExprKind::Binary, s);
  e->op = op;
  e->kids.push_back(std::move(a));
  e->kids.push_back(std::move(b));
  return e;
}

inline ExprPtr if_expr(ExprPtr c, ExprPtr a, ExprPtr b, Span s) {
  ExprPtr e = node(lang::ExprKind::If, s);
  e->kids.push_back(std::move(c));
  e->kids.push_back(std::move(a));
  e->kids.push_back(std::move(b));
  return e;
}

// [elem for var in domain (if cond)]
inline ExprPtr comprehension_expr(std::string var, ExprPtr domain, ExprPtr elem, ExprPtr cond, Span s) {
  ExprPtr e = node(lang::ExprKind::Comprehension, s);
  e->var = std::move(var);
  e->var_span = s;
  e->kids.push_back(std::move(domain));
  e->kids.push_back(std::move(elem));
  if (cond) e->kids.push_back(std::move(cond));
  return e;
}

inline ExprPtr quantifier_expr(lang::Quant q, std::string var, ExprPtr domain, ExprPtr body, Span s) {
  ExprPtr e = node(lang::ExprKind::Quantifier, s);
  e->quant = q;
  e->var = std::move(var);
  e->var_span = s;
  e->kids.push_back(std::move(domain));
  e->kids.push_back(std::move(body));
  return e;
}

// Deep copy with fresh ids (an expression is used in several places of one rule).
inline ExprPtr clone(const lang::Expr& e) {
  auto c = std::make_unique<lang::Expr>();
  c->kind = e.kind;
  c->id = lang::next_expr_id();
  c->span = e.span;
  c->op = e.op;
  c->quant = e.quant;
  c->boolean = e.boolean;
  c->number = e.number;
  c->text = e.text;
  c->var = e.var;
  c->var2 = e.var2;
  c->var_span = e.var_span;
  c->var2_span = e.var2_span;
  c->keys = e.keys;
  for (const ExprPtr& k : e.kids) c->kids.push_back(k ? clone(*k) : nullptr);
  return c;
}

}  // namespace edict::c7n::internal

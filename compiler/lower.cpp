// The lower pass: emits bytecode for functions and rule entries, and records where each
// expression's value appears (Program::sites, read by an EvalListener; vm/listener.h) without
// emitting anything for it. Joins written as a quantifier over resources(T) filtered by
// `x.path refers E` are lowered to a REFERRERS hash-index lookup instead of a scan over every
// resource of T.
#include <algorithm>
#include <functional>

#include "common/text.h"
#include "compiler/internal/context.h"
#include "stdlib/builtins.h"
#include "vm/verify.h"

namespace edict::compiler::internal {

using bytecode::Entry;
using bytecode::Instr;
using bytecode::OpCode;
using bytecode::ValueSite;
using lang::Expr;
using lang::ExprKind;
using lang::Op;

namespace {

bytecode::Quant quant(lang::Quant q) {
  switch (q) {
    case lang::Quant::All: return bytecode::Quant::All;
    case lang::Quant::Some: return bytecode::Quant::Some;
    case lang::Quant::None: return bytecode::Quant::None;
    case lang::Quant::Count: break;
  }
  return bytecode::Quant::Count;
}

class Lowerer {
 public:
  explicit Lowerer(Context& cx) : cx_(cx), p_(*cx.program) {}

  void run() {
    build_node_table(cx_);
    // Function indexes equal def indexes so CALL operands can be assigned before bodies exist.
    for (const DefInfo& d : cx_.defs) {
      bytecode::Function f;
      f.name = d.qualified;
      f.params = static_cast<uint16_t>(d.decl->params.size());
      f.locals = std::max<uint16_t>(d.locals, f.params);
      f.span = d.decl->span;
      p_.functions.push_back(f);
    }
    for (size_t i = 0; i < cx_.defs.size(); ++i) {
      p_.functions[i].pc = here();
      if (cx_.defs[i].decl->body) emit(*cx_.defs[i].decl->body);
      op(OpCode::RETURN, cx_.defs[i].decl->span);
    }
    for (const RuleInfo& r : cx_.rules) lower_rule(r);
    if (cx_.eval_expr) cx_.eval_entry = entry(*cx_.eval_expr, cx_.eval_locals);
    finish_sites();
  }

 private:
  uint32_t here() const { return static_cast<uint32_t>(p_.code.size()); }

  uint32_t op(OpCode code, const lang::Span& span, uint16_t a = 0, uint32_t b = 0) {
    p_.code.push_back({code, a, b});
    p_.spans.push_back(span);
    return here() - 1;
  }
  void patch(uint32_t at, uint32_t target) { p_.code[at].b = target; }

  Entry entry(const Expr& e, uint16_t locals) {
    Entry en{here(), locals, p_.nodes.count(e.id) > 0 ? e.id : 0};
    emit(e);
    op(OpCode::RETURN, e.span);
    return en;
  }

  uint16_t locals_for(const RuleInfo& r, const Expr* e) const {
    auto it = r.entry_locals.find(e);
    return it == r.entry_locals.end() ? 0 : it->second;
  }

  std::string meta_value(const lang::RuleDecl& d, const char* key) const {
    const lang::MetaField* f = d.field(key);
    return f && !f->values.empty() ? f->values[0] : std::string();
  }

  void lower_rule(const RuleInfo& r) {
    const lang::RuleDecl& d = *r.decl;
    bytecode::Rule out;
    out.id = d.id;
    out.package = r.module->package;
    out.title = meta_value(d, "title");
    out.severity = meta_value(d, "severity");
    out.default_severity = out.severity.empty();
    if (out.default_severity) out.severity = "medium";
    out.category = meta_value(d, "category");
    out.remediation = meta_value(d, "remediation");
    if (const lang::MetaField* f = d.field("controls")) out.controls = f->values;
    for (const lang::TypeRef& t : d.types) out.types.push_back(t.name);
    out.doc = d.doc;
    out.data_sources = d.data_sources;
    out.span = d.span;
    out.file = cx_.sources->file(d.span.file).path();
    if (d.when) {
      out.has_guard = true;
      out.guard = entry(*d.when, locals_for(r, d.when.get()));
    }
    for (const lang::Assert& a : d.asserts) {
      if (!a.expr) continue;
      bytecode::Assert ba;
      uint16_t locals = locals_for(r, a.expr.get());
      ba.entry = entry(*a.expr, locals);
      ba.span = a.span;
      ba.text = text::one_line(cx_.text(a.expr->span));
      ++unobserved_;  // messages are never explained
      if (a.message) {
        ba.has_message = true;
        ba.message = entry(*a.message, locals_for(r, a.message.get()));
      }
      --unobserved_;
      out.asserts.push_back(std::move(ba));
    }
    if (d.message) {
      ++unobserved_;
      out.has_message = true;
      out.message = entry(*d.message, locals_for(r, d.message.get()));
      --unobserved_;
    }
    p_.rules.push_back(std::move(out));
  }

  // Splits a chain `x.a.b` into its root and dotted path ("a.b"); for a bare attribute name the
  // root is null (self) and the path is the name.
  static bool attr_path(const Context& cx, const Expr& e, const Expr*& root, std::string& path) {
    std::vector<std::string> parts;
    const Expr* cur = &e;
    while (cur->kind == ExprKind::Member) {
      parts.push_back(cur->text);
      cur = cur->kid(0);
    }
    if (cur->kind == ExprKind::Name) {
      auto it = cx.names.find(cur->id);
      if (it != cx.names.end() && it->second.kind == NameRes::Kind::Attr) {
        parts.push_back(cur->text);
        cur = nullptr;
      }
    }
    if (parts.empty()) return false;
    root = cur;
    path.clear();
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) path += (path.empty() ? "" : ".") + *it;
    return true;
  }

  // Whether `e` reads local slot `slot` or `slot+1` (the quantifier's own bindings).
  bool uses_binding(const Expr& e, uint16_t first, uint16_t count) const {
    bool used = false;
    walk(e, [&](const Expr& k) {
      if (k.kind != ExprKind::Name) return;
      auto it = cx_.names.find(k.id);
      if (it != cx_.names.end() && it->second.kind == NameRes::Kind::Local && it->second.slot >= first &&
          it->second.slot < first + count) {
        used = true;
      }
    });
    return used;
  }

  // For `Q x in resources(T): ... x.path refers E ...` (a conjunct of the body or filter), emits
  // REFERRERS instead of RESOURCES. Returns false when the pattern does not apply.
  bool emit_join_domain(const Expr& q, const Expr* filter) {
    const Expr& domain = *q.kids[0];
    auto call = cx_.calls.find(domain.id);
    if (domain.kind != ExprKind::Call || call == cx_.calls.end() || call->second.kind != CallRes::Kind::Resources) {
      return false;
    }
    if (filter == nullptr || !q.var2.empty()) return false;
    uint16_t slot = cx_.binding_slots.at(q.id);
    // Collect the conjuncts of the filter.
    std::vector<const Expr*> conj;
    std::function<void(const Expr&)> split = [&](const Expr& e) {
      if (e.kind == ExprKind::Binary && e.op == Op::And) {
        split(*e.kids[0]);
        split(*e.kids[1]);
      } else {
        conj.push_back(&e);
      }
    };
    split(*filter);
    for (const Expr* c : conj) {
      if (c->kind != ExprKind::Binary || c->op != Op::Refers) continue;
      const Expr* root = nullptr;
      std::string path;
      if (!attr_path(cx_, *c->kids[0], root, path) || root == nullptr || root->kind != ExprKind::Name) continue;
      auto nr = cx_.names.find(root->id);
      if (nr == cx_.names.end() || nr->second.kind != NameRes::Kind::Local || nr->second.slot != slot) continue;
      if (uses_binding(*c->kids[1], slot, 1)) continue;
      uint32_t begin = here();
      ++unobserved_;  // part of the filter, whose own code reports it
      emit(*c->kids[1]);
      --unobserved_;
      op(OpCode::REFERRERS, domain.span, static_cast<uint16_t>(p_.add_string(call->second.type)), intern(path));
      observe(domain, begin, true);
      return true;
    }
    // The other direction: `E.path refers x` where x is the bound resource: follow E's edges.
    for (const Expr* c : conj) {
      if (c->kind != ExprKind::Binary || c->op != Op::Refers) continue;
      const Expr* rhs = c->kids[1].get();
      if (rhs->kind != ExprKind::Name) continue;
      auto nr = cx_.names.find(rhs->id);
      if (nr == cx_.names.end() || nr->second.kind != NameRes::Kind::Local || nr->second.slot != slot) continue;
      const Expr* root = nullptr;
      std::string path;
      if (!attr_path(cx_, *c->kids[0], root, path)) continue;
      if (root != nullptr && uses_binding(*root, slot, 1)) continue;
      uint32_t begin = here();
      ++unobserved_;
      if (root == nullptr) {
        op(OpCode::SELF, c->kids[0]->span);
      } else {
        emit(*root);
      }
      --unobserved_;
      op(OpCode::REFERENCED, domain.span, static_cast<uint16_t>(p_.add_string(call->second.type)), intern(path));
      observe(domain, begin, true);
      return true;
    }
    return false;
  }

  // Emits code leaving the value of `e`, and notes where that value appears.
  void emit(const Expr& e) {
    uint32_t begin = here();
    emit_value(e);
    observe(e, begin, false);
  }

  // `e`'s code is [begin, here()): its value is on top once the last instruction completes, and
  // also wherever a jump that `e` owns lands (see jump()). Nothing is emitted for this.
  void observe(const Expr& e, uint32_t begin, bool join) {
    if (unobserved_ > 0) return;
    auto it = p_.nodes.find(e.id);
    if (it == p_.nodes.end()) return;
    it->second.begin = begin;
    it->second.end = here();
    if (join) it->second.join = true;
    sites_.push_back({here() - 1, {ValueSite::When::Done, e.id}});
  }

  // A jump of `e` (and/or, ??, if) that skips to the end of `e`, leaving e's value on top.
  uint32_t jump(OpCode code, const Expr& e) {
    uint32_t at = op(code, e.span);
    if (unobserved_ == 0 && p_.nodes.count(e.id) > 0) jumps_.emplace_back(at, e.id);
    return at;
  }

  // The iteration of quantifier or comprehension `e` that ITER_NEXT at `at` binds.
  void bind_site(const Expr& e, uint32_t at) {
    if (unobserved_ == 0 && p_.nodes.count(e.id) > 0) sites_.push_back({at, {ValueSite::When::Bind, e.id}});
  }

  // A jump owned by node N lands where N's code ends: it completes N and every enclosing
  // expression whose code ends there too, which are those after N among the Done sites of the
  // instruction before the target. Then groups the sites by pc.
  void finish_sites() {
    std::vector<std::pair<uint32_t, ValueSite>> all = sites_;  // Done and Bind, in pc order
    auto done_at = [&](uint32_t pc) {
      auto lo = std::lower_bound(sites_.begin(), sites_.end(), pc, [](const auto& s, uint32_t v) { return s.first < v; });
      auto hi = std::upper_bound(sites_.begin(), sites_.end(), pc, [](uint32_t v, const auto& s) { return v < s.first; });
      return std::make_pair(lo, hi);
    };
    for (const auto& jump : jumps_) {
      const auto at = jump.first;  // named, not bound: clang 14 cannot capture a structured binding
      const auto node = jump.second;
      uint32_t target = p_.code[at].b;
      if (target == 0) continue;
      auto [lo, hi] = done_at(target - 1);
      auto owner = std::find_if(lo, hi, [&](const auto& s) { return s.second.when == ValueSite::When::Done && s.second.node == node; });
      for (auto it = owner; it != hi; ++it) {
        if (it->second.when == ValueSite::When::Done) all.push_back({at, {ValueSite::When::Taken, it->second.node}});
      }
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    p_.sites.clear();
    p_.site_begin.assign(p_.code.size() + 1, 0);
    size_t k = 0;
    for (uint32_t pc = 0; pc <= p_.code.size(); ++pc) {
      p_.site_begin[pc] = static_cast<uint32_t>(p_.sites.size());
      while (k < all.size() && all[k].first == pc) p_.sites.push_back(all[k++].second);
    }
  }

  void emit_value(const Expr& e) {
    if (auto f = cx_.folded.find(e.id); f != cx_.folded.end()) {
      op(OpCode::CONST, e.span, 0, p_.add_constant(f->second));
      return;
    }
    switch (e.kind) {
      case ExprKind::Null: op(OpCode::CONST, e.span, 0, p_.add_constant(Value::null())); return;
      case ExprKind::Bool: op(OpCode::CONST, e.span, 0, p_.add_constant(Value::boolean(e.boolean))); return;
      case ExprKind::Number: op(OpCode::CONST, e.span, 0, p_.add_constant(Value::number(e.number))); return;
      case ExprKind::String:
        op(OpCode::CONST, e.span, 0, p_.add_constant(Value::string(*p_.arena, e.text)));
        return;
      case ExprKind::Template:
        for (const auto& k : e.kids) emit(*k);
        op(OpCode::TEMPLATE, e.span, 0, static_cast<uint32_t>(e.kids.size()));
        return;
      case ExprKind::List:
        for (const auto& k : e.kids) emit(*k);
        op(OpCode::MAKE_LIST, e.span, 0, static_cast<uint32_t>(e.kids.size()));
        return;
      case ExprKind::Object:
        for (size_t i = 0; i < e.kids.size(); ++i) {
          op(OpCode::CONST, e.span, 0, p_.add_constant(Value::string(*p_.arena, e.keys[i])));
          emit(*e.kids[i]);
        }
        op(OpCode::MAKE_OBJECT, e.span, 0, static_cast<uint32_t>(e.kids.size()));
        return;
      case ExprKind::Name: {
        const NameRes& n = cx_.names.at(e.id);
        if (n.kind == NameRes::Kind::Local) {
          op(OpCode::LOAD, e.span, n.slot);
        } else {
          op(OpCode::SELF, e.span);
          op(OpCode::ATTR, e.span, static_cast<uint16_t>(p_.add_string(e.text)), n.sym);
        }
        return;
      }
      case ExprKind::Self: op(OpCode::SELF, e.span); return;
      case ExprKind::Meta: {
        bytecode::MetaField f = bytecode::MetaField::Address;
        bytecode::meta_field_from_name(e.text, f);
        if (e.kids.empty()) {
          op(OpCode::SELF, e.span);
        } else {
          emit(*e.kids[0]);
        }
        op(OpCode::META, e.span, bytecode::operand(f));
        return;
      }
      case ExprKind::Member:
        emit(*e.kids[0]);
        op(OpCode::ATTR, e.span, static_cast<uint16_t>(p_.add_string(cx_.text(e.span))), intern(e.text));
        return;
      case ExprKind::Index:
        emit(*e.kids[0]);
        emit(*e.kids[1]);
        op(OpCode::INDEX, e.span);
        return;
      case ExprKind::Call: emit_call(e); return;
      case ExprKind::Unary:
        emit(*e.kids[0]);
        op(e.op == Op::Not ? OpCode::NOT : OpCode::NEG, e.span);
        return;
      case ExprKind::Binary: emit_binary(e); return;
      case ExprKind::If: {
        emit(*e.kids[0]);
        uint32_t unknown_jump = jump(OpCode::JUMP_IF_UNKNOWN_KEEP, e);
        uint32_t else_jump = op(OpCode::JUMP_IF_NOT_TRUE, e.span);
        emit(*e.kids[1]);
        uint32_t end_jump = jump(OpCode::JUMP, e);
        patch(else_jump, here());
        emit(*e.kids[2]);
        patch(end_jump, here());
        patch(unknown_jump, here());
        return;
      }
      case ExprKind::Quantifier: {
        uint16_t slot = cx_.binding_slots.at(e.id);
        uint16_t q = bytecode::operand(quant(e.quant));
        // `all` must see every resource; the others only care about the ones the filter admits.
        bool join = e.quant != lang::Quant::All && emit_join_domain(e, e.kids[1].get());
        if (!join) emit(*e.kids[0]);
        op(OpCode::ITER_START, e.span, bytecode::operand(e.var2.empty() ? bytecode::IterShape::Values : bytecode::IterShape::Pairs));
        uint32_t loop = here();
        uint32_t next = op(OpCode::ITER_NEXT, e.span, slot);
        bind_site(e, next);
        emit(*e.kids[1]);
        uint32_t step = op(OpCode::QUANT_STEP, e.span, q);
        op(OpCode::JUMP, e.span, 0, loop);
        patch(next, here());
        patch(step, here());
        op(OpCode::QUANT_END, e.span, q);
        return;
      }
      case ExprKind::Comprehension: {
        uint16_t slot = cx_.binding_slots.at(e.id);
        const Expr* filter = e.kid(2);
        if (!emit_join_domain(e, filter)) emit(*e.kids[0]);
        op(OpCode::ITER_START, e.span, bytecode::operand(e.var2.empty() ? bytecode::IterShape::Values : bytecode::IterShape::Pairs));
        uint32_t loop = here();
        uint32_t next = op(OpCode::ITER_NEXT, e.span, slot);
        bind_site(e, next);
        if (filter) {
          emit(*filter);
          op(OpCode::COMPR_TEST, filter->span, 0, loop);
        }
        emit(*e.kids[1]);
        op(OpCode::COMPR_PUSH, e.span);
        op(OpCode::JUMP, e.span, 0, loop);
        patch(next, here());
        op(OpCode::COMPR_END, e.span);
        return;
      }
    }
  }

  void emit_call(const Expr& e) {
    auto it = cx_.calls.find(e.id);
    if (it == cx_.calls.end()) {
      op(OpCode::CONST, e.span, 0, p_.add_constant(Value::null()));  // unreachable: errors stop lowering
      return;
    }
    const CallRes& c = it->second;
    switch (c.kind) {
      case CallRes::Kind::Resources:
      case CallRes::Kind::Data:
        op(OpCode::RESOURCES, e.span,
           bytecode::operand(c.kind == CallRes::Kind::Data ? bytecode::ResourceMode::Data : bytecode::ResourceMode::Managed),
           p_.add_string(c.type));
        return;
      case CallRes::Kind::Def:
        for (const auto& k : e.kids) emit(*k);
        op(OpCode::CALL, e.span, static_cast<uint16_t>(e.kids.size()), c.index);
        return;
      case CallRes::Kind::Builtin:
        for (const auto& k : e.kids) emit(*k);
        op(OpCode::BUILTIN, e.span, static_cast<uint16_t>(e.kids.size()), c.index);
        return;
    }
  }

  void emit_binary(const Expr& e) {
    const Expr& l = *e.kids[0];
    const Expr& r = *e.kids[1];
    switch (e.op) {
      case Op::And:
      case Op::Or: {
        emit(l);
        uint32_t skip = jump(e.op == Op::And ? OpCode::JUMP_IF_FALSE_KEEP : OpCode::JUMP_IF_TRUE_KEEP, e);
        emit(r);
        op(e.op == Op::And ? OpCode::AND : OpCode::OR, e.span);
        patch(skip, here());
        return;
      }
      case Op::Coalesce: {
        emit(l);
        uint32_t skip = jump(OpCode::JUMP_IF_NONNULL_KEEP, e);
        emit(r);
        patch(skip, here());
        return;
      }
      case Op::Refers: {
        const Expr* root = nullptr;
        std::string path;
        if (!attr_path(cx_, l, root, path)) return;  // reported by check
        if (root == nullptr) {
          op(OpCode::SELF, l.span);
        } else {
          emit(*root);
        }
        emit(r);
        op(OpCode::REFERS, e.span, static_cast<uint16_t>(p_.add_string(cx_.text(l.span))), intern(path));
        return;
      }
      case Op::NotIn:
        emit(l);
        emit(r);
        op(OpCode::IN, e.span);
        op(OpCode::NOT, e.span);
        return;
      default: break;
    }
    emit(l);
    emit(r);
    OpCode code = OpCode::ADD;
    switch (e.op) {
      case Op::Add: code = OpCode::ADD; break;
      case Op::Sub: code = OpCode::SUB; break;
      case Op::Mul: code = OpCode::MUL; break;
      case Op::Div: code = OpCode::DIV; break;
      case Op::Mod: code = OpCode::MOD; break;
      case Op::Eq: code = OpCode::EQ; break;
      case Op::Ne: code = OpCode::NE; break;
      case Op::Lt: code = OpCode::LT; break;
      case Op::Le: code = OpCode::LE; break;
      case Op::Gt: code = OpCode::GT; break;
      case Op::Ge: code = OpCode::GE; break;
      case Op::In: code = OpCode::IN; break;
      default: break;
    }
    op(code, e.span);
  }

  Context& cx_;
  bytecode::Program& p_;
  int unobserved_ = 0;  // > 0 while emitting code whose values no listener learns
  std::vector<std::pair<uint32_t, ValueSite>> sites_;  // Done and Bind sites by pc, in pc order
  std::vector<std::pair<uint32_t, uint32_t>> jumps_;   // (pc, node) of jumps that end a node
};

}  // namespace

// The verifier (vm/verify.h) checks what was emitted and computes the program's max stack.
void run_lower(Context& cx) {
  Lowerer(cx).run();
  std::vector<Entry> extra;
  if (cx.eval_expr) extra.push_back(cx.eval_entry);
  bytecode::verify_or_throw(*cx.program, extra);
}

}  // namespace edict::compiler::internal

// The fold pass: evaluates constant sub-expressions once, with the VM's own operator semantics
// (vm/operators.h), into the `folded` side table. Reports operations that can never succeed on
// their constants (E0302) and asserts or guards that are constant (E0305, E0306).
#include <algorithm>

#include "compiler/internal/context.h"
#include "stdlib/builtins.h"
#include "vm/operators.h"

namespace edict::compiler::internal {

using bytecode::OpCode;
using lang::Code;
using lang::Expr;
using lang::ExprKind;
using lang::Op;

namespace {

OpCode binary_opcode(Op op) {
  switch (op) {
    case Op::Add: return OpCode::ADD;
    case Op::Sub: return OpCode::SUB;
    case Op::Mul: return OpCode::MUL;
    case Op::Div: return OpCode::DIV;
    case Op::Mod: return OpCode::MOD;
    case Op::Eq: return OpCode::EQ;
    case Op::Ne: return OpCode::NE;
    case Op::Lt: return OpCode::LT;
    case Op::Le: return OpCode::LE;
    case Op::Gt: return OpCode::GT;
    case Op::Ge: return OpCode::GE;
    case Op::In: return OpCode::IN;
    default: return OpCode::POP;  // not foldable as a plain binary
  }
}

class Folder {
 public:
  // Fold runs even after errors in earlier passes, so that constant errors (E0302) and constant
  // asserts and guards (E0305, E0306) are reported together with the rest (see foldable_call).
  explicit Folder(CheckContext& cx) : cx_(cx), arena_(*cx.arena) {}

  void run() {
    for (const DefInfo& d : cx_.defs) {
      if (d.decl->body) fold(*d.decl->body);
    }
    for (const RuleInfo& r : cx_.rules) {
      const lang::RuleDecl& d = *r.decl;
      if (d.when) {
        const Value* v = fold(*d.when);
        if (v && vm::truth(*v) == vm::Truth::False) {
          cx_.error(Code::ConstantGuard, d.when->span, "this `when` guard is always false, so rule '" + d.id + "' never applies");
        }
      }
      for (const lang::Assert& a : d.asserts) {
        if (!a.expr) continue;
        const Value* v = fold(*a.expr);
        if (v) {
          vm::Truth t = vm::truth(*v);
          const char* what = t == vm::Truth::True ? "always true (it can never fail)" : "always false (it fails on every resource)";
          if (t == vm::Truth::True || t == vm::Truth::False) {
            cx_.error(Code::ConstantAssert, a.expr->span, std::string("this assert is ") + what);
          } else if (t == vm::Truth::NotBool) {
            cx_.error(Code::TypeMismatch, a.expr->span,
                      "an assert must be a boolean, but this one is always the " + std::string(kind_name(v->kind())) +
                          " " + to_display(*v, 40));
          }
        }
        if (a.message) fold(*a.message);
      }
      if (d.message) fold(*d.message);
    }
    if (cx_.eval_expr) fold(*cx_.eval_expr);
  }

 private:
  const Value* set(const Expr& e, Value v) {
    auto [it, _] = cx_.folded.insert_or_assign(e.id, v);
    return &it->second;
  }

  const Value* type_error(const Expr& e, const std::string& message) {
    cx_.error(Code::TypeMismatch, e.span, message);
    return nullptr;
  }

  // Returns the constant value of e, or null when e is not constant. Folds children either way.
  const Value* fold(const Expr& e) {
    std::vector<const Value*> k;
    for (const auto& kid : e.kids) k.push_back(kid ? fold(*kid) : nullptr);
    auto all_const = [&]() {
      for (const Value* v : k) {
        if (!v) return false;
      }
      return true;
    };
    switch (e.kind) {
      case ExprKind::Null: return set(e, Value::null());
      case ExprKind::Bool: return set(e, Value::boolean(e.boolean));
      case ExprKind::Number: return set(e, Value::number(e.number));
      case ExprKind::String: return set(e, Value::string(arena_, e.text));
      case ExprKind::List: {
        if (!all_const()) return nullptr;
        std::vector<Value> items;
        for (const Value* v : k) items.push_back(*v);
        return set(e, Value::list(arena_, items));
      }
      case ExprKind::Unary: {
        if (!k[0]) return nullptr;
        vm::OpResult r = vm::apply_unary(e.op == Op::Not ? OpCode::NOT : OpCode::NEG, *k[0], arena_);
        if (!r.error.empty()) return type_error(e, r.error);
        return set(e, r.value);
      }
      case ExprKind::Binary: {
        const Value* a = k[0];
        const Value* b = k[1];
        switch (e.op) {
          case Op::And:
            if (a && vm::truth(*a) == vm::Truth::False) return set(e, Value::boolean(false));
            if (a && b) {
              vm::OpResult r = vm::apply_binary(OpCode::AND, *a, *b, arena_);
              return r.error.empty() ? set(e, r.value) : type_error(e, r.error);
            }
            return nullptr;
          case Op::Or:
            if (a && vm::truth(*a) == vm::Truth::True) return set(e, Value::boolean(true));
            if (a && b) {
              vm::OpResult r = vm::apply_binary(OpCode::OR, *a, *b, arena_);
              return r.error.empty() ? set(e, r.value) : type_error(e, r.error);
            }
            return nullptr;
          case Op::Coalesce:
            if (a && !a->is_null()) return set(e, *a);
            if (a && b) return set(e, *b);
            return nullptr;
          case Op::Refers: return nullptr;
          case Op::NotIn: {
            if (!a || !b) return nullptr;
            vm::OpResult r = vm::apply_binary(OpCode::IN, *a, *b, arena_);
            if (!r.error.empty()) return type_error(e, r.error);
            vm::OpResult n = vm::apply_unary(OpCode::NOT, r.value, arena_);
            return set(e, n.value);
          }
          default: {
            if (!a || !b) return nullptr;
            vm::OpResult r = vm::apply_binary(binary_opcode(e.op), *a, *b, arena_);
            if (!r.error.empty()) return type_error(e, r.error);
            return set(e, r.value);
          }
        }
      }
      case ExprKind::If: {
        const Value* c = k[0];
        if (!c) return nullptr;
        vm::Truth t = vm::truth(*c);
        if (t == vm::Truth::True && k[1]) return set(e, *k[1]);
        if (t == vm::Truth::False && k[2]) return set(e, *k[2]);
        return nullptr;
      }
      case ExprKind::Call: {
        auto it = cx_.calls.find(e.id);
        if (it == cx_.calls.end() || it->second.kind != CallRes::Kind::Builtin || !all_const()) return nullptr;
        const stdlib::Builtin& b = stdlib::builtins()[it->second.index];
        if (!foldable_call(b, e)) return nullptr;
        if (!b.pure || b.fn == nullptr) return nullptr;
        std::vector<Value> args;
        for (const Value* v : k) args.push_back(*v);
        if (!b.sees_unknown) {
          for (const Value& v : args) {
            if (v.is_unknown()) return nullptr;
          }
        }
        stdlib::CallContext ctx{arena_, {}, 0};
        Value r = b.fn(ctx, args);
        if (!ctx.error.empty()) {
          // Literal checks already reported bad literals; anything else fails at run time too.
          return b.check ? nullptr : type_error(e, ctx.error);
        }
        return set(e, r);
      }
      default: return nullptr;
    }
  }

  // Whether a builtin call may be run at compile time. Calls with the wrong number of arguments,
  // or a literal argument of the wrong kind, were reported by resolve and check (E0301, E0302):
  // running them could break a builtin's assumptions, and would report them a second time.
  static bool foldable_call(const stdlib::Builtin& b, const Expr& e) {
    size_t argc = e.kids.size();
    if (argc < b.min_args || (b.max_args != 255 && argc > b.max_args)) return false;
    for (size_t i = 0; i < argc && !b.params.empty(); ++i) {
      stdlib::Type have = stdlib::Type::Any;
      switch (e.kids[i]->kind) {
        case ExprKind::Bool: have = stdlib::Type::Bool; break;
        case ExprKind::Number: have = stdlib::Type::Number; break;
        case ExprKind::String: have = stdlib::Type::String; break;
        case ExprKind::List: have = stdlib::Type::List; break;
        case ExprKind::Object: have = stdlib::Type::Object; break;
        default: break;
      }
      if (have != stdlib::Type::Any && !b.accepts(i, have)) return false;
    }
    return true;
  }

  CheckContext& cx_;
  Arena& arena_;
};

}  // namespace

void run_fold(CheckContext& cx) { Folder(cx).run(); }

}  // namespace edict::compiler::internal

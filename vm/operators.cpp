// Arithmetic, comparison, membership and Kleene logic on Values.
#include "vm/operators.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "model/resource.h"

namespace edict::vm {

using bytecode::OpCode;

namespace {
OpResult err(std::string m) { return {Value::null(), std::move(m)}; }
OpResult ok(Value v) { return {v, {}}; }

std::string type_error(const char* op, const Value& a, const Value& b) {
  return std::string("cannot apply '") + op + "' to " + std::string(kind_name(a.kind())) + " and " +
         std::string(kind_name(b.kind()));
}

OpResult compare(OpCode op, const Value& a, const Value& b) {
  static const char* names[] = {"<", "<=", ">", ">="};
  const char* name = names[static_cast<int>(op) - static_cast<int>(OpCode::LT)];
  if (a.is_unknown() || b.is_unknown()) return ok(Value::unknown());
  if (a.is_null() || b.is_null()) return ok(Value::null());
  int c;
  if (a.is_number() && b.is_number()) {
    double x = a.as_number(), y = b.as_number();
    c = x < y ? -1 : x > y ? 1 : 0;
  } else if (a.is_string() && b.is_string()) {
    int r = a.as_string().compare(b.as_string());
    c = r < 0 ? -1 : r > 0 ? 1 : 0;
  } else {
    return err(type_error(name, a, b));
  }
  bool r = false;
  switch (op) {
    case OpCode::LT: r = c < 0; break;
    case OpCode::LE: r = c <= 0; break;
    case OpCode::GT: r = c > 0; break;
    default: r = c >= 0; break;
  }
  return ok(Value::boolean(r));
}

OpResult membership(const Value& a, const Value& b) {
  if (b.is_unknown()) return ok(Value::unknown());
  if (b.is_null()) return ok(Value::boolean(false));
  if (b.is_list()) return ok(to_value(member(a, b)));
  if (a.is_unknown()) return ok(Value::unknown());
  if (b.is_object()) {
    if (!a.is_string()) return err(type_error("in", a, b));
    return ok(Value::boolean(b.find(a.as_string()) != nullptr));
  }
  if (b.is_string()) {
    if (!a.is_string()) return err(type_error("in", a, b));
    return ok(Value::boolean(b.as_string().find(a.as_string()) != std::string_view::npos));
  }
  return err(type_error("in", a, b));
}

OpResult arithmetic(OpCode op, const Value& a, const Value& b, Arena& arena) {
  static const char* names[] = {"+", "-", "*", "/", "%"};
  const char* name = names[static_cast<int>(op) - static_cast<int>(OpCode::ADD)];
  if (a.is_unknown() || b.is_unknown()) return ok(Value::unknown());
  if (a.is_null() || b.is_null()) return ok(Value::null());
  if (op == OpCode::ADD && a.is_string() && b.is_string()) {
    // Straight into the arena, so that the memory budget sees the size before anything is built.
    std::string_view x = a.as_string(), y = b.as_string();
    if (x.size() + y.size() > UINT32_MAX) return err("string too long");
    char* p = arena.make_array<char>(x.size() + y.size());
    if (!x.empty()) std::memcpy(p, x.data(), x.size());
    if (!y.empty()) std::memcpy(p + x.size(), y.data(), y.size());
    return ok(Value::string(std::string_view(p, x.size() + y.size())));
  }
  if (op == OpCode::ADD && a.is_list() && b.is_list()) {
    if (size_t{a.size()} + b.size() > UINT32_MAX) return err("list too long");
    Value* p = arena.make_array<Value>(size_t{a.size()} + b.size());
    std::copy(a.as_list().begin(), a.as_list().end(), p);
    std::copy(b.as_list().begin(), b.as_list().end(), p + a.size());
    return ok(Value::list(p, size_t{a.size()} + b.size()));
  }
  if (!a.is_number() || !b.is_number()) return err(type_error(name, a, b));
  double x = a.as_number(), y = b.as_number();
  switch (op) {
    case OpCode::ADD: return ok(Value::number(x + y));
    case OpCode::SUB: return ok(Value::number(x - y));
    case OpCode::MUL: return ok(Value::number(x * y));
    case OpCode::DIV:
      if (y == 0) return err("division by zero");
      return ok(Value::number(x / y));
    default:
      if (y == 0) return err("modulo by zero");
      return ok(Value::number(std::fmod(x, y)));
  }
}
}  // namespace

namespace {
// Known scalars (and resources) of the same kind: whether they are the same value.
bool same_scalar(const Value& a, const Value& b) {
  switch (a.kind()) {
    case Kind::Bool: return a.as_bool() == b.as_bool();
    case Kind::Number: return a.as_number() == b.as_number();
    case Kind::String: return a.as_string() == b.as_string();
    case Kind::Resource: return a.as_resource() == b.as_resource();
    default: return true;  // null
  }
}
}  // namespace

Tri equals(const Value& a0, const Value& b0) {
  if (a0.is_unknown() || b0.is_unknown()) return Tri::Unknown;
  if (a0.kind() != b0.kind()) return Tri::False;
  if (!a0.is_list() && !a0.is_object()) return same_scalar(a0, b0) ? Tri::True : Tri::False;
  // A walk over both structures with an explicit stack (values nest up to the depth budget); an
  // unknown part only makes the answer unknown if no known part tells the values apart.
  bool unsure = false;
  std::vector<std::pair<const Value*, const Value*>> todo{{&a0, &b0}};
  while (!todo.empty()) {
    auto [a, b] = todo.back();
    todo.pop_back();
    charge_steps(1);
    if (a->is_unknown() || b->is_unknown()) {
      unsure = true;
      continue;
    }
    if (a->kind() != b->kind()) return Tri::False;
    if (a->is_list()) {
      if (a->size() != b->size()) return Tri::False;
      for (uint32_t i = 0; i < a->size(); ++i) todo.push_back({&a->as_list()[i], &b->as_list()[i]});
    } else if (a->is_object()) {
      if (a->size() != b->size()) return Tri::False;
      for (const Member& m : a->as_object()) {
        const Value* other = b->find(m.key);
        if (other == nullptr) return Tri::False;
        todo.push_back({&m.value, other});
      }
    } else if (!same_scalar(*a, *b)) {
      return Tri::False;
    }
  }
  return unsure ? Tri::Unknown : Tri::True;
}

Tri member(const Value& needle, const Value& items) {
  bool unsure = false;
  for (const Value& item : items.as_list()) {
    Tri t = equals(item, needle);
    if (t == Tri::True) return Tri::True;
    if (t == Tri::Unknown) unsure = true;
  }
  return unsure ? Tri::Unknown : Tri::False;
}

Value to_value(Tri t) {
  switch (t) {
    case Tri::True: return Value::boolean(true);
    case Tri::False: return Value::boolean(false);
    case Tri::Unknown: break;
  }
  return Value::unknown();
}

Truth truth(const Value& v) {
  switch (v.kind()) {
    case Kind::Bool: return v.as_bool() ? Truth::True : Truth::False;
    case Kind::Null: return Truth::False;
    case Kind::Unknown: return Truth::Unknown;
    default: return Truth::NotBool;
  }
}

OpResult apply_unary(OpCode op, const Value& a, Arena&) {
  if (op == OpCode::NOT) {
    switch (truth(a)) {
      case Truth::True: return ok(Value::boolean(false));
      case Truth::False: return ok(Value::boolean(true));
      case Truth::Unknown: return ok(Value::unknown());
      case Truth::NotBool: return err("cannot apply 'not' to " + std::string(kind_name(a.kind())));
    }
  }
  if (a.is_unknown() || a.is_null()) return ok(a);
  if (!a.is_number()) return err("cannot negate " + std::string(kind_name(a.kind())));
  return ok(Value::number(-a.as_number()));
}

OpResult apply_binary(OpCode op, const Value& a, const Value& b, Arena& arena) {
  switch (op) {
    case OpCode::ADD:
    case OpCode::SUB:
    case OpCode::MUL:
    case OpCode::DIV:
    case OpCode::MOD: return arithmetic(op, a, b, arena);
    case OpCode::EQ:
    case OpCode::NE: {
      Tri eq = equals(a, b);
      if (eq == Tri::Unknown) return ok(Value::unknown());
      return ok(Value::boolean((eq == Tri::True) == (op == OpCode::EQ)));
    }
    case OpCode::LT:
    case OpCode::LE:
    case OpCode::GT:
    case OpCode::GE: return compare(op, a, b);
    case OpCode::IN: return membership(a, b);
    case OpCode::AND: {
      Truth x = truth(a), y = truth(b);
      if (x == Truth::NotBool || y == Truth::NotBool) return err(type_error("and", a, b));
      if (x == Truth::False || y == Truth::False) return ok(Value::boolean(false));
      if (x == Truth::Unknown || y == Truth::Unknown) return ok(Value::unknown());
      return ok(Value::boolean(true));
    }
    case OpCode::OR: {
      Truth x = truth(a), y = truth(b);
      if (x == Truth::NotBool || y == Truth::NotBool) return err(type_error("or", a, b));
      if (x == Truth::True || y == Truth::True) return ok(Value::boolean(true));
      if (x == Truth::Unknown || y == Truth::Unknown) return ok(Value::unknown());
      return ok(Value::boolean(false));
    }
    default: return err("not a binary operator");
  }
}

}  // namespace edict::vm

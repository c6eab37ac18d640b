// Evaluating a parsed JMESPath expression over a Value, and listing the member paths it reads.
// Unknown values (attributes known only after apply) propagate to whatever depends on them.
#include <algorithm>
#include <cmath>

#include "stdlib/internal/common.h"
#include "stdlib/internal/jmespath_node.h"

namespace edict::stdlib::jmespath {

namespace {

using internal::find_member;

Value eval(const Node& n, const Value& cur, Arena& arena);

Value project(const Node& right, std::span<const Value> items, Arena& arena) {
  std::vector<Value> out;
  for (const Value& e : items) {
    Value r = eval(right, e, arena);
    if (!r.is_null()) out.push_back(r);
  }
  return Value::list(arena, out);
}

std::string_view type_name(const Value& v) {
  switch (v.kind()) {
    case Kind::Null: return "null";
    case Kind::Bool: return "boolean";
    case Kind::Number: return "number";
    case Kind::String: return "string";
    case Kind::List: return "array";
    default: return "object";
  }
}

Value call(const Node& n, const Value& cur, Arena& arena) {
  std::vector<Value> a;
  for (const NodePtr& k : n.kids) a.push_back(eval(*k, cur, arena));
  const std::string& f = n.text;
  if (f == "not_null") {
    for (const Value& v : a) {
      if (v.is_unknown()) return v;
      if (!v.is_null()) return v;
    }
    return Value::null();
  }
  for (const Value& v : a) {
    if (contains_unknown(v)) return Value::unknown();
  }
  auto arg = [&](size_t i) { return i < a.size() ? a[i] : Value::null(); };
  if (f == "length") {
    const Value v = arg(0);
    if (v.is_string()) return Value::number(static_cast<double>(internal::utf8_length(v.as_string())));
    if (v.is_list() || v.is_object()) return Value::number(v.size());
    return Value::null();
  }
  if (f == "contains") {
    const Value s = arg(0), x = arg(1);
    if (s.is_string() && x.is_string()) return Value::boolean(s.as_string().find(x.as_string()) != std::string_view::npos);
    if (s.is_list()) {
      for (const Value& e : s.as_list()) {
        if (equal(e, x)) return Value::boolean(true);
      }
      return Value::boolean(false);
    }
    return Value::null();
  }
  if (f == "starts_with" || f == "ends_with") {
    if (!arg(0).is_string() || !arg(1).is_string()) return Value::null();
    std::string_view s = arg(0).as_string(), p = arg(1).as_string();
    return Value::boolean(f == "starts_with" ? s.starts_with(p) : s.ends_with(p));
  }
  if (f == "keys" || f == "values") {
    if (!arg(0).is_object()) return Value::null();
    std::vector<Value> out;
    for (const Member& m : arg(0).as_object()) out.push_back(f == "keys" ? Value::string(symbol_name(m.key)) : m.value);
    return Value::list(arena, out);
  }
  if (f == "type") return Value::string(type_name(arg(0)));
  if (f == "to_string") return arg(0).is_string() ? arg(0) : Value::string(arena, to_json(arg(0)));
  if (f == "to_number") {
    if (arg(0).is_number()) return arg(0);
    if (!arg(0).is_string()) return Value::null();
    std::string s(arg(0).as_string());
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    return end != s.c_str() && *end == '\0' ? Value::number(d) : Value::null();
  }
  if (f == "abs") return arg(0).is_number() ? Value::number(std::fabs(arg(0).as_number())) : Value::null();
  if (f == "join") {
    if (!arg(0).is_string() || !arg(1).is_list()) return Value::null();
    std::string out;
    bool first = true;
    for (const Value& e : arg(1).as_list()) {
      if (!e.is_string()) return Value::null();
      if (!first) out += arg(0).as_string();
      out += e.as_string();
      first = false;
    }
    return Value::string(arena, out);
  }
  // max, min, sum over a list of numbers (max/min also of strings)
  if (!arg(0).is_list()) return Value::null();
  std::span<const Value> xs = arg(0).as_list();
  if (f == "sum") {
    double total = 0;
    for (const Value& e : xs) {
      if (!e.is_number()) return Value::null();
      total += e.as_number();
    }
    return Value::number(total);
  }
  if (xs.empty()) return Value::null();
  Value best = xs[0];
  for (const Value& e : xs) {
    if (e.kind() != best.kind() || !(e.is_number() || e.is_string())) return Value::null();
    bool less = e.is_number() ? e.as_number() < best.as_number() : e.as_string() < best.as_string();
    bool more = e.is_number() ? e.as_number() > best.as_number() : e.as_string() > best.as_string();
    if ((f == "min" && less) || (f == "max" && more)) best = e;
  }
  return best;
}

Value compare(const std::string& op, const Value& l, const Value& r) {
  if (contains_unknown(l) || contains_unknown(r)) return Value::unknown();
  if (op == "==") return Value::boolean(equal(l, r));
  if (op == "!=") return Value::boolean(!equal(l, r));
  if (!l.is_number() || !r.is_number()) return Value::null();
  double a = l.as_number(), b = r.as_number();
  if (op == "<") return Value::boolean(a < b);
  if (op == "<=") return Value::boolean(a <= b);
  if (op == ">") return Value::boolean(a > b);
  return Value::boolean(a >= b);
}

Value eval(const Node& n, const Value& cur, Arena& arena) {
  charge_steps(1);
  switch (n.kind) {
    case NodeKind::Identity: return cur;
    case NodeKind::Literal: return n.literal;
    case NodeKind::Field: {
      if (cur.is_unknown()) return cur;
      const Value* v = cur.is_object() ? find_member(cur, n.text) : nullptr;
      return v ? *v : Value::null();
    }
    case NodeKind::Index: {
      Value l = eval(*n.kids[0], cur, arena);
      if (l.is_unknown() || !l.is_list()) return l.is_unknown() ? l : Value::null();
      int64_t i = n.index < 0 ? n.index + l.size() : n.index;
      return i >= 0 && i < static_cast<int64_t>(l.size()) ? l.as_list()[i] : Value::null();
    }
    case NodeKind::Subexpr: {
      Value l = eval(*n.kids[0], cur, arena);
      return l.is_null() ? l : eval(*n.kids[1], l, arena);
    }
    case NodeKind::Pipe: return eval(*n.kids[1], eval(*n.kids[0], cur, arena), arena);
    case NodeKind::Flatten: {
      Value l = eval(*n.kids[0], cur, arena);
      if (l.is_unknown() || !l.is_list()) return l.is_unknown() ? l : Value::null();
      std::vector<Value> out;
      for (const Value& e : l.as_list()) {
        if (e.is_list()) out.insert(out.end(), e.as_list().begin(), e.as_list().end());
        else out.push_back(e);
      }
      return Value::list(arena, out);
    }
    case NodeKind::Projection: {
      Value l = eval(*n.kids[0], cur, arena);
      if (l.is_unknown() || !l.is_list()) return l.is_unknown() ? l : Value::null();
      return project(*n.kids[1], l.as_list(), arena);
    }
    case NodeKind::ValueProjection: {
      Value l = eval(*n.kids[0], cur, arena);
      if (l.is_unknown() || !l.is_object()) return l.is_unknown() ? l : Value::null();
      std::vector<Value> vals;
      for (const Member& m : l.as_object()) vals.push_back(m.value);
      return project(*n.kids[1], vals, arena);
    }
    case NodeKind::Filter: {
      Value l = eval(*n.kids[0], cur, arena);
      if (l.is_unknown() || !l.is_list()) return l.is_unknown() ? l : Value::null();
      std::vector<Value> kept;
      for (const Value& e : l.as_list()) {
        Value c = eval(*n.kids[2], e, arena);
        if (c.is_unknown()) return c;
        if (truthy(c)) kept.push_back(e);
      }
      return project(*n.kids[1], kept, arena);
    }
    case NodeKind::Or: {
      Value l = eval(*n.kids[0], cur, arena);
      if (l.is_unknown() || truthy(l)) return l;
      return eval(*n.kids[1], cur, arena);
    }
    case NodeKind::And: {
      Value l = eval(*n.kids[0], cur, arena);
      if (l.is_unknown() || !truthy(l)) return l;
      return eval(*n.kids[1], cur, arena);
    }
    case NodeKind::Not: {
      Value v = eval(*n.kids[0], cur, arena);
      return v.is_unknown() ? v : Value::boolean(!truthy(v));
    }
    case NodeKind::Compare: return compare(n.text, eval(*n.kids[0], cur, arena), eval(*n.kids[1], cur, arena));
    case NodeKind::Function: return call(n, cur, arena);
  }
  return Value::null();
}

using Path = std::vector<std::string>;

// Records every member path `n` reads relative to `base` and returns the path of its result (for
// what is applied to it next), or nullopt when that is not a member path of the root.
std::optional<Path> walk(const Node& n, const std::optional<Path>& base, std::vector<Path>& out) {
  auto sub = [&](size_t i, const std::optional<Path>& b) { return walk(*n.kids[i], b, out); };
  switch (n.kind) {
    case NodeKind::Identity: return base;
    case NodeKind::Literal: return std::nullopt;
    case NodeKind::Field: {
      if (!base) return std::nullopt;
      Path p = *base;
      p.push_back(n.text);
      out.push_back(p);
      return p;
    }
    case NodeKind::Index:
    case NodeKind::Flatten: return sub(0, base);
    case NodeKind::Subexpr:
    case NodeKind::Pipe:
    case NodeKind::Projection: return sub(1, sub(0, base));
    case NodeKind::ValueProjection: sub(0, base); sub(1, std::nullopt); return std::nullopt;
    case NodeKind::Filter: {
      std::optional<Path> l = sub(0, base);
      sub(2, l);
      return sub(1, l);
    }
    default:
      for (size_t i = 0; i < n.kids.size(); ++i) sub(i, base);
      return std::nullopt;
  }
}

}  // namespace

Value search(const Node& expr, const Value& root, Arena& arena) { return eval(expr, root, arena); }

std::vector<std::vector<std::string>> field_paths(const Node& expr) {
  std::vector<Path> out;
  walk(expr, Path{}, out);
  return out;
}

}  // namespace edict::stdlib::jmespath

// Collection builtins: object keys and values, list shaping (as_list, flatten, unique, sort),
// aggregates (sum, min, max), lookups (has_key, get) and the type and knownness tests.
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "stdlib/internal/functions.h"
#include "vm/operators.h"

namespace edict::stdlib::internal {

namespace {

// Checks that list is a list (null: false with no error, the builtin returns null).
bool list_arg(CallContext& ctx, std::string_view name, const Value& list) {
  if (list.is_null()) return false;
  if (!list.is_list()) {
    type_error(ctx, name, "list", list);
    return false;
  }
  return true;
}

// Checks that a list holds only numbers or only strings, so it can be ordered.
bool orderable(CallContext& ctx, std::string_view name, const Value& list) {
  std::span<const Value> items = list.as_list();
  for (const Value& item : items) {
    if (!item.is_number() && !item.is_string()) {
      fail(ctx, name, "can only compare numbers or strings, got " + std::string(kind_name(item.kind())));
      return false;
    }
    if (item.kind() != items[0].kind()) {
      fail(
          ctx, name,
          "cannot compare " + std::string(kind_name(items[0].kind())) + " with " + std::string(kind_name(item.kind())));
      return false;
    }
  }
  return true;
}

bool less(const Value& a, const Value& b) {
  return a.is_number() ? a.as_number() < b.as_number() : a.as_string() < b.as_string();
}

// min (want_max false) or max of a list of numbers or of strings; null for an empty list.
Value extreme(CallContext& ctx, std::string_view name, Args args, bool want_max) {
  const Value& list = args[0];
  if (!list_arg(ctx, name, list)) return Value::null();
  if (contains_unknown(list)) return Value::unknown();
  if (list.size() == 0 || !orderable(ctx, name, list)) return Value::null();
  const Value* best = &list.as_list()[0];
  for (const Value& item : list.as_list()) {
    if (want_max ? less(*best, item) : less(item, *best)) best = &item;
  }
  return *best;
}

// A hashable key for scalars, so unique() is linear on the common lists of strings and numbers.
std::string scalar_key(const Value& v) {
  switch (v.kind()) {
    case Kind::Null: return "z";
    case Kind::Bool: return v.as_bool() ? "t" : "f";
    case Kind::String: return "s" + std::string(v.as_string());
    case Kind::Number: {
      double n = v.as_number() == 0 ? 0 : v.as_number();  // -0 and 0 are equal
      std::string key = "n";
      key.append(reinterpret_cast<const char*>(&n), sizeof n);
      return key;
    }
    default: return "";
  }
}

}  // namespace

Value fn_keys(CallContext& ctx, Args args) {
  if (args[0].is_null()) return Value::null();
  const Value* o = object_of(args[0]);
  if (o == nullptr) return type_error(ctx, "keys", "object", args[0]);
  ListBuilder out;
  for (const Member& m : o->as_object()) out.push(Value::string(symbol_name(m.key)));  // interned: stable
  return out.build(ctx.arena);
}

Value fn_values(CallContext& ctx, Args args) {
  if (args[0].is_null()) return Value::null();
  const Value* o = object_of(args[0]);
  if (o == nullptr) return type_error(ctx, "values", "object", args[0]);
  ListBuilder out;
  for (const Member& m : o->as_object()) out.push(m.value);
  return out.build(ctx.arena);
}

Value fn_as_list(CallContext& ctx, Args args) {
  const Value& x = args[0];
  if (x.is_null()) return Value::list(nullptr, 0);
  if (x.is_list()) return x;
  return Value::list(ctx.arena, args.subspan(0, 1));
}

Value fn_flatten(CallContext& ctx, Args args) {
  const Value& list = args[0];
  if (!list_arg(ctx, "flatten", list)) return Value::null();
  // The result can be the square of the input (flatten([l for x in l])): check its size against
  // the memory budget before building anything, so the budget and not std::bad_alloc stops it.
  size_t total = 0;
  for (const Value& item : list.as_list()) total += item.is_list() ? item.size() : 1;
  ctx.arena.ensure(total * sizeof(Value));
  charge_steps(total);
  if (total > UINT32_MAX) return fail(ctx, "flatten", "the result would have more than 2^32 items");
  ListBuilder out;
  for (const Value& item : list.as_list()) {
    if (item.is_unknown()) return Value::unknown();  // it may be a list, so the length is unknown
    if (item.is_list()) {
      for (const Value& inner : item.as_list()) out.push(inner);
    } else {
      out.push(item);
    }
  }
  return out.build(ctx.arena);
}

Value fn_unique(CallContext& ctx, Args args) {
  const Value& list = args[0];
  if (!list_arg(ctx, "unique", list)) return Value::null();
  if (contains_unknown(list)) return Value::unknown();
  std::unordered_set<std::string> seen_scalars;
  std::vector<Value> seen_composites;
  ListBuilder out;
  for (const Value& item : list.as_list()) {
    std::string key = scalar_key(item);
    bool fresh = false;
    if (!key.empty()) {
      fresh = seen_scalars.insert(std::move(key)).second;
    } else {
      fresh =
          std::none_of(seen_composites.begin(), seen_composites.end(), [&](const Value& v) { return vm::equals(v, item) == vm::Tri::True; });
      if (fresh) seen_composites.push_back(item);
    }
    if (fresh) out.push(item);
  }
  return out.build(ctx.arena);
}

Value fn_sort(CallContext& ctx, Args args) {
  const Value& list = args[0];
  if (!list_arg(ctx, "sort", list)) return Value::null();
  if (contains_unknown(list)) return Value::unknown();
  if (!orderable(ctx, "sort", list)) return Value::null();
  std::vector<Value> items(list.as_list().begin(), list.as_list().end());
  std::stable_sort(items.begin(), items.end(), less);
  return Value::list(ctx.arena, items);
}

Value fn_sum(CallContext& ctx, Args args) {
  const Value& list = args[0];
  if (!list_arg(ctx, "sum", list)) return Value::null();
  if (contains_unknown(list)) return Value::unknown();
  double total = 0;
  for (const Value& item : list.as_list()) {
    if (!item.is_number())
      return fail(ctx, "sum", "expected a list of numbers, found " + std::string(kind_name(item.kind())));
    total += item.as_number();
  }
  return Value::number(total);
}

Value fn_min(CallContext& ctx, Args args) { return extreme(ctx, "min", args, false); }
Value fn_max(CallContext& ctx, Args args) { return extreme(ctx, "max", args, true); }

Value fn_has_key(CallContext& ctx, Args args) {
  const Value& key = args[1];
  if (args[0].is_null()) return Value::boolean(false);
  const Value* o = object_of(args[0]);
  if (o == nullptr) return type_error(ctx, "has_key", "object", args[0]);
  if (key.is_null()) return Value::null();
  if (!key.is_string()) return type_error(ctx, "has_key", "string key", key);
  return Value::boolean(find_member(*o, key.as_string()) != nullptr);
}

Value fn_get(CallContext& ctx, Args args) {
  const Value& c = args[0];
  const Value& key = args[1];
  const Value& fallback = args[2];
  if (c.is_null() || key.is_null()) return fallback;
  if (c.is_list()) {
    if (!key.is_number() || !is_integer(key.as_number())) return type_error(ctx, "get", "whole-number index", key);
    double i = key.as_number();
    if (i < 0) i += c.size();  // negative: counted from the end
    if (i < 0 || i >= c.size()) return fallback;
    const Value& item = c.as_list()[static_cast<size_t>(i)];
    return item.is_null() ? fallback : item;
  }
  const Value* o = object_of(c);
  if (o == nullptr) return type_error(ctx, "get", "object or list", c);
  if (!key.is_string()) return type_error(ctx, "get", "string key", key);
  const Value* found = find_member(*o, key.as_string());
  return found == nullptr || found->is_null() ? fallback : *found;
}

Value fn_type_of(CallContext&, Args args) { return Value::string(kind_name(args[0].kind())); }

Value fn_known(CallContext&, Args args) { return Value::boolean(!contains_unknown(args[0])); }

// Only the value itself counts: a list holding unknowns is a set attribute.
Value fn_is_set(CallContext&, Args args) {
  const Value& x = args[0];
  if (!x.is_unknown()) return Value::boolean(!x.is_null());
  switch (x.setness()) {
    case Setness::Set: return Value::boolean(true);
    case Setness::Unset: return Value::boolean(false);
    case Setness::Unsure: break;
  }
  return Value::unknown();
}

}  // namespace edict::stdlib::internal

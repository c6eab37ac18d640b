// Test helpers for builtins: value makers (S, N, B, L, J, U) and call(), which invokes a builtin
// the way the VM does and renders the result (`to_display`) or "error: <message>".
#pragma once

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/json.h"
#include "stdlib/builtins.h"
#include "vm/value.h"

namespace edict::stdlib::testing {

// 2023-11-14T22:13:20Z: the evaluation clock of every test call.
constexpr int64_t kNow = 1'700'000'000;

// One arena for the whole test run: values made by tests live as long as the process.
inline Arena& arena() {
  static Arena a;
  return a;
}

inline Value S(std::string_view s) { return Value::string(arena(), s); }
inline Value N(double n) { return Value::number(n); }
inline Value B(bool b) { return Value::boolean(b); }
inline Value U() { return Value::unknown(); }
inline Value Null() { return Value::null(); }
inline Value L(std::initializer_list<Value> items) {
  return Value::list(arena(), std::span<const Value>(items.begin(), items.size()));
}
inline Value J(std::string_view json) {
  Value out;
  std::string error;
  INFO("JSON: " << json);
  REQUIRE(loaders::parse_json(arena(), json, out, error));
  return out;
}

inline const Builtin& builtin(std::string_view name) {
  int i = find_builtin(name);
  INFO("builtin " << name);
  REQUIRE(i >= 0);
  return builtins()[static_cast<size_t>(i)];
}

// Calls like the VM: unknown arguments short-circuit to unknown unless the builtin sees them.
// An error must come with a null result.
inline Value call_value(std::string_view name, const std::vector<Value>& args, std::string* error, int64_t now = kNow) {
  const Builtin& b = builtin(name);
  REQUIRE(b.fn != nullptr);
  REQUIRE(args.size() >= b.min_args);
  REQUIRE(args.size() <= b.max_args);
  if (!b.sees_unknown) {
    for (const Value& a : args) {
      if (a.is_unknown()) return Value::unknown();
    }
  }
  CallContext ctx{arena(), {}, now};
  Value v = b.fn(ctx, args);
  if (!ctx.error.empty()) CHECK(v.is_null());
  *error = ctx.error;
  return v;
}

// The rendered result: `"abc"`, `[1, 2]`, `null`, `unknown`, or `error: lower: expected ...`.
inline std::string call(std::string_view name, const std::vector<Value>& args, int64_t now = kNow) {
  std::string error;
  Value v = call_value(name, args, &error, now);
  if (!error.empty()) return "error: " + error;
  return to_display(v, 100000);
}

// The compile-time check of a literal argument: "" when accepted.
inline std::string literal_check(std::string_view name, size_t index, const Value& literal) {
  const Builtin& b = builtin(name);
  REQUIRE(b.check != nullptr);
  return b.check(index, literal);
}

}  // namespace edict::stdlib::testing

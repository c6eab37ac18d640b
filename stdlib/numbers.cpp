// Number builtins: abs, floor, ceil, round (half away from zero) and to_number, which parses
// the numeric strings that snapshots and tags often hold ("30", " 1.5e3 ").
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "stdlib/internal/functions.h"

namespace edict::stdlib::internal {

namespace {

template <class F>
Value unary(CallContext& ctx, std::string_view name, const Value& x, F f) {
  if (x.is_null()) return Value::null();
  if (!x.is_number()) return type_error(ctx, name, "number", x);
  return Value::number(f(x.as_number()));
}

// Decimal text only: an optional sign, digits, a fraction, an exponent. No hex, inf or nan.
bool parse_number(std::string_view s, double* out) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.find_first_not_of("0123456789.eE+-") != std::string_view::npos) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

}  // namespace

Value fn_abs(CallContext& ctx, Args args) {
  return unary(ctx, "abs", args[0], [](double n) { return std::fabs(n); });
}

Value fn_floor(CallContext& ctx, Args args) {
  return unary(ctx, "floor", args[0], [](double n) { return std::floor(n); });
}

Value fn_ceil(CallContext& ctx, Args args) {
  return unary(ctx, "ceil", args[0], [](double n) { return std::ceil(n); });
}

Value fn_round(CallContext& ctx, Args args) {
  return unary(ctx, "round", args[0], [](double n) { return std::round(n); });
}

Value fn_to_number(CallContext& ctx, Args args) {
  const Value& x = args[0];
  if (x.is_null() || x.is_number()) return x;
  if (!x.is_string()) return type_error(ctx, "to_number", "number or numeric string", x);
  double n = 0;
  if (!parse_number(x.as_string(), &n)) return fail(ctx, "to_number", "not a number: " + to_display(x, 60));
  return Value::number(n);
}

}  // namespace edict::stdlib::internal

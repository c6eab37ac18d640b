// The builtin function table: each builtin declared once (name, typed parameters, purity, doc);
// the checker reads it, the VM binds by index, and `edict builtins --markdown` renders
// docs/stdlib.md from it. The signature text and the arity are derived from the parameters.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vm/value.h"

namespace edict::stdlib {

// Coarse static types for the checker's simple checks. Any accepts everything.
enum class Type : uint8_t { Any, Null, Bool, Number, String, List, Object, Resource };
// A union of kinds, in the order the docs write them (`string|number`). The checker refuses a
// literal argument of a kind not in it (null is always let through: builtins answer null).
using Types = std::vector<Type>;

struct Param {
  std::string_view name;
  Types types;            // empty for a domain's type name (`resources(TYPE)`)
  bool optional = false;  // may be left out; only trailing parameters are
  bool variadic = false;  // the last parameter, repeated zero or more times
};

// What a builtin may use while running. Results must be allocated in `arena`.
struct CallContext {
  Arena& arena;
  std::string error;        // set (and return null) to fail the rule on this resource
  int64_t now_unix = 0;     // the evaluation clock (EDICT_NOW or the wall clock), seconds
};

// What a builtin quantifies over when it names a domain rather than computing a value: its one
// argument is a bare type name (`resources(aws_s3_bucket)`), and the compiler lowers the call to
// an indexed lookup of the resources, or data sources, of that type.
enum class Domain : uint8_t { None, Resources, DataSources };

using BuiltinFn = Value (*)(CallContext& ctx, std::span<const Value> args);

// Validates a literal (constant) argument at compile time; returns an error text or "".
using LiteralCheck = std::string (*)(size_t arg_index, const Value& literal);

struct Builtin {
  std::string_view name;
  std::string_view category;   // strings, regex, net, json, numbers, time, collections, resources
  std::string_view doc;        // one or two sentences
  std::string_view example;    // an expression and its value: `lower("AbC") == "abc"`
  std::vector<Param> params;
  Types result;
  // false: the VM returns unknown when any argument is unknown, without calling fn.
  bool sees_unknown = false;
  BuiltinFn fn = nullptr;      // null exactly for domains, which the compiler lowers
  LiteralCheck check = nullptr;
  // false for builtins whose result depends on more than their arguments (now, age_days): the
  // compiler never folds them.
  bool pure = true;
  Domain domain = Domain::None;

  // Derived from `params` when the table is built; never written in it.
  std::string signature{};  // as shown in docs: "startswith(s: string, prefix: string) -> bool"
  uint8_t min_args = 0;
  uint8_t max_args = 0;   // 255 = variadic

  // Whether a literal of kind `have` may be argument `i` (true past the last parameter: arity
  // is checked on its own).
  bool accepts(size_t i, Type have) const;
};

// "string", or "string|number" for a union (as signatures write them).
std::string types_text(const Types& types);
const char* type_name(Type t);

const std::vector<Builtin>& builtins();
// Index into builtins(), or -1.
int find_builtin(std::string_view name);
// docs/stdlib.md, generated from the table.
std::string stdlib_markdown();

}  // namespace edict::stdlib

// The builtin function table: declared once (name, signature, purity, doc); the checker reads it,
// the VM binds by index, and `edict builtins --markdown` renders docs/stdlib.md from it.
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
  std::string_view signature;  // as shown in docs: "startswith(s: string, prefix: string) -> bool"
  std::string_view category;   // strings, regex, net, json, numbers, time, collections, resources
  std::string_view doc;        // one or two sentences
  std::string_view example;    // an expression and its value: `lower("AbC") == "abc"`
  uint8_t min_args = 0;
  uint8_t max_args = 0;        // 255 = variadic
  std::vector<Type> params;    // per position (the last repeats for variadics); Any if unknown
  Type result = Type::Any;
  // false: the VM returns unknown when any argument is unknown, without calling fn.
  bool sees_unknown = false;
  BuiltinFn fn = nullptr;      // null exactly for domains, which the compiler lowers
  LiteralCheck check = nullptr;
  // false for builtins whose result depends on more than their arguments (now, age_days): the
  // compiler never folds them.
  bool pure = true;
  Domain domain = Domain::None;
};

const std::vector<Builtin>& builtins();
// Index into builtins(), or -1.
int find_builtin(std::string_view name);
// docs/stdlib.md, generated from the table.
std::string stdlib_markdown();

}  // namespace edict::stdlib

// The JMESPath subset Cloud Custodian policies use for `key`, `value_path` and `list-item` keys:
// fields, quoted fields, `[N]`, `[*]`, `[]`, `[?cond]`, `.*`, `|`, comparisons, `&&`, `||`, `!`,
// literals and the common functions. Parsed by the c7n front end (to check keys against the
// mappings) and by the c7n builtins (stdlib/c7n_value.cpp) that evaluate them over a record.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vm/value.h"

namespace edict::stdlib::jmespath {

struct Node;
using NodePtr = std::shared_ptr<const Node>;

// Parses an expression; on failure returns null and sets `error` ("unexpected ']' at 4").
NodePtr parse(std::string_view text, std::string& error);

// Parses once per distinct text and thread (policies apply one key to every resource).
NodePtr parse_cached(std::string_view text, std::string& error);

// Evaluates over `root`. Unknowns propagate: an expression that reads an unknown to decide
// anything is unknown. New values are allocated in `arena`.
Value search(const Node& expr, const Value& root, Arena& arena);

// The member paths the expression reads, from the root (list steps are transparent: `a[].b` reads
// ["a", "b"]), so the front end can check each against what a mapping can provide.
std::vector<std::vector<std::string>> field_paths(const Node& expr);

// JMESPath truthiness: false, null, "", [] and {} are false; everything else (0 too) is true.
bool truthy(const Value& v);

}  // namespace edict::stdlib::jmespath

// Generic JSON -> Value conversion (simdjson DOM) for `edict eval` and the json_parse builtin, and
// the nesting limit the plan loaders share. Keys are interned; all parts live in the given arena.
#pragma once

#include <string>
#include <string_view>

#include "vm/value.h"

namespace edict::loaders {

// Maximum nesting depth accepted; deeper documents are rejected with an error, never a crash.
constexpr size_t kMaxJsonDepth = 1024;

// Parses `text` into a Value. On malformed input returns false and sets `error` to
// "line L, column C: what is wrong" (1-based).
bool parse_json(Arena& arena, std::string_view text, Value& out, std::string& error);

}  // namespace edict::loaders

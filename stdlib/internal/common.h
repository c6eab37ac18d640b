// Helpers shared by the builtin implementations: argument checks and error texts. Every builtin
// reports bad input through these, never by throwing. Equality and membership with unknowns are
// vm::equals and vm::member (vm/operators.h); deep unknown detection is contains_unknown.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "stdlib/builtins.h"
#include "vm/value.h"

namespace edict::stdlib::internal {

using Args = std::span<const Value>;

// Sets ctx.error to "fn: message" and returns null: the VM turns this into an `error` result.
Value fail(CallContext& ctx, std::string_view fn, std::string_view message);
// "fn: expected string, got number".
Value type_error(CallContext& ctx, std::string_view fn, std::string_view expected, const Value& got);

// New text goes in the call's arena. A result may also point into an argument (as `get` returns a
// part of its object, `trim` returns a view into its string): it lives exactly as long.
inline Value make_string(CallContext& ctx, std::string_view s) { return Value::string(ctx.arena, s); }

// The object behind v: v itself, or a resource's attributes; nullptr for anything else.
const Value* object_of(const Value& v);

// Member of an object by name, without interning the name (keys come from rule data, and the
// interner must not grow with every string a rule looks up); nullptr when absent.
const Value* find_member(const Value& object, std::string_view key);

// Whether a number is a whole number small enough to use as an index or count.
bool is_integer(double n);

// Renders a known value as text: strings as is, everything else as JSON.
std::string to_text(const Value& v);

// Number of UTF-8 code points (continuation bytes are not counted).
size_t utf8_length(std::string_view s);
// Byte offset of code point `index` (clamped to s.size()).
size_t utf8_offset(std::string_view s, size_t index);

}  // namespace edict::stdlib::internal

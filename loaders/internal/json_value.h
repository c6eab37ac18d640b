// Shared pieces of the JSON front end: simdjson DOM -> Value conversion, cached key interning, and
// the second pass that finds where a document simdjson rejected is wrong. Used by loaders/ only.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "vm/value.h"

namespace edict::loaders::internal {

// Interns an object key through a small direct-mapped cache in front of the global interner:
// plans repeat the same few thousand keys millions of times.
Symbol intern_key(std::string_view key);

// Converts a parsed element into a Value whose strings, lists and objects live in `arena`.
// Recursion is bounded by the parser's depth limit (kMaxJsonDepth). Throws DuplicateKey.
Value to_value(Arena& arena, simdjson::dom::element e);

// True when two of the n members have the same key. Every reader rejects duplicate keys (the
// second pass, find_json_error, says where), because JSON readers disagree on which one counts.
bool has_duplicate_key(const Member* members, size_t n);

// Thrown by to_value on a duplicate key; parse_json locates it.
struct DuplicateKey {};

// A new DOM parser whose depth limit is kMaxJsonDepth.
simdjson::dom::parser make_parser();

// simdjson rejects integers that fit no 64-bit type, which Terraform writes as they are. Makes a
// copy of `text` in which each of them is written as a double (`1234...0.0`). Returns false when
// there is none, or when the text has some other error.
bool widen_big_integers(std::string_view text, std::string& out);

// Where and why a document is not valid JSON (1-based line; column in bytes, as lang::LineCol).
struct JsonError {
  size_t line = 1;
  size_t column = 1;
  std::string message;
};

// Finds the first error in `text` (integers beyond 64 bits are not errors); false when the text is
// valid JSON. The check behind the errors of a document read with On-Demand, which validates only
// what it reads. Iterative: deep nesting costs no stack.
bool find_json_error(std::string_view text, JsonError& error);

// Finds the first error in `text`, which simdjson rejected with `code`. Iterative: deep nesting
// costs no stack. When the scan finds nothing (should not happen) it reports simdjson's message.
JsonError locate_json_error(std::string_view text, simdjson::error_code code);

// 1-based line and byte column of `offset` in `text` (json_locate.cpp).
void line_col(std::string_view text, size_t offset, size_t& line, size_t& column);

}  // namespace edict::loaders::internal

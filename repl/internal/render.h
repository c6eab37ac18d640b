// Text the REPL prints for values and resources: indented JSON-like values with unknowns shown as
// "(known after apply)", unknown attribute paths, run-time errors with a caret, word columns.
#pragma once

#include <string>
#include <vector>

#include "lang/source.h"
#include "model/resource.h"
#include "vm/value.h"

namespace edict::repl::internal {

// Indented, JSON-like: `key: value` per line (keys quoted only when they are not identifiers),
// short lists of scalars on one line, unknowns as "(known after apply)". `indent` is the depth
// of the value itself; the first line is not indented.
std::string pretty(const Value& v, size_t indent = 0);

// An expression result: compact when it fits on one line, else pretty().
std::string show_value(const Value& v);

// Header lines and attributes of a resource, as :show prints them.
std::string show_resource(const model::ResourceSet& set, const model::Resource& r);

// Paths of unknown values below `v` ("a.b[0].c"), in attribute order.
std::vector<std::string> unknown_paths(const Value& v);

// "file:line:col: error: message", the source line, and a caret under the span.
std::string caret_error(const lang::SourceManager& sources, const lang::Span& span, const std::string& message);

// Words laid out in columns no wider than `width`, one line per row (for completion lists).
std::string columns(const std::vector<std::string>& words, size_t width);

// Whether `s` is an identifier (letters, digits, '_', not starting with a digit).
bool is_identifier(std::string_view s);

}  // namespace edict::repl::internal

// simdjson On-Demand helpers for the Terraform loaders: errors as exceptions, key and string text
// without copies, skipping a value while keeping its text, re-reading such text later, and the
// conversion of the values that are kept into Values. Used by loaders/ only.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "vm/value.h"

namespace edict::loaders::internal {

namespace od = simdjson::ondemand;

// A JSON error found while reading the document (simdjson's code, or DEPTH_ERROR when the nesting
// limit is passed). The loader turns it into "file:line:column: message" with the second pass.
struct JsonFault {
  simdjson::error_code code;
  const char* where = nullptr;  // in the input, when known
  const char* message = nullptr;  // replaces simdjson's message when the second pass finds nothing
};

[[noreturn]] void fail(simdjson::error_code code, const char* where = nullptr);

inline void check(simdjson::error_code code) {
  if (code != simdjson::SUCCESS) fail(code);
}

// The value of a simdjson result; throws JsonFault on an error.
template <class T>
T take(simdjson::simdjson_result<T>&& result) {
  T value;
  check(std::move(result).get(value));
  return value;
}

// The type of `v`; throws JsonFault on a malformed token.
inline od::json_type type_of(od::value& v) { return take(v.type()); }

// The unescaped text of a key: a view into the input when it has no escapes (almost always),
// else into the parser's string buffer.
std::string_view key_text(od::field& field);

// The unescaped text of a string value, by the same rule. `v` must be a string.
std::string_view string_text(od::value& v);

// Skips `v` (unread: not validated beyond its brackets) and returns its JSON text, a view into
// the input that a SpanReader can read again.
std::string_view skip(od::value& v);

// Nesting limit (kMaxJsonDepth): `depth` is the number of containers around a value; opening one
// more must not pass the limit.
void check_depth(size_t depth, od::value& v);

// Converts a value into `arena`. Objects and arrays are collected on reused stacks and copied
// once into arrays of their exact size; numbers become doubles (integers beyond 64 bits too).
class Converter {
 public:
  Value convert(Arena& arena, od::value v, size_t depth);
  // Converts the members of object `v` (their values into `arena`) and appends them to `out`.
  void members(Arena& arena, od::value v, size_t depth, std::vector<Member>& out);
  // Reads `v` to its end as convert() would, refusing what it refuses (duplicate keys, bad
  // literals and escapes, nesting), but keeps nothing: for values the loader does not need.
  void validate(od::value v, size_t depth);
  // An object made of `members`, allocated once in `arena`.
  static Value object(Arena& arena, const std::vector<Member>& members);

 private:
  std::vector<Member> members_;
  std::vector<Value> items_;
  std::vector<std::string_view> keys_;  // validate(): the keys of the open objects, uninterned
};

// Parsers for reading again text kept by skip() (keys met in an unfavourable order). Readers
// nest, so each level gets its own parser; parsers keep their buffers for the next reader.
class SpanParsers {
 public:
  od::parser& acquire();
  void release() { --used_; }
  void clear() { parsers_.clear(); }

 private:
  std::vector<std::unique_ptr<od::parser>> parsers_;
  size_t used_ = 0;
};

// Reads `span` again: the text must lie inside the padded input buffer (so that the padding that
// follows it is readable). value() is valid while the reader lives.
class SpanReader {
 public:
  SpanReader(SpanParsers& pool, std::string_view span);
  ~SpanReader() { pool_.release(); }
  SpanReader(const SpanReader&) = delete;
  SpanReader& operator=(const SpanReader&) = delete;
  od::value value() { return take(doc_.get_value()); }

 private:
  SpanParsers& pool_;
  od::document doc_;
};

}  // namespace edict::loaders::internal

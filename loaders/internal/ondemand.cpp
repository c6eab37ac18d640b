// simdjson On-Demand helpers: key and string text, skipping with text kept, span re-reading and
// the On-Demand -> Value conversion.
#include "loaders/internal/ondemand.h"

#include <algorithm>
#include <cstring>

#include "loaders/internal/json_value.h"
#include "loaders/json.h"

namespace edict::loaders::internal {

namespace {
constexpr const char* kDuplicateKey = "duplicate key in an object";

}  // namespace

void fail(simdjson::error_code code, const char* where) { throw JsonFault{code, where}; }

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view key_text(od::field& field) {
  const char* p = field.key().raw();  // just after the opening quote
  size_t n = 0;
  // Stage 1 proved the string is closed; a backslash comes before any escaped quote.
  while (p[n] != '"') {
    if (p[n] == '\\') return take(field.unescaped_key());
    ++n;
  }
  return {p, n};
}

std::string_view string_text(od::value& v) {
  // The token runs from the opening quote to the next structural character.
  std::string_view token = trim_right(v.raw_json_token());
  if (token.size() >= 2 && token.front() == '"' && token.back() == '"' &&
      std::memchr(token.data() + 1, '\\', token.size() - 2) == nullptr) {
    check(v.get_raw_json_string().error());  // moves past the string without unescaping it
    return token.substr(1, token.size() - 2);
  }
  return take(v.get_string());
}

std::string_view skip(od::value& v) {
  switch (type_of(v)) {
    case od::json_type::object: return take(take(v.get_object()).raw_json());
    case od::json_type::array: return take(take(v.get_array()).raw_json());
    default: return trim_right(v.raw_json_token());  // the parent skips an unread scalar
  }
}

void check_depth(size_t depth, od::value& v) {
  if (depth + 1 > kMaxJsonDepth) fail(simdjson::DEPTH_ERROR, v.raw_json_token().data());
}

Value Converter::convert(Arena& arena, od::value v, size_t depth) {
  switch (type_of(v)) {
    case od::json_type::object: {
      check_depth(depth, v);
      od::object object = take(v.get_object());
      size_t base = members_.size();
      for (auto result : object) {
        od::field field = take(std::move(result));
        Symbol key = intern_key(key_text(field));
        Value value = convert(arena, field.value(), depth + 1);
        members_.push_back({key, value});
      }
      size_t n = members_.size() - base;
      if (has_duplicate_key(members_.data() + base, n)) throw JsonFault{simdjson::TAPE_ERROR, nullptr, kDuplicateKey};
      Member* members = arena.make_array<Member>(n);
      if (n > 0) std::memcpy(static_cast<void*>(members), members_.data() + base, n * sizeof(Member));
      members_.resize(base);
      return Value::object(members, n);
    }
    case od::json_type::array: {
      check_depth(depth, v);
      od::array array = take(v.get_array());
      size_t base = items_.size();
      for (auto result : array) items_.push_back(convert(arena, take(std::move(result)), depth + 1));
      size_t n = items_.size() - base;
      Value* items = arena.make_array<Value>(n);
      if (n > 0) std::memcpy(static_cast<void*>(items), items_.data() + base, n * sizeof(Value));
      items_.resize(base);
      return Value::list(items, n);
    }
    case od::json_type::string: return Value::string(arena, string_text(v));
    case od::json_type::number: {
      // Integers first, as the DOM did (-0 is 0); get_double reads any other number, including
      // integers that fit no 64-bit type.
      int64_t i = 0;
      if (v.get_int64().get(i) == simdjson::SUCCESS) return Value::number(static_cast<double>(i));
      double d = 0;
      simdjson::error_code code = v.get_double().get(d);
      if (code != simdjson::SUCCESS) fail(code, v.raw_json_token().data());
      return Value::number(d);
    }
    case od::json_type::boolean: return Value::boolean(take(v.get_bool()));
    case od::json_type::null:
      if (!take(v.is_null())) fail(simdjson::N_ATOM_ERROR, v.raw_json_token().data());
      return Value::null();
  }
  return Value::null();
}

void Converter::validate(od::value v, size_t depth) {
  switch (type_of(v)) {
    case od::json_type::object: {
      check_depth(depth, v);
      // Keys are compared as text, not interned: the skipped sections' keys need no symbols.
      size_t base = keys_.size();
      for (auto result : take(v.get_object())) {
        od::field field = take(std::move(result));
        keys_.push_back(key_text(field));
        validate(field.value(), depth + 1);
      }
      bool duplicate = false;
      size_t n = keys_.size() - base;
      if (n <= 16) {  // the usual object
        for (size_t i = base + 1; i < keys_.size() && !duplicate; ++i)
          for (size_t j = base; j < i && !duplicate; ++j) duplicate = keys_[i] == keys_[j];
      } else {
        std::sort(keys_.begin() + static_cast<ptrdiff_t>(base), keys_.end());
        duplicate = std::adjacent_find(keys_.begin() + static_cast<ptrdiff_t>(base), keys_.end()) != keys_.end();
      }
      keys_.resize(base);
      if (duplicate) throw JsonFault{simdjson::TAPE_ERROR, nullptr, kDuplicateKey};
      return;
    }
    case od::json_type::array:
      check_depth(depth, v);
      for (auto result : take(v.get_array())) validate(take(std::move(result)), depth + 1);
      return;
    case od::json_type::string: string_text(v); return;
    case od::json_type::number: {
      double d = 0;
      int64_t i = 0;
      if (v.get_int64().get(i) == simdjson::SUCCESS) return;
      simdjson::error_code code = v.get_double().get(d);
      if (code != simdjson::SUCCESS) fail(code, v.raw_json_token().data());
      return;
    }
    case od::json_type::boolean: take(v.get_bool()); return;
    case od::json_type::null:
      if (!take(v.is_null())) fail(simdjson::N_ATOM_ERROR, v.raw_json_token().data());
      return;
  }
}

void Converter::members(Arena& arena, od::value v, size_t depth, std::vector<Member>& out) {
  check_depth(depth, v);
  for (auto result : take(v.get_object())) {
    od::field field = take(std::move(result));
    Symbol key = intern_key(key_text(field));
    Value value = convert(arena, field.value(), depth + 1);
    out.push_back({key, value});
  }
  if (has_duplicate_key(out.data(), out.size())) throw JsonFault{simdjson::TAPE_ERROR, nullptr, kDuplicateKey};
}

Value Converter::object(Arena& arena, const std::vector<Member>& members) {
  Member* copy = arena.make_array<Member>(members.size());
  if (!members.empty()) std::memcpy(static_cast<void*>(copy), members.data(), members.size() * sizeof(Member));
  return Value::object(copy, members.size());
}

od::parser& SpanParsers::acquire() {
  if (used_ == parsers_.size()) parsers_.push_back(std::make_unique<od::parser>());
  return *parsers_[used_++];
}

SpanReader::SpanReader(SpanParsers& pool, std::string_view span) : pool_(pool) {
  od::parser& parser = pool.acquire();
  // The span is followed by the rest of the input and its padding: at least SIMDJSON_PADDING bytes.
  simdjson::error_code code =
      parser.iterate(simdjson::padded_string_view(span.data(), span.size(), span.size() + simdjson::SIMDJSON_PADDING))
          .get(doc_);
  if (code != simdjson::SUCCESS) {
    pool.release();
    fail(code, span.data());
  }
}

}  // namespace edict::loaders::internal

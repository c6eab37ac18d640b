// Argument and error helpers shared by every builtin category.
#include "stdlib/internal/common.h"

#include <cmath>

#include "model/resource.h"

namespace edict::stdlib::internal {

Value fail(CallContext& ctx, std::string_view fn, std::string_view message) {
  ctx.error.assign(fn);
  ctx.error += ": ";
  ctx.error += message;
  return Value::null();
}

Value type_error(CallContext& ctx, std::string_view fn, std::string_view expected, const Value& got) {
  std::string message = "expected ";
  message += expected;
  message += ", got ";
  message += kind_name(got.kind());
  return fail(ctx, fn, message);
}

const Value* object_of(const Value& v) {
  if (v.is_object()) return &v;
  if (v.is_resource() && v.as_resource()->attrs.is_object()) return &v.as_resource()->attrs;
  return nullptr;
}

const Value* find_member(const Value& object, std::string_view key) {
  for (const Member& m : object.as_object()) {
    if (symbol_name(m.key) == key) return &m.value;
  }
  return nullptr;
}

bool is_integer(double n) { return std::isfinite(n) && n == std::floor(n) && std::fabs(n) <= 9007199254740992.0; }

std::string to_text(const Value& v) {
  if (v.is_string()) return std::string(v.as_string());
  return to_json(v);
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

size_t utf8_offset(std::string_view s, size_t index) {
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == index) return i;
      ++seen;
    }
  }
  return s.size();
}

}  // namespace edict::stdlib::internal

// JSON and IAM builtins: json_parse (which also accepts the URL-encoded policies the IAM API
// returns), url_decode, to_json, and policy_statements, which normalises a policy's shape.
#include <string>
#include <string_view>
#include <vector>

#include "loaders/json.h"
#include "stdlib/internal/functions.h"

namespace edict::stdlib::internal {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX becomes the byte XX; a `%` not followed by two hex digits is kept as is; `+` is kept
// (IAM encodes spaces as %20, and `+` can occur in policy text).
std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool has_encoded_brace(std::string_view s) {
  return s.find("%7B") != std::string_view::npos || s.find("%7b") != std::string_view::npos;
}

// Parses JSON text into out; false with `error`. Text that starts with `%` is URL-decoded first,
// and so is text that is not JSON as it stands but holds an encoded brace (the IAM API's form),
// so a plain document with "%7B" inside a string value is left alone.
bool parse_document(Arena& arena, std::string_view text, Value& out, std::string& error) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark
  size_t first = text.find_first_not_of(" \t\r\n");
  bool encoded = first != std::string_view::npos && text[first] == '%';
  if (!encoded) {
    if (loaders::parse_json(arena, text, out, error)) return true;
    if (!has_encoded_brace(text)) return false;
  }
  std::string decoded = percent_decode(text);
  std::string decoded_error;
  if (loaders::parse_json(arena, decoded, out, decoded_error)) return true;
  if (encoded) error = decoded_error;  // otherwise the error about the text as given is clearer
  return false;
}

const Symbol kStatement = intern("Statement");
const Symbol kListKeys[] = {intern("Action"), intern("NotAction"), intern("Resource"), intern("NotResource")};

bool is_list_key(Symbol key) {
  for (Symbol k : kListKeys) {
    if (k == key) return true;
  }
  return false;
}

// Copies a statement with Action/NotAction/Resource/NotResource as lists of strings.
bool normalise_statement(CallContext& ctx, const Value& stmt, Value* out) {
  std::vector<Member> members(stmt.as_object().begin(), stmt.as_object().end());
  for (Member& m : members) {
    if (!is_list_key(m.key) || m.value.is_unknown() || m.value.is_null()) continue;
    if (m.value.is_string()) {
      m.value = Value::list(ctx.arena, std::span<const Value>(&m.value, 1));
      continue;
    }
    bool ok = m.value.is_list();
    if (ok) {
      for (const Value& item : m.value.as_list()) ok = ok && (item.is_string() || item.is_unknown());
    }
    if (!ok) {
      fail(ctx, "policy_statements",
           std::string(symbol_name(m.key)) + " must be a string or a list of strings, got " + to_display(m.value, 60));
      return false;
    }
  }
  *out = Value::object(ctx.arena, members);
  return true;
}

}  // namespace

Value fn_json_parse(CallContext& ctx, Args args) {
  const Value& s = args[0];
  if (s.is_null() || s.is_object() || s.is_list()) return s;
  if (!s.is_string()) return type_error(ctx, "json_parse", "string", s);
  Value out;
  std::string error;
  if (!parse_document(ctx.arena, s.as_string(), out, error)) return fail(ctx, "json_parse", error);
  return out;
}

Value fn_url_decode(CallContext& ctx, Args args) {
  const Value& s = args[0];
  if (s.is_null()) return Value::null();
  if (!s.is_string()) return type_error(ctx, "url_decode", "string", s);
  if (s.as_string().find('%') == std::string_view::npos) return s;
  return make_string(ctx, percent_decode(s.as_string()));
}

Value fn_to_json(CallContext& ctx, Args args) {
  if (contains_unknown(args[0])) return Value::unknown();
  return make_string(ctx, to_json(args[0]));
}

Value fn_policy_statements(CallContext& ctx, Args args) {
  Value doc = args[0];
  if (doc.is_null()) return Value::null();
  if (args[0].is_string()) {
    std::string error;
    if (!parse_document(ctx.arena, args[0].as_string(), doc, error)) return fail(ctx, "policy_statements", error);
  }
  if (!doc.is_object()) return type_error(ctx, "policy_statements", "a policy document (JSON object or string)", doc);
  const Value* statement = doc.find(kStatement);
  if (statement == nullptr || statement->is_null()) return Value::list(nullptr, 0);
  if (statement->is_unknown()) return Value::unknown();
  std::span<const Value> items = statement->is_list() ? statement->as_list() : std::span<const Value>(statement, 1);
  ListBuilder out;
  for (const Value& item : items) {
    Value normalised = item;
    if (item.is_object()) {
      if (!normalise_statement(ctx, item, &normalised)) return Value::null();
    } else if (!item.is_unknown()) {
      return fail(ctx, "policy_statements", "a statement must be an object, got " + to_display(item, 60));
    }
    out.push(normalised);
  }
  return out.build(ctx.arena);
}

std::string check_json(size_t, const Value& literal) {
  if (!literal.is_string()) return "";
  Arena scratch;
  Value out;
  std::string error;
  if (parse_document(scratch, literal.as_string(), out, error)) return "";
  return "invalid JSON: " + error;
}

}  // namespace edict::stdlib::internal

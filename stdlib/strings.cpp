// String builtins: length, case, trimming, prefix/suffix tests, containment, split/join,
// replacement, substrings and formatting. Lengths and offsets count UTF-8 code points.
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/internal/functions.h"
#include "vm/operators.h"

namespace edict::stdlib::internal {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Applies f to every ASCII letter; other bytes (including UTF-8 sequences) are kept.
template <class F>
Value map_ascii(CallContext& ctx, std::string_view name, const Value& s, F f) {
  if (s.is_null()) return Value::null();
  if (!s.is_string()) return type_error(ctx, name, "string", s);
  std::string out(s.as_string());
  for (char& c : out) c = f(c);
  return make_string(ctx, out);
}

// Checks that every argument is a string; returns false (with ctx.error set when a type is wrong).
// `*null_seen` reports a null argument, which makes the function return null.
bool strings_or_null(CallContext& ctx, std::string_view name, Args args, bool* null_seen) {
  *null_seen = false;
  for (const Value& a : args) {
    if (a.is_null()) {
      *null_seen = true;
    } else if (!a.is_string()) {
      type_error(ctx, name, "string", a);
      return false;
    }
  }
  return true;
}

// Walks a format template, calling on_text for literal text and on_hole for each `{}`.
// Returns an error text for a lone brace, or "".
template <class Text, class Hole>
std::string walk_template(std::string_view t, Text on_text, Hole on_hole) {
  size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == '{' && i + 1 < t.size() && t[i + 1] == '{') {
      on_text("{");
      i += 2;
    } else if (c == '}' && i + 1 < t.size() && t[i + 1] == '}') {
      on_text("}");
      i += 2;
    } else if (c == '{' && i + 1 < t.size() && t[i + 1] == '}') {
      on_hole();
      i += 2;
    } else if (c == '{' || c == '}') {
      return "lone '" + std::string(1, c) + "' at offset " + std::to_string(i) +
             " (write {} for a value, {{ or }} for a brace)";
    } else {
      size_t next = t.find_first_of("{}", i);
      if (next == std::string_view::npos) next = t.size();
      on_text(t.substr(i, next - i));
      i = next;
    }
  }
  return "";
}

}  // namespace

Value fn_len(CallContext& ctx, Args args) {
  const Value& x = args[0];
  switch (x.kind()) {
    case Kind::Null: return Value::number(0);
    case Kind::String: return Value::number(static_cast<double>(utf8_length(x.as_string())));
    case Kind::List:
    case Kind::Object: return Value::number(x.size());
    default: return type_error(ctx, "len", "string, list or object", x);
  }
}

Value fn_lower(CallContext& ctx, Args args) {
  return map_ascii(ctx, "lower", args[0], [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
}

Value fn_upper(CallContext& ctx, Args args) {
  return map_ascii(ctx, "upper", args[0], [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
}

Value fn_trim(CallContext& ctx, Args args) {
  const Value& s = args[0];
  if (s.is_null()) return Value::null();
  if (!s.is_string()) return type_error(ctx, "trim", "string", s);
  std::string_view v = s.as_string();
  while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
  while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
  return Value::string(v);  // a view into the argument, which already lives long enough
}

Value fn_startswith(CallContext& ctx, Args args) {
  bool null_seen = false;
  if (!strings_or_null(ctx, "startswith", args, &null_seen) || null_seen) return Value::null();
  return Value::boolean(args[0].as_string().starts_with(args[1].as_string()));
}

Value fn_endswith(CallContext& ctx, Args args) {
  bool null_seen = false;
  if (!strings_or_null(ctx, "endswith", args, &null_seen) || null_seen) return Value::null();
  return Value::boolean(args[0].as_string().ends_with(args[1].as_string()));
}

Value fn_contains(CallContext& ctx, Args args) {
  // The same semantics as `in` (vm/operators.h), unknowns included; null propagates.
  const Value& h = args[0];
  const Value& n = args[1];
  if (h.is_null()) return Value::null();
  if (h.is_unknown()) return Value::unknown();
  if (h.is_list()) return vm::to_value(vm::member(n, h));
  if (n.is_unknown() && (h.is_string() || object_of(h) != nullptr)) return Value::unknown();
  if (h.is_string() || object_of(h) != nullptr) {
    if (n.is_null()) return Value::null();
    if (!n.is_string()) return type_error(ctx, "contains", "string needle", n);
    if (h.is_string()) return Value::boolean(h.as_string().find(n.as_string()) != std::string_view::npos);
    return Value::boolean(find_member(*object_of(h), n.as_string()) != nullptr);
  }
  return type_error(ctx, "contains", "string, list or object", h);
}

Value fn_split(CallContext& ctx, Args args) {
  bool null_seen = false;
  if (!strings_or_null(ctx, "split", args, &null_seen) || null_seen) return Value::null();
  std::string_view s = args[0].as_string();
  std::string_view sep = args[1].as_string();
  ListBuilder parts;
  if (sep.empty()) {
    // An empty separator splits into code points (the views point into the argument).
    size_t start = 0;
    for (size_t i = 1; i <= s.size(); ++i) {
      if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
        parts.push(Value::string(s.substr(start, i - start)));
        start = i;
      }
    }
    return parts.build(ctx.arena);
  }
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    if (at == std::string_view::npos) break;
    parts.push(Value::string(s.substr(start, at - start)));
    start = at + sep.size();
  }
  parts.push(Value::string(s.substr(start)));
  return parts.build(ctx.arena);
}

Value fn_join(CallContext& ctx, Args args) {
  const Value& list = args[0];
  const Value& sep = args[1];
  if (list.is_null() || sep.is_null()) return Value::null();
  if (!list.is_list()) return type_error(ctx, "join", "list", list);
  if (!sep.is_string()) return type_error(ctx, "join", "string separator", sep);
  if (contains_unknown(list)) return Value::unknown();
  charge_steps(list.size());
  ctx.arena.ensure(list.size() * sep.size());  // the separators alone; make_string counts the rest
  std::string out;
  bool first = true;
  for (const Value& item : list.as_list()) {
    if (!first) out += sep.as_string();
    first = false;
    out += to_text(item);
  }
  return make_string(ctx, out);
}

Value fn_replace(CallContext& ctx, Args args) {
  bool null_seen = false;
  if (!strings_or_null(ctx, "replace", args, &null_seen) || null_seen) return Value::null();
  std::string_view s = args[0].as_string();
  std::string_view from = args[1].as_string();
  std::string_view to = args[2].as_string();
  if (from.empty()) return args[0];
  // Every match can grow the text by |to| - |from| (replace(s, "a", s) squares it): count the
  // matches and check the result's size against the memory budget first.
  size_t matches = 0;
  for (size_t at = s.find(from); at != std::string_view::npos; at = s.find(from, at + from.size())) ++matches;
  charge_steps(1 + s.size() / 16);
  if (to.size() > from.size()) ctx.arena.ensure(s.size() + matches * (to.size() - from.size()));
  std::string out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(from, start);
    if (at == std::string_view::npos) break;
    out.append(s.substr(start, at - start));
    out.append(to);
    start = at + from.size();
  }
  out.append(s.substr(start));
  return make_string(ctx, out);
}

Value fn_substr(CallContext& ctx, Args args) {
  const Value& s = args[0];
  if (s.is_null()) return Value::null();
  if (!s.is_string()) return type_error(ctx, "substr", "string", s);
  for (size_t i = 1; i < args.size(); ++i) {
    if (!args[i].is_number() || !is_integer(args[i].as_number())) {
      return fail(ctx, "substr", "start and length must be whole numbers, got " + to_display(args[i], 40));
    }
  }
  auto total = static_cast<double>(utf8_length(s.as_string()));
  double start = args[1].as_number();
  if (start < 0) start = std::max(0.0, total + start);  // negative: counted from the end
  start = std::min(start, total);
  double count = total - start;
  if (args.size() > 2) {
    if (args[2].as_number() < 0) return fail(ctx, "substr", "length must not be negative");
    count = std::min(count, args[2].as_number());
  }
  std::string_view v = s.as_string();
  size_t from = utf8_offset(v, static_cast<size_t>(start));
  size_t to = utf8_offset(v, static_cast<size_t>(start + count));
  return Value::string(v.substr(from, to - from));
}

Value fn_to_string(CallContext& ctx, Args args) {
  const Value& x = args[0];
  if (x.is_null() || x.is_string()) return x;
  if (contains_unknown(x)) return Value::unknown();
  return make_string(ctx, to_text(x));
}

Value fn_format(CallContext& ctx, Args args) {
  const Value& t = args[0];
  if (t.is_null()) return Value::null();
  if (!t.is_string()) return type_error(ctx, "format", "string template", t);
  for (size_t i = 1; i < args.size(); ++i) {
    if (contains_unknown(args[i])) return Value::unknown();
  }
  std::string out;
  size_t next = 1;
  std::string bad = walk_template(
      t.as_string(), [&](std::string_view text) { out += text; },
      [&] {
        if (next < args.size()) out += to_text(args[next]);
        ++next;
      });
  if (!bad.empty()) return fail(ctx, "format", bad);
  if (next != args.size()) {
    return fail(ctx, "format",
                "the template has " + std::to_string(next - 1) + " {} but " + std::to_string(args.size() - 1) +
                    " values were given");
  }
  return make_string(ctx, out);
}

std::string check_format(size_t arg_index, const Value& literal) {
  if (arg_index != 0 || !literal.is_string()) return "";
  return walk_template(
      literal.as_string(), [](std::string_view) {}, [] {});
}

}  // namespace edict::stdlib::internal

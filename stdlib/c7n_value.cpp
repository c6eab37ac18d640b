// The Cloud Custodian builtins the c7n front end (c7n/) compiles policies to: the `value` filter
// with Custodian's ops, value types and special values (c7n_value), a JMESPath search
// (c7n_search), the list a `list-item` filter iterates (c7n_items), an op between two values
// (c7n_compare) and the Tags list of a canonical tag map (c7n_tag_list). Three-valued: a filter
// that reads an unknown value is unknown.
#include <re2/re2.h>

#include <cmath>
#include <memory>
#include <unordered_map>

#include "stdlib/internal/c7n.h"
#include "stdlib/internal/c7n_python.h"
#include "stdlib/jmespath.h"

namespace edict::stdlib::internal {

namespace {

using c7n::Py;

// Python `re` patterns on RE2, cached per thread (one pattern meets every resource).
const re2::RE2* regex(std::string_view pattern, bool case_sensitive) {
  thread_local std::unordered_map<std::string, std::unique_ptr<re2::RE2>> cache;
  std::string key = (case_sensitive ? "s:" : "i:") + std::string(pattern);
  auto it = cache.find(key);
  if (it == cache.end()) {
    if (cache.size() > 1024) cache.clear();
    re2::RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(case_sensitive);
    it = cache.emplace(key, std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), o)).first;
  }
  return it->second->ok() ? it->second.get() : nullptr;
}

// fnmatch.fnmatch on POSIX: `*`, `?`, `[seq]`, `[!seq]`; no escapes; an unclosed `[` is literal.
bool fnmatch(std::string_view s, std::string_view p) {
  size_t i = 0, j = 0, star_j = std::string_view::npos, star_i = 0;
  auto set_end = [&](size_t k) {
    size_t e = k + 1;
    if (e < p.size() && p[e] == '!') ++e;
    if (e < p.size() && p[e] == ']') ++e;
    while (e < p.size() && p[e] != ']') ++e;
    return e < p.size() ? e : std::string_view::npos;
  };
  while (i < s.size()) {
    if (j < p.size() && p[j] == '*') {
      star_j = ++j;
      star_i = i;
      continue;
    }
    bool ok = false;
    size_t next = j + 1;
    if (j < p.size()) {
      if (p[j] == '?') {
        ok = true;
      } else if (p[j] == '[' && set_end(j) != std::string_view::npos) {
        size_t e = set_end(j), k = j + 1;
        bool negate = p[k] == '!';
        if (negate) ++k;
        bool hit = false;
        while (k < e) {
          char lo = p[k], hi = lo;
          if (k + 2 < e && p[k + 1] == '-') {
            hi = p[k + 2];
            k += 3;
          } else {
            ++k;
          }
          if (lo <= s[i] && s[i] <= hi) hit = true;
        }
        ok = hit != negate;
        next = e + 1;
      } else {
        ok = p[j] == s[i];
      }
    }
    if (ok) {
      ++i;
      j = next;
    } else if (star_j != std::string_view::npos) {
      i = ++star_i;
      j = star_j;
    } else {
      return false;
    }
  }
  while (j < p.size() && p[j] == '*') ++j;
  return j == p.size();
}

// Python int(str(x).strip()), 0 when that raises.
double py_int(const Value& v) {
  if (v.is_number()) return std::trunc(v.as_number()) == v.as_number() ? v.as_number() : 0;
  if (!v.is_string()) return 0;
  std::string_view s = v.as_string();
  size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
  if (b == std::string_view::npos) return 0;
  s = s.substr(b, e - b + 1);
  size_t k = s[0] == '+' || s[0] == '-' ? 1 : 0;
  if (k == s.size()) return 0;
  double n = 0;
  for (size_t i = k; i < s.size(); ++i) {
    if (s[i] == '_' && i > k && i + 1 < s.size() && s[i - 1] != '_' && s[i + 1] != '_') continue;
    if (s[i] < '0' || s[i] > '9') return 0;
    n = n * 10 + (s[i] - '0');
  }
  return s[0] == '-' ? -n : n;
}

double py_float(const Value& v) {
  if (v.is_number()) return v.as_number();
  if (!v.is_string()) return 0;
  std::string s(v.as_string());
  if (s.find_first_of("xX") != std::string::npos) return 0;
  size_t b = s.find_first_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return 0;
  char* end = nullptr;
  double d = std::strtod(s.c_str() + b, &end);
  while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r') ++end;
  return end != s.c_str() + b && *end == '\0' ? d : 0;
}

Py date_or_zero(const Value& v) {
  std::optional<double> t = c7n::parse_date(v);
  if (!t) return Py::val(Value::number(0));  // Custodian's "compatibility" zero: compares with nothing
  Py p;
  p.k = Py::K::Date;
  p.t = *t;
  return p;
}

Py date_or_none(const Value& v) {
  std::optional<double> t = c7n::parse_date(v);
  if (!t) return Py::val(Value::null());
  Py p;
  p.k = Py::K::Date;
  p.t = *t;
  return p;
}

// OPERATORS[op](r, v); nullopt when Python raises TypeError (the filter does not match).
std::optional<bool> apply_op(CallContext& ctx, std::string_view op, const Py& r, const Py& v, bool* failed) {
  if (op == "eq" || op == "equal") return c7n::py_eq(r, v);
  if (op == "ne" || op == "not-equal") return !c7n::py_eq(r, v);
  if (op == "gt" || op == "greater-than") return c7n::py_lt(v, r);
  if (op == "lt" || op == "less-than") return c7n::py_lt(r, v);
  if (op == "ge" || op == "gte") {
    auto lt = c7n::py_lt(r, v);
    return lt ? std::optional<bool>(!*lt) : std::nullopt;
  }
  if (op == "le" || op == "lte") {
    auto gt = c7n::py_lt(v, r);
    return gt ? std::optional<bool>(!*gt) : std::nullopt;
  }
  if (op == "in") return c7n::py_in(r, v);
  if (op == "ni" || op == "not-in") {
    auto in = c7n::py_in(r, v);
    return in ? std::optional<bool>(!*in) : std::nullopt;
  }
  if (op == "contains") return c7n::py_in(v, r);
  if (op == "difference") return c7n::py_difference(r, v);
  if (op == "intersect") return c7n::py_intersect(r, v);
  bool strings = r.k == Py::K::Val && r.v.is_string() && v.k == Py::K::Val && v.v.is_string();
  if (op == "glob") return strings && fnmatch(r.v.as_string(), v.v.as_string());
  if (op == "regex" || op == "regex-case") {
    if (!strings) return false;
    const re2::RE2* re = regex(v.v.as_string(), op == "regex-case");
    if (!re) {
      fail(ctx, "c7n_value", "invalid regex \"" + std::string(v.v.as_string()) + "\"");
      *failed = true;
      return false;
    }
    std::string_view s = r.v.as_string();
    return re->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::ANCHOR_START, nullptr, 0);
  }
  if (op == "mod") {
    if (r.k != Py::K::Val || v.k != Py::K::Val || !(r.v.is_number() || r.v.is_bool()) ||
        !(v.v.is_number() || v.v.is_bool())) {
      return std::nullopt;
    }
    double a = r.v.is_bool() ? r.v.as_bool() : r.v.as_number(), b = v.v.is_bool() ? v.v.as_bool() : v.v.as_number();
    if (b == 0) {
      fail(ctx, "c7n_value", "mod by zero");  // ZeroDivisionError: Custodian fails the policy too
      *failed = true;
      return false;
    }
    return std::fmod(a, b) != 0;
  }
  fail(ctx, "c7n_value", "unknown op '" + std::string(op) + "'");
  *failed = true;
  return false;
}

// BaseValueFilter.get_resource_value: `tag:K`, a key present as it is, else JMESPath.
Value resource_value(CallContext& ctx, const Value& doc, std::string_view key, bool* failed) {
  if (doc.is_unknown()) return doc;
  if (key.starts_with("tag:")) {
    std::string_view tk = key.substr(4);
    const Value* tags = doc.is_object() ? find_member(doc, "Tags") : nullptr;
    if (tags) {
      if (tags->is_unknown()) return *tags;
      if (!tags->is_list()) return Value::null();
      for (const Value& t : tags->as_list()) {
        if (t.is_unknown()) return t;
        const Value* k = t.is_object() ? find_member(t, "Key") : nullptr;
        if (k && k->is_unknown()) return *k;
        if (k && k->is_string() && k->as_string() == tk) {
          const Value* val = find_member(t, "Value");
          return val ? *val : Value::null();
        }
      }
      return Value::null();
    }
    return Value::null();
  }
  if (doc.is_object()) {
    if (const Value* direct = find_member(doc, key)) return *direct;
  }
  std::string error;
  jmespath::NodePtr expr = jmespath::parse_cached(key, error);
  if (!expr) {
    fail(ctx, "c7n_value", "bad key \"" + std::string(key) + "\": " + error);
    *failed = true;
    return Value::null();
  }
  return jmespath::search(*expr, doc, ctx.arena);
}

Value three(std::optional<bool> b) { return Value::boolean(b.value_or(false)); }

}  // namespace

// c7n_value(doc, key, op, value, value_type, value_regex, value_path): ValueFilter.match.
Value fn_c7n_value(CallContext& ctx, Args args) {
  const Value& doc = args[0];
  std::string_view op = args[2].is_string() ? args[2].as_string() : std::string_view();
  Value sentinel = args[3];
  std::string_view vtype = args[4].is_string() ? args[4].as_string() : std::string_view();
  bool failed = false;
  if (args[6].is_string()) {  // value_path: the value is recomputed from the resource
    sentinel = resource_value(ctx, doc, args[6].as_string(), &failed);
    if (failed) return Value::null();
  }
  Value raw = args[1].is_string() ? resource_value(ctx, doc, args[1].as_string(), &failed) : Value::null();
  if (failed) return Value::null();
  if (args[5].is_string() && !raw.is_unknown()) {  // value_regex: compare the first capture group instead
    if (!raw.is_string()) {
      raw = Value::null();
    } else {
      const re2::RE2* re = regex(args[5].as_string(), true);
      if (!re) return fail(ctx, "c7n_value", "invalid value_regex");
      re2::StringPiece groups[2];
      std::string_view s = raw.as_string();
      bool hit = re->NumberOfCapturingGroups() >= 1 &&
                 re->Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), re2::RE2::ANCHOR_START, groups, 2);
      raw = hit && groups[1].data() != nullptr ? Value::string(ctx.arena, std::string_view(groups[1].data(), groups[1].size()))
                                               : Value::null();
    }
  }
  if (contains_unknown(raw) || contains_unknown(sentinel)) return Value::unknown();
  if (vtype == "expr") {
    if (!sentinel.is_string()) return Value::boolean(false);
    sentinel = resource_value(ctx, doc, sentinel.as_string(), &failed);
    if (failed) return Value::null();
    if (contains_unknown(sentinel)) return Value::unknown();
  }

  Py r = Py::val(raw), v = Py::val(sentinel);
  if ((op == "in" || op == "not-in") && raw.is_null()) r.k = Py::K::EmptyTuple;  // `r = ()`, as Custodian
  double now = static_cast<double>(ctx.now_unix);
  if (vtype == "normalize") {
    if (raw.is_string()) {
      std::string s(raw.as_string());
      size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
      s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
      for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      r = Py::val(Value::string(ctx.arena, s));
    }
  } else if (vtype == "integer") {
    r = Py::val(Value::number(py_int(raw)));
  } else if (vtype == "float") {
    r = Py::val(Value::number(py_float(raw)));
  } else if (vtype == "size" || vtype == "unique_size") {
    double n = 0;
    if (raw.is_string()) n = static_cast<double>(utf8_length(raw.as_string()));
    if (raw.is_list() || raw.is_object()) n = raw.size();
    if (vtype == "unique_size" && (raw.is_list() || raw.is_string())) {
      std::vector<Py> seen;
      bool hashable = true;
      auto add = [&](const Py& x) {
        for (const Py& s : seen) {
          if (c7n::py_eq(s, x)) return;
        }
        seen.push_back(x);
      };
      if (raw.is_list()) {
        for (const Value& e : raw.as_list()) {
          if (e.is_list() || e.is_object()) hashable = false;
          add(Py::val(e));
        }
      } else {
        std::string_view s = raw.as_string();
        for (size_t i = 0; i < s.size();) {
          size_t len = 1;
          while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
          add(Py::val(Value::string(s.substr(i, len))));
          i += len;
        }
      }
      n = hashable ? static_cast<double>(seen.size()) : 0;  // a set of dicts raises TypeError: 0
    }
    r = Py::val(Value::number(n));
  } else if (vtype == "swap") {
    std::swap(r, v);
  } else if (vtype == "date") {
    r = date_or_none(raw);
    v = date_or_none(sentinel);
  } else if (vtype == "age" || vtype == "expiration") {
    if (!sentinel.is_number()) return fail(ctx, "c7n_value", "value_type " + std::string(vtype) + " needs a number of days");
    Py limit;
    limit.k = Py::K::Date;
    limit.t = vtype == "age" ? now - sentinel.as_number() * 86400 : now + sentinel.as_number() * 86400;
    Py when = date_or_zero(raw);
    // age compares the cut-off with the resource's date (so `gt` means older than);
    // expiration compares the resource's date with the cut-off.
    if (vtype == "age") {
      r = limit;
      v = when;
    } else {
      r = when;
      v = limit;
    }
  } else if (vtype == "cidr") {
    std::optional<Py> s = c7n::parse_cidr(sentinel), x = c7n::parse_cidr(raw);
    Py sp = s ? *s : Py::val(Value::null()), xp = x ? *x : Py::val(Value::null());
    if (sp.k == Py::K::Ip && !sp.ip.network && xp.k == Py::K::Ip && xp.ip.network) {
      r = sp;  // an address in the policy, a network in the resource: ask whether it holds the address
      v = xp;
    } else {
      r = xp;
      v = sp;
    }
  } else if (vtype == "cidr_size") {
    std::optional<Py> x = c7n::parse_cidr(raw);
    if (x && x->k == Py::K::Ip && !x->ip.network) {
      return fail(ctx, "c7n_value", "value_type cidr_size: " + to_display(raw) + " is an address, not a network");
    }
    r = Py::val(Value::number(x && x->k == Py::K::Ip ? x->ip.prefix : 0));
  } else if (vtype == "version") {
    r = c7n::loose_version(raw);
    v = c7n::loose_version(sentinel);
  } else if (!vtype.empty() && vtype != "expr") {
    return fail(ctx, "c7n_value", "unsupported value_type '" + std::string(vtype) + "'");
  }

  // The special values, tested after conversion, before the op (ValueFilter.match).
  std::string_view special = v.k == Py::K::Val && v.v.is_string() ? v.v.as_string() : std::string_view();
  if (r.is_none() && special == "absent") return Value::boolean(true);
  if (!r.is_none() && special == "present") return Value::boolean(true);
  if (special == "not-null" && c7n::py_truthy(r)) return Value::boolean(true);
  if (special == "empty" && !c7n::py_truthy(r)) return Value::boolean(true);
  if (!op.empty()) {
    std::optional<bool> out = apply_op(ctx, op, r, v, &failed);
    if (failed) return Value::null();
    return three(out);
  }
  return Value::boolean(c7n::py_eq(r, v));
}

// c7n_search(doc, expr): the JMESPath value.
Value fn_c7n_search(CallContext& ctx, Args args) {
  if (!args[1].is_string()) return type_error(ctx, "c7n_search", "string", args[1]);
  bool failed = false;
  Value out = resource_value(ctx, args[0], args[1].as_string(), &failed);
  return failed ? Value::null() : out;
}

// c7n_items(doc, key): the list a list-item filter walks; none or empty is [], anything else an error.
Value fn_c7n_items(CallContext& ctx, Args args) {
  Value v = fn_c7n_search(ctx, args);
  if (!ctx.error.empty() || v.is_unknown()) return v;
  if (!jmespath::truthy(v)) return Value::list(nullptr, 0);
  if (!v.is_list()) {
    return fail(ctx, "c7n_items", "list-item filter value for " + std::string(args[1].as_string()) + " is " +
                                      std::string(kind_name(v.kind())) + ", not a list");
  }
  return v;
}

// c7n_compare(left, op, right): OPERATORS[op](left, right), false on a TypeError.
Value fn_c7n_compare(CallContext& ctx, Args args) {
  if (contains_unknown(args[0]) || contains_unknown(args[2])) return Value::unknown();
  if (!args[1].is_string()) return type_error(ctx, "c7n_compare", "string", args[1]);
  bool failed = false;
  std::optional<bool> out = apply_op(ctx, args[1].as_string(), Py::val(args[0]), Py::val(args[2]), &failed);
  return failed ? Value::null() : three(out);
}

// c7n_tag_list(tags): a canonical tag map as the API's [{Key, Value}] list (null stays null).
Value fn_c7n_tag_list(CallContext& ctx, Args args) {
  const Value& t = args[0];
  if (t.is_null() || t.is_unknown() || t.is_list()) return t;
  if (!t.is_object()) return type_error(ctx, "c7n_tag_list", "object", t);
  static const Symbol key = intern("Key"), value = intern("Value");
  std::vector<Value> items;
  for (const Member& m : t.as_object()) {
    Member pair[2] = {{key, Value::string(symbol_name(m.key))}, {value, m.value}};
    items.push_back(Value::object(ctx.arena, pair));
  }
  return Value::list(ctx.arena, items);
}

}  // namespace edict::stdlib::internal

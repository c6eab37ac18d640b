// Compiling Custodian filters (c7n/internal/filters.h). A filter becomes a boolean expression over
// the record: `value` is one c7n_value call with its options as constants, `list-item` a quantifier
// over c7n_items, blocks are `and`/`or`/`not`. Checks follow ValueFilter.validate.
#include "c7n/internal/filters.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "c7n/internal/ast_build.h"
#include "c7n/policy_file.h"
#include "stdlib/internal/c7n_python.h"
#include "stdlib/jmespath.h"

namespace edict::c7n::internal {

namespace {

using lang::Code;

const std::vector<std::string>& operators() {
  static const std::vector<std::string> ops = {
      "eq", "equal", "ne", "not-equal", "gt", "greater-than", "ge", "gte", "le", "lte", "lt", "less-than", "glob",
      "regex", "regex-case", "in", "ni", "not-in", "contains", "difference", "intersect", "mod"};
  return ops;
}

const std::vector<std::string>& value_types() {
  static const std::vector<std::string> types = {"age", "integer", "expiration", "normalize", "size", "cidr",
                                                 "cidr_size", "swap", "resource_count", "expr", "unique_size",
                                                 "date", "version", "float"};
  return types;
}

// Filters whose answer comes from an API call or data outside the resource's record.
const std::map<std::string, std::string>& live_filters() {
  static const std::map<std::string, std::string> table = {
      {"metrics", "CloudWatch metric statistics (GetMetricStatistics) over a time window"},
      {"health-event", "the AWS Health API"},
      {"shield-enabled", "the Shield Advanced API"},
      {"config-compliance", "AWS Config rule evaluations for the resource"},
      {"event", "the event that triggered a Lambda-mode policy"},
      {"finding", "Security Hub findings"},
      {"iam-analyzer", "IAM Access Analyzer findings"},
      {"credential", "the IAM credential report"},
      {"check-permissions", "the IAM policy simulator"},
      {"unused", "every network interface, instance and Lambda function of the account"},
      {"used", "every network interface, instance and Lambda function of the account"},
      {"last-write", "CloudTrail events for the resource"},
      {"ssm", "Systems Manager inventory"},
      {"cost-optimization", "Trusted Advisor checks"},
      {"offhour", "the time of a scheduled run"},
      {"onhour", "the time of a scheduled run"},
      {"marked-for-op", "the time of a scheduled run"},
  };
  return table;
}

// A plain scalar as PyYAML (YAML 1.1) types it, read by the policy-file reader's one resolver.
ExprPtr plain_scalar(const YAML::Node& n, lang::Span at) {
  ScalarValue v = resolve_scalar(n);
  switch (v.kind) {
    case ScalarValue::Kind::Null: return null_expr(at);
    case ScalarValue::Kind::Bool: return bool_expr(v.boolean, at);
    case ScalarValue::Kind::Int: return number_expr(static_cast<double>(v.integer), at);
    case ScalarValue::Kind::Float: return number_expr(v.number, at);
    case ScalarValue::Kind::String: break;
  }
  return string_expr(v.text, at);
}

std::string scalar(const YAML::Node& n) { return n && n.IsScalar() ? n.Scalar() : std::string(); }

ExprPtr opt_string(const YAML::Node& n, lang::Span at) {
  return n && n.IsScalar() ? string_expr(n.Scalar(), at) : null_expr(at);
}

}  // namespace

std::string Filters::where(const Scope& s) const { return s.within.empty() ? "" : " (in " + s.within + ")"; }

ExprPtr Filters::constant(const YAML::Node& n, int depth) {
  lang::Span at = cx_.span_of(n);
  if (depth > 64) {
    cx_.report(Code::BadPolicy, at, "the value is nested too deeply");
    return null_expr(at);
  }
  if (!n || n.IsNull()) return null_expr(at);
  const std::string& tag = n.Tag();
  if (n.IsScalar()) {
    if (tag == "!" || tag == "tag:yaml.org,2002:str") return string_expr(n.Scalar(), at);
    if (tag == "?" || tag.empty() || tag.rfind("tag:yaml.org,2002:", 0) == 0) return plain_scalar(n, at);
    cx_.report(Code::BadPolicy, at, "unknown YAML tag '" + tag + "'");
    return null_expr(at);
  }
  if (n.IsSequence()) {
    ExprPtr list = node(lang::ExprKind::List, at);
    for (const YAML::Node& e : n) list->kids.push_back(constant(e, depth + 1));
    return list;
  }
  ExprPtr obj = node(lang::ExprKind::Object, at);
  if (!cx_.check_keys(n, {}, "a value")) return obj;
  for (auto it = n.begin(); it != n.end(); ++it) {
    obj->keys.push_back(it->first.Scalar());
    obj->kids.push_back(constant(it->second, depth + 1));
  }
  return obj;
}

ExprPtr Filters::all(const YAML::Node& list, const Scope& scope, bool top) {
  ExprPtr out;
  bool ok = true;
  size_t i = 0;
  for (const YAML::Node& f : list) {
    ExprPtr e = one(f, scope, top && i++ == 0);
    if (!e) {
      ok = false;
      continue;
    }
    out = out ? binary_expr(lang::Op::And, std::move(out), std::move(e), cx_.span_of(f)) : std::move(e);
  }
  if (!ok) return nullptr;
  return out ? std::move(out) : bool_expr(true, cx_.span_of(list));  // an empty `and` keeps everything
}

ExprPtr Filters::one(const YAML::Node& f, const Scope& scope, bool first_at_top) {
  lang::Span at = cx_.span_of(f);
  if (scope.depth > 32) {
    cx_.report(Code::BadPolicy, at, "filters are nested too deeply");
    return nullptr;
  }
  std::string type;
  if (f.IsScalar()) {
    type = f.Scalar();
  } else if (f.IsMap()) {
    if (f.size() == 1) {
      auto it = f.begin();
      std::string k = scalar(it->first);
      if (k == "and" || k == "or" || k == "not") {
        if (!it->second.IsSequence()) {
          cx_.report(Code::BadPolicy, cx_.span_of(it->second), "`" + k + "` takes a list of filters");
          return nullptr;
        }
        Scope inner = scope;
        ++inner.depth;
        if (k == "and") return all(it->second, inner, false);
        if (k == "not") {
          ExprPtr e = all(it->second, inner, false);
          return e ? unary_expr(lang::Op::Not, std::move(e), at) : nullptr;
        }
        ExprPtr out;
        bool ok = true;
        const YAML::Node groups = it->second;  // a copy: `it->second` lives in a temporary proxy
        for (const YAML::Node& g : groups) {
          ExprPtr e = one(g, inner, false);
          if (!e) ok = false;
          else out = out ? binary_expr(lang::Op::Or, std::move(out), std::move(e), at) : std::move(e);
        }
        if (!ok) return nullptr;
        return out ? std::move(out) : bool_expr(false, at);  // an empty `or` matches nothing
      }
      if (k != "type") return shorthand(it->first, it->second, scope);
    }
    type = scalar(f["type"]);
    if (type.empty()) {
      cx_.report(Code::BadPolicy, at, "policy '" + scope.policy + "': a filter needs a `type`" + where(scope),
                 {{false, {}, "or one `Key: value` pair, the value filter's short form"}});
      return nullptr;
    }
  } else {
    cx_.report(Code::BadPolicy, at, "a filter is a mapping or a filter name");
    return nullptr;
  }
  if (type == "value") return value(f, scope, first_at_top);
  if (type == "list-item") return list_item(f, scope);
  if (type == "bucket-encryption" || type == "global-grants" || type == "check-public-block") return s3(type, f, scope);
  auto live = live_filters().find(type);
  if (live != live_filters().end()) {
    cx_.report(Code::LivePolicyData, at,
               "policy '" + scope.policy + "': filter '" + type + "' cannot be decided offline" + where(scope),
               {{false, {}, "it needs " + live->second + ", which a recorded resource does not hold"}});
    return nullptr;
  }
  cx_.report(Code::UnsupportedFilter, at,
             "policy '" + scope.policy + "': filter '" + type + "' on " + scope.resource + " is not implemented" + where(scope),
             {{false, {}, "edict implements value, list-item, and, or, not, and on aws.s3 bucket-encryption, global-grants and check-public-block (docs/custodian.md)"}});
  return nullptr;
}

bool Filters::check_key(const std::string& key, const YAML::Node& at, const Scope& scope, const std::string& what) {
  lang::Span span = cx_.span_of(at);
  std::vector<std::vector<std::string>> paths;
  if (key.rfind("tag:", 0) == 0) {
    paths.push_back({"Tags"});
  } else if (scope.shape && !scope.shape->open && scope.shape->members.count(key)) {
    paths.push_back({key});
  } else {
    std::string error;
    stdlib::jmespath::NodePtr expr = stdlib::jmespath::parse(key, error);
    if (!expr) {
      cx_.report(Code::BadPolicy, span, "policy '" + scope.policy + "': " + what + " '" + key + "' is not a JMESPath expression edict reads: " + error);
      return false;
    }
    paths = stdlib::jmespath::field_paths(*expr);
  }
  if (!scope.shape) return true;
  for (const auto& path : paths) {
    const Shape* s = scope.shape;
    for (size_t i = 0; i <= path.size(); ++i) {
      std::string shown;
      for (size_t j = 0; j < i && j < path.size(); ++j) shown += (j ? "." : "") + path[j];
      if (!s->refused.empty()) {
        cx_.report(Code::UnmappedKey, span, "policy '" + scope.policy + "': " + what + " '" + key + "' reads '" + shown +
                                                "', which edict cannot rebuild for " + scope.resource + where(scope),
                   {{false, {}, s->refused}});
        return false;
      }
      if (s->open || i == path.size()) break;
      auto m = s->members.find(path[i]);
      if (m == s->members.end()) {
        std::vector<std::string> known;
        for (const auto& [k, sub] : s->members) {
          if (sub.refused.empty()) known.push_back(k);
        }
        std::vector<lang::Note> notes;
        std::string best = lang::did_you_mean(path[i], known);
        if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        notes.push_back({false, {}, (scope.type ? scope.type->file : std::string("the mapping")) +
                                        " maps these keys here: " + (list.empty() ? "none" : list)});
        cx_.report(Code::UnmappedKey, span,
                   "policy '" + scope.policy + "': " + what + " '" + key + "' has no mapping for " + scope.resource +
                       where(scope) + ": '" + path[i] + "' cannot be read from a resources.json record, a Config item or a plan",
                   notes);
        return false;
      }
      s = &m->second;
    }
  }
  return true;
}

ExprPtr Filters::shorthand(const YAML::Node& key, const YAML::Node& v, const Scope& scope) {
  if (!key.IsScalar()) {
    cx_.report(Code::BadPolicy, cx_.span_of(key), "a filter key must be a string");
    return nullptr;
  }
  if (!check_key(key.Scalar(), key, scope, "key")) return nullptr;
  lang::Span at = cx_.span_of(key);
  std::vector<ExprPtr> args;
  args.push_back(scope.doc());
  args.push_back(string_expr(key.Scalar(), at));
  args.push_back(null_expr(at));
  args.push_back(constant(v));
  for (int i = 0; i < 3; ++i) args.push_back(null_expr(at));
  return call_expr("c7n_value", std::move(args), at);
}

ExprPtr Filters::value(const YAML::Node& f, const Scope& scope, bool first_at_top) {
  lang::Span at = cx_.span_of(f);
  if (!cx_.check_keys(f, {"type", "key", "value", "op", "value_type", "value_regex", "value_path", "value_from",
                          "default", "tag_key_transforms"},
                      "a value filter")) {
    return nullptr;
  }
  const std::string& p = scope.policy;
  if (f["value_from"]) {
    cx_.report(Code::LivePolicyData, cx_.span_of(f["value_from"]),
               "policy '" + p + "': `value_from` cannot be read offline" + where(scope),
               {{false, {}, "it fetches its values from a URL or S3 object when the policy runs"}});
    return nullptr;
  }
  if (f["tag_key_transforms"] || f["default"]) {
    YAML::Node n = f["default"] ? f["default"] : f["tag_key_transforms"];
    cx_.report(Code::UnsupportedFilter, cx_.span_of(n), "policy '" + p + "': this value filter option is not implemented");
    return nullptr;
  }
  std::string op = scalar(f["op"]), vtype = scalar(f["value_type"]);
  if (f["op"] && std::find(operators().begin(), operators().end(), op) == operators().end()) {
    std::vector<lang::Note> notes;
    std::string best = lang::did_you_mean(op, operators());
    if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
    cx_.report(Code::BadPolicy, cx_.span_of(f["op"]), "policy '" + p + "': unknown op '" + op + "'", notes);
    return nullptr;
  }
  if (f["value_type"] && std::find(value_types().begin(), value_types().end(), vtype) == value_types().end()) {
    std::vector<lang::Note> notes;
    std::string best = lang::did_you_mean(vtype, value_types());
    if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
    cx_.report(Code::BadPolicy, cx_.span_of(f["value_type"]), "policy '" + p + "': unknown value_type '" + vtype + "'", notes);
    return nullptr;
  }
  YAML::Node value = f["value"];
  if (vtype == "resource_count") {
    if (!f["op"] || !value || !value.IsScalar() || op == "regex" || op == "regex-case") {
      cx_.report(Code::BadPolicy, at, "policy '" + p + "': resource_count needs an `op` (not a regex) and a number `value`");
      return nullptr;
    }
    if (!first_at_top || !scope.within.empty()) {
      cx_.report(Code::UnsupportedFilter, at, "policy '" + p + "': resource_count is implemented only as the policy's first filter",
                 {{false, {}, "there it counts every resource of the type, as Custodian does"}});
      return nullptr;
    }
    std::vector<ExprPtr> rargs;
    rargs.push_back(name_expr(scope.type->type, at));
    std::vector<ExprPtr> largs;
    largs.push_back(call_expr("resources", std::move(rargs), at));
    std::vector<ExprPtr> args;
    args.push_back(call_expr("len", std::move(largs), at));
    args.push_back(string_expr(op, cx_.span_of(f["op"])));
    args.push_back(constant(value));
    return call_expr("c7n_compare", std::move(args), at);
  }
  YAML::Node key = f["key"];
  if (!key || !key.IsScalar()) {
    cx_.report(Code::BadPolicy, at, "policy '" + p + "': a value filter needs a `key`" + where(scope));
    return nullptr;
  }
  if (!value && !f["value_path"]) {
    cx_.report(Code::BadPolicy, at, "policy '" + p + "': a value filter needs a `value` (or `value_path`)" + where(scope));
    return nullptr;
  }
  bool ok = check_key(key.Scalar(), key, scope, "key");
  if (f["value_path"] && !check_key(scalar(f["value_path"]), f["value_path"], scope, "value_path")) ok = false;
  if (vtype == "expr" && value && value.IsScalar() && !check_key(value.Scalar(), value, scope, "value (an expr key)")) ok = false;
  if ((op == "regex" || op == "regex-case") && value) {
    if (!value.IsScalar()) {
      cx_.report(Code::BadPolicy, cx_.span_of(value), "policy '" + p + "': a regex `value` must be a string");
      return nullptr;
    }
    re2::RE2 re(value.Scalar(), re2::RE2::Quiet);
    if (!re.ok()) {
      cx_.report(Code::BadRegex, cx_.span_of(value), "policy '" + p + "': invalid regex: " + re.error(),
                 {{false, {}, "edict runs Python patterns on RE2, which has no lookaround or backreferences"}});
      ok = false;
    }
  }
  if (YAML::Node vr = f["value_regex"]) {
    re2::RE2 re(scalar(vr), re2::RE2::Quiet);
    if (!re.ok() || re.NumberOfCapturingGroups() != 1) {
      cx_.report(Code::BadPolicy, cx_.span_of(vr), "policy '" + p + "': value_regex must be a valid regex with one capturing group" +
                                                       (re.ok() ? std::string() : ": " + re.error()));
      ok = false;
    }
  }
  ExprPtr v = value ? constant(value) : null_expr(at);
  if (vtype == "date" && !(v->kind == lang::ExprKind::String &&
                           stdlib::internal::c7n::parse_date(Value::string(v->text)).has_value())) {
    cx_.report(Code::BadPolicy, cx_.span_of(value), "policy '" + p + "': value_type date needs a date `value`");
    ok = false;
  }
  if ((vtype == "age" || vtype == "expiration") && v->kind != lang::ExprKind::Number) {
    cx_.report(Code::BadPolicy, cx_.span_of(value), "policy '" + p + "': value_type " + vtype + " needs a number of days");
    ok = false;
  }
  if (!ok) return nullptr;
  lang::Span key_at = cx_.span_of(key);
  std::vector<ExprPtr> args;
  args.push_back(scope.doc());
  args.push_back(string_expr(key.Scalar(), key_at));
  args.push_back(opt_string(f["op"], cx_.span_of(f["op"])));
  args.push_back(std::move(v));
  args.push_back(opt_string(f["value_type"], cx_.span_of(f["value_type"])));
  args.push_back(opt_string(f["value_regex"], cx_.span_of(f["value_regex"])));
  args.push_back(opt_string(f["value_path"], cx_.span_of(f["value_path"])));
  return call_expr("c7n_value", std::move(args), key_at);
}

ExprPtr Filters::list_item(const YAML::Node& f, const Scope& scope) {
  lang::Span at = cx_.span_of(f);
  if (!cx_.check_keys(f, {"type", "key", "attrs", "count", "count_op"}, "a list-item filter")) return nullptr;
  YAML::Node key = f["key"], attrs = f["attrs"], count = f["count"], count_op = f["count_op"];
  if (!key || !key.IsScalar()) {
    cx_.report(Code::BadPolicy, at, "policy '" + scope.policy + "': list-item needs a `key`");
    return nullptr;
  }
  if (attrs && !attrs.IsSequence()) {
    cx_.report(Code::BadPolicy, cx_.span_of(attrs), "policy '" + scope.policy + "': list-item `attrs` must be a list of filters");
    return nullptr;
  }
  std::string op = count_op ? scalar(count_op) : "eq";
  if (std::find(operators().begin(), operators().end(), op) == operators().end()) {
    cx_.report(Code::BadPolicy, cx_.span_of(count_op), "policy '" + scope.policy + "': unknown count_op '" + op + "'");
    return nullptr;
  }
  if (!check_key(key.Scalar(), key, scope, "list-item key")) return nullptr;
  // The items' shape: follow a plain dotted key through the record's shape.
  const Shape* item = nullptr;
  static const re2::RE2 dotted("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*(\\[\\])?");
  if (scope.shape && re2::RE2::FullMatch(key.Scalar(), dotted)) {
    item = scope.shape;
    std::string k = key.Scalar();
    if (k.size() > 2 && k.substr(k.size() - 2) == "[]") k.resize(k.size() - 2);
    size_t start = 0;
    while (item && !item->open) {
      size_t dot = k.find('.', start);
      auto m = item->members.find(k.substr(start, dot - start));
      item = m == item->members.end() ? nullptr : &m->second;
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
  }
  std::string var = "c7n_item" + std::to_string(++var_);
  Scope inner = scope;
  inner.shape = item;
  inner.within = "list-item " + key.Scalar();
  inner.depth = scope.depth + 1;
  inner.doc = [var, at] { return name_expr(var, at); };
  ExprPtr body = attrs ? all(attrs, inner, false) : bool_expr(true, at);
  if (!body) return nullptr;
  auto domain = [&] {
    std::vector<ExprPtr> args;
    args.push_back(scope.doc());
    args.push_back(string_expr(key.Scalar(), cx_.span_of(key)));
    return call_expr("c7n_items", std::move(args), cx_.span_of(key));
  };
  if (!count) return quantifier_expr(lang::Quant::Some, var, domain(), std::move(body), at);
  ExprPtr counted = quantifier_expr(lang::Quant::Count, var, domain(), std::move(body), at);
  std::vector<ExprPtr> args;
  args.push_back(std::move(counted));
  args.push_back(string_expr(op, at));
  args.push_back(constant(count));
  return call_expr("c7n_compare", std::move(args), at);
}

}  // namespace edict::c7n::internal

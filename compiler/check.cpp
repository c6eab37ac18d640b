// The check pass: rule metadata (required clauses, duplicates, severities), `refers` operands and
// literal builtin arguments (types, regexes, CIDRs, durations). Reports E01xx/E03xx diagnostics.
#include <algorithm>
#include <set>

#include "compiler/internal/context.h"
#include "lang/severity.h"
#include "stdlib/builtins.h"

namespace edict::compiler::internal {

using lang::Code;
using lang::Expr;
using lang::ExprKind;

const std::vector<std::string>& severities() {
  static const std::vector<std::string> s = lang::severity_names();
  return s;
}

namespace {

stdlib::Type literal_type(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Null: return stdlib::Type::Null;
    case ExprKind::Bool: return stdlib::Type::Bool;
    case ExprKind::Number: return stdlib::Type::Number;
    case ExprKind::String: return stdlib::Type::String;
    case ExprKind::List: return stdlib::Type::List;
    case ExprKind::Object: return stdlib::Type::Object;
    default: return stdlib::Type::Any;
  }
}

// "a string", or "a string or number" for a union.
std::string expected_text(const stdlib::Types& types) {
  std::string out = "a ";
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += i + 1 == types.size() ? " or " : ", ";
    out += stdlib::type_name(types[i]);
  }
  return out;
}

class Checker {
 public:
  explicit Checker(CheckContext& cx) : cx_(cx) {}

  void run() {
    // A type that is not a known AWS type but is one edit away from one is most likely a typo;
    // types far from every known one are left alone (the provider has many more).
    for (const std::string& t : known_resource_types()) types_.insert(t);
    for (const RuleInfo& r : cx_.rules) {
      for (const lang::TypeRef& t : r.decl->types) check_type(t.name, t.span);
    }
    for (const RuleInfo& r : cx_.rules) check_rule(*r.decl);
    for (const DefInfo& d : cx_.defs) {
      if (d.decl->body) check_expr(*d.decl->body);
    }
    if (cx_.eval_expr) check_expr(*cx_.eval_expr);
  }

 private:
  void check_rule(const lang::RuleDecl& r) {
    std::set<std::string> seen;
    for (const lang::MetaField& f : r.meta) {
      if (!seen.insert(f.key).second) {
        cx_.error(Code::DuplicateField, f.key_span, "rule '" + r.id + "' sets '" + f.key + "' twice");
      }
      if (f.key == "severity" && !f.values.empty()) {
        const std::string& sev = f.values[0];
        const auto& known = severities();
        if (std::find(known.begin(), known.end(), sev) == known.end()) {
          std::vector<lang::Note> notes;
          std::string best = lang::did_you_mean(sev, known);
          if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
          notes.push_back({false, {}, "severities: " + lang::severity_list()});
          cx_.error(Code::UnknownSeverity, f.value_span, "unknown severity '" + sev + "'", notes);
        }
      }
    }
    for (const auto& [clause, span] : r.repeated_clauses) {
      std::string hint = clause == "on" ? "list every type in one clause: `on aws_a, aws_b`"
                         : clause == "when" ? "combine the guards with `and`"
                                            : "a rule has one message; use `assert ... else \"...\"` for per-assert messages";
      cx_.error(Code::DuplicateField, span, "rule '" + r.id + "' has more than one `" + clause + "` clause",
                {{false, {}, hint}});
    }
    std::set<std::string> types_seen;
    for (const lang::TypeRef& t : r.types) {
      if (!types_seen.insert(t.name).second) {
        cx_.error(Code::DuplicateField, t.span, "rule '" + r.id + "' lists type '" + t.name + "' twice");
      }
    }
    if (r.types.empty()) {
      cx_.error(Code::MissingField, r.id_span, "rule '" + r.id + "' has no `on` clause",
                {{false, {}, "add the resource types it checks, e.g. `on aws_s3_bucket`"}});
    }
    if (r.asserts.empty()) {
      cx_.error(Code::MissingField, r.id_span, "rule '" + r.id + "' has no `assert` clause",
                {{false, {}, "add what must hold, e.g. `assert encrypted == true`"}});
    }
    if (r.when) check_expr(*r.when);
    for (const lang::Assert& a : r.asserts) {
      if (a.expr) check_expr(*a.expr);
      if (a.message) check_expr(*a.message);
    }
    if (r.message) check_expr(*r.message);
  }

  void check_type(const std::string& name, const lang::Span& span) {
    if (types_.count(name)) return;
    std::vector<std::string> known(types_.begin(), types_.end());
    std::string best = lang::did_you_mean(name, known);
    if (!best.empty() && best != name) {
      cx_.error(Code::UnknownType, span, "unknown resource type '" + name + "'",
                {{false, {}, "did you mean '" + best + "'?"}});
    }
  }

  void check_refers(const Expr& e) {
    const Expr* lhs = e.kid(0);
    const Expr* root = lhs;
    while (root && root->kind == ExprKind::Member) root = root->kid(0);
    bool ok = lhs != nullptr && root != nullptr;
    if (ok && lhs->kind == ExprKind::Name) {
      auto it = cx_.names.find(lhs->id);
      ok = it != cx_.names.end() && it->second.kind == NameRes::Kind::Attr;
    }
    if (ok && lhs->kind != ExprKind::Name && lhs->kind != ExprKind::Member) ok = false;
    if (!ok) {
      cx_.error(Code::BadRefers, lhs ? lhs->span : e.span,
                "the left side of `refers` must be an attribute of a resource, such as `c.bucket` or `bucket`",
                {{false, {}, "`refers` follows the plan's reference graph from that attribute"}});
    }
  }

  void check_call(const Expr& e) {
    auto it = cx_.calls.find(e.id);
    if (it != cx_.calls.end() && (it->second.kind == CallRes::Kind::Resources || it->second.kind == CallRes::Kind::Data)) {
      check_type(it->second.type, e.kids[0]->span);
      return;
    }
    if (it == cx_.calls.end() || it->second.kind != CallRes::Kind::Builtin) return;
    const stdlib::Builtin& b = stdlib::builtins()[it->second.index];
    for (size_t i = 0; i < e.kids.size(); ++i) {
      const Expr& arg = *e.kids[i];
      stdlib::Type have = literal_type(arg);
      if (have == stdlib::Type::Any || b.params.empty()) continue;
      if (!b.accepts(i, have) && have != stdlib::Type::Null) {
        const stdlib::Types& want = b.params[std::min(i, b.params.size() - 1)].types;
        cx_.error(Code::TypeMismatch, arg.span,
                  "argument " + std::to_string(i + 1) + " of '" + std::string(b.name) + "' must be " +
                      expected_text(want) + ", got " + stdlib::type_name(have),
                  {{false, {}, "signature: " + std::string(b.signature)}});
        continue;
      }
      if (b.check && (arg.kind == ExprKind::String || arg.kind == ExprKind::Number)) {
        Value v = arg.kind == ExprKind::String ? Value::string(arg.text) : Value::number(arg.number);
        std::string problem = b.check(i, v);
        if (!problem.empty()) {
          // Regex builtins share matches()'s literal check; globs, also filed under "regex" in
          // the docs, are other literals (E0308), not regular expressions (E0303).
          static const stdlib::LiteralCheck regex_check = stdlib::builtins()[stdlib::find_builtin("matches")].check;
          bool regex = b.check == regex_check;
          cx_.error(regex ? Code::BadRegex : Code::BadLiteral, arg.span, problem);
        }
      }
    }
  }

  void check_expr(const Expr& root) {
    walk(root, [&](const Expr& e) {
      if (e.kind == ExprKind::Binary && e.op == lang::Op::Refers) check_refers(e);
      if (e.kind == ExprKind::Call) check_call(e);
    });
  }

  CheckContext& cx_;
  std::set<std::string> types_;
};

}  // namespace

void run_check(CheckContext& cx) { Checker(cx).run(); }

}  // namespace edict::compiler::internal

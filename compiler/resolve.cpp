// The resolve pass: builds the package/def/rule tables and resolves every name and call into
// the side tables (names, calls, binding_slots). Reports E02xx and arity (E0301) diagnostics.
#include <algorithm>
#include <functional>
#include <set>

#include "compiler/internal/context.h"
#include "stdlib/builtins.h"

namespace edict::compiler::internal {

using lang::Code;
using lang::Expr;
using lang::ExprKind;

namespace {

struct Scope {
  std::vector<std::pair<std::string, uint16_t>> names;
  uint16_t next = 0;
  uint16_t max = 0;

  uint16_t bind(const std::string& name) {
    names.emplace_back(name, next);
    uint16_t slot = next++;
    max = std::max(max, next);
    return slot;
  }
  void unbind(size_t n) {
    names.resize(names.size() - n);
    next = static_cast<uint16_t>(next - n);
  }
  std::optional<uint16_t> find(const std::string& name) const {
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    return std::nullopt;
  }
};

class Resolver {
 public:
  explicit Resolver(CheckContext& cx) : cx_(cx) {}

  void run() {
    collect();
    for (uint32_t i = 0; i < cx_.defs.size(); ++i) resolve_def(i);
    for (RuleInfo& rule : cx_.rules) resolve_rule(rule);
    if (cx_.eval_expr != nullptr) {
      module_ = nullptr;
      in_rule_ = true;
      current_def_ = -1;
      Scope scope;
      resolve(*cx_.eval_expr, scope);
      cx_.expression_locals = scope.max;
    }
    check_recursion();
  }

 private:
  void collect() {
    std::map<std::string, const lang::RuleDecl*> rule_ids;
    for (const auto& mp : cx_.modules) {
      const lang::Module& m = *mp;
      auto& pkg = cx_.packages[m.package];
      for (const lang::DefDecl& d : m.defs) {
        auto it = pkg.find(d.name);
        if (it != pkg.end()) {
          const lang::DefDecl* first = cx_.defs[it->second].decl;
          cx_.error(Code::DuplicateDef, d.name_span, "function '" + d.name + "' is already defined",
                    {{true, first->name_span, "first defined here"}});
          continue;
        }
        std::set<std::string> seen;
        for (const lang::Param& p : d.params) {
          if (!seen.insert(p.name).second) {
            cx_.error(Code::DuplicateParam, p.span, "parameter '" + p.name + "' appears twice in '" + d.name + "'");
          }
        }
        DefInfo info;
        info.decl = &d;
        info.module = &m;
        info.qualified = m.package.empty() ? d.name : m.package + "." + d.name;
        pkg[d.name] = static_cast<uint32_t>(cx_.defs.size());
        cx_.defs.push_back(std::move(info));
      }
      for (const lang::RuleDecl& r : m.rules) {
        auto [it, inserted] = rule_ids.emplace(r.id, &r);
        if (!inserted) {
          cx_.error(Code::DuplicateRule, r.id_span, "rule id '" + r.id + "' is already used",
                    {{true, it->second->id_span, "first used here"}});
          continue;
        }
        cx_.rules.push_back({&r, &m, {}});
      }
    }
    for (const auto& m : cx_.modules) {
      for (const lang::Import& imp : m->imports) {
        if (cx_.packages.count(imp.package) == 0) {
          std::vector<std::string> known;
          for (const auto& [name, _] : cx_.packages) {
            if (!name.empty()) known.push_back(name);
          }
          std::vector<lang::Note> notes;
          std::string best = lang::did_you_mean(imp.package, known);
          if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
          cx_.error(Code::UnknownPackage, imp.span, "no file declares package '" + imp.package + "'", notes);
        }
      }
    }
  }

  void resolve_def(uint32_t index) {
    DefInfo& info = cx_.defs[index];
    module_ = info.module;
    in_rule_ = false;
    current_def_ = static_cast<int>(index);
    Scope scope;
    for (const lang::Param& p : info.decl->params) scope.bind(p.name);
    if (info.decl->body) resolve(*info.decl->body, scope);
    info.locals = scope.max;
  }

  void resolve_rule(RuleInfo& rule) {
    module_ = rule.module;
    in_rule_ = true;
    current_def_ = -1;
    auto root = [&](const Expr* e) {
      if (e == nullptr) return;
      Scope scope;
      resolve(*e, scope);
      rule.entry_locals[e] = scope.max;
    };
    const lang::RuleDecl& d = *rule.decl;
    root(d.when.get());
    for (const lang::Assert& a : d.asserts) {
      root(a.expr.get());
      root(a.message.get());
    }
    root(d.message.get());
  }

  std::vector<std::string> visible_names(const Scope& scope) const {
    std::vector<std::string> out;
    for (const auto& [n, _] : scope.names) out.push_back(n);
    return out;
  }

  std::vector<std::string> callable_names() const {
    std::vector<std::string> out;
    auto it = cx_.packages.find(module_ ? module_->package : std::string());
    if (it != cx_.packages.end()) {
      for (const auto& [n, _] : it->second) out.push_back(n);
    }
    for (const stdlib::Builtin& b : stdlib::builtins()) out.emplace_back(b.name);
    return out;
  }

  void resolve_call(const Expr& e, Scope& scope) {
    const std::string& name = e.text;
    CallRes res;
    bool found = false;
    size_t dot = name.rfind('.');
    if (dot != std::string::npos) {
      std::string prefix = name.substr(0, dot), fn = name.substr(dot + 1);
      std::string package = prefix;
      if (module_ != nullptr) {
        for (const lang::Import& imp : module_->imports) {
          if (imp.alias == prefix) package = imp.package;
        }
      }
      auto pkg = cx_.packages.find(package);
      if (pkg == cx_.packages.end()) {
        cx_.error(Code::UnknownName, e.span, "unknown package or import '" + prefix + "' in call to '" + name + "'");
      } else if (auto d = pkg->second.find(fn); d != pkg->second.end()) {
        res.kind = CallRes::Kind::Def;
        res.index = d->second;
        found = true;
      } else {
        std::vector<std::string> known;
        for (const auto& [n, _] : pkg->second) known.push_back(n);
        std::vector<lang::Note> notes;
        std::string best = lang::did_you_mean(fn, known);
        if (!best.empty()) notes.push_back({false, {}, "did you mean '" + prefix + "." + best + "'?"});
        cx_.error(Code::UnknownName, e.span, "package '" + package + "' has no function '" + fn + "'", notes);
      }
    } else if (int q = stdlib::find_builtin(name); q >= 0 && stdlib::builtins()[q].domain != stdlib::Domain::None) {
      // A domain is a builtin, but it is looked up before defs: its argument is no expression.
      const Expr* arg = e.kid(0);
      if (e.kids.size() != 1 || arg == nullptr || arg->kind != ExprKind::Name) {
        cx_.error(Code::TypeMismatch, e.span,
                  name + "() takes one resource type name, for example " + name + "(aws_s3_bucket)");
        return;
      }
      res.kind = stdlib::builtins()[q].domain == stdlib::Domain::DataSources ? CallRes::Kind::Data
                                                                               : CallRes::Kind::Resources;
      res.index = static_cast<uint32_t>(q);
      res.type = arg->text;
      cx_.calls[e.id] = res;
      return;  // the argument is a type name, not an expression
    } else {
      auto pkg = cx_.packages.find(module_ ? module_->package : std::string());
      if (pkg != cx_.packages.end()) {
        if (auto d = pkg->second.find(name); d != pkg->second.end()) {
          res.kind = CallRes::Kind::Def;
          res.index = d->second;
          found = true;
        }
      }
      if (!found) {
        int b = stdlib::find_builtin(name);
        if (b >= 0) {
          res.kind = CallRes::Kind::Builtin;
          res.index = static_cast<uint32_t>(b);
          found = true;
        }
      }
      if (!found && scope.find(name)) {
        cx_.error(Code::NotCallable, e.span, "'" + name + "' is a variable, not a function",
                  {{false, {}, "edict has no function values: call a def or a builtin by its name"}});
        for (const auto& k : e.kids) resolve(*k, scope);
        return;
      }
      if (!found) {
        std::vector<lang::Note> notes;
        std::string best = lang::did_you_mean(name, callable_names());
        if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
        cx_.error(Code::UnknownName, e.span, "unknown function '" + name + "'", notes);
      }
    }
    if (found) {
      size_t argc = e.kids.size();
      if (res.kind == CallRes::Kind::Def) {
        const DefInfo& d = cx_.defs[res.index];
        if (argc != d.decl->params.size()) {
          cx_.error(Code::Arity, e.span,
                    "'" + d.qualified + "' takes " + std::to_string(d.decl->params.size()) + " argument" +
                        (d.decl->params.size() == 1 ? "" : "s") + ", got " + std::to_string(argc),
                    {{true, d.decl->name_span, "defined here"}});
        }
        if (current_def_ >= 0) cx_.defs[static_cast<size_t>(current_def_)].calls.push_back(res.index);
      } else {
        const stdlib::Builtin& b = stdlib::builtins()[res.index];
        if (argc < b.min_args || (b.max_args != 255 && argc > b.max_args)) {
          // Built with append, not `"literal" + std::string(...)`: that trips GCC 12's -Wrestrict
          // false positive at -O3.
          std::string expected;
          if (b.max_args == 255) expected = "at least ";
          expected += std::to_string(b.min_args);
          if (b.max_args != 255 && b.max_args != b.min_args) {
            expected += " to ";
            expected += std::to_string(b.max_args);
          }
          std::string message = "'";
          message.append(b.name);
          message += "' takes ";
          message += expected;
          message += expected == "1" || expected == "at least 1" ? " argument, got " : " arguments, got ";
          message += std::to_string(argc);
          std::string signature = "signature: ";
          signature.append(b.signature);
          cx_.error(Code::Arity, e.span, message, {{false, {}, signature}});
        }
      }
      cx_.calls[e.id] = res;
    }
    for (const auto& k : e.kids) resolve(*k, scope);
  }

  void resolve(const Expr& e, Scope& scope) {
    switch (e.kind) {
      case ExprKind::Name: {
        if (auto slot = scope.find(e.text)) {
          cx_.names[e.id] = {NameRes::Kind::Local, *slot, 0};
        } else if (in_rule_) {
          cx_.names[e.id] = {NameRes::Kind::Attr, 0, intern(e.text)};
        } else {
          std::vector<lang::Note> notes;
          std::string best = lang::did_you_mean(e.text, visible_names(scope));
          if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
          notes.push_back({false, {}, "inside a def, read attributes through a parameter (r." + e.text +
                                          ") or through self (self." + e.text + ")"});
          cx_.error(Code::UnknownName, e.span, "unknown name '" + e.text + "'", notes);
        }
        return;
      }
      case ExprKind::Call: resolve_call(e, scope); return;
      case ExprKind::Meta: {
        bytecode::MetaField f;
        if (!bytecode::meta_field_from_name(e.text, f)) {
          std::vector<std::string> known = {"address", "type", "name", "module", "index", "source", "action", "mode", "file"};
          std::vector<lang::Note> notes;
          std::string best = lang::did_you_mean(e.text, known);
          if (!best.empty()) notes.push_back({false, {}, "did you mean '@" + best + "'?"});
          notes.push_back({false, {}, "metadata fields: @address @type @name @module @index @source @action @mode @file"});
          cx_.error(Code::UnknownMeta, e.span, "'@" + e.text + "' is not a resource metadata field", notes);
        }
        for (const auto& k : e.kids) resolve(*k, scope);
        return;
      }
      case ExprKind::Quantifier:
      case ExprKind::Comprehension: {
        resolve(*e.kids[0], scope);
        if (!e.var2.empty() && e.var2 == e.var) {
          cx_.error(Code::DuplicateParam, e.var2_span, "'" + e.var + "' is bound twice");
        }
        uint16_t first = scope.bind(e.var);
        size_t bound = 1;
        if (!e.var2.empty()) {
          scope.bind(e.var2);
          bound = 2;
        }
        cx_.binding_slots[e.id] = first;
        for (size_t i = 1; i < e.kids.size(); ++i) {
          if (e.kids[i]) resolve(*e.kids[i], scope);
        }
        scope.unbind(bound);
        return;
      }
      default:
        for (const auto& k : e.kids) {
          if (k) resolve(*k, scope);
        }
        return;
    }
  }

  void check_recursion() {
    // Depth-first search with colours; a back edge is a cycle.
    std::vector<int> colour(cx_.defs.size(), 0);
    std::vector<uint32_t> path;
    std::function<void(uint32_t)> visit = [&](uint32_t d) {
      colour[d] = 1;
      path.push_back(d);
      for (uint32_t callee : cx_.defs[d].calls) {
        if (colour[callee] == 1) {
          std::string cycle;
          auto start = std::find(path.begin(), path.end(), callee);
          for (auto it = start; it != path.end(); ++it) cycle += cx_.defs[*it].qualified + " -> ";
          cycle += cx_.defs[callee].qualified;
          cx_.error(Code::RecursiveDef, cx_.defs[callee].decl->name_span,
                    "recursive function '" + cx_.defs[callee].qualified + "' (edict functions cannot recurse)",
                    {{false, {}, "call cycle: " + cycle}});
        } else if (colour[callee] == 0) {
          visit(callee);
        }
      }
      path.pop_back();
      colour[d] = 2;
    };
    for (uint32_t i = 0; i < cx_.defs.size(); ++i) {
      if (colour[i] == 0) visit(i);
    }
  }

  CheckContext& cx_;
  const lang::Module* module_ = nullptr;
  bool in_rule_ = false;
  int current_def_ = -1;
};

}  // namespace

void run_resolve(CheckContext& cx) { Resolver(cx).run(); }

}  // namespace edict::compiler::internal

// The pass table and the stage drivers: check() runs resolve, check, cost and fold into a
// CheckedProgram, lower() turns one into bytecode, and compile() is parse + check + lower. Every
// pass is named, timed on request and dumpable with --dump-after=PASS.
#include <chrono>

#include "compiler/compiler.h"
#include "compiler/internal/context.h"
#include "lang/parser.h"

namespace edict::compiler {

using internal::CheckContext;
using internal::Context;

namespace {

struct CheckPass {
  std::string name;
  void (*run)(CheckContext&);
};

// Every checking pass runs even after errors, so that all of them are reported together (fold
// reads only what resolve found; see Folder).
const std::vector<CheckPass>& check_passes() {
  static const std::vector<CheckPass> table = {
      {"resolve", internal::run_resolve},
      {"check", internal::run_check},
      {"cost", internal::run_cost},
      {"fold", internal::run_fold},
  };
  return table;
}

void dump_checked(const CheckedProgram& cp, const std::string& pass, std::ostream& os) {
  if (pass == "resolve" || pass == "check") {
    os << cp.defs.size() << " functions, " << cp.rules.size() << " rules, " << cp.names.size()
       << " names resolved, " << cp.calls.size() << " calls resolved\n";
    for (const auto& d : cp.defs) os << "def " << d.qualified << " (locals " << d.locals << ")\n";
    for (const auto& r : cp.rules) os << "rule " << r.decl->id << "\n";
  } else if (pass == "cost") {
    for (const RuleCost& c : cp.costs) os << "rule " << c.rule << " cost " << c.steps << "\n";
  } else if (pass == "fold") {
    os << cp.folded.size() << " constant expressions\n";
  }
}

// Runs `body` as the pass `name`: its time, then its dump, go to opts.dump when asked for.
template <class Run, class Dump>
void run_pass(const std::string& name, const CompileOptions& opts, Run&& body, Dump&& dump) {
  auto start = std::chrono::steady_clock::now();
  body();
  auto elapsed = std::chrono::steady_clock::now() - start;
  if (opts.time_passes && opts.dump) {
    *opts.dump << "pass " << name << ": "
               << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() << " us\n";
  }
  for (const std::string& d : opts.dump_after) {
    if (d == name && opts.dump) {
      *opts.dump << "=== after " << name << " ===\n";
      dump(*opts.dump);
    }
  }
}

CheckedProgram run_check_passes(CheckContext& cx, const CompileOptions& opts) {
  cx.max_cost = opts.max_cost;
  cx.eval_expr = cx.expression.get();
  for (const CheckPass& pass : check_passes()) {
    run_pass(pass.name, opts, [&] { pass.run(cx); }, [&](std::ostream& os) { dump_checked(cx, pass.name, os); });
  }
  cx.errors = cx.sink->error_count();
  cx.warnings = 0;
  for (const lang::Diagnostic& d : cx.sink->all()) cx.warnings += d.severity == lang::Severity::Warning ? 1 : 0;
  return std::move(static_cast<CheckedProgram&>(cx));
}

// A copy of a folded constant in the Program's arena (folding allocated it in the checked
// program's). Resources never fold, so the copy is deep.
Value copy_constant(const Value& v, Arena& arena) {
  switch (v.kind()) {
    case Kind::String: return Value::string(arena, v.as_string());
    case Kind::List: {
      std::vector<Value> items;
      for (const Value& item : v.as_list()) items.push_back(copy_constant(item, arena));
      return Value::list(arena, items);
    }
    case Kind::Object: {
      std::vector<Member> members;
      for (const Member& m : v.as_object()) members.push_back({m.key, copy_constant(m.value, arena)});
      return Value::object(arena, members);
    }
    default: return v;
  }
}

// Lowers into cx.program; null when the checked program has errors.
std::unique_ptr<bytecode::Program> run_lower_pass(Context& cx, const CompileOptions& opts) {
  if (!cx.checked.ok()) return nullptr;
  run_pass("lower", opts, [&] { internal::run_lower(cx); },
           [&](std::ostream& os) { os << bytecode::disassemble(*cx.program); });
  return std::move(cx.program);
}

std::vector<std::shared_ptr<const lang::Module>> share(std::vector<lang::Module> modules) {
  std::vector<std::shared_ptr<const lang::Module>> out;
  out.reserve(modules.size());
  for (lang::Module& m : modules) out.push_back(std::make_shared<const lang::Module>(std::move(m)));
  return out;
}

}  // namespace

namespace internal {
Context::Context(const CheckedProgram& c)
    : checked(c),
      sources(c.sources),
      defs(c.defs),
      rules(c.rules),
      names(c.names),
      calls(c.calls),
      binding_slots(c.binding_slots),
      eval_expr(c.expression.get()),
      eval_locals(c.expression_locals),
      program(std::make_unique<bytecode::Program>()) {
  program->sources = c.sources;
  folded.reserve(c.folded.size());
  for (const auto& [id, v] : c.folded) folded.emplace(id, copy_constant(v, *program->arena));
}
}  // namespace internal

const std::vector<std::string>& pass_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = {"parse"};
    for (const CheckPass& p : check_passes()) out.push_back(p.name);
    out.emplace_back("lower");
    return out;
  }();
  return names;
}

CheckedProgram check(std::shared_ptr<const lang::SourceManager> sources,
                     std::vector<std::shared_ptr<const lang::Module>> modules, lang::DiagnosticSink& sink,
                     const CompileOptions& opts) {
  CheckContext cx;
  cx.sources = std::move(sources);
  cx.modules = std::move(modules);
  cx.sink = &sink;
  return run_check_passes(cx, opts);
}

CheckedProgram check(std::shared_ptr<const lang::SourceManager> sources, std::vector<lang::Module> modules,
                     lang::DiagnosticSink& sink, const CompileOptions& opts) {
  return check(std::move(sources), share(std::move(modules)), sink, opts);
}

std::unique_ptr<bytecode::Program> lower(const CheckedProgram& checked, const CompileOptions& opts) {
  Context cx(checked);
  return run_lower_pass(cx, opts);
}

CompileResult compile(std::shared_ptr<lang::SourceManager> sources, lang::DiagnosticSink& sink,
                      const CompileOptions& opts) {
  return compile(std::move(sources), {}, sink, opts);
}

CompileResult compile(std::shared_ptr<lang::SourceManager> sources, std::vector<lang::Module> modules,
                      lang::DiagnosticSink& sink, const CompileOptions& opts) {
  run_pass(
      "parse", opts,
      [&] {
        for (auto f = static_cast<uint32_t>(modules.size()); f < sources->size(); ++f) {
          modules.push_back(lang::parse_module(*sources, f, sink));
        }
      },
      [&](std::ostream& os) {
        for (const lang::Module& m : modules) os << lang::dump(m) << "\n";
      });
  CheckedProgram checked = check(sources, std::move(modules), sink, opts);
  CompileResult result;
  result.program = lower(checked, opts);
  if (sink.has_errors()) result.program.reset();
  return result;
}

ExpressionResult compile_expression(std::shared_ptr<lang::SourceManager> sources, uint32_t file,
                                    lang::DiagnosticSink& sink) {
  CheckContext cx;
  cx.sources = sources;
  cx.sink = &sink;
  std::vector<lang::Module> modules;
  for (uint32_t f = 0; f < sources->size(); ++f) {
    if (f == file) {
      cx.expression = lang::parse_expression(*sources, f, sink);
    } else {
      modules.push_back(lang::parse_module(*sources, f, sink));
    }
  }
  ExpressionResult result;
  if (!cx.expression) return result;
  cx.modules = share(std::move(modules));
  CheckedProgram checked = run_check_passes(cx, {});
  Context lx(checked);
  result.program = run_lower_pass(lx, {});
  if (result.program) result.entry = lx.eval_entry;
  return result;
}

}  // namespace edict::compiler

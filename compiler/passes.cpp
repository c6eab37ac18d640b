// The pass table and the compile() driver: parse, resolve, check, cost, fold, lower, each named, each
// timed on request, each dumpable with --dump-after=PASS.
#include <chrono>

#include "compiler/compiler.h"
#include "compiler/internal/context.h"
#include "lang/parser.h"

namespace edict::compiler {

using internal::Context;

namespace {

struct Pass {
  std::string name;
  void (*run)(Context&);
  // Later passes need the earlier ones to have succeeded.
  bool stop_on_errors;
};

const std::vector<Pass>& passes() {
  static const std::vector<Pass> table = {
      {"parse", internal::run_parse, false},
      {"resolve", internal::run_resolve, false},
      {"check", internal::run_check, false},
      {"cost", internal::run_cost, false},
      {"fold", internal::run_fold, false},  // reads only what resolve found (see Folder)
      {"lower", internal::run_lower, true},
  };
  return table;
}

void dump(const Context& cx, const std::string& pass, std::ostream& os) {
  os << "=== after " << pass << " ===\n";
  if (pass == "parse") {
    for (const lang::Module& m : cx.modules) os << lang::dump(m) << "\n";
  } else if (pass == "resolve" || pass == "check") {
    os << cx.defs.size() << " functions, " << cx.rules.size() << " rules, " << cx.names.size()
       << " names resolved, " << cx.calls.size() << " calls resolved\n";
    for (const auto& d : cx.defs) os << "def " << d.qualified << " (locals " << d.locals << ")\n";
    for (const auto& r : cx.rules) os << "rule " << r.decl->id << "\n";
  } else if (pass == "cost") {
    for (const auto& [id, cost] : cx.rule_costs) os << "rule " << id << " cost " << cost << "\n";
  } else if (pass == "fold") {
    os << cx.folded.size() << " constant expressions\n";
  } else if (pass == "lower" && cx.program) {
    os << bytecode::disassemble(*cx.program);
  }
}

void run_passes(Context& cx, const CompileOptions& opts) {
  for (const Pass& pass : passes()) {
    if (pass.stop_on_errors && cx.sink->has_errors()) break;
    auto start = std::chrono::steady_clock::now();
    pass.run(cx);
    auto elapsed = std::chrono::steady_clock::now() - start;
    if (opts.time_passes && opts.dump) {
      *opts.dump << "pass " << pass.name << ": "
                 << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() << " us\n";
    }
    for (const std::string& d : opts.dump_after) {
      if (d == pass.name && opts.dump) dump(cx, pass.name, *opts.dump);
    }
  }
}

}  // namespace

namespace internal {
void run_parse(Context& cx) {
  for (uint32_t f = 0; f < cx.sources->size(); ++f) {
    if (cx.eval_expr == nullptr && cx.modules.size() == f) {
      cx.modules.push_back(lang::parse_module(*cx.sources, f, *cx.sink));
    } else if (cx.eval_expr != nullptr) {
      break;  // compile_expression parsed its inputs already
    }
  }
}
}  // namespace internal

const std::vector<std::string>& pass_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Pass& p : passes()) out.push_back(p.name);
    return out;
  }();
  return names;
}

CompileResult compile(std::shared_ptr<lang::SourceManager> sources, lang::DiagnosticSink& sink,
                      const CompileOptions& opts) {
  return compile(std::move(sources), {}, sink, opts);
}

CompileResult compile(std::shared_ptr<lang::SourceManager> sources, std::vector<lang::Module> modules,
                      lang::DiagnosticSink& sink, const CompileOptions& opts) {
  Context cx;
  cx.modules = std::move(modules);
  cx.sources = sources;
  cx.sink = &sink;
  cx.program = std::make_unique<bytecode::Program>();
  cx.program->sources = sources;
  cx.max_cost = opts.max_cost;
  run_passes(cx, opts);
  CompileResult result;
  if (!sink.has_errors()) result.program = std::move(cx.program);
  return result;
}

ExpressionResult compile_expression(std::shared_ptr<lang::SourceManager> sources, uint32_t file,
                                    lang::DiagnosticSink& sink) {
  Context cx;
  cx.sources = sources;
  cx.sink = &sink;
  cx.program = std::make_unique<bytecode::Program>();
  cx.program->sources = sources;
  lang::ExprPtr expr;
  for (uint32_t f = 0; f < sources->size(); ++f) {
    if (f == file) {
      expr = lang::parse_expression(*sources, f, sink);
    } else {
      cx.modules.push_back(lang::parse_module(*sources, f, sink));
    }
  }
  ExpressionResult result;
  if (!expr) return result;
  cx.eval_expr = expr.get();
  run_passes(cx, {});
  if (!sink.has_errors()) {
    result.program = std::move(cx.program);
    result.entry = cx.eval_entry;
  }
  return result;
}

}  // namespace edict::compiler

// Glue between parsed arguments and edict_core: load rules and inputs, compile, evaluate, print.
#include "cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "lang/diagnostics.h"
#include "loaders/json.h"
#include "loaders/loader.h"
#include "report/report.h"
#include "stdlib/builtins.h"
#include "vm/interpreter.h"

namespace edict::cli {

namespace {

bool colour_for(int fd, bool disabled) {
  if (disabled) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fd) != 0;
}

// EDICT_TIMING=1 prints how long each phase of a run took, to stderr (used by bench/).
class PhaseTimer {
 public:
  PhaseTimer() : enabled_(std::getenv("EDICT_TIMING") != nullptr), last_(std::chrono::steady_clock::now()) {}
  void mark(const char* phase) {
    auto now = std::chrono::steady_clock::now();
    if (enabled_) {
      std::cerr << "phase " << phase << ": " << std::chrono::duration<double, std::milli>(now - last_).count() << " ms\n";
    }
    last_ = now;
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_;
};

int usage_error(const std::string& message) {
  std::cerr << "edict: error: " << message << "\n";
  return 2;
}

// A rule file or directory that cannot be read: a diagnostic without a source span (E0401).
int rule_read_error(const std::string& message) {
  std::cerr << "edict: error[" << lang::code_id(lang::Code::IoError) << "]: " << message << "\n";
  return 2;
}

// Compiles rules from paths (or the embedded library); prints diagnostics to stderr.
std::unique_ptr<bytecode::Program> compile_rules(const std::vector<std::string>& paths, bool builtin, bool werror,
                                                 const compiler::CompileOptions& opts, bool no_color, bool& ok) {
  auto sources = std::make_shared<lang::SourceManager>();
  std::string error;
  ok = false;
  if (builtin || paths.empty()) engine::add_builtin_rules(*sources);
  if (!paths.empty() && !engine::add_rule_paths(*sources, paths, error)) {
    rule_read_error(error);
    return nullptr;
  }
  lang::DiagnosticSink sink;
  compiler::CompileResult result = compiler::compile(sources, sink, opts);
  if (werror) {
    for (const lang::Diagnostic& d : sink.all()) {
      if (d.severity == lang::Severity::Warning) {
        lang::Diagnostic e = d;
        e.severity = lang::Severity::Error;
        sink.report(e);
      }
    }
  }
  lang::RenderOptions ropts{colour_for(STDERR_FILENO, no_color)};
  std::string rendered = lang::render_all(sink, *sources, ropts);
  if (!rendered.empty()) std::cerr << rendered;
  if (sink.has_errors()) {
    std::cerr << "edict: " << sink.error_count() << " error" << (sink.error_count() == 1 ? "" : "s")
              << "; nothing was evaluated\n";
    return nullptr;
  }
  ok = true;
  return std::move(result.program);
}

}  // namespace

int run_check(const CheckArgs& args) {
  if (args.paths.empty() && !args.builtin) return usage_error("check needs rule files or directories (or --builtin-rules)");
  compiler::CompileOptions opts;
  opts.dump_after = args.dump_after;
  opts.time_passes = args.time_passes;
  opts.dump = &std::cout;
  for (const std::string& pass : args.dump_after) {
    const auto& names = compiler::pass_names();
    if (std::find(names.begin(), names.end(), pass) == names.end()) {
      return usage_error("unknown pass '" + pass + "' for --dump-after (passes: parse, resolve, check, fold, lower)");
    }
  }
  bool ok = false;
  auto program = compile_rules(args.paths, args.builtin, args.werror, opts, args.no_color, ok);
  if (!ok) return 2;
  std::cout << program->rules.size() << " rule" << (program->rules.size() == 1 ? "" : "s") << " OK\n";
  return 0;
}

int run_disasm(const DisasmArgs& args) {
  bool ok = false;
  auto program = compile_rules(args.paths, false, false, {}, false, ok);
  if (!ok) return 2;
  if (!args.rule.empty()) {
    const bytecode::Rule* r = program->find_rule(args.rule);
    if (r == nullptr) return usage_error("no rule '" + args.rule + "' in " + args.paths.front());
    std::cout << bytecode::disassemble_rule(*program, *r);
  } else {
    std::cout << bytecode::disassemble(*program);
  }
  return 0;
}

int run_evaluate(const EvaluateArgs& args) {
  if (!args.severity.empty() && engine::severity_rank(args.severity) < 0) {
    return usage_error("unknown severity '" + args.severity + "' (use info, low, medium, high or critical)");
  }
  PhaseTimer timer;
  bool ok = false;
  auto program = compile_rules(args.rules, false, false, {}, args.no_color, ok);
  if (!ok) return 2;
  timer.mark("compile");
  for (const std::string& id : args.rule_ids) {
    if (program->find_rule(id) == nullptr) {
      std::vector<std::string> ids;
      for (const bytecode::Rule& r : program->rules) ids.push_back(r.id);
      std::string best = lang::did_you_mean(id, ids);
      return usage_error("unknown rule id '" + id + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)"));
    }
  }
  model::ResourceSet set;
  try {
    for (const std::string& input : args.inputs) loaders::load_file(set, input);
  } catch (const loaders::InputError& e) {
    return usage_error(e.what());
  }
  timer.mark("load");
  set.finish();
  timer.mark("index");
  engine::EvalOptions opts;
  opts.rules = args.rule_ids;
  opts.min_severity = args.severity;
  engine::Results results = engine::evaluate(*program, set, opts);
  timer.mark("evaluate");
  if (args.format == "json") {
    std::cout << report::render_json(results, set);
  } else {
    report::TextOptions topts;
    topts.color = colour_for(STDOUT_FILENO, args.no_color);
    topts.show_passing = !args.quiet;
    std::cout << report::render_text(results, set, topts);
  }
  std::cout.flush();
  timer.mark("report");
  return results.summary.fail > 0 || results.summary.error > 0 ? 1 : 0;
}

int run_eval(const EvalArgs& args) {
  auto sources = std::make_shared<lang::SourceManager>();
  std::string error;
  if (!engine::add_rule_paths(*sources, args.rules, error)) return rule_read_error(error);
  uint32_t file = sources->add("<expr>", args.expr);
  lang::DiagnosticSink sink;
  compiler::ExpressionResult compiled = compiler::compile_expression(sources, file, sink);
  std::string rendered = lang::render_all(sink, *sources, {colour_for(STDERR_FILENO, false)});
  if (!rendered.empty()) std::cerr << rendered;
  if (!compiled.program) return 2;
  model::ResourceSet set;
  Value self;
  if (!args.input.empty()) {
    std::string text;
    try {
      text = loaders::read_input(args.input);
    } catch (const loaders::InputError& e) {
      return usage_error(e.what());
    }
    std::string perr;
    if (!loaders::parse_json(set.arena(), text, self, perr)) return usage_error(args.input + ": " + perr);
  }
  set.finish();
  vm::Interpreter vm(*compiled.program, set, engine::default_now());
  Value out;
  if (!vm.run_value(compiled.entry, self, out)) {
    const lang::Span& span = vm.error().span;
    lang::LineCol lc = sources->file(span.file).line_col(span.begin);
    std::cerr << sources->file(span.file).path() << ":" << lc.line << ":" << lc.col << ": error: " << vm.error().message
              << "\n";
    return 1;
  }
  std::cout << to_display(out, SIZE_MAX) << "\n";
  return 0;
}

int run_builtins(const BuiltinsArgs& args) {
  if (args.markdown) {
    std::cout << stdlib::stdlib_markdown();
    return 0;
  }
  for (const stdlib::Builtin& b : stdlib::builtins()) std::cout << b.signature << "\n    " << b.doc << "\n";
  return 0;
}

}  // namespace edict::cli

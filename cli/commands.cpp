// Glue between parsed arguments and edict_core: each command fills the core's options, calls it,
// prints what it returns and maps the outcome to an exit code.
#include "cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "cli/history_commands.h"
#include "common/files.h"
#include "common/text.h"
#include "c7n/frontend.h"
#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "lang/diagnostics.h"
#include "loaders/json.h"
#include "loaders/loader.h"
#include "report/catalog.h"
#include "report/report.h"
#include "repl/session.h"
#include "repl/terminal.h"
#include "ruletest/ruletest.h"
#include "scan/explain.h"
#include "scan/live.h"
#include "scan/scan.h"
#include "stdlib/builtins.h"
#include "triage/triage.h"
#include "vm/interpreter.h"

namespace edict::cli {

namespace {

bool colour_for(int fd, bool disabled) {
  if (disabled) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fd) != 0;
}

// Messages quote input text (addresses, keys, file names): printed escaped, never raw.
int usage_error(const std::string& message) {
  std::cerr << "edict: error: " << text::printable(message) << "\n";
  return 2;
}

// A rule file or directory that cannot be read: a diagnostic without a source span (E0401).
int rule_read_error(const std::string& message) {
  std::cerr << "edict: error[" << lang::code_id(lang::Code::IoError) << "]: " << message << "\n";
  return 2;
}

// Compiles rules from paths (or the embedded library) for a command that is not a scan; prints
// the diagnostics to stderr. Null when there were errors.
std::unique_ptr<bytecode::Program> compile_rules(const std::vector<std::string>& paths, bool builtin, bool werror,
                                                 const compiler::CompileOptions& opts, bool no_color) {
  scan::CompiledRules rules = scan::compile_rules(paths, builtin, opts, werror);
  std::string rendered = scan::render_diagnostics(rules, colour_for(STDERR_FILENO, no_color));
  if (!rendered.empty()) std::cerr << rendered;
  return std::move(rules.program);
}

// Prints what a scan returned (diagnostics and log on stderr, the report on stdout) and gives
// its exit code.
int print_outcome(const scan::ScanOutcome& out, bool no_color) {
  std::string rendered = scan::render_diagnostics(out.rules, colour_for(STDERR_FILENO, no_color));
  if (!rendered.empty()) std::cerr << rendered;
  std::cerr << out.log;
  std::cout << out.report;
  std::cout.flush();
  std::cerr << out.epilogue;
  return scan::exit_code(out.status);
}

}  // namespace

int run_check(const CheckArgs& args) {
  if (args.paths.empty() && !args.builtin) return usage_error("check needs rule files or directories (or --builtin-rules)");
  compiler::CompileOptions opts;
  opts.dump_after = args.dump_after;
  opts.time_passes = args.time_passes;
  opts.max_cost = args.max_cost;
  opts.dump = &std::cout;
  for (const std::string& pass : args.dump_after) {
    const auto& names = compiler::pass_names();
    if (std::find(names.begin(), names.end(), pass) == names.end()) {
      return usage_error("unknown pass '" + pass + "' for --dump-after (passes: parse, resolve, check, cost, fold, lower)");
    }
  }
  auto program = compile_rules(args.paths, args.builtin, args.werror, opts, args.no_color);
  if (!program) return 2;
  std::cout << program->rules.size() << " rule" << (program->rules.size() == 1 ? "" : "s") << " OK\n";
  return 0;
}

int run_disasm(const DisasmArgs& args) {
  auto program = compile_rules(args.paths, false, false, {}, false);
  if (!program) return 2;
  if (!args.rule.empty()) {
    const bytecode::Rule* r = program->find_rule(args.rule);
    if (r == nullptr) return usage_error("no rule '" + args.rule + "' in " + args.paths.front());
    std::cout << bytecode::disassemble_rule(*program, *r);
  } else {
    std::cout << bytecode::disassemble(*program);
  }
  return 0;
}

// Validates EDICT_NOW before anything runs, so a typo in it is an error, not a silent fallback.
static bool check_clock(int64_t& now) {
  std::string error;
  if (engine::clock_from_env(now, error)) return true;
  usage_error(error);
  return false;
}

namespace {

scan::ScanOptions scan_options(const EvaluateArgs& args) {
  scan::ScanOptions o;
  o.rules = args.rules;
  o.inputs = args.inputs;
  o.selection = {args.rule_ids, args.skip_rule_ids, args.controls};
  o.min_severity = args.severity;
  if (!args.changed_since.empty()) {
    o.changed_since = [rev = args.changed_since](std::vector<std::string>& rule_paths, std::vector<std::string>& ids) {
      return changed_rules_since(rev, rule_paths, ids);
    };
  }
  o.explain = args.explain;
  o.budget = args.budget;
  o.jobs = args.jobs;
  o.state = args.state;
  o.waivers = args.waivers;
  o.baseline = args.baseline;
  o.write_baseline = args.write_baseline;
  o.fail_on = args.fail_on;
  o.soft_fail = args.soft_fail;
  o.format = args.format;
  o.outputs = args.outputs;
  o.color = args.format == "text" && colour_for(STDOUT_FILENO, args.no_color);
  o.show_passing = !args.quiet;
  o.markdown_limit = args.markdown_limit;
  o.timing = std::getenv("EDICT_TIMING") != nullptr;  // used by bench/
  return o;
}

}  // namespace

int run_evaluate(const EvaluateArgs& args) { return print_outcome(scan::run(scan_options(args)), args.no_color); }

int run_drift(const DriftArgs& args) {
  return print_outcome(scan::drift(args), false);
}

int run_config_rule(const ConfigRuleArgs& args) {
  return print_outcome(scan::config_rule(args), false);
}

int run_baseline_create(const BaselineArgs& args) {
  EvaluateArgs ev;
  ev.rules = args.rules;
  ev.rule_ids = args.rule_ids;
  ev.skip_rule_ids = args.skip_rule_ids;
  ev.controls = args.controls;
  ev.inputs = args.inputs;
  ev.write_baseline = args.output;
  return run_evaluate(ev);
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
  int64_t now = 0;
  if (!check_clock(now)) return 2;
  vm::Interpreter vm(*compiled.program, set, now);
  vm.set_budget(args.budget);
  Value out;
  if (!vm.run_value(compiled.entry, self, out)) {
    std::cerr << lang::location(*sources, vm.error().span) << ": error: " << vm.error().message << "\n";
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

int run_rules(const RulesArgs& args) {
  auto program = compile_rules(args.rules, false, false, {}, false);
  if (!program) return 2;
  std::vector<const bytecode::Rule*> rules = report::catalog_rules(*program, {args.controls, args.types});
  if (args.lint) {
    std::vector<report::LintIssue> issues = report::lint_rules(*program, rules);
    std::cout << report::render_lint(issues, rules.size());
    return issues.empty() ? 0 : 1;
  }
  if (args.format == "json") {
    std::cout << report::render_catalog_json(*program, rules);
  } else if (args.format == "markdown") {
    std::cout << report::render_catalog_markdown(rules);
  } else {
    std::cout << report::render_catalog_text(rules);
  }
  if (rules.empty()) {
    std::cerr << "edict: no rule matches --control and --type\n";
    return 1;
  }
  return 0;
}

// --- rule authoring: explain and test ---

int run_explain(const ExplainArgs& args) {
  scan::ExplainOptions o;
  o.rules = args.rules;
  o.inputs = args.inputs;
  o.rule = args.rule;
  o.address = args.address;
  o.budget = args.budget;
  return print_outcome(scan::explain(o), false);
}

int run_test(const TestArgs& args) {
  int64_t now = 0;
  if (!check_clock(now)) return 2;
  ruletest::TestPlan plan, extra;
  std::string error;
  if (!ruletest::find_tests(args.paths, plan, error) || !ruletest::find_tests(args.rules, extra, error)) {
    return usage_error(error);
  }
  // --rules only adds rule files; a file named twice must be compiled once.
  std::set<std::filesystem::path> seen;
  std::vector<std::string> rule_files;
  for (const auto* list : {&plan.rule_files, &extra.rule_files}) {
    for (const std::string& f : *list) {
      std::error_code ec;
      if (seen.insert(std::filesystem::weakly_canonical(f, ec)).second) rule_files.push_back(f);
    }
  }
  if (rule_files.empty()) return usage_error("no rules to test: give rule files or directories (or --rules)");
  if (plan.test_files.empty()) return usage_error("no test files (*.test.yaml) next to the rules given");
  if (!args.junit.empty()) {  // the report must not replace a rule file, a test file or a fixture
    std::vector<std::string> read = rule_files;
    read.insert(read.end(), plan.test_files.begin(), plan.test_files.end());
    // Fixtures are named inside the test files (relative to them); a test file that does not
    // parse reads no fixture, and run_tests reports it.
    for (const std::string& path : plan.test_files) {
      ruletest::TestFile tf;
      std::string ignored;
      if (!ruletest::load_test_file(path, tf, ignored)) continue;
      for (const ruletest::TestCase& tc : tf.tests) read.insert(read.end(), tc.fixtures.begin(), tc.fixtures.end());
    }
    if (const std::string* input = files::overwritten_input(args.junit, read)) {
      return usage_error("--junit " + args.junit + " names the input '" + *input +
                         "', which it would overwrite; write it elsewhere");
    }
  }
  compiler::CompileOptions copts;
  auto program = compile_rules(rule_files, false, false, copts, false);
  if (!program) return 2;
  ruletest::RunOptions ro;
  ro.pattern = args.run;
  ro.now_unix = now;
  ro.budget = args.budget;
  ruletest::RunResult result = ruletest::run_tests(*program, plan.test_files, ro);
  if (result.cases.empty() && result.bad_files.empty()) return usage_error("no test name matches --run '" + args.run + "'");
  for (const auto& [path, message] : result.bad_files) std::cerr << "edict: error: " << text::printable(message) << "\n";
  for (const ruletest::CaseResult& c : result.cases) {
    for (const std::string& e : c.errors) std::cerr << "edict: error: " << text::printable(e) << "\n";
  }
  std::cout << ruletest::render_text(result);
  std::cout.flush();
  if (args.junit == "-") {
    std::cout << ruletest::render_junit(result);
  } else if (!args.junit.empty()) {
    std::ofstream junit(args.junit, std::ios::binary);
    junit << ruletest::render_junit(result);
    if (!junit) return usage_error("cannot write the JUnit report to '" + args.junit + "'");
  }
  const ruletest::Coverage& cov = result.coverage;
  if (args.require_coverage && result.exit_code() == 0 && (!cov.untested.empty() || !cov.never_false.empty())) {
    std::cerr << "edict: error: rule coverage is incomplete (--require-coverage)\n";
    return 1;
  }
  return result.exit_code();
}

// --- the REPL ---

int run_repl(const ReplArgs& args) {
  repl::Session session;
  bool terminal = repl::interactive();
  std::string greeting = terminal ? std::string("edict ") + EDICT_VERSION + " REPL: :help lists the commands, :quit leaves\n" : "";
  greeting += session.start(args.rules, args.inputs);
  return repl::run(session, greeting, terminal);
}

}  // namespace edict::cli

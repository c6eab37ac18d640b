// Glue between parsed arguments and edict_core: load rules and inputs, compile, evaluate, print.
#include "cli/commands.h"
#include "cli/ci.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>

#include "cli/history_commands.h"
#include "common/files.h"
#include "common/text.h"
#include "compiler/compiler.h"
#include "engine/evaluate.h"
#include "engine/rule_sources.h"
#include "lang/diagnostics.h"
#include "loaders/json.h"
#include "loaders/loader.h"
#include "engine/drift.h"
#include "engine/scan_state.h"
#include "report/catalog.h"
#include "report/config_rule.h"
#include "report/report.h"
#include "repl/session.h"
#include "repl/terminal.h"
#include "ruletest/ruletest.h"
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
  if (werror) sink.promote_warnings();
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

// The inputs with any file named twice (by identity: ./a.json and a.json, a symlink) kept once,
// so that its resources are neither counted nor reported twice. A note says which were dropped.
std::vector<std::string> unique_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  std::vector<std::pair<files::FileId, std::string>> seen;
  bool stdin_seen = false;
  for (const std::string& in : inputs) {
    std::optional<files::FileId> id = files::file_id(in);
    const std::string* first = nullptr;
    if (in == "-") {
      if (stdin_seen) first = &in;
      stdin_seen = true;
    } else if (id) {
      for (const auto& [other, name] : seen) {
        if (other == *id) first = &name;
      }
      if (!first) seen.emplace_back(*id, in);
    }
    if (first) {
      std::cerr << "note: duplicate input: '" << text::printable(in) << "' is the same file as '"
                << text::printable(*first) << "'; read once\n";
      continue;
    }
    out.push_back(in);
  }
  return out;
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

// Validates EDICT_NOW before anything runs, so a typo in it is an error, not a silent fallback.
static bool check_clock(int64_t& now) {
  std::string error;
  if (engine::clock_from_env(now, error)) return true;
  usage_error(error);
  return false;
}

int run_evaluate(const EvaluateArgs& args) {
  int64_t now = 0;
  if (!check_clock(now)) return 2;
  if (!args.severity.empty() && engine::severity_rank(args.severity) < 0) {
    return usage_error("unknown severity '" + args.severity + "' (use info, low, medium, high or critical)");
  }
  std::vector<std::string> rule_paths = args.rules;
  std::vector<std::string> changed;  // --changed-since: only these rules run
  if (!args.changed_since.empty()) {
    if (int rc = changed_rules_since(args.changed_since, rule_paths, changed); rc != 0) return rc;
  }
  CiSetup ci;
  if (!prepare_ci(args, ci)) return 2;
  PhaseTimer timer;
  bool ok = false;
  compiler::CompileOptions copts;
  copts.trace = args.explain;  // only then: traced programs are longer
  auto program = compile_rules(rule_paths, false, false, copts, args.no_color, ok);
  if (!ok) return 2;
  timer.mark("compile");
  std::vector<std::string> rule_ids;  // --rule, --skip-rule and --control resolved (empty: all)
  if (!select_rules(*program, args, rule_ids)) return 2;
  model::ResourceSet set;
  try {
    for (const std::string& input : unique_inputs(args.inputs)) loaders::load_file(set, input);
  } catch (const loaders::InputError& e) {
    return usage_error(e.what());
  }
  timer.mark("load");
  // The state file is read before evaluation, so that a bad one stops the run before any work.
  engine::ScanState state;
  if (!args.state.empty()) {
    try {
      state = engine::read_state(args.state);
    } catch (const loaders::InputError& e) {
      return usage_error(e.what());
    }
  }
  // Loader notes (unknown snapshot types, skipped items) go to stderr: counted and listed, not fatal.
  for (const auto& [what, note] : set.notes) std::cerr << "note: " << what << ": " << text::printable(note) << "\n";
  set.finish();
  timer.mark("index");
  engine::EvalOptions opts;
  opts.rules = rule_ids;
  if (!args.changed_since.empty()) {
    opts.rules = select_changed(rule_ids, changed);
    opts.rules_exact = true;
  }
  opts.min_severity = args.severity;
  opts.now_unix = now;
  opts.trace = args.explain ? engine::TraceMode::Failures : engine::TraceMode::Off;
  opts.budget = args.budget;
  opts.jobs = args.jobs;
  engine::Results results = engine::evaluate(*program, set, opts);
  timer.mark("evaluate");
  engine::StateDelta delta;
  if (!args.state.empty()) {
    delta = engine::update_state(state, results, now);
    ci.have_state = true;
    for (const engine::StateEntry& e : state.entries) {
      if (e.resolved.empty()) ci.first_seen[{e.rule, e.address}] = e.first_seen;
    }
  }
  bool color = args.format == "text" && colour_for(STDOUT_FILENO, args.no_color);
  int status = finish_evaluate(args, ci, *program, results, set, opts, color);
  timer.mark("report");
  // Continuous scans: the state advances last, and only when every report was written, so a
  // failed run can be repeated with the same state.
  if (!args.state.empty() && status != 2) {
    try {
      engine::write_state(args.state, state);
      std::cerr << "state: " << engine::delta_line(delta) << "\n";
    } catch (const loaders::InputError& e) {
      return usage_error(e.what());
    }
  }
  return status;
}

int run_drift(const DriftArgs& args) {
  bool ok = false;
  auto program = compile_rules(args.rules, false, false, {}, false, ok);
  if (!ok) return 2;
  model::ResourceSet plan, live;
  try {
    for (const std::string& input : args.plan) loaders::load_file(plan, input);
    for (const std::string& input : args.live) loaders::load_file(live, input);
  } catch (const loaders::InputError& e) {
    return usage_error(e.what());
  }
  for (const auto* set : {&plan, &live})
    for (const auto& [what, note] : set->notes) std::cerr << "note: " << what << ": " << text::printable(note) << "\n";
  plan.finish();
  live.finish();
  engine::EvalOptions opts;
  opts.jobs = args.jobs;
  engine::DriftReport drift =
      engine::compare(engine::evaluate(*program, plan, opts), engine::evaluate(*program, live, opts));
  std::cout << (args.format == "json" ? engine::render_drift_json(drift) : engine::render_drift(drift));
  return drift.empty() ? 0 : 1;
}

int run_config_rule(const ConfigRuleArgs& args) {
  bool ok = false;
  auto program = compile_rules(args.rules, false, false, {}, false, ok);
  if (!ok) return 2;
  engine::EvalOptions opts;
  if (!args.rule_ids.empty()) {  // one Config rule per rule id: an unknown id is an error, not NOT_APPLICABLE
    std::string error;
    if (!triage::select_rules(*program, args.rule_ids, {}, opts.rules, error)) return usage_error(error);
    opts.rules_exact = true;
  }
  model::ResourceSet set;
  report::ConfigEvent event;
  try {
    std::string name = args.event == "-" ? "<stdin>" : args.event;
    std::string text = loaders::read_input(args.event);
    event = report::parse_config_event(text, name);
    if (!args.item.empty()) {
      // The item fetched by the caller (get-resource-config-history / batch-get-resource-config);
      // of a history only the latest capture is judged (loaders/aws_config.cpp).
      report::check_item_resource(loaders::read_input(args.item), args.item, event);
      loaders::load_file(set, args.item);
    } else if (event.left_scope) {
      // Not evaluated (NOT_APPLICABLE), so an oversized notice needs no --item either.
    } else if (event.oversized) {
      return usage_error(name + ": an oversized configuration item is not in the event; fetch it with "
                                "get-resource-config-history and pass it with --item FILE");
    } else {
      loaders::load_text(set, text, name);
    }
  } catch (const loaders::InputError& e) {
    return usage_error(e.what());
  }
  {  // the rule parameters, readable by rules as a resource that is never checked itself
    model::Resource params;
    std::string error;
    if (!loaders::parse_json(set.arena(), event.rule_parameters, params.attrs, error)) return usage_error(error);
    params.type = report::kRuleParametersType;
    params.address = "ruleParameters";
    params.name = "ruleParameters";
    params.source = "config";
    params.checked = false;
    set.add(params);
  }
  for (const auto& [what, note] : set.notes) std::cerr << "note: " << what << ": " << text::printable(note) << "\n";
  set.finish();
  std::cout << report::render_put_evaluations(engine::evaluate(*program, set, opts), event);
  return 0;
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

int run_rules(const RulesArgs& args) {
  bool ok = false;
  auto program = compile_rules(args.rules, false, false, {}, false, ok);
  if (!ok) return 2;
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

namespace {

int unknown_rule(const bytecode::Program& program, const std::string& id) {
  std::vector<std::string> ids;
  for (const bytecode::Rule& r : program.rules) ids.push_back(r.id);
  std::string best = lang::did_you_mean(id, ids);
  return usage_error("unknown rule id '" + id + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)"));
}

std::string span_location(const bytecode::Program& p, const lang::Span& span) {
  if (!p.sources || span.file >= p.sources->size()) return {};
  const lang::SourceFile& f = p.sources->file(span.file);
  lang::LineCol lc = f.line_col(span.begin);
  return f.path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col);
}

}  // namespace

int run_explain(const ExplainArgs& args) {
  int64_t now = 0;
  if (!check_clock(now)) return 2;
  bool ok = false;
  compiler::CompileOptions copts;
  copts.trace = true;
  auto program = compile_rules(args.rules, false, false, copts, false, ok);
  if (!ok) return 2;
  const bytecode::Rule* rule = program->find_rule(args.rule);
  if (rule == nullptr) return unknown_rule(*program, args.rule);
  model::ResourceSet set;
  try {
    for (const std::string& input : args.inputs) loaders::load_file(set, input);
  } catch (const loaders::InputError& e) {
    return usage_error(e.what());
  }
  set.finish();
  const model::Resource* res = set.by_address(args.address);
  if (res == nullptr) {
    std::vector<std::string> addresses;
    for (const model::Resource& r : set.resources()) addresses.emplace_back(r.address);
    std::string best = lang::did_you_mean(args.address, addresses);
    return usage_error("no resource '" + args.address + "' in the input" +
                       (best.empty() ? "" : " (did you mean '" + best + "'?)"));
  }
  if (std::string why = engine::no_verdict_reason(*rule, *res); !why.empty()) return usage_error(why);
  engine::EvalOptions opts;
  opts.now_unix = now;
  opts.trace = engine::TraceMode::All;
  opts.budget = args.budget;
  engine::Result r = engine::evaluate_one(*program, set, *rule, *res, opts);

  // Input-derived text is escaped, as in the text report (report/text.cpp).
  auto safe = [](std::string_view t) { return text::printable(t); };
  std::string out = "rule      " + safe(rule->id) + " [" + safe(rule->severity) + "]" +
                    (rule->title.empty() ? "" : " " + safe(rule->title)) + "\n          " +
                    safe(span_location(*program, rule->span)) + "\n";
  out += "resource  " + safe(args.address) + "  (" + safe(res->type) + ", " + safe(set.files()[res->file]) + ", " +
         std::string(model::action_name(res->action)) + ")\n";
  out += "status    " + std::string(engine::status_name(r.status)) + "\n";
  if (!r.message.empty()) out += "message   " + safe(r.message) + "\n";
  for (size_t i = 0; i < r.why.size(); ++i) out += std::string(i ? "          " : "why       ") + safe(r.why[i]) + "\n";
  for (size_t i = 0; i < r.unknown_paths.size(); ++i) {
    out += std::string(i ? "          " : "unknown   ") + safe(r.unknown_paths[i]) + "\n";
  }
  if (!r.location.empty()) out += "at        " + safe(r.location) + "\n";
  out += "trace\n";
  for (const std::string& t : r.trace) out += "  " + safe(t) + "\n";
  std::cout << out;
  return r.status == engine::Status::Fail || r.status == engine::Status::Error ? 1 : 0;
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
  bool ok = false;
  compiler::CompileOptions copts;
  copts.trace = true;  // mismatches show traces
  auto program = compile_rules(rule_files, false, false, copts, false, ok);
  if (!ok) return 2;
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

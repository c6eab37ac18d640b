// The edict command line: argument parsing only; every subcommand calls into edict_core
// through cli/commands.h. Exit codes: 0 ok, 1 failures found, 2 could not evaluate.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "cli/history_commands.h"

namespace {
// --max-steps and --max-memory: the budget of each (rule, resource) evaluation (docs/language.md).
void add_budget_options(CLI::App* cmd, edict::vm::Budget& b) {
  cmd->add_option("--max-steps", b.max_steps, "Steps one rule may take on one resource before its result is an error")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--max-memory", b.max_memory, "Bytes one rule may allocate on one resource (suffixes KB, MB, GB: 1024-based)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}
}  // namespace

int main(int argc, char** argv) {
  using namespace edict::cli;
  // Named, so that usage lines say `edict` and not whatever path the binary was run from.
  CLI::App app{"edict: compliance as code for Terraform plans and live AWS snapshots", "edict"};
  app.set_version_flag("--version", std::string("edict ") + EDICT_VERSION);
  // At most one subcommand; a missing one is reported after parsing, so that an unknown word or
  // option is named as such rather than reported as a missing subcommand.
  app.require_subcommand(0, 1);
  app.footer("Exit codes: 0 no failures, 1 failures found, 2 could not evaluate (bad rules, input or usage).");

  // Repeatable options take one value per occurrence (allow_extra_args(false)): otherwise CLI11
  // lets `--rules a.edict plan.json` swallow the input file as a second rule path.
  EvaluateArgs ev;
  CLI::App* evaluate = app.add_subcommand("evaluate", "Evaluate rules over Terraform plans or state (the main job)");
  evaluate->add_option("--rules", ev.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);
  evaluate->add_option("--format", ev.format, "Output format on stdout")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github", "markdown"}));
  evaluate->add_option("--severity", ev.severity, "Only rules at or above this severity (info, low, medium, high, critical)");
  evaluate->add_option("--rule", ev.rule_ids, "Only rules with this id, or matching this glob (repeatable)")
      ->allow_extra_args(false);
  evaluate->add_flag("--no-color", ev.no_color, "Never colour the text output (NO_COLOR is honoured too)");
  evaluate->add_flag("--quiet", ev.quiet, "Text output: list only failures, errors and unknowns");
  evaluate->add_flag("--explain", ev.explain, "Add an evaluation trace (each sub-expression's value) to failing results");
  evaluate->add_option("INPUT", ev.inputs, "Plan, state or live snapshot (AWS Config, Custodian) files ('-' for stdin)")->required();
  // CI integration (docs/ci.md): extra reports, the gate, waivers and baselines.
  evaluate->add_option("--skip-rule", ev.skip_rule_ids, "Not rules with this id, or matching this glob (repeatable)")
      ->allow_extra_args(false);
  evaluate->add_option("--output", ev.outputs, "Also write a report: FORMAT=PATH (repeatable)")->allow_extra_args(false);
  evaluate->add_option("--fail-on", ev.fail_on, "Only failures of rules at or above this severity make the exit status 1");
  evaluate->add_flag("--soft-fail", ev.soft_fail, "Exit with 0 even when there are failures (2 still means an error)");
  evaluate->add_option("--state", ev.state, "Remember violations across runs in this file (first/last seen, resolved)");
  evaluate->add_option("--markdown-limit", ev.markdown_limit, "Markdown report: offending resources listed per rule")
      ->check(CLI::PositiveNumber);
  evaluate->add_option("--waivers", ev.waivers, "Waiver file (default: .edict-waivers.yaml when it exists)");
  evaluate->add_option("--baseline", ev.baseline, "Fail only on findings not in this baseline file");
  evaluate->add_option("--changed-since", ev.changed_since,
                       "Only rules added or modified since REV (git; the repository holding the first --rules path)");
  add_budget_options(evaluate, ev.budget);

  CheckArgs ck;
  CLI::App* check = app.add_subcommand("check", "Compile rules and report diagnostics (exit 0 clean, 2 on errors)");
  check->add_option("PATH", ck.paths, "Rule files or directories");
  check->add_flag("--builtin-rules", ck.builtin, "Check the rule library embedded in this binary");
  check->add_flag("--werror", ck.werror, "Treat warnings as errors");
  check->add_option("--dump-after", ck.dump_after, "Print the compiler's state after PASS (parse, resolve, check, cost, fold, lower)")
      ->allow_extra_args(false);
  check->add_flag("--time-passes", ck.time_passes, "Print how long each compiler pass took");
  check->add_flag("--no-color", ck.no_color, "Never colour diagnostics");
  check->add_option("--max-cost", ck.max_cost, "A rule whose estimated cost passes N is an error (E0309), not a warning")
      ->check(CLI::PositiveNumber);

  DisasmArgs da;
  CLI::App* disasm = app.add_subcommand("disasm", "Compile rules and print their bytecode");
  disasm->add_option("FILE", da.paths, "Rule files or directories")->required();
  disasm->add_option("--rule", da.rule, "Only this rule");

  EvalArgs ea;
  CLI::App* eval = app.add_subcommand("eval", "Evaluate one expression against a JSON document (bare names read its keys)");
  eval->add_option("EXPR", ea.expr, "The expression")->required();
  eval->add_option("--input", ea.input, "JSON document bound to self (default: null)");
  eval->add_option("--rules", ea.rules, "Rule files whose functions the expression may call (repeatable)")
      ->allow_extra_args(false);
  add_budget_options(eval, ea.budget);

  ExplainArgs xa;
  CLI::App* explain = app.add_subcommand("explain", "Trace one rule on one resource: every sub-expression with its value");
  explain->add_option("RULE", xa.rule, "The rule id")->required();
  explain->add_option("ADDRESS", xa.address, "The resource address")->required();
  explain->add_option("INPUT", xa.inputs, "Plan or state JSON files ('-' for stdin)")->required();
  explain->add_option("--rules", xa.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);
  add_budget_options(explain, xa.budget);

  TestArgs ta;
  CLI::App* test = app.add_subcommand("test", "Run rule unit tests (*.test.yaml next to the rules) and report rule coverage");
  test->add_option("PATH", ta.paths, "Rule files, test files or directories holding both")->required();
  test->add_option("--rules", ta.rules, "More rule files or directories to compile (repeatable)")->allow_extra_args(false);
  test->add_option("--run", ta.run, "Only tests whose name matches (a glob with * ? [ ], else a substring)");
  test->add_option("--junit", ta.junit, "Also write a JUnit XML report to FILE ('-': stdout, after the listing)");
  test->add_flag("--require-coverage", ta.require_coverage,
                 "Fail (exit 1) when a rule has no test or an assert was never seen false");
  add_budget_options(test, ta.budget);

  ReplArgs ra;
  CLI::App* repl = app.add_subcommand("repl", "Explore inputs and write rules interactively (:help inside lists the commands)");
  repl->add_option("--rules", ra.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);
  repl->add_option("INPUT", ra.inputs, "Plan or state JSON files to load");

  StreamArgs sa;
  CLI::App* stream = app.add_subcommand("stream", "Rule changes commit by commit over a git repository's history");
  stream->add_option("--repo", sa.repo, "The repository (its work tree root or .git directory; default: .)");
  stream->add_option("--since", sa.since, "Only commits after REV (not reachable from it)");
  stream->add_option("--format", sa.format, "Output format")->check(CLI::IsMember({"text", "json", "jsonl"}));
  stream->add_option("--db", sa.db, "Also record events in this SQLite database; resumes where the last run stopped");
  stream->add_option("--path", sa.paths, "Only rule files below this repository path (repeatable)")->allow_extra_args(false);

  DiffArgs dfa;
  CLI::App* diff = app.add_subcommand("diff", "Rules added, removed, modified and moved between two git revisions");
  diff->add_option("--repo", dfa.repo, "The repository (its work tree root or .git directory; default: .)");
  diff->add_option("SOURCE", dfa.source, "Old revision (default: HEAD~1 on the default branch, else the merge base with it)");
  diff->add_option("TARGET", dfa.target, "New revision (default: HEAD)");
  diff->add_option("--format", dfa.format, "Output format")->check(CLI::IsMember({"text", "json"}));
  diff->add_option("--impact", dfa.impact, "Evaluate old and new versions of changed rules on these inputs; list verdicts that change");
  diff->add_option("--path", dfa.paths, "Only rule files below this repository path (repeatable)")->allow_extra_args(false);

  BaselineArgs bla;
  CLI::App* baseline = app.add_subcommand("baseline", "Record known failures, so that `evaluate --baseline` fails only on new ones");
  baseline->require_subcommand(1, 1);
  CLI::App* baseline_create = baseline->add_subcommand("create", "Write the current failures to a baseline file");
  baseline_create->add_option("--rules", bla.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);
  baseline_create->add_option("--rule", bla.rule_ids, "Only rules with this id, or matching this glob (repeatable)")
      ->allow_extra_args(false);
  baseline_create->add_option("--skip-rule", bla.skip_rule_ids, "Not rules with this id, or matching this glob (repeatable)")
      ->allow_extra_args(false);
  baseline_create->add_option("--output", bla.output, "The baseline file to write ('-' for stdout)")->required();
  baseline_create->add_option("INPUT", bla.inputs, "Plan or state JSON files ('-' for stdin)")->required();

  ConfigRuleArgs cra;
  CLI::App* config_rule =
      app.add_subcommand("config-rule", "AWS Config custom-rule mode: print the PutEvaluations body for a rule event");
  config_rule->add_option("--event", cra.event, "The rule invocation event (JSON; '-' for stdin)")->required();
  config_rule->add_option("--item", cra.item,
                          "The configuration item itself, for oversized-item events (a Config item, "
                          "get-resource-config-history or batch-get-resource-config output)");
  config_rule->add_option("--rules", cra.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);

  DriftArgs dra;
  CLI::App* drift = app.add_subcommand("drift", "Verdicts that differ between a plan and a live snapshot of the same resources");
  drift->add_option("--plan", dra.plan, "Plan or state JSON file (repeatable)")->required()->allow_extra_args(false);
  drift->add_option("--live", dra.live, "Live snapshot file: AWS Config or Custodian (repeatable)")
      ->required()->allow_extra_args(false);
  drift->add_option("--rules", dra.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);

  BuiltinsArgs ba;
  CLI::App* builtins = app.add_subcommand("builtins", "List the builtin functions");
  builtins->add_flag("--markdown", ba.markdown, "Print docs/stdlib.md");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  if (*evaluate) return run_evaluate(ev);
  if (*config_rule) return run_config_rule(cra);
  if (*drift) return run_drift(dra);
  if (*check) return run_check(ck);
  if (*disasm) return run_disasm(da);
  if (*eval) return run_eval(ea);
  if (*builtins) return run_builtins(ba);
  if (*baseline) return run_baseline_create(bla);
  if (*stream) return run_stream(sa);
  if (*diff) return run_diff(dfa);
  if (*explain) return run_explain(xa);
  if (*test) return run_test(ta);
  if (*repl) return run_repl(ra);
  std::cerr << "edict: error: a subcommand is required (evaluate, check, disasm, eval, builtins)\n"
            << "Run with --help for more information.\n";
  return 2;
}

// The edict command line: argument parsing only; every subcommand calls into edict_core
// through cli/commands.h. Exit codes: 0 ok, 1 failures found, 2 could not evaluate.
#include <CLI/CLI.hpp>
#include <cctype>
#include <iostream>

#include "cli/custodian.h"
#include "cli/commands.h"
#include "cli/generate.h"
#include "cli/history_cli.h"
#include "cli/history_client.h"
#include "lang/severity.h"
#include "loaders/loader.h"
#include "cli/version.h"

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

// --jobs N: evaluation threads (engine::EvalOptions::jobs); the output does not depend on N.
void add_jobs_option(CLI::App* cmd, unsigned& jobs) {
  cmd->add_option("--jobs", jobs, "Evaluation threads (0: one per core, the default); the output is the same for any N")
      ->check(CLI::Range(0u, 1024u));
}
}  // namespace

int main(int argc, char** argv) {
  using namespace edict::cli;
  // Named, so that usage lines say `edict` and not whatever path the binary was run from.
  CLI::App app{"edict: compliance as code for Terraform plans and live AWS snapshots", "edict"};
  app.set_version_flag("--version", version_text());
  // At most one subcommand; a missing one is reported after parsing, so that an unknown word or
  // option is named as such rather than reported as a missing subcommand.
  app.require_subcommand(0, 1);
  app.footer("Exit codes: 0 no failures, 1 failures found, 2 could not evaluate (bad rules, input or usage).");

  // Repeatable options take one value per occurrence (allow_extra_args(false)): otherwise CLI11
  // lets `--rules a.edict plan.json` swallow the input file as a second rule path.
  // Severities are accepted in any case (HIGH, High, high).
  CLI::Validator lower_case(
      [](std::string& s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return std::string();
      },
      "");
  CLI::Validator at_least_one(
      [](std::string& s) {
        if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.find_first_not_of('0') == std::string::npos)
          return "must be a whole number of at least 1, got '" + s + "'";
        return std::string();
      },
      "N>=1");

  EvaluateArgs ev;
  CLI::App* evaluate = app.add_subcommand("evaluate", "Evaluate rules over Terraform plans or state (the main job)");
  evaluate->add_option("--rules", ev.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);
  evaluate->add_option("--format", ev.format, "Output format on stdout")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github", "markdown"}));
  evaluate->add_option("--severity", ev.severity, "Only rules at or above this severity (" + edict::lang::severity_list() + ")")
      ->transform(lower_case);
  evaluate->add_option("--rule", ev.rule_ids, "Only rules with this id, or matching this glob (repeatable)")
      ->allow_extra_args(false);
  evaluate->add_option("--control", ev.controls,
                       "Only rules mapped to this control id, or one matching this glob, e.g. 'CIS-*' (repeatable)")
      ->allow_extra_args(false);
  evaluate->add_flag("--no-color", ev.no_color, "Never colour the text output (NO_COLOR is honoured too)");
  evaluate->add_flag("--quiet", ev.quiet, "Text output: list only failures, errors and unknowns");
  evaluate->add_flag("--explain", ev.explain, "Add an evaluation trace (each sub-expression's value) to failing results");
  evaluate->add_option("INPUT", ev.inputs, "Plan, state or live snapshot (AWS Config, Custodian) files ('-' for stdin)")->required();
  // CI integration (docs/ci.md): extra reports, the gate, waivers and baselines.
  evaluate->add_option("--skip-rule", ev.skip_rule_ids, "Not rules with this id, or matching this glob (repeatable)")
      ->allow_extra_args(false);
  evaluate->add_option("--output", ev.outputs, "Also write a report: FORMAT=PATH (repeatable)")->allow_extra_args(false);
  evaluate->add_option("--fail-on", ev.fail_on, "Only failures of rules at or above this severity make the exit status 1")
      ->transform(lower_case);
  evaluate->add_flag("--soft-fail", ev.soft_fail, "Exit with 0 even when there are failures (2 still means an error)");
  evaluate->add_option("--state", ev.state, "Remember violations across runs in this file (first/last seen, resolved)");
  evaluate->add_option("--markdown-limit", ev.markdown_limit, "Markdown report: offending resources listed per rule")
      ->check(at_least_one);
  evaluate->add_option("--waivers", ev.waivers, "Waiver file (default: .edict-waivers.yaml when it exists)");
  evaluate->add_option("--baseline", ev.baseline, "Fail only on findings not in this baseline file");
  evaluate->add_option("--changed-since", ev.changed_since,
                       "Only rules added or modified since REV (git; the repository holding the first --rules path)");
  add_budget_options(evaluate, ev.budget);
  add_jobs_option(evaluate, ev.jobs);

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

  // Run by edict-history (cli/history_client.cpp); defined here for --help, man pages and completions.
  StreamArgs sa;
  DiffArgs dfa;
  std::string max_input;
  const HistoryCommands history = add_history_commands(app, sa, dfa, max_input);

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
  baseline_create->add_option("--control", bla.controls, "Only rules mapped to this control id or glob (repeatable)")
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
  config_rule->add_option("--rule", cra.rule_ids, "Only rules with this id, or matching this glob (repeatable; one Config rule per id)")
      ->allow_extra_args(false);

  DriftArgs dra;
  CLI::App* drift = app.add_subcommand("drift", "Verdicts that differ between a plan and a live snapshot of the same resources");
  drift->add_option("--plan", dra.plan, "Plan or state JSON file (repeatable)")->required()->allow_extra_args(false);
  drift->add_option("--live", dra.live, "Live snapshot file: AWS Config or Custodian (repeatable)")
      ->required()->allow_extra_args(false);
  drift->add_option("--format", dra.format, "Output format")->check(CLI::IsMember({"text", "json"}));
  drift->add_option("--rules", dra.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);
  add_jobs_option(drift, dra.jobs);

  RulesArgs rla;
  CLI::App* rules = app.add_subcommand("rules", "List the rule library from its metadata (docs/rules.md is its markdown)");
  rules->add_option("--rules", rla.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);
  rules->add_option("--format", rla.format, "Output format")->check(CLI::IsMember({"text", "json", "markdown"}));
  rules->add_option("--control", rla.controls, "Only rules with a control matching this id or glob (repeatable)")
      ->allow_extra_args(false);
  rules->add_option("--type", rla.types, "Only rules checking this resource type, or one matching this glob (repeatable)")
      ->allow_extra_args(false);
  rules->add_flag("--lint", rla.lint,
                  "Check the metadata instead of listing: doc comment, title, severity, category, remediation, "
                  "message, control spellings (exit 1 on problems)");

  BuiltinsArgs ba;
  CLI::App* builtins = app.add_subcommand("builtins", "List the builtin functions");
  builtins->add_flag("--markdown", ba.markdown, "Print docs/stdlib.md");

  // Each subcommand's help gives its own exit codes: only evaluate, drift, explain, test and eval
  // can find anything, so only they talk about failures (subcommands inherit the app's footer).
  const std::string could_not = "2 could not (bad rules, input or usage).";
  evaluate->footer("Exit codes: 0 no failures, 1 failures found, 2 could not evaluate (bad rules, input or usage).");
  baseline->footer("Exit codes: 0 the baseline was written, " + could_not);
  baseline_create->footer("Exit codes: 0 the baseline was written, " + could_not);
  check->footer("Exit codes: 0 the rules compile, 2 compile errors (or warnings under --werror), or bad usage.");
  disasm->footer("Exit codes: 0 done, " + could_not);
  eval->footer("Exit codes: 0 done, 1 the expression failed at run time, " + could_not);
  explain->footer("Exit codes: 0 the rule passes (or is unknown) on the resource, 1 it fails or errors, " + could_not);
  test->footer("Exit codes: 0 every test passes, 1 a test fails (or coverage is incomplete under --require-coverage), " +
               could_not);
  repl->footer("Exit codes: 0 done, " + could_not);
  config_rule->footer("Exit codes: 0 the evaluation was printed, 2 could not (bad event, item, rules or usage).");
  drift->footer("Exit codes: 0 no drift, 1 drift found, " + could_not);
  builtins->footer("Exit codes: 0 done, 2 bad usage.");

  // Every subcommand that reads files takes the input size limit (loaders/loader.h).
  for (CLI::App* sub : {evaluate, eval, explain, test, repl, check, disasm, baseline_create, config_rule, drift}) {
    sub->add_option("--max-input-size", max_input,
                    "Largest file read, in bytes or with K, M or G (default 2G); larger inputs are an error");
  }
  // Hidden (no group): the man pages and completion scripts, generated at build time from this
  // very definition (cli/generate.h), so they cannot drift from --help.
  std::string gen_what, gen_output;
  edict::cli::CustodianCommand custodian;
  edict::cli::add_custodian_command(app, custodian);

  CLI::App* generate = app.add_subcommand("__generate", "Write the man pages or a completion script")->group("");
  generate->add_option("WHAT", gen_what, "man, bash, zsh or fish")->required()
      ->check(CLI::IsMember({"man", "bash", "zsh", "fish"}));
  generate->add_option("--output", gen_output, "Directory for man pages; file for a completion script (default: stdout)");

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

  if (!apply_max_input_size(max_input)) return 2;

  if (*generate) return run_generate(app, gen_what, gen_output);
  if (*evaluate) return run_evaluate(ev);
  if (*config_rule) return run_config_rule(cra);
  if (*drift) return run_drift(dra);
  if (*check) return run_check(ck);
  if (*disasm) return run_disasm(da);
  if (*eval) return run_eval(ea);
  if (*builtins) return run_builtins(ba);
  if (*rules) return run_rules(rla);
  if (*baseline) return run_baseline_create(bla);
  if (*history.stream || *history.diff) return run_history(argc, argv);
  if (*explain) return run_explain(xa);
  if (*test) return run_test(ta);
  if (*repl) return run_repl(ra);
  if (*custodian.app) return edict::cli::run_custodian(custodian);
  std::cerr << "edict: error: a subcommand is required (evaluate, check, disasm, eval, builtins)\n"
            << "Run with --help for more information.\n";
  return 2;
}

// The edict command line: argument parsing only; every subcommand calls into edict_core
// through cli/commands.h. Exit codes: 0 ok, 1 failures found, 2 could not evaluate.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"

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
  evaluate->add_option("--format", ev.format, "Output format")->check(CLI::IsMember({"text", "json"}));
  evaluate->add_option("--severity", ev.severity, "Only rules at or above this severity (info, low, medium, high, critical)");
  evaluate->add_option("--rule", ev.rule_ids, "Only this rule id (repeatable)")->allow_extra_args(false);
  evaluate->add_flag("--no-color", ev.no_color, "Never colour the text output (NO_COLOR is honoured too)");
  evaluate->add_flag("--quiet", ev.quiet, "Text output: list only failures, errors and unknowns");
  evaluate->add_flag("--explain", ev.explain, "Add an evaluation trace (each sub-expression's value) to failing results");
  evaluate->add_option("INPUT", ev.inputs, "Plan or state JSON files ('-' for stdin)")->required();

  CheckArgs ck;
  CLI::App* check = app.add_subcommand("check", "Compile rules and report diagnostics (exit 0 clean, 2 on errors)");
  check->add_option("PATH", ck.paths, "Rule files or directories");
  check->add_flag("--builtin-rules", ck.builtin, "Check the rule library embedded in this binary");
  check->add_flag("--werror", ck.werror, "Treat warnings as errors");
  check->add_option("--dump-after", ck.dump_after, "Print the compiler's state after PASS (parse, resolve, check, fold, lower)")
      ->allow_extra_args(false);
  check->add_flag("--time-passes", ck.time_passes, "Print how long each compiler pass took");
  check->add_flag("--no-color", ck.no_color, "Never colour diagnostics");

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

  ExplainArgs xa;
  CLI::App* explain = app.add_subcommand("explain", "Trace one rule on one resource: every sub-expression with its value");
  explain->add_option("RULE", xa.rule, "The rule id")->required();
  explain->add_option("ADDRESS", xa.address, "The resource address")->required();
  explain->add_option("INPUT", xa.inputs, "Plan or state JSON files ('-' for stdin)")->required();
  explain->add_option("--rules", xa.rules, "Rule file or directory (repeatable; default: the shipped rules)")
      ->allow_extra_args(false);

  TestArgs ta;
  CLI::App* test = app.add_subcommand("test", "Run rule unit tests (*.test.yaml next to the rules) and report rule coverage");
  test->add_option("PATH", ta.paths, "Rule files, test files or directories holding both")->required();
  test->add_option("--rules", ta.rules, "More rule files or directories to compile (repeatable)")->allow_extra_args(false);
  test->add_option("--run", ta.run, "Only tests whose name matches (a glob with * ? [ ], else a substring)");
  test->add_option("--junit", ta.junit, "Also write a JUnit XML report to FILE ('-': stdout, after the listing)");
  test->add_flag("--require-coverage", ta.require_coverage,
                 "Fail (exit 1) when a rule has no test or an assert was never seen false");

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
  if (*check) return run_check(ck);
  if (*disasm) return run_disasm(da);
  if (*eval) return run_eval(ea);
  if (*builtins) return run_builtins(ba);
  if (*explain) return run_explain(xa);
  if (*test) return run_test(ta);
  std::cerr << "edict: error: a subcommand is required (evaluate, check, disasm, eval, builtins)\n"
            << "Run with --help for more information.\n";
  return 2;
}

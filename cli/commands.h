// The subcommands behind cli/main.cpp. Each returns the process exit code (0, 1 or 2).
#pragma once

#include <string>
#include <vector>

#include "scan/live.h"
#include "vm/budget.h"

namespace edict::cli {

struct EvaluateArgs {
  std::vector<std::string> rules;
  std::string format = "text";
  std::string severity;
  std::vector<std::string> rule_ids;
  std::vector<std::string> controls;  // --control GLOB: only rules with a matching control
  bool no_color = false;
  bool quiet = false;
  bool explain = false;  // add evaluation traces to failing results
  std::vector<std::string> inputs;
  std::string changed_since;  // --changed-since REV: only rules changed since REV (cli/history_commands.h)
  // CI options (scan/scan.h): rule selection by id or glob, extra reports, the gate, triage.
  std::vector<std::string> skip_rule_ids;
  std::vector<std::string> outputs;  // FORMAT=PATH
  std::string fail_on;
  bool soft_fail = false;
  std::string waivers;         // empty: .edict-waivers.yaml when it exists
  std::string baseline;        // --baseline FILE
  std::string write_baseline;  // set by `baseline create`: write the failures there instead of a report
  size_t markdown_limit = 10;  // --markdown-limit N: resources listed per rule in markdown
  std::string state;           // --state FILE: remember violations across runs (engine/scan_state.h)
  vm::Budget budget;           // --max-steps, --max-memory: per (rule, resource) evaluation
  unsigned jobs = 0;           // --jobs N: evaluation threads (0: one per core)
};

struct BaselineArgs {
  std::vector<std::string> rules;
  std::vector<std::string> rule_ids, skip_rule_ids, controls;
  std::vector<std::string> inputs;
  std::string output;  // '-': stdout
};

struct ExplainArgs {
  std::string rule;
  std::string address;
  std::vector<std::string> inputs;
  std::vector<std::string> rules;
  vm::Budget budget;
};

struct TestArgs {
  std::vector<std::string> paths;
  std::vector<std::string> rules;
  std::string run;
  std::string junit;
  bool require_coverage = false;
  vm::Budget budget;
};

struct CheckArgs {
  std::vector<std::string> paths;
  bool builtin = false;
  bool werror = false;
  std::vector<std::string> dump_after;
  bool time_passes = false;
  bool no_color = false;
  double max_cost = 0;  // --max-cost N: a rule whose static cost estimate passes N is an error (0: warn only)
};

struct DisasmArgs {
  std::vector<std::string> paths;
  std::string rule;
};

struct EvalArgs {
  std::string expr;
  std::string input;
  std::vector<std::string> rules;
  vm::Budget budget;
};

struct ReplArgs {
  std::vector<std::string> rules;  // none: the shipped rules
  std::vector<std::string> inputs;
};

struct RulesArgs {
  std::vector<std::string> rules;  // none: the shipped rules
  std::string format = "text";     // text, json, markdown
  std::vector<std::string> controls, types;
  bool lint = false;
};

struct BuiltinsArgs {
  bool markdown = false;
};

// config-rule and drift take the core's options as they are (scan/live.h).
using ConfigRuleArgs = scan::ConfigRuleOptions;
using DriftArgs = scan::DriftOptions;

int run_evaluate(const EvaluateArgs& args);
// `edict drift --plan P --live L`: verdicts that differ between plan and live (exit 1 if any).
int run_drift(const DriftArgs& args);
// `edict config-rule --event EVENT.json`: prints the PutEvaluations body for the event's item.
int run_config_rule(const ConfigRuleArgs& args);
int run_baseline_create(const BaselineArgs& args);
int run_check(const CheckArgs& args);
int run_disasm(const DisasmArgs& args);
int run_eval(const EvalArgs& args);
int run_builtins(const BuiltinsArgs& args);
// `edict rules`: the rule catalogue (report/catalog.h), or with --lint its metadata problems.
int run_rules(const RulesArgs& args);
int run_explain(const ExplainArgs& args);
int run_test(const TestArgs& args);
int run_repl(const ReplArgs& args);

}  // namespace edict::cli

// The core scan API: one call does compile -> select -> load -> index -> evaluate -> state ->
// triage -> report. Made for `edict evaluate` and `baseline create` (cli/), the REPL and tests;
// the caller only renders the returned diagnostics and log and maps the status to an exit code.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/evaluate.h"
#include "engine/scan_state.h"
#include "scan/inputs.h"
#include "scan/rules.h"
#include "triage/triage.h"
#include "vm/budget.h"

namespace edict::scan {

// What a run found; exit_code() gives the process status of `edict evaluate`.
enum class Status : uint8_t {
  Clean,     // evaluated; nothing blocks the gate (exit 0)
  Findings,  // evaluated; failures or rule errors block the gate (exit 1)
  Failed,    // could not evaluate: bad options, rules, inputs or state, or a report not written (exit 2)
};
int exit_code(Status s);

struct ScanOptions {
  std::vector<std::string> rules;   // rule files and directories; empty: the shipped library
  std::vector<std::string> inputs;  // plans, states, snapshots ('-': stdin); a file named twice is read once
  // Selection: --rule and --skip-rule (ids or globs), --control, --severity.
  triage::RuleSelection selection;
  std::string min_severity;  // empty: every severity
  // --changed-since: called before compiling with the rule paths (which it may fill in) to give
  // the ids of changed rules; returns 0, or 2 after reporting why (it lives with history/, which
  // the core does not link). Unset: no changed-since selection.
  std::function<int(std::vector<std::string>& rule_paths, std::vector<std::string>& changed)> changed_since;
  int64_t now_unix = 0;  // the clock; 0: EDICT_NOW or the wall clock (a bad EDICT_NOW fails the run)
  bool explain = false;  // failing results carry evaluation traces
  vm::Budget budget;     // per (rule, resource) evaluation
  unsigned jobs = 0;     // evaluation threads (0: one per core); the output is the same for any N
  // Continuous scans and triage.
  std::string state;           // remember violations across runs (engine/scan_state.h); empty: none
  std::string waivers;         // empty: triage::kDefaultWaiverFile when it exists
  std::string baseline;        // empty: no baseline
  std::string write_baseline;  // set: write the failures there ('-': the report) instead of a report
  std::string fail_on;         // the gate's minimum severity; empty: every failure blocks
  bool soft_fail = false;      // the gate never blocks
  // Output requests.
  std::string format = "text";       // the report returned in ScanOutcome::report
  std::vector<std::string> outputs;  // FORMAT=PATH reports written to files ('-': replaces `format`)
  bool color = false;                // colour the text report
  bool show_passing = true;          // the text report lists passing resources
  size_t markdown_limit = 10;        // resources listed per rule in markdown
  bool timing = false;               // log "phase NAME: MS ms" after each phase (EDICT_TIMING)
};

struct ScanOutcome {
  Status status = Status::Failed;
  // From compiling the rules, warnings included; the caller prints render_diagnostics(rules)
  // before the log. `rules.program` is null when they hold errors (or nothing was compiled).
  CompiledRules rules;
  // What the run tells its user besides the report, in order, each line ending in "\n":
  // notes, waiver warnings, errors ("edict: error: ..."), the state line, phase timings.
  std::string log;
  std::string epilogue;  // log lines that follow the report: the state line (or its write error)
  std::string error;   // for Failed: the first error, without the "edict: error: " prefix
  std::string report;  // the report for stdout (or the baseline, with write_baseline "-")
  // What was evaluated, for callers that look further (tests, the REPL).
  std::unique_ptr<model::ResourceSet> resources;
  engine::Results results;
  engine::StateDelta state_delta;  // with ScanOptions::state
};

// Runs one scan. Never prints and never throws for bad rules, inputs or files: those are the
// outcome's diagnostics, error and log.
ScanOutcome run(const ScanOptions& options);

// The selection for EvalOptions::rules with --changed-since: the changed ids, or those of
// `requested` (--rule) that changed.
std::vector<std::string> select_changed(const std::vector<std::string>& requested,
                                        const std::vector<std::string>& changed);

}  // namespace edict::scan

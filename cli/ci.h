// CI glue for `edict evaluate` and `edict baseline create` (cli/ci.cpp): report outputs, rule
// selection, waivers, baselines and the exit-code gate, around the evaluation in commands.cpp.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "engine/evaluate.h"
#include "triage/triage.h"

namespace edict::cli {

// What the CI options of one run asked for, checked and loaded before anything is compiled.
struct CiSetup {
  std::vector<std::pair<std::string, std::string>> outputs;  // --output FORMAT=PATH, in order
  triage::GateOptions gate;
  std::unique_ptr<triage::WaiverFile> waivers;  // null: no waiver file
  std::unique_ptr<triage::Baseline> baseline;   // null: no --baseline
  // --state: first_seen of each open violation, for the reports (set after evaluation).
  bool have_state = false;
  std::map<std::pair<std::string, std::string>, std::string> first_seen;
};

// Checks --output, --fail-on and --format and reads the waiver and baseline files. On a problem
// prints it on stderr and returns false (exit status 2).
bool prepare_ci(const EvaluateArgs& args, CiSetup& ci);

// The rule ids --rule, --skip-rule and --control select (empty: every rule). On a problem (an unknown id, a
// glob that matches nothing) prints it and returns false.
bool select_rules(const bytecode::Program& program, const EvaluateArgs& args, std::vector<std::string>& ids);

// After evaluation: applies waivers and the baseline, prints the report on stdout and writes the
// --output files (or, for `baseline create`, the baseline file), warns about expired and
// orphaned waivers, and returns the exit status.
// `opts` says which rules ran (and gives the clock for waiver expiry).
int finish_evaluate(const EvaluateArgs& args, CiSetup& ci, const bytecode::Program& program, engine::Results& results,
                    const model::ResourceSet& set, const engine::EvalOptions& opts, bool color);

}  // namespace edict::cli

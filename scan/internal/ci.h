// The CI half of a scan (scan/ci.cpp): report outputs, waivers, baselines and the exit-code gate,
// checked and read before anything is compiled, applied after evaluation.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scan/scan.h"

namespace edict::scan::internal {

// What the CI options of one run asked for.
struct CiSetup {
  std::vector<std::pair<std::string, std::string>> outputs;  // --output FORMAT=PATH, in order
  triage::GateOptions gate;
  std::unique_ptr<triage::WaiverFile> waivers;  // null: no waiver file
  std::unique_ptr<triage::Baseline> baseline;   // null: no --baseline
  // --state: first_seen of each open violation, for the reports (set after evaluation).
  bool have_state = false;
  std::map<std::pair<std::string, std::string>, std::string> first_seen;
};

// Checks the outputs and the gate and reads the waiver and baseline files. On a problem sets
// `error` and returns false.
bool prepare_ci(const ScanOptions& options, CiSetup& ci, std::string& error);

// After evaluation: applies waivers and the baseline, renders the report into out.report and
// writes the output files (or, for write_baseline, the baseline), logs expired and orphaned
// waivers, and returns the status. `opts` says which rules ran (and gives the clock).
Status finish_ci(const ScanOptions& options, CiSetup& ci, const bytecode::Program& program,
                 const engine::EvalOptions& opts, ScanOutcome& out);

}  // namespace edict::scan::internal

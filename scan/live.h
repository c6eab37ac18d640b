// The scans around live snapshots: one AWS Config rule invocation (`edict config-rule`, the
// Lambda handler's job) and drift between a plan and the live state (`edict drift`). Both return
// a ScanOutcome like scan::run; the caller prints it and maps its status to an exit code.
#pragma once

#include <string>
#include <vector>

#include "scan/scan.h"

namespace edict::scan {

struct ConfigRuleOptions {
  std::string event;                  // the rule invocation event (JSON file, '-' for stdin)
  std::string item;                   // the configuration item itself (oversized events); empty: in the event
  std::vector<std::string> rules;     // empty: the shipped rules
  std::vector<std::string> rule_ids;  // only these rules (ids or globs), one Config rule each
};

// The PutEvaluations body for the event's item, in `report`; Clean, or Failed.
ScanOutcome config_rule(const ConfigRuleOptions& options);

struct DriftOptions {
  std::vector<std::string> plan, live;  // plan or state files; live snapshot files
  std::vector<std::string> rules;       // empty: the shipped rules
  std::string format = "text";          // text or json
  unsigned jobs = 0;                    // evaluation threads (0: one per core)
};

// The verdicts that differ between the plan and the live inputs, in `report`: Clean when none
// differ, Findings when some do, Failed when rules or inputs are bad.
ScanOutcome drift(const DriftOptions& options);

// `edict explain RULE ADDRESS INPUT...`: one rule on one resource with a full trace.
struct ExplainOptions {
  std::vector<std::string> rules;  // empty: the shipped rules
  std::vector<std::string> inputs;
  std::string rule, address;
  vm::Budget budget;
};

// The explanation (scan::render_explanation) in `report`: Clean when the rule passes or is
// unknown on the resource, Findings when it fails or errors, Failed for bad rules, inputs, an
// unknown rule id or address (with a suggestion), or a rule that gives no verdict on it.
ScanOutcome explain(const ExplainOptions& options);

}  // namespace edict::scan

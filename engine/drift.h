// Drift (`edict drift --plan P --live L`): the same rules' verdicts on planned and on live
// resources, joined by ARN, else id, else name, else (when neither side has any of them, as for a
// plan compared with itself) the address. Made by the CLI from two evaluations.
#pragma once

#include <string>
#include <vector>

#include "engine/evaluate.h"

namespace edict::engine {

struct DriftChange {
  std::string rule;
  const model::Resource* plan = nullptr;
  const model::Resource* live = nullptr;
  Status plan_status = Status::Pass, live_status = Status::Pass;
};

struct DriftReport {
  std::vector<DriftChange> changed;               // same resource, different verdict
  std::vector<const model::Resource*> plan_only;  // checked in the plan, not found live
  std::vector<const model::Resource*> live_only;  // checked live, not in the plan
  // Planned resources that could not be matched because their identity (arn, id, ...) is not
  // known until apply: not drift, but listed so that nothing is silently left out.
  std::vector<const model::Resource*> unknown_identity;
  bool empty() const { return changed.empty() && plan_only.empty() && live_only.empty(); }
};

// Joins the resources that rules gave verdicts on, per canonical type, and compares verdicts.
DriftReport compare(const Results& plan, const Results& live);

// One line per finding, then a summary line. Input-derived text is escaped (text::printable).
std::string render_drift(const DriftReport& report);

// {"changed": [{rule, plan, live, plan_status, live_status}], "plan_only": [{address, type}],
//  "live_only": [...], "unknown_identity": [...], "summary": {...}} (docs/cli.md, `drift`).
std::string render_drift_json(const DriftReport& report);

}  // namespace edict::engine

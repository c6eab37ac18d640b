// Renderings of policy events and policy diffs, called from history/render.cpp and the store:
// the text line form of c7n-policystream, JSON objects, and policy data as JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "history/history.h"

namespace edict::history::internal {

// A policy's data as JSON, scalars typed as Custodian's YAML loader types them.
nlohmann::ordered_json policy_data_json(const YAML::Node& node);

// `<policy-add policy:NAME provider:aws resource:ec2 file:F date:D author:A commit:C>`, one a line.
std::string policy_events_text(const CommitEvents& ev);
std::vector<nlohmann::ordered_json> policy_event_objects(const CommitEvents& ev);

// Whether a diff has anything to say about policies (policy files on either side, or changes).
bool diff_has_policies(const DiffResult& diff);
std::string policy_diff_text(const DiffResult& diff);
nlohmann::ordered_json policy_diff_json(const DiffResult& diff);

}  // namespace edict::history::internal

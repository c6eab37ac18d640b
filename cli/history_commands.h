// The rule-history subcommands behind cli/main.cpp (`edict stream`, `edict diff`) and the
// `evaluate --changed-since` selection. Each returns the process exit code (0 or 2).
#pragma once

#include <string>
#include <vector>

namespace edict::cli {

struct StreamArgs {
  std::string repo = ".";
  std::string since;
  std::string format = "text";  // text, json, jsonl
  std::string db;
  std::vector<std::string> paths;  // only rule files below these repository paths
};

struct DiffArgs {
  std::string repo = ".";
  std::string source, target;
  std::string format = "text";      // text, json, policies (the changed Custodian policies as YAML)
  std::vector<std::string> impact;  // inputs to evaluate both versions on
  std::vector<std::string> paths;
  std::string default_branch;       // overrides the detected default branch
};

int run_stream(const StreamArgs& args);
int run_diff(const DiffArgs& args);

// For `evaluate --changed-since REV`: the ids of rules added or modified since REV in the rule
// files at `rule_paths` (empty: the `rules/` directory of the repository around the current
// directory, which is then stored in `rule_paths`). The repository is the one containing the
// first rule path. Returns 0, or 2 after printing why.
int changed_rules_since(const std::string& rev, std::vector<std::string>& rule_paths, std::vector<std::string>& ids);

}  // namespace edict::cli

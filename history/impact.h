// The impact of a rule change: the old and the new version of every changed rule, each compiled
// with its own revision's rules, evaluated over the same inputs; the (rule, resource) pairs whose
// verdict differs. Made from a history::DiffResult; used by `edict diff --impact`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/evaluate.h"
#include "history/history.h"

namespace edict::history {

struct Flip {
  std::string rule;
  std::string address, type, input;      // the resource and the input file it came from
  std::optional<engine::Status> before;  // none: the rule did not exist or did not select it
  std::optional<engine::Status> after;
  std::string message;  // the new result's message (the old one when removed)
};

struct ImpactResult {
  std::vector<Flip> flips;         // by rule, then address
  std::vector<std::string> rules;  // the rules evaluated (added, removed or modified)
  size_t resources = 0;            // resources loaded
};

// Throws HistoryError when either revision's rules do not compile, loaders::InputError for a bad
// input. `now_unix` is the clock for time builtins (0: the default clock).
ImpactResult impact(const DiffResult& diff, const std::vector<std::string>& inputs, int64_t now_unix = 0);

}  // namespace edict::history

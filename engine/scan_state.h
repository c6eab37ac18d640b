// Continuous scans (`edict evaluate --state FILE`): violations remembered across runs, keyed by
// (rule, resource address), with first_seen / last_seen and resolution. Made and used by the CLI.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/evaluate.h"

namespace edict::engine {

// The state file format this edict reads and writes; any other version is an error.
constexpr int kStateVersion = 1;

struct StateEntry {
  std::string rule, address, severity;
  std::string first_seen, last_seen;  // ISO-8601 UTC
  std::string resolved;               // when it was last seen gone; empty while open
};

struct ScanState {
  std::vector<StateEntry> entries;  // sorted by (rule, address)
};

// What one run changed: violations new this run, seen before and still there, and gone.
struct StateDelta {
  size_t added = 0, persisting = 0, resolved = 0;
  std::map<std::string, size_t> open_by_severity;  // open violations after this run
};

// Reads a state file; a missing file is an empty state. Throws loaders::InputError when the file
// exists but is not a state file.
ScanState read_state(const std::string& path);

// Folds this run's failures (status fail) into `state` at time `now_unix`.
StateDelta update_state(ScanState& state, const Results& results, int64_t now_unix);

// Writes the state atomically: a temporary file beside it, flushed to disk, then renamed over
// it, so a crash leaves the old state or the new one, never a torn file. Throws
// loaders::InputError when it cannot be written. EDICT_STATE_CRASH_BEFORE_RENAME (tests only)
// stops the process after writing the temporary file, as a kill at that point would. Temporary
// files of earlier writers that were killed (their PID is gone) are removed first.
void write_state(const std::string& path, const ScanState& state);

// "1 new, 2 persisting, 1 resolved; open: critical 1, high 2".
std::string delta_line(const StateDelta& d);

}  // namespace edict::engine

// Rendering rule history for people and machines: stream events as text lines, JSON or JSON
// lines, and `edict diff` (with its impact) as text or JSON. Formats are in docs/history.md.
#pragma once

#include <string>

#include "history/history.h"
#include "history/impact.h"

namespace edict::history {

// One line per event of the commit ("" when it has none).
std::string render_events_text(const CommitEvents& ev);
// One JSON object per line.
std::string render_events_jsonl(const CommitEvents& ev);
// The events as JSON objects, comma-separated, for inclusion in an array (`first` is updated).
std::string render_events_json_items(const CommitEvents& ev, bool& first);

std::string render_diff_text(const DiffResult& diff, const std::string& why, const ImpactResult* impact);
std::string render_diff_json(const DiffResult& diff, const std::string& why, const ImpactResult* impact);
// `policies:` with the added, modified, moved and renamed Custodian policies (`--format policies`).
std::string render_diff_policies_yaml(const DiffResult& diff);

}  // namespace edict::history

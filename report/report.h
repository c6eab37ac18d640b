// Reports: engine::Results rendered for machines (JSON, fixed shape in DESIGN.md) and people (text).
#pragma once

#include <string>

#include "engine/evaluate.h"

namespace edict::report {

struct TextOptions {
  bool color = false;
  bool show_passing = true;  // list passing results (skips are only counted)
};

// `edict evaluate --format json`: {"version", "summary", "results": [...]}.
std::string render_json(const engine::Results& results, const model::ResourceSet& set);

// Grouped by resource, failures first, then a summary line.
std::string render_text(const engine::Results& results, const model::ResourceSet& set, const TextOptions& opts);

// "3 pass, 1 fail, 0 skip, 2 unknown, 0 error"
std::string summary_line(const engine::Summary& s);

}  // namespace edict::report

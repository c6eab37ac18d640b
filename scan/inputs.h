// Loading a scan's inputs: plan, state and snapshot files into one model::ResourceSet, each file
// once, with the loaders' notes as log lines; and the synthesised `ruleParameters` resource of an
// AWS Config rule invocation. Used by the scan, `config-rule`, `drift`, `explain` and the REPL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "loaders/loader.h"
#include "model/resource.h"

namespace edict::scan {

// One input read by load_inputs.
struct LoadedInput {
  std::string path;
  loaders::Format format = loaders::Format::Unknown;
  size_t resources = 0;  // how many resources it added
};

// Loads `inputs` into `set` in order (not finished: the caller indexes it once, after its last
// file). With `dedupe`, a file named twice (./a.json and a.json, a symlink, '-' twice) is read
// once and a "note: duplicate input" line says so in `log`. Throws loaders::InputError for an
// input that cannot be read or parsed.
std::vector<LoadedInput> load_inputs(model::ResourceSet& set, const std::vector<std::string>& inputs, std::string& log,
                                     bool dedupe = true);

// The loaders' notes (unknown snapshot types, skipped items) as "note: WHAT: TEXT" lines, the
// text escaped: counted and listed, not fatal.
std::string note_lines(const model::ResourceSet& set);

// Adds the AWS Config rule parameters (a JSON object as text) as the unchecked resource
// `ruleParameters` of type report::kRuleParametersType, readable by rules. False with `error`
// set when the text is not JSON.
bool add_rule_parameters(model::ResourceSet& set, std::string_view json, std::string& error);

}  // namespace edict::scan

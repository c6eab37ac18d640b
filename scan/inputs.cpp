// Input loading for scans and the other commands that read plans and snapshots.
#include "scan/inputs.h"

#include <optional>
#include <utility>

#include "common/files.h"
#include "common/text.h"
#include "loaders/json.h"
#include "report/config_rule.h"

namespace edict::scan {

namespace {

// The inputs with any file named twice (by identity) kept once, so that its resources are
// neither counted nor reported twice.
std::vector<std::string> unique_inputs(const std::vector<std::string>& inputs, std::string& log) {
  std::vector<std::string> out;
  std::vector<std::pair<files::FileId, std::string>> seen;
  bool stdin_seen = false;
  for (const std::string& in : inputs) {
    std::optional<files::FileId> id = files::file_id(in);
    const std::string* first = nullptr;
    if (in == "-") {
      if (stdin_seen) first = &in;
      stdin_seen = true;
    } else if (id) {
      for (const auto& [other, name] : seen) {
        if (other == *id) first = &name;
      }
      if (!first) seen.emplace_back(*id, in);
    }
    if (first) {
      log += "note: duplicate input: '" + text::printable(in) + "' is the same file as '" + text::printable(*first) +
             "'; read once\n";
      continue;
    }
    out.push_back(in);
  }
  return out;
}

}  // namespace

std::vector<LoadedInput> load_inputs(model::ResourceSet& set, const std::vector<std::string>& inputs, std::string& log,
                                     bool dedupe) {
  std::vector<LoadedInput> out;
  for (const std::string& path : dedupe ? unique_inputs(inputs, log) : inputs) {
    size_t before = set.resources().size();
    loaders::Format format = loaders::load_file(set, path);
    out.push_back({path, format, set.resources().size() - before});
  }
  return out;
}

std::string note_lines(const model::ResourceSet& set) {
  std::string out;
  for (const auto& [what, note] : set.notes) out += "note: " + what + ": " + text::printable(note) + "\n";
  return out;
}

bool add_rule_parameters(model::ResourceSet& set, std::string_view json, std::string& error) {
  model::Resource params;
  if (!loaders::parse_json(set.arena(), json, params.attrs, error)) return false;
  params.type = report::kRuleParametersType;
  params.address = "ruleParameters";
  params.name = "ruleParameters";
  params.source = "config";
  params.checked = false;
  set.add(params);
  return true;
}

}  // namespace edict::scan

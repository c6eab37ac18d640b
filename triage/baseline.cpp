// Baseline files: the known failures of a run, written once (`edict baseline create`) and read
// by `evaluate --baseline` so that only new findings fail a run.
//
// The format is versioned JSON with one finding per line and no timestamp or tool version, so
// that re-creating a baseline from the same findings gives the same bytes and a review diff shows
// exactly the findings added or removed:
//   {
//     "edict_baseline": 1,
//     "findings": [
//       {"rule": "CUSTOM_RDS_001", "resource": "aws_db_instance.app"}
//     ]
//   }
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/text.h"
#include "triage/triage.h"

namespace edict::triage {

std::string render_baseline(const engine::Results& results) {
  std::vector<Finding> findings;
  for (const engine::Result& r : results.items) {
    // A waived result is still a failure: the baseline records the findings, not how they were triaged.
    bool failing = r.status == engine::Status::Fail ||
                   (r.status == engine::Status::Waived && r.waived_status == engine::Status::Fail);
    if (failing) findings.push_back({r.rule->id, std::string(r.resource->address)});
  }
  std::sort(findings.begin(), findings.end());
  findings.erase(std::unique(findings.begin(), findings.end()), findings.end());
  std::string out = "{\n  \"edict_baseline\": " + std::to_string(kBaselineVersion) + ",\n  \"findings\": [";
  for (size_t i = 0; i < findings.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    out += "{\"rule\": " + text::json_string(findings[i].rule) +
           ", \"resource\": " + text::json_string(findings[i].resource) + "}";
  }
  out += findings.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

bool parse_baseline(const std::string& text, const std::string& name, Baseline& out, std::string& error) {
  out.path = name;
  out.findings.clear();
  auto bad = [&](const std::string& message) {
    error = name + ": " + message;
    out.findings.clear();
    return false;
  };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e400
    return bad(std::string("not a baseline file: not JSON (") + e.what() + ")");
  }
  if (!doc.is_object() || !doc.contains("edict_baseline")) {
    return bad("not a baseline file (no \"edict_baseline\" key; create one with `edict baseline create`)");
  }
  const nlohmann::json& version = doc["edict_baseline"];
  if (!version.is_number_integer() || version.get<int64_t>() != kBaselineVersion) {
    return bad("unsupported baseline version " + version.dump() + " (this edict reads version " +
               std::to_string(kBaselineVersion) + ")");
  }
  if (!doc.contains("findings") || !doc["findings"].is_array()) return bad("\"findings\" must be an array");
  size_t index = 0;
  for (const nlohmann::json& f : doc["findings"]) {
    if (!f.is_object() || !f.contains("rule") || !f.contains("resource") || !f["rule"].is_string() ||
        !f["resource"].is_string()) {
      return bad("findings[" + std::to_string(index) +
                 "] must be an object with the strings \"rule\" and \"resource\"");
    }
    out.findings.push_back({f["rule"].get<std::string>(), f["resource"].get<std::string>()});
    ++index;
  }
  std::sort(out.findings.begin(), out.findings.end());
  out.findings.erase(std::unique(out.findings.begin(), out.findings.end()), out.findings.end());
  return true;
}

bool load_baseline(const std::string& path, Baseline& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read the baseline file '" + path + "': " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_baseline(ss.str(), path, out, error);
}

}  // namespace edict::triage

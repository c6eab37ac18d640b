// The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.
//
// Locations, honestly: a Terraform plan (or state) records no source file or line for a
// resource, so no result points into a .tf file. Each result names the resource as a logical
// location (kind "resource", the full address) and, when the input was a file, the plan file as
// its physical location, without a region (the finding is about the plan, not one line of it).
// Input read from stdin gets no physical location. When the rules are the user's files, the
// assert that failed is a related location (file and line). Kinds: `fail` results are kind
// "fail" with a level from the rule's severity; `unknown` results are kind "open" (undecidable
// before apply; level "none", as SARIF requires for kinds other than "fail"); waived results
// carry an accepted external suppression; `error` results (a rule that could not run) are tool
// execution notifications, and expired or orphaned waivers tool configuration notifications.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "report/internal/common.h"
#include "report/internal/json_writer.h"
#include "report/report.h"

namespace edict::report {

namespace {

// A CVSS-like score for GitHub's `security-severity` (critical above 9.0, high from 7.0, medium
// from 4.0, low from 0.1; 0.0 has no security severity).
const char* security_severity(std::string_view severity) {
  static const char* scores[] = {"0.0", "2.0", "5.5", "8.0", "9.5"};
  int rank = engine::severity_rank(severity);
  return rank < 0 ? "5.5" : scores[rank];
}

// A rule name for people: the title in PascalCase ("RDS storage must be encrypted" ->
// "RdsStorageMustBeEncrypted").
std::string rule_name(const bytecode::Rule& r) {
  std::string out;
  bool upper = true;
  for (char c : r.title) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A')
           : upper                       ? c
                                         : static_cast<char>(std::tolower(c));
    upper = false;
  }
  return out.empty() ? r.id : out.substr(0, 255);
}

class SarifWriter {
 public:
  SarifWriter(std::string& out, const model::ResourceSet& set, const RunInfo& info) : w_(out), set_(set), info_(info) {}

  void rule(const bytecode::Rule& r) {
    w_.begin_object();
    w_.key("id");
    w_.value(r.id);
    if (!r.title.empty()) {  // without a title there is no name besides the id
      w_.key("name");
      w_.value(rule_name(r));
    }
    std::string title = r.title.empty() ? r.id : r.title;
    text("shortDescription", title);
    std::string types;
    for (const std::string& t : r.types) types += (types.empty() ? "" : ", ") + t;
    std::string full =
        title + (title.back() == '.' ? "" : ".") + " Checks " + (r.data_sources ? "data sources " : "") + types + ".";
    text("fullDescription", full);
    w_.key("help");
    w_.begin_object();
    w_.key("text");
    w_.value(r.remediation.empty() ? full : r.remediation);
    w_.key("markdown");
    std::string md = r.remediation.empty() ? full : "**Remediation.** " + r.remediation;
    md += "\n\nSeverity: " + r.severity + (r.category.empty() ? "" : ". Category: " + r.category);
    std::string controls;
    for (const std::string& c : r.controls) controls += (controls.empty() ? "" : ", ") + c;
    md += controls.empty() ? "." : ". Controls: " + controls + ".";
    w_.value(md);
    w_.end_object();
    w_.key("defaultConfiguration");
    w_.begin_object();
    w_.key("level");
    w_.value(severity_level(r.severity));
    w_.end_object();
    w_.key("properties");
    w_.begin_object();
    w_.key("security-severity");
    w_.value(security_severity(r.severity));
    w_.key("severity");
    w_.value(r.severity);
    std::vector<std::string> tags = {"security"};
    if (!r.category.empty()) tags.push_back(r.category);
    tags.insert(tags.end(), r.controls.begin(), r.controls.end());
    w_.key("tags");
    w_.string_array(tags);
    w_.end_object();
    w_.end_object();
  }

  // The location of a result: the resource (logical) and, for a file input, the plan (physical).
  void location(const model::Resource& res) {
    w_.begin_object();
    const std::string& file = set_.files()[res.file];
    if (internal::is_file(file)) {
      w_.key("physicalLocation");
      w_.begin_object();
      artifact(file);
      w_.end_object();
    }
    w_.key("logicalLocations");
    w_.begin_array();
    w_.begin_object();
    w_.key("name");
    w_.value(res.name.empty() ? res.address : res.name);
    w_.key("fullyQualifiedName");
    w_.value(res.address);
    w_.key("kind");
    w_.value("resource");
    w_.end_object();
    w_.end_array();
    w_.end_object();
  }

  void result(const engine::Result& r, size_t rule_index) {
    engine::Status verdict = internal::verdict(r);
    w_.begin_object();
    w_.key("ruleId");
    w_.value(r.rule->id);
    w_.key("ruleIndex");
    w_.value(rule_index);
    w_.key("kind");
    w_.value(verdict == engine::Status::Fail ? "fail" : "open");
    w_.key("level");
    w_.value(verdict == engine::Status::Fail ? severity_level(r.rule->severity) : "none");
    text("message", internal::details(r));
    w_.key("locations");
    w_.begin_array();
    location(*r.resource);
    w_.end_array();
    rule_location(r);
    w_.key("partialFingerprints");
    w_.begin_object();
    w_.key("edictFinding/v1");
    w_.value(internal::fingerprint(r.rule->id, r.resource->address));
    w_.end_object();
    if (info_.triage != nullptr && info_.triage->baseline != nullptr && verdict == engine::Status::Fail) {
      w_.key("baselineState");
      bool known = r.baselined || (r.waiver != nullptr && known_in_baseline(r));
      w_.value(known ? "unchanged" : "new");
    }
    if (r.waiver != nullptr) suppression(*r.waiver);
    w_.key("properties");
    w_.begin_object();
    w_.key("status");
    w_.value(engine::status_name(r.status));
    w_.key("resourceType");
    w_.value(r.resource->type);
    w_.key("action");
    w_.value(model::action_name(r.resource->action));
    if (!r.unknown_paths.empty()) {
      w_.key("unknownPaths");
      w_.string_array(r.unknown_paths);
    }
    if (std::string seen = internal::first_seen(info_, r); !seen.empty()) {
      w_.key("firstSeen");
      w_.value(seen);
    }
    w_.end_object();
    w_.end_object();
  }

  // A rule that failed to run on a resource: the tool's problem, not a finding.
  void execution_notification(const engine::Result& r, size_t rule_index) {
    w_.begin_object();
    w_.key("level");
    w_.value("error");
    text("message", r.rule->id + " could not check " + std::string(r.resource->address) + ": " + r.message);
    w_.key("locations");
    w_.begin_array();
    location(*r.resource);
    w_.end_array();
    w_.key("associatedRule");
    w_.begin_object();
    w_.key("id");
    w_.value(r.rule->id);
    w_.key("index");
    w_.value(rule_index);
    w_.end_object();
    w_.end_object();
  }

  // An expired or orphaned waiver, pointing at its line in the waiver file.
  void configuration_notification(const triage::Waiver& waiver, const std::string& message) {
    w_.begin_object();
    w_.key("level");
    w_.value("warning");
    text("message", message);
    w_.key("locations");
    w_.begin_array();
    waiver_location(waiver);
    w_.end_array();
    w_.end_object();
  }

  internal::JsonWriter& json() { return w_; }

  void text(const char* key, const std::string& message) {
    w_.key(key);
    w_.begin_object();
    w_.key("text");
    w_.value(message);
    w_.end_object();
  }

 private:
  // {"physicalLocation": ...} at the waiver's line in the waiver file.
  void waiver_location(const triage::Waiver& waiver) {
    w_.begin_object();
    w_.key("physicalLocation");
    w_.begin_object();
    artifact(waiver.file);
    region(waiver.line);
    w_.end_object();
    w_.end_object();
  }

  void artifact(const std::string& path) {
    w_.key("artifactLocation");
    w_.begin_object();
    w_.key("uri");
    w_.value(internal::path_uri(path));
    w_.end_object();
  }

  void region(int line) {
    w_.key("region");
    w_.begin_object();
    w_.key("startLine");
    w_.value(static_cast<size_t>(line));
    w_.end_object();
  }

  // The assert that failed, in the user's rule file ("FILE:LINE:COL" in Result::location).
  void rule_location(const engine::Result& r) {
    if (info_.builtin_rules || r.location.empty()) return;
    size_t col = r.location.rfind(':');
    size_t line = col == std::string::npos || col == 0 ? std::string::npos : r.location.rfind(':', col - 1);
    if (line == std::string::npos) return;
    int n = std::atoi(r.location.substr(line + 1, col - line - 1).c_str());
    if (n <= 0) return;
    w_.key("relatedLocations");
    w_.begin_array();
    w_.begin_object();
    w_.key("id");
    w_.value(static_cast<size_t>(1));
    w_.key("physicalLocation");
    w_.begin_object();
    artifact(r.location.substr(0, line));
    region(n);
    w_.end_object();
    text("message", "the rule's assert that failed");
    w_.end_object();
    w_.end_array();
  }

  bool known_in_baseline(const engine::Result& r) const {
    const auto& findings = info_.triage->baseline->findings;
    triage::Finding f{r.rule->id, std::string(r.resource->address)};
    return std::binary_search(findings.begin(), findings.end(), f);
  }

  void suppression(const triage::Waiver& waiver) {
    w_.key("suppressions");
    w_.begin_array();
    w_.begin_object();
    w_.key("kind");
    w_.value("external");
    w_.key("status");
    w_.value("accepted");
    w_.key("justification");
    w_.value(waiver.reason);
    w_.key("location");
    waiver_location(waiver);
    w_.key("properties");
    w_.begin_object();
    if (!waiver.owner.empty()) {
      w_.key("owner");
      w_.value(waiver.owner);
    }
    w_.key("expires");
    w_.value(waiver.expires);
    w_.end_object();
    w_.end_object();
    w_.end_array();
  }

  internal::JsonWriter w_;
  const model::ResourceSet& set_;
  const RunInfo& info_;
};

}  // namespace

std::string render_sarif(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info) {
  std::vector<const bytecode::Rule*> rules = internal::rules_of(results, info);
  auto index_of = [&](const bytecode::Rule* r) {
    auto it = std::lower_bound(rules.begin(), rules.end(), r,
                               [](const bytecode::Rule* a, const bytecode::Rule* b) { return a->id < b->id; });
    return static_cast<size_t>(it - rules.begin());
  };
  std::string out;
  out.reserve(results.items.size() * 600 + rules.size() * 800 + 1024);
  SarifWriter s(out, set, info);
  internal::JsonWriter& w = s.json();
  w.begin_object();
  w.key("$schema");
  w.value("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
  w.key("version");
  w.value("2.1.0");
  w.key("runs");
  w.begin_array();
  w.begin_object();
  w.key("tool");
  w.begin_object();
  w.key("driver");
  w.begin_object();
  w.key("name");
  w.value("edict");
  w.key("version");
  w.value(EDICT_VERSION);
  w.key("semanticVersion");
  w.value(EDICT_VERSION);
  w.key("rules");
  w.begin_array();
  for (const bytecode::Rule* r : rules) s.rule(*r);
  w.end_array();
  w.end_object();
  w.end_object();

  w.key("invocations");
  w.begin_array();
  w.begin_object();
  w.key("executionSuccessful");
  w.value(true);
  w.key("toolExecutionNotifications");
  w.begin_array();
  for (const engine::Result& r : results.items) {
    if (r.status == engine::Status::Error) s.execution_notification(r, index_of(r.rule));
  }
  w.end_array();
  w.key("toolConfigurationNotifications");
  w.begin_array();
  if (info.triage != nullptr) {
    for (const triage::Waiver* waiver : info.triage->expired) {
      s.configuration_notification(*waiver, "The waiver for " + waiver->rule + " on " + waiver->resource +
                                                " expired on " + waiver->expires + " and no longer applies.");
    }
    for (const triage::Waiver* waiver : info.triage->orphaned) {
      s.configuration_notification(*waiver, "The waiver for " + waiver->rule + " on " + waiver->resource +
                                                " matched no failing or unknown result (orphaned).");
    }
  }
  w.end_array();
  w.end_object();
  w.end_array();

  w.key("results");
  w.begin_array();
  for (const engine::Result& r : results.items) {
    engine::Status v = internal::verdict(r);
    if (v == engine::Status::Fail || v == engine::Status::Unknown) s.result(r, index_of(r.rule));
  }
  w.end_array();
  w.key("properties");
  w.begin_object();
  w.key("summary");
  w.begin_object();
  const engine::Summary& sum = results.summary;
  for (auto [name, n] : {std::pair{"pass", sum.pass},
                         {"fail", sum.fail},
                         {"skip", sum.skip},
                         {"unknown", sum.unknown},
                         {"error", sum.error},
                         {"waived", sum.waived},
                         {"baselined", sum.baselined}}) {
    w.key(name);
    w.value(n);
  }
  w.end_object();
  w.end_object();
  w.end_object();
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace edict::report

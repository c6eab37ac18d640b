// The JSON report. Field names are fixed by DESIGN.md; fields may be added, never renamed.
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace edict::report {

std::string render_json(const engine::Results& results, const model::ResourceSet& set) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["version"] = EDICT_VERSION;
  const engine::Summary& s = results.summary;
  doc["summary"] = {{"pass", s.pass}, {"fail", s.fail}, {"skip", s.skip}, {"unknown", s.unknown}, {"error", s.error}};
  ordered_json items = ordered_json::array();
  for (const engine::Result& r : results.items) {
    ordered_json item;
    item["rule"] = r.rule->id;
    item["title"] = r.rule->title;
    item["severity"] = r.rule->severity;
    item["status"] = std::string(engine::status_name(r.status));
    item["message"] = r.message;
    const model::Resource& res = *r.resource;
    item["resource"] = {{"address", std::string(res.address)},
                        {"type", std::string(res.type)},
                        {"source", std::string(res.source)},
                        {"file", set.files()[res.file]},
                        {"action", std::string(model::action_name(res.action))}};
    if (!r.why.empty()) item["why"] = r.why;
    if (!r.unknown_paths.empty()) item["unknown_paths"] = r.unknown_paths;
    if (!r.location.empty()) item["location"] = r.location;
    if (!r.rule->category.empty()) item["category"] = r.rule->category;
    if (!r.rule->controls.empty()) item["controls"] = r.rule->controls;
    if (!r.rule->remediation.empty() && r.status == engine::Status::Fail) item["remediation"] = r.rule->remediation;
    items.push_back(std::move(item));
  }
  doc["results"] = std::move(items);
  return doc.dump(2) + "\n";
}

}  // namespace edict::report

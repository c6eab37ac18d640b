// Drift between a plan and a live snapshot: resources are joined on identity keys (ARN, then id,
// then a name-like attribute) within their canonical type, through one hash map per run.
#include "engine/drift.h"

#include <map>
#include <set>
#include <unordered_map>

namespace edict::engine {

namespace {

// Identity keys of a resource, strongest first: "type|arn|...", "type|id|...", "type|name|...".
std::vector<std::string> keys(const model::Resource& r) {
  std::vector<std::string> out;
  for (const char* attr : {"arn", "id", "bucket", "identifier", "name"}) {
    const Value* v = r.attrs.is_object() ? r.attrs.find(attr) : nullptr;
    if (v && v->is_string() && !v->as_string().empty())
      out.push_back(std::string(r.type) + "|" + std::string(v->as_string()));
  }
  if (r.address.starts_with("arn:")) out.push_back(std::string(r.type) + "|" + std::string(r.address));
  return out;
}

// The resources with verdicts, in result order, and each (rule, resource) verdict.
struct Side {
  std::vector<const model::Resource*> resources;
  // Keyed by resource first, so one resource's verdicts are a contiguous range (in rule-id order).
  std::map<std::pair<const model::Resource*, std::string>, Status> verdicts;
  explicit Side(const Results& results) {
    std::set<const model::Resource*> seen;
    for (const Result& r : results.items) {
      if (seen.insert(r.resource).second) resources.push_back(r.resource);
      verdicts[{r.resource, r.rule->id}] = r.status;
    }
  }
};

}  // namespace

DriftReport compare(const Results& plan_results, const Results& live_results) {
  Side plan(plan_results), live(live_results);
  std::unordered_map<std::string, const model::Resource*> live_by_key;
  for (const model::Resource* r : live.resources)
    for (const std::string& k : keys(*r)) live_by_key.emplace(k, r);
  DriftReport report;
  std::set<const model::Resource*> matched;
  for (const model::Resource* p : plan.resources) {
    const model::Resource* l = nullptr;
    for (const std::string& k : keys(*p)) {
      auto it = live_by_key.find(k);
      if (it != live_by_key.end() && matched.count(it->second) == 0) {
        l = it->second;
        break;
      }
    }
    if (l == nullptr) {
      report.plan_only.push_back(p);
      continue;
    }
    matched.insert(l);
    for (auto v = plan.verdicts.lower_bound({p, std::string()}); v != plan.verdicts.end() && v->first.first == p; ++v) {
      const auto& [key, status] = *v;
      auto it = live.verdicts.find({l, key.second});
      // A skip is no verdict: rules that judge only plans (data a snapshot lacks) skip every live
      // resource, and that is not drift.
      if (it != live.verdicts.end() && it->second != status && status != Status::Skip && it->second != Status::Skip)
        report.changed.push_back({key.second, p, l, status, it->second});
    }
  }
  for (const model::Resource* l : live.resources)
    if (matched.count(l) == 0) report.live_only.push_back(l);
  return report;
}

std::string render_drift(const DriftReport& report) {
  std::string out;
  for (const DriftChange& c : report.changed) {
    out += "changed    " + c.rule + "  " + std::string(c.plan->address) + " -> " + std::string(c.live->address) +
           ": plan " + std::string(status_name(c.plan_status)) + ", live " + std::string(status_name(c.live_status)) +
           "\n";
  }
  for (const model::Resource* r : report.plan_only)
    out += "plan only  " + std::string(r->address) + " (" + std::string(r->type) + ")\n";
  for (const model::Resource* r : report.live_only)
    out += "live only  " + std::string(r->address) + " (" + std::string(r->type) + ")\n";
  out += "Drift: " + std::to_string(report.changed.size()) + " verdict(s) differ, " +
         std::to_string(report.plan_only.size()) + " only in the plan, " + std::to_string(report.live_only.size()) +
         " only live\n";
  return out;
}

}  // namespace edict::engine

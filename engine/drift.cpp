// Drift between a plan and a live snapshot: resources are joined on identity keys (ARN, then id,
// then a name-like attribute) within their canonical type, through one hash map per run.
#include "engine/drift.h"

#include <map>
#include <set>
#include <unordered_map>

#include "common/text.h"

namespace edict::engine {

namespace {

constexpr const char* kIdentityAttrs[] = {"arn", "id", "bucket", "identifier", "name"};

// Identity keys of a resource, strongest first: "type|arn|...", "type|id|...", "type|name|...",
// and last its address ("type@address"), which joins a plan or a state with itself.
std::vector<std::string> keys(const model::Resource& r) {
  std::vector<std::string> out;
  for (const char* attr : kIdentityAttrs) {
    const Value* v = r.attrs.is_object() ? r.attrs.find(attr) : nullptr;
    if (v && v->is_string() && !v->as_string().empty())
      out.push_back(std::string(r.type) + "|" + std::string(v->as_string()));
  }
  if (r.address.starts_with("arn:")) out.push_back(std::string(r.type) + "|" + std::string(r.address));
  out.push_back(std::string(r.type) + "@" + std::string(r.address));
  return out;
}

// True when the resource cannot be joined before apply: it is unknown as a whole, or it has no
// known identity attribute and one of them (arn, id, ...) is unknown until apply. A resource with
// a known name that is missing live is really only in the plan.
bool identity_unknown(const model::Resource& r) {
  if (r.attrs.is_unknown()) return true;
  if (!r.attrs.is_object()) return false;
  bool unknown = false;
  for (const char* attr : kIdentityAttrs) {
    const Value* v = r.attrs.find(attr);
    if (v && v->is_string() && !v->as_string().empty()) return false;
    unknown = unknown || (v && v->is_unknown());
  }
  return unknown;
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
      (identity_unknown(*p) ? report.unknown_identity : report.plan_only).push_back(p);
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
  auto safe = [](std::string_view s) { return text::printable(s); };
  std::string out;
  for (const DriftChange& c : report.changed) {
    out += "changed    " + safe(c.rule) + "  " + safe(c.plan->address) + " -> " + safe(c.live->address) +
           ": plan " + std::string(status_name(c.plan_status)) + ", live " + std::string(status_name(c.live_status)) +
           "\n";
  }
  for (const model::Resource* r : report.plan_only)
    out += "plan only  " + safe(r->address) + " (" + safe(r->type) + ")\n";
  for (const model::Resource* r : report.live_only)
    out += "live only  " + safe(r->address) + " (" + safe(r->type) + ")\n";
  for (const model::Resource* r : report.unknown_identity)
    out += "unmatched  " + safe(r->address) + " (" + safe(r->type) + "): its identity is unknown until apply\n";
  out += "Drift: " + std::to_string(report.changed.size()) + " verdict(s) differ, " +
         std::to_string(report.plan_only.size()) + " only in the plan, " + std::to_string(report.live_only.size()) +
         " only live";
  if (!report.unknown_identity.empty())
    out += "; " + std::to_string(report.unknown_identity.size()) + " unmatched (identity unknown until apply)";
  return out + "\n";
}

std::string render_drift_json(const DriftReport& report) {
  auto resources = [](const std::vector<const model::Resource*>& list) {
    std::string out = "[";
    for (size_t i = 0; i < list.size(); ++i) {
      out += (i ? ", " : "") + std::string("{\"address\": ") + text::json_string(list[i]->address) +
             ", \"type\": " + text::json_string(list[i]->type) + "}";
    }
    return out + "]";
  };
  std::string out = "{\n  \"changed\": [";
  for (size_t i = 0; i < report.changed.size(); ++i) {
    const DriftChange& c = report.changed[i];
    out += std::string(i ? "," : "") + "\n    {\"rule\": " + text::json_string(c.rule) +
           ", \"plan\": " + text::json_string(c.plan->address) + ", \"live\": " + text::json_string(c.live->address) +
           ", \"plan_status\": " + text::json_string(status_name(c.plan_status)) +
           ", \"live_status\": " + text::json_string(status_name(c.live_status)) + "}";
  }
  out += report.changed.empty() ? "],\n" : "\n  ],\n";
  out += "  \"plan_only\": " + resources(report.plan_only) + ",\n";
  out += "  \"live_only\": " + resources(report.live_only) + ",\n";
  out += "  \"unknown_identity\": " + resources(report.unknown_identity) + ",\n";
  out += "  \"summary\": {\"changed\": " + std::to_string(report.changed.size()) +
         ", \"plan_only\": " + std::to_string(report.plan_only.size()) +
         ", \"live_only\": " + std::to_string(report.live_only.size()) +
         ", \"unknown_identity\": " + std::to_string(report.unknown_identity.size()) +
         ", \"drift\": " + (report.empty() ? "false" : "true") + "}\n}\n";
  return out;
}

}  // namespace edict::engine

// PutEvaluations bodies for `edict config-rule`: one evaluation per invocation, its compliance
// derived from the verdicts of every rule on the event's configuration item.
#include "report/config_rule.h"

#include <nlohmann/json.hpp>

#include "loaders/loader.h"

namespace edict::report {

namespace {

using nlohmann::json;

std::string text_of(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// At most `limit` bytes, never ending inside a UTF-8 sequence.
std::string cut(std::string s, size_t limit) {
  if (s.size() <= limit) return s;
  size_t n = limit - 3;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "...";
}

}  // namespace

ConfigEvent parse_config_event(std::string_view text, const std::string& name) {
  json event = json::parse(text, nullptr, false);
  if (event.is_discarded() || !event.is_object() || !event.contains("invokingEvent"))
    throw loaders::InputError(name + ": not an AWS Config rule event (no invokingEvent)");
  json inner = event["invokingEvent"];
  if (inner.is_string()) inner = json::parse(inner.get<std::string>(), nullptr, false);
  if (inner.is_discarded() || !inner.is_object())
    throw loaders::InputError(name + ": invokingEvent is not a JSON object");
  ConfigEvent out;
  out.message_type = text_of(inner, "messageType");
  out.result_token = text_of(event, "resultToken");
  json params = event.contains("ruleParameters") ? event["ruleParameters"] : json::object();
  if (params.is_string()) params = json::parse(params.get<std::string>(), nullptr, false);
  if (params.is_null()) params = json::object();
  if (params.is_discarded() || !params.is_object())
    throw loaders::InputError(name + ": ruleParameters is not a JSON object");
  out.rule_parameters = params.dump();
  auto left = event.find("eventLeftScope");
  out.left_scope = left != event.end() && left->is_boolean() && left->get<bool>();
  if (out.message_type == "OversizedConfigurationItemChangeNotification") {
    // Only a summary travels in the event; the item itself is fetched by the caller.
    out.oversized = true;
    const json summary = inner.contains("configurationItemSummary") ? inner["configurationItemSummary"] : json::object();
    if (!summary.is_object()) throw loaders::InputError(name + ": configurationItemSummary is not a JSON object");
    out.resource_type = text_of(summary, "resourceType");
    out.resource_id = text_of(summary, "resourceId");
    out.ordering_time = text_of(summary, "configurationItemCaptureTime");
    if (out.ordering_time.empty()) out.ordering_time = text_of(inner, "notificationCreationTime");
    return out;
  }
  if (!inner.contains("configurationItem") || !inner["configurationItem"].is_object())
    throw loaders::InputError(name + ": the event carries no configurationItem (" +
                              (out.message_type.empty() ? std::string("no messageType") : out.message_type) + ")");
  const json& ci = inner["configurationItem"];
  out.resource_type = text_of(ci, "resourceType");
  out.resource_id = text_of(ci, "resourceId");
  out.ordering_time = text_of(ci, "configurationItemCaptureTime");
  if (out.ordering_time.empty()) out.ordering_time = text_of(inner, "notificationCreationTime");
  return out;
}

std::string render_put_evaluations(const engine::Results& results, const ConfigEvent& event) {
  std::string failing, undecided;
  size_t passed = 0;
  for (const engine::Result& r : results.items) {
    std::string line = r.rule->id + (r.message.empty() ? "" : ": " + r.message);
    switch (r.status) {
      case engine::Status::Fail: failing += (failing.empty() ? "" : "; ") + line; break;
      case engine::Status::Error:
      case engine::Status::Unknown: undecided += (undecided.empty() ? "" : "; ") + line; break;
      case engine::Status::Pass: ++passed; break;
      default: break;
    }
  }
  std::string type, annotation;
  if (event.left_scope) {
    type = "NOT_APPLICABLE";
    annotation = "the resource left the scope of this rule";
  } else if (!failing.empty()) {
    type = "NON_COMPLIANT";
    annotation = failing;
  } else if (!undecided.empty()) {
    type = "INSUFFICIENT_DATA";
    annotation = "could not decide: " + undecided;
  } else if (passed > 0) {
    type = "COMPLIANT";
    annotation = std::to_string(passed) + (passed == 1 ? " rule passes" : " rules pass");
  } else {
    type = "NOT_APPLICABLE";
    annotation = "no rule applies to this resource";
  }
  json evaluation = {{"ComplianceResourceType", event.resource_type},
                     {"ComplianceResourceId", event.resource_id},
                     {"ComplianceType", type},
                     {"Annotation", cut(annotation, 256)},
                     {"OrderingTimestamp", event.ordering_time}};
  json body = {{"Evaluations", json::array({evaluation})}, {"ResultToken", event.result_token}};
  return body.dump(2) + "\n";
}

}  // namespace edict::report

// PutEvaluations bodies for `edict config-rule`: one evaluation per invocation, its compliance
// derived from the verdicts of every rule on the event's configuration item.
#include "report/config_rule.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "common/text.h"
#include "loaders/json_document.h"
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

// A member holding JSON text (invokingEvent, ruleParameters) read as strictly as a file.
json embedded(const json& v, const std::string& name, const char* what) {
  if (!v.is_string()) return v;
  return loaders::parse_json_document(v.get<std::string>(), name + " (in the " + what + " string)");
}

}  // namespace

ConfigEvent parse_config_event(std::string_view text, const std::string& name) {
  json event = loaders::parse_json_document(text, name);
  if (!event.is_object()) throw loaders::InputError(loaders::wrong_type(name, "", "an AWS Config rule event object", event));
  if (!event.contains("invokingEvent"))
    throw loaders::InputError(name + ": not an AWS Config rule event (no invokingEvent)");
  json inner = embedded(event["invokingEvent"], name, "invokingEvent");
  if (!inner.is_object()) throw loaders::InputError(loaders::wrong_type(name, "invokingEvent", "a JSON object", inner));
  ConfigEvent out;
  out.message_type = text_of(inner, "messageType");
  out.result_token = text_of(event, "resultToken");
  json params = event.contains("ruleParameters") ? event["ruleParameters"] : json::object();
  params = embedded(params, name, "ruleParameters");
  if (params.is_null()) params = json::object();
  if (!params.is_object()) throw loaders::InputError(loaders::wrong_type(name, "ruleParameters", "a JSON object", params));
  out.rule_parameters = params.dump();
  if (auto left = event.find("eventLeftScope"); left != event.end() && !left->is_null()) {
    if (!left->is_boolean()) throw loaders::InputError(loaders::wrong_type(name, "eventLeftScope", "a boolean", *left));
    out.left_scope = left->get<bool>();
  }
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

void check_item_resource(std::string_view text, const std::string& name, const ConfigEvent& event) {
  if (event.resource_id.empty()) return;
  json doc = loaders::parse_json_document(text, name);
  std::vector<const json*> items;
  if (doc.is_object()) {
    if (doc.contains("resourceType")) items.push_back(&doc);
    for (const char* key : {"configurationItem"}) {
      if (auto it = doc.find(key); it != doc.end() && it->is_object()) items.push_back(&*it);
    }
    for (const char* key : {"configurationItems", "baseConfigurationItems"}) {
      if (auto it = doc.find(key); it != doc.end() && it->is_array())
        for (const json& ci : *it) items.push_back(&ci);
    }
  }
  for (const json* ci : items) {
    if (!ci->is_object()) continue;
    std::string type = text_of(*ci, "resourceType"), id = text_of(*ci, "resourceId");
    if (id.empty() || (id == event.resource_id && (type.empty() || event.resource_type.empty() || type == event.resource_type)))
      continue;
    // Filed under the event's resource, another resource's verdict would be reported for it.
    throw loaders::InputError(name + ": --item holds " + text::printable(type) + " " + text::printable(id) +
                              ", but the event is about " + text::printable(event.resource_type) + " " +
                              text::printable(event.resource_id));
  }
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
  if (event.left_scope) {  // the resource is no longer one this rule covers: nothing to judge
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
